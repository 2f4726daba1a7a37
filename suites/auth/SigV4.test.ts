/**
 * SigV4 header authentication, signed by the project's own signer (harness/sigv4): what a target
 * must accept, and what it must reject with the documented status and error code.
 */
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll } from 'vitest';
import { check, createBucket, expectEqual, expectHeader, expectRawError, expectS3Error, expectStatus, runtime, s3, step } from '../../harness/api/index.ts';
import { credentialScope, sendSigned, serverNow, sha256Hex } from '../../harness/api/sigv4.ts';
import { body, expectBytes, md5Etag, otherRegion, SPEC } from './support.ts';

const rt = runtime();
let bucket: string;
const PROBE = 'sigv4/probe.bin';
let probe: Buffer;

beforeAll(async () => {
  bucket = await createBucket(rt, { hint: 'sigv4' });
  probe = Buffer.from(body(rt, 512, 'sigv4-probe').toString('hex')); // printable, so a wrong acceptance reads well in a report
  await step('PutObject (probe)', s3(rt).send(new PutObjectCommand({ Bucket: bucket, Key: PROBE, Body: probe })));
});

const get = { method: 'GET', get bucket() { return bucket; }, key: PROBE };

async function sdkGet(key: string): Promise<Buffer> {
  const out = await step(`GetObject ${JSON.stringify(key)} (SDK read-back)`, s3(rt).send(new GetObjectCommand({ Bucket: bucket, Key: key })));
  return Buffer.from(await (out.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
}

async function expectAbsent(key: string): Promise<void> {
  await expectS3Error(s3(rt).send(new HeadObjectCommand({ Bucket: bucket, Key: key })), { status: 404 }, `HeadObject ${JSON.stringify(key)} after the rejected PUT (nothing stored)`);
}

// ---- accepted ---------------------------------------------------------------------------------

check(
  { id: 'SigV4/signed-payload', operation: 'SigV4', spec: `${SPEC.header}#sig-v4-header-based-auth`, level: 'required',
    title: 'PUT with x-amz-content-sha256 = SHA-256 of the body → 200 (ETag = MD5), GET with the own signer returns the bytes' },
  async () => {
    const data = body(rt, 4096, 'signed-payload');
    const put = await sendSigned(rt, { method: 'PUT', bucket, key: 'sigv4/signed', body: data });
    expectStatus(put, 200, 'PUT (signed payload)');
    expectHeader(put.headers, 'etag', md5Etag(data));
    const res = await sendSigned(rt, { method: 'GET', bucket, key: 'sigv4/signed' });
    expectStatus(res, 200, 'GET (signed)');
    expectBytes('GET', res.body, data);
  },
);

check(
  { id: 'SigV4/unsigned-payload', operation: 'SigV4', spec: `${SPEC.header}#sig-v4-header-based-auth`, level: 'required',
    title: 'PUT with x-amz-content-sha256: UNSIGNED-PAYLOAD → 200, the object holds the bytes sent' },
  async () => {
    const data = body(rt, 4096, 'unsigned-payload');
    const put = await sendSigned(rt, { method: 'PUT', bucket, key: 'sigv4/unsigned', body: data }, { payload: 'unsigned' });
    expectStatus(put, 200, 'PUT (UNSIGNED-PAYLOAD)');
    expectBytes('GetObject', await sdkGet('sigv4/unsigned'), data);
  },
);

const KEYS: Array<[string, string, string]> = [
  ['space', 'sigv4/key with  spaces', 'a space is %20 in the canonical URI'],
  ['plus', 'sigv4/a+b+c', "'+' is %2B, not a space"],
  ['percent', 'sigv4/100%25%off', "'%' is %25 (encoded once, never decoded twice)"],
  ['unicode', 'sigv4/한글-é-😀', 'UTF-8 bytes, each %XX'],
  ['tilde', 'sigv4/~user~', "'~' stays unencoded"],
  ['double-slash', 'sigv4//double//slash/', "'//' is kept (S3 does not normalise the path)"],
];
for (const [slug, key, why] of KEYS) {
  check(
    { id: `SigV4/key-encoding-${slug}`, operation: 'SigV4', spec: `${SPEC.header}#create-canonical-request`, level: 'required',
      title: `PUT of key ${JSON.stringify(key)} signed with the S3 canonical URI (${why}) → 200, readable under that key` },
    async () => {
      const data = body(rt, 256, `key-${slug}`);
      const put = await sendSigned(rt, { method: 'PUT', bucket, key, body: data });
      expectStatus(put, 200, `PUT ${JSON.stringify(key)}`);
      expectBytes(`GetObject ${JSON.stringify(key)}`, await sdkGet(key), data);
    },
  );
}

check(
  { id: 'SigV4/query-sorting-encoding', operation: 'SigV4', spec: `${SPEC.header}#create-canonical-request`, level: 'required',
    title: 'ListObjectsV2 with parameters that need sorting by encoded name and value encoding → 200, prefix echoed, object listed' },
  async () => {
    const prefix = 'sigv4/q a+b~é*/';
    const key = `${prefix}item`;
    await step('PutObject (listing fixture)', s3(rt).send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'x' })));
    const res = await sendSigned(rt, {
      method: 'GET', bucket,
      query: { 'start-after': 'sigv4/q a+b~é*', prefix, 'max-keys': '10', delimiter: '/', 'list-type': '2', 'fetch-owner': 'false' },
    });
    expectStatus(res, 200, 'ListObjectsV2');
    const doc = res.xml()?.ListBucketResult as Record<string, unknown> | undefined;
    expectEqual('ListBucketResult.Prefix', doc?.Prefix, prefix);
    const contents = doc?.Contents;
    const first = (Array.isArray(contents) ? contents[0] : contents) as { Key?: string } | undefined;
    expectEqual('ListBucketResult.Contents[0].Key', first?.Key, key);
  },
);

