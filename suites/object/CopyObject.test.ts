import { CopyObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll } from 'vitest';
import { check, createBucket, encodeKey, expectEqual, expectMatch, expectRawError, expectS3Error, expectStatus, ISO_TIMESTAMP, newBucketName, property, raw, type RawResponse, runtime, step } from '../../harness/api/index.ts';
import { API, ERRORS, expectGetMatches, putObjectRaw, quotedMd5, serverDate, userMetadata } from '../../harness/api/object.ts';
import { bytesFromSeed, keyArb } from '../../fixtures/arbitraries/object.ts';

const REF = `${API}API_CopyObject.html`;
const rt = runtime();
let bucket: string;
let other: string;
beforeAll(async () => {
  bucket = await createBucket(rt, { hint: 'copy' });
  other = await createBucket(rt, { hint: 'copy-dst' });
});

let n = 0;
const uniq = (): string => `${(n++).toString(36)}/`;
const source = (b: string, key: string): string => `/${b}/${encodeKey(key)}`;

/**
 * A 200 CopyObject answer: <CopyObjectResult> with the source's MD5 as ETag and an ISO
 * LastModified. Whether the ETag is quoted is its own check (CopyObject/result-etag-quoted).
 */
function expectCopyResult(res: RawResponse, etag: string): void {
  expectStatus(res, 200, 'CopyObject');
  const r = res.xml()?.CopyObjectResult as Record<string, unknown> | undefined;
  const got = typeof r?.ETag === 'string' ? r.ETag.replace(/^"(.*)"$/, '$1') : r?.ETag;
  expectEqual('<CopyObjectResult><ETag> (the MD5 of the source)', got, etag.replace(/^"(.*)"$/, '$1'));
  expectMatch('<CopyObjectResult><LastModified>', typeof r?.LastModified === 'string' ? r.LastModified : undefined, ISO_TIMESTAMP);
}

async function copyRaw(dstBucket: string, dstKey: string, src: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return raw(rt, { method: 'PUT', bucket: dstBucket, key: dstKey, headers: { 'x-amz-copy-source': src, ...headers } });
}

check(
  {
    id: 'CopyObject/same-bucket',
    operation: 'CopyObject',
    spec: `${REF}#API_CopyObject_ResponseSyntax`,
    level: 'required',
    title: 'copy within a bucket → 200 CopyObjectResult (source ETag, ISO LastModified); the copy has the bytes, Content-Type and metadata',
  },
  async () => {
    const src = `${uniq()}src`;
    const body = bytesFromSeed(70_000, 21);
    await putObjectRaw(rt, bucket, src, body, { 'content-type': 'image/gif', 'x-amz-meta-colour': 'blue' });
    const dst = `${uniq()}dst`;
    const res = await copyRaw(bucket, dst, source(bucket, src));
    expectCopyResult(res, quotedMd5(body));
    await expectGetMatches(rt, bucket, dst, { body, meta: { colour: 'blue' }, headers: { 'content-type': 'image/gif' }, putAt: serverDate(res) });
  },
);

check(
  {
    id: 'CopyObject/result-etag-quoted',
    operation: 'CopyObject',
    spec: `${REF}#API_CopyObject_ResponseSyntax`,
    level: 'required',
    title: '<CopyObjectResult><ETag> is the quoted MD5 of the body, exactly as GET/HEAD return the ETag',
  },
  async () => {
    const src = `${uniq()}src`;
    const body = bytesFromSeed(100, 24);
    await putObjectRaw(rt, bucket, src, body);
    const res = await copyRaw(bucket, `${uniq()}dst`, source(bucket, src));
    expectStatus(res, 200, 'CopyObject');
    const r = res.xml()?.CopyObjectResult as Record<string, unknown> | undefined;
    expectEqual('<CopyObjectResult><ETag>', r?.ETag, quotedMd5(body));
  },
);

