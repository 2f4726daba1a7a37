import { CompleteMultipartUploadCommand, CreateMultipartUploadCommand, HeadObjectCommand, UploadPartCommand } from '@aws-sdk/client-s3';
import { doc, expectEqual, expectFields, expectHeader, expectS3Error, HTTP_DATE, expectStatus, newBucketName, peer, raw, recorded, step, operation, expectErrorEnvelope, ERROR_ENVELOPE_EVIDENCE, ERROR_ENVELOPE_SPEC } from '../../harness/api/index.ts';
import { expectGetMatches, expectHeadMatches, putObjectRaw, serverDate } from '../../harness/api/object.ts';
import { completeRaw, compositeChecksum, uploadPartChecksummed, withUploadRaw } from '../../harness/api/multipart.ts';
import { bytesFromSeed } from '../../fixtures/arbitraries/object.ts';
import { CONDITIONALS, conditionalHeaders, type ConditionalRow } from './conditionals.ts';

const KEY = 'head/object';
const body = bytesFromSeed(2048, 5);

const op = operation('HeadObject', {
  buckets: { bucket: { hint: 'head' } },
  setup: async ({ rt, bucket }) => {
    await putObjectRaw(rt, bucket, KEY, body);
    const head = await raw(rt, { method: 'HEAD', bucket, key: KEY });
    return { value: { etag: head.headers.etag ?? '', lastModified: head.headers['last-modified'] ?? '' } };
  },
});
const { rt } = op;

op.check(
  {
    id: 'HeadObject/same-headers-as-get',
    spec: '#API_HeadObject_ResponseSyntax',
    level: 'required',
    title: 'HEAD → 200, no body, and the same ETag, Content-Length, Last-Modified, Content-Type/-Language/-Disposition/-Encoding, Cache-Control, Expires and metadata as GET',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_head_object_fields#head-object'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html', 'The HEAD operation retrieves metadata from an object without returning the object itself.'),
    ],
  },
  async ({ bucket }) => {
    const key = 'head/with-meta';
    const b = bytesFromSeed(777, 6);
    const headers = {
      'content-type': 'text/csv',
      'cache-control': 'max-age=60',
      'content-disposition': 'inline',
      'content-language': 'de-CH',
      'content-encoding': 'identity',
      expires: 'Fri, 01 Jan 2036 00:00:00 GMT',
    };
    const put = await putObjectRaw(rt, bucket, key, b, { ...headers, 'x-amz-meta-Mixed-Case': 'Value 1' });
    const w = { body: b, headers, meta: { 'mixed-case': 'Value 1' }, putAt: serverDate(put) };
    const get = await expectGetMatches(rt, bucket, key, w);
    await expectHeadMatches(rt, bucket, key, w, get);
  },
);

op.check(
  {
    id: 'HeadObject/accept-ranges',
    spec: '#API_HeadObject_ResponseSyntax',
    level: 'required',
    title: 'HEAD of an object → 200 with Accept-Ranges: bytes, as GET answers',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_head_object_fields#head-object', 'AcceptRanges "bytes" on HEAD')],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'HEAD', bucket, key: KEY });
    expectStatus(res, 200, 'HEAD of the object');
    expectHeader(res.headers, 'accept-ranges', 'bytes');
  },
);

op.check(
  {
    id: 'HeadObject/no-storage-class-standard',
    spec: '#API_HeadObject_ResponseSyntax',
    level: 'required',
    title: 'HEAD of an object stored without a storage class (S3 Standard) → no x-amz-storage-class header',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html', 'x-amz-storage-class: Provides storage class information of the object. Amazon S3 returns this header for all objects except for S3 Standard storage class objects.'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_object_expires#head-object-expires-future', 'no StorageClass in the HEAD answer of a Standard object'),
    ],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'HEAD', bucket, key: KEY });
    expectStatus(res, 200, 'HEAD of the object');
    expectEqual('x-amz-storage-class header', res.headers['x-amz-storage-class'], undefined);
  },
);

