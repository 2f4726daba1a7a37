import { DeleteObjectsCommand } from '@aws-sdk/client-s3';
import { doc, expectEqual, expectHeader, expectMatch, expectRawError, expectStatus, expectTrue, fail, newBucketName, peer, raw, type RawResponse, recorded, step, operation, expectErrorEnvelope, ERROR_ENVELOPE_EVIDENCE, ERROR_ENVELOPE_SPEC, NO_SUCH_BUCKET_NAMED_EVIDENCE } from '../../harness/api/index.ts';
import { asList, md5Base64, putObjectRaw, UNKNOWN_VERSION_ID } from '../../harness/api/object.ts';

const op = operation('DeleteObjects', { buckets: { bucket: { hint: 'multidel' } } });
const { rt } = op;

let n = 0;
const uniq = (): string => `${(n++).toString(36)}/`;

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function deleteXml(keys: readonly string[], quiet = false): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${quiet ? '<Quiet>true</Quiet>' : ''}${keys
    .map((k) => `<Object><Key>${xmlEscape(k)}</Key></Object>`)
    .join('')}</Delete>`;
}

/** POST /?delete with Content-MD5 (the operation requires an integrity header). */
async function postDelete(b: string, body: string): Promise<RawResponse> {
  return raw(rt, { method: 'POST', bucket: b, query: { delete: '' }, body, headers: { 'content-type': 'application/xml', 'content-md5': md5Base64(body) } });
}

/** A version id of the shape AWS issues that names no version of the key. */

function deleteXmlWithVersion(entries: ReadonlyArray<{ key: string; versionId?: string }>, quiet = false): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${quiet ? '<Quiet>true</Quiet>' : ''}${entries
    .map((e) => `<Object><Key>${xmlEscape(e.key)}</Key>${e.versionId ? `<VersionId>${e.versionId}</VersionId>` : ''}</Object>`)
    .join('')}</Delete>`;
}

/** CRC-32 (IEEE), base64 of the big-endian value, as x-amz-checksum-crc32 carries it. */
function crc32Base64(data: string): string {
  let c = 0xffffffff;
  for (const byte of Buffer.from(data)) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  const out = Buffer.alloc(4);
  out.writeUInt32BE((c ^ 0xffffffff) >>> 0);
  return out.toString('base64');
}

interface Parsed {
  deleted: string[];
  errors: Array<{ key?: string; code?: string }>;
}

function parseResult(res: RawResponse): Parsed {
  const doc = res.xml()?.DeleteResult;
  if (doc === undefined) fail('answer is a <DeleteResult> document', '<DeleteResult>…</DeleteResult>', res.text().slice(0, 200));
  const r = (typeof doc === 'object' && doc !== null ? doc : {}) as Record<string, unknown>;
  const deleted = asList(r.Deleted as unknown).map((d) => String((d as Record<string, unknown>).Key ?? ''));
  const errors = asList(r.Error as unknown).map((e) => {
    const o = e as Record<string, unknown>;
    return { key: o.Key as string | undefined, code: o.Code as string | undefined };
  });
  return { deleted, errors };
}

const sorted = (a: readonly string[]): string[] => [...a].sort();

/**
 * Every check deletes keys under a fresh prefix that also holds a key it does NOT delete, so the
 * prefix never becomes empty during the request. This keeps the situation the same on every run
 * (a file-backed server such as s3rver otherwise races on removing the emptied "directory" while
 * sibling keys are deleted concurrently), and the surviving key shows that only the listed keys
 * were deleted.
 */
async function freshPrefix(bucket: string): Promise<{ p: string; keep: string }> {
  const p = uniq();
  const keep = `${p}keep`;
  await putObjectRaw(rt, bucket, keep, 'keep');
  return { p, keep };
}

async function expectSurvivor(bucket: string, keep: string): Promise<void> {
  expectStatus(await raw(rt, { method: 'HEAD', bucket, key: keep }), 200, `HEAD ${keep} (a key not in the request is not deleted)`);
}

