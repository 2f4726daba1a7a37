import { Readable } from 'node:stream';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import fc from 'fast-check';
import {
  doc,
  expectEqual,
  expectFields,
  expectHeader,
  HTTP_DATE,
  expectRawError,
  expectS3Error,
  expectStatus,
  expectTrue,
  makeClient,
  newBucketName,
  peer,
  raw,
  recorded,
  step,
  operation,
  expectErrorEnvelope,
  expectErrorFields,
  ERROR_ENVELOPE_EVIDENCE,
  ERROR_ENVELOPE_SPEC,
  NO_SUCH_BUCKET_NAMED_EVIDENCE,
} from '../../harness/api/index.ts';
import {
  WireConnection,
  WireTimeoutError,
  checksumOf,
  expectBytes,
  expectGetMatches,
  expectHeadMatches,
  md5Base64,
  metaHeaders,
  putObjectRaw,
  quotedMd5,
  serverDate,
  userMetadata,
  wireError,
  type ChecksumAlgorithm,
} from '../../harness/api/object.ts';
import type { Evidence } from '../../harness/api/index.ts';
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

const op = operation('PutObject', {
  buckets: { bucket: { hint: 'put' } },
  setup: async ({ rt }) => ({ value: { sdk: makeClient(rt, { sdkDefaultChecksums: true }) } }),
});
const { rt } = op;

let n = 0;
const uniq = (): string => `${(n++).toString(36)}/`;

// ---- round trips (properties) ---------------------------------------------------------------

op.property(
  {
    id: 'PutObject/round-trip-key',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html',
    level: 'required',
    title: 'any UTF-8 key (special, multibyte, combining characters, up to 1024 bytes) PUT via the SDK reads back by GET and HEAD',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_put_get_object_special_character[test%percent]#get-object-special-char'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_put_and_get_object_with_utf8_key#get-object'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html', 'The object key name consists of a sequence of Unicode characters encoded in UTF-8, with a maximum length of 1,024 bytes'),
    ],
    maxRuns: 20,
    examples: [{ key: 'a b+c%d?e#f&g=h' }, { key: 'café/e\u0301/日本語/😀' }],
  },
  { key: fc.oneof({ weight: 4, arbitrary: keyArb }, { weight: 1, arbitrary: longKeyArb }) },
  async ({ key }, { s3, bucket }) => {
    const body = Buffer.from(`key:${key}`);
    const put = await step(`PutObject ${JSON.stringify(key)}`, s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body })));
    expectEqual('PutObject ETag', put.ETag, quotedMd5(body));
    const get = await expectGetMatches(rt, bucket, key, { body });
    await expectHeadMatches(rt, bucket, key, { body }, get);
  },
);

op.property(
  {
    id: 'PutObject/round-trip-body',
    spec: '#API_PutObject_RequestBody',
    level: 'required',
    title: 'any body (empty, 1 byte, ±1 around 64/128 KiB, binary) → GET returns it byte for byte, ETag = quoted MD5, Content-Length right',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_etag_on_get_object_call#get_object'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_system_metadata_with_unicode#get-object', 'a 0-byte object: ETag "d41d8cd98f00b204e9800998ecf8427e", ContentLength 0'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_Object.html', 'Objects created by the PUT Object, POST Object, or Copy operation, or through the AWS Management Console, and are encrypted by SSE-S3 or plaintext, have ETags that are an MD5 digest of their object data.'),
    ],
    maxRuns: 10,
    examples: [{ body: { size: 0, seed: 1 } }, { body: { size: 1, seed: 2 } }, { body: { size: 65536, seed: 3 } }],
  },
  { body: bodySpecArb },
  async ({ body: spec }, { bucket }) => {
    const key = `${uniq()}body-${spec.size}`;
    const body = bodyOf(spec);
    const put = await putObjectRaw(rt, bucket, key, body, { 'content-type': 'application/octet-stream' });
    const w = { body, headers: { 'content-type': 'application/octet-stream' }, putAt: serverDate(put) };
    const get = await expectGetMatches(rt, bucket, key, w);
    await expectHeadMatches(rt, bucket, key, w, get);
  },
);

op.property(
  {
    id: 'PutObject/round-trip-metadata',
    spec: '#API_PutObject_RequestSyntax',
    level: 'required',
    title: 'x-amz-meta-* (names lowercased), Content-Type/-Encoding/-Disposition, Cache-Control, Expires written → returned unchanged by GET and HEAD',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_metadata_header_character_decoding#head-object', 'metadata names come back lowercased'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_put_and_get_object_with_content_language_disposition#get-object'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingMetadata.html', 'User-defined metadata is a set of key-value pairs. Amazon S3 stores user-defined metadata keys in lowercase.'),
    ],
    maxRuns: 12,
  },
  { meta: metadataArb, std: standardHeadersArb },
  async ({ meta, std }, { bucket }) => {
    const key = `${uniq()}meta`;
    const body = Buffer.from('metadata round trip');
    const headers: Record<string, string> = { ...metaHeaders(meta), ...(std as Record<string, string>) };
    const put = await putObjectRaw(rt, bucket, key, body, headers);
    const w = { body, meta, headers: std as Record<string, string>, putAt: serverDate(put) };
    const get = await expectGetMatches(rt, bucket, key, w);
    await expectHeadMatches(rt, bucket, key, w, get);
  },
);

// ---- keys: slashes (recorded: stored as-is) -------------------------------------------------

/** PUT through the raw path, then GET and HEAD under the same key. */
async function putAndReadBack(bucket: string, key: string): Promise<void> {
  const body = Buffer.from(`shape ${key}`);
  await putObjectRaw(rt, bucket, key, body);
  const get = await expectGetMatches(rt, bucket, key, { body });
  await expectHeadMatches(rt, bucket, key, { body }, get);
}

op.check(
  {
    id: 'PutObject/key-shape-leading-slash',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html',
    level: 'required',
    title: 'key "/lead" (leading slash) is stored as-is: PUT → GET and HEAD under the same key',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_object_with_slashes_in_key[False]#list-objects-slashes', 'keys "/foo" and "/bar/foo/" listed as written; GET "/foo" returns its bytes')],
  },
  async ({ bucket }) => putAndReadBack(bucket, '/lead'),
);

op.check(
  {
    id: 'PutObject/key-shape-double-slash',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html',
    level: 'required',
    title: 'key "a//b" (empty segment) is stored as-is: PUT → GET and HEAD under the same key',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_put_get_object_special_character[test key//]#get-object-special-char', 'key "test key//" stored and read back')],
  },
  async ({ bucket }) => putAndReadBack(bucket, 'a//b'),
);

op.check(
  {
    id: 'PutObject/key-shape-trailing-slash',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html',
    level: 'required',
    title: 'key "dir/" (trailing slash) is an ordinary object: PUT → GET and HEAD under the same key',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_put_get_object_single_character_trailing_slash#get-object-single-char-a/')],
  },
  async ({ bucket }) => putAndReadBack(bucket, 'dir/'),
);

// ---- keys: dot segments (AWS's answer not recorded: either rejected or stored as-is) ---------

/**
 * Keys with "." / ".." path segments. AWS's answer is not recorded; a peer suite expects them to be
 * rejected with 400. The accepted set is therefore: 400 at PUT (nothing stored), or 200 and the
 * object readable under exactly that key. What no S3 does is resolve the segments (store "a/../b"
 * as "b"): that would make two different keys one object.
 */
const DOT_SHAPES: ReadonlyArray<[string, string]> = [
  ['dot', '.'],
  ['dotdot', '..'],
  ['dot-first', './x'],
  ['dotdot-first', '../x'],
  ['dot-middle', 'a/./b'],
  ['dotdot-middle', 'a/../b'],
  ['dot-last', 'a/.'],
  ['dotdot-last', 'a/..'],
];

for (const [slug, key] of DOT_SHAPES) {
  op.check(
    {
      id: `PutObject/key-shape-${slug}`,
      spec: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html',
      level: 'optional',
      title: `key ${JSON.stringify(key)}: either rejected with 400, or stored as-is (GET and HEAD under that exact key), never path-normalised`,
      evidence: [
        doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html', 'Certain characters might require special handling when they\'re used in object key names.'),
        peer('https://github.com/versity/versitygw/blob/main/tests/integration/group-tests.go', 'PutObject_invalid_object_names expects ".", "..", ".", ".." and keys with ".." segments to be rejected with 400'),
      ],
    },
    async ({ bucket }) => {
      const body = Buffer.from(`shape ${key}`);
      const res = await raw(rt, { method: 'PUT', bucket, key, body });
      if (res.status === 400) return;
      expectStatus(res, [200, 400], `PUT ${JSON.stringify(key)}`);
      const get = await expectGetMatches(rt, bucket, key, { body });
      await expectHeadMatches(rt, bucket, key, { body }, get);
    },
  );
}

