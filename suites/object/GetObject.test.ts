import { CompleteMultipartUploadCommand, CreateMultipartUploadCommand, GetObjectCommand, PutObjectCommand, UploadPartCommand, type S3Client } from '@aws-sdk/client-s3';
import fc from 'fast-check';
import {
  createBucket,
  doc,
  expectEqual,
  expectHeader,
  HTTP_DATE,
  expectMatch,
  expectRawError,
  expectS3Error,
  expectStatus,
  expectTrue,
  expectErrorFields,
  makeClient,
  newBucketName,
  peer,
  raw,
  recorded,
  step,
  operation,
} from '../../harness/api/index.ts';
import { WireConnection, expectBytes, expectGetMatches, putObjectRaw, quotedMd5, serverDate, UNKNOWN_VERSION_ID, wireError } from '../../harness/api/object.ts';
import { bytesFromSeed, rangeArb, rangeHeader, rangeSelect } from '../../fixtures/arbitraries/object.ts';
import { CONDITIONALS, conditionalHeaders, type ConditionalRow } from './conditionals.ts';

/** One object per size for the range property; one object for the conditionals and overrides. */
const SIZES = [1, 2, 100, 65_537] as const;
const CKEY = 'conditional/object';
const cbody = bytesFromSeed(1000, 42);

const op = operation('GetObject', {
  buckets: { bucket: { hint: 'get' } },
  setup: async ({ rt, bucket }) => {
    const objects = new Map<number, Buffer>();
    for (const size of SIZES) {
      const body = bytesFromSeed(size, size);
      await putObjectRaw(rt, bucket, `range/${size}`, body);
      objects.set(size, body);
    }
    await putObjectRaw(rt, bucket, CKEY, cbody);
    const head = await raw(rt, { method: 'HEAD', bucket, key: CKEY });
    return { value: { objects: objects as ReadonlyMap<number, Buffer>, cEtag: head.headers.etag ?? '', cLastModified: head.headers['last-modified'] ?? '' } };
  },
});
const { rt } = op;

// ---- the stored representation --------------------------------------------------------------

op.check(
  {
    id: 'GetObject/stored-headers',
    spec: '#API_GetObject_ResponseSyntax',
    level: 'required',
    title: 'GET → 200, bytes, quoted-MD5 ETag, Content-Length, IMF-fixdate Last-Modified, and the Content-*, Cache-Control, Expires, x-amz-meta-* the PUT wrote',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_put_and_get_object_with_content_language_disposition#get-object-headers'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_get_object_header_overrides#get-object', 'stored Cache-Control, Content-Disposition, -Encoding, -Language, -Type, Expires returned'),
    ],
  },
  async ({ bucket }) => {
    const key = 'stored/headers';
    const body = bytesFromSeed(513, 77);
    const headers = {
      'content-type': 'text/csv',
      'content-language': 'ko-KR',
      'content-disposition': 'attachment; filename="report.csv"',
      'content-encoding': 'identity',
      'cache-control': 'max-age=120, private',
      expires: 'Wed, 21 Oct 2037 07:28:00 GMT',
    };
    const meta = { colour: 'Blue Green', 'two-words': 'a=b; c' };
    const put = await putObjectRaw(rt, bucket, key, body, { ...headers, 'x-amz-meta-colour': meta.colour, 'x-amz-meta-Two-Words': meta['two-words'] });
    await expectGetMatches(rt, bucket, key, { body, headers, meta, putAt: serverDate(put) });
  },
);

op.check(
  {
    id: 'GetObject/accept-ranges',
    spec: '#API_GetObject_ResponseSyntax',
    level: 'required',
    title: 'GET of an object → 200 with Accept-Ranges: bytes (the object can be read in byte ranges)',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_get_object_with_anon_credentials#get_object', 'AcceptRanges "bytes" on a plain GET'),
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectCRUD::test_get_object_with_version_unversioned_bucket#get-obj-with-null-version', 'AcceptRanges "bytes"'),
    ],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'GET', bucket, key: 'range/100' });
    expectStatus(res, 200, 'GET of the object');
    expectHeader(res.headers, 'accept-ranges', 'bytes');
  },
);

op.check(
  {
    id: 'GetObject/no-storage-class-standard',
    spec: '#API_GetObject_ResponseSyntax',
    level: 'required',
    title: 'GET of an object stored without a storage class (S3 Standard) → no x-amz-storage-class header',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html', 'x-amz-storage-class: Provides storage class information of the object. Amazon S3 returns this header for all objects except for S3 Standard storage class objects.'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_object_expires#get-object-expires-future', 'no StorageClass in the GET answer of a Standard object'),
    ],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'GET', bucket, key: 'range/100' });
    expectStatus(res, 200, 'GET of the object');
    expectEqual('x-amz-storage-class header', res.headers['x-amz-storage-class'], undefined);
  },
);

op.check(
  {
    id: 'GetObject/date-header',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html',
    level: 'required',
    title: 'a GET answer carries a Date header in IMF-fixdate form (e.g. "Wed, 01 Mar 2006 12:00:00 GMT")',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html', 'Date: The date and time that Amazon S3 responded; for example, Wed, 01 Mar 2006 12:00:00 GMT.'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_get_object_content_length_with_virtual_host[False]#get-obj-content-len-headers', 'a date header in the GET answer'),
    ],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'GET', bucket, key: CKEY });
    expectStatus(res, 200, 'GET');
    expectHeader(res.headers, 'date', HTTP_DATE);
  },
);