op.check(
  {
    id: 'DeleteObjects/verbose',
    spec: '#API_DeleteObjects_ResponseSyntax',
    level: 'required',
    title: 'verbose DeleteObjects of existing and missing keys (also under an unused prefix) → 200, every key reported <Deleted>, no <Error>, objects gone, others kept',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_delete_non_existing_keys#deleted-resp', 'an existing and two missing keys: all three <Deleted>, no <Error>')],
  },
  async ({ bucket }) => {
    const { p, keep } = await freshPrefix(bucket);
    const existing = [`${p}a`, `${p}b/c`, `${p}é d`];
    for (const k of existing) await putObjectRaw(rt, bucket, k, k);
    const keys = [...existing, `${p}missing`, `${p}no-such-prefix/missing`];
    const res = await postDelete(bucket, deleteXml(keys));
    expectStatus(res, 200, 'DeleteObjects');
    const r = parseResult(res);
    expectEqual('<Deleted><Key> list', sorted(r.deleted), sorted(keys));
    expectEqual('<Error> entries', r.errors, []);
    for (const k of existing) expectStatus(await raw(rt, { method: 'HEAD', bucket, key: k }), 404, `HEAD ${k} after DeleteObjects`);
    await expectSurvivor(bucket, keep);
  },
);

op.check(
  {
    id: 'DeleteObjects/quiet',
    spec: '#API_DeleteObjects_RequestSyntax',
    level: 'required',
    title: 'Quiet DeleteObjects → 200 with no <Deleted> entries and no <Error>, and the objects are gone',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_delete_non_existing_keys_quiet#deleted-resp', 'Quiet: neither Deleted nor Errors in the answer')],
  },
  async ({ bucket }) => {
    const { p, keep } = await freshPrefix(bucket);
    const keys = [`${p}q1`, `${p}q2/x`];
    for (const k of keys) await putObjectRaw(rt, bucket, k, k);
    const res = await postDelete(bucket, deleteXml([...keys, `${p}missing`], true));
    expectStatus(res, 200, 'DeleteObjects Quiet');
    const r = parseResult(res);
    expectEqual('<Deleted> entries in quiet mode', r.deleted, []);
    expectEqual('<Error> entries', r.errors, []);
    for (const k of keys) expectStatus(await raw(rt, { method: 'HEAD', bucket, key: k }), 404, `HEAD ${k} after DeleteObjects`);
    await expectSurvivor(bucket, keep);
  },
);

op.check(
  {
    id: 'DeleteObjects/xml-special-keys',
    spec: '#API_DeleteObjects_RequestSyntax',
    level: 'required',
    title: 'keys with &, <, >, quotes and apostrophes (XML-escaped in the request) are deleted and reported back exactly',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html', 'For each key, Amazon S3 performs a delete operation and returns the result of that delete, success or failure, in the response.'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_delete_objects_encoding#deleted-resp', 'keys with % are reported in <Deleted> exactly as sent'),
    ],
  },
  async ({ s3, bucket }) => {
    const { p, keep } = await freshPrefix(bucket);
    const keys = [`${p}a&b`, `${p}<tag>`, `${p}say "hi"`, `${p}it's`, `${p}&amp;literal`];
    for (const k of keys) await putObjectRaw(rt, bucket, k, 'x');
    const out = await step('DeleteObjects (SDK)', s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys.map((Key) => ({ Key })) } })));
    expectEqual('Deleted keys', sorted((out.Deleted ?? []).map((d) => d.Key ?? '')), sorted(keys));
    expectEqual('Errors', out.Errors ?? [], []);
    for (const k of keys) expectStatus(await raw(rt, { method: 'HEAD', bucket, key: k }), 404, `HEAD ${JSON.stringify(k)} after DeleteObjects`);
    await expectSurvivor(bucket, keep);
  },
);

