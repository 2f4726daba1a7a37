export * from './fault-kit.ts';

/**
 * The fault catalogue of the self-validation: each fault breaks one S3 behaviour in the proxy
 * (harness/selftest/proxy.ts), names the operation whose checks must then fail, and the check
 * id prefixes to run for it. At least one fault per area, more where the area is large.
 */
import { createHash } from 'node:crypto';
import { acceptRejected, accessKeyOf, dropHeaders, editBody, errorCode, operationOf, reverseElements, stripQueryParam, stripRequestHeader, type Fault } from './fault-kit.ts';
import { queryOf } from './proxy.ts';
import { OBJECT_FAULTS } from './faults-object.ts';
import { LISTING_BUCKET_FAULTS } from './faults-listing-bucket.ts';
import { MULTIPART_AUTH_FAULTS } from './faults-multipart-auth.ts';
import { BUCKET_FAULTS } from './faults-bucket.ts';
import { LISTING_FAULTS } from './faults-listing.ts';
import { MULTIPART_FAULTS } from './faults-multipart.ts';
import { AUTH_FAULTS } from './faults-auth.ts';
import { OBJECT_RW_FAULTS } from './faults-object-rw.ts';
import { OBJECT_COPY_DELETE_FAULTS } from './faults-object-copy-delete.ts';

/** Keys of the local reference servers' real users (harness/config/targets.ts). */
const KNOWN_KEYS = new Set(['S3RVER', 'test:tester', 'test:tester3', 'test2:tester2', 'testkey', 'testkey2']);

/**
 * The PutObject checks that can be judged through the proxy: all but the raw-socket checks of the
 * HTTP framing (PutObject/expect-100-continue*, PutObject/missing-content-length), which the
 * proxy's own HTTP server answers itself (it sends 100 Continue before forwarding and re-frames
 * the body), so they say nothing about the server behind it.
 */
const PUT_OBJECT_THROUGH_PROXY = [
  'PutObject/round-trip',
  'PutObject/key',
  'PutObject/metadata',
  'PutObject/default-content-type',
  'PutObject/content-md5',
  'PutObject/bad-digest',
  'PutObject/checksum',
  'PutObject/if-',
  'PutObject/overwrite',
  'PutObject/no-such-bucket',
  'PutObject/expected-bucket-owner',
  'PutObject/request-id',
  'PutObject/sdk-default',
];