op.check(
  {
    id: 'GetObject/error-date-header',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html',
    level: 'required',
    title: 'an error answer (GET of a missing key, 404 NoSuchKey) carries a Date header in IMF-fixdate form',
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html', 'Date: The date and time that Amazon S3 responded; for example, Wed, 01 Mar 2006 12:00:00 GMT.')],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'GET', bucket, key: 'date/missing-key' });
    expectRawError(res, { status: 404, code: 'NoSuchKey' }, 'GET of a missing key');
    expectHeader(res.headers, 'date', HTTP_DATE);
  },
);

op.check(
  {
    id: 'GetObject/request-id-headers',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html',
    level: 'required',
    title: 'a GET answer carries non-empty x-amz-request-id and x-amz-id-2 headers',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_get_object_content_length_with_virtual_host[False]#get-obj-content-len-headers'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html', 'x-amz-request-id: A value created by Amazon S3 that uniquely identifies the request.'),
    ],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'GET', bucket, key: CKEY });
    expectStatus(res, 200, 'GET');
    expectHeader(res.headers, 'x-amz-request-id', /\S/);
    expectHeader(res.headers, 'x-amz-id-2', /\S/);
  },
);

// ---- ranges ---------------------------------------------------------------------------------

const rangeCase = fc.constantFrom(...SIZES).chain((size) => fc.record({ size: fc.constant(size), range: rangeArb(size) }));

op.property(
  {
    id: 'GetObject/range',
    spec: '#API_GetObject_RequestSyntax',
    level: 'required',
    title: 'any satisfiable bytes=a-b, bytes=a-, bytes=-n → 206 with exactly those bytes, Content-Range and Content-Length right',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectCRUD::test_get_object_range#get-0-0'),
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectCRUD::test_get_object_range#get--15', 'a suffix longer than the object: 206 bytes 0-9/10'),
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectCRUD::test_get_object_range#get-0-100', 'a last byte past the end is clamped: 206 bytes 0-9/10'),
    ],
    maxRuns: 30,
    examples: [
      { c: { size: 65_537, range: { kind: 'closed', first: 0, last: 0 } } },
      { c: { size: 100, range: { kind: 'suffix', length: 200 } } },
      { c: { size: 65_537, range: { kind: 'suffix', length: 10 } } },
      { c: { size: 100, range: { kind: 'open', first: 37 } } },
    ],
  },
  { c: rangeCase },
  async ({ c }, { bucket, objects }) => {
    const body = objects.get(c.size) as Buffer;
    const header = rangeHeader(c.range);
    const res = await raw(rt, { method: 'GET', bucket, key: `range/${c.size}`, headers: { range: header } });
    expectStatus(res, 206, `GET Range: ${header}`);
    const { first, last } = rangeSelect(c.range, c.size);
    expectHeader(res.headers, 'content-range', `bytes ${first}-${last}/${c.size}`);
    expectHeader(res.headers, 'content-length', String(last - first + 1));
    expectBytes(`GET Range: ${header} body`, res.body, body.subarray(first, last + 1));
    expectHeader(res.headers, 'etag', quotedMd5(body));
  },
);

op.check(
  {
    id: 'GetObject/range-unsatisfiable-first-at-size',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'a range whose first byte is the object size → 416 InvalidRange',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectCRUD::test_get_object_range#get-100-200', '416 InvalidRange'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'InvalidRange | The requested range is not valid for the request. Try another range. | 416 Requested Range Not Satisfiable'),
    ],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'GET', bucket, key: 'range/100', headers: { range: 'bytes=100-' } });
    expectRawError(res, { status: 416, code: 'InvalidRange' }, 'GET Range: bytes=100-');
  },
);

op.check(
  {
    id: 'GetObject/range-unsatisfiable-first-beyond-size',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'a range whose first byte is past the end → 416 InvalidRange',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_invalid_range_error#exc', '416 InvalidRange for bytes=1024-4096 of an 8-byte object'),
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectCRUD::test_get_object_range#get-100-200'),
    ],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'GET', bucket, key: 'range/100', headers: { range: 'bytes=110-120' } });
    expectRawError(res, { status: 416, code: 'InvalidRange' }, 'GET Range: bytes=110-120');
  },
);

