import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll } from 'vitest';
import { check, createBucket, expectEqual, expectRawError, expectS3Error, expectStatus, newBucketName, raw, runtime, step } from '../../harness/api/index.ts';
import { API, ERRORS, putObjectRaw } from '../../harness/api/object.ts';

const REF = `${API}API_DeleteObject.html`;
const rt = runtime();
let bucket: string;
beforeAll(async () => {
  bucket = await createBucket(rt, { hint: 'del' });
});

check(
  {
    id: 'DeleteObject/success',
    operation: 'DeleteObject',
    spec: `${REF}#API_DeleteObject_ResponseSyntax`,
    level: 'required',
    title: 'DELETE of an existing key → 204 No Content, and a later GET → 404 NoSuchKey',
  },
  async () => {
    const key = 'del/é +key';
    await putObjectRaw(rt, bucket, key, 'bye');
    const res = await raw(rt, { method: 'DELETE', bucket, key });
    expectStatus(res, 204, 'DELETE of an existing key');
    expectEqual('DELETE 204 body length', res.body.length, 0);
    expectRawError(await raw(rt, { method: 'GET', bucket, key }), { status: 404, code: 'NoSuchKey' }, 'GET after DELETE');
  },
);

check(
  {
    id: 'DeleteObject/missing-key',
    operation: 'DeleteObject',
    spec: `${REF}#API_DeleteObject_ResponseSyntax`,
    level: 'required',
    title: 'DELETE of a key that does not exist → 204 No Content (not an error)',
  },
  async ({ s3 }) => {
    const res = await raw(rt, { method: 'DELETE', bucket, key: 'never/existed' });
    expectStatus(res, 204, 'DELETE of a missing key');
    const out = await step('DeleteObject (SDK) of a missing key', s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'never/existed-2' })));
    expectEqual('DeleteObject status', out.$metadata.httpStatusCode, 204);
  },
);

check(
  {
    id: 'DeleteObject/no-such-bucket',
    operation: 'DeleteObject',
    spec: ERRORS,
    level: 'required',
    title: 'DELETE of a key in a bucket that does not exist → 404 NoSuchBucket',
  },
  async ({ s3 }) => {
    await expectS3Error(s3.send(new DeleteObjectCommand({ Bucket: newBucketName(rt, 'missing'), Key: 'k' })), { status: 404, code: 'NoSuchBucket' });
  },
);