op.check(
  {
    id: 'DeleteObjects/1000-keys',
    spec: '#API_DeleteObjects_RequestSyntax',
    level: 'required',
    title: 'a request with exactly 1000 keys (the maximum) → 200, all 1000 reported <Deleted>',
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html', 'The request can contain a list of up to 1,000 keys that you want to delete.')],
  },
  async ({ bucket }) => {
    const p = uniq();
    const keys = Array.from({ length: 1000 }, (_, i) => `${p}k${i}`);
    await putObjectRaw(rt, bucket, keys[0] as string, 'first');
    const res = await postDelete(bucket, deleteXml(keys));
    expectStatus(res, 200, 'DeleteObjects with 1000 keys');
    const r = parseResult(res);
    expectEqual('number of <Deleted>', r.deleted.length, 1000);
    expectEqual('<Error> entries', r.errors.length, 0);
    expectStatus(await raw(rt, { method: 'HEAD', bucket, key: keys[0] as string }), 404, 'HEAD of the one existing key');
  },
);

op.check(
  {
    id: 'DeleteObjects/1001-keys',
    spec: '#API_DeleteObjects_RequestSyntax',
    level: 'required',
    title: 'a request with 1001 keys → 400 MalformedXML, and nothing is deleted',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html', 'The request can contain a list of up to 1,000 keys that you want to delete.'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'MalformedXML | The XML that you provided was not well formed or did not validate against our published schema.'),
    ],
  },
  async ({ bucket }) => {
    const p = uniq();
    const keys = Array.from({ length: 1001 }, (_, i) => `${p}k${i}`);
    await putObjectRaw(rt, bucket, keys[0] as string, 'survivor');
    const res = await postDelete(bucket, deleteXml(keys));
    expectRawError(res, { status: 400, code: 'MalformedXML' }, 'DeleteObjects with 1001 keys');
    expectStatus(await raw(rt, { method: 'HEAD', bucket, key: keys[0] as string }), 200, 'HEAD of the first key (not deleted)');
  },
);

const MALFORMED: ReadonlyArray<{ id: string; body: string; what: string }> = [
  { id: 'DeleteObjects/malformed-not-xml', body: 'not xml at all', what: 'a body that is not XML' },
  { id: 'DeleteObjects/malformed-unclosed', body: '<Delete><Object><Key>a</Key></Object>', what: 'an unclosed <Delete>' },
  { id: 'DeleteObjects/malformed-wrong-root', body: '<Remove><Object><Key>a</Key></Object></Remove>', what: 'a root element other than <Delete>' },
  { id: 'DeleteObjects/malformed-no-objects', body: '<Delete></Delete>', what: 'a <Delete> with no <Object>' },
];

for (const { id, body, what } of MALFORMED) {
  op.check(
    {
      id,
        spec: '#API_DeleteObjects_RequestSyntax',
      level: 'required',
      title: `DeleteObjects with ${what} → 400 MalformedXML`,
      evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'MalformedXML | The XML that you provided was not well formed or did not validate against our published schema.'),
      peer('https://github.com/aws/aws-sdk-ruby/issues/1114', 'AWS answers MalformedXML to a DeleteObjects request whose <Delete> lists no <Object>'),
    ],
    },
    async ({ bucket }) => {
      const res = await postDelete(bucket, body);
      expectRawError(res, { status: 400, code: 'MalformedXML' }, `DeleteObjects with ${what}`);
    },
  );
}

op.check(
  {
    id: 'DeleteObjects/per-key-access-denied',
    spec: '#API_DeleteObjects_ResponseSyntax',
    level: 'optional',
    needs: ['alt'],
    title: "another user's DeleteObjects on a private bucket → per-key <Error> AccessDenied (200) or 403 AccessDenied; the object survives",
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html', 'For each key, Amazon S3 performs a delete operation and returns the result of that delete, success or failure, in the response.'),
      peer('https://github.com/versity/versitygw/blob/main/tests/integration/DeleteObjects.go', 'DeleteObjects_iam_all_access_denied: the call succeeds and every denied key is an <Error> AccessDenied'),
    ],
  },
  async ({ bucket }) => {
    const key = `${uniq()}private`;
    await putObjectRaw(rt, bucket, key, 'mine');
    const body = deleteXml([key]);
    const res = await raw(rt, { method: 'POST', bucket, query: { delete: '' }, body, auth: 'alt', headers: { 'content-type': 'application/xml', 'content-md5': md5Base64(body) } });
    if (res.status === 200) {
      const r = parseResult(res);
      expectEqual('<Deleted> entries', r.deleted, []);
      expectEqual('<Error> entries', r.errors, [{ key, code: 'AccessDenied' }]);
    } else {
      expectRawError(res, { status: 403, code: 'AccessDenied' }, "another user's DeleteObjects");
    }
    const head = await raw(rt, { method: 'HEAD', bucket, key });
    expectTrue('the object still exists', head.status === 200, '200', head.status);
  },
);

