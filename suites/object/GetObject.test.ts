import { GetObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll } from 'vitest';
import fc from 'fast-check';
import { check, createBucket, expectEqual, expectHeader, expectMatch, expectRawError, expectS3Error, expectStatus, expectTrue, newBucketName, property, raw, runtime } from '../../harness/api/index.ts';
import { API, ERROR_BODY, ERRORS, expectBytes, expectGetMatches, putObjectRaw, quotedMd5, serverDate } from '../../harness/api/object.ts';
import { bytesFromSeed, rangeArb, rangeHeader, rangeSelect } from '../../fixtures/arbitraries/object.ts';
import { CONDITIONALS, conditionalHeaders, type ConditionalRow } from './conditionals.ts';

const REF = `${API}API_GetObject.html`;
const rt = runtime();
let bucket: string;
/** One object per size for the range property; one object for the conditionals and overrides. */
const SIZES = [1, 2, 100, 65_537] as const;
const objects = new Map<number, Buffer>();
const CKEY = 'conditional/object';
const cbody = bytesFromSeed(1000, 42);
let cEtag = '';
let cLastModified = '';

beforeAll(async () => {
  bucket = await createBucket(rt, { hint: 'get' });
  for (const size of SIZES) {
    const body = bytesFromSeed(size, size);
    await putObjectRaw(rt, bucket, `range/${size}`, body);
    objects.set(size, body);
  }
  await putObjectRaw(rt, bucket, CKEY, cbody);
  const head = await raw(rt, { method: 'HEAD', bucket, key: CKEY });
  cEtag = head.headers.etag ?? '';
  cLastModified = head.headers['last-modified'] ?? '';
});

// ---- the stored representation --------------------------------------------------------------

check(
  {
    id: 'GetObject/stored-headers',
    operation: 'GetObject',
    spec: `${REF}#API_GetObject_ResponseSyntax`,
    level: 'required',
    title: 'GET → 200, bytes, quoted-MD5 ETag, Content-Length, IMF-fixdate Last-Modified, and the Content-*, Cache-Control, Expires, x-amz-meta-* the PUT wrote',
  },
  async () => {
    const key = 'stored/headers';
    const body = bytesFromSeed(513, 77);
    const headers = {
      'content-type': 'text/csv',
      'content-language': 'ko-KR',
      'content-disposition': 'attachment; filename="report.csv"',
      'content-encoding': 'identity',
      'cache-control': 'max-age=120, private',
      expires: 'Wed, 21 Oct 2037 07:28:00 GMT',
    };
    const meta = { colour: 'Blue Green', 'two-words': 'a=b; c' };
    const put = await putObjectRaw(rt, bucket, key, body, { ...headers, 'x-amz-meta-colour': meta.colour, 'x-amz-meta-Two-Words': meta['two-words'] });
    await expectGetMatches(rt, bucket, key, { body, headers, meta, putAt: serverDate(put) });
  },
);

// ---- ranges ---------------------------------------------------------------------------------

const rangeCase = fc.constantFrom(...SIZES).chain((size) => fc.record({ size: fc.constant(size), range: rangeArb(size) }));

property(
  {
    id: 'GetObject/range',
    operation: 'GetObject',
    spec: `${REF}#API_GetObject_RequestSyntax`,
    level: 'required',
    title: 'any satisfiable bytes=a-b, bytes=a-, bytes=-n → 206 with exactly those bytes, Content-Range and Content-Length right',
    maxRuns: 30,
    examples: [
      { c: { size: 65_537, range: { kind: 'closed', first: 0, last: 0 } } },
      { c: { size: 100, range: { kind: 'suffix', length: 200 } } },
      { c: { size: 65_537, range: { kind: 'suffix', length: 10 } } },
      { c: { size: 100, range: { kind: 'open', first: 37 } } },
    ],
  },
  { c: rangeCase },
  async ({ c }) => {
    const body = objects.get(c.size) as Buffer;
    const header = rangeHeader(c.range);
    const res = await raw(rt, { method: 'GET', bucket, key: `range/${c.size}`, headers: { range: header } });
    expectStatus(res, 206, `GET Range: ${header}`);
    const { first, last } = rangeSelect(c.range, c.size);
    expectHeader(res.headers, 'content-range', `bytes ${first}-${last}/${c.size}`);
    expectHeader(res.headers, 'content-length', String(last - first + 1));
    expectBytes(`GET Range: ${header} body`, res.body, body.subarray(first, last + 1));
    expectHeader(res.headers, 'etag', quotedMd5(body));
  },
);

