import { CreateMultipartUploadCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { createBucket, doc, expectEqual, expectRawError, expectStatus, newBucketName, peer, raw, recorded, step, operation, expectErrorEnvelope, ERROR_ENVELOPE_EVIDENCE, ERROR_ENVELOPE_SPEC } from '../../harness/api/index.ts';
import { expectRequestIdHeaders, settle } from '../../harness/api/bucket.ts';

const ERRORS = 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList';
const DELETE_BUCKET = 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteBucket.html';
const op = operation('DeleteBucket');
const { rt } = op;

/** HEAD of a bucket just deleted, polled (bounded) until it is gone: bucket state is eventually consistent. */
async function headAfterDelete(name: string) {
  return settle(rt, () => raw(rt, { method: 'HEAD', bucket: name }), (r) => r.status === 404);
}

op.check(
  {
    id: 'DeleteBucket/success',
    spec: '#API_DeleteBucket_ResponseSyntax',
    level: 'required',
    title: 'DELETE /<empty bucket> → 204 no body; HeadBucket then 404 (polled within a bounded settle)',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3BucketCRUD::test_delete_bucket_with_objects#delete-bucket'),
      doc(DELETE_BUCKET, 'HTTP/1.1 204'),
    ],
  },
  async () => {
    const name = await createBucket(rt, { hint: 'del' });
    const res = await raw(rt, { method: 'DELETE', bucket: name });
    expectStatus(res, 204, 'DeleteBucket');
    expectEqual('body length', res.body.length, 0);
    expectStatus(await headAfterDelete(name), 404, 'HeadBucket after DeleteBucket');
  },
);

op.check(
  {
    id: 'DeleteBucket/request-id-headers',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html',
    level: 'required',
    title: 'DELETE /<empty bucket> → 204 with x-amz-request-id and x-amz-id-2',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html', 'x-amz-request-id: A value created by Amazon S3 that uniquely identifies the request.'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_create_bucket_head_bucket#head_bucket_filtered_header', 'AWS answers carry x-amz-id-2 and x-amz-request-id'),
    ],
  },
  async () => {
    const name = await createBucket(rt, { hint: 'delid' });
    const res = await raw(rt, { method: 'DELETE', bucket: name });
    expectStatus(res, 204, 'DeleteBucket');
    expectRequestIdHeaders(res);
  },
);

op.check(
  {
    id: 'DeleteBucket/no-such-bucket',
    spec: ERRORS,
    level: 'required',
    title: 'DELETE /<missing bucket> → 404 NoSuchBucket',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_delete_bucket_no_such_bucket#expected_error')],
  },
  async () => {
    const res = await raw(rt, { method: 'DELETE', bucket: newBucketName(rt, 'missing') });
    expectRawError(res, { status: 404, code: 'NoSuchBucket' }, 'DeleteBucket');
  },
);

op.check(
  {
    id: 'DeleteBucket/no-such-bucket-name',
    spec: ERRORS,
    level: 'required',
    title: 'DELETE /<missing bucket> → the NoSuchBucket error names that bucket in <BucketName>',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_delete_bucket_no_such_bucket#expected_error', 'BucketName "does-not-exist-localstack-test", the bucket the request named')],
  },
  async () => {
    const name = newBucketName(rt, 'missing');
    const res = await raw(rt, { method: 'DELETE', bucket: name });
    expectRawError(res, { status: 404, code: 'NoSuchBucket' }, 'DeleteBucket');
    expectEqual('Error/BucketName', res.error()?.bucketName, name);
  },
);

op.check(
  {
    id: 'DeleteBucket/not-empty',
    spec: ERRORS,
    level: 'required',
    title: 'DELETE /<bucket holding an object> → 409 BucketNotEmpty, bucket kept',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3BucketCRUD::test_delete_bucket_with_objects#delete-with-obj'),
      doc(DELETE_BUCKET, 'All objects (including all object versions and delete markers) in the bucket must be deleted before the bucket itself can be deleted.'),
    ],
  },
  async ({ s3 }) => {
    const name = await createBucket(rt, { hint: 'full' });
    await step('PutObject', s3.send(new PutObjectCommand({ Bucket: name, Key: 'k', Body: 'x' })));
    expectRawError(await raw(rt, { method: 'DELETE', bucket: name }), { status: 409, code: 'BucketNotEmpty' }, 'DeleteBucket');
    expectStatus(await raw(rt, { method: 'HEAD', bucket: name }), 200, 'HeadBucket after the refused delete');
  },
);

