/**
 * Presigned (query-string) SigV4 requests, made both by @aws-sdk/s3-request-presigner and by the
 * project's own signer, and the rejections the query form has (expiry, expiry limit, signature).
 */
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { beforeAll } from 'vitest';
import { check, createBucket, expectHeader, expectRawError, expectS3Error, expectStatus, type RawResponse, runtime, s3, step } from '../../harness/api/index.ts';
import { sendPresigned, serverNow } from '../../harness/api/sigv4.ts';
import { body, expectBytes, md5Etag, otherRegion, sendUrl, SPEC } from './support.ts';

const rt = runtime();
let bucket: string;
let probe: Buffer;
const PROBE = 'presigned/probe.txt';
const AUTH = `${SPEC.query}#query-string-auth-v4-signing`;

beforeAll(async () => {
  bucket = await createBucket(rt, { hint: 'presign' });
  probe = Buffer.from(body(rt, 256, 'presign-probe').toString('hex'));
  await step('PutObject (probe)', s3(rt).send(new PutObjectCommand({ Bucket: bucket, Key: PROBE, Body: probe })));
});

type Via = 'sdk' | 'own';
type Method = 'GET' | 'PUT' | 'HEAD' | 'DELETE';

/** One presigned request by either signer (expires in 5 minutes). */
async function presigned(via: Via, method: Method, key: string, payload?: Buffer): Promise<RawResponse> {
  if (via === 'own') return sendPresigned(rt, { method, bucket, key, ...(payload ? { body: payload } : {}) }, { expiresIn: 300 });
  const client = s3(rt);
  const input = { Bucket: bucket, Key: key };
  const command =
    method === 'GET' ? new GetObjectCommand(input) : method === 'PUT' ? new PutObjectCommand(input) : method === 'HEAD' ? new HeadObjectCommand(input) : new DeleteObjectCommand(input);
  const url = await getSignedUrl(client, command, { expiresIn: 300 });
  return sendUrl(rt, method, url, {}, payload);
}

for (const via of ['sdk', 'own'] as const) {
  const by = via === 'sdk' ? '@aws-sdk/s3-request-presigner' : 'the own signer';
  check(
    { id: `SigV4Presigned/get-${via}`, operation: 'SigV4Presigned', spec: AUTH, level: 'required', title: `presigned GET (${by}) → 200 with the object's bytes` },
    async () => {
      const res = await presigned(via, 'GET', PROBE);
      expectStatus(res, 200, 'presigned GET');
      expectBytes('presigned GET', res.body, probe);
    },
  );
  check(
    { id: `SigV4Presigned/put-${via}`, operation: 'SigV4Presigned', spec: AUTH, level: 'required', title: `presigned PUT (${by}) → 200, the object holds the bytes sent` },
    async () => {
      const key = `presigned/put-${via}`;
      const data = body(rt, 2048, `presigned-put-${via}`);
      const res = await presigned(via, 'PUT', key, data);
      expectStatus(res, 200, 'presigned PUT');
      expectHeader(res.headers, 'etag', md5Etag(data));
      const out = await step('GetObject (read-back)', s3(rt).send(new GetObjectCommand({ Bucket: bucket, Key: key })));
      expectBytes('GetObject', Buffer.from(await (out.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray()), data);
    },
  );
  check(
    { id: `SigV4Presigned/head-${via}`, operation: 'SigV4Presigned', spec: AUTH, level: 'required', title: `presigned HEAD (${by}) → 200 with Content-Length and ETag of the object` },
    async () => {
      const res = await presigned(via, 'HEAD', PROBE);
      expectStatus(res, 200, 'presigned HEAD');
      expectHeader(res.headers, 'content-length', String(probe.length));
      expectHeader(res.headers, 'etag', md5Etag(probe));
    },
  );
  check(
    { id: `SigV4Presigned/delete-${via}`, operation: 'SigV4Presigned', spec: AUTH, level: 'required', title: `presigned DELETE (${by}) → 204 and the object is gone` },
    async () => {
      const key = `presigned/delete-${via}`;
      await step('PutObject (fixture)', s3(rt).send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'x' })));
      const res = await presigned(via, 'DELETE', key);
      expectStatus(res, 204, 'presigned DELETE');
      await expectS3Error(s3(rt).send(new HeadObjectCommand({ Bucket: bucket, Key: key })), { status: 404 }, 'HeadObject after the presigned DELETE');
    },
  );
}

check(
  { id: 'SigV4Presigned/expired', operation: 'SigV4Presigned', spec: `${SPEC.query}#query-string-auth-v4-signing`, level: 'required',
    title: "presigned GET whose X-Amz-Date + X-Amz-Expires lies 9 minutes in the server's past → 403 AccessDenied" },
  async () => {
    const date = new Date((await serverNow(rt)).getTime() - 10 * 60_000);
    expectRawError(await sendPresigned(rt, { method: 'GET', bucket, key: PROBE }, { date, expiresIn: 60 }), { status: 403, code: 'AccessDenied' });
  },
);

check(
  { id: 'SigV4Presigned/expires-too-long', operation: 'SigV4Presigned', spec: `${SPEC.query}#query-string-auth-v4-signing`, level: 'required',
    title: 'X-Amz-Expires=604801 (above the 7-day maximum of 604800) → 400 AuthorizationQueryParametersError' },
  async () => {
    expectRawError(await sendPresigned(rt, { method: 'GET', bucket, key: PROBE }, { expiresIn: 604801 }), { status: 400, code: 'AuthorizationQueryParametersError' });
  },
);

check(
  { id: 'SigV4Presigned/wrong-secret', operation: 'SigV4Presigned', spec: SPEC.errors, level: 'required',
    title: 'presigned GET signed with a wrong secret key → 403 SignatureDoesNotMatch' },
  async () => {
    const keys = { accessKeyId: rt.credentials.accessKeyId, secretAccessKey: `${rt.credentials.secretAccessKey}x` };
    expectRawError(await sendPresigned(rt, { method: 'GET', bucket, key: PROBE }, { keys, expiresIn: 300 }), { status: 403, code: 'SignatureDoesNotMatch' });
  },
);

check(
  { id: 'SigV4Presigned/wrong-region', operation: 'SigV4Presigned', spec: SPEC.errors, level: 'required',
    title: 'presigned GET whose X-Amz-Credential names another region → 400 AuthorizationQueryParametersError' },
  async () => {
    expectRawError(await sendPresigned(rt, { method: 'GET', bucket, key: PROBE }, { region: otherRegion(rt), expiresIn: 300 }), { status: 400, code: 'AuthorizationQueryParametersError' });
  },
);