op.check(
  {
    id: 'HeadObject/date-header',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html',
    level: 'required',
    title: 'a HEAD answer carries a Date header in IMF-fixdate form (e.g. "Wed, 01 Mar 2006 12:00:00 GMT")',
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html', 'Date: The date and time that Amazon S3 responded; for example, Wed, 01 Mar 2006 12:00:00 GMT.')],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'HEAD', bucket, key: KEY });
    expectStatus(res, 200, 'HEAD of the object');
    expectHeader(res.headers, 'date', HTTP_DATE);
  },
);

op.check(
  {
    id: 'HeadObject/request-id-headers',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html',
    level: 'required',
    title: 'a HEAD answer carries non-empty x-amz-request-id and x-amz-id-2 headers',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html', 'x-amz-request-id: A value created by Amazon S3 that uniquely identifies the request.'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_create_bucket_head_bucket#head_bucket_filtered_header', 'a HEAD answer with x-amz-id-2 and x-amz-request-id'),
    ],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'HEAD', bucket, key: KEY });
    expectStatus(res, 200, 'HEAD');
    expectHeader(res.headers, 'x-amz-request-id', /\S/);
    expectHeader(res.headers, 'x-amz-id-2', /\S/);
  },
);

op.check(
  {
    id: 'HeadObject/no-such-key',
    spec: '#API_HeadObject_Errors',
    level: 'required',
    title: 'HEAD of a missing key → 404 with no body',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_head_object_fields#head-object-404', '404 (Code "404": no error body)'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html', 'A HEAD request has the same options as a GET operation on an object. The response is identical to the GET response except that there is no response body.'),
    ],
  },
  async ({ s3, bucket }) => {
    const res = await raw(rt, { method: 'HEAD', bucket, key: 'missing/head' });
    expectStatus(res, 404, 'HEAD of a missing key');
    expectEqual('HEAD 404 body length', res.body.length, 0);
    await expectS3Error(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'missing/head' })), { status: 404 });
  },
);

op.check(
  {
    id: 'HeadObject/no-such-bucket',
    spec: '#API_HeadObject_Errors',
    level: 'required',
    title: 'HEAD of a key in a bucket that does not exist → 404 with no body',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_get_object_no_such_bucket#expected_error', 'the GET of the same request: 404 NoSuchBucket'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html', 'The response is identical to the GET response except that there is no response body.'),
    ],
  },
  async () => {
    const res = await raw(rt, { method: 'HEAD', bucket: newBucketName(rt, 'missing'), key: 'k' });
    expectStatus(res, 404, 'HEAD in a missing bucket');
    expectEqual('HEAD 404 body length', res.body.length, 0);
  },
);

op.check(
  {
    id: 'HeadObject/response-header-overrides',
    spec: '#API_HeadObject_RequestSyntax',
    level: 'required',
    title: 'signed HEAD with response-content-type, response-content-disposition, response-cache-control → those headers',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html', 'response-content-type: Sets the Content-Type header of the response.'),
      peer('https://github.com/versity/versitygw/tree/main/tests/integration', 'HeadObject_overrides_success: the response-* parameters of a signed HEAD set the answer\'s headers'),
    ],
  },
  async ({ bucket }) => {
    const want: Record<string, string> = {
      'content-type': 'text/x-head-override',
      'content-disposition': 'attachment; filename="head.txt"',
      'cache-control': 'no-cache',
    };
    const query = Object.fromEntries(Object.entries(want).map(([k, v]) => [`response-${k}`, v]));
    const res = await raw(rt, { method: 'HEAD', bucket, key: KEY, query });
    expectStatus(res, 200, 'HEAD with response-* overrides');
    for (const [k, v] of Object.entries(want)) expectHeader(res.headers, k, v);
  },
);

op.check(
  {
    id: 'HeadObject/key-prefix-not-an-object',
    spec: '#API_HeadObject_Errors',
    level: 'required',
    title: 'keys are flat: with "tree/leaf" and "file" stored, HEAD "tree", "tree/" and "file/child" → 404 with no body',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html', 'The Amazon S3 data model is a flat structure: You create a bucket, and the bucket stores objects. There is no hierarchy of subbuckets or subfolders.'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_head_object_fields#head-object-404', '404 (no error body)'),
    ],
  },
  async ({ bucket }) => {
    await putObjectRaw(rt, bucket, 'flat/tree/leaf', Buffer.from('leaf'));
    await putObjectRaw(rt, bucket, 'flat/file', Buffer.from('file'));
    for (const key of ['flat/tree', 'flat/tree/', 'flat/file/child']) {
      const res = await raw(rt, { method: 'HEAD', bucket, key });
      expectStatus(res, 404, `HEAD ${JSON.stringify(key)}`);
      expectEqual('HEAD 404 body length', res.body.length, 0);
    }
  },
);