op.check(
  {
    id: 'GetObject/range-unsatisfiable-error-fields',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'the InvalidRange error names the object size in <ActualObjectSize> and the request in <RangeRequested>',
    evidence: [recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectCRUD::test_get_object_range#get-100-200', 'ActualObjectSize "10", RangeRequested "bytes=100-200"')],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'GET', bucket, key: 'range/100', headers: { range: 'bytes=200-300' } });
    expectRawError(res, { status: 416, code: 'InvalidRange' }, 'GET Range: bytes=200-300');
    const err = res.error() ?? {};
    expectEqual('<Error><ActualObjectSize>', err.actualObjectSize, '100');
    expectEqual('<Error><RangeRequested>', err.rangeRequested, 'bytes=200-300');
  },
);

op.check(
  {
    id: 'GetObject/range-suffix-zero',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'Range: bytes=-0 (an empty suffix) → 416 InvalidRange',
    evidence: [recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectCRUD::test_get_object_range#get--0', '416 InvalidRange, RangeRequested bytes=-0')],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'GET', bucket, key: 'range/100', headers: { range: 'bytes=-0' } });
    expectRawError(res, { status: 416, code: 'InvalidRange' }, 'GET Range: bytes=-0');
  },
);

const MALFORMED_RANGES = ['0-1', 'bytes=1-0', 'bytes=-1-', 'bytes=-', 'bytes=0--1'];

op.check(
  {
    id: 'GetObject/range-malformed-ignored',
    spec: '#API_GetObject_RequestSyntax',
    level: 'required',
    title: `a syntactically invalid Range (${MALFORMED_RANGES.join(', ')}) is ignored: 200 with the whole object`,
    evidence: [
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectCRUD::test_get_object_range#get-wrong-format', 'Range "0-1" → 200, the whole object'),
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectCRUD::test_get_object_range#get-1-0', 'Range "bytes=1-0" → 200'),
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectCRUD::test_get_object_range#get--1-', 'Range "bytes=-1-" → 200'),
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectCRUD::test_get_object_range#get--', 'Range "bytes=-" → 200'),
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectCRUD::test_get_object_range#get-0--1', 'Range "bytes=0--1" → 200'),
    ],
  },
  async ({ bucket, objects }) => {
    const body = objects.get(100) as Buffer;
    for (const range of MALFORMED_RANGES) {
      const res = await raw(rt, { method: 'GET', bucket, key: 'range/100', headers: { range } });
      expectStatus(res, 200, `GET Range: ${range}`);
      expectBytes(`GET Range: ${range} body`, res.body, body);
    }
  },
);

op.check(
  {
    id: 'GetObject/range-multiple-ignored',
    spec: '#API_GetObject_RequestSyntax',
    level: 'required',
    title: 'a multi-range Range (bytes=0-1,3-4,7-9) is ignored: 200 with the whole object, not multipart/byteranges',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectCRUD::test_get_object_range#get-multiple-ranges', '200, the whole object'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html', 'Amazon S3 doesn\'t support retrieving multiple ranges of data per GET request.'),
    ],
  },
  async ({ bucket, objects }) => {
    const body = objects.get(100) as Buffer;
    const res = await raw(rt, { method: 'GET', bucket, key: 'range/100', headers: { range: 'bytes=0-1,3-4,7-9' } });
    expectStatus(res, 200, 'GET Range: bytes=0-1,3-4,7-9');
    expectBytes('GET multi-range body', res.body, body);
  },
);

op.check(
  {
    id: 'GetObject/range-empty-object',
    spec: '#API_GetObject_RequestSyntax',
    level: 'optional',
    title: 'Range: bytes=0- of a 0-byte object (no first byte to serve) → 416 InvalidRange',
    evidence: [
      peer('https://github.com/versity/versitygw/tree/main/tests/integration', 'GetObject_zero_len_with_range, "reference server expectations for a 0-byte object": bytes=0-, bytes=0-0, bytes=-0 fail with InvalidRange'),
      peer('https://github.com/minio/minio-java/issues/636', 'AWS S3 answered InvalidRange "The requested range is not satisfiable" to GET Range: bytes=0- of a 0-byte object'),
      peer('https://github.com/minio/minio/pull/17713', 'a trace of AWS S3 rejecting a 0-based range on an empty object'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'InvalidRange | The requested range is not valid for the request. Try another range. | 416 Requested Range Not Satisfiable'),
    ],
  },
  async ({ bucket }) => {
    await putObjectRaw(rt, bucket, 'range/empty', Buffer.alloc(0));
    const res = await raw(rt, { method: 'GET', bucket, key: 'range/empty', headers: { range: 'bytes=0-' } });
    expectRawError(res, { status: 416, code: 'InvalidRange' }, 'GET Range: bytes=0- of a 0-byte object');
  },
);

op.check(
  {
    id: 'GetObject/range-empty-object-suffix',
    spec: '#API_GetObject_RequestSyntax',
    level: 'optional',
    title: 'Range: bytes=-1 (a suffix) of a 0-byte object is not an error: 200 with the empty object (unlike bytes=0-)',
    evidence: [
      peer('https://github.com/versity/versitygw/tree/main/tests/integration', 'GetObject_zero_len_with_range, "reference server expectations for a 0-byte object": bytes=-1 answers without error and without Content-Range; bytes=0-, bytes=0-0, bytes=-0 fail with InvalidRange'),
      peer('https://github.com/floci-io/floci/issues/1141', 'a suffix range on an empty S3 object is read successfully (Trino\'s S3 file-system test for empty files)'),
    ],
  },
  async ({ bucket }) => {
    await putObjectRaw(rt, bucket, 'range/empty-suffix', Buffer.alloc(0));
    const res = await raw(rt, { method: 'GET', bucket, key: 'range/empty-suffix', headers: { range: 'bytes=-1' } });
    expectStatus(res, 200, 'GET Range: bytes=-1 of a 0-byte object');
    expectEqual('body length', res.body.length, 0);
  },
);

op.check(
  {
    id: 'GetObject/key-prefix-not-an-object',
    spec: '#API_GetObject_Errors',
    level: 'required',
    title: 'keys are flat: with "tree/leaf" and "file" stored, GET "tree", "tree/" and "file/child" → 404 NoSuchKey',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html', 'The Amazon S3 data model is a flat structure: You create a bucket, and the bucket stores objects. There is no hierarchy of subbuckets or subfolders.'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'NoSuchKey | The specified key does not exist. | 404 Not Found'),
    ],
  },
  async ({ bucket }) => {
    await putObjectRaw(rt, bucket, 'flat/tree/leaf', Buffer.from('leaf'));
    await putObjectRaw(rt, bucket, 'flat/file', Buffer.from('file'));
    for (const key of ['flat/tree', 'flat/tree/', 'flat/file/child']) {
      const res = await raw(rt, { method: 'GET', bucket, key });
      expectRawError(res, { status: 404, code: 'NoSuchKey' }, `GET ${JSON.stringify(key)}`);
    }
  },
);

