import { describe, expect, test } from 'vitest';
import { buildRequest, encodeKey, requestTarget, sign } from './raw.ts';
import type { Runtime } from '../run/runtime.ts';

const rt = { endpoint: 'http://127.0.0.1:9000/base', region: 'us-east-1', pathStyle: true, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }, requestTimeoutMs: 1000 } as unknown as Runtime;

describe('raw requests', () => {
  test('S3 key encoding: every byte but unreserved characters and "/"', () => {
    expect(encodeKey("a b+c/d~e_f.g-h!'()*%?#é")).toBe('a%20b%2Bc/d~e_f.g-h%21%27%28%29%2A%25%3F%23%C3%A9');
    expect(encodeKey('//x/./../')).toBe('//x/./../');
  });
  test('path style and virtual-hosted style targets', () => {
    expect(requestTarget(rt, 'b', 'k 1')).toMatchObject({ hostname: '127.0.0.1', port: 9000, path: '/base/b/k%201' });
    expect(requestTarget({ ...rt, pathStyle: false }, 'b', 'k')).toMatchObject({ hostname: 'b.127.0.0.1', path: '/base/k' });
    expect(requestTarget(rt).path).toBe('/base/');
  });
  test('a bare query flag is signed as "flag=" (and sent so)', async () => {
    const date = new Date('2026-11-25T00:00:00Z');
    const a = await sign(rt, buildRequest(rt, { method: 'POST', bucket: 'b', key: 'k', query: { uploads: null } }), { method: 'POST', signingDate: date });
    const b = await sign(rt, buildRequest(rt, { method: 'POST', bucket: 'b', key: 'k', query: { uploads: '' } }), { method: 'POST', signingDate: date });
    expect(a.query).toEqual({ uploads: '' });
    expect(a.headers.authorization).toBe(b.headers.authorization);
    const c = await sign(rt, buildRequest(rt, { method: 'POST', bucket: 'b', key: 'k' }), { method: 'POST', signingDate: date });
    expect(c.headers.authorization).not.toBe(a.headers.authorization);
  });
  test('content-length is set for bodies; unsigned payload is declared', async () => {
    const r = buildRequest(rt, { method: 'PUT', bucket: 'b', key: 'k', body: 'héllo' });
    expect(r.headers['content-length']).toBe('6');
    const s = await sign(rt, r, { method: 'PUT', unsignedPayload: true });
    expect(s.headers['x-amz-content-sha256']).toBe('UNSIGNED-PAYLOAD');
    expect(s.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/s3\/aws4_request/);
  });
});

describe('throttled answers', () => {
  test('a 503 SlowDown that outlasts the retries reaches the caller and is counted (HEAD: no body to name it)', async () => {
    const { createServer } = await import('node:http');
    const { counters } = await import('./http.ts');
    const { raw } = await import('./raw.ts');
    let seen = 0;
    const server = createServer((req, res) => {
      seen++;
      req.resume();
      res.writeHead(503, { 'content-type': 'application/xml' });
      res.end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      const port = (server.address() as { port: number }).port;
      const local = { ...rt, endpoint: `http://127.0.0.1:${port}`, requestTimeoutMs: 5000 } as unknown as Runtime;
      const before = { ...counters };
      const head = await raw(local, { method: 'HEAD', bucket: 'b', key: 'k', headers: { range: 'bytes=10-19' } });
      expect(head.status).toBe(503);
      expect(seen).toBe(5); // the first attempt and 4 retries
      expect(counters.throttleRetries - before.throttleRetries).toBe(4);
      expect(counters.throttledAnswers - before.throttledAnswers).toBe(1);
    } finally {
      server.close();
    }
  }, 30_000);
});