check(
  { id: 'SigV4/header-value-spaces', operation: 'SigV4', spec: `${SPEC.header}#create-canonical-request`, level: 'required',
    title: 'signed header values with outer and inner runs of spaces (Trimall in the canonical request) → 200' },
  async () => {
    const res = await sendSigned(rt, { method: 'PUT', bucket, key: 'sigv4/spaces', body: 'x', headers: { 'x-amz-meta-spaced': '  a   b    c  ', 'content-type': 'text/plain;   charset=utf-8' } });
    expectStatus(res, 200, 'PUT with spaced header values');
  },
);

check(
  { skipIf: (r) => (r.credentials.sessionToken ? undefined : 'no session token configured (AWS_SESSION_TOKEN is not set)'),
    id: 'SigV4/session-token', operation: 'SigV4', spec: `${SPEC.header}#sig-v4-header-based-auth`, level: 'required',
    title: 'request with x-amz-security-token signed among the headers (temporary credentials) → 200' },
  async () => {
    const res = await sendSigned(rt, get);
    expectStatus(res, 200, 'GET with a session token');
    expectBytes('GET', res.body, probe);
  },
);

check(
  { id: 'SigV4/unsigned-header-changed', operation: 'SigV4', spec: `${SPEC.header}#create-canonical-request`, level: 'required',
    title: 'a header left out of SignedHeaders (Range) changed after signing → still accepted: 206 with the new range' },
  async () => {
    const res = await sendSigned(rt, { ...get, headers: { range: 'bytes=0-0' } }, {
      signedHeaders: ['host', 'x-amz-content-sha256', 'x-amz-date'],
      afterSign: (r) => { r.headers.range = 'bytes=1-3'; },
    });
    expectStatus(res, 206, 'GET with an unsigned Range changed');
    expectBytes('GET range 1-3', res.body, probe.subarray(1, 4));
  },
);

// ---- rejected ---------------------------------------------------------------------------------