// ---- partNumber -----------------------------------------------------------------------------

const MIB5 = 5 * 1024 * 1024;
const PART2 = bytesFromSeed(1000, 91);
let mpKey: Promise<string> | undefined;

/** A two-part object (5 MiB + 1000 bytes), uploaded once for the partNumber checks. */
function multipartObject(s3: S3Client, bucket: string): Promise<string> {
  mpKey ??= (async () => {
    const key = 'multipart/two-parts';
    const up = await step('CreateMultipartUpload', s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key })));
    const parts = [];
    for (const [i, body] of [bytesFromSeed(MIB5, 90), PART2].entries()) {
      const out = await step(`UploadPart #${i + 1}`, s3.send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId: up.UploadId, PartNumber: i + 1, Body: body })));
      parts.push({ PartNumber: i + 1, ETag: out.ETag });
    }
    await step('CompleteMultipartUpload', s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: up.UploadId, MultipartUpload: { Parts: parts } })));
    return key;
  })();
  return mpKey;
}

op.check(
  {
    id: 'GetObject/part-number',
    spec: '#API_GetObject_RequestSyntax',
    level: 'required',
    title: 'GET ?partNumber=2 of a two-part object → 206 with that part\'s bytes, Content-Range, Content-Length and x-amz-mp-parts-count: 2',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_get_object_part#get-object-part', '206, ContentRange bytes 5242896-5242911/5242912, PartsCount 2'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html', 'Part number of the object being read. This is a positive integer between 1 and 10,000. Effectively performs a \'ranged\' GET request for the part specified.'),
    ],
    timeoutMs: 240_000,
  },
  async ({ s3, bucket }) => {
    const key = await multipartObject(s3, bucket);
    // A fresh connection: a server that ignores partNumber streams the whole 5 MiB object, and a
    // keep-alive socket reused after it has been seen to be reset by the embedded server.
    const res = await raw(rt, { method: 'GET', bucket, key, query: { partNumber: '2' }, headers: { connection: 'close' } });
    expectStatus(res, 206, 'GET ?partNumber=2');
    const total = MIB5 + PART2.length;
    expectHeader(res.headers, 'content-range', `bytes ${MIB5}-${total - 1}/${total}`);
    expectHeader(res.headers, 'content-length', String(PART2.length));
    expectHeader(res.headers, 'x-amz-mp-parts-count', '2');
    expectBytes('GET ?partNumber=2 body', res.body, PART2);
  },
);

const VERSION_RECORDED = 'tests/aws/services/s3/test_s3_api.py::TestS3ObjectCRUD::test_get_object_with_version_unversioned_bucket';

op.check(
  {
    id: 'GetObject/version-id-unknown-unversioned',
    spec: '#API_GetObject_RequestSyntax',
    level: 'required',
    title: `GET ?versionId=${UNKNOWN_VERSION_ID} of an object in a bucket that never had versioning → 400 InvalidArgument`,
    evidence: [recorded(`${VERSION_RECORDED}#get-obj-with-version`, '400 InvalidArgument "Invalid version id specified"')],
  },
  async ({ bucket }) => {
    const key = 'version/unknown';
    await putObjectRaw(rt, bucket, key, Buffer.from('test-version'));
    const res = await raw(rt, { method: 'GET', bucket, key, query: { versionId: UNKNOWN_VERSION_ID } });
    expectRawError(res, { status: 400, code: 'InvalidArgument' }, `GET ?versionId=${UNKNOWN_VERSION_ID}`);
  },
);

op.check(
  {
    id: 'GetObject/version-id-unknown-names-argument',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'the InvalidArgument error for an unknown versionId names <ArgumentName>versionId and the id sent in <ArgumentValue>',
    evidence: [recorded(`${VERSION_RECORDED}#get-obj-with-version`, `ArgumentName "versionId", ArgumentValue "${UNKNOWN_VERSION_ID}"`)],
  },
  async ({ bucket }) => {
    const key = 'version/unknown-fields';
    await putObjectRaw(rt, bucket, key, Buffer.from('test-version'));
    const res = await raw(rt, { method: 'GET', bucket, key, query: { versionId: UNKNOWN_VERSION_ID } });
    expectRawError(res, { status: 400, code: 'InvalidArgument' }, `GET ?versionId=${UNKNOWN_VERSION_ID}`);
    expectErrorFields(res, { ArgumentName: 'versionId', ArgumentValue: UNKNOWN_VERSION_ID });
  },
);

