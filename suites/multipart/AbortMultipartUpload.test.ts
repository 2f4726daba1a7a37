import { AbortMultipartUploadCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { doc, expectEqual, expectS3Error, fail, newBucketName, peer, raw, recorded, step, operation, expectErrorEnvelope, ERROR_ENVELOPE_EVIDENCE, ERROR_ENVELOPE_SPEC, expectRawError, NO_SUCH_BUCKET_NAMED_EVIDENCE } from '../../harness/api/index.ts';
import { body, bytes } from '../../fixtures/data/bodies.ts';
import { abortQuietly, createUpload, expectKeyMismatchNamesUpload, expectObjectBytes, expectRequestIdHeaders, expectS3ErrorIn, unknownUploadId, uploadPart } from '../../harness/api/multipart.ts';

const op = operation('AbortMultipartUpload', { buckets: { bucket: { hint: 'mpu-abort' } } });
const { rt } = op;

op.check(
  {
    id: 'AbortMultipartUpload/success',
    spec: '#API_AbortMultipartUpload_ResponseSyntax',
    level: 'required',
    title: 'AbortMultipartUpload of an upload with a part → 204 No Content',
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_AbortMultipartUpload.html#API_AbortMultipartUpload_ResponseSyntax', 'HTTP/1.1 204')],
  },
  async ({ s3, bucket }) => {
    const key = 'abort/ok';
    const id = await createUpload(s3, bucket, key);
    await uploadPart(s3, bucket, key, id, 1, body({ seed: 201, size: 100 }));
    const out = await step('AbortMultipartUpload', s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: id })));
    expectEqual('AbortMultipartUpload status', out.$metadata.httpStatusCode, 204);
  },
);

op.check(
  {
    id: 'AbortMultipartUpload/no-object-created',
    spec: '#API_AbortMultipartUpload',
    level: 'required',
    title: 'after AbortMultipartUpload of an upload with a part, no object exists under the key (HEAD → 404)',
    evidence: [
      doc(
        'https://docs.aws.amazon.com/AmazonS3/latest/API/API_AbortMultipartUpload.html',
        'This operation aborts a multipart upload. After a multipart upload is aborted, no additional parts can be uploaded using that upload ID. The storage consumed by any previously uploaded parts will be freed.',
      ),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'abort/no-object';
    const id = await createUpload(s3, bucket, key);
    await uploadPart(s3, bucket, key, id, 1, body({ seed: 202, size: 100 }));
    await step('AbortMultipartUpload', s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: id })));
    await expectS3Error(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key })), { status: 404 }, 'HeadObject of the aborted key');
  },
);

op.check(
  {
    id: 'AbortMultipartUpload/no-such-upload',
    spec: '#API_AbortMultipartUpload_Errors',
    level: 'required',
    title: 'AbortMultipartUpload with an upload id the server never issued → 404 NoSuchUpload',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_no_such_upload#abort-exc')],
  },
  async ({ s3, bucket }) => {
    await expectS3Error(s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: 'abort/unknown', UploadId: unknownUploadId() })), {
      status: 404,
      code: 'NoSuchUpload',
    });
  },
);

op.check(
  {
    id: 'AbortMultipartUpload/second-abort',
    spec: '#API_AbortMultipartUpload_Errors',
    level: 'required',
    title: 'a second AbortMultipartUpload of a just-aborted upload → 204 (AWS, for a while) or 404 NoSuchUpload',
    evidence: [
      doc(
        'https://docs.aws.amazon.com/AmazonS3/latest/API/API_AbortMultipartUpload.html',
        'As a result, it might be necessary to abort a given multipart upload multiple times in order to completely free all storage consumed by all parts.',
      ),
      peer('https://github.com/minio/minio/issues/2250', 'AWS answers 204 to an abort of a recently aborted or completed upload id, and NoSuchUpload only hours later'),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'abort/twice';
    const id = await createUpload(s3, bucket, key);
    await step('AbortMultipartUpload (first)', s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: id })));
    const res = await raw(rt, { method: 'DELETE', bucket, key, query: { uploadId: id } });
    if (res.status === 204) return;
    const err = res.error();
    if (res.status !== 404 || err?.code !== 'NoSuchUpload') {
      fail('second AbortMultipartUpload: wrong answer', '204 | 404 NoSuchUpload', `${res.status} ${err?.code ?? ''}`.trim());
    }
  },
);

op.check(
  {
    id: 'AbortMultipartUpload/key-mismatch',
    spec: '#API_AbortMultipartUpload_Errors',
    level: 'required',
    title: 'AbortMultipartUpload with a valid upload id but another key → 404 NoSuchUpload, and the upload survives',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_key_validation#abort-multipart-wrong-key-name')],
  },
  async ({ s3, bucket }) => {
    const key = 'abort/bound';
    const id = await createUpload(s3, bucket, key);
    try {
      await expectS3Error(s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: 'abort/other-key', UploadId: id })), { status: 404, code: 'NoSuchUpload' });
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