op.check(
  {
    id: 'DeleteObjects/content-md5-mismatch',
    spec: '#API_DeleteObjects_RequestSyntax',
    level: 'required',
    title: 'DeleteObjects whose Content-MD5 is well-formed but not the MD5 of the body → 400 BadDigest, and nothing is deleted',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html', 'Amazon S3 uses the header value to ensure that your request body has not been altered in transit.'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_invalid_content_md5#md5-error-bad-digest', 'a well-formed Content-MD5 that does not match the body → 400 BadDigest (PutObject)'),
    ],
  },
  async ({ bucket }) => {
    const { p, keep } = await freshPrefix(bucket);
    const body = deleteXml([keep]);
    const res = await raw(rt, { method: 'POST', bucket, query: { delete: '' }, body, headers: { 'content-type': 'application/xml', 'content-md5': md5Base64(`${body} `) } });
    expectRawError(res, { status: 400, code: 'BadDigest' }, `DeleteObjects of ${p}keep with a wrong Content-MD5`);
    await expectSurvivor(bucket, keep);
  },
);

op.check(
  {
    id: 'DeleteObjects/percent-keys',
    spec: '#API_DeleteObjects_ResponseSyntax',
    level: 'required',
    title: 'keys holding literal percent-escapes ("a%2Fb", "a/%F0%9F%98%80") are deleted and reported back exactly, not decoded',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_delete_objects_encoding#deleted-resp'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_delete_objects_encoding#list-objects', 'the bucket is empty afterwards'),
    ],
  },
  async ({ bucket }) => {
    const { p, keep } = await freshPrefix(bucket);
    const keys = [`${p}a%2Fb`, `${p}a/%F0%9F%98%80`];
    await putObjectRaw(rt, bucket, `${p}a/b`, 'decoy: the decoded key');
    for (const k of keys) await putObjectRaw(rt, bucket, k, k);
    const res = await postDelete(bucket, deleteXml(keys));
    expectStatus(res, 200, 'DeleteObjects');
    const r = parseResult(res);
    expectEqual('<Deleted><Key> list', sorted(r.deleted), sorted(keys));
    expectEqual('<Error> entries', r.errors, []);
    for (const k of keys) expectStatus(await raw(rt, { method: 'HEAD', bucket, key: k }), 404, `HEAD ${k} after DeleteObjects`);
    expectStatus(await raw(rt, { method: 'HEAD', bucket, key: `${p}a/b` }), 200, 'HEAD of the decoded spelling "a/b" (not deleted)');
    await expectSurvivor(bucket, keep);
  },
);

op.check(
  {
    id: 'DeleteObjects/no-such-bucket',
    spec: '#API_DeleteObjects_ResponseSyntax',
    level: 'required',
    title: 'DeleteObjects on a bucket that does not exist → 404 NoSuchBucket',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_delete_non_existing_keys_in_non_existing_bucket#error-non-existent-bucket')],
  },
  async () => {
    const res = await postDelete(newBucketName(rt, 'missing'), deleteXml(['dummy1', 'dummy2']));
    expectRawError(res, { status: 404, code: 'NoSuchBucket' }, 'DeleteObjects on a missing bucket');
  },
);

