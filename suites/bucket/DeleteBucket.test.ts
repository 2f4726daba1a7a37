import { CreateMultipartUploadCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { check, createBucket, expectEqual, expectRawError, expectStatus, newBucketName, raw, runtime, step } from '../../harness/api/index.ts';

const REF = 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteBucket.html';
const ERRORS = 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList';
const rt = runtime();

check(
  { id: 'DeleteBucket/success', operation: 'DeleteBucket', spec: `${REF}#API_DeleteBucket_ResponseSyntax`, level: 'required', title: 'DELETE /<empty bucket> → 204 no body; HeadBucket then 404' },
  async () => {
    const name = await createBucket(rt, { hint: 'del' });
    const res = await raw(rt, { method: 'DELETE', bucket: name });
    expectStatus(res, 204, 'DeleteBucket');
    expectEqual('body length', res.body.length, 0);
    expectStatus(await raw(rt, { method: 'HEAD', bucket: name }), 404, 'HeadBucket after DeleteBucket');
  },
);

check(
  { id: 'DeleteBucket/no-such-bucket', operation: 'DeleteBucket', spec: ERRORS, level: 'required', title: 'DELETE /<missing bucket> → 404 NoSuchBucket' },
  async () => {
    const res = await raw(rt, { method: 'DELETE', bucket: newBucketName(rt, 'missing') });
    expectRawError(res, { status: 404, code: 'NoSuchBucket' }, 'DeleteBucket');
  },
);

check(
  { id: 'DeleteBucket/not-empty', operation: 'DeleteBucket', spec: ERRORS, level: 'required', title: 'DELETE /<bucket holding an object> → 409 BucketNotEmpty, bucket kept' },
  async ({ s3 }) => {
    const name = await createBucket(rt, { hint: 'full' });
    await step('PutObject', s3.send(new PutObjectCommand({ Bucket: name, Key: 'k', Body: 'x' })));
    expectRawError(await raw(rt, { method: 'DELETE', bucket: name }), { status: 409, code: 'BucketNotEmpty' }, 'DeleteBucket');
    expectStatus(await raw(rt, { method: 'HEAD', bucket: name }), 200, 'HeadBucket after the refused delete');
  },
);

check(
  {
    id: 'DeleteBucket/in-progress-multipart',
    operation: 'DeleteBucket',
    spec: ERRORS,
    level: 'required',
    title: 'DELETE /<bucket holding only an in-progress multipart upload> → 409 BucketNotEmpty',
  },
  async ({ s3 }) => {
    const name = await createBucket(rt, { hint: 'mpu' });
    await step('CreateMultipartUpload', s3.send(new CreateMultipartUploadCommand({ Bucket: name, Key: 'pending' })));
    expectRawError(await raw(rt, { method: 'DELETE', bucket: name }), { status: 409, code: 'BucketNotEmpty' }, 'DeleteBucket');
  },
);

check(
  {
    id: 'DeleteBucket/other-owner-denied',
    operation: 'DeleteBucket',
    spec: ERRORS,
    level: 'required',
    title: "the second user's DELETE of a private bucket → 403 AccessDenied, bucket kept",
    needs: ['alt'],
  },
  async () => {
    const name = await createBucket(rt, { hint: 'keep' });
    expectRawError(await raw(rt, { method: 'DELETE', bucket: name, auth: 'alt' }), { status: 403, code: 'AccessDenied' }, 'DeleteBucket by the second user');
    expectStatus(await raw(rt, { method: 'HEAD', bucket: name }), 200, 'HeadBucket after the refused delete');
  },
);
