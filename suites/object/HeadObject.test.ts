import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll } from 'vitest';
import { check, createBucket, expectEqual, expectS3Error, expectStatus, newBucketName, raw, runtime } from '../../harness/api/index.ts';
import { API, expectGetMatches, expectHeadMatches, putObjectRaw, serverDate } from '../../harness/api/object.ts';
import { bytesFromSeed } from '../../fixtures/arbitraries/object.ts';
import { CONDITIONALS, conditionalHeaders, type ConditionalRow } from './conditionals.ts';

const REF = `${API}API_HeadObject.html`;
const rt = runtime();
let bucket: string;
const KEY = 'head/object';
const body = bytesFromSeed(2048, 5);
let etag = '';
let lastModified = '';

beforeAll(async () => {
  bucket = await createBucket(rt, { hint: 'head' });
  await putObjectRaw(rt, bucket, KEY, body);
  const head = await raw(rt, { method: 'HEAD', bucket, key: KEY });
  etag = head.headers.etag ?? '';
  lastModified = head.headers['last-modified'] ?? '';
});

check(
  {
    id: 'HeadObject/same-headers-as-get',
    operation: 'HeadObject',
    spec: `${REF}#API_HeadObject_ResponseSyntax`,
    level: 'required',
    title: 'HEAD → 200, no body, and the same ETag, Content-Length, Last-Modified, Content-Type/-Language/-Disposition/-Encoding, Cache-Control, Expires and metadata as GET',
  },
  async () => {
    const key = 'head/with-meta';
    const b = bytesFromSeed(777, 6);
    const headers = {
      'content-type': 'text/csv',
      'cache-control': 'max-age=60',
      'content-disposition': 'inline',
      'content-language': 'de-CH',
      'content-encoding': 'identity',
      expires: 'Fri, 01 Jan 2036 00:00:00 GMT',
    };
    const put = await putObjectRaw(rt, bucket, key, b, { ...headers, 'x-amz-meta-Mixed-Case': 'Value 1' });
    const w = { body: b, headers, meta: { 'mixed-case': 'Value 1' }, putAt: serverDate(put) };
    const get = await expectGetMatches(rt, bucket, key, w);
    await expectHeadMatches(rt, bucket, key, w, get);
  },
);

check(
  {
    id: 'HeadObject/no-such-key',
    operation: 'HeadObject',
    spec: `${REF}#API_HeadObject_Errors`,
    level: 'required',
    title: 'HEAD of a missing key → 404 with no body',
  },
  async ({ s3 }) => {
    const res = await raw(rt, { method: 'HEAD', bucket, key: 'missing/head' });
    expectStatus(res, 404, 'HEAD of a missing key');
    expectEqual('HEAD 404 body length', res.body.length, 0);
    await expectS3Error(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'missing/head' })), { status: 404 });
  },
);

check(
  {
    id: 'HeadObject/no-such-bucket',
    operation: 'HeadObject',
    spec: `${REF}#API_HeadObject_Errors`,
    level: 'required',
    title: 'HEAD of a key in a bucket that does not exist → 404 with no body',
  },
  async () => {
    const res = await raw(rt, { method: 'HEAD', bucket: newBucketName(rt, 'missing'), key: 'k' });
    expectStatus(res, 404, 'HEAD in a missing bucket');
    expectEqual('HEAD 404 body length', res.body.length, 0);
  },
);

async function conditionalHead(row: ConditionalRow): Promise<void> {
  const headers = conditionalHeaders(row, etag, lastModified);
  const res = await raw(rt, { method: 'HEAD', bucket, key: KEY, headers });
  const what = `HEAD with ${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join(', ')}`;
  expectStatus(res, row.status, what);
  expectEqual(`${what}: body length`, res.body.length, 0);
  if (row.status === 200) {
    expectEqual(`${what}: ETag`, res.headers.etag, etag);
    expectEqual(`${what}: Content-Length`, res.headers['content-length'], String(body.length));
  }
}

for (const row of CONDITIONALS) {
  check(
    {
      id: `HeadObject/conditional-${row.slug}`,
      operation: 'HeadObject',
      spec: `${REF}#API_HeadObject_RequestSyntax`,
      level: row.level ?? 'required',
      title: `HEAD with ${row.title} → ${row.status}`,
    },
    async () => {
      await conditionalHead(row);
    },
  );
}