export const CORE_FAULTS: Fault[] = [
  // ---- object ---------------------------------------------------------------------------
  {
    id: 'object/put-wrong-etag',
    area: 'object',
    operation: 'PutObject',
    description: 'PutObject answers an ETag that is not the MD5 of the body',
    only: PUT_OBJECT_THROUGH_PROXY,
    onResponse: (req, res) => (operationOf(req) === 'PutObject' && res.status === 200 ? { ...res, headers: { ...res.headers, etag: '"0123456789abcdef0123456789abcdef"' } } : undefined),
  },
  {
    id: 'object/get-ignores-range',
    area: 'object',
    operation: 'GetObject',
    description: 'GetObject ignores Range and answers 200 with the whole object',
    only: ['GetObject/'],
    onRequest: stripRequestHeader(['GetObject'], 'range'),
  },
  {
    id: 'object/get-corrupts-byte',
    area: 'object',
    operation: 'GetObject',
    description: 'GetObject flips one byte of a body of 2 bytes or more',
    only: ['GetObject/'],
    onResponse: (req, res) => {
      if (operationOf(req) !== 'GetObject' || res.status >= 300 || res.body.length < 2) return;
      const body = Buffer.from(res.body);
      body[body.length >> 1] = (body[body.length >> 1] as number) ^ 0x01;
      return { ...res, body };
    },
  },
  {
    id: 'object/head-drops-last-modified',
    area: 'object',
    operation: 'HeadObject',
    description: 'HeadObject omits Last-Modified and user metadata',
    only: ['HeadObject/'],
    onResponse: dropHeaders(['HeadObject'], (n) => n === 'last-modified' || n.startsWith('x-amz-meta-')),
  },
  {
    id: 'object/put-ignores-content-md5',
    area: 'object',
    operation: 'PutObject',
    description: 'PutObject does not verify Content-MD5 (a wrong digest is accepted)',
    only: PUT_OBJECT_THROUGH_PROXY,
    onRequest: stripRequestHeader(['PutObject'], 'content-md5'),
  },
  {
    id: 'object/no-such-key-wrong-code',
    area: 'object',
    operation: 'GetObject',
    description: 'A missing key answers 404 NoSuchBucket instead of NoSuchKey',
    only: ['GetObject/'],
    onResponse: (req, res) =>
      operationOf(req) === 'GetObject' && errorCode(res) === 'NoSuchKey' ? { ...res, body: Buffer.from(res.body.toString('utf8').replace(/<Code>NoSuchKey<\/Code>/, '<Code>NoSuchBucket</Code>')) } : undefined,
  },
  {
    id: 'object/delete-missing-404',
    area: 'object',
    operation: 'DeleteObject',
    description: 'DeleteObject of a missing key answers 404 NoSuchKey instead of 204',
    only: ['DeleteObject/'],
    onResponse: (req, res) => {
      if (operationOf(req) !== 'DeleteObject' || res.status !== 204) return;
      return { status: 404, headers: { 'content-type': 'application/xml' }, body: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>fault</Message></Error>') };
    },
  },
  {
    id: 'object/copy-ignores-source-conditionals',
    area: 'object',
    operation: 'CopyObject',
    description: 'CopyObject ignores x-amz-copy-source-if-match / if-none-match',
    only: ['CopyObject/'],
    onRequest: (req) => {
      if (operationOf(req) !== 'CopyObject') return;
      delete req.headers['x-amz-copy-source-if-match'];
      delete req.headers['x-amz-copy-source-if-none-match'];
      delete req.headers['x-amz-copy-source-if-modified-since'];
      delete req.headers['x-amz-copy-source-if-unmodified-since'];
    },
  },
  {
    id: 'object/delete-objects-drops-deleted',
    area: 'object',
    operation: 'DeleteObjects',
    description: 'DeleteObjects omits one <Deleted> entry from a verbose answer',
    only: ['DeleteObjects/'],
    onResponse: editBody(['DeleteObjects'], (xml) => xml.replace(/<Deleted>[\s\S]*?<\/Deleted>/, '')),
  },
  {
    id: 'object/get-conditional-ignored',
    area: 'object',
    operation: 'GetObject',
    description: 'GetObject ignores If-None-Match / If-Match (answers 200 where 304/412 is due)',
    only: ['GetObject/'],
    onRequest: (req) => {
      if (operationOf(req) !== 'GetObject') return;
      delete req.headers['if-none-match'];
      delete req.headers['if-match'];
      delete req.headers['if-modified-since'];
      delete req.headers['if-unmodified-since'];
    },
  },
  // ---- bucket and naming --------------------------------------------------------------------
  {
    id: 'naming/accepts-invalid-name',
    area: 'naming',
    operation: 'CreateBucket',
    description: 'CreateBucket accepts invalid names (400 InvalidBucketName turned into 200)',
    only: ['CreateBucket/'],
    onResponse: acceptRejected(['CreateBucket'], ['InvalidBucketName'], 400),
  },
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
  // ---- listing -----------------------------------------------------------------------------
  {
    id: 'listing/ignores-max-keys',
    area: 'listing',
    operation: 'ListObjectsV2',
    description: 'ListObjectsV2 ignores max-keys',
    only: ['ListObjectsV2/'],
    onRequest: stripQueryParam(['ListObjectsV2'], 'max-keys'),
  },
  {
    id: 'listing/unsorted',
    area: 'listing',
    operation: 'ListObjectsV2',
    description: 'ListObjectsV2 returns Contents in reverse order',
    only: ['ListObjectsV2/'],
    onResponse: editBody(['ListObjectsV2'], (xml) => reverseElements(xml, 'Contents')),
  },
  {
    id: 'listing/v1-unsorted',
    area: 'listing',
    operation: 'ListObjects',
    description: 'ListObjects (v1) returns Contents in reverse order',
    only: ['ListObjects/'],
    onResponse: editBody(['ListObjects'], (xml) => reverseElements(xml, 'Contents')),
  },
  {
    id: 'listing/drops-common-prefixes',
    area: 'listing',
    operation: 'ListObjects',
    description: 'ListObjects drops CommonPrefixes',
    only: ['ListObjects/'],
    onResponse: editBody(['ListObjects'], (xml) => xml.replace(/<CommonPrefixes>[\s\S]*?<\/CommonPrefixes>/g, '')),
  },
  {
    id: 'listing/lies-is-truncated',
    area: 'listing',
    operation: 'ListObjectsV2',
    description: 'ListObjectsV2 says IsTruncated=false on a truncated page',
    only: ['ListObjectsV2/'],
    onResponse: editBody(['ListObjectsV2'], (xml) => xml.replace('<IsTruncated>true</IsTruncated>', '<IsTruncated>false</IsTruncated>')),
  },
  {
    id: 'listing/repeats-continuation-token',
    area: 'listing',
    operation: 'ListObjectsV2',
    description: 'ListObjectsV2 hands back the continuation token it was given (pagination never advances)',
    only: ['ListObjectsV2/'],
    onResponse: editBody(['ListObjectsV2'], (xml, req) => {
      const given = queryOf(req.url).get('continuation-token');
      if (!given) return xml;
      const esc = given.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      return xml.replace(/<NextContinuationToken>[^<]*<\/NextContinuationToken>/, `<NextContinuationToken>${esc}</NextContinuationToken>`);
    }),
  },
  // ---- multipart ---------------------------------------------------------------------------
  {
    id: 'multipart/etag-without-part-count',
    area: 'multipart',
    operation: 'CompleteMultipartUpload',
    description: 'The multipart ETag loses its "-N" suffix (Complete answer and HEAD/GET)',
    only: ['CompleteMultipartUpload/', 'UploadPart/'],
    onResponse: (req, res) => {
      const op = operationOf(req);
      if (res.status >= 300) return;
      if (op === 'CompleteMultipartUpload') return { ...res, body: Buffer.from(res.body.toString('utf8').replace(/-\d+(&quot;|")<\/ETag>/, '$1</ETag>')) };
      const etag = res.headers.etag;
      if ((op === 'HeadObject' || op === 'GetObject') && typeof etag === 'string' && /-\d+"$/.test(etag)) return { ...res, headers: { ...res.headers, etag: etag.replace(/-\d+"$/, '"') } };
      return undefined;
    },
  },
  {
    id: 'multipart/accepts-parts-out-of-order',
    area: 'multipart',
    operation: 'CompleteMultipartUpload',
    description: 'CompleteMultipartUpload accepts parts out of order, unknown parts and a small middle part',
    only: ['CompleteMultipartUpload/'],
    onResponse: acceptRejected(['CompleteMultipartUpload'], ['InvalidPartOrder', 'InvalidPart', 'EntityTooSmall']),
  },
  {
    id: 'multipart/abort-forgets',
    area: 'multipart',
    operation: 'AbortMultipartUpload',
    description: 'AbortMultipartUpload answers 204 but keeps the upload',
    only: ['AbortMultipartUpload/'],
    onRequest: (req) => (operationOf(req) === 'AbortMultipartUpload' ? { status: 204, headers: {}, body: Buffer.alloc(0) } : undefined),
  },
  {
    id: 'multipart/ignores-copy-range',
    area: 'multipart',
    operation: 'UploadPartCopy',
    description: 'UploadPartCopy ignores x-amz-copy-source-range (copies the whole source)',
    only: ['UploadPartCopy/'],
    onRequest: stripRequestHeader(['UploadPartCopy'], 'x-amz-copy-source-range'),
  },
  {
    id: 'multipart/list-parts-wrong-size',
    area: 'multipart',
    operation: 'ListParts',
    description: 'ListParts reports every part one byte larger',
    only: ['ListParts/'],
    onResponse: editBody(['ListParts'], (xml) => xml.replace(/<Size>(\d+)<\/Size>/g, (_m, n: string) => `<Size>${Number(n) + 1}</Size>`)),
  },
  // ---- auth --------------------------------------------------------------------------------
  {
    id: 'auth/accepts-wrong-signature',
    area: 'auth',
    operation: 'SigV4',
    description: 'A wrong signature is accepted (403 SignatureDoesNotMatch turned into 200)',
    only: ['SigV4/'],
    onResponse: acceptRejected('any', ['SignatureDoesNotMatch'], 403),
  },
  {
    id: 'auth/accepts-unknown-key',
    area: 'auth',
    operation: 'SigV4',
    description: 'A request signed with an access key the server does not know is accepted (its 403 turned into 200)',
    only: ['SigV4/'],
    onResponse: acceptRejected('any', ['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'AccessDenied'], 403, (req) => {
      const key = accessKeyOf(req);
      return key !== undefined && !KNOWN_KEYS.has(key);
    }),
  },
  {
    id: 'auth/accepts-skewed-date',
    area: 'auth',
    operation: 'SigV4',
    description: 'A request dated 16 minutes off is accepted (RequestTimeTooSkewed turned into 200)',
    only: ['SigV4/'],
    onResponse: acceptRejected('any', ['RequestTimeTooSkewed'], 403),
  },
  {
    id: 'auth/accepts-expired-presigned-url',
    area: 'auth',
    operation: 'SigV4Presigned',
    description: 'An expired presigned URL is accepted (403 AccessDenied turned into 200)',
    only: ['SigV4Presigned/'],
    onResponse: acceptRejected('any', ['AccessDenied'], 403, (req) => queryOf(req.url).has('X-Amz-Expires')),
  },
  {
    id: 'auth/accepts-wrong-region',
    area: 'auth',
    operation: 'SigV4',
    description: 'A credential scope with the wrong region is accepted (AuthorizationHeaderMalformed turned into 200)',
    only: ['SigV4/'],
    onResponse: acceptRejected('any', ['AuthorizationHeaderMalformed'], 400),
  },
  {
    id: 'auth/accepts-payload-hash-mismatch',
    area: 'auth',
    operation: 'SigV4',
    description: 'A body that does not match x-amz-content-sha256 is accepted (XAmzContentSHA256Mismatch turned into 200)',
    only: ['SigV4/'],
    onResponse: acceptRejected('any', ['XAmzContentSHA256Mismatch', 'BadDigest'], 400),
  },
];

/** Every fault: the core catalogue plus the per-area catalogues (faults-<area>.ts). */
export const FAULTS: Fault[] = [
  ...CORE_FAULTS,
  ...OBJECT_FAULTS,
  ...LISTING_BUCKET_FAULTS,
  ...MULTIPART_AUTH_FAULTS,
  ...BUCKET_FAULTS,
  ...LISTING_FAULTS,
  ...MULTIPART_FAULTS,
  ...AUTH_FAULTS,
  ...OBJECT_RW_FAULTS,
  ...OBJECT_COPY_DELETE_FAULTS,
];

/** MD5 of a buffer as S3 writes it in an ETag. */
export function md5Etag(b: Buffer): string {
  return `"${createHash('md5').update(b).digest('hex')}"`;
}
