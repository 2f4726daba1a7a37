/**
 * The faults of the bucket area (CreateBucket, DeleteBucket, HeadBucket, ListBuckets,
 * GetBucketLocation, GetBucketAcl, PutBucketAcl): a field of the ListAllMyBucketsResult /
 * AccessControlPolicy documents wrong or missing, a request header ignored, a wrong status or error
 * code, the request-id headers dropped. The bucket-name rules are the naming area (naming.ts).
 * See kit.ts for the shape of a fault.
 */
import { acceptRejected, dropErrorElement, dropHeaders, editBody, editElements, editErrorAnswers, errorCode, operationOf, withoutHeader, type Fault } from './kit.ts';
import { pathOf, queryOf, type ProxyResponse } from '../proxy.ts';

/** An S3 error document with a RequestId element (the kit's s3Error has none). */
function s3Error(status: number, code: string): ProxyResponse {
  return {
    status,
    headers: { 'content-type': 'application/xml', 'x-amz-request-id': 'fault' },
    body: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>fault</Message><RequestId>fault</RequestId></Error>`),
  };
}

export const BUCKET_FAULTS: Fault[] = [
  // ---- the first catalogue (bucket/…) -----------------------------------------------------------
  {
    id: 'bucket/head-missing-200',
    area: 'bucket',
    operation: 'HeadBucket',
    description: 'HeadBucket of a missing bucket answers 200',
    only: ['HeadBucket/'],
    onResponse: (req, res) => (operationOf(req) === 'HeadBucket' && res.status === 404 ? { status: 200, headers: {}, body: Buffer.alloc(0) } : undefined),
  },
  {
    id: 'bucket/delete-non-empty',
    area: 'bucket',
    operation: 'DeleteBucket',
    description: 'DeleteBucket of a non-empty bucket answers 204 instead of 409 BucketNotEmpty',
    only: ['DeleteBucket/'],
    onResponse: (req, res) => (operationOf(req) === 'DeleteBucket' && errorCode(res) === 'BucketNotEmpty' ? { status: 204, headers: {}, body: Buffer.alloc(0) } : undefined),
  },
  {
    id: 'bucket/list-buckets-drops-one',
    area: 'bucket',
    operation: 'ListBuckets',
    // Every second bucket, not only the last: the account of a shared server holds other runs'
    // buckets, so the last one is not necessarily this run's; two adjacent buckets of one file are
    // never both kept.
    description: 'ListBuckets omits every second bucket (the 2nd, 4th, …)',
    only: ['ListBuckets/'],
    onResponse: editBody(['ListBuckets'], (xml) => {
      let i = 0;
      return xml.replace(/<Bucket>[\s\S]*?<\/Bucket>/g, (b) => (i++ % 2 === 1 ? '' : b));
    }),
  },
  {
    id: 'bucket/acl-grant-dropped',
    area: 'bucket',
    operation: ['GetBucketAcl', 'PutBucketAcl'],
    description: 'GetBucketAcl omits every grant but the first',
    only: ['GetBucketAcl/', 'PutBucketAcl/'],
    onResponse: editBody(['GetBucketAcl'], (xml) => {
      let n = 0;
      return xml.replace(/<Grant>[\s\S]*?<\/Grant>/g, (g) => (n++ === 0 ? g : ''));
    }),
  },
  {
    id: 'bucket/location-wrong',
    area: 'bucket',
    operation: 'GetBucketLocation',
    description: 'GetBucketLocation answers a region the bucket is not in',
    only: ['GetBucketLocation/'],
    onResponse: editBody(['GetBucketLocation'], (xml) => xml.replace(/<LocationConstraint([^>]*)\/>|<LocationConstraint([^>]*)>[^<]*<\/LocationConstraint>/, '<LocationConstraint$1$2>xx-fault-1</LocationConstraint>')),
  },
  // ---- second round (bucket2/…) -----------------------------------------------------------------
  {
    id: 'bucket2/head-missing-403',
    area: 'bucket',
    operation: 'HeadBucket',
    description: 'HeadBucket of a missing bucket answers 403 instead of 404',
    only: ['HeadBucket/'],
    onResponse: (req, res) => (operationOf(req) === 'HeadBucket' && res.status === 404 ? { status: 403, headers: { 'x-amz-request-id': 'fault' }, body: Buffer.alloc(0) } : undefined),
  },
  {
    id: 'bucket2/head-alt-200',
    area: 'bucket',
    operation: 'HeadBucket',
    description: "HeadBucket does not check permissions: another owner's private bucket answers 200",
    only: ['HeadBucket/'],
    onResponse: (req, res) => (operationOf(req) === 'HeadBucket' && res.status === 403 ? { status: 200, headers: { 'x-amz-request-id': 'fault' }, body: Buffer.alloc(0) } : undefined),
  },
  {
    id: 'bucket2/delete-missing-204',
    area: 'bucket',
    operation: 'DeleteBucket',
    description: 'DeleteBucket of a missing bucket answers 204 (idempotent delete) instead of 404 NoSuchBucket',
    only: ['DeleteBucket/'],
    onResponse: (req, res) => (operationOf(req) === 'DeleteBucket' && errorCode(res) === 'NoSuchBucket' ? { status: 204, headers: {}, body: Buffer.alloc(0) } : undefined),
  },
  {
    id: 'bucket2/not-empty-400',
    area: 'bucket',
    operation: 'DeleteBucket',
    description: 'DeleteBucket of a non-empty bucket answers BucketNotEmpty with status 400 instead of 409',
    only: ['DeleteBucket/'],
    onResponse: (req, res) => (operationOf(req) === 'DeleteBucket' && errorCode(res) === 'BucketNotEmpty' ? { ...res, status: 400 } : undefined),
  },
  {
    id: 'bucket2/delete-200',
    area: 'bucket',
    operation: 'DeleteBucket',
    description: 'DeleteBucket answers 200 instead of 204 No Content',
    only: ['DeleteBucket/'],
    onResponse: (req, res) => (operationOf(req) === 'DeleteBucket' && res.status === 204 ? { ...res, status: 200 } : undefined),
  },
  {
    id: 'bucket2/location-missing-200',
    area: 'bucket',
    operation: 'GetBucketLocation',
    description: 'GetBucketLocation of a missing bucket answers 200 with an empty LocationConstraint',
    only: ['GetBucketLocation/'],
    onResponse: (req, res) =>
      operationOf(req) === 'GetBucketLocation' && errorCode(res) === 'NoSuchBucket'
        ? { status: 200, headers: { 'content-type': 'application/xml', 'x-amz-request-id': 'fault' }, body: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/"/>') }
        : undefined,
  },
  {
    id: 'bucket2/list-buckets-no-owner',
    area: 'bucket',
    operation: 'ListBuckets',
    description: 'ListBuckets omits the Owner element',
    only: ['ListBuckets/'],
    onResponse: editBody(['ListBuckets'], (xml) => xml.replace(/<Owner>[\s\S]*?<\/Owner>/, '')),
  },
  {
    id: 'bucket2/list-buckets-owner-id-wrong',
    area: 'bucket',
    operation: 'ListBuckets',
    description: "ListBuckets reports the account name as Owner/ID instead of the owner's canonical ID",
    only: ['ListBuckets/'],
    onResponse: editBody(['ListBuckets'], (xml) => xml.replace(/(<Owner>[\s\S]*?<ID>)([^<]*)(<\/ID>)/, '$1fault-$2$3')),
  },
  {
    id: 'bucket2/list-buckets-date-http-format',
    area: 'bucket',
    operation: 'ListBuckets',
    description: 'ListBuckets writes CreationDate as an HTTP date (RFC 1123) instead of ISO 8601',
    only: ['ListBuckets/'],
    onResponse: editBody(['ListBuckets'], (xml) =>
      editElements(xml, 'CreationDate', (v) => {
        const t = Date.parse(v);
        return Number.isNaN(t) ? v : new Date(t).toUTCString();
      }),
    ),
  },
  {
    id: 'bucket2/create-no-request-id',
    area: 'bucket',
    operation: 'CreateBucket',
    description: 'CreateBucket answers without x-amz-request-id',
    only: ['CreateBucket/request-id-headers'],
    onResponse: dropHeaders(['CreateBucket'], (n) => n === 'x-amz-request-id'),
  },
  {
    id: 'bucket2/create-ignores-canned-acl',
    area: 'bucket',
    operation: 'CreateBucket',
    description: 'CreateBucket ignores x-amz-acl (a bucket created public-read is private)',
    only: ['CreateBucket/'],
    onRequest: (req) => {
      if (operationOf(req) === 'CreateBucket') delete req.headers['x-amz-acl'];
    },
  },
  {
    id: 'bucket2/acl-owner-id-wrong',
    area: 'bucket',
    operation: 'GetBucketAcl',
    description: "GetBucketAcl reports a wrong Owner/ID (the grants' IDs are right)",
    only: ['GetBucketAcl/'],
    onResponse: editBody(['GetBucketAcl'], (xml) => xml.replace(/(<Owner>[\s\S]*?<ID>)([^<]*)(<\/ID>)/, '$1fault-$2$3')),
  },
  {
    id: 'bucket2/acl-permission-renamed',
    area: 'bucket',
    operation: 'GetBucketAcl',
    description: 'GetBucketAcl spells the FULL_CONTROL permission "FULL-CONTROL"',
    only: ['GetBucketAcl/'],
    onResponse: editBody(['GetBucketAcl'], (xml) => xml.replace(/<Permission>FULL_CONTROL<\/Permission>/g, '<Permission>FULL-CONTROL</Permission>')),
  },
  {
    id: 'bucket2/acl-xsi-type-missing',
    area: 'bucket',
    operation: 'GetBucketAcl',
    description: 'GetBucketAcl writes Grantee without its xsi:type attribute',
    only: ['GetBucketAcl/'],
    onResponse: editBody(['GetBucketAcl'], (xml) => xml.replace(/\s+xsi:type="[^"]*"/g, '')),
  },
  {
    id: 'bucket2/canned-public-read-ignored',
    area: 'bucket',
    operation: 'PutBucketAcl',
    description: 'PutBucketAcl answers 200 to x-amz-acl: public-read but applies private',
    only: ['PutBucketAcl/canned-public-read'],
    onRequest: (req) => {
      if (operationOf(req) === 'PutBucketAcl' && req.headers['x-amz-acl'] === 'public-read') req.headers['x-amz-acl'] = 'private';
    },
  },
  {
    id: 'bucket2/acl-all-users-uri-wrong',
    area: 'bucket',
    operation: 'PutBucketAcl',
    description: 'GetBucketAcl names the AllUsers group with an https URI (not http://acs.amazonaws.com/groups/global/AllUsers)',
    only: ['PutBucketAcl/canned-public-read'],
    onResponse: editBody(['GetBucketAcl'], (xml) => xml.replace(/http:\/\/acs\.amazonaws\.com\/groups\/global\/AllUsers/g, 'https://acs.amazonaws.com/groups/global/AllUsers')),
  },
  // ---- depth checks (bucket3/…) -----------------------------------------------------------------
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
  // ---- the fourth catalogue (bucket4/…) -------------------------------------------------------
  {
    id: 'bucket4/no-such-bucket-drops-name',
    area: 'bucket',
    operation: 'DeleteBucket',
    description: 'the NoSuchBucket error of DeleteBucket carries no <BucketName>',
    only: ['DeleteBucket/no-such-bucket-name'],
    onResponse: dropErrorElement(['DeleteBucket'], 'NoSuchBucket', 'BucketName'),
  },
  // ---- the fifth catalogue (bucket5/…) --------------------------------------------------------
  {
    id: 'bucket5/bucket-region-filter-drops-all',
    area: 'bucket',
    operation: 'ListBuckets',
    description: 'ListBuckets with a bucket-region parameter lists no bucket (the filter matches nothing)',
    only: ['ListBuckets/bucket-region-filter'],
    onResponse: editBody(['ListBuckets'], (xml, req) => (queryOf(req.url).has('bucket-region') ? xml.replace(/<Buckets>[\s\S]*<\/Buckets>/, '<Buckets></Buckets>') : xml)),
  },
  // ---- the sixth catalogue (bucket6/…) --------------------------------------------------------
  {
    id: 'bucket6/canned-acl-drops-argument-name',
    area: 'bucket',
    operation: 'PutBucketAcl',
    description: 'the InvalidArgument error of PutBucketAcl carries no <ArgumentName>',
    only: ['PutBucketAcl/invalid-canned-acl-argument'],
    onResponse: dropErrorElement(['PutBucketAcl'], 'InvalidArgument', 'ArgumentName'),
  },
  {
    id: 'bucket6/canned-acl-wrong-argument-value',
    area: 'bucket',
    operation: 'PutBucketAcl',
    description: 'the InvalidArgument error of PutBucketAcl names another value in <ArgumentValue>',
    only: ['PutBucketAcl/invalid-canned-acl-argument'],
    onResponse: (req, res) =>
      operationOf(req) === 'PutBucketAcl' && errorCode(res) === 'InvalidArgument'
        ? { ...res, body: Buffer.from(res.body.toString('utf8').replace(/<ArgumentValue>[^<]*<\/ArgumentValue>/g, '<ArgumentValue>private</ArgumentValue>')) }
        : undefined,
  },
  {
    id: 'bucket6/already-owned-drops-name',
    area: 'bucket',
    operation: 'CreateBucket',
    description: 'the BucketAlreadyOwnedByYou error of CreateBucket carries no <BucketName>',
    only: ['CreateBucket/duplicate-same-owner-names-bucket'],
    onResponse: dropErrorElement(['CreateBucket'], 'BucketAlreadyOwnedByYou', 'BucketName'),
  },
  {
    id: 'bucket6/not-empty-drops-name',
    area: 'bucket',
    operation: 'DeleteBucket',
    description: 'the BucketNotEmpty error of DeleteBucket carries no <BucketName>',
    only: ['DeleteBucket/not-empty-names-bucket'],
    upstream: 'rgw', // Swift's s3api writes no BucketName in BucketNotEmpty (a known deviation)
    onResponse: dropErrorElement(['DeleteBucket'], 'BucketNotEmpty', 'BucketName'),
  },
  {
    id: 'bucket7/invalid-name-drops-name',
    area: 'bucket',
    operation: 'CreateBucket',
    description: 'the InvalidBucketName error of CreateBucket carries no <BucketName>',
    only: ['CreateBucket/invalid-name-names-bucket'],
    onResponse: dropErrorElement(['CreateBucket'], 'InvalidBucketName', 'BucketName'),
  },
  {
    id: 'bucket7/missing-security-header-unnamed',
    area: 'bucket',
    operation: 'PutBucketAcl',
    description: 'the MissingSecurityHeader error of PutBucketAcl names x-amz-grant-full-control in <MissingHeaderName> instead of x-amz-acl',
    only: ['PutBucketAcl/nothing-specified-names-header'],
    onResponse: (req, res) => {
      if (operationOf(req) !== 'PutBucketAcl' || errorCode(res) !== 'MissingSecurityHeader') return;
      const xml = res.body.toString('utf8').replace(/<MissingHeaderName>[^<]*<\/MissingHeaderName>/, '');
      return { ...res, body: Buffer.from(xml.replace('</Code>', '</Code><MissingHeaderName>x-amz-grant-full-control</MissingHeaderName>')) };
    },
  },
  // ---- the error envelope (bucket8/…) -----------------------------------------------------------
  {
    id: 'bucket8/error-no-id-2',
    area: 'bucket',
    operation: ['CreateBucket', 'HeadBucket', 'GetBucketLocation', 'GetBucketAcl', 'PutBucketAcl', 'DeleteBucket'],
    description: 'the error answers of the bucket operations carry no x-amz-id-2 header',
    only: ['CreateBucket/error-envelope', 'HeadBucket/error-envelope', 'GetBucketLocation/error-envelope', 'GetBucketAcl/error-envelope', 'PutBucketAcl/error-envelope', 'DeleteBucket/error-envelope'],
    onResponse: editErrorAnswers(['CreateBucket', 'HeadBucket', 'GetBucketLocation', 'GetBucketAcl', 'PutBucketAcl', 'DeleteBucket'], (res) => withoutHeader(res, 'x-amz-id-2')),
  },
  {
    id: 'bucket8/no-such-bucket-unnamed',
    area: 'bucket',
    operation: ['GetBucketLocation', 'GetBucketAcl', 'PutBucketAcl'],
    description: 'the NoSuchBucket errors of GetBucketLocation, GetBucketAcl and PutBucketAcl carry no <BucketName>',
    only: ['GetBucketLocation/no-such-bucket-names-bucket', 'GetBucketAcl/no-such-bucket-names-bucket', 'PutBucketAcl/no-such-bucket-names-bucket'],
    onResponse: dropErrorElement(['GetBucketLocation', 'GetBucketAcl', 'PutBucketAcl'], 'NoSuchBucket', 'BucketName'),
  },
  {
    id: 'bucket9/invalid-acl-unnamed',
    area: 'bucket',
    operation: 'CreateBucket',
    description: 'the InvalidArgument error of a CreateBucket with x-amz-acl: fake-acl carries no <ArgumentValue>',
    only: ['CreateBucket/invalid-canned-acl-names-argument'],
    onResponse: dropErrorElement(['CreateBucket'], 'InvalidArgument', 'ArgumentValue'),
  },
  {
    id: 'bucket9/grant-group-uri-unnamed',
    area: 'bucket',
    operation: 'PutBucketAcl',
    description: 'the InvalidArgument error for an x-amz-grant-* header naming an unknown group carries no <ArgumentName>',
    only: ['PutBucketAcl/grant-invalid-group-uri-names-argument'],
    onResponse: dropErrorElement(['PutBucketAcl'], 'InvalidArgument', 'ArgumentName'),
  },
  {
    id: 'bucket9/acp-unknown-group-accepted',
    area: 'bucket',
    operation: 'PutBucketAcl',
    description: 'PutBucketAcl accepts (200) an AccessControlPolicy body granting a Group URI that is no S3 group',
    only: ['PutBucketAcl/acp-invalid-group-uri'],
    onResponse: acceptRejected(['PutBucketAcl'], ['InvalidArgument'], undefined, (req) => req.body.toString('utf8').includes('/groups/s3/FakeGroup</URI>')),
  },
];
