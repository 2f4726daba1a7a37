import { DeleteObjectsCommand } from '@aws-sdk/client-s3';
import { beforeAll } from 'vitest';
import { check, createBucket, expectEqual, expectRawError, expectStatus, expectTrue, fail, raw, type RawResponse, runtime, step } from '../../harness/api/index.ts';
import { API, asList, md5Base64, putObjectRaw } from '../../harness/api/object.ts';

const REF = `${API}API_DeleteObjects.html`;
const rt = runtime();
let bucket: string;
beforeAll(async () => {
  bucket = await createBucket(rt, { hint: 'multidel' });
});

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
async function postDelete(body: string): Promise<RawResponse> {
  return raw(rt, { method: 'POST', bucket, query: { delete: '' }, body, headers: { 'content-type': 'application/xml', 'content-md5': md5Base64(body) } });
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
async function freshPrefix(): Promise<{ p: string; keep: string }> {
  const p = uniq();
  const keep = `${p}keep`;
  await putObjectRaw(rt, bucket, keep, 'keep');
  return { p, keep };
}

async function expectSurvivor(keep: string): Promise<void> {
  expectStatus(await raw(rt, { method: 'HEAD', bucket, key: keep }), 200, `HEAD ${keep} (a key not in the request is not deleted)`);
}

check(
  {
    id: 'DeleteObjects/verbose',
    operation: 'DeleteObjects',
    spec: `${REF}#API_DeleteObjects_ResponseSyntax`,
    level: 'required',
    title: 'verbose DeleteObjects of existing and missing keys (also under an unused prefix) → 200, every key reported <Deleted>, no <Error>, objects gone, others kept',
  },
  async () => {
    const { p, keep } = await freshPrefix();
    const existing = [`${p}a`, `${p}b/c`, `${p}é d`];
    for (const k of existing) await putObjectRaw(rt, bucket, k, k);
    const keys = [...existing, `${p}missing`, `${p}no-such-prefix/missing`];
    const res = await postDelete(deleteXml(keys));
    expectStatus(res, 200, 'DeleteObjects');
    const r = parseResult(res);
    expectEqual('<Deleted><Key> list', sorted(r.deleted), sorted(keys));
    expectEqual('<Error> entries', r.errors, []);
    for (const k of existing) expectStatus(await raw(rt, { method: 'HEAD', bucket, key: k }), 404, `HEAD ${k} after DeleteObjects`);
    await expectSurvivor(keep);
  },
);

check(
  {
    id: 'DeleteObjects/quiet',
    operation: 'DeleteObjects',
    spec: `${REF}#API_DeleteObjects_RequestSyntax`,
    level: 'required',
    title: 'Quiet DeleteObjects → 200 with no <Deleted> entries and no <Error>, and the objects are gone',
  },
  async () => {
    const { p, keep } = await freshPrefix();
    const keys = [`${p}q1`, `${p}q2/x`];
    for (const k of keys) await putObjectRaw(rt, bucket, k, k);
    const res = await postDelete(deleteXml([...keys, `${p}missing`], true));
    expectStatus(res, 200, 'DeleteObjects Quiet');
    const r = parseResult(res);
    expectEqual('<Deleted> entries in quiet mode', r.deleted, []);
    expectEqual('<Error> entries', r.errors, []);
    for (const k of keys) expectStatus(await raw(rt, { method: 'HEAD', bucket, key: k }), 404, `HEAD ${k} after DeleteObjects`);
    await expectSurvivor(keep);
  },
);

check(
  {
    id: 'DeleteObjects/xml-special-keys',
    operation: 'DeleteObjects',
    spec: `${REF}#API_DeleteObjects_RequestSyntax`,
    level: 'required',
    title: 'keys with &, <, >, quotes and apostrophes (XML-escaped in the request) are deleted and reported back exactly',
  },
  async ({ s3 }) => {
    const { p, keep } = await freshPrefix();
    const keys = [`${p}a&b`, `${p}<tag>`, `${p}say "hi"`, `${p}it's`, `${p}&amp;literal`];
    for (const k of keys) await putObjectRaw(rt, bucket, k, 'x');
    const out = await step('DeleteObjects (SDK)', s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys.map((Key) => ({ Key })) } })));
    expectEqual('Deleted keys', sorted((out.Deleted ?? []).map((d) => d.Key ?? '')), sorted(keys));
    expectEqual('Errors', out.Errors ?? [], []);
    for (const k of keys) expectStatus(await raw(rt, { method: 'HEAD', bucket, key: k }), 404, `HEAD ${JSON.stringify(k)} after DeleteObjects`);
    await expectSurvivor(keep);
  },
);

