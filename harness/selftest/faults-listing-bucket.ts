/**
 * Faults of the listing, bucket and naming areas for the self-validation (see faults.ts for the
 * shape and helpers). Each one is a bug a real S3 layer could plausibly have: a field of the
 * ListBucketResult / ListAllMyBucketsResult / AccessControlPolicy documents wrong or missing, a
 * request parameter ignored, a wrong status or error code.
 */
import { acceptRejected, dropHeaders, editBody, errorCode, operationOf, type Fault } from './fault-kit.ts';
import { pathOf, queryOf, type ProxyRequest, type ProxyResponse } from './proxy.ts';

const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An S3 error document answer. */
function s3Error(status: number, code: string): ProxyResponse {
  return {
    status,
    headers: { 'content-type': 'application/xml', 'x-amz-request-id': 'fault' },
    body: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>fault</Message></Error>`),
  };
}

/** Rewrite every <tag>value</tag> of the body. */
function editElements(xml: string, tag: string, f: (v: string) => string): string {
  return xml.replace(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'), (_m, v: string) => `<${tag}>${f(v)}</${tag}>`);
}

const noQuery = (req: ProxyRequest, p: string): boolean => !queryOf(req.url).has(p);

export const LISTING_BUCKET_FAULTS: Fault[] = [
  // ---- listing -----------------------------------------------------------------------------
  {
    id: 'listing2/v2-keycount-off-by-one',
    area: 'listing',
    operation: 'ListObjectsV2',
    description: 'ListObjectsV2 reports KeyCount one higher than the entries returned',
    only: ['ListObjectsV2/'],
    onResponse: editBody(['ListObjectsV2'], (xml) => editElements(xml, 'KeyCount', (v) => String(Number(v) + 1))),
  },
  {
    id: 'listing2/v1-drops-owner',
    area: 'listing',
    operation: 'ListObjects',
    description: 'ListObjects (v1) omits Owner from every Contents entry',
    only: ['ListObjects/'],
    onResponse: editBody(['ListObjects'], (xml) => xml.replace(/(<Contents>[\s\S]*?)<Owner>[\s\S]*?<\/Owner>/g, '$1')),
  },
  {
    id: 'listing2/v2-owner-without-fetch-owner',
    area: 'listing',
    operation: 'ListObjectsV2',
    description: 'ListObjectsV2 returns Owner in every entry although fetch-owner was not requested',
    only: ['ListObjectsV2/'],
    onResponse: editBody(['ListObjectsV2'], (xml, req) =>
      noQuery(req, 'fetch-owner') ? xml.replace(/<\/Contents>/g, '<Owner><ID>fault-owner</ID><DisplayName>fault-owner</DisplayName></Owner></Contents>') : xml,
    ),
  },
  {
    id: 'listing2/v1-etag-unquoted',
    area: 'listing',
    operation: 'ListObjects',
    description: 'ListObjects (v1) returns ETag without the surrounding double quotes',
    only: ['ListObjects/'],
    onResponse: editBody(['ListObjects'], (xml) => editElements(xml, 'ETag', (v) => v.replace(/&quot;|"/g, ''))),
  },
  {
    id: 'listing2/v2-last-modified-local-time',
    area: 'listing',
    operation: 'ListObjectsV2',
    description: 'ListObjectsV2 writes LastModified in local time (UTC+9) but labels it Z',
    only: ['ListObjectsV2/'],
    onResponse: editBody(['ListObjectsV2'], (xml) =>
      editElements(xml, 'LastModified', (v) => {
        const t = Date.parse(v);
        return Number.isNaN(t) ? v : new Date(t + 9 * 3_600_000).toISOString();
      }),
    ),
  },
  {
    id: 'listing2/v1-last-modified-http-date',
    area: 'listing',
    operation: 'ListObjects',
    description: 'ListObjects (v1) writes LastModified as an HTTP date (RFC 1123) instead of ISO 8601',
    only: ['ListObjects/'],
    onResponse: editBody(['ListObjects'], (xml) =>
      editElements(xml, 'LastModified', (v) => {
        const t = Date.parse(v);
        return Number.isNaN(t) ? v : new Date(t).toUTCString();
      }),
    ),
  },
  {
    id: 'listing2/v2-storage-class-missing',
    area: 'listing',
    operation: 'ListObjectsV2',
    description: 'ListObjectsV2 omits StorageClass from the entries',
    only: ['ListObjectsV2/'],
    onResponse: editBody(['ListObjectsV2'], (xml) => xml.replace(/<StorageClass>[^<]*<\/StorageClass>/g, '')),
  },
  {
    id: 'listing2/v1-no-next-marker-with-delimiter',
    area: 'listing',
    operation: 'ListObjects',
    description: 'ListObjects (v1) omits NextMarker on a truncated page although a delimiter was given',
    only: ['ListObjects/'],
    onResponse: editBody(['ListObjects'], (xml) => xml.replace(/<NextMarker>[^<]*<\/NextMarker>/, '')),
  },
  {
    id: 'listing2/v2-start-after-not-echoed',
    area: 'listing',
    operation: 'ListObjectsV2',
    description: 'ListObjectsV2 honours start-after but does not echo StartAfter',
    only: ['ListObjectsV2/'],
    onResponse: editBody(['ListObjectsV2'], (xml) => xml.replace(/<StartAfter>[^<]*<\/StartAfter>/, '')),
  },
  {
    id: 'listing2/v1-encoding-type-not-echoed',
    area: 'listing',
    operation: 'ListObjects',
    description: 'ListObjects (v1) URL-encodes with encoding-type=url but does not echo EncodingType',
    only: ['ListObjects/'],
    onResponse: editBody(['ListObjects'], (xml) => xml.replace(/<EncodingType>[^<]*<\/EncodingType>/, '')),
  },
  {
    id: 'listing2/v1-ignores-marker',
    area: 'listing',
    operation: 'ListObjects',
    description: 'ListObjects (v1) ignores marker (always lists from the start)',
    only: ['ListObjects/'],
    onRequest: (req) => {
      if (operationOf(req) !== 'ListObjects') return;
      const [path, qs] = req.url.split('?');
      if (!qs) return;
      const kept = qs.split('&').filter((p) => p.split('=')[0] !== 'marker');
      req.url = kept.length ? `${path}?${kept.join('&')}` : (path ?? '/');
    },
  },
  {
    id: 'listing2/v2-max-keys-echo-default',
    area: 'listing',
    operation: 'ListObjectsV2',
    description: 'ListObjectsV2 honours max-keys but always echoes MaxKeys 1000',
    only: ['ListObjectsV2/'],
    onResponse: editBody(['ListObjectsV2'], (xml) => editElements(xml, 'MaxKeys', () => '1000')),
  },
  {
    id: 'listing2/v2-size-zero',
    area: 'listing',
    operation: 'ListObjectsV2',
    description: 'ListObjectsV2 reports Size 0 for every object',
    only: ['ListObjectsV2/'],
    onResponse: editBody(['ListObjectsV2'], (xml) => editElements(xml, 'Size', () => '0')),
  },
  {
    id: 'listing2/v2-url-keys-not-encoded',
    area: 'listing',
    operation: 'ListObjectsV2',
    description: 'ListObjectsV2 with encoding-type=url echoes EncodingType but returns the Keys raw (not URL-encoded)',
    only: ['ListObjectsV2/'],
    onResponse: editBody(['ListObjectsV2'], (xml, req) =>
      queryOf(req.url).get('encoding-type') === 'url'
        ? editElements(xml, 'Key', (v) => {
            try {
              // eslint-disable-next-line no-control-regex
              return xmlEscape(decodeURIComponent(v)).replace(/[\u0000-\u0008]/g, '');
            } catch {
              return v;
            }
          })
        : xml,
    ),
  },
  {
    id: 'listing2/v1-name-wrong',
    area: 'listing',
    operation: 'ListObjects',
    description: 'ListObjects (v1) reports the account/container path as Name instead of the bucket name',
    only: ['ListObjects/'],
    onResponse: editBody(['ListObjects'], (xml) => editElements(xml, 'Name', (v) => `AUTH_test/${v}`)),
  },
  {
    id: 'listing2/v2-no-such-bucket-no-such-key',
    area: 'listing',
    operation: 'ListObjectsV2',
    description: 'ListObjectsV2 of a missing bucket answers 404 NoSuchKey instead of NoSuchBucket',
    only: ['ListObjectsV2/'],
    onResponse: (req, res) => (operationOf(req) === 'ListObjectsV2' && errorCode(res) === 'NoSuchBucket' ? s3Error(404, 'NoSuchKey') : undefined),
  },
  // ---- bucket --------------------------------------------------------------------------------
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
  // ---- naming --------------------------------------------------------------------------------
  {
    id: 'bucket2/accepts-64-char-name',
    area: 'naming',
    operation: 'CreateBucket',
    description: 'CreateBucket accepts a 64-character name (off-by-one in the length rule)',
    only: ['CreateBucket/name-rule-length'],
    onResponse: acceptRejected(['CreateBucket'], ['InvalidBucketName'], 400, (req) => (pathOf(req.url).bucket ?? '').length === 64),
  },
  {
    id: 'bucket2/invalid-name-wrong-code',
    area: 'naming',
    operation: 'CreateBucket',
    description: 'CreateBucket refuses an invalid name with 400 InvalidArgument instead of InvalidBucketName',
    only: ['CreateBucket/name-rule-', 'CreateBucket/invalid-name'],
    onResponse: (req, res) => (operationOf(req) === 'CreateBucket' && errorCode(res) === 'InvalidBucketName' ? s3Error(400, 'InvalidArgument') : undefined),
  },
];
