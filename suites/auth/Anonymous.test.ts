/**
 * Requests without any authentication against a private bucket and object (the default ACL is
 * `private`: only the owner has access).
 */
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll } from 'vitest';
import { check, createBucket, expectRawError, expectS3Error, raw, runtime, s3, step } from '../../harness/api/index.ts';
import { SPEC } from './support.ts';

const rt = runtime();
let bucket: string;
beforeAll(async () => {
  bucket = await createBucket(rt, { hint: 'anon' });
  await step('PutObject (private object)', s3(rt).send(new PutObjectCommand({ Bucket: bucket, Key: 'private.txt', Body: 'private' })));
});

check(
  { id: 'Anonymous/get-private-object', operation: 'Anonymous', spec: SPEC.acl, level: 'required',
    title: 'unauthenticated GET of an object in a private bucket → 403 AccessDenied' },
  async () => {
    expectRawError(await raw(rt, { method: 'GET', bucket, key: 'private.txt', auth: 'none' }), { status: 403, code: 'AccessDenied' });
  },
);

check(
  { id: 'Anonymous/list-private-bucket', operation: 'Anonymous', spec: SPEC.acl, level: 'required',
    title: 'unauthenticated GET (ListObjects) of a private bucket → 403 AccessDenied' },
  async () => {
    expectRawError(await raw(rt, { method: 'GET', bucket, auth: 'none' }), { status: 403, code: 'AccessDenied' });
  },
);

check(
  { id: 'Anonymous/put-private-bucket', operation: 'Anonymous', spec: SPEC.acl, level: 'required',
    title: 'unauthenticated PUT of an object into a private bucket → 403 AccessDenied, nothing stored' },
  async () => {
    expectRawError(await raw(rt, { method: 'PUT', bucket, key: 'anon-put.txt', body: 'x', auth: 'none' }), { status: 403, code: 'AccessDenied' });
    await expectS3Error(s3(rt).send(new HeadObjectCommand({ Bucket: bucket, Key: 'anon-put.txt' })), { status: 404 }, 'HeadObject after the rejected PUT');
  },
);