op.check(
  {
    id: 'HeadObject/range',
    spec: '#API_HeadObject_RequestSyntax',
    level: 'required',
    title: 'HEAD with Range: bytes=10-19 → 206, Content-Length 10, Content-Range bytes 10-19/<size>, no body',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html', 'HeadObject returns only the metadata for an object. If the Range is satisfiable, only the ContentLength is affected in the response.'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_get_object_part#head-object-part', 'a ranged HEAD (partNumber) answers 206 with ContentRange'),
      peer('https://github.com/versity/versitygw/blob/main/tests/integration/group-tests.go', 'HeadObject_by_range_resp_status: a HEAD with Range answers 206 Partial Content'),
    ],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'HEAD', bucket, key: KEY, headers: { range: 'bytes=10-19' } });
    expectStatus(res, 206, 'HEAD with Range: bytes=10-19');
    expectHeader(res.headers, 'content-length', '10');
    expectHeader(res.headers, 'content-range', `bytes 10-19/${body.length}`);
    expectEqual('HEAD body length', res.body.length, 0);
  },
);

op.check(
  {
    id: 'HeadObject/range-unsatisfiable',
    spec: '#API_HeadObject_RequestSyntax',
    level: 'required',
    title: 'HEAD with a Range past the end → 416 with no body',
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html', 'If the Range is not satisfiable, S3 returns a 416 - Requested Range Not Satisfiable error.')],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'HEAD', bucket, key: KEY, headers: { range: `bytes=${body.length + 10}-${body.length + 20}` } });
    expectStatus(res, 416, 'HEAD with an unsatisfiable Range');
    expectEqual('HEAD body length', res.body.length, 0);
  },
);

const MIB5 = 5 * 1024 * 1024;
const PART2_SIZE = 1000;

op.check(
  {
    id: 'HeadObject/part-number',
    spec: '#API_HeadObject_RequestSyntax',
    level: 'required',
    title: 'HEAD ?partNumber=2 of a two-part object → 206, Content-Length of the part, Content-Range, x-amz-mp-parts-count: 2',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_get_object_part#head-object-part', '206, ContentLength 16, ContentRange bytes 5242896-5242911/5242912, PartsCount 2'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html', 'Effectively performs a \'ranged\' HEAD request for the part specified. Useful querying about the size of the part and the number of parts in this object.'),
    ],
    timeoutMs: 240_000,
  },
  async ({ s3, bucket }) => {
    const key = 'multipart/two-parts';
    const up = await step('CreateMultipartUpload', s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key })));
    const parts = [];
    for (const [i, b] of [bytesFromSeed(MIB5, 95), bytesFromSeed(PART2_SIZE, 96)].entries()) {
      const out = await step(`UploadPart #${i + 1}`, s3.send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId: up.UploadId, PartNumber: i + 1, Body: b })));
      parts.push({ PartNumber: i + 1, ETag: out.ETag });
    }
    await step('CompleteMultipartUpload', s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: up.UploadId, MultipartUpload: { Parts: parts } })));
    const res = await raw(rt, { method: 'HEAD', bucket, key, query: { partNumber: '2' } });
    expectStatus(res, 206, 'HEAD ?partNumber=2');
    const total = MIB5 + PART2_SIZE;
    expectHeader(res.headers, 'content-length', String(PART2_SIZE));
    expectHeader(res.headers, 'content-range', `bytes ${MIB5}-${total - 1}/${total}`);
    expectHeader(res.headers, 'x-amz-mp-parts-count', '2');
    expectEqual('HEAD body length', res.body.length, 0);
  },
);