check(
  {
    id: 'CopyObject/across-buckets',
    operation: 'CopyObject',
    spec: `${REF}#API_CopyObject_ResponseSyntax`,
    level: 'required',
    title: 'copy into another bucket (SDK) → 200, ETag of the source; the copy reads back byte for byte',
  },
  async ({ s3 }) => {
    const src = `${uniq()}src`;
    const body = bytesFromSeed(1234, 22);
    await putObjectRaw(rt, bucket, src, body);
    const out = await step('CopyObject across buckets', s3.send(new CopyObjectCommand({ Bucket: other, Key: 'copied', CopySource: source(bucket, src) })));
    expectEqual('CopyObjectResult.ETag (the MD5 of the source)', out.CopyObjectResult?.ETag?.replace(/^"(.*)"$/, '$1'), quotedMd5(body).slice(1, -1));
    expectEqual('CopyObjectResult.LastModified is a date', out.CopyObjectResult?.LastModified instanceof Date, true);
    await expectGetMatches(rt, other, 'copied', { body });
  },
);

check(
  {
    id: 'CopyObject/onto-itself-without-replace',
    operation: 'CopyObject',
    spec: `${REF}#API_CopyObject_RequestSyntax`,
    level: 'required',
    title: 'copy an object onto itself without changing anything (MetadataDirective COPY) → 400 InvalidRequest',
  },
  async () => {
    const key = `${uniq()}self`;
    await putObjectRaw(rt, bucket, key, 'self');
    const res = await copyRaw(bucket, key, source(bucket, key));
    expectRawError(res, { status: 400, code: 'InvalidRequest' }, 'CopyObject onto itself');
  },
);

check(
  {
    id: 'CopyObject/onto-itself-replace',
    operation: 'CopyObject',
    spec: `${REF}#API_CopyObject_RequestSyntax`,
    level: 'required',
    title: 'copy an object onto itself with MetadataDirective REPLACE → 200, bytes kept, metadata and Content-Type replaced',
  },
  async () => {
    const key = `${uniq()}self-replace`;
    const body = bytesFromSeed(300, 23);
    await putObjectRaw(rt, bucket, key, body, { 'x-amz-meta-old': 'o', 'content-type': 'text/plain' });
    const res = await copyRaw(bucket, key, source(bucket, key), { 'x-amz-metadata-directive': 'REPLACE', 'x-amz-meta-new': 'n', 'content-type': 'application/json' });
    expectCopyResult(res, quotedMd5(body));
    await expectGetMatches(rt, bucket, key, { body, meta: { new: 'n' }, headers: { 'content-type': 'application/json' }, putAt: serverDate(res) });
  },
);

check(
  {
    id: 'CopyObject/metadata-directive-copy',
    operation: 'CopyObject',
    spec: `${REF}#API_CopyObject_RequestSyntax`,
    level: 'required',
    title: 'MetadataDirective COPY: metadata sent with the request is ignored, the source metadata is copied',
  },
  async () => {
    const src = `${uniq()}src`;
    await putObjectRaw(rt, bucket, src, 'meta', { 'x-amz-meta-a': 'from-source' });
    const dst = `${uniq()}dst`;
    const res = await copyRaw(bucket, dst, source(bucket, src), { 'x-amz-metadata-directive': 'COPY', 'x-amz-meta-a': 'from-request', 'x-amz-meta-b': 'extra' });
    expectCopyResult(res, quotedMd5('meta'));
    const head = await raw(rt, { method: 'HEAD', bucket, key: dst });
    expectStatus(head, 200, 'HEAD of the copy');
    expectEqual('metadata of the copy', userMetadata(head.headers), { a: 'from-source' });
  },
);