check(
  {
    id: 'DeleteObjects/1000-keys',
    operation: 'DeleteObjects',
    spec: `${REF}#API_DeleteObjects_RequestSyntax`,
    level: 'required',
    title: 'a request with exactly 1000 keys (the maximum) → 200, all 1000 reported <Deleted>',
  },
  async () => {
    const p = uniq();
    const keys = Array.from({ length: 1000 }, (_, i) => `${p}k${i}`);
    await putObjectRaw(rt, bucket, keys[0] as string, 'first');
    const res = await postDelete(deleteXml(keys));
    expectStatus(res, 200, 'DeleteObjects with 1000 keys');
    const r = parseResult(res);
    expectEqual('number of <Deleted>', r.deleted.length, 1000);
    expectEqual('<Error> entries', r.errors.length, 0);
    expectStatus(await raw(rt, { method: 'HEAD', bucket, key: keys[0] as string }), 404, 'HEAD of the one existing key');
  },
);

check(
  {
    id: 'DeleteObjects/1001-keys',
    operation: 'DeleteObjects',
    spec: `${REF}#API_DeleteObjects_RequestSyntax`,
    level: 'required',
    title: 'a request with 1001 keys → 400 MalformedXML, and nothing is deleted',
  },
  async () => {
    const p = uniq();
    const keys = Array.from({ length: 1001 }, (_, i) => `${p}k${i}`);
    await putObjectRaw(rt, bucket, keys[0] as string, 'survivor');
    const res = await postDelete(deleteXml(keys));
    expectRawError(res, { status: 400, code: 'MalformedXML' }, 'DeleteObjects with 1001 keys');
    expectStatus(await raw(rt, { method: 'HEAD', bucket, key: keys[0] as string }), 200, 'HEAD of the first key (not deleted)');
  },
);

const MALFORMED: ReadonlyArray<[string, string, string]> = [
  ['not-xml', 'not xml at all', 'a body that is not XML'],
  ['unclosed', '<Delete><Object><Key>a</Key></Object>', 'an unclosed <Delete>'],
  ['wrong-root', '<Remove><Object><Key>a</Key></Object></Remove>', 'a root element other than <Delete>'],
  ['no-objects', '<Delete></Delete>', 'a <Delete> with no <Object>'],
];

for (const [slug, body, what] of MALFORMED) {
  check(
    {
      id: `DeleteObjects/malformed-${slug}`,
      operation: 'DeleteObjects',
      spec: `${REF}#API_DeleteObjects_RequestSyntax`,
      level: 'required',
      title: `DeleteObjects with ${what} → 400 MalformedXML`,
    },
    async () => {
      const res = await postDelete(body);
      expectRawError(res, { status: 400, code: 'MalformedXML' }, `DeleteObjects with ${what}`);
    },
  );
}

check(
  {
    id: 'DeleteObjects/per-key-access-denied',
    operation: 'DeleteObjects',
    spec: `${REF}#API_DeleteObjects_ResponseSyntax`,
    level: 'optional',
    needs: ['alt'],
    title: "another user's DeleteObjects on a private bucket → per-key <Error> AccessDenied (200) or 403 AccessDenied; the object survives",
  },
  async () => {
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

check(
  {
    id: 'DeleteObjects/content-md5-mismatch',
    operation: 'DeleteObjects',
    spec: `${REF}#API_DeleteObjects_RequestSyntax`,
    level: 'required',
    title: 'DeleteObjects whose Content-MD5 is well-formed but not the MD5 of the body → 400 BadDigest, and nothing is deleted',
  },
  async () => {
    const { p, keep } = await freshPrefix();
    const body = deleteXml([keep]);
    const res = await raw(rt, { method: 'POST', bucket, query: { delete: '' }, body, headers: { 'content-type': 'application/xml', 'content-md5': md5Base64(`${body} `) } });
    expectRawError(res, { status: 400, code: 'BadDigest' }, `DeleteObjects of ${p}keep with a wrong Content-MD5`);
    await expectSurvivor(keep);
  },
);