op.check(
  {
    id: 'DeleteObjects/missing-content-md5',
    spec: '#API_DeleteObjects_RequestSyntax',
    level: 'required',
    title: 'DeleteObjects with neither Content-MD5 nor an x-amz-checksum-* header → 400, and nothing is deleted',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html', 'General purpose bucket - The Content-MD5 request header is required for all Multi-Object Delete requests.'),
      peer('https://github.com/aws/aws-sdk-cpp/issues/91', 'AWS answered 400 InvalidRequest "Missing required header for this request: Content-MD5" to a DeleteObjects without it'),
    ],
  },
  async ({ bucket }) => {
    const { keep } = await freshPrefix(bucket);
    const body = deleteXml([keep]);
    const res = await raw(rt, { method: 'POST', bucket, query: { delete: '' }, body, headers: { 'content-type': 'application/xml' } });
    expectStatus(res, 400, 'DeleteObjects without Content-MD5 or a checksum header');
    expectTrue('the 400 carries an S3 <Error> document', res.error() !== undefined, '<Error>…</Error>', res.text().slice(0, 200) || '(empty body)');
    await expectSurvivor(bucket, keep);
  },
);

op.check(
  {
    id: 'DeleteObjects/missing-content-md5-code',
    spec: '#API_DeleteObjects_RequestSyntax',
    level: 'optional',
    title: 'the 400 for a DeleteObjects without Content-MD5 or a checksum header has the code InvalidRequest',
    evidence: [
      peer('https://github.com/aws/aws-sdk-cpp/issues/91', 'AWS: <Code>InvalidRequest</Code><Message>Missing required header for this request: Content-MD5</Message>'),
      peer('https://github.com/cognitect-labs/aws-api/issues/40', 'AWS: InvalidRequest "Missing required header for this request: Content-MD5" with an AWS RequestId/HostId'),
      peer('https://github.com/aws/aws-cli/issues/400', 'aws s3api delete-objects without Content-MD5: A client error (InvalidRequest) occurred'),
    ],
  },
  async ({ bucket }) => {
    const { keep } = await freshPrefix(bucket);
    const body = deleteXml([keep]);
    const res = await raw(rt, { method: 'POST', bucket, query: { delete: '' }, body, headers: { 'content-type': 'application/xml' } });
    expectRawError(res, { status: 400, code: 'InvalidRequest' }, 'DeleteObjects without Content-MD5 or a checksum header');
  },
);

op.check(
  {
    id: 'DeleteObjects/checksum-instead-of-content-md5',
    spec: '#API_DeleteObjects_RequestSyntax',
    level: 'optional',
    title: 'DeleteObjects with x-amz-checksum-crc32 (and x-amz-sdk-checksum-algorithm) but no Content-MD5 → 200, the keys are deleted',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_delete_non_existing_keys#deleted-resp', 'recorded (2026) with a boto3 that sends x-amz-checksum-crc32 and no Content-MD5 on DeleteObjects'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html', 'If you provide an individual checksum, Amazon S3 ignores any provided ChecksumAlgorithm parameter.'),
    ],
  },
  async ({ bucket }) => {
    const { p, keep } = await freshPrefix(bucket);
    const key = `${p}crc`;
    await putObjectRaw(rt, bucket, key, 'crc');
    const body = deleteXml([key]);
    const res = await raw(rt, {
      method: 'POST',
      bucket,
      query: { delete: '' },
      body,
      headers: { 'content-type': 'application/xml', 'x-amz-sdk-checksum-algorithm': 'CRC32', 'x-amz-checksum-crc32': crc32Base64(body) },
    });
    expectStatus(res, 200, 'DeleteObjects with x-amz-checksum-crc32 only');
    expectEqual('<Deleted><Key> list', parseResult(res).deleted, [key]);
    expectStatus(await raw(rt, { method: 'HEAD', bucket, key }), 404, 'HEAD after DeleteObjects');
    await expectSurvivor(bucket, keep);
  },
);

