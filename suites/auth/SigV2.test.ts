/**
 * Legacy Signature Version 2 (`Authorization: AWS AccessKeyId:Signature`), which the provider's
 * guide shows in its examples. Optional: AWS itself only accepts it in old regions.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll } from 'vitest';
import { check, createBucket, expectRawError, expectStatus, runtime, s3, step } from '../../harness/api/index.ts';
import { sendV2, serverNow } from '../../harness/api/sigv4.ts';
import { body, expectBytes, SPEC } from './support.ts';

const rt = runtime();
let bucket: string;
let probe: Buffer;
beforeAll(async () => {
  bucket = await createBucket(rt, { hint: 'sigv2' });
  probe = Buffer.from(body(rt, 256, 'sigv2-probe').toString('hex'));
  await step('PutObject (probe)', s3(rt).send(new PutObjectCommand({ Bucket: bucket, Key: 'v2/probe.txt', Body: probe })));
});

check(
  { id: 'SigV2/accepted', operation: 'SigV2', spec: SPEC.v2, level: 'optional', feature: 'sigv2',
    title: 'GET signed with SigV2 (HMAC-SHA1 over VERB, Date and /bucket/key) → 200 with the bytes' },
  async () => {
    const res = await sendV2(rt, { method: 'GET', bucket, key: 'v2/probe.txt' });
    expectStatus(res, 200, 'SigV2 GET');
    expectBytes('SigV2 GET', res.body, probe);
  },
);

check(
  { id: 'SigV2/wrong-secret', operation: 'SigV2', spec: SPEC.v2, level: 'optional', feature: 'sigv2',
    title: 'GET signed with SigV2 and a wrong secret key → 403 SignatureDoesNotMatch' },
  async () => {
    const keys = { accessKeyId: rt.credentials.accessKeyId, secretAccessKey: `${rt.credentials.secretAccessKey}x` };
    expectRawError(await sendV2(rt, { method: 'GET', bucket, key: 'v2/probe.txt' }, { keys }), { status: 403, code: 'SignatureDoesNotMatch' });
  },
);

check(
  { id: 'SigV2/date-skew', operation: 'SigV2', spec: `${SPEC.v2.split('#')[0]}#RESTAuthenticationTimeStamp`, level: 'optional', feature: 'sigv2',
    title: "GET signed with SigV2 whose Date is 16 minutes in the server's past → 403 RequestTimeTooSkewed" },
  async () => {
    const date = new Date((await serverNow(rt)).getTime() - 16 * 60_000);
    expectRawError(await sendV2(rt, { method: 'GET', bucket, key: 'v2/probe.txt' }, { date }), { status: 403, code: 'RequestTimeTooSkewed' });
  },
);