check(
  {
    id: 'CopyObject/metadata-directive-replace',
    operation: 'CopyObject',
    spec: `${REF}#API_CopyObject_RequestSyntax`,
    level: 'required',
    title: 'MetadataDirective REPLACE: the copy has exactly the request metadata and Content-Type, none of the source metadata',
  },
  async () => {
    const src = `${uniq()}src`;
    await putObjectRaw(rt, bucket, src, 'meta', { 'x-amz-meta-a': 'from-source', 'x-amz-meta-keep': 'no', 'content-type': 'text/plain' });
    const dst = `${uniq()}dst`;
    const res = await copyRaw(bucket, dst, source(bucket, src), { 'x-amz-metadata-directive': 'REPLACE', 'x-amz-meta-a': 'from-request', 'content-type': 'text/csv' });
    expectCopyResult(res, quotedMd5('meta'));
    const head = await raw(rt, { method: 'HEAD', bucket, key: dst });
    expectStatus(head, 200, 'HEAD of the copy');
    expectEqual('metadata of the copy', userMetadata(head.headers), { a: 'from-request' });
    expectEqual('Content-Type of the copy', head.headers['content-type'], 'text/csv');
  },
);

check(
  {
    id: 'CopyObject/metadata-directive-invalid',
    operation: 'CopyObject',
    spec: `${REF}#API_CopyObject_RequestSyntax`,
    level: 'required',
    title: 'x-amz-metadata-directive other than COPY or REPLACE → 400 InvalidArgument, and nothing is copied',
  },
  async () => {
    const src = `${uniq()}src`;
    await putObjectRaw(rt, bucket, src, 'directive');
    const dst = `${uniq()}dst`;
    const res = await copyRaw(bucket, dst, source(bucket, src), { 'x-amz-metadata-directive': 'MERGE' });
    expectRawError(res, { status: 400, code: 'InvalidArgument' }, 'CopyObject with x-amz-metadata-directive: MERGE');
    expectStatus(await raw(rt, { method: 'HEAD', bucket, key: dst }), 404, 'HEAD of the destination (nothing copied)');
  },
);

property(
  {
    id: 'CopyObject/special-keys',
    operation: 'CopyObject',
    spec: `${REF}#API_CopyObject_RequestSyntax`,
    level: 'required',
    title: 'x-amz-copy-source URL-encoded for any key (special, multibyte characters) copies that exact object to that exact key',
    maxRuns: 10,
    examples: [{ key: 'a b+c%2Fd?e#f&g' }],
  },
  { key: keyArb },
  async ({ key }) => {
    const body = Buffer.from(`copy:${key}`);
    await putObjectRaw(rt, bucket, key, body);
    const dst = `copy-of/${key}`;
    const res = await copyRaw(bucket, dst, source(bucket, key));
    expectCopyResult(res, quotedMd5(body));
    await expectGetMatches(rt, bucket, dst, { body });
  },
);

// ---- copy-source conditionals (a fixed table) -----------------------------------------------