op.check(
  {
    id: 'GetObject/version-id-null-unversioned',
    spec: '#API_GetObject_RequestSyntax',
    level: 'required',
    title: 'GET ?versionId=null of an object in a bucket that never had versioning → 200 with the object\'s bytes',
    evidence: [
      recorded(`${VERSION_RECORDED}#get-obj-with-null-version`, '200, Body "test-version"'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/manage-objects-versioned-bucket.html', 'Objects that are stored in an Amazon S3 bucket before you set the versioning state have a version ID of null.'),
    ],
  },
  async ({ bucket }) => {
    const key = 'version/null';
    const body = Buffer.from('test-version');
    await putObjectRaw(rt, bucket, key, body);
    const res = await raw(rt, { method: 'GET', bucket, key, query: { versionId: 'null' } });
    expectStatus(res, 200, 'GET ?versionId=null');
    expectBytes('GET ?versionId=null body', res.body, body);
  },
);

op.check(
  {
    id: 'GetObject/part-number-too-large',
    spec: '#API_GetObject_RequestSyntax',
    level: 'required',
    title: 'GET ?partNumber=10 of a two-part object → 416 InvalidPartNumber',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_get_object_part#part-doesnt-exist', '416 InvalidPartNumber, ActualPartCount 2, PartNumberRequested 10')],
    timeoutMs: 240_000,
  },
  async ({ s3, bucket }) => {
    const key = await multipartObject(s3, bucket);
    const res = await raw(rt, { method: 'GET', bucket, key, query: { partNumber: '10' }, headers: { connection: 'close' } });
    expectRawError(res, { status: 416, code: 'InvalidPartNumber' }, 'GET ?partNumber=10');
  },
);

op.check(
  {
    id: 'GetObject/part-number-too-large-names-count',
    spec: '#API_GetObject_RequestSyntax',
    level: 'required',
    title: 'the InvalidPartNumber error of GET ?partNumber=10 (two parts) names <PartNumberRequested>10 and <ActualPartCount>2',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_get_object_part#part-doesnt-exist', 'ActualPartCount "2", PartNumberRequested "10"')],
    timeoutMs: 240_000,
  },
  async ({ s3, bucket }) => {
    const key = await multipartObject(s3, bucket);
    const res = await raw(rt, { method: 'GET', bucket, key, query: { partNumber: '10' }, headers: { connection: 'close' } });
    expectRawError(res, { status: 416, code: 'InvalidPartNumber' }, 'GET ?partNumber=10');
    expectEqual('<Error><PartNumberRequested>', res.error()?.partNumberRequested, '10');
    expectEqual('<Error><ActualPartCount>', res.error()?.actualPartCount, '2');
  },
);

op.check(
  {
    id: 'GetObject/part-number-with-range',
    spec: '#API_GetObject_RequestSyntax',
    level: 'required',
    title: 'GET with both ?partNumber and a Range header → 400 InvalidRequest',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_get_object_part#part-with-range', '400 InvalidRequest "Cannot specify both Range header and partNumber query parameter"')],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'GET', bucket, key: CKEY, query: { partNumber: '1' }, headers: { range: 'bytes=0-9' } });
    expectRawError(res, { status: 400, code: 'InvalidRequest' }, 'GET ?partNumber=1 with Range: bytes=0-9');
  },
);

op.check(
  {
    id: 'GetObject/part-number-simple-object',
    spec: '#API_GetObject_RequestSyntax',
    level: 'required',
    title: 'GET ?partNumber=1 of an object from a single PUT → 206 with the whole object (bytes 0-(size-1)/size)',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_get_object_part#get-obj-no-multipart', '206, ContentRange bytes 0-7/8')],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'GET', bucket, key: CKEY, query: { partNumber: '1' } });
    expectStatus(res, 206, 'GET ?partNumber=1 of a simple object');
    expectHeader(res.headers, 'content-range', `bytes 0-${cbody.length - 1}/${cbody.length}`);
    expectBytes('GET ?partNumber=1 body', res.body, cbody);
  },
);

op.check(
  {
    id: 'GetObject/part-number-simple-object-too-large',
    spec: '#API_GetObject_RequestSyntax',
    level: 'required',
    title: 'GET ?partNumber=2 of an object from a single PUT → 416 InvalidPartNumber',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_get_object_part#part-no-multipart', '416 InvalidPartNumber, ActualPartCount 1')],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'GET', bucket, key: CKEY, query: { partNumber: '2' } });
    expectRawError(res, { status: 416, code: 'InvalidPartNumber' }, 'GET ?partNumber=2 of a simple object');
  },
);

op.check(
  {
    id: 'GetObject/part-number-simple-object-names-count',
    spec: '#API_GetObject_RequestSyntax',
    level: 'required',
    title: 'the InvalidPartNumber error of GET ?partNumber=2 of a single-PUT object names <PartNumberRequested>2 and <ActualPartCount>1',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_get_object_part#part-no-multipart', 'ActualPartCount "1", PartNumberRequested "2"')],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'GET', bucket, key: CKEY, query: { partNumber: '2' } });
    expectRawError(res, { status: 416, code: 'InvalidPartNumber' }, 'GET ?partNumber=2 of a simple object');
    expectEqual('<Error><PartNumberRequested>', res.error()?.partNumberRequested, '2');
    expectEqual('<Error><ActualPartCount>', res.error()?.actualPartCount, '1');
  },
);

// ---- conditionals (RFC 7232 precedence as the GetObject page documents it) --------------------

for (const row of CONDITIONALS) {
  op.check(
    {
      id: `GetObject/conditional-${row.slug}`,
      spec: '#API_GetObject_RequestSyntax',
      level: row.level ?? 'required',
      title: `GET with ${row.title} → ${row.status}`,
      evidence: row.evidence.get,
    },
    async (f) => {
      await conditionalGet(f, row, 'GET');
    },
  );
}

/** f: the file's bucket and the conditional object's ETag and Last-Modified. */
async function conditionalGet(f: { bucket: string; cEtag: string; cLastModified: string }, row: ConditionalRow, method: 'GET' | 'HEAD'): Promise<void> {
  const { bucket, cEtag, cLastModified } = f;
  const headers = conditionalHeaders(row, cEtag, cLastModified);
  const res = await raw(rt, { method, bucket, key: CKEY, headers });
  const what = `${method} with ${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ')}`;
  expectStatus(res, row.status, what);
  if (row.status === 200) {
    if (method === 'GET') expectBytes(`${what} body`, res.body, cbody);
    expectHeader(res.headers, 'etag', cEtag);
  } else if (row.status === 304) {
    expectEqual(`${what}: 304 carries no body`, res.body.length, 0);
  } else if (method === 'GET') {
    expectRawError(res, { status: 412, code: 'PreconditionFailed' }, what);
  } else {
    expectEqual(`${what}: HEAD 412 carries no body`, res.body.length, 0);
  }
}

op.check(
  {
    id: 'GetObject/precondition-failed-names-condition',
    spec: '#API_GetObject_RequestSyntax',
    level: 'required',
    title: 'the 412 PreconditionFailed error of a failed If-Match names it: <Condition>If-Match</Condition>',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_precondition_failed_error#get-object-if-match', '412 PreconditionFailed, Condition If-Match')],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'GET', bucket, key: CKEY, headers: { 'if-match': '"00000000000000000000000000000000"' } });
    expectRawError(res, { status: 412, code: 'PreconditionFailed' }, 'GET with If-Match: <another ETag>');
    expectEqual('<Error><Condition>', res.error()?.condition, 'If-Match');
  },
);

op.check(
  {
    id: 'GetObject/conditional-if-match-unquoted-etag',
    spec: '#API_GetObject_RequestSyntax',
    level: 'required',
    title: 'If-Match: <its ETag without the quotes> matches → 200',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_get_object_headers#if_match_2', '200 for IfMatch=etag.strip(\'"\')')],
  },
  async ({ bucket, cEtag }) => {
    const res = await raw(rt, { method: 'GET', bucket, key: CKEY, headers: { 'if-match': cEtag.replace(/"/g, '') } });
    expectStatus(res, 200, 'GET with If-Match: <unquoted ETag>');
    expectBytes('GET body', res.body, cbody);
  },
);

op.check(
  {
    id: 'GetObject/conditional-if-none-match-unquoted-etag',
    spec: '#API_GetObject_RequestSyntax',
    level: 'required',
    title: 'If-None-Match: <its ETag without the quotes> matches → 304 Not Modified',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_get_object_headers#if_none_match_err_2', '304 for IfNoneMatch=etag.strip(\'"\')')],
  },
  async ({ bucket, cEtag }) => {
    const res = await raw(rt, { method: 'GET', bucket, key: CKEY, headers: { 'if-none-match': cEtag.replace(/"/g, '') } });
    expectStatus(res, 304, 'GET with If-None-Match: <unquoted ETag>');
  },
);

op.check(
  {
    id: 'GetObject/conditional-if-modified-since-future',
    spec: '#API_GetObject_RequestSyntax',
    level: 'required',
    title: 'If-Modified-Since a day in the future is ignored (invalid date) → 200 with the object',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_get_object_preconditions[get_object]#obj-ignore-future-modified-since', '200 for IfModifiedSince = now + 1 day')],
  },
  async ({ bucket }) => {
    const future = new Date(Date.now() + 86_400_000).toUTCString();
    const res = await raw(rt, { method: 'GET', bucket, key: CKEY, headers: { 'if-modified-since': future } });
    expectStatus(res, 200, `GET with If-Modified-Since: ${future}`);
    expectBytes('GET body', res.body, cbody);
  },
);

op.check(
  {
    id: 'GetObject/not-modified-etag',
    spec: '#API_GetObject_RequestSyntax',
    level: 'optional',
    title: 'a 304 Not Modified answer carries the ETag a 200 would have carried (RFC 7232 §4.1)',
    evidence: [peer('https://www.rfc-editor.org/rfc/rfc7232#section-4.1', 'RFC 7232 §4.1: the server generating a 304 response MUST generate ETag if it would have been sent in a 200; the S3 pages defer to RFC 7232')],
  },
  async ({ bucket, cEtag }) => {
    const res = await raw(rt, { method: 'GET', bucket, key: CKEY, headers: { 'if-none-match': cEtag } });
    expectStatus(res, 304, 'GET with If-None-Match: <its ETag>');
    expectHeader(res.headers, 'etag', cEtag);
  },
);

// ---- response header overrides --------------------------------------------------------------

op.check(
  {
    id: 'GetObject/response-header-overrides',
    spec: '#API_GetObject_RequestSyntax',
    level: 'required',
    title: 'signed GET with response-content-type/-language/-disposition/-encoding, response-cache-control, response-expires → those headers',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html', 'There are times when you want to override certain response header values of a GetObject response.'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_get_object_header_overrides#get-object', 'the Response* parameters come back as the response headers'),
    ],
  },
  async ({ bucket }) => {
    const want: Record<string, string> = {
      'content-type': 'text/x-override; charset=utf-8',
      'content-language': 'ko-KR',
      'content-disposition': 'attachment; filename="over ride.txt"',
      'content-encoding': 'identity',
      'cache-control': 'no-store, max-age=0',
      expires: 'Thu, 01 Dec 2033 16:00:00 GMT',
    };
    const query = Object.fromEntries(Object.entries(want).map(([k, v]) => [`response-${k}`, v]));
    const res = await raw(rt, { method: 'GET', bucket, key: CKEY, query });
    expectStatus(res, 200, 'GET with response-* overrides');
    for (const [k, v] of Object.entries(want)) expectHeader(res.headers, k, v);
    expectBytes('GET with overrides body', res.body, cbody);
  },
);

op.check(
  {
    id: 'GetObject/response-overrides-anonymous',
    spec: '#API_GetObject_RequestSyntax',
    level: 'required',
    title: 'an anonymous GET of a public-read object with response-content-type → 400 InvalidRequest (overrides need a signed request)',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html', 'When you use these parameters, you must sign the request by using either an Authorization header or a presigned URL. These parameters cannot be used with an unsigned (anonymous) request.'),
      peer('https://github.com/versity/versitygw/blob/main/tests/integration/GetObject.go', 'GetObject_overrides_fail_public: each response-* parameter on an anonymous request → 400 InvalidRequest "Request specific response headers cannot be used for anonymous GET requests."'),
    ],
    feature: 'acl',
  },
  async () => {
    const pub = await createBucket(rt, { hint: 'get-anon', acl: true });
    const body = Buffer.from('public object');
    await putObjectRaw(rt, pub, 'public', body, { 'x-amz-acl': 'public-read' });
    const plain = await raw(rt, { method: 'GET', bucket: pub, key: 'public', auth: 'none' });
    expectStatus(plain, 200, 'anonymous GET of the public-read object (setup)');
    // Sent over a raw connection: an answer that Node's HTTP parser would refuse is still judged.
    const conn = await WireConnection.open(rt);
    try {
      const { head } = await WireConnection.head(rt, { method: 'GET', bucket: pub, key: 'public', auth: 'none', query: { 'response-content-type': 'text/plain' } });
      conn.write(head);
      const res = await conn.readFinal('GET', 30_000);
      expectEqual('status of the anonymous GET with response-content-type', res.status, 400);
      expectEqual('<Error><Code>', wireError(res)?.code, 'InvalidRequest');
    } finally {
      conn.close();
    }
  },
);

// ---- errors ---------------------------------------------------------------------------------

op.check(
  {
    id: 'GetObject/no-such-key',
    spec: '#API_GetObject_Errors',
    level: 'required',
    title: 'GET of a missing key → 404 NoSuchKey',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_range_key_not_exists#exc', '404 NoSuchKey'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'NoSuchKey | The specified key does not exist. | 404 Not Found'),
    ],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'GET', bucket, key: 'missing/plain' });
    expectRawError(res, { status: 404, code: 'NoSuchKey' }, 'GET of a missing key');
  },
);

op.check(
  {
    id: 'GetObject/no-such-key-names-key',
    spec: '#API_GetObject_Errors',
    level: 'required',
    title: 'the NoSuchKey error body names the missing key in <Key>, exactly (UTF-8, special characters)',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_range_key_not_exists#exc', 'Key "my-key"'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_uppercase_key_names#wrong-case-key', 'Key "camelcasekey"'),
    ],
  },
  async ({ bucket }) => {
    const key = 'missing/é ?#+&<key>';
    const res = await raw(rt, { method: 'GET', bucket, key });
    expectRawError(res, { status: 404, code: 'NoSuchKey' }, 'GET of a missing key');
    expectEqual('<Error><Key>', res.error()?.key, key);
  },
);

op.check(
  {
    id: 'GetObject/error-body-shape',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#RESTErrorResponses',
    level: 'required',
    title: 'an error answer is an XML <Error> document with Code, Message and RequestId',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html', 'The error code is a string that uniquely identifies an error condition.'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_range_key_not_exists#exc', 'Code NoSuchKey, Message "The specified key does not exist."'),
    ],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'GET', bucket, key: 'missing/shape' });
    expectStatus(res, 404, 'GET of a missing key');
    const d = res.xml();
    expectTrue('body is an <Error> document', d !== undefined && typeof d.Error === 'object', '<Error>…</Error>', res.text().slice(0, 200));
    const err = res.error() ?? {};
    expectEqual('<Error><Code>', err.code, 'NoSuchKey');
    expectTrue('<Error><Message> present and non-empty', typeof err.message === 'string' && err.message.length > 0, 'a message', err.message);
    expectTrue('<Error><RequestId> present and non-empty', typeof err.requestId === 'string' && err.requestId.length > 0, 'a request id', err.requestId);
  },
);

