/**
 * The faults of the multipart area (CreateMultipartUpload, UploadPart, UploadPartCopy,
 * CompleteMultipartUpload, AbortMultipartUpload, ListParts, ListMultipartUploads): plausible bugs
 * of an S3 layer's multipart bookkeeping — the multipart ETag, part order and size rules, an upload
 * id not bound to its key, copy ranges ignored or not validated, fields of the result documents
 * wrong or missing, metadata of the initiation lost, wrong error codes, request-id headers dropped.
 * See kit.ts for the shape of a fault.
 */
import type { Operation } from '../../check/operations.ts';
import { acceptRejected, dropErrorElement, dropHeaders, editBody, editErrorAnswers, errorCode, operationOf, recode, s3Error, stripQueryParam, stripRequestHeader, withoutElement, type Fault } from './kit.ts';
import { queryOf, type ProxyRequest, type ProxyResponse } from '../proxy.ts';

const MPU_OPS: Operation[] = ['CreateMultipartUpload', 'UploadPart', 'UploadPartCopy', 'CompleteMultipartUpload', 'AbortMultipartUpload', 'ListParts', 'ListMultipartUploads'];

/** Replace the first element <tag>…</tag> (or <tag/>) of an XML body. */
function replaceElement(xml: string, tag: string, value: string | null): string {
  const re = new RegExp(`<${tag}>[^<]*</${tag}>|<${tag}\\s*/>`);
  return xml.replace(re, value === null ? '' : `<${tag}>${value}</${tag}>`);
}