// ---- keys: characters that need encoding ----------------------------------------------------

const SPECIAL_KEYS: ReadonlyArray<[string, string, Evidence]> = [
  ['percent', 'pct/100%/a%41', recorded('tests/aws/services/s3/test_s3.py::TestS3::test_put_get_object_special_character[test%percent]#get-object-special-char')],
  ['percent-encoded-slash', 'file%2Fname', recorded('tests/aws/services/s3/test_s3.py::TestS3::test_put_get_object_special_character[file%2Fname]#get-object-special-char')],
  ['plus', 'plus/a+b', recorded('tests/aws/services/s3/test_s3.py::TestS3::test_copy_object_special_character#put-object-src-special-char-test+key', 'key "test+key" stored (and listed as written)')],
  ['space', 'space/a b  c', recorded('tests/aws/services/s3/test_s3.py::TestS3::test_put_get_object_special_character[test key/]#get-object-special-char')],
];

for (const [slug, key, ev] of SPECIAL_KEYS) {
  op.check(
    {
      id: `PutObject/key-special-${slug}`,
      spec: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html#object-key-guidelines',
      level: 'required',
      title: `key ${JSON.stringify(key)} (URL-encoded in the path) is stored under exactly that key: GET and HEAD return it`,
      evidence: [ev, doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html', 'The object key name consists of a sequence of Unicode characters encoded in UTF-8')],
    },
    async ({ bucket }) => putAndReadBack(bucket, key),
  );
}

op.check(
  {
    id: 'PutObject/key-unicode-not-normalised',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html',
    level: 'required',
    title: 'keys "café" in NFC and in NFD are two objects: each GET returns its own bytes (no Unicode normalisation)',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html', 'The object key name consists of a sequence of Unicode characters encoded in UTF-8'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_put_get_object_special_character[a/%F0%9F%98%80/]#get-object-special-char'),
    ],
  },
  async ({ bucket }) => {
    const nfc = 'unicode/caf\u00e9';
    const nfd = 'unicode/cafe\u0301';
    const a = Buffer.from('nfc');
    const b = Buffer.from('nfd!');
    await putObjectRaw(rt, bucket, nfc, a);
    await putObjectRaw(rt, bucket, nfd, b);
    await expectGetMatches(rt, bucket, nfc, { body: a });
    await expectGetMatches(rt, bucket, nfd, { body: b });
  },
);

// ---- limits ---------------------------------------------------------------------------------

op.check(
  {
    id: 'PutObject/key-1024-bytes',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html',
    level: 'required',
    title: 'a key of exactly 1024 UTF-8 bytes (multibyte characters) → 200, and GET returns it',
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html', 'The object key name consists of a sequence of Unicode characters encoded in UTF-8, with a maximum length of 1,024 bytes')],
  },
  async ({ bucket }) => {
    const key = keyOfBytes(1024);
    expectEqual('key length in bytes (test setup)', utf8Length(key), 1024);
    const body = Buffer.from('1024');
    await putObjectRaw(rt, bucket, key, body);
    await expectGetMatches(rt, bucket, key, { body });
  },
);

op.check(
  {
    id: 'PutObject/key-1024-bytes-one-segment',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html',
    level: 'required',
    title: 'a key of exactly 1024 bytes with no "/" (one long segment) → 200, and GET and HEAD return it',
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html', 'The object key name consists of a sequence of Unicode characters encoded in UTF-8, with a maximum length of 1,024 bytes')],
  },
  async ({ bucket }) => {
    const key = keyOfBytes(1024, Infinity, 'x');
    expectEqual('key length in bytes (test setup)', utf8Length(key), 1024);
    const body = Buffer.from('one segment');
    await putObjectRaw(rt, bucket, key, body);
    const get = await expectGetMatches(rt, bucket, key, { body });
    await expectHeadMatches(rt, bucket, key, { body }, get);
  },
);

op.check(
  {
    id: 'PutObject/key-too-long',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'a key of 1025 UTF-8 bytes → 400 KeyTooLongError',
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'KeyTooLongError | Your key is too long. | 400 Bad Request')],
  },
  async ({ bucket }) => {
    const key = keyOfBytes(1025);
    expectEqual('key length in bytes (test setup)', utf8Length(key), 1025);
    const res = await raw(rt, { method: 'PUT', bucket, key, body: 'x' });
    expectRawError(res, { status: 400, code: 'KeyTooLongError' }, 'PUT with a 1025-byte key');
  },
);

op.check(
  {
    id: 'PutObject/metadata-too-large',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingMetadata.html#UserMetadata',
    level: 'required',
    title: 'user metadata over 2 KB (names + values, UTF-8) → 400 MetadataTooLarge, and nothing is stored',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingMetadata.html', 'the user-defined metadata is limited to 2 KB in size. The size of user-defined metadata is measured by taking the sum of the number of bytes in the UTF-8 encoding of each key and value.'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'MetadataTooLarge | Your metadata headers exceed the maximum allowed metadata size. | 400 Bad Request'),
    ],
  },
  async ({ bucket }) => {
    const key = `${uniq()}meta-too-large`;
    const meta = { a: 'v'.repeat(1100), b: 'w'.repeat(1100) };
    expectEqual('metadata size over 2048 bytes (test setup)', metadataBytes(meta) > 2048, true);
    const res = await raw(rt, { method: 'PUT', bucket, key, body: 'x', headers: metaHeaders(meta) });
    expectRawError(res, { status: 400, code: 'MetadataTooLarge' }, 'PUT with 2.2 KB of metadata');
    const head = await raw(rt, { method: 'HEAD', bucket, key });
    expectStatus(head, 404, 'HEAD after the rejected PUT (no object)');
  },
);

