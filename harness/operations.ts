/**
 * The S3 operations this suite covers, their area, and their AWS API reference page.
 * A check naming an operation that is not here is rejected when the suite is collected.
 */
export type Area = 'bucket' | 'object' | 'listing' | 'multipart' | 'naming' | 'auth';

export const API_BASE = 'https://docs.aws.amazon.com/AmazonS3/latest/API/';

export interface OperationInfo {
  area: Area;
  /** AWS API reference page, e.g. .../API_CreateBucket.html */
  ref: string;
  /** Listed in NHN Cloud's S3-compatible API guide. */
  nhn: boolean;
}

function op(area: Area, name: string, nhn = true): OperationInfo {
  return { area, ref: `${API_BASE}API_${name}.html`, nhn };
}

export const OPERATIONS = {
  CreateBucket: op('bucket', 'CreateBucket'),
  HeadBucket: op('bucket', 'HeadBucket'),
  ListBuckets: op('bucket', 'ListBuckets'),
  GetBucketLocation: op('bucket', 'GetBucketLocation'),
  DeleteBucket: op('bucket', 'DeleteBucket'),
  PutBucketAcl: op('bucket', 'PutBucketAcl'),
  GetBucketAcl: op('bucket', 'GetBucketAcl'),
  BucketNaming: { area: 'naming', ref: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html', nhn: true },
  PutObject: op('object', 'PutObject'),
  GetObject: op('object', 'GetObject'),
  HeadObject: op('object', 'HeadObject'),
  DeleteObject: op('object', 'DeleteObject'),
  DeleteObjects: op('object', 'DeleteObjects'),
  CopyObject: op('object', 'CopyObject'),
  ListObjects: op('listing', 'ListObjects'),
  ListObjectsV2: op('listing', 'ListObjectsV2'),
  CreateMultipartUpload: op('multipart', 'CreateMultipartUpload'),
  UploadPart: op('multipart', 'UploadPart'),
  UploadPartCopy: op('multipart', 'UploadPartCopy'),
  CompleteMultipartUpload: op('multipart', 'CompleteMultipartUpload'),
  AbortMultipartUpload: op('multipart', 'AbortMultipartUpload'),
  ListParts: op('multipart', 'ListParts'),
  ListMultipartUploads: op('multipart', 'ListMultipartUploads'),
  SigV4: { area: 'auth', ref: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-authenticating-requests.html', nhn: true },
  SigV4Presigned: { area: 'auth', ref: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html', nhn: true },
  SigV4Streaming: { area: 'auth', ref: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html', nhn: true },
  SigV2: { area: 'auth', ref: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html', nhn: true },
  Anonymous: { area: 'auth', ref: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html', nhn: true },
} as const satisfies Record<string, OperationInfo>;

export type Operation = keyof typeof OPERATIONS;

export const AREA_ORDER: readonly Area[] = ['bucket', 'naming', 'object', 'listing', 'multipart', 'auth'];
