import { PutObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll } from 'vitest';
import fc from 'fast-check';
import { check, createBucket, expectEqual, expectHeader, expectRawError, expectS3Error, expectStatus, newBucketName, property, raw, runtime, step } from '../../harness/api/index.ts';
import { API, ERRORS, expectGetMatches, expectHeadMatches, md5Base64, metaHeaders, putObjectRaw, quotedMd5, serverDate } from '../../harness/api/object.ts';
import {
  bodyOf,
  bodySpecArb,
  keyArb,
  keyOfBytes,
  longKeyArb,
  metadataArb,
  metadataBytes,
  standardHeadersArb,
  bytesFromSeed,
  utf8Length,
} from '../../fixtures/arbitraries/object.ts';

const REF = `${API}API_PutObject.html`;
const KEYS = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html';
const METADATA = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingMetadata.html#UserMetadata';
const rt = runtime();
let bucket: string;
beforeAll(async () => {
  bucket = await createBucket(rt, { hint: 'put' });
});

let n = 0;
const uniq = (): string => `${(n++).toString(36)}/`;

// ---- round trips (properties) ---------------------------------------------------------------

property(
  {
    id: 'PutObject/round-trip-key',
    operation: 'PutObject',
    spec: KEYS,
    level: 'required',
    title: 'any UTF-8 key (special, multibyte, combining characters, up to 1024 bytes) PUT via the SDK reads back by GET and HEAD',
    maxRuns: 20,
    examples: [{ key: 'a b+c%d?e#f&g=h' }, { key: 'café/e\u0301/日本語/😀' }],
  },
  { key: fc.oneof({ weight: 4, arbitrary: keyArb }, { weight: 1, arbitrary: longKeyArb }) },
  async ({ key }, { s3 }) => {
    const body = Buffer.from(`key:${key}`);
    const put = await step(`PutObject ${JSON.stringify(key)}`, s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body })));
    expectEqual('PutObject ETag', put.ETag, quotedMd5(body));
    const get = await expectGetMatches(rt, bucket, key, { body });
    await expectHeadMatches(rt, bucket, key, { body }, get);
  },
);

property(
  {
    id: 'PutObject/round-trip-body',
    operation: 'PutObject',
    spec: `${REF}#API_PutObject_RequestBody`,
    level: 'required',
    title: 'any body (empty, 1 byte, ±1 around 64/128 KiB, binary) → GET returns it byte for byte, ETag = quoted MD5, Content-Length right',
    maxRuns: 10,
    examples: [{ body: { size: 0, seed: 1 } }, { body: { size: 1, seed: 2 } }, { body: { size: 65536, seed: 3 } }],
  },
  { body: bodySpecArb },
  async ({ body: spec }) => {
    const key = `${uniq()}body-${spec.size}`;
    const body = bodyOf(spec);
    const put = await putObjectRaw(rt, bucket, key, body, { 'content-type': 'application/octet-stream' });
    const w = { body, headers: { 'content-type': 'application/octet-stream' }, putAt: serverDate(put) };
    const get = await expectGetMatches(rt, bucket, key, w);
    await expectHeadMatches(rt, bucket, key, w, get);
  },
);

property(
  {
    id: 'PutObject/round-trip-metadata',
    operation: 'PutObject',
    spec: `${REF}#API_PutObject_RequestSyntax`,
    level: 'required',
    title: 'x-amz-meta-* (names lowercased), Content-Type/-Encoding/-Disposition, Cache-Control, Expires written → returned unchanged by GET and HEAD',
    maxRuns: 12,
  },
  { meta: metadataArb, std: standardHeadersArb },
  async ({ meta, std }) => {
    const key = `${uniq()}meta`;
    const body = Buffer.from('metadata round trip');
    const headers: Record<string, string> = { ...metaHeaders(meta), ...(std as Record<string, string>) };
    const put = await putObjectRaw(rt, bucket, key, body, headers);
    const w = { body, meta, headers: std as Record<string, string>, putAt: serverDate(put) };
    const get = await expectGetMatches(rt, bucket, key, w);
    await expectHeadMatches(rt, bucket, key, w, get);
  },
);

// ---- keys: slashes and dot segments (a fixed table) ----------------------------------------