op.check(
  {
    id: 'HeadObject/expected-bucket-owner-mismatch',
    spec: '#API_HeadObject_RequestSyntax',
    level: 'required',
    title: 'HEAD with x-amz-expected-bucket-owner naming another account → 403 with no body',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html', 'If the account ID that you provide does not match the actual owner of the bucket, the request fails with the HTTP status code 403 Forbidden (access denied).'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_put_bucket_policy_expected_bucket_owner#put-bucket-policy-with-expected-bucket-owner-error', '403 AccessDenied'),
    ],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'HEAD', bucket, key: KEY, headers: { 'x-amz-expected-bucket-owner': '000000000001' } });
    expectStatus(res, 403, 'HEAD with a wrong x-amz-expected-bucket-owner');
    expectEqual('HEAD body length', res.body.length, 0);
  },
);

/** f: the file's bucket and the object KEY's ETag and Last-Modified. */
async function conditionalHead(f: { bucket: string; etag: string; lastModified: string }, row: ConditionalRow): Promise<void> {
  const { bucket, etag, lastModified } = f;
  const headers = conditionalHeaders(row, etag, lastModified);
  const res = await raw(rt, { method: 'HEAD', bucket, key: KEY, headers });
  const what = `HEAD with ${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ')}`;
  expectStatus(res, row.status, what);
  expectEqual(`${what}: body length`, res.body.length, 0);
  if (row.status === 200) {
    expectEqual(`${what}: ETag`, res.headers.etag, etag);
    expectEqual(`${what}: Content-Length`, res.headers['content-length'], String(body.length));
  }
}

for (const row of CONDITIONALS) {
  op.check(
    {
      id: `HeadObject/conditional-${row.slug}`,
      spec: '#API_HeadObject_RequestSyntax',
      level: row.level ?? 'required',
      title: `HEAD with ${row.title} → ${row.status}`,
      evidence: row.evidence.head,
    },
    async (f) => {
      await conditionalHead(f, row);
    },
  );
}

op.check(
  {
    id: 'HeadObject/error-envelope',
    spec: ERROR_ENVELOPE_SPEC,
    level: 'required',
    title: "HEAD of a missing key, 404 → AWS's error envelope: x-amz-request-id, x-amz-id-2 (a HEAD has no body)",
    evidence: [...ERROR_ENVELOPE_EVIDENCE],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'HEAD', bucket, key: 'envelope/missing' });
    expectErrorEnvelope(res, { status: 404 }, 'HeadObject of a missing key', true);
  },
);

op.check(
  {
    id: 'HeadObject/checksum-mode-composite',
    spec: '#API_HeadObject_ResponseSyntax',
    level: 'required',
    title: 'HEAD (x-amz-checksum-mode: ENABLED) of a CRC32C COMPOSITE multipart object → x-amz-checksum-crc32c "…-1", x-amz-checksum-type: COMPOSITE',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3MultipartUploadChecksum::test_complete_multipart_parts_checksum_composite[CRC32C]#head-object-with-checksum', 'ChecksumCRC32C "XF5+4A==-3", ChecksumType "COMPOSITE"'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_get_object_part_checksum[COMPOSITE]#complete-multipart-checksum', 'the one-part object "test content 123": ChecksumCRC32C "sZB91Q==-1"'),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'head/checksum-composite';
    const sum = await withUploadRaw(rt, s3, bucket, key, { 'x-amz-checksum-algorithm': 'CRC32C', 'x-amz-checksum-type': 'COMPOSITE' }, async (id) => {
      const part = await uploadPartChecksummed(rt, bucket, key, id, 1, Buffer.from('test content 123'), 'crc32c');
      expectStatus(await completeRaw(rt, bucket, key, id, [{ PartNumber: 1, ETag: part.etag, checksums: { ChecksumCRC32C: part.sum } }]), 200, 'CompleteMultipartUpload');
      return part.sum;
    });
    const head = await raw(rt, { method: 'HEAD', bucket, key, headers: { 'x-amz-checksum-mode': 'ENABLED' } });
    expectStatus(head, 200, 'HEAD with x-amz-checksum-mode: ENABLED');
    expectFields('HEAD', { 'x-amz-checksum-crc32c': head.headers['x-amz-checksum-crc32c'], 'x-amz-checksum-type': head.headers['x-amz-checksum-type'] }, { 'x-amz-checksum-crc32c': compositeChecksum('crc32c', [sum]), 'x-amz-checksum-type': 'COMPOSITE' });
  },
);
