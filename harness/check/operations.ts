/**
 * The S3 operations this suite covers, their area, and their AWS API reference page.
 * A check naming an operation that is not here is rejected when the suite is collected.
 */
export type Area = 'bucket' | 'object' | 'listing' | 'multipart' | 'naming' | 'auth' | 'clients';

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
  // Real clients (suites/clients): does the documented usage of each tool work on the target?
  AwsCli: { area: 'clients', ref: 'https://docs.aws.amazon.com/cli/latest/reference/s3/', nhn: true },
  Boto3: { area: 'clients', ref: 'https://boto3.amazonaws.com/v1/documentation/api/latest/reference/services/s3.html', nhn: true },
  S3cmd: { area: 'clients', ref: 'https://s3tools.org/usage', nhn: false },
  Rclone: { area: 'clients', ref: 'https://rclone.org/s3/', nhn: false },
  MinioJs: { area: 'clients', ref: 'https://min.io/docs/minio/linux/developers/javascript/API.html', nhn: false },
  SdkUpload: { area: 'clients', ref: 'https://docs.aws.amazon.com/AWSJavaScriptSDK/v3/latest/Package/-aws-sdk-lib-storage/', nhn: false },
  JavaSdk: { area: 'clients', ref: 'https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/examples-s3.html', nhn: true },
} as const satisfies Record<string, OperationInfo>;

export type Operation = keyof typeof OPERATIONS;

export const AREA_ORDER: readonly Area[] = ['bucket', 'naming', 'object', 'listing', 'multipart', 'auth', 'clients'];