const SHAPES: ReadonlyArray<[string, string]> = [
  ['dot', '.'],
  ['dotdot', '..'],
  ['dot-first', './x'],
  ['dotdot-first', '../x'],
  ['dot-middle', 'a/./b'],
  ['dotdot-middle', 'a/../b'],
  ['dot-last', 'a/.'],
  ['dotdot-last', 'a/..'],
  ['leading-slash', '/lead'],
  ['double-slash', 'a//b'],
  ['trailing-slash', 'dir/'],
];

for (const [slug, key] of SHAPES) {
  check(
    {
      id: `PutObject/key-shape-${slug}`,
      operation: 'PutObject',
      spec: KEYS,
      level: 'required',
      title: `key ${JSON.stringify(key)} is stored as-is (not path-normalised): PUT → GET and HEAD under the same key`,
    },
    async ({ s3 }) => {
      const body = Buffer.from(`shape ${key}`);
      await step(`PutObject ${JSON.stringify(key)} (SDK)`, s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body })));
      const get = await expectGetMatches(rt, bucket, key, { body });
      await expectHeadMatches(rt, bucket, key, { body }, get);
    },
  );
}

// ---- limits ---------------------------------------------------------------------------------

check(
  {
    id: 'PutObject/key-1024-bytes',
    operation: 'PutObject',
    spec: KEYS,
    level: 'required',
    title: 'a key of exactly 1024 UTF-8 bytes (multibyte characters) → 200, and GET returns it',
  },
  async () => {
    const key = keyOfBytes(1024);
    expectEqual('key length in bytes (test setup)', utf8Length(key), 1024);
    const body = Buffer.from('1024');
    await putObjectRaw(rt, bucket, key, body);
    await expectGetMatches(rt, bucket, key, { body });
  },
);

check(
  {
    id: 'PutObject/key-1024-bytes-one-segment',
    operation: 'PutObject',
    spec: KEYS,
    level: 'required',
    title: 'a key of exactly 1024 bytes with no "/" (one long segment) → 200, and GET and HEAD return it',
  },
  async () => {
    const key = keyOfBytes(1024, Infinity, 'x');
    expectEqual('key length in bytes (test setup)', utf8Length(key), 1024);
    const body = Buffer.from('one segment');
    await putObjectRaw(rt, bucket, key, body);
    const get = await expectGetMatches(rt, bucket, key, { body });
    await expectHeadMatches(rt, bucket, key, { body }, get);
  },
);

check(
  {
    id: 'PutObject/key-too-long',
    operation: 'PutObject',
    spec: ERRORS,
    level: 'required',
    title: 'a key of 1025 UTF-8 bytes → 400 KeyTooLongError, and nothing is stored',
  },
  async () => {
    const key = keyOfBytes(1025);
    expectEqual('key length in bytes (test setup)', utf8Length(key), 1025);
    const res = await raw(rt, { method: 'PUT', bucket, key, body: 'x' });
    expectRawError(res, { status: 400, code: 'KeyTooLongError' }, 'PUT with a 1025-byte key');
  },
);

check(
  {
    id: 'PutObject/metadata-too-large',
    operation: 'PutObject',
    spec: METADATA,
    level: 'required',
    title: 'user metadata over 2 KB (names + values, UTF-8) → 400 MetadataTooLarge, and nothing is stored',
  },
  async () => {
    const key = `${uniq()}meta-too-large`;
    const meta = { a: 'v'.repeat(1100), b: 'w'.repeat(1100) };
    expectEqual('metadata size over 2048 bytes (test setup)', metadataBytes(meta) > 2048, true);
    const res = await raw(rt, { method: 'PUT', bucket, key, body: 'x', headers: metaHeaders(meta) });
    expectRawError(res, { status: 400, code: 'MetadataTooLarge' }, 'PUT with 2.2 KB of metadata');
    const head = await raw(rt, { method: 'HEAD', bucket, key });
    expectStatus(head, 404, 'HEAD after the rejected PUT (no object)');
  },
);

// ---- Content-MD5 ----------------------------------------------------------------------------

check(
  {
    id: 'PutObject/content-md5-correct',
    operation: 'PutObject',
    spec: `${REF}#API_PutObject_RequestSyntax`,
    level: 'required',
    title: 'PUT with the correct Content-MD5 → 200, ETag = quoted MD5',
  },
  async () => {
    const body = bytesFromSeed(3000, 7);
    const res = await raw(rt, { method: 'PUT', bucket, key: `${uniq()}md5-ok`, body, headers: { 'content-md5': md5Base64(body) } });
    expectStatus(res, 200, 'PUT with correct Content-MD5');
    expectHeader(res.headers, 'etag', quotedMd5(body));
  },
);