op.check(
  {
    id: 'DeleteObjects/unknown-version-id',
    spec: '#API_DeleteObjects_ResponseSyntax',
    level: 'required',
    title: 'an <Object> whose <VersionId> names no version (unversioned bucket) → 200, <Error> NoSuchVersion with its Key, VersionId and a Message; object kept',
    evidence: [recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectCRUD::test_delete_objects#delete-object-wrong-version-id')],
  },
  async ({ bucket }) => {
    const { p, keep } = await freshPrefix(bucket);
    const key = `${p}versioned-ask`;
    await putObjectRaw(rt, bucket, key, 'v');
    const res = await postDelete(bucket, deleteXmlWithVersion([{ key, versionId: UNKNOWN_VERSION_ID }]));
    expectStatus(res, 200, 'DeleteObjects with an unknown VersionId');
    const doc = (res.xml()?.DeleteResult ?? {}) as Record<string, unknown>;
    expectEqual('<Deleted> entries', asList(doc.Deleted as unknown), []);
    const errors = asList(doc.Error as unknown) as Array<Record<string, unknown>>;
    expectEqual('number of <Error> entries', errors.length, 1);
    const e = errors[0] ?? {};
    expectEqual('<Error><Code>', e.Code, 'NoSuchVersion');
    expectEqual('<Error><Key>', e.Key, key);
    expectEqual('<Error><VersionId>', e.VersionId, UNKNOWN_VERSION_ID);
    expectMatch('<Error><Message>', typeof e.Message === 'string' ? e.Message : undefined, /\S/);
    expectStatus(await raw(rt, { method: 'HEAD', bucket, key }), 200, 'HEAD of the key (not deleted)');
    await expectSurvivor(bucket, keep);
  },
);

op.check(
  {
    id: 'DeleteObjects/quiet-reports-errors',
    spec: '#API_DeleteObjects_RequestSyntax',
    level: 'required',
    title: 'Quiet DeleteObjects with one key deleted and one per-key error → 200 with only that <Error> (NoSuchVersion), no <Deleted>',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html', 'In quiet mode the response includes only keys where the delete operation encountered an error.'),
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectCRUD::test_delete_objects#delete-object-wrong-version-id', 'the per-key error of an unknown VersionId: NoSuchVersion'),
    ],
  },
  async ({ bucket }) => {
    const { p, keep } = await freshPrefix(bucket);
    const gone = `${p}gone`;
    const asked = `${p}asked`;
    await putObjectRaw(rt, bucket, gone, 'gone');
    await putObjectRaw(rt, bucket, asked, 'asked');
    const res = await postDelete(bucket, deleteXmlWithVersion([{ key: gone }, { key: asked, versionId: UNKNOWN_VERSION_ID }], true));
    expectStatus(res, 200, 'Quiet DeleteObjects');
    const r = parseResult(res);
    expectEqual('<Deleted> entries in quiet mode', r.deleted, []);
    expectEqual('<Error> entries in quiet mode', r.errors, [{ key: asked, code: 'NoSuchVersion' }]);
    expectStatus(await raw(rt, { method: 'HEAD', bucket, key: gone }), 404, 'HEAD of the deleted key');
    await expectSurvivor(bucket, keep);
  },
);

op.check(
  {
    id: 'DeleteObjects/quiet-access-denied',
    spec: '#API_DeleteObjects_RequestSyntax',
    level: 'optional',
    needs: ['alt'],
    title: "another user's Quiet DeleteObjects on a private bucket → 200 listing the <Error> AccessDenied (no <Deleted>) or 403 AccessDenied; object kept",
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html', 'In quiet mode the response includes only keys where the delete operation encountered an error.'),
      peer('https://github.com/versity/versitygw/blob/main/tests/integration/DeleteObjects.go', 'DeleteObjects_iam_all_access_denied: per-key <Error> AccessDenied, the call itself succeeds'),
    ],
  },
  async ({ bucket }) => {
    const key = `${uniq()}private`;
    await putObjectRaw(rt, bucket, key, 'mine');
    const body = deleteXml([key], true);
    const res = await raw(rt, { method: 'POST', bucket, query: { delete: '' }, body, auth: 'alt', headers: { 'content-type': 'application/xml', 'content-md5': md5Base64(body) } });
    if (res.status === 200) {
      const r = parseResult(res);
      expectEqual('<Deleted> entries in quiet mode', r.deleted, []);
      expectEqual('<Error> entries in quiet mode', r.errors, [{ key, code: 'AccessDenied' }]);
    } else {
      expectRawError(res, { status: 403, code: 'AccessDenied' }, "another user's Quiet DeleteObjects");
    }
    expectStatus(await raw(rt, { method: 'HEAD', bucket, key }), 200, 'HEAD of the object (kept)');
  },
);