interface CopyCond {
  slug: string;
  title: string;
  headers: (etag: string, lm: Date) => Record<string, string>;
  status: 200 | 412;
}
const dayBefore = (d: Date): string => new Date(d.getTime() - 86_400_000).toUTCString();
const OTHER = '"00000000000000000000000000000000"';
const COPY_CONDS: readonly CopyCond[] = [
  { slug: 'if-match-true', title: 'x-amz-copy-source-if-match: <its ETag>', headers: (e) => ({ 'x-amz-copy-source-if-match': e }), status: 200 },
  { slug: 'if-match-false', title: 'x-amz-copy-source-if-match: <another ETag>', headers: () => ({ 'x-amz-copy-source-if-match': OTHER }), status: 412 },
  { slug: 'if-none-match-true', title: 'x-amz-copy-source-if-none-match: <another ETag>', headers: () => ({ 'x-amz-copy-source-if-none-match': OTHER }), status: 200 },
  { slug: 'if-none-match-false', title: 'x-amz-copy-source-if-none-match: <its ETag>', headers: (e) => ({ 'x-amz-copy-source-if-none-match': e }), status: 412 },
  { slug: 'if-modified-since-true', title: 'x-amz-copy-source-if-modified-since: a day before', headers: (_e, lm) => ({ 'x-amz-copy-source-if-modified-since': dayBefore(lm) }), status: 200 },
  { slug: 'if-modified-since-false', title: 'x-amz-copy-source-if-modified-since: its Last-Modified', headers: (_e, lm) => ({ 'x-amz-copy-source-if-modified-since': lm.toUTCString() }), status: 412 },
  { slug: 'if-unmodified-since-true', title: 'x-amz-copy-source-if-unmodified-since: its Last-Modified', headers: (_e, lm) => ({ 'x-amz-copy-source-if-unmodified-since': lm.toUTCString() }), status: 200 },
  { slug: 'if-unmodified-since-false', title: 'x-amz-copy-source-if-unmodified-since: a day before', headers: (_e, lm) => ({ 'x-amz-copy-source-if-unmodified-since': dayBefore(lm) }), status: 412 },
  {
    slug: 'if-match-true-if-unmodified-since-false',
    title: 'copy-source if-match true + if-unmodified-since false (documented: 200)',
    headers: (e, lm) => ({ 'x-amz-copy-source-if-match': e, 'x-amz-copy-source-if-unmodified-since': dayBefore(lm) }),
    status: 200,
  },
  {
    slug: 'if-none-match-false-if-modified-since-true',
    title: 'copy-source if-none-match false + if-modified-since true (documented: 412)',
    headers: (e, lm) => ({ 'x-amz-copy-source-if-none-match': e, 'x-amz-copy-source-if-modified-since': dayBefore(lm) }),
    status: 412,
  },
];

for (const row of COPY_CONDS) {
  check(
    {
      id: `CopyObject/conditional-${row.slug}`,
      operation: 'CopyObject',
      spec: `${REF}#API_CopyObject_RequestSyntax`,
      level: 'required',
      title: `CopyObject with ${row.title} → ${row.status === 200 ? '200' : '412 PreconditionFailed, nothing copied'}`,
    },
    async () => {
      const src = `${uniq()}cond-src`;
      const body = Buffer.from(`conditional ${row.slug}`);
      await putObjectRaw(rt, bucket, src, body);
      const head = await raw(rt, { method: 'HEAD', bucket, key: src });
      const etag = head.headers.etag ?? '';
      const lm = new Date(head.headers['last-modified'] ?? '');
      const dst = `${uniq()}cond-dst`;
      const res = await copyRaw(bucket, dst, source(bucket, src), row.headers(etag, lm));
      if (row.status === 200) {
        expectCopyResult(res, quotedMd5(body));
      } else {
        expectRawError(res, { status: 412, code: 'PreconditionFailed' }, `CopyObject with ${row.title}`);
        expectStatus(await raw(rt, { method: 'HEAD', bucket, key: dst }), 404, 'HEAD of the destination (nothing copied)');
      }
    },
  );
}

// ---- errors ---------------------------------------------------------------------------------

check(
  {
    id: 'CopyObject/missing-source-key',
    operation: 'CopyObject',
    spec: ERRORS,
    level: 'required',
    title: 'copy from a source key that does not exist → 404 NoSuchKey',
  },
  async ({ s3 }) => {
    await expectS3Error(s3.send(new CopyObjectCommand({ Bucket: bucket, Key: 'dst', CopySource: source(bucket, 'no/such/source') })), { status: 404, code: 'NoSuchKey' });
  },
);

check(
  {
    id: 'CopyObject/missing-source-bucket',
    operation: 'CopyObject',
    spec: ERRORS,
    level: 'required',
    title: 'copy from a source bucket that does not exist → 404 NoSuchBucket',
  },
  async ({ s3 }) => {
    const missing = newBucketName(rt, 'missing');
    await expectS3Error(s3.send(new CopyObjectCommand({ Bucket: bucket, Key: 'dst', CopySource: source(missing, 'k') })), { status: 404, code: 'NoSuchBucket' });
  },
);
