import { CreateMultipartUploadCommand } from '@aws-sdk/client-s3';
import { beforeAll } from 'vitest';
import { check, createBucket, expectEqual, expectS3Error, fail, newBucketName, runtime, step } from '../../harness/api/index.ts';
import { abortQuietly, createUpload, ref } from '../../harness/api/multipart.ts';

const rt = runtime();
let bucket: string;
beforeAll(async () => {
  bucket = await createBucket(rt, { hint: 'mpu-create' });
});

check(
  {
    id: 'CreateMultipartUpload/response-elements',
    operation: 'CreateMultipartUpload',
    spec: ref('CreateMultipartUpload', 'ResponseSyntax'),
    level: 'required',
    title: 'POST /<key>?uploads → 200 InitiateMultipartUploadResult with Bucket, Key and a non-empty UploadId',
  },
  async ({ s3 }) => {
    const key = 'create/a b+c.txt';
    const out = await step('CreateMultipartUpload', s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key })));
    try {
      expectEqual('CreateMultipartUpload status', out.$metadata.httpStatusCode, 200);
      expectEqual('InitiateMultipartUploadResult/Bucket', out.Bucket, bucket);
      expectEqual('InitiateMultipartUploadResult/Key', out.Key, key);
      if (typeof out.UploadId !== 'string' || out.UploadId.length === 0) fail('InitiateMultipartUploadResult/UploadId', 'a non-empty string', out.UploadId);
    } finally {
      if (out.UploadId) await abortQuietly(s3, bucket, key, out.UploadId);
    }
  },
);

check(
  {
    id: 'CreateMultipartUpload/distinct-upload-ids',
    operation: 'CreateMultipartUpload',
    spec: ref('CreateMultipartUpload', 'ResponseElements'),
    level: 'required',
    title: 'two CreateMultipartUpload for the same key → two different UploadIds',
  },
  async ({ s3 }) => {
    const key = 'create/twice';
    const a = await createUpload(s3, bucket, key);
    const b = await createUpload(s3, bucket, key);
    try {
      if (a === b) fail('UploadIds of two initiations of the same key', 'two different ids', `${a} twice`);
    } finally {
      await abortQuietly(s3, bucket, key, a);
      await abortQuietly(s3, bucket, key, b);
    }
  },
);

check(
  {
    id: 'CreateMultipartUpload/no-such-bucket',
    operation: 'CreateMultipartUpload',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'CreateMultipartUpload in a bucket that does not exist → 404 NoSuchBucket',
  },
  async ({ s3 }) => {
    const missing = newBucketName(rt, 'missing');
    await expectS3Error(s3.send(new CreateMultipartUploadCommand({ Bucket: missing, Key: 'k' })), { status: 404, code: 'NoSuchBucket' });
  },
);