op.check(
  {
    id: 'PutObject/metadata-rfc2047',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingMetadata.html#UserMetadata',
    level: 'optional',
    title: 'a non-ASCII x-amz-meta-* value sent RFC 2047-encoded comes back RFC 2047-encoded and decodes to the same text',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_user_metadata_rfc2047_encoded#get-object', 'non-ASCII values come back as =?UTF-8?Q?…?= / =?UTF-8?B?…?='),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingMetadata.html', 'Values of such headers are character decoded as per RFC 2047 before storing and encoded as per RFC 2047 to make them mail-safe before returning.'),
    ],
  },
  async ({ bucket }) => {
    const key = `${uniq()}meta-rfc2047`;
    const text = 'ÄMÄZÕÑ café 日本';
    const sent = `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
    await putObjectRaw(rt, bucket, key, Buffer.from('x'), { 'x-amz-meta-label': sent });
    const head = await raw(rt, { method: 'HEAD', bucket, key });
    expectStatus(head, 200, 'HEAD of the object');
    const got = userMetadata(head.headers).label;
    expectTrue('x-amz-meta-label is RFC 2047-encoded (=?UTF-8?B|Q?…?=)', got !== undefined && /^=\?UTF-8\?[BQ]\?.*\?=$/i.test(got), '=?UTF-8?B?…?= or =?UTF-8?Q?…?=', got);
    expectEqual('x-amz-meta-label decoded (RFC 2047)', decodeRfc2047(got as string), text);
  },
);

/** Decode one RFC 2047 encoded-word (UTF-8, B or Q encoding). */
function decodeRfc2047(v: string): string {
  const m = /^=\?UTF-8\?([BQ])\?(.*)\?=$/i.exec(v);
  if (!m) return v;
  const data = m[2] ?? '';
  if ((m[1] ?? '').toUpperCase() === 'B') return Buffer.from(data, 'base64').toString('utf8');
  const bytes: number[] = [];
  for (let i = 0; i < data.length; i++) {
    const c = data[i] as string;
    if (c === '_') bytes.push(0x20);
    else if (c === '=' && i + 2 < data.length) {
      bytes.push(parseInt(data.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(c.charCodeAt(0));
  }
  return Buffer.from(bytes).toString('utf8');
}

op.check(
  {
    id: 'PutObject/metadata-empty-value',
    spec: '#API_PutObject_RequestSyntax',
    level: 'optional',
    title: 'an x-amz-meta-* header with an empty value is stored: HEAD returns the header, empty',
    evidence: [peer('https://github.com/ceph/s3-tests/blob/master/s3tests_boto3/functional/test_s3.py', 'test_object_set_get_metadata_none_to_empty: Metadata {"meta1": ""} written → read back as ""')],
  },
  async ({ bucket }) => {
    const key = `${uniq()}meta-empty`;
    await putObjectRaw(rt, bucket, key, Buffer.from('x'), { 'x-amz-meta-empty': '' });
    const head = await raw(rt, { method: 'HEAD', bucket, key });
    expectStatus(head, 200, 'HEAD of the object');
    expectEqual('x-amz-meta-empty', userMetadata(head.headers).empty, '');
  },
);

op.check(
  {
    id: 'PutObject/default-content-type',
    spec: '#API_PutObject_RequestSyntax',
    level: 'required',
    title: 'a PUT without Content-Type → GET and HEAD answer Content-Type: binary/octet-stream',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_head_object_fields#head-object', 'object PUT without ContentType: ContentType binary/octet-stream'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_get_object_content_length_with_virtual_host[False]#get-obj-content-len-headers'),
    ],
  },
  async ({ bucket }) => {
    const key = `${uniq()}no-type`;
    const body = Buffer.from('no content type');
    const put = await raw(rt, { method: 'PUT', bucket, key, body });
    expectStatus(put, 200, 'PUT without Content-Type');
    const get = await raw(rt, { method: 'GET', bucket, key });
    expectStatus(get, 200, 'GET');
    expectHeader(get.headers, 'content-type', 'binary/octet-stream');
    const head = await raw(rt, { method: 'HEAD', bucket, key });
    expectHeader(head.headers, 'content-type', 'binary/octet-stream');
  },
);

// ---- Content-MD5 ----------------------------------------------------------------------------

op.check(
  {
    id: 'PutObject/content-md5-correct',
    spec: '#API_PutObject_RequestSyntax',
    level: 'required',
    title: 'PUT with the correct Content-MD5 → 200, ETag = quoted MD5',
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html', 'The base64-encoded 128-bit MD5 digest of the message (without the headers) according to RFC 1864. This header can be used as a message integrity check')],
  },
  async ({ bucket }) => {
    const body = bytesFromSeed(3000, 7);
    const res = await raw(rt, { method: 'PUT', bucket, key: `${uniq()}md5-ok`, body, headers: { 'content-md5': md5Base64(body) } });
    expectStatus(res, 200, 'PUT with correct Content-MD5');
    expectHeader(res.headers, 'etag', quotedMd5(body));
  },
);

op.check(
  {
    id: 'PutObject/content-md5-mismatch',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'PUT whose Content-MD5 is well-formed but wrong → 400 BadDigest, and no object is created',
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'BadDigest | The Content-MD5 or checksum value that you specified did not match what the server received. | 400 Bad Request')],
  },
  async ({ bucket }) => {
    const key = `${uniq()}md5-bad`;
    const body = bytesFromSeed(3000, 8);
    const res = await raw(rt, { method: 'PUT', bucket, key, body, headers: { 'content-md5': md5Base64('something else') } });
    expectRawError(res, { status: 400, code: 'BadDigest' }, 'PUT with a wrong Content-MD5');
    const head = await raw(rt, { method: 'HEAD', bucket, key });
    expectStatus(head, 404, 'HEAD after the rejected PUT (no partial object)');
  },
);

op.check(
  {
    id: 'PutObject/content-md5-malformed',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'PUT whose Content-MD5 is not a base64 128-bit digest → 400 InvalidDigest',
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'InvalidDigest | The Content-MD5 or checksum value that you specified is not valid. | 400 Bad Request')],
  },
  async ({ bucket }) => {
    const key = `${uniq()}md5-malformed`;
    const res = await raw(rt, { method: 'PUT', bucket, key, body: 'abc', headers: { 'content-md5': 'not-a-digest' } });
    expectRawError(res, { status: 400, code: 'InvalidDigest' }, 'PUT with a malformed Content-MD5');
    const head = await raw(rt, { method: 'HEAD', bucket, key });
    expectStatus(head, 404, 'HEAD after the rejected PUT (no object)');
  },
);

op.check(
  {
    id: 'PutObject/content-md5-mismatch-digests',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'the BadDigest error names the MD5 of the received body in <CalculatedDigest> (base64) and the Content-MD5 sent in <ExpectedDigest>',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_invalid_content_md5#md5-error-bad-digest', 'body "something", Content-MD5 = MD5("something1"): CalculatedDigest "Q3uTDbhLgHnC3YBKcZNrXw==" (base64 MD5 of the body), ExpectedDigest "09891eb590524e35fc73372cddc5d596" (the sent digest, hex)'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_invalid_content_md5#upload-part-md5-bad-digest', 'the same on UploadPart, where ExpectedDigest is the sent digest in base64'),
    ],
  },
  async ({ bucket }) => {
    const body = bytesFromSeed(3000, 9);
    const sent = md5Base64('something else');
    const res = await raw(rt, { method: 'PUT', bucket, key: `${uniq()}md5-digests`, body, headers: { 'content-md5': sent } });
    expectRawError(res, { status: 400, code: 'BadDigest' }, 'PUT with a wrong Content-MD5');
    const err = res.error() ?? {};
    expectEqual('<Error><CalculatedDigest>', err.calculatedDigest, md5Base64(body));
    const sentHex = Buffer.from(sent, 'base64').toString('hex');
    expectTrue('<Error><ExpectedDigest> is the Content-MD5 sent (hex or base64)', err.expectedDigest === sentHex || err.expectedDigest === sent, `${sentHex} (or ${sent})`, err.expectedDigest);
  },
);

op.check(
  {
    id: 'PutObject/content-md5-malformed-names-value',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'the InvalidDigest error echoes the malformed header value in <Content-MD5>',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_invalid_content_md5#md5-error-2', 'Content-MD5 "not base64 encoded checksum", as sent'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_invalid_content_md5#md5-error-3', 'Content-MD5 "MTIz" (valid base64, not 128 bits), as sent'),
    ],
  },
  async ({ bucket }) => {
    const value = 'MTIz';
    const res = await raw(rt, { method: 'PUT', bucket, key: `${uniq()}md5-malformed-value`, body: 'abc', headers: { 'content-md5': value } });
    expectRawError(res, { status: 400, code: 'InvalidDigest' }, `PUT with Content-MD5: ${value}`);
    expectEqual('<Error><Content-MD5>', res.error()?.['content-MD5'], value);
  },
);

const FAKE_ACL_RECORDED = 'tests/aws/services/s3/test_s3.py::TestS3::test_s3_object_acl_exceptions#put-object-canned-acl';

op.check(
  {
    id: 'PutObject/invalid-canned-acl',
    spec: '#API_PutObject_RequestSyntax',
    level: 'required',
    feature: 'acl',
    title: 'PUT over an existing key with x-amz-acl: fake-acl (no such canned ACL) → 400 InvalidArgument, and the object is kept',
    evidence: [
      recorded(FAKE_ACL_RECORDED, 'put_object(ACL="fake-acl") over an existing key: 400 InvalidArgument'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl', 'Amazon S3 supports a set of predefined grants, known as canned ACLs.'),
    ],
  },
  async ({ bucket }) => {
    const key = `${uniq()}fake-acl`;
    expectStatus(await raw(rt, { method: 'PUT', bucket, key, body: 'kept' }), 200, 'PutObject (setup)');
    const res = await raw(rt, { method: 'PUT', bucket, key, body: 'replaced', headers: { 'x-amz-acl': 'fake-acl' } });
    expectRawError(res, { status: 400, code: 'InvalidArgument' }, 'PUT with x-amz-acl: fake-acl');
    const got = await raw(rt, { method: 'GET', bucket, key });
    expectStatus(got, 200, 'GET after the refused PUT');
    expectEqual('the object after the refused PUT', got.text(), 'kept');
  },
);

op.check(
  {
    id: 'PutObject/invalid-canned-acl-names-argument',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    feature: 'acl',
    title: 'the InvalidArgument error for x-amz-acl: fake-acl names <ArgumentName>x-amz-acl and <ArgumentValue>fake-acl',
    evidence: [recorded(FAKE_ACL_RECORDED, 'ArgumentName "x-amz-acl", ArgumentValue "fake-acl"')],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'PUT', bucket, key: `${uniq()}fake-acl-fields`, body: 'x', headers: { 'x-amz-acl': 'fake-acl' } });
    expectRawError(res, { status: 400, code: 'InvalidArgument' }, 'PUT with x-amz-acl: fake-acl');
    expectErrorFields(res, { ArgumentName: 'x-amz-acl', ArgumentValue: 'fake-acl' });
  },
);

op.check(
  {
    id: 'PutObject/bad-digest-keeps-old-object',
    spec: '#API_PutObject_RequestSyntax',
    level: 'required',
    title: 'a rejected overwrite (BadDigest) leaves the previous object intact: bytes, ETag and metadata',
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html', 'Amazon S3 never adds partial objects; if you receive a success response, Amazon S3 added the entire object to the bucket.')],
  },
  async ({ bucket }) => {
    const key = `${uniq()}atomic`;
    const old = bytesFromSeed(70_000, 9);
    const put = await putObjectRaw(rt, bucket, key, old, { 'x-amz-meta-generation': 'one' });
    const neu = bytesFromSeed(70_000, 10);
    const res = await raw(rt, { method: 'PUT', bucket, key, body: neu, headers: { 'content-md5': md5Base64(old), 'x-amz-meta-generation': 'two' } });
    expectRawError(res, { status: 400, code: 'BadDigest' }, 'overwrite with a wrong Content-MD5');
    await expectGetMatches(rt, bucket, key, { body: old, meta: { generation: 'one' }, putAt: serverDate(put) });
  },
);

// ---- additional checksums (x-amz-checksum-*) -------------------------------------------------

const ALGORITHMS: ReadonlyArray<{ alg: ChecksumAlgorithm; mismatch: Evidence[]; stored: Evidence[] }> = [
  {
    alg: 'crc32',
    mismatch: [recorded('tests/aws/services/s3/test_s3.py::TestS3PutObjectChecksum::test_put_object_checksum[CRC32]#put-wrong-checksum-value', '400 BadDigest "The CRC32 you specified did not match the calculated checksum."')],
    stored: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3PutObjectChecksum::test_put_object_checksum[CRC32]#head-object-with-checksum'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3PutObjectChecksum::test_s3_get_object_checksum[CRC32]#get-object-with-checksum'),
    ],
  },
  {
    alg: 'crc32c',
    mismatch: [recorded('tests/aws/services/s3/test_s3.py::TestS3PutObjectChecksum::test_put_object_checksum[CRC32C]#put-wrong-checksum-value', '400 BadDigest "The CRC32C you specified did not match the calculated checksum."')],
    stored: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3PutObjectChecksum::test_put_object_checksum[CRC32C]#head-object-with-checksum'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3PutObjectChecksum::test_s3_get_object_checksum[CRC32C]#get-object-with-checksum'),
    ],
  },
  {
    alg: 'crc64nvme',
    mismatch: [recorded('tests/aws/services/s3/test_s3.py::TestS3PutObjectChecksum::test_put_object_checksum[CRC64NVME]#put-wrong-checksum-value', '400 BadDigest "The CRC64NVME you specified did not match the calculated checksum."')],
    stored: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3PutObjectChecksum::test_put_object_checksum[CRC64NVME]#head-object-with-checksum'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3PutObjectChecksum::test_s3_get_object_checksum[CRC64NVME]#get-object-with-checksum'),
    ],
  },
  {
    alg: 'sha1',
    mismatch: [recorded('tests/aws/services/s3/test_s3.py::TestS3PutObjectChecksum::test_put_object_checksum[SHA1]#put-wrong-checksum-value', '400 BadDigest "The SHA1 you specified did not match the calculated checksum."')],
    stored: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3PutObjectChecksum::test_put_object_checksum[SHA1]#head-object-with-checksum'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3PutObjectChecksum::test_s3_get_object_checksum[SHA1]#get-object-with-checksum'),
    ],
  },
  {
    alg: 'sha256',
    mismatch: [recorded('tests/aws/services/s3/test_s3.py::TestS3PutObjectChecksum::test_put_object_checksum[SHA256]#put-wrong-checksum-value', '400 BadDigest "The SHA256 you specified did not match the calculated checksum."')],
    stored: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3PutObjectChecksum::test_put_object_checksum[SHA256]#head-object-with-checksum'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3PutObjectChecksum::test_s3_get_object_checksum[SHA256]#get-object-with-checksum'),
    ],
  },
];

for (const { alg, mismatch, stored } of ALGORITHMS) {
  op.check(
    {
      id: `PutObject/checksum-${alg}-mismatch`,
      spec: '#API_PutObject_RequestSyntax',
      level: 'required',
      title: `PUT with a well-formed but wrong x-amz-checksum-${alg} → 400 BadDigest, and no object is created`,
      evidence: mismatch,
    },
    async ({ bucket }) => {
      const key = `${uniq()}checksum-${alg}-bad`;
      const body = bytesFromSeed(2000, 60);
      const wrong = checksumOf(alg, Buffer.from('other bytes'));
      const res = await raw(rt, { method: 'PUT', bucket, key, body, headers: { [`x-amz-checksum-${alg}`]: wrong } });
      expectRawError(res, { status: 400, code: 'BadDigest' }, `PUT with a wrong x-amz-checksum-${alg}`);
      const head = await raw(rt, { method: 'HEAD', bucket, key });
      expectStatus(head, 404, 'HEAD after the rejected PUT (no object)');
    },
  );

  op.check(
    {
      id: `PutObject/checksum-${alg}-stored`,
      spec: '#API_PutObject_ResponseSyntax',
      level: 'required',
      title: `PUT with the right x-amz-checksum-${alg} → 200 echoing it; GET and HEAD with x-amz-checksum-mode: ENABLED return it`,
      evidence: stored,
    },
    async ({ bucket }) => {
      const key = `${uniq()}checksum-${alg}-ok`;
      const body = bytesFromSeed(2000, 61);
      const value = checksumOf(alg, body);
      const header = `x-amz-checksum-${alg}`;
      const put = await raw(rt, { method: 'PUT', bucket, key, body, headers: { [header]: value } });
      expectStatus(put, 200, `PUT with the right ${header}`);
      expectHeader(put.headers, header, value);
      const get = await raw(rt, { method: 'GET', bucket, key, headers: { 'x-amz-checksum-mode': 'ENABLED' } });
      expectStatus(get, 200, 'GET with x-amz-checksum-mode: ENABLED');
      expectBytes('GET body', get.body, body);
      expectHeader(get.headers, header, value);
      const head = await raw(rt, { method: 'HEAD', bucket, key, headers: { 'x-amz-checksum-mode': 'ENABLED' } });
      expectStatus(head, 200, 'HEAD with x-amz-checksum-mode: ENABLED');
      expectHeader(head.headers, header, value);
    },
  );
}

op.check(
  {
    id: 'PutObject/default-checksum-crc64nvme',
    spec: '#API_PutObject_ResponseSyntax',
    level: 'required',
    title: 'PUT with no checksum header at all → HEAD with x-amz-checksum-mode: ENABLED answers x-amz-checksum-crc64nvme of the body and x-amz-checksum-type FULL_OBJECT',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_Checksum.html', 'This checksum is present if the object was uploaded with the CRC64NVME checksum algorithm, or if the object was uploaded without a checksum (and Amazon S3 added the default checksum, CRC64NVME, to the uploaded object).'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3SSECEncryption::test_put_object_default_checksum_with_sse_c#head-obj-sse-c', 'an object PUT without a checksum: ChecksumCRC64NVME "qUVrWYOrIAM=", ChecksumType "FULL_OBJECT" on HEAD'),
    ],
  },
  async ({ bucket }) => {
    const key = `${uniq()}default-checksum`;
    const body = bytesFromSeed(700, 65);
    const put = await raw(rt, { method: 'PUT', bucket, key, body });
    expectStatus(put, 200, 'PUT without a checksum header');
    const head = await raw(rt, { method: 'HEAD', bucket, key, headers: { 'x-amz-checksum-mode': 'ENABLED' } });
    expectStatus(head, 200, 'HEAD with x-amz-checksum-mode: ENABLED');
    expectFields('HEAD', { 'x-amz-checksum-crc64nvme': head.headers['x-amz-checksum-crc64nvme'], 'x-amz-checksum-type': head.headers['x-amz-checksum-type'] }, { 'x-amz-checksum-crc64nvme': checksumOf('crc64nvme', body), 'x-amz-checksum-type': 'FULL_OBJECT' });
  },
);

op.check(
  {
    id: 'PutObject/checksum-type-full-object',
    spec: '#API_PutObject_ResponseSyntax',
    level: 'required',
    title: 'PUT with the right x-amz-checksum-crc32 → x-amz-checksum-type: FULL_OBJECT, on the PUT and on HEAD with x-amz-checksum-mode: ENABLED',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3PutObjectChecksum::test_put_object_checksum[CRC32]#put-object-generated', 'ChecksumCRC32 "cZWHwQ==", ChecksumType "FULL_OBJECT"'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3PutObjectChecksum::test_put_object_checksum[CRC32]#head-object-with-checksum', 'ChecksumType "FULL_OBJECT"'),
    ],
  },
  async ({ bucket }) => {
    const key = `${uniq()}checksum-type`;
    const body = bytesFromSeed(500, 62);
    const put = await raw(rt, { method: 'PUT', bucket, key, body, headers: { 'x-amz-checksum-crc32': checksumOf('crc32', body) } });
    expectStatus(put, 200, 'PUT with the right x-amz-checksum-crc32');
    const head = await raw(rt, { method: 'HEAD', bucket, key, headers: { 'x-amz-checksum-mode': 'ENABLED' } });
    expectStatus(head, 200, 'HEAD with x-amz-checksum-mode: ENABLED');
    expectFields('x-amz-checksum-type', { PUT: put.headers['x-amz-checksum-type'], HEAD: head.headers['x-amz-checksum-type'] }, { PUT: 'FULL_OBJECT', HEAD: 'FULL_OBJECT' });
  },
);

op.check(
  {
    id: 'PutObject/checksum-malformed',
    spec: '#API_PutObject_RequestSyntax',
    level: 'required',
    title: 'PUT whose x-amz-checksum-crc32 is not a base64 CRC32 → 400 InvalidRequest, and no object is created',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3PutObjectChecksum::test_put_object_checksum[CRC32]#put-wrong-checksum-no-b64', '400 InvalidRequest "Value for x-amz-checksum-crc32 header is invalid."')],
  },
  async ({ bucket }) => {
    const key = `${uniq()}checksum-malformed`;
    const res = await raw(rt, { method: 'PUT', bucket, key, body: 'abc', headers: { 'x-amz-checksum-crc32': 'not-a-checksum' } });
    expectRawError(res, { status: 400, code: 'InvalidRequest' }, 'PUT with a malformed x-amz-checksum-crc32');
    const head = await raw(rt, { method: 'HEAD', bucket, key });
    expectStatus(head, 404, 'HEAD after the rejected PUT (no object)');
  },
);

op.check(
  {
    id: 'PutObject/checksum-two-headers',
    spec: '#API_PutObject_RequestSyntax',
    level: 'required',
    title: 'PUT with two x-amz-checksum-* headers (crc32 and sha256, both right) → 400 InvalidRequest',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3PutObjectChecksum::test_s3_checksum_no_algorithm#put-2-checksums', '400 InvalidRequest "Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed."')],
  },
  async ({ bucket }) => {
    const key = `${uniq()}checksum-two`;
    const body = Buffer.from('two checksums');
    const res = await raw(rt, { method: 'PUT', bucket, key, body, headers: { 'x-amz-checksum-crc32': checksumOf('crc32', body), 'x-amz-checksum-sha256': checksumOf('sha256', body) } });
    expectRawError(res, { status: 400, code: 'InvalidRequest' }, 'PUT with x-amz-checksum-crc32 and x-amz-checksum-sha256');
  },
);

// ---- storage class --------------------------------------------------------------------------

op.check(
  {
    id: 'PutObject/storage-class-standard-ia',
    spec: '#API_PutObject_RequestSyntax',
    level: 'optional',
    title: 'PUT with x-amz-storage-class: STANDARD_IA → 200, and HEAD answers x-amz-storage-class: STANDARD_IA',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_put_object_storage_class[STANDARD_IA-True]#get-object', 'StorageClass "STANDARD_IA" on the GET of the object'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html', 'x-amz-storage-class: Provides storage class information of the object. Amazon S3 returns this header for all objects except for S3 Standard storage class objects.'),
    ],
  },
  async ({ bucket }) => {
    const key = `${uniq()}standard-ia`;
    await putObjectRaw(rt, bucket, key, Buffer.from('body-test'), { 'x-amz-storage-class': 'STANDARD_IA' });
    const head = await raw(rt, { method: 'HEAD', bucket, key });
    expectStatus(head, 200, 'HEAD of the STANDARD_IA object');
    expectEqual('x-amz-storage-class header', head.headers['x-amz-storage-class'], 'STANDARD_IA');
  },
);

op.check(
  {
    id: 'PutObject/invalid-storage-class',
    spec: '#API_PutObject_RequestSyntax',
    level: 'required',
    title: 'PUT with x-amz-storage-class: OUTPOSTS (not a class of this bucket) → 400 InvalidStorageClass, nothing stored',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_put_object_storage_class_outposts#put-object-outposts', '400 InvalidStorageClass "The storage class you specified is not valid", StorageClassRequested OUTPOSTS')],
  },
  async ({ bucket }) => {
    const key = `${uniq()}outposts`;
    const res = await raw(rt, { method: 'PUT', bucket, key, body: 'x', headers: { 'x-amz-storage-class': 'OUTPOSTS' } });
    expectRawError(res, { status: 400, code: 'InvalidStorageClass' }, 'PUT with x-amz-storage-class: OUTPOSTS');
    expectStatus(await raw(rt, { method: 'HEAD', bucket, key }), 404, 'HEAD after the refused PUT (no object)');
  },
);

op.check(
  {
    id: 'PutObject/invalid-storage-class-names-class',
    spec: '#API_PutObject_RequestSyntax',
    level: 'required',
    title: 'the InvalidStorageClass error of a PUT names the class requested: <StorageClassRequested>OUTPOSTS',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_put_object_storage_class_outposts#put-object-outposts', 'StorageClassRequested "OUTPOSTS"')],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'PUT', bucket, key: `${uniq()}outposts-named`, body: 'x', headers: { 'x-amz-storage-class': 'OUTPOSTS' } });
    expectRawError(res, { status: 400, code: 'InvalidStorageClass' }, 'PUT with x-amz-storage-class: OUTPOSTS');
    expectEqual('<Error><StorageClassRequested>', res.error()?.storageClassRequested, 'OUTPOSTS');
  },
);

// ---- conditional writes ----------------------------------------------------------------------

op.check(
  {
    id: 'PutObject/if-none-match-star-new-key',
    spec: '#API_PutObject_RequestSyntax',
    level: 'required',
    title: 'PUT with If-None-Match: * of a key that does not exist → 200, and the object is stored',
    evidence: [recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectWritePrecondition::test_put_object_if_none_match#put-obj')],
  },
  async ({ bucket }) => {
    const key = `${uniq()}inm-new`;
    const body = Buffer.from('first');
    await putObjectRaw(rt, bucket, key, body, { 'if-none-match': '*' });
    await expectGetMatches(rt, bucket, key, { body });
  },
);

op.check(
  {
    id: 'PutObject/if-none-match-star-existing-key',
    spec: '#API_PutObject_RequestSyntax',
    level: 'required',
    title: 'PUT with If-None-Match: * of an existing key → 412 PreconditionFailed, and the object is unchanged',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectWritePrecondition::test_put_object_if_none_match#put-obj-if-none-match', '412 PreconditionFailed, Condition If-None-Match'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html', 'Uploads the object only if the object key name does not already exist in the bucket specified. Otherwise, Amazon S3 returns a 412 Precondition Failed error.'),
    ],
  },
  async ({ bucket }) => {
    const key = `${uniq()}inm-existing`;
    const body = Buffer.from('first');
    await putObjectRaw(rt, bucket, key, body);
    const res = await raw(rt, { method: 'PUT', bucket, key, body: 'second', headers: { 'if-none-match': '*' } });
    expectRawError(res, { status: 412, code: 'PreconditionFailed' }, 'PUT with If-None-Match: * over an existing key');
    await expectGetMatches(rt, bucket, key, { body });
  },
);

op.check(
  {
    id: 'PutObject/if-none-match-precondition-names-condition',
    spec: '#API_PutObject_RequestSyntax',
    level: 'required',
    title: 'the 412 for If-None-Match: * over an existing key names the header: <Condition>If-None-Match</Condition>',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectWritePrecondition::test_put_object_if_none_match#put-obj-if-none-match', 'Condition "If-None-Match"'),
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectWritePrecondition::test_put_object_if_none_match_versioned_bucket#put-obj-if-none-match', 'Condition "If-None-Match"'),
    ],
  },
  async ({ bucket }) => {
    const key = `${uniq()}inm-condition`;
    await putObjectRaw(rt, bucket, key, Buffer.from('first'));
    const res = await raw(rt, { method: 'PUT', bucket, key, body: 'second', headers: { 'if-none-match': '*' } });
    expectRawError(res, { status: 412, code: 'PreconditionFailed' }, 'PUT with If-None-Match: * over an existing key');
    expectEqual('<Error><Condition>', res.error()?.condition, 'If-None-Match');
  },
);

op.check(
  {
    id: 'PutObject/if-none-match-etag-not-implemented',
    spec: '#API_PutObject_RequestSyntax',
    level: 'optional',
    title: 'PUT with If-None-Match: <an ETag> (only "*" is supported) → 501 NotImplemented',
    evidence: [recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectWritePrecondition::test_put_object_if_none_match_validation#put-obj-if-none-match-bad-value', '501 NotImplemented, Header If-None-Match')],
  },
  async ({ bucket }) => {
    const key = `${uniq()}inm-etag`;
    const put = await putObjectRaw(rt, bucket, key, Buffer.from('first'));
    const res = await raw(rt, { method: 'PUT', bucket, key, body: 'second', headers: { 'if-none-match': put.headers.etag ?? '"x"' } });
    expectRawError(res, { status: 501, code: 'NotImplemented' }, 'PUT with If-None-Match: <its ETag>');
  },
);

op.check(
  {
    id: 'PutObject/if-match-star-not-implemented',
    spec: '#API_PutObject_RequestSyntax',
    level: 'optional',
    title: 'PUT with If-Match: * (only an ETag is supported) → 501 NotImplemented, and nothing is written',
    evidence: [recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectWritePrecondition::test_put_object_if_match_validation#put-obj-if-match-star-value', '501 NotImplemented, Header If-Match')],
  },
  async ({ bucket }) => {
    const key = `${uniq()}im-star`;
    const body = Buffer.from('first');
    await putObjectRaw(rt, bucket, key, body);
    const res = await raw(rt, { method: 'PUT', bucket, key, body: 'second', headers: { 'if-match': '*' } });
    expectRawError(res, { status: 501, code: 'NotImplemented' }, 'PUT with If-Match: *');
    await expectGetMatches(rt, bucket, key, { body });
  },
);

op.check(
  {
    id: 'PutObject/if-match-and-if-none-match-not-implemented',
    spec: '#API_PutObject_RequestSyntax',
    level: 'optional',
    title: 'PUT with both If-Match and If-None-Match → 501 NotImplemented, and nothing is written',
    evidence: [recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectWritePrecondition::test_put_object_if_match_and_if_none_match_validation#put-obj-both-precondition', '501 NotImplemented, Header "If-Match,If-None-Match"')],
  },
  async ({ bucket }) => {
    const key = `${uniq()}im-inm-both`;
    const body = Buffer.from('first');
    const put = await putObjectRaw(rt, bucket, key, body);
    const res = await raw(rt, { method: 'PUT', bucket, key, body: 'second', headers: { 'if-match': put.headers.etag ?? '"x"', 'if-none-match': '*' } });
    expectRawError(res, { status: 501, code: 'NotImplemented' }, 'PUT with If-Match and If-None-Match');
    await expectGetMatches(rt, bucket, key, { body });
  },
);

op.check(
  {
    id: 'PutObject/if-match-true',
    spec: '#API_PutObject_RequestSyntax',
    level: 'required',
    title: 'PUT with If-Match: <the current ETag> → 200, and the object is replaced',
    evidence: [recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectWritePrecondition::test_put_object_if_match#put-obj-overwrite')],
  },
  async ({ bucket }) => {
    const key = `${uniq()}im-true`;
    const first = await putObjectRaw(rt, bucket, key, Buffer.from('first'));
    const body = Buffer.from('second version');
    await putObjectRaw(rt, bucket, key, body, { 'if-match': first.headers.etag ?? '' });
    await expectGetMatches(rt, bucket, key, { body });
  },
);

op.check(
  {
    id: 'PutObject/if-match-false',
    spec: '#API_PutObject_RequestSyntax',
    level: 'required',
    title: 'PUT with If-Match: <another ETag> → 412 PreconditionFailed, and the object is unchanged',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectWritePrecondition::test_put_object_if_match#put-obj-if-match-wrong-etag', '412 PreconditionFailed, Condition If-Match'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html', 'Uploads the object only if the ETag (entity tag) value provided during the WRITE operation matches the ETag of the object in S3. If the ETag values do not match, the operation returns a 412 Precondition Failed error.'),
    ],
  },
  async ({ bucket }) => {
    const key = `${uniq()}im-false`;
    const body = Buffer.from('first');
    await putObjectRaw(rt, bucket, key, body);
    const res = await raw(rt, { method: 'PUT', bucket, key, body: 'second', headers: { 'if-match': '"00000000000000000000000000000000"' } });
    expectRawError(res, { status: 412, code: 'PreconditionFailed' }, 'PUT with If-Match: <another ETag>');
    await expectGetMatches(rt, bucket, key, { body });
  },
);

op.check(
  {
    id: 'PutObject/if-match-missing-key',
    spec: '#API_PutObject_RequestSyntax',
    level: 'required',
    title: 'PUT with If-Match of a key that does not exist → 404 NoSuchKey, and nothing is stored',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectWritePrecondition::test_put_object_if_match#put-obj-if-match-key-not-exists', '404 NoSuchKey'),
    ],
  },
  async ({ bucket }) => {
    const key = `${uniq()}im-missing`;
    const res = await raw(rt, { method: 'PUT', bucket, key, body: 'x', headers: { 'if-match': '"00000000000000000000000000000000"' } });
    expectRawError(res, { status: 404, code: 'NoSuchKey' }, 'PUT with If-Match of a missing key');
    const head = await raw(rt, { method: 'HEAD', bucket, key });
    expectStatus(head, 404, 'HEAD after the rejected PUT (no object)');
  },
);

// ---- overwrite, missing bucket, owner, request id --------------------------------------------

op.check(
  {
    id: 'PutObject/overwrite-replaces',
    spec: '#API_PutObject_RequestSyntax',
    level: 'required',
    title: 'a second PUT replaces the whole object: new bytes, new ETag, old metadata gone',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectWritePrecondition::test_put_object_if_match#put-obj-overwrite'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html', 'If it receives multiple write requests for the same object simultaneously, it overwrites all but the last object written.'),
    ],
  },
  async ({ bucket }) => {
    const key = `${uniq()}overwrite`;
    await putObjectRaw(rt, bucket, key, bytesFromSeed(5000, 11), { 'x-amz-meta-old': '1', 'content-type': 'text/plain' });
    const body = bytesFromSeed(17, 12);
    const put = await putObjectRaw(rt, bucket, key, body, { 'x-amz-meta-new': '2', 'content-type': 'image/png' });
    await expectGetMatches(rt, bucket, key, { body, meta: { new: '2' }, headers: { 'content-type': 'image/png' }, putAt: serverDate(put) });
  },
);

op.check(
  {
    id: 'PutObject/no-such-bucket',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'PUT into a bucket that does not exist → 404 NoSuchBucket',
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'NoSuchBucket | The specified bucket does not exist. | 404 Not Found')],
  },
  async ({ s3 }) => {
    const missing = newBucketName(rt, 'missing');
    await expectS3Error(s3.send(new PutObjectCommand({ Bucket: missing, Key: 'k', Body: 'x' })), { status: 404, code: 'NoSuchBucket' });
  },
);

op.check(
  {
    id: 'PutObject/expected-bucket-owner-mismatch',
    spec: '#API_PutObject_RequestSyntax',
    level: 'required',
    title: 'PUT with x-amz-expected-bucket-owner naming another account → 403 AccessDenied, and nothing is stored',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html', 'If the account ID that you provide does not match the actual owner of the bucket, the request fails with the HTTP status code 403 Forbidden (access denied).'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_put_bucket_policy_expected_bucket_owner#put-bucket-policy-with-expected-bucket-owner-error', '403 AccessDenied'),
    ],
  },
  async ({ bucket }) => {
    const key = `${uniq()}owner`;
    const res = await raw(rt, { method: 'PUT', bucket, key, body: 'x', headers: { 'x-amz-expected-bucket-owner': '000000000001' } });
    expectRawError(res, { status: 403, code: 'AccessDenied' }, 'PUT with a wrong x-amz-expected-bucket-owner');
    const head = await raw(rt, { method: 'HEAD', bucket, key });
    expectStatus(head, 404, 'HEAD after the rejected PUT (no object)');
  },
);

op.check(
  {
    id: 'PutObject/date-header',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html',
    level: 'required',
    title: 'a PUT answer carries a Date header in IMF-fixdate form (e.g. "Wed, 01 Mar 2006 12:00:00 GMT")',
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html', 'Date: The date and time that Amazon S3 responded; for example, Wed, 01 Mar 2006 12:00:00 GMT.')],
  },
  async ({ bucket }) => {
    const res = await putObjectRaw(rt, bucket, `${uniq()}date`, Buffer.from('date'));
    expectHeader(res.headers, 'date', HTTP_DATE);
  },
);

op.check(
  {
    id: 'PutObject/request-id-headers',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html',
    level: 'required',
    title: 'a PUT answer carries non-empty x-amz-request-id and x-amz-id-2 headers',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_put_and_get_object_with_content_language_disposition#put-object-headers'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html', 'x-amz-request-id: A value created by Amazon S3 that uniquely identifies the request.'),
    ],
  },
  async ({ bucket }) => {
    const res = await putObjectRaw(rt, bucket, `${uniq()}request-id`, Buffer.from('id'));
    expectHeader(res.headers, 'x-amz-request-id', /\S/);
    expectHeader(res.headers, 'x-amz-id-2', /\S/);
  },
);

// ---- the HTTP framing: Content-Length, Expect: 100-continue ---------------------------------

op.check(
  {
    id: 'PutObject/missing-content-length',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'a PUT with neither Content-Length nor Transfer-Encoding → 411 MissingContentLength',
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'MissingContentLength | You must provide the Content-Length HTTP header. | 411 Length Required')],
  },
  async ({ note, bucket }) => {
    note('sent over a raw socket (not in the wire log): a signed PUT without Content-Length and without a body');
    const conn = await WireConnection.open(rt);
    try {
      const { head } = await WireConnection.head(rt, { method: 'PUT', bucket, key: `${uniq()}no-length`, omitContentLength: true });
      conn.write(head);
      const res = await conn.readFinal('PUT', 20_000);
      expectEqual('status', res.status, 411);
      expectEqual('<Error><Code>', wireError(res)?.code, 'MissingContentLength');
    } finally {
      conn.close();
    }
  },
);

op.check(
  {
    id: 'PutObject/content-length-invalid',
    spec: '#API_PutObject_RequestSyntax',
    level: 'optional',
    title: 'a PUT whose Content-Length is negative or empty → 400, nothing stored',
    evidence: [
      peer('https://github.com/ceph/s3-tests/blob/master/s3tests/functional/test_headers.py', 'test_object_create_bad_contentlength_negative and _empty: 400'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html', 'Size of the body in bytes. This parameter is useful when the size of the body cannot be determined automatically.'),
    ],
  },
  async ({ note, bucket }) => {
    note('sent over a raw socket (not in the wire log)');
    for (const value of ['-1', '']) {
      const key = `${uniq()}bad-length`;
      const conn = await WireConnection.open(rt);
      try {
        const { head } = await WireConnection.head(rt, { method: 'PUT', bucket, key, headers: { 'content-length': value } });
        conn.write(head);
        const res = await conn.readFinal('PUT', 20_000);
        expectEqual(`status for Content-Length: ${JSON.stringify(value)}`, res.status, 400);
      } finally {
        conn.close();
      }
      const after = await raw(rt, { method: 'HEAD', bucket, key });
      expectStatus(after, 404, 'HEAD after the rejected PUT (no object)');
    }
  },
);

op.check(
  {
    id: 'PutObject/expect-100-continue',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/RESTRedirect.html',
    level: 'required',
    title: 'PUT with Expect: 100-continue → 100 Continue before the body, then 200 with the MD5 ETag; the object is stored',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTRedirect.html', 'Amazon S3 does recognize if your request contains an Expect: Continue and will respond with a provisional 100-continue status or a final status code.'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonRequestHeaders.html', 'When your application uses 100-continue, it does not send the request body until it receives an acknowledgment.'),
    ],
  },
  async ({ note, bucket }) => {
    note('sent over a raw socket (not in the wire log)');
    const key = `${uniq()}expect`;
    const body = bytesFromSeed(20_000, 62);
    const conn = await WireConnection.open(rt);
    try {
      const { head } = await WireConnection.head(rt, { method: 'PUT', bucket, key, body, headers: { expect: '100-continue' } });
      conn.write(head);
      const first = await conn.read('PUT', 20_000);
      expectEqual('first answer to the headers', first.status, 100);
      conn.write(body);
      const res = await conn.readFinal('PUT', 30_000);
      expectEqual('final status', res.status, 200);
      expectHeader(res.headers, 'etag', quotedMd5(body));
    } finally {
      conn.close();
    }
    await expectGetMatches(rt, bucket, key, { body });
  },
);

op.check(
  {
    id: 'PutObject/expect-100-continue-rejected',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/RESTRedirect.html',
    level: 'required',
    title: 'PUT with Expect: 100-continue into a missing bucket → the final 404 NoSuchBucket comes without waiting for the body',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTRedirect.html', 'When your application uses 100-continue, it does not send the request body until it receives an acknowledgement. If the message is rejected based on the headers, the body of the message is not sent.'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'NoSuchBucket | The specified bucket does not exist. | 404 Not Found'),
    ],
  },
  async ({ note }) => {
    note('sent over a raw socket (not in the wire log)');
    const body = bytesFromSeed(20_000, 63);
    const conn = await WireConnection.open(rt);
    try {
      const { head } = await WireConnection.head(rt, { method: 'PUT', bucket: newBucketName(rt, 'missing'), key: 'k', body, headers: { expect: '100-continue' } });
      conn.write(head);
      let first;
      try {
        first = await conn.read('PUT', 15_000);
      } catch (e) {
        if (e instanceof WireTimeoutError) expectEqual('an answer to the headers alone (the body held back)', 'no answer within 15 s', '404 NoSuchBucket');
        throw e;
      }
      expectEqual('first answer to the headers (a final status, not 100 Continue)', first.status, 404);
      expectEqual('<Error><Code>', wireError(first)?.code, 'NoSuchBucket');
    } finally {
      conn.close();
    }
  },
);

op.check(
  {
    id: 'PutObject/expect-100-continue-rejected-connection-reuse',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/RESTRedirect.html',
    level: 'optional',
    title: 'after a rejected Expect: 100-continue PUT (body sent anyway), the next request on the connection is answered as itself (or the server closed it)',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTRedirect.html', 'If the message is rejected based on the headers, the body of the message is not sent.'),
      peer('https://github.com/ceph/s3-tests/blob/master/s3tests_boto3/functional/test_s3.py', 'test_100_continue_error_retry: after a rejected 100-continue PUT the client retries on the same endpoint and the request succeeds'),
    ],
  },
  async ({ note, bucket }) => {
    note('sent over a raw socket (not in the wire log)');
    const key = `${uniq()}after-reject`;
    const stored = Buffer.from('the object read after the rejected PUT');
    await putObjectRaw(rt, bucket, key, stored);
    const body = bytesFromSeed(20_000, 64);
    const conn = await WireConnection.open(rt);
    try {
      const { head } = await WireConnection.head(rt, { method: 'PUT', bucket: newBucketName(rt, 'missing'), key: 'k', body, headers: { expect: '100-continue' } });
      conn.write(head);
      let bodySent = false;
      const sendBody = (): void => {
        if (!bodySent) conn.write(body);
        bodySent = true;
      };
      let first = await conn.read('PUT', 15_000).catch((e: unknown) => {
        // The server waits for the body before answering: send it, then read the answer.
        if (!(e instanceof WireTimeoutError)) throw e;
        sendBody();
        return conn.readFinal('PUT', 30_000);
      });
      if (first.status === 100) {
        sendBody();
        first = await conn.readFinal('PUT', 30_000);
      }
      expectEqual('answer to the rejected PUT', first.status, 404);
      if (conn.closed || /close/i.test(first.headers.connection ?? '')) {
        note('the server closed the connection after the rejection (allowed)');
        return;
      }
      sendBody();
      const get = await WireConnection.head(rt, { method: 'GET', bucket, key });
      conn.write(get.head);
      const res = await conn.readFinal('GET', 30_000).catch((e: unknown) => {
        if (conn.closed) return undefined;
        throw e;
      });
      if (res === undefined) {
        note('the server closed the connection after the discarded body (allowed)');
        return;
      }
      expectEqual('status of the GET sent after the rejected PUT', res.status, 200);
      expectBytes('GET body after the rejected PUT', res.body, stored);
    } finally {
      conn.close();
    }
  },
);

// ---- what the current SDK sends by default (formerly SdkDefaults.test.ts) --------------------

op.check(
  {
    id: 'PutObject/sdk-default-crc32-buffer',
    spec: '#API_PutObject_RequestSyntax',
    level: 'optional',
    title: 'SDK defaults, Buffer body (x-amz-checksum-crc32 header) → 200, ETag = MD5, stored byte for byte',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3PutObjectChecksum::test_put_object_checksum[CRC32]#put-object-autogenerated', 'a PUT with an SDK-computed CRC32 → 200 echoing ChecksumCRC32'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html', 'When you upload an object, you can optionally include a precalculated checksum as part of your request.'),
    ],
  },
  async ({ bucket, sdk }) => {
    const body = bytesFromSeed(10_000, 31);
    const out = await step('PutObject with SDK default checksums', sdk.send(new PutObjectCommand({ Bucket: bucket, Key: 'crc32-buffer', Body: body })));
    expectEqual('PutObject ETag', out.ETag, quotedMd5(body));
    await expectGetMatches(rt, bucket, 'crc32-buffer', { body });
  },
);

op.check(
  {
    id: 'PutObject/sdk-default-aws-chunked-stream',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html',
    level: 'optional',
    title: 'SDK defaults, stream body (aws-chunked, trailing x-amz-checksum-crc32) → 200, and the object is the payload, not the chunk framing',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html', 'calculate the checksum for your object (or object parts) and automatically appends it to the end of your upload request'),
      peer('https://github.com/ceph/s3-tests/blob/master/s3tests_boto3/functional/test_s3.py', 'test_object_content_encoding_aws_chunked: an aws-chunked upload stores the decoded payload'),
    ],
  },
  async ({ bucket, sdk }) => {
    const body = bytesFromSeed(70_000, 32);
    const out = await step(
      'PutObject (stream body) with SDK default checksums',
      sdk.send(new PutObjectCommand({ Bucket: bucket, Key: 'crc32-stream', Body: Readable.from([body.subarray(0, 30_000), body.subarray(30_000)]), ContentLength: body.length })),
    );
    expectEqual('PutObject ETag', out.ETag, quotedMd5(body));
    await expectGetMatches(rt, bucket, 'crc32-stream', { body });
  },
);

op.check(
  {
    id: 'PutObject/error-envelope',
    spec: ERROR_ENVELOPE_SPEC,
    level: 'required',
    title: "PUT of a key in a missing bucket, 404 NoSuchBucket → AWS's error envelope: request ids, application/xml, Code, Message, RequestId",
    evidence: [...ERROR_ENVELOPE_EVIDENCE],
  },
  async () => {
    const missing = newBucketName(rt, 'missing');
    const res = await raw(rt, { method: 'PUT', bucket: missing, key: 'envelope', body: 'x' });
    expectErrorEnvelope(res, { status: 404, code: 'NoSuchBucket' }, 'PutObject into a missing bucket');
  },
);

op.check(
  {
    id: 'PutObject/no-such-bucket-names-bucket',
    spec: '#API_PutObject_RequestSyntax',
    level: 'required',
    title: 'the NoSuchBucket error of PUT of a key in a missing bucket names that bucket in <BucketName>, exactly',
    evidence: [...NO_SUCH_BUCKET_NAMED_EVIDENCE],
  },
  async () => {
    const missing = newBucketName(rt, 'missing');
    const res = await raw(rt, { method: 'PUT', bucket: missing, key: 'names-bucket', body: 'x' });
    expectRawError(res, { status: 404, code: 'NoSuchBucket' }, 'PutObject in a missing bucket');
    expectEqual('<Error><BucketName>', res.error()?.bucketName, missing);
  },
);

// ---- headers that are not S3's: OpenStack Swift's own object controls ---------------------------
// A Swift cluster behind an S3 layer (NHN Cloud's is one) reads these headers in its native API.
// S3 does not define them, so a PUT carrying them stores the body sent. Swift's s3api let them
// through until the fix for CVE-2026-71191 (Debian 2.30.1-0+deb12u3): X-Copy-From and
// X-Object-Manifest then served another object's (or bucket's) data, X-Symlink-Target made a link.
// X-Delete-At and X-Object-Meta-* still reach Swift after that fix (an expiry time; metadata).

const OBJECT_DATA = doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html#API_PutObject_RequestBody', 'The request accepts the following binary data. Body: Object data.');

for (const [slug, header, value, what] of [
  ['swift-copy-from-ignored', 'x-copy-from', (b: string) => `/${b}/native/source`, 'X-Copy-From naming another object'],
  ['swift-object-manifest-ignored', 'x-object-manifest', (b: string) => `${b}/native/`, 'X-Object-Manifest naming a prefix of the bucket'],
  ['swift-symlink-target-ignored', 'x-symlink-target', (b: string) => `${b}/native/source`, 'X-Symlink-Target naming another object'],
  ['swift-static-large-object-ignored', 'x-static-large-object', () => 'true', 'X-Static-Large-Object: true'],
  ['swift-delete-at-ignored', 'x-delete-at', () => String(Math.floor(Date.now() / 1000) - 3600), 'X-Delete-At an hour ago (an expiry time)'],
] as const) {
  op.check(
    {
      id: `PutObject/${slug}`,
      spec: '#API_PutObject_RequestBody',
      level: 'required',
      title: `PUT with OpenStack Swift's ${what} (not an S3 header) → 200, and GET returns the body sent`,
      evidence: [OBJECT_DATA],
    },
    async ({ bucket }) => {
      await putObjectRaw(rt, bucket, 'native/source', 'the data of another object');
      const key = `${uniq()}${slug}`;
      const body = Buffer.from(`the body sent with ${header}`);
      await putObjectRaw(rt, bucket, key, body, { [header]: value(bucket) });
      await expectGetMatches(rt, bucket, key, { body });
    },
  );
}

op.check(
  {
    id: 'PutObject/swift-object-meta-not-metadata',
    spec: '#API_PutObject_RequestSyntax',
    level: 'required',
    title: "PUT with OpenStack Swift's X-Object-Meta-Smuggled header → HEAD answers no x-amz-meta-smuggled: only x-amz-meta-* headers are user metadata",
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingMetadata.html', 'When you upload objects using the REST API, the optional user-defined metadata names must begin with "x-amz-meta-" to distinguish them from other HTTP headers.'),
    ],
  },
  async ({ bucket }) => {
    const key = `${uniq()}object-meta`;
    await putObjectRaw(rt, bucket, key, 'x', { 'x-object-meta-smuggled': 'v' });
    const head = await raw(rt, { method: 'HEAD', bucket, key });
    expectStatus(head, 200, `HEAD ${JSON.stringify(key)}`);
    expectEqual('header x-amz-meta-smuggled of the HEAD', head.headers['x-amz-meta-smuggled'], undefined);
  },
);