op.check(
  {
    id: 'GetObject/error-content-type',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#RESTErrorResponses',
    level: 'required',
    title: 'an error answer with an XML body says so: Content-Type application/xml',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html', 'When there is an error, the header information contains: Content-Type: application/xml'),
    ],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'GET', bucket, key: 'missing/content-type' });
    expectStatus(res, 404, 'GET of a missing key');
    expectMatch('Content-Type of the error', res.headers['content-type'], /^(application|text)\/xml\b/);
  },
);

op.check(
  {
    id: 'GetObject/error-body-resource',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#RESTErrorResponses',
    level: 'optional',
    title: 'the NoSuchKey error body has AWS\'s shape: no <Resource> element (the key is named in <Key>)',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_range_key_not_exists#exc', 'error fields: Code, Key, Message (no Resource)'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_uppercase_key_names#wrong-case-key', 'error fields: Code, Key, Message (no Resource)'),
    ],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'GET', bucket, key: 'missing/resource' });
    expectRawError(res, { status: 404, code: 'NoSuchKey' }, 'GET of a missing key');
    expectEqual('<Error><Resource>', res.error()?.resource, undefined);
  },
);

op.check(
  {
    id: 'GetObject/error-request-id-matches-header',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#RESTErrorResponses',
    level: 'optional',
    title: 'the <RequestId> of an error body equals the answer\'s x-amz-request-id header',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html', 'RequestId: ID of the request associated with the error'),
      peer('https://github.com/ceph/s3-tests/blob/master/s3tests_boto3/functional/test_s3.py', 'test_object_requestid_matches_header_on_error: RequestId in the error body equals the x-amz-request-id header'),
    ],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'GET', bucket, key: 'missing/request-id' });
    expectStatus(res, 404, 'GET of a missing key');
    const header = expectHeader(res.headers, 'x-amz-request-id', /\S/);
    expectEqual('<Error><RequestId>', res.error()?.requestId, header);
  },
);