check(
  {
    id: 'PutObject/content-md5-mismatch',
    operation: 'PutObject',
    spec: ERRORS,
    level: 'required',
    title: 'PUT whose Content-MD5 is well-formed but wrong → 400 BadDigest, and no object is created',
  },
  async () => {
    const key = `${uniq()}md5-bad`;
    const body = bytesFromSeed(3000, 8);
    const res = await raw(rt, { method: 'PUT', bucket, key, body, headers: { 'content-md5': md5Base64('something else') } });
    expectRawError(res, { status: 400, code: 'BadDigest' }, 'PUT with a wrong Content-MD5');
    const head = await raw(rt, { method: 'HEAD', bucket, key });
    expectStatus(head, 404, 'HEAD after the rejected PUT (no partial object)');
  },
);

check(
  {
    id: 'PutObject/content-md5-malformed',
    operation: 'PutObject',
    spec: ERRORS,
    level: 'required',
    title: 'PUT whose Content-MD5 is not a base64 128-bit digest → 400 InvalidDigest',
  },
  async () => {
    const key = `${uniq()}md5-malformed`;
    const res = await raw(rt, { method: 'PUT', bucket, key, body: 'abc', headers: { 'content-md5': 'not-a-digest' } });
    expectRawError(res, { status: 400, code: 'InvalidDigest' }, 'PUT with a malformed Content-MD5');
    const head = await raw(rt, { method: 'HEAD', bucket, key });
    expectStatus(head, 404, 'HEAD after the rejected PUT (no object)');
  },
);

check(
  {
    id: 'PutObject/bad-digest-keeps-old-object',
    operation: 'PutObject',
    spec: `${REF}#API_PutObject_RequestSyntax`,
    level: 'required',
    title: 'a rejected overwrite (BadDigest) leaves the previous object intact: bytes, ETag and metadata',
  },
  async () => {
    const key = `${uniq()}atomic`;
    const old = bytesFromSeed(70_000, 9);
    const put = await putObjectRaw(rt, bucket, key, old, { 'x-amz-meta-generation': 'one' });
    const neu = bytesFromSeed(70_000, 10);
    const res = await raw(rt, { method: 'PUT', bucket, key, body: neu, headers: { 'content-md5': md5Base64(old), 'x-amz-meta-generation': 'two' } });
    expectRawError(res, { status: 400, code: 'BadDigest' }, 'overwrite with a wrong Content-MD5');
    await expectGetMatches(rt, bucket, key, { body: old, meta: { generation: 'one' }, putAt: serverDate(put) });
  },
);

// ---- overwrite, missing bucket -------------------------------------------------------------

check(
  {
    id: 'PutObject/overwrite-replaces',
    operation: 'PutObject',
    spec: `${REF}#API_PutObject_RequestSyntax`,
    level: 'required',
    title: 'a second PUT replaces the whole object: new bytes, new ETag, old metadata gone',
  },
  async () => {
    const key = `${uniq()}overwrite`;
    await putObjectRaw(rt, bucket, key, bytesFromSeed(5000, 11), { 'x-amz-meta-old': '1', 'content-type': 'text/plain' });
    const body = bytesFromSeed(17, 12);
    const put = await putObjectRaw(rt, bucket, key, body, { 'x-amz-meta-new': '2', 'content-type': 'image/png' });
    await expectGetMatches(rt, bucket, key, { body, meta: { new: '2' }, headers: { 'content-type': 'image/png' }, putAt: serverDate(put) });
  },
);

check(
  {
    id: 'PutObject/no-such-bucket',
    operation: 'PutObject',
    spec: ERRORS,
    level: 'required',
    title: 'PUT into a bucket that does not exist → 404 NoSuchBucket',
  },
  async ({ s3 }) => {
    const missing = newBucketName(rt, 'missing');
    await expectS3Error(s3.send(new PutObjectCommand({ Bucket: missing, Key: 'k', Body: 'x' })), { status: 404, code: 'NoSuchBucket' });
  },
);

