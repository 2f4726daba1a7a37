import { AbortMultipartUploadCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll } from 'vitest';
import { check, createBucket, expectEqual, expectS3Error, runtime, step } from '../../harness/api/index.ts';
import { body } from '../../fixtures/data/bodies.ts';
import { createUpload, ref, unknownUploadId, uploadPart } from '../../harness/api/multipart.ts';

const rt = runtime();
let bucket: string;
beforeAll(async () => {
  bucket = await createBucket(rt, { hint: 'mpu-abort' });
});

check(
  {
    id: 'AbortMultipartUpload/success',
    operation: 'AbortMultipartUpload',
    spec: ref('AbortMultipartUpload', 'ResponseSyntax'),
    level: 'required',
    title: 'AbortMultipartUpload of an upload with a part → 204, and no object is created under the key',
  },
  async ({ s3 }) => {
    const key = 'abort/ok';
    const id = await createUpload(s3, bucket, key);
    await uploadPart(s3, bucket, key, id, 1, body({ seed: 201, size: 100 }));
    const out = await step('AbortMultipartUpload', s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: id })));
    expectEqual('AbortMultipartUpload status', out.$metadata.httpStatusCode, 204);
    await expectS3Error(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key })), { status: 404 }, 'HeadObject of the aborted key');
  },
);

check(
  {
    id: 'AbortMultipartUpload/no-such-upload',
    operation: 'AbortMultipartUpload',
    spec: ref('AbortMultipartUpload', 'Errors'),
    level: 'required',
    title: 'AbortMultipartUpload with an upload id the server never issued → 404 NoSuchUpload',
  },
  async ({ s3 }) => {
    await expectS3Error(s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: 'abort/unknown', UploadId: unknownUploadId() })), {
      status: 404,
      code: 'NoSuchUpload',
    });
  },
);

check(
  {
    id: 'AbortMultipartUpload/second-abort',
    operation: 'AbortMultipartUpload',
    spec: ref('AbortMultipartUpload', 'Errors'),
    level: 'required',
    title: 'a second AbortMultipartUpload of the same upload → 404 NoSuchUpload (the reference lists only NoSuchUpload)',
  },
  async ({ s3 }) => {
    const key = 'abort/twice';
    const id = await createUpload(s3, bucket, key);
    await step('AbortMultipartUpload (first)', s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: id })));
    await expectS3Error(s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: id })), { status: 404, code: 'NoSuchUpload' }, 'second abort');
  },
);