op.check(
  {
    id: 'GetObject/no-such-bucket',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'GET of a key in a bucket that does not exist → 404 NoSuchBucket',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_get_object_no_such_bucket#expected_error', '404 NoSuchBucket')],
  },
  async ({ s3 }) => {
    const missing = newBucketName(rt, 'missing');
    await expectS3Error(s3.send(new GetObjectCommand({ Bucket: missing, Key: 'k' })), { status: 404, code: 'NoSuchBucket' });
  },
);

op.check(
  {
    id: 'GetObject/no-such-bucket-names-bucket',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'the NoSuchBucket error of a GET names the missing bucket in <BucketName>, exactly',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_get_object_no_such_bucket#expected_error', 'GetObject of a missing bucket: BucketName = the requested bucket (masked <bucket-name:1>)'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_bucket_exists#get-bucket-not-exists', 'GetBucketAcl of "bucket-not-exists": BucketName "bucket-not-exists", the name requested'),
    ],
  },
  async () => {
    const missing = newBucketName(rt, 'missing');
    const res = await raw(rt, { method: 'GET', bucket: missing, key: 'k' });
    expectRawError(res, { status: 404, code: 'NoSuchBucket' }, 'GET of a key in a missing bucket');
    expectEqual('<Error><BucketName>', res.error()?.bucketName, missing);
  },
);

