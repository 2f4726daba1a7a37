/**
 * Faults of the bucket area added with the depth checks (see faults.ts for the shape of a fault).
 * Each breaks one behaviour class of the new checks in the answers of the server behind the proxy
 * (answers only: a rewritten request would no longer match its SigV4 signature).
 */
import { acceptRejected, dropHeaders, operationOf, type Fault } from './fault-kit.ts';
import { pathOf, type ProxyResponse } from './proxy.ts';

function s3Error(status: number, code: string): ProxyResponse {
  return {
    status,
    headers: { 'content-type': 'application/xml', 'x-amz-request-id': 'fault' },
    body: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>fault</Message><RequestId>fault</RequestId></Error>`),
  };
}

export const BUCKET_FAULTS: Fault[] = [
  {
    id: 'bucket3/no-id-2',
    area: 'bucket',
    operation: ['CreateBucket', 'DeleteBucket', 'HeadBucket', 'ListBuckets', 'GetBucketLocation', 'GetBucketAcl', 'PutBucketAcl'],
    description: 'bucket operations answer without the x-amz-id-2 header',
    only: [
      'CreateBucket/request-id-headers',
      'DeleteBucket/request-id-headers',
      'HeadBucket/request-id-headers',
      'ListBuckets/request-id-headers',
      'GetBucketLocation/request-id-headers',
      'GetBucketAcl/request-id-headers',
      'PutBucketAcl/request-id-headers',
    ],
    onResponse: dropHeaders(['CreateBucket', 'DeleteBucket', 'HeadBucket', 'ListBuckets', 'GetBucketLocation', 'GetBucketAcl', 'PutBucketAcl'], (n) => n === 'x-amz-id-2'),
  },
  {
    id: 'bucket3/location-header-url',
    area: 'bucket',
    operation: 'CreateBucket',
    description: 'CreateBucket in us-east-1 answers Location with a URL of another host instead of "/<bucket>"',
    only: ['CreateBucket/location-header'],
    onResponse: (req, res) =>
      operationOf(req) === 'CreateBucket' && res.status === 200 ? { ...res, headers: { ...res.headers, location: 'http://elsewhere.example/' } } : undefined,
  },
  {
    id: 'bucket3/invalid-location-accepted',
    area: 'bucket',
    operation: 'CreateBucket',
    description: 'CreateBucket answers 200 to an unknown LocationConstraint (400 InvalidLocationConstraint turned into 200)',
    only: ['CreateBucket/invalid-location-constraint'],
    onResponse: acceptRejected(['CreateBucket'], ['InvalidLocationConstraint'], 400),
  },
  {
    id: 'bucket3/delete-with-upload-refused',
    area: 'bucket',
    operation: 'DeleteBucket',
    description: 'DeleteBucket of a bucket holding only an in-progress multipart upload answers 409 BucketNotEmpty',
    only: ['DeleteBucket/in-progress-multipart'],
    onResponse: (req, res) => (operationOf(req) === 'DeleteBucket' && res.status === 204 && /-mpu$/.test(pathOf(req.url).bucket ?? '') ? s3Error(409, 'BucketNotEmpty') : undefined),
  },
  {
    id: 'bucket3/acl-two-kinds-accepted',
    area: 'bucket',
    operation: 'PutBucketAcl',
    description: 'PutBucketAcl accepts a canned ACL together with grant headers (400 InvalidRequest turned into 200)',
    only: ['PutBucketAcl/canned-and-grant-headers'],
    onResponse: acceptRejected(['PutBucketAcl'], ['InvalidRequest'], 400),
  },
  {
    id: 'bucket3/acl-invalid-argument-accepted',
    area: 'bucket',
    operation: 'PutBucketAcl',
    description: 'PutBucketAcl accepts an unknown canned ACL or a malformed grant header (400 InvalidArgument turned into 200)',
    only: ['PutBucketAcl/invalid-canned-acl', 'PutBucketAcl/grant-invalid-group-uri', 'PutBucketAcl/grant-bad-format'],
    onResponse: acceptRejected(['PutBucketAcl'], ['InvalidArgument'], 400),
  },
  {
    id: 'bucket3/acl-grant-permission-renamed',
    area: 'bucket',
    operation: 'PutBucketAcl',
    description: 'GetBucketAcl reports a READ_ACP grant as READ',
    only: ['PutBucketAcl/grant-read-acp'],
    onResponse: (req, res) =>
      operationOf(req) === 'GetBucketAcl' && res.status === 200
        ? { ...res, body: Buffer.from(res.body.toString('utf8').replace(/<Permission>READ_ACP<\/Permission>/g, '<Permission>READ</Permission>')) }
        : undefined,
  },
];
