import { createServer, request, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FAULTS, operationOf } from './faults/index.ts';
import { startProxy, type RunningProxy } from './proxy.ts';

let upstream: Server;
let upstreamUrl = '';
const seen: Array<{ method?: string; url?: string; host?: string; range?: string }> = [];

beforeAll(async () => {
  upstream = createServer((req, res) => {
    seen.push({ method: req.method, url: req.url, host: req.headers.host, range: req.headers.range });
    if (req.url?.startsWith('/b?list-type=2')) {
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end('<ListBucketResult><IsTruncated>true</IsTruncated><Contents><Key>a</Key></Contents><Contents><Key>b</Key></Contents><NextContinuationToken>t2</NextContinuationToken></ListBucketResult>');
      return;
    }
    if (req.url === '/missing') {
      res.writeHead(400, { 'content-type': 'application/xml' });
      res.end('<Error><Code>InvalidBucketName</Code></Error>');
      return;
    }
    res.writeHead(200, { etag: '"abc"', 'last-modified': 'Wed, 25 Nov 2026 10:00:00 GMT', 'x-amz-meta-a': '1' });
    res.end('hello world');
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', () => r()));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as { port: number }).port}`;
});
afterAll(() => upstream.close());

function get(p: RunningProxy, path: string, method = 'GET', headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: p.port, path, method, headers: { host: 'signed-host:1234', ...headers } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('fault proxy', () => {
  test('without a fault it forwards everything unchanged, Host included', async () => {
    const p = await startProxy(upstreamUrl);
    const r = await get(p, '/b/k', 'GET', { range: 'bytes=0-1' });
    expect(r.status).toBe(200);
    expect(r.body).toBe('hello world');
    expect(r.headers.etag).toBe('"abc"');
    expect(seen.at(-1)).toMatchObject({ host: 'signed-host:1234', range: 'bytes=0-1', url: '/b/k' });
    expect(p.hits()).toBe(0);
    await p.close();
  });

  test('faults rewrite what they target and count their hits', async () => {
    const byId = Object.fromEntries(FAULTS.map((f) => [f.id, f]));
    const p = await startProxy(upstreamUrl, byId['object/get-ignores-range']);
    await get(p, '/b/k', 'GET', { range: 'bytes=0-1' });
    expect(seen.at(-1)?.range).toBeUndefined();
    expect(p.hits()).toBe(1);
    p.setFault(byId['object/get-corrupts-byte']);
    expect((await get(p, '/b/k')).body).not.toBe('hello world');
    p.setFault(byId['object/head-drops-last-modified']);
    const h = await get(p, '/b/k', 'HEAD');
    expect(h.headers['last-modified']).toBeUndefined();
    expect(h.headers['x-amz-meta-a']).toBeUndefined();
    p.setFault(byId['listing/unsorted']);
    expect((await get(p, '/b?list-type=2')).body.indexOf('<Key>b</Key>')).toBeLessThan((await get(p, '/b?list-type=2')).body.indexOf('<Key>a</Key>'));
    p.setFault(byId['listing/repeats-continuation-token']);
    expect((await get(p, '/b?list-type=2&continuation-token=t1')).body).toContain('<NextContinuationToken>t1</NextContinuationToken>');
    p.setFault(byId['naming/accepts-invalid-name']);
    const created = await get(p, '/missing', 'PUT');
    expect(created.status).toBe(200);
    await p.close();
  });

  test('operations are recognised from method, path and query', () => {
    const op = (method: string, url: string, headers: Record<string, string> = {}) => operationOf({ method, url, headers });
    expect(op('GET', '/')).toBe('ListBuckets');
    expect(op('PUT', '/b')).toBe('CreateBucket');
    expect(op('GET', '/b?acl')).toBe('GetBucketAcl');
    expect(op('GET', '/b?list-type=2&prefix=a')).toBe('ListObjectsV2');
    expect(op('GET', '/b?prefix=a')).toBe('ListObjects');
    expect(op('POST', '/b?delete')).toBe('DeleteObjects');
    expect(op('PUT', '/b/k', { 'x-amz-copy-source': '/b/x' })).toBe('CopyObject');
    expect(op('PUT', '/b/k?partNumber=1&uploadId=u')).toBe('UploadPart');
    expect(op('PUT', '/b/k?partNumber=1&uploadId=u', { 'x-amz-copy-source': '/b/x' })).toBe('UploadPartCopy');
    expect(op('POST', '/b/k?uploads')).toBe('CreateMultipartUpload');
    expect(op('POST', '/b/k?uploadId=u')).toBe('CompleteMultipartUpload');
    expect(op('DELETE', '/b/k?uploadId=u')).toBe('AbortMultipartUpload');
    expect(op('GET', '/b/k?uploadId=u')).toBe('ListParts');
    expect(op('HEAD', '/b/k')).toBe('HeadObject');
  });

  test('the catalogue covers every area, and ids are unique', () => {
    expect(new Set(FAULTS.map((f) => f.area))).toEqual(new Set(['object', 'bucket', 'naming', 'listing', 'multipart', 'auth']));
    expect(new Set(FAULTS.map((f) => f.id)).size).toBe(FAULTS.length);
  });
});