op.check(
  {
    id: 'DeleteObjects/result-namespace',
    spec: '#API_DeleteObjects_ResponseSyntax',
    level: 'required',
    title: 'the <DeleteResult> root carries xmlns="http://s3.amazonaws.com/doc/2006-03-01/"',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_batch_delete_public_objects_using_requests#multi-delete-with-requests', 'DeleteResult @xmlns http://s3.amazonaws.com/doc/2006-03-01/')],
  },
  async ({ bucket }) => {
    const { p } = await freshPrefix(bucket);
    const res = await postDelete(bucket, deleteXml([`${p}missing`]));
    expectStatus(res, 200, 'DeleteObjects');
    const root = res.xml()?.DeleteResult as Record<string, unknown> | undefined;
    expectEqual('<DeleteResult xmlns>', root?.['@xmlns'], 'http://s3.amazonaws.com/doc/2006-03-01/');
  },
);

op.check(
  {
    id: 'DeleteObjects/request-id-headers',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html',
    level: 'required',
    title: 'a DeleteObjects answer (200) carries non-empty x-amz-request-id and x-amz-id-2 headers',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html', 'x-amz-request-id: A value created by Amazon S3 that uniquely identifies the request.'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html', 'x-amz-id-2: A special token that is used together with the x-amz-request-id header to help AWS troubleshoot problems.'),
    ],
  },
  async ({ bucket }) => {
    const { p } = await freshPrefix(bucket);
    const res = await postDelete(bucket, deleteXml([`${p}missing`]));
    expectStatus(res, 200, 'DeleteObjects');
    expectHeader(res.headers, 'x-amz-request-id', /\S/);
    expectHeader(res.headers, 'x-amz-id-2', /\S/);
  },
);

op.check(
  {
    id: 'DeleteObjects/error-envelope',
    spec: ERROR_ENVELOPE_SPEC,
    level: 'required',
    title: "POST ?delete to a missing bucket, 404 NoSuchBucket → AWS's error envelope: request ids, application/xml, Code, Message, RequestId",
    evidence: [...ERROR_ENVELOPE_EVIDENCE],
  },
  async () => {
    const missing = newBucketName(rt, 'missing');
    const body = '<Delete><Object><Key>envelope</Key></Object></Delete>';
    const res = await raw(rt, { method: 'POST', bucket: missing, query: { delete: '' }, body, headers: { 'content-type': 'application/xml', 'content-md5': md5Base64(body) } });
    expectErrorEnvelope(res, { status: 404, code: 'NoSuchBucket' }, 'DeleteObjects in a missing bucket');
  },
);

const DELETE_ONE = '<Delete><Object><Key>names-bucket</Key></Object></Delete>';
op.check(
  {
    id: 'DeleteObjects/no-such-bucket-names-bucket',
    spec: '#API_DeleteObjects_RequestSyntax',
    level: 'required',
    title: 'the NoSuchBucket error of POST ?delete in a missing bucket names that bucket in <BucketName>, exactly',
    evidence: [...NO_SUCH_BUCKET_NAMED_EVIDENCE],
  },
  async () => {
    const missing = newBucketName(rt, 'missing');
    const res = await raw(rt, { method: 'POST', bucket: missing, query: { delete: '' }, body: DELETE_ONE, headers: { 'content-type': 'application/xml', 'content-md5': md5Base64(DELETE_ONE) } });
    expectRawError(res, { status: 404, code: 'NoSuchBucket' }, 'DeleteObjects in a missing bucket');
    expectEqual('<Error><BucketName>', res.error()?.bucketName, missing);
  },
);
