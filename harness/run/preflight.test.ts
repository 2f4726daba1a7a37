import { createServer } from 'node:http';
import { describe, expect, test } from 'vitest';
import { clockSkew, judgeAnswer, preflight } from './preflight.ts';

const creds = { credentials: { accessKeyId: 'AKIAEXAMPLEKEY', secretAccessKey: 'secret-never-shown' } };
const local = new Date('2026-12-01T10:00:00Z');
const xmlError = (code: string, extra = ''): string => `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>m</Message>${extra}</Error>`;
const answer = (status: number, body: string, headers: Record<string, string> = {}) => ({ status, body, headers: { 'content-type': 'application/xml', ...headers } });

describe('preflight: judging the answer to a signed ListBuckets', () => {
  test('a ListAllMyBucketsResult is a go; the skew is measured against the server Date', () => {
    const r = judgeAnswer(answer(200, '<?xml version="1.0"?><ListAllMyBucketsResult><Buckets/></ListAllMyBucketsResult>', { date: 'Tue, 01 Dec 2026 09:59:58 GMT' }), creds, local, 'h');
    expect(r).toEqual({ ok: true, skewMs: 2000 });
  });
  test('InvalidAccessKeyId names the key (4 characters), never the secret', () => {
    const r = judgeAnswer(answer(403, xmlError('InvalidAccessKeyId')), creds, local, 'h');
    expect(r).toMatchObject({ ok: false, cause: 'auth-key' });
    expect(!r.ok && r.message).toMatch(/AKIA… \(InvalidAccessKeyId\)/);
    expect(JSON.stringify(r)).not.toMatch(/EXAMPLEKEY|secret-never-shown/);
  });
  test('SignatureDoesNotMatch: the secret; with a large skew the clocks are shown too', () => {
    const r = judgeAnswer(answer(403, xmlError('SignatureDoesNotMatch'), { date: 'Tue, 01 Dec 2026 09:00:00 GMT' }), creds, local, 'h');
    expect(r).toMatchObject({ ok: false, cause: 'auth-secret' });
    expect(!r.ok && r.message).toMatch(/SignatureDoesNotMatch\); local clock 2026-12-01T10:00:00\.000Z, server Date 2026-12-01T09:00:00\.000Z \(local ahead by 60 min\)/);
  });
  test('RequestTimeTooSkewed shows both clocks', () => {
    const r = judgeAnswer(answer(403, xmlError('RequestTimeTooSkewed'), { date: 'Tue, 01 Dec 2026 10:20:00 GMT' }), creds, local, 'h');
    expect(r).toMatchObject({ ok: false, cause: 'clock-skew' });
    expect(!r.ok && r.message).toMatch(/clock skew: local clock 2026-12-01T10:00:00\.000Z, server Date 2026-12-01T10:20:00\.000Z \(local behind by 20 min\)/);
  });
  test('AccessDenied (a key without ListAllMyBuckets) is S3 and a known key: go, with a note', () => {
    const r = judgeAnswer(answer(403, xmlError('AccessDenied')), creds, local, 'h');
    expect(r).toMatchObject({ ok: true });
    expect(r.ok && r.note).toMatch(/403 AccessDenied/);
  });
  test('a web page, JSON or an empty 200 is not S3', () => {
    for (const [body, ct] of [['<html>x</html>', 'text/html'], ['{"a":1}', 'application/json'], ['', '']] as const) {
      const r = judgeAnswer({ status: 200, body, headers: ct ? { 'content-type': ct } : {} }, creds, local, 'host:1');
      expect(r).toMatchObject({ ok: false, cause: 'not-s3' });
      expect(!r.ok && r.message).toMatch(/^not an S3 endpoint: GET \/ at host:1 answered 200/);
    }
  });
  test('a 5xx S3 error is the server failing', () => {
    expect(judgeAnswer(answer(503, xmlError('ServiceUnavailable')), creds, local, 'h')).toMatchObject({ ok: false, cause: 'server-error' });
  });
  test('clockSkew without a Date header is unknown', () => {
    expect(clockSkew({}, local)).toBeUndefined();
  });
});

describe('preflight over the network', () => {
  test('connection refused → one line, at once', async () => {
    const t = Date.now();
    const r = await preflight({ endpoint: 'http://127.0.0.1:9', region: 'us-east-1', ...creds });
    expect(r).toMatchObject({ ok: false, cause: 'refused' });
    expect(Date.now() - t).toBeLessThan(2000);
  });
  test('a server that accepts and never answers → time-out within the budget', async () => {
    const server = createServer(() => undefined);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    const t = Date.now();
    const r = await preflight({ endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', ...creds, timeoutMs: 1000 });
    expect(r).toMatchObject({ ok: false, cause: 'timeout' });
    expect(Date.now() - t).toBeLessThan(3000);
    server.closeAllConnections();
    server.close();
  });
});