check(
  { id: 'SigV4/wrong-secret', operation: 'SigV4', spec: SPEC.errors, level: 'required',
    title: 'signed with a wrong secret key → 403 SignatureDoesNotMatch' },
  async () => {
    const res = await sendSigned(rt, get, { keys: { accessKeyId: rt.credentials.accessKeyId, secretAccessKey: `${rt.credentials.secretAccessKey}x` } });
    expectRawError(res, { status: 403, code: 'SignatureDoesNotMatch' });
  },
);

check(
  { id: 'SigV4/unsigned-payload-wrong-secret', operation: 'SigV4', spec: SPEC.errors, level: 'required',
    title: 'PUT with x-amz-content-sha256: UNSIGNED-PAYLOAD signed with a wrong secret key → 403 SignatureDoesNotMatch, nothing stored' },
  async () => {
    const key = 'sigv4/unsigned-wrong-secret';
    const keys = { accessKeyId: rt.credentials.accessKeyId, secretAccessKey: `${rt.credentials.secretAccessKey}x` };
    const res = await sendSigned(rt, { method: 'PUT', bucket, key, body: 'x' }, { payload: 'unsigned', keys });
    expectRawError(res, { status: 403, code: 'SignatureDoesNotMatch' });
    await expectAbsent(key);
  },
);

const UNKNOWN_KEY = { accessKeyId: 'AKIAS3CUNKNOWN000000', secretAccessKey: 'unknown-secret-of-an-unknown-key-000000' };

check(
  { id: 'SigV4/unknown-access-key', operation: 'SigV4', spec: SPEC.errors, level: 'required',
    title: 'signed with an access key the target does not know → 403 InvalidAccessKeyId' },
  async () => {
    expectRawError(await sendSigned(rt, get, { keys: UNKNOWN_KEY }), { status: 403, code: 'InvalidAccessKeyId' });
  },
);