const UNSATISFIABLE: ReadonlyArray<[string, (size: number) => string]> = [
  ['first-at-size', (s) => `bytes=${s}-`],
  ['first-beyond-size', (s) => `bytes=${s + 10}-${s + 20}`],
];

for (const [slug, make] of UNSATISFIABLE) {
  check(
    {
      id: `GetObject/range-unsatisfiable-${slug}`,
      operation: 'GetObject',
      spec: ERRORS,
      level: 'required',
      title: `a range whose first byte is ${slug === 'first-at-size' ? 'the object size' : 'past the end'} → 416 InvalidRange`,
    },
    async () => {
      const header = make(100);
      const res = await raw(rt, { method: 'GET', bucket, key: 'range/100', headers: { range: header } });
      expectRawError(res, { status: 416, code: 'InvalidRange' }, `GET Range: ${header}`);
    },
  );
}

// ---- conditionals (RFC 7232 precedence as the GetObject page documents it) --------------------

for (const row of CONDITIONALS) {
  check(
    {
      id: `GetObject/conditional-${row.slug}`,
      operation: 'GetObject',
      spec: `${REF}#API_GetObject_RequestSyntax`,
      level: row.level ?? 'required',
      title: `GET with ${row.title} → ${row.status}`,
    },
    async () => {
      await conditionalGet(row, 'GET');
    },
  );
}

export async function conditionalGet(row: ConditionalRow, method: 'GET' | 'HEAD'): Promise<void> {
  const headers = conditionalHeaders(row, cEtag, cLastModified);
  const res = await raw(rt, { method, bucket, key: CKEY, headers });
  const what = `${method} with ${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join(', ')}`;
  expectStatus(res, row.status, what);
  if (row.status === 200) {
    if (method === 'GET') expectBytes(`${what} body`, res.body, cbody);
    expectHeader(res.headers, 'etag', cEtag);
  } else if (row.status === 304) {
    expectEqual(`${what}: 304 carries no body`, res.body.length, 0);
  } else if (method === 'GET') {
    expectRawError(res, { status: 412, code: 'PreconditionFailed' }, what);
  } else {
    expectEqual(`${what}: HEAD 412 carries no body`, res.body.length, 0);
  }
}

check(
  {
    id: 'GetObject/not-modified-etag',
    operation: 'GetObject',
    spec: `${REF}#API_GetObject_RequestSyntax`,
    level: 'optional',
    title: 'a 304 Not Modified answer carries the ETag a 200 would have carried (RFC 7232 §4.1)',
  },
  async () => {
    const res = await raw(rt, { method: 'GET', bucket, key: CKEY, headers: { 'if-none-match': cEtag } });
    expectStatus(res, 304, 'GET with If-None-Match: <its ETag>');
    expectHeader(res.headers, 'etag', cEtag);
  },
);

// ---- response header overrides --------------------------------------------------------------