op.check(
  {
    id: 'AbortMultipartUpload/no-such-bucket',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'AbortMultipartUpload in a bucket that does not exist → 404 NoSuchBucket',
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'NoSuchBucket | The specified bucket does not exist. | 404 Not Found')],
  },
  async ({ s3 }) => {
    await expectS3ErrorIn(
      s3.send(new AbortMultipartUploadCommand({ Bucket: newBucketName(rt, 'missing'), Key: 'k', UploadId: unknownUploadId() })),
      [404],
      'NoSuchBucket',
      'AbortMultipartUpload in a missing bucket',
    );
  },
);

op.check(
  {
    id: 'AbortMultipartUpload/request-id-headers',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html',
    level: 'required',
    title: 'AbortMultipartUpload answer carries x-amz-request-id and x-amz-id-2',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html', 'x-amz-request-id: A value created by Amazon S3 that uniquely identifies the request.'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html', 'x-amz-id-2: A special token that is used together with the x-amz-request-id header to help AWS troubleshoot problems.'),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'abort/request-id';
    const id = await createUpload(s3, bucket, key);
    const res = await raw(rt, { method: 'DELETE', bucket, key, query: { uploadId: id } });
    expectEqual('AbortMultipartUpload status', res.status, 204);
    expectRequestIdHeaders(res, 'AbortMultipartUpload');
  },
);

op.check(
  {
    id: 'AbortMultipartUpload/existing-object-untouched',
    spec: '#API_AbortMultipartUpload',
    level: 'required',
    title: 'an upload initiated (with a part) over an existing object, then aborted → GET still returns the original object',
    evidence: [
      doc(
        'https://docs.aws.amazon.com/AmazonS3/latest/API/API_AbortMultipartUpload.html',
        'This operation aborts a multipart upload. After a multipart upload is aborted, no additional parts can be uploaded using that upload ID. The storage consumed by any previously uploaded parts will be freed.',
      ),
      doc(
        'https://docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html',
        'Upon receiving this request, Amazon S3 concatenates all the parts in ascending order by part number to create a new object.',
      ),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'abort/existing';
    const original = body({ seed: 203, size: 1234 });
    await step('PutObject (the existing object)', s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes(original.segments) })));
    const id = await createUpload(s3, bucket, key);
    await uploadPart(s3, bucket, key, id, 1, body({ seed: 204, size: 100 }));
    await step('AbortMultipartUpload', s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: id })));
    const etag = await expectObjectBytes(s3, bucket, key, original.segments);
    expectEqual('GetObject ETag (the original object’s)', etag, original.etag());
  },
);

op.check(
  {
    id: 'AbortMultipartUpload/error-envelope',
    spec: ERROR_ENVELOPE_SPEC,
    level: 'required',
    title: "DELETE ?uploadId=<never issued>, 404 NoSuchUpload → AWS's error envelope: request ids, application/xml, Code, Message, RequestId",
    evidence: [...ERROR_ENVELOPE_EVIDENCE],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'DELETE', bucket, key: 'envelope', query: { uploadId: unknownUploadId() } });
    expectErrorEnvelope(res, { status: 404, code: 'NoSuchUpload' }, 'AbortMultipartUpload of an unknown upload');
  },
);

op.check(
  {
    id: 'AbortMultipartUpload/no-such-upload-names-upload-id',
    spec: '#API_AbortMultipartUpload_Errors',
    level: 'required',
    title: 'AbortMultipartUpload with an upload id the server never issued → the NoSuchUpload error echoes that id in <UploadId>',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_no_such_upload#abort-exc', 'NoSuchUpload with UploadId "fakeid", the id the request named')],
  },
  async ({ bucket }) => {
    const id = unknownUploadId();
    const res = await raw(rt, { method: 'DELETE', bucket, key: 'abort/unknown-named', query: { uploadId: id } });
    expectRawError(res, { status: 404, code: 'NoSuchUpload' }, 'AbortMultipartUpload of an unknown upload');
    expectEqual('Error/UploadId', res.error()?.uploadId, id);
  },
);

op.check(
  {
    id: 'AbortMultipartUpload/no-such-bucket-names-bucket',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'the NoSuchBucket error of DELETE ?uploadId=… in a missing bucket names that bucket in <BucketName>, exactly',
    evidence: [...NO_SUCH_BUCKET_NAMED_EVIDENCE],
  },
  async () => {
    const missing = newBucketName(rt, 'missing');
    const res = await raw(rt, { method: 'DELETE', bucket: missing, key: 'names-bucket', query: { uploadId: unknownUploadId() } });
    expectRawError(res, { status: 404, code: 'NoSuchBucket' }, 'AbortMultipartUpload in a missing bucket');
    expectEqual('<Error><BucketName>', res.error()?.bucketName, missing);
  },
);

op.check(
  {
    id: 'AbortMultipartUpload/key-mismatch-names-upload-id',
    spec: '#API_AbortMultipartUpload_Errors',
    level: 'required',
    title: 'the NoSuchUpload error of an abort sent to another key than the upload\'s names the upload in <UploadId>',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_key_validation#abort-multipart-wrong-key-name', 'UploadId = the upload of the request')],
  },
  async ({ s3, bucket }) => {
    await expectKeyMismatchNamesUpload(rt, s3, bucket, 'abort/bound-named', 'abort/other-key-named', 'AbortMultipartUpload on another key', (other, id) => raw(rt, { method: 'DELETE', bucket, key: other, query: { uploadId: id } }));
  },
);