op.check(
  {
    id: 'GetObject/expected-bucket-owner-mismatch',
    spec: '#API_GetObject_RequestSyntax',
    level: 'required',
    title: 'GET with x-amz-expected-bucket-owner naming another account → 403 AccessDenied',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html', 'If the account ID that you provide does not match the actual owner of the bucket, the request fails with the HTTP status code 403 Forbidden (access denied).'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_put_bucket_policy_expected_bucket_owner#put-bucket-policy-with-expected-bucket-owner-error', '403 AccessDenied'),
    ],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'GET', bucket, key: CKEY, headers: { 'x-amz-expected-bucket-owner': '000000000001' } });
    expectRawError(res, { status: 403, code: 'AccessDenied' }, 'GET with a wrong x-amz-expected-bucket-owner');
  },
);

// ---- what the current SDK sends by default (formerly SdkDefaults.test.ts) --------------------

op.check(
  {
    id: 'GetObject/sdk-default-response-validation',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html',
    level: 'optional',
    title: 'SDK defaults (response checksum validation on): GET of an object uploaded with a CRC32 checksum succeeds and returns the bytes',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3PutObjectChecksum::test_s3_get_object_checksum[CRC32]#get-object-with-checksum'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html', 'When you upload an object, you can optionally include a precalculated checksum as part of your request.'),
    ],
  },
  async ({ bucket }) => {
    const sdk = makeClient(rt, { sdkDefaultChecksums: true });
    const body = bytesFromSeed(5000, 33);
    await step('PutObject with SDK default checksums', sdk.send(new PutObjectCommand({ Bucket: bucket, Key: 'crc32-get', Body: body })));
    const out = await step('GetObject with SDK default checksums', sdk.send(new GetObjectCommand({ Bucket: bucket, Key: 'crc32-get', ChecksumMode: 'ENABLED' })));
    const got = await step('read the body (validates the checksum when one is returned)', (out.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
    expectBytes('GetObject body', got, body);
  },
);