check(
  {
    id: 'GetObject/response-header-overrides',
    operation: 'GetObject',
    spec: `${REF}#API_GetObject_RequestSyntax`,
    level: 'required',
    title: 'signed GET with response-content-type/-language/-disposition/-encoding, response-cache-control, response-expires → those headers',
  },
  async () => {
    const want: Record<string, string> = {
      'content-type': 'text/x-override; charset=utf-8',
      'content-language': 'ko-KR',
      'content-disposition': 'attachment; filename="over ride.txt"',
      'content-encoding': 'identity',
      'cache-control': 'no-store, max-age=0',
      expires: 'Thu, 01 Dec 2033 16:00:00 GMT',
    };
    const query = Object.fromEntries(Object.entries(want).map(([k, v]) => [`response-${k}`, v]));
    const res = await raw(rt, { method: 'GET', bucket, key: CKEY, query });
    expectStatus(res, 200, 'GET with response-* overrides');
    for (const [k, v] of Object.entries(want)) expectHeader(res.headers, k, v);
    expectBytes('GET with overrides body', res.body, cbody);
  },
);

// ---- errors ---------------------------------------------------------------------------------

check(
  {
    id: 'GetObject/no-such-key',
    operation: 'GetObject',
    spec: `${REF}#API_GetObject_Errors`,
    level: 'required',
    title: 'GET of a missing key → 404 NoSuchKey',
  },
  async () => {
    const res = await raw(rt, { method: 'GET', bucket, key: 'missing/plain' });
    expectRawError(res, { status: 404, code: 'NoSuchKey' }, 'GET of a missing key');
  },
);

check(
  {
    id: 'GetObject/no-such-key-names-key',
    operation: 'GetObject',
    spec: `${REF}#API_GetObject_Errors`,
    level: 'required',
    title: 'the NoSuchKey error body names the missing key in <Key>, exactly (UTF-8, special characters)',
  },
  async () => {
    const key = 'missing/é ?#+&<key>';
    const res = await raw(rt, { method: 'GET', bucket, key });
    expectRawError(res, { status: 404, code: 'NoSuchKey' }, 'GET of a missing key');
    expectEqual('<Error><Key>', res.error()?.key, key);
  },
);

check(
  {
    id: 'GetObject/error-body-shape',
    operation: 'GetObject',
    spec: ERROR_BODY,
    level: 'required',
    title: 'an error answer is an XML <Error> document (application/xml) with Code, Message and RequestId',
  },
  async () => {
    const res = await raw(rt, { method: 'GET', bucket, key: 'missing/shape' });
    expectStatus(res, 404, 'GET of a missing key');
    expectMatch('Content-Type of the error', res.headers['content-type'], /^(application|text)\/xml\b/);
    const doc = res.xml();
    expectTrue('body is an <Error> document', doc !== undefined && typeof doc.Error === 'object', '<Error>…</Error>', res.text().slice(0, 200));
    const err = res.error() ?? {};
    expectEqual('<Error><Code>', err.code, 'NoSuchKey');
    expectTrue('<Error><Message> present and non-empty', typeof err.message === 'string' && err.message.length > 0, 'a message', err.message);
    expectTrue('<Error><RequestId> present and non-empty', typeof err.requestId === 'string' && err.requestId.length > 0, 'a request id', err.requestId);
  },
);

check(
  {
    id: 'GetObject/error-body-resource',
    operation: 'GetObject',
    spec: ERROR_BODY,
    level: 'optional',
    title: 'the XML error body carries <Resource> naming the bucket or object (the documented error-response shape)',
  },
  async () => {
    const res = await raw(rt, { method: 'GET', bucket, key: 'missing/resource' });
    expectStatus(res, 404, 'GET of a missing key');
    const r = res.error()?.resource;
    expectTrue('<Error><Resource> names the object', typeof r === 'string' && r.includes('missing/resource'), `a Resource containing "missing/resource"`, r);
  },
);

check(
  {
    id: 'GetObject/no-such-bucket',
    operation: 'GetObject',
    spec: ERRORS,
    level: 'required',
    title: 'GET of a key in a bucket that does not exist → 404 NoSuchBucket',
  },
  async ({ s3 }) => {
    const missing = newBucketName(rt, 'missing');
    await expectS3Error(s3.send(new GetObjectCommand({ Bucket: missing, Key: 'k' })), { status: 404, code: 'NoSuchBucket' });
  },
);