export const MULTIPART_FAULTS: Fault[] = [
  // ---- the first catalogue (multipart/…) --------------------------------------------------------
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
  // ---- second round (multipart2/…) --------------------------------------------------------------
  {
    id: 'multipart2/create-drops-key',
    area: 'multipart',
    operation: 'CreateMultipartUpload',
    description: 'InitiateMultipartUploadResult omits the <Key> element',
    only: ['CreateMultipartUpload/'],
    onResponse: editBody(['CreateMultipartUpload'], (xml) => replaceElement(xml, 'Key', null)),
  },
  {
    id: 'multipart2/upload-part-ignores-content-md5',
    area: 'multipart',
    operation: 'UploadPart',
    description: 'UploadPart does not verify Content-MD5 (a part whose digest does not match is stored)',
    only: ['UploadPart/'],
    onRequest: stripRequestHeader(['UploadPart'], 'content-md5'),
  },
  {
    id: 'multipart2/upload-part-etag-unquoted',
    area: 'multipart',
    operation: 'UploadPart',
    description: 'UploadPart answers the part ETag without the surrounding double quotes',
    only: ['UploadPart/'],
    onResponse: (req, res) => {
      const etag = res.headers.etag;
      if (operationOf(req) !== 'UploadPart' || res.status !== 200 || typeof etag !== 'string') return;
      return { ...res, headers: { ...res.headers, etag: etag.replace(/"/g, '') } };
    },
  },
  {
    id: 'multipart2/list-parts-default-max-parts',
    area: 'multipart',
    operation: 'ListParts',
    description: 'ListParts without max-parts reports <MaxParts> as the number of parts returned instead of the default 1000',
    only: ['ListParts/'],
    onResponse: editBody(['ListParts'], (xml, req) => {
      if (queryOf(req.url).has('max-parts')) return xml;
      const n = (xml.match(/<Part>/g) ?? []).length;
      return replaceElement(xml, 'MaxParts', String(n));
    }),
  },
  {
    id: 'multipart2/list-parts-truncated-lies',
    area: 'multipart',
    operation: 'ListParts',
    description: 'ListParts says IsTruncated=false on a truncated page',
    only: ['ListParts/'],
    onResponse: editBody(['ListParts'], (xml) => xml.replace('<IsTruncated>true</IsTruncated>', '<IsTruncated>false</IsTruncated>')),
  },
  {
    id: 'multipart2/list-uploads-markers-not-echoed',
    area: 'multipart',
    operation: 'ListMultipartUploads',
    description: 'ListMultipartUploads does not echo key-marker / upload-id-marker in <KeyMarker> / <UploadIdMarker>',
    only: ['ListMultipartUploads/'],
    onResponse: editBody(['ListMultipartUploads'], (xml) => replaceElement(replaceElement(xml, 'KeyMarker', null), 'UploadIdMarker', null)),
  },
  {
    id: 'multipart2/list-uploads-drops-initiated',
    area: 'multipart',
    operation: 'ListMultipartUploads',
    description: 'ListMultipartUploads Upload entries lack <Initiated>',
    only: ['ListMultipartUploads/'],
    onResponse: editBody(['ListMultipartUploads'], (xml) => xml.replace(/<Initiated>[^<]*<\/Initiated>/g, '')),
  },
  {
    id: 'multipart2/list-uploads-default-max-uploads',
    area: 'multipart',
    operation: 'ListMultipartUploads',
    description: 'ListMultipartUploads without max-uploads reports <MaxUploads> 0 instead of the default 1000',
    only: ['ListMultipartUploads/'],
    onResponse: editBody(['ListMultipartUploads'], (xml, req) => (queryOf(req.url).has('max-uploads') ? xml : replaceElement(xml, 'MaxUploads', '0'))),
  },
  {
    id: 'multipart2/complete-wrong-location',
    area: 'multipart',
    operation: 'CompleteMultipartUpload',
    description: 'CompleteMultipartUploadResult <Location> names the bucket only, not the new object',
    only: ['CompleteMultipartUpload/'],
    onResponse: editBody(['CompleteMultipartUpload'], (xml) => xml.replace(/<Location>([^<]*?)\/[^/<]+<\/Location>/, '<Location>$1</Location>')),
  },
  {
    id: 'multipart2/no-such-upload-as-no-such-key',
    area: 'multipart',
    operation: 'UploadPart',
    description: 'an unknown upload id answers 404 NoSuchKey instead of NoSuchUpload (UploadPart, Abort, Complete)',
    only: ['UploadPart/', 'AbortMultipartUpload/'],
    onResponse: (req, res) => {
      const op = operationOf(req);
      if ((op === 'UploadPart' || op === 'AbortMultipartUpload' || op === 'CompleteMultipartUpload') && errorCode(res) === 'NoSuchUpload') return recode(res, 'NoSuchKey');
      return undefined;
    },
  },
  {
    id: 'multipart2/abort-unknown-204',
    area: 'multipart',
    operation: 'AbortMultipartUpload',
    description: 'AbortMultipartUpload of an unknown or already aborted upload answers 204',
    only: ['AbortMultipartUpload/'],
    onResponse: (req, res) => (operationOf(req) === 'AbortMultipartUpload' && errorCode(res) === 'NoSuchUpload' ? { status: 204, headers: {}, body: Buffer.alloc(0) } : undefined),
  },
  {
    id: 'multipart2/copy-part-drops-last-modified',
    area: 'multipart',
    operation: 'UploadPartCopy',
    description: 'CopyPartResult lacks <LastModified>',
    only: ['UploadPartCopy/'],
    onResponse: editBody(['UploadPartCopy'], (xml) => xml.replace(/<LastModified>[^<]*<\/LastModified>/, '')),
  },
  {
    id: 'multipart2/copy-missing-source-no-such-upload',
    area: 'multipart',
    operation: 'UploadPartCopy',
    description: 'UploadPartCopy from a missing source key answers 404 NoSuchUpload instead of NoSuchKey',
    only: ['UploadPartCopy/'],
    onResponse: (req, res) => (operationOf(req) === 'UploadPartCopy' && errorCode(res) === 'NoSuchKey' ? recode(res, 'NoSuchUpload') : undefined),
  },
  {
    id: 'multipart2/part-number-zero-accepted',
    area: 'multipart',
    operation: 'UploadPart',
    description: 'UploadPart accepts part numbers outside 1-10,000 (400 InvalidArgument turned into 200)',
    only: ['UploadPart/'],
    onResponse: acceptRejected(['UploadPart'], ['InvalidArgument'], 400),
  },
  // ---- depth checks (multipart3/…) --------------------------------------------------------------
  {
    id: 'multipart3/upload-id-not-bound-to-key',
    area: 'multipart',
    operation: 'UploadPart',
    description: 'UploadPart does not check that the upload id belongs to the key (404 NoSuchUpload turned into 200)',
    only: ['UploadPart/key-mismatch'],
    onResponse: acceptRejected(['UploadPart'], ['NoSuchUpload'], 404),
  },
  {
    id: 'multipart3/copy-range-not-validated',
    area: 'multipart',
    operation: 'UploadPartCopy',
    description: 'UploadPartCopy accepts malformed x-amz-copy-source-range values (400 InvalidArgument turned into 200)',
    only: ['UploadPartCopy/range-without-unit', 'UploadPartCopy/range-reversed'],
    onResponse: acceptRejected(['UploadPartCopy'], ['InvalidArgument'], 400),
  },
  {
    id: 'multipart3/copy-range-etag-wrong',
    area: 'multipart',
    operation: 'UploadPartCopy',
    description: 'CopyPartResult carries an ETag that is not the MD5 of the copied bytes',
    only: ['UploadPartCopy/range-etag-is-range-md5', 'UploadPartCopy/whole-source'],
    onResponse: editBody(['UploadPartCopy'], (xml) => xml.replace(/<ETag>[^<]*<\/ETag>/, '<ETag>&quot;00000000000000000000000000000000&quot;</ETag>')),
  },
  {
    id: 'multipart3/initiation-metadata-lost',
    area: 'multipart',
    operation: 'CreateMultipartUpload',
    description: 'the Cache-Control and x-amz-meta-* given at CreateMultipartUpload are missing from the completed object (HEAD)',
    only: ['CreateMultipartUpload/user-metadata-on-object', 'CreateMultipartUpload/cache-control-on-object'],
    onResponse: dropHeaders(['HeadObject'], (n) => n.startsWith('x-amz-meta-') || n === 'cache-control'),
  },
  {
    id: 'multipart3/no-request-id',
    area: 'multipart',
    operation: MPU_OPS,
    description: 'the answers of the multipart operations carry no x-amz-request-id',
    only: [
      'CreateMultipartUpload/request-id-headers',
      'UploadPart/request-id-headers',
      'UploadPartCopy/request-id-headers',
      'CompleteMultipartUpload/request-id-headers',
      'AbortMultipartUpload/request-id-headers',
      'ListParts/request-id-headers',
      'ListMultipartUploads/request-id-headers',
    ],
    onResponse: dropHeaders(MPU_OPS, (n) => n === 'x-amz-request-id'),
  },
  {
    id: 'multipart3/list-uploads-encoding-type-ignored',
    area: 'multipart',
    operation: 'ListMultipartUploads',
    description: 'ListMultipartUploads with encoding-type=url omits <EncodingType> (the client then does not decode the keys)',
    only: ['ListMultipartUploads/encoding-type-url'],
    onResponse: editBody(['ListMultipartUploads'], (xml) => xml.replace(/<EncodingType>[^<]*<\/EncodingType>/, '')),
  },
  {
    id: 'multipart3/initiator-is-someone-else',
    area: 'multipart',
    operation: ['ListParts', 'ListMultipartUploads'],
    description: 'ListParts / ListMultipartUploads name another principal as the upload’s Initiator',
    only: ['ListParts/initiator-owner', 'ListMultipartUploads/initiator'],
    onResponse: editBody(['ListParts', 'ListMultipartUploads'], (xml) => xml.replace(/(<Initiator>\s*<ID>)[^<]*(<\/ID>)/g, '$1someone-else$2')),
  },
  // ---- the fourth catalogue (multipart4/…) ----------------------------------------------------
  {
    id: 'multipart4/no-such-upload-drops-upload-id',
    area: 'multipart',
    operation: 'UploadPart',
    description: 'the NoSuchUpload error of UploadPart carries no <UploadId>',
    only: ['UploadPart/no-such-upload-id'],
    onResponse: (req, res) =>
      operationOf(req) === 'UploadPart' && errorCode(res) === 'NoSuchUpload' ? { ...res, body: Buffer.from(replaceElement(res.body.toString('utf8'), 'UploadId', null)) } : undefined,
  },
  {
    id: 'multipart4/invalid-part-drops-upload-id',
    area: 'multipart',
    operation: 'CompleteMultipartUpload',
    description: 'the InvalidPart error of CompleteMultipartUpload carries no <UploadId>',
    only: ['CompleteMultipartUpload/invalid-part-upload-id'],
    onResponse: (req, res) =>
      operationOf(req) === 'CompleteMultipartUpload' && errorCode(res) === 'InvalidPart' ? { ...res, body: Buffer.from(replaceElement(res.body.toString('utf8'), 'UploadId', null)) } : undefined,
  },
  {
    id: 'multipart4/list-parts-next-marker-zero',
    area: 'multipart',
    operation: 'ListParts',
    description: 'an untruncated ListParts page answers NextPartNumberMarker 0 instead of the last part listed',
    only: ['ListParts/next-part-number-marker-last-part'],
    onResponse: editBody(['ListParts'], (xml) => (/<IsTruncated>false<\/IsTruncated>/.test(xml) ? replaceElement(xml, 'NextPartNumberMarker', '0') : xml)),
  },
  {
    id: 'multipart4/list-uploads-next-markers-empty',
    area: 'multipart',
    operation: 'ListMultipartUploads',
    description: 'an untruncated ListMultipartUploads page answers empty NextKeyMarker and NextUploadIdMarker',
    only: ['ListMultipartUploads/next-markers-last-upload'],
    onResponse: editBody(['ListMultipartUploads'], (xml) =>
      /<IsTruncated>false<\/IsTruncated>/.test(xml) ? replaceElement(replaceElement(xml, 'NextKeyMarker', ''), 'NextUploadIdMarker', '') : xml,
    ),
  },
  // ---- the sixth catalogue (multipart6/…): the fields naming an InvalidArgument -----------------
  {
    id: 'multipart6/list-uploads-encoding-type-unnamed',
    area: 'multipart',
    operation: 'ListMultipartUploads',
    description: 'the InvalidArgument error of ListMultipartUploads for a bad encoding-type carries no <ArgumentName>',
    only: ['ListMultipartUploads/encoding-type-invalid-names-argument'],
    onResponse: (req, res) =>
      operationOf(req) === 'ListMultipartUploads' && errorCode(res) === 'InvalidArgument' ? { ...res, body: Buffer.from(replaceElement(res.body.toString('utf8'), 'ArgumentName', null)) } : undefined,
  },
  {
    id: 'multipart6/part-number-value-absolute',
    area: 'multipart',
    operation: 'UploadPart',
    description: 'the InvalidArgument error of UploadPart for partNumber=-1 names the value without its sign (<ArgumentValue>1</ArgumentValue>)',
    only: ['UploadPart/part-number-negative-names-argument'],
    onResponse: (req, res) =>
      operationOf(req) === 'UploadPart' && errorCode(res) === 'InvalidArgument'
        ? { ...res, body: Buffer.from(res.body.toString('utf8').replace(/<ArgumentValue>-([^<]*)<\/ArgumentValue>/, '<ArgumentValue>$1</ArgumentValue>')) }
        : undefined,
  },
  {
    id: 'multipart7/complete-if-none-match-refused',
    area: 'multipart',
    operation: 'CompleteMultipartUpload',
    description: 'CompleteMultipartUpload with If-None-Match: * answers 412 PreconditionFailed even for a key that has no object',
    only: ['CompleteMultipartUpload/if-none-match-star-new-key'],
    onRequest: (req) => (operationOf(req) === 'CompleteMultipartUpload' && req.headers['if-none-match'] !== undefined ? s3Error(412, 'PreconditionFailed') : undefined),
  },
  {
    id: 'multipart7/complete-if-match-refused',
    area: 'multipart',
    operation: 'CompleteMultipartUpload',
    description: "CompleteMultipartUpload with If-Match answers 412 PreconditionFailed even when it names the existing object's current ETag",
    only: ['CompleteMultipartUpload/if-match-true'],
    upstream: 'rgw', // Swift's s3api answers 412 to this If-Match (a known deviation)
    onRequest: (req) => (operationOf(req) === 'CompleteMultipartUpload' && req.headers['if-match'] !== undefined ? s3Error(412, 'PreconditionFailed') : undefined),
  },
  {
    id: 'multipart7/list-parts-empty-parameter-refused',
    area: 'multipart',
    operation: 'ListParts',
    description: 'ListParts refuses an empty max-parts= or part-number-marker= with 400 InvalidArgument',
    only: ['ListParts/empty-max-parts', 'ListParts/empty-part-number-marker'],
    upstream: 'rgw', // Swift's s3api refuses them itself (a known deviation)
    onRequest: (req) => {
      if (operationOf(req) !== 'ListParts') return;
      const q = queryOf(req.url);
      return q.get('max-parts') === '' || q.get('part-number-marker') === '' ? s3Error(400, 'InvalidArgument') : undefined;
    },
  },
  {
    id: 'multipart7/invalid-storage-class-as-invalid-argument',
    area: 'multipart',
    operation: 'CreateMultipartUpload',
    description: 'CreateMultipartUpload with a storage class the server does not have answers 400 InvalidArgument instead of InvalidStorageClass',
    only: ['CreateMultipartUpload/invalid-storage-class'],
    onResponse: (req, res) => (operationOf(req) === 'CreateMultipartUpload' && errorCode(res) === 'InvalidStorageClass' ? recode(res, 'InvalidArgument') : undefined),
  },
  {
    id: 'multipart8/list-parts-no-such-upload-unnamed',
    area: 'multipart',
    operation: 'ListParts',
    description: 'the NoSuchUpload error of ListParts carries no <UploadId>',
    only: ['ListParts/no-such-upload-names-upload-id'],
    onResponse: dropErrorElement(['ListParts'], 'NoSuchUpload', 'UploadId'),
  },
  {
    id: 'multipart8/list-uploads-markers-omitted',
    area: 'multipart',
    operation: 'ListMultipartUploads',
    description: 'a ListMultipartUploads answer made without markers omits <KeyMarker> and <UploadIdMarker>',
    only: ['ListMultipartUploads/markers-echoed-empty'],
    onResponse: editBody(['ListMultipartUploads'], (xml) => xml.replace(/<KeyMarker\s*\/>|<KeyMarker><\/KeyMarker>|<UploadIdMarker\s*\/>|<UploadIdMarker><\/UploadIdMarker>/g, '')),
  },
  // ---- the error envelope (multipart9/…) --------------------------------------------------------
  {
    id: 'multipart9/error-no-request-id',
    area: 'multipart',
    operation: ['CreateMultipartUpload', 'UploadPart', 'UploadPartCopy', 'CompleteMultipartUpload', 'AbortMultipartUpload', 'ListParts', 'ListMultipartUploads'],
    description: 'the error answers of the multipart operations carry no <RequestId>',
    only: ['CreateMultipartUpload/error-envelope', 'UploadPart/error-envelope', 'UploadPartCopy/error-envelope', 'CompleteMultipartUpload/error-envelope', 'AbortMultipartUpload/error-envelope', 'ListParts/error-envelope', 'ListMultipartUploads/error-envelope'],
    onResponse: editErrorAnswers(['CreateMultipartUpload', 'UploadPart', 'UploadPartCopy', 'CompleteMultipartUpload', 'AbortMultipartUpload', 'ListParts', 'ListMultipartUploads'], (res) => withoutElement(res, 'RequestId')),
  },
  {
    id: 'multipart9/no-such-bucket-unnamed',
    area: 'multipart',
    operation: ['CreateMultipartUpload', 'ListMultipartUploads', 'UploadPart', 'CompleteMultipartUpload', 'AbortMultipartUpload', 'ListParts', 'UploadPartCopy'],
    description: 'the NoSuchBucket errors of the multipart operations carry no <BucketName>',
    only: ['CreateMultipartUpload/no-such-bucket-names-bucket', 'ListMultipartUploads/no-such-bucket-names-bucket', 'UploadPart/no-such-bucket-names-bucket', 'CompleteMultipartUpload/no-such-bucket-names-bucket', 'AbortMultipartUpload/no-such-bucket-names-bucket', 'ListParts/no-such-bucket-names-bucket', 'UploadPartCopy/no-such-bucket-names-bucket'],
    onResponse: dropErrorElement(['CreateMultipartUpload', 'ListMultipartUploads', 'UploadPart', 'CompleteMultipartUpload', 'AbortMultipartUpload', 'ListParts', 'UploadPartCopy'], 'NoSuchBucket', 'BucketName'),
  },
  {
    id: 'multipart9/no-such-upload-unnamed',
    area: 'multipart',
    operation: ['AbortMultipartUpload', 'CompleteMultipartUpload', 'UploadPartCopy'],
    description: 'the NoSuchUpload errors of AbortMultipartUpload, CompleteMultipartUpload and UploadPartCopy carry no <UploadId>',
    only: ['AbortMultipartUpload/no-such-upload-names-upload-id', 'CompleteMultipartUpload/no-such-upload-names-upload-id', 'UploadPartCopy/no-such-upload-names-upload-id'],
    onResponse: dropErrorElement(['AbortMultipartUpload', 'CompleteMultipartUpload', 'UploadPartCopy'], 'NoSuchUpload', 'UploadId'),
  },
  {
    id: 'multipart9/copy-part-missing-source-unnamed',
    area: 'multipart',
    operation: 'UploadPartCopy',
    description: 'the NoSuchKey error of UploadPartCopy from a missing source carries no <Key>',
    only: ['UploadPartCopy/no-such-source-key-names-key'],
    onResponse: dropErrorElement(['UploadPartCopy'], 'NoSuchKey', 'Key'),
  },
  {
    id: 'multipart10/copy-range-lax',
    area: 'multipart',
    operation: 'UploadPartCopy',
    description: 'UploadPartCopy reads a malformed x-amz-copy-source-range leniently (a negative bound, several ranges, no bounds, bytes=-0) and copies its first byte instead of refusing it',
    only: ['UploadPartCopy/range-negative-first', 'UploadPartCopy/range-negative-last', 'UploadPartCopy/range-multiple', 'UploadPartCopy/range-no-bounds', 'UploadPartCopy/range-suffix-zero'],
    onRequest: (req) => {
      const range = req.headers['x-amz-copy-source-range'];
      if (operationOf(req) === 'UploadPartCopy' && typeof range === 'string' && /^bytes=(-1-|0--1|0-1,|-$|-0$)/.test(range)) req.headers['x-amz-copy-source-range'] = 'bytes=0-0';
    },
  },
  {
    id: 'multipart10/copy-conditions-no-precedence',
    area: 'multipart',
    operation: 'UploadPartCopy',
    description: 'UploadPartCopy evaluates copy-source if-match and if-unmodified-since on their own: a false if-unmodified-since refuses the part although if-match is true',
    only: ['UploadPartCopy/source-if-match-true-if-unmodified-since-false'],
    upstream: 'rgw', // Swift's s3api refuses this part itself (a known deviation)
    onRequest: (req) =>
      operationOf(req) === 'UploadPartCopy' && req.headers['x-amz-copy-source-if-match'] !== undefined && req.headers['x-amz-copy-source-if-unmodified-since'] !== undefined
        ? s3Error(412, 'PreconditionFailed')
        : undefined,
  },
  {
    id: 'multipart10/create-ignores-canned-acl',
    area: 'multipart',
    operation: 'CreateMultipartUpload',
    description: 'CreateMultipartUpload ignores x-amz-acl: the completed object is private whatever canned ACL the upload named',
    only: ['CreateMultipartUpload/canned-acl-public-read'],
    upstream: 'rgw', // Swift's s3api never sees an anonymous GET (a known deviation)
    onRequest: stripRequestHeader(['CreateMultipartUpload'], 'x-amz-acl'),
  },
  {
    id: 'multipart10/ignores-upload-id-marker',
    area: 'multipart',
    operation: 'ListMultipartUploads',
    description: 'ListMultipartUploads ignores upload-id-marker: a key-marker alone skips every other upload of that key',
    only: ['ListMultipartUploads/upload-id-marker-same-key'],
    onRequest: stripQueryParam(['ListMultipartUploads'], 'upload-id-marker'),
  },
  {
    id: 'multipart10/copy-unmodified-since-misread',
    area: 'multipart',
    operation: 'UploadPartCopy',
    description: 'UploadPartCopy reads x-amz-copy-source-if-unmodified-since a year too early (a wrong date parser): a true condition refuses the part with 412',
    only: ['UploadPartCopy/source-if-unmodified-since-true'],
    onRequest: (req) => {
      const v = req.headers['x-amz-copy-source-if-unmodified-since'];
      if (operationOf(req) !== 'UploadPartCopy' || typeof v !== 'string') return;
      const d = new Date(v);
      d.setUTCFullYear(d.getUTCFullYear() - 1);
      req.headers['x-amz-copy-source-if-unmodified-since'] = d.toUTCString();
    },
  },
  {
    id: 'multipart10/copy-modified-since-as-unmodified',
    area: 'multipart',
    operation: 'UploadPartCopy',
    description: 'UploadPartCopy evaluates x-amz-copy-source-if-modified-since as if it were if-unmodified-since',
    only: ['UploadPartCopy/source-if-modified-since-true'],
    onRequest: (req) => {
      const v = req.headers['x-amz-copy-source-if-modified-since'];
      if (operationOf(req) !== 'UploadPartCopy' || v === undefined) return;
      delete req.headers['x-amz-copy-source-if-modified-since'];
      req.headers['x-amz-copy-source-if-unmodified-since'] = v;
    },
  },
  {
    id: 'multipart11/key-mismatch-unnamed',
    area: 'multipart',
    operation: 'UploadPart',
    description: 'the NoSuchUpload error for an upload id used with another key than its own (a separate code path from the unknown id) carries no <UploadId>',
    only: ['UploadPart/key-mismatch-names-upload-id', 'CompleteMultipartUpload/key-mismatch-names-upload-id', 'ListParts/key-mismatch-names-upload-id', 'AbortMultipartUpload/key-mismatch-names-upload-id'],
    onResponse: (() => {
      // The key each upload id was issued for, learnt from the CreateMultipartUpload answers.
      const keyOf = new Map<string, string>();
      const pathKey = (url: string): string => decodeURIComponent((url.split('?')[0] ?? '').replace(/^\/[^/]+\/?/, ''));
      return (req: ProxyRequest, res: ProxyResponse): ProxyResponse | undefined => {
        const op = operationOf(req);
        if (op === 'CreateMultipartUpload' && res.status === 200) {
          const id = /<UploadId>([^<]+)<\/UploadId>/.exec(res.body.toString('utf8'))?.[1];
          if (id) keyOf.set(id, pathKey(req.url));
          return undefined;
        }
        const id = queryOf(req.url).get('uploadId');
        if (!id || errorCode(res) !== 'NoSuchUpload' || !keyOf.has(id) || keyOf.get(id) === pathKey(req.url)) return undefined;
        return withoutElement(res, 'UploadId');
      };
    })(),
  },
  {
    id: 'multipart11/invalid-part-order-unnamed',
    area: 'multipart',
    operation: 'CompleteMultipartUpload',
    description: 'the InvalidPartOrder error of CompleteMultipartUpload carries no <UploadId>',
    only: ['CompleteMultipartUpload/invalid-part-order-names-upload-id'],
    onResponse: dropErrorElement(['CompleteMultipartUpload'], 'InvalidPartOrder', 'UploadId'),
  },
];