check(
  { id: 'SigV4/unknown-access-key-rejected', operation: 'SigV4', spec: SPEC.errors, level: 'required',
    title: 'unknown access key → 403 rejected (InvalidAccessKeyId, or SignatureDoesNotMatch/AccessDenied behind Keystone/tempauth)' },
  async ({ note }) => {
    const o = expectRawError(await sendSigned(rt, get, { keys: UNKNOWN_KEY }), { status: 403, code: ['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'AccessDenied'] });
    if (o.code !== 'InvalidAccessKeyId') note(`rejected with ${o.code ?? '?'} instead of the exact InvalidAccessKeyId (see SigV4/unknown-access-key)`);
  },
);

check(
  { id: 'SigV4/signed-header-changed', operation: 'SigV4', spec: SPEC.errors, level: 'required',
    title: 'a signed header (Range) changed after signing → 403 SignatureDoesNotMatch' },
  async () => {
    const res = await sendSigned(rt, { ...get, headers: { range: 'bytes=0-0' } }, { afterSign: (r) => { r.headers.range = 'bytes=1-3'; } });
    expectRawError(res, { status: 403, code: 'SignatureDoesNotMatch' });
  },
);

check(
  { id: 'SigV4/payload-hash-mismatch', operation: 'SigV4', spec: SPEC.errors, level: 'required',
    title: 'PUT whose body differs from the signed x-amz-content-sha256 → 400 XAmzContentSHA256Mismatch, nothing stored' },
  async () => {
    const key = 'sigv4/mismatch';
    const res = await sendSigned(rt, { method: 'PUT', bucket, key, body: 'the body that is sent' }, { payload: sha256Hex('the body that was signed') });
    expectRawError(res, { status: 400, code: 'XAmzContentSHA256Mismatch' });
    await expectAbsent(key);
  },
);

check(
  { id: 'SigV4/payload-hash-mismatch-not-stored', operation: 'SigV4', spec: SPEC.errors, level: 'required',
    title: 'PUT whose body differs from the signed hash → rejected 400 (XAmzContentSHA256Mismatch or integrity error BadDigest), nothing stored' },
  async ({ note }) => {
    const key = 'sigv4/mismatch-2';
    const res = await sendSigned(rt, { method: 'PUT', bucket, key, body: 'the body that is sent' }, { payload: sha256Hex('the body that was signed') });
    const o = expectRawError(res, { status: 400, code: ['XAmzContentSHA256Mismatch', 'BadDigest'] });
    if (o.code !== 'XAmzContentSHA256Mismatch') note(`rejected with ${o.code ?? '?'} instead of the exact XAmzContentSHA256Mismatch (see SigV4/payload-hash-mismatch)`);
    await expectAbsent(key);
  },
);

for (const [slug, sign] of [['past', -1], ['future', 1]] as const) {
  check(
    { id: `SigV4/date-skew-${slug}`, operation: 'SigV4', spec: SPEC.errors, level: 'required',
      title: `X-Amz-Date 16 minutes in the ${slug} of the server's clock → 403 RequestTimeTooSkewed` },
    async () => {
      const date = new Date((await serverNow(rt)).getTime() + sign * 16 * 60_000);
      expectRawError(await sendSigned(rt, get, { date }), { status: 403, code: 'RequestTimeTooSkewed' });
    },
  );
}

check(
  { id: 'SigV4/scope-wrong-region', operation: 'SigV4', spec: SPEC.errors, level: 'required',
    title: 'credential scope names another region → 400 AuthorizationHeaderMalformed' },
  async () => {
    expectRawError(await sendSigned(rt, get, { region: otherRegion(rt) }), { status: 400, code: 'AuthorizationHeaderMalformed' });
  },
);

check(
  { id: 'SigV4/scope-wrong-service', operation: 'SigV4', spec: SPEC.errors, level: 'required',
    title: 'credential scope names service "ec2" instead of "s3" → 400 AuthorizationHeaderMalformed' },
  async () => {
    expectRawError(await sendSigned(rt, get, { service: 'ec2' }), { status: 400, code: 'AuthorizationHeaderMalformed' });
  },
);

check(
  { id: 'SigV4/scope-wrong-terminator', operation: 'SigV4', spec: SPEC.errors, level: 'required',
    title: 'credential scope ends in "aws5_request" instead of "aws4_request" → 400 AuthorizationHeaderMalformed' },
  async () => {
    expectRawError(await sendSigned(rt, get, { terminator: 'aws5_request' }), { status: 400, code: 'AuthorizationHeaderMalformed' });
  },
);

check(
  { id: 'SigV4/malformed-authorization', operation: 'SigV4', spec: SPEC.headerOverview, level: 'required',
    title: 'Authorization without SignedHeaders and Signature components → 400 AuthorizationHeaderMalformed' },
  async () => {
    const now = await serverNow(rt);
    const scope = credentialScope({ date: now, region: rt.region });
    const res = await sendSigned(rt, get, { date: now, afterSign: (r) => { r.headers.authorization = `AWS4-HMAC-SHA256 Credential=${rt.credentials.accessKeyId}/${scope}`; } });
    expectRawError(res, { status: 400, code: 'AuthorizationHeaderMalformed' });
  },
);

check(
  { id: 'SigV4/missing-content-sha256', operation: 'SigV4', spec: `${SPEC.header}#sig-v4-header-based-auth`, level: 'required',
    title: 'SigV4 request without x-amz-content-sha256 (required for every SigV4 request to S3) → 400 InvalidRequest' },
  async () => {
    expectRawError(await sendSigned(rt, get, { omitContentSha256: true }), { status: 400, code: 'InvalidRequest' });
  },
);

check(
  { id: 'SigV4/missing-date', operation: 'SigV4', spec: SPEC.headerOverview, level: 'required',
    title: 'SigV4 request with neither X-Amz-Date nor Date → 403 AccessDenied' },
  async () => {
    expectRawError(await sendSigned(rt, get, { omitDate: true }), { status: 403, code: 'AccessDenied' });
  },
);