op.check(
  {
    id: 'DeleteBucket/not-empty-names-bucket',
    spec: ERRORS,
    level: 'required',
    title: 'DELETE /<bucket holding an object> → 409 BucketNotEmpty whose <BucketName> is that bucket',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3BucketCRUD::test_delete_bucket_with_objects#delete-with-obj', 'BucketName <bucket-name:1>: the masked name of the one bucket the test made and asked to delete'),
    ],
  },
  async ({ s3 }) => {
    const name = await createBucket(rt, { hint: 'fulln' });
    await step('PutObject', s3.send(new PutObjectCommand({ Bucket: name, Key: 'k', Body: 'x' })));
    const res = await raw(rt, { method: 'DELETE', bucket: name });
    expectRawError(res, { status: 409, code: 'BucketNotEmpty' }, 'DeleteBucket');
    expectEqual('Error/BucketName', res.error()?.bucketName, name);
  },
);

op.check(
  {
    id: 'DeleteBucket/in-progress-multipart',
    spec: '#API_DeleteBucket_Errors',
    level: 'optional',
    title: 'DELETE /<bucket holding only an in-progress multipart upload> → 204, the bucket is gone (uploads do not block DeleteBucket)',
    evidence: [
      doc(DELETE_BUCKET, 'All objects (including all object versions and delete markers) in the bucket must be deleted before the bucket itself can be deleted.'),
      peer('https://github.com/scality/cloudserver/pull/1592', 'changed DeleteBucket to delete a bucket with ongoing multipart uploads, to match what AWS S3 does'),
      peer('https://github.com/ceph/ceph/pull/15630', 'RGW deletes a bucket that holds only in-progress multipart uploads, as AWS does'),
    ],
  },
  async ({ s3 }) => {
    const name = await createBucket(rt, { hint: 'mpu' });
    await step('CreateMultipartUpload', s3.send(new CreateMultipartUploadCommand({ Bucket: name, Key: 'pending' })));
    expectStatus(await raw(rt, { method: 'DELETE', bucket: name }), 204, 'DeleteBucket of a bucket holding only an in-progress upload');
    expectStatus(await headAfterDelete(name), 404, 'HeadBucket after DeleteBucket');
  },
);

op.check(
  {
    id: 'DeleteBucket/other-owner-denied',
    spec: ERRORS,
    level: 'required',
    title: "the second user's DELETE of a private bucket → 403 AccessDenied, bucket kept",
    needs: ['alt'],
    evidence: [doc(ERRORS, 'AccessDenied: Access Denied. 403 Forbidden')],
  },
  async () => {
    const name = await createBucket(rt, { hint: 'keep' });
    expectRawError(await raw(rt, { method: 'DELETE', bucket: name, auth: 'alt' }), { status: 403, code: 'AccessDenied' }, 'DeleteBucket by the second user');
    expectStatus(await raw(rt, { method: 'HEAD', bucket: name }), 200, 'HeadBucket after the refused delete');
  },
);

op.check(
  {
    id: 'DeleteBucket/error-envelope',
    spec: ERROR_ENVELOPE_SPEC,
    level: 'required',
    title: "DELETE of a missing bucket, 404 NoSuchBucket → AWS's error envelope: request ids, application/xml, Code, Message, RequestId",
    evidence: [...ERROR_ENVELOPE_EVIDENCE],
  },
  async () => {
    const missing = newBucketName(rt, 'missing');
    const res = await raw(rt, { method: 'DELETE', bucket: missing });
    expectErrorEnvelope(res, { status: 404, code: 'NoSuchBucket' }, 'DeleteBucket of a missing bucket');
  },
);
