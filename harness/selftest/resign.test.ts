import { describe, expect, test } from 'vitest';
import { signHeaders, sha256Hex } from '../sigv4/signer.ts';
import { parseRawQuery, resign } from './resign.ts';
import type { ProxyRequest } from './proxy.ts';

const KEYS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const SECRETS = { [KEYS.accessKeyId]: KEYS.secretAccessKey };
const scope = { date: new Date(Date.UTC(2026, 11, 2, 3, 4, 5)), region: 'us-east-1' };

/** A request signed as the SDK signs it: every header but the authorization, over the raw wire path. */
function signed(method: string, url: string, headers: Record<string, string>): ProxyRequest {
  const q = url.indexOf('?');
  const req = { method, path: q < 0 ? url : url.slice(0, q), query: parseRawQuery(q < 0 ? '' : url.slice(q + 1)), headers };
  const out = signHeaders(req, KEYS, scope, { payloadHash: sha256Hex('') });
  return { method, url, headers: Object.fromEntries(Object.entries(out.headers).map(([k, v]) => [k.toLowerCase(), String(v)])), body: Buffer.alloc(0) };
}

describe('re-signing a request a fault changed', () => {
  test('an unchanged request re-signs to the signature it had (same canonical form as the signer)', () => {
    const req = signed('GET', '/b/k%20%C3%A9?list-type=2&prefix=a%2Fb&acl', { host: '127.0.0.1:8080', range: 'bytes=0-1', 'x-amz-meta-a': ' x  y ' });
    const before = req.headers.authorization;
    expect(resign(req, SECRETS)).toBe(true);
    expect(req.headers.authorization).toBe(before);
  });

  test('a header removed: re-signed over the headers left, as the signer would have signed them', () => {
    const req = signed('GET', '/b/k', { host: 'h', range: 'bytes=0-1' });
    delete req.headers.range;
    expect(resign(req, SECRETS)).toBe(true);
    expect(req.headers.authorization).toBe(signed('GET', '/b/k', { host: 'h' }).headers.authorization);
  });

  test('a query parameter removed: re-signed over the query left', () => {
    const req = signed('GET', '/b?list-type=2&max-keys=1', { host: 'h' });
    req.url = '/b?list-type=2';
    expect(resign(req, SECRETS)).toBe(true);
    expect(req.headers.authorization).toBe(signed('GET', '/b?list-type=2', { host: 'h' }).headers.authorization);
  });

  test('what it cannot re-sign faithfully is left alone: an unknown key, a streaming body, a presigned URL, SigV2', () => {
    const unknown = signed('GET', '/b/k', { host: 'h' });
    expect(resign(unknown, {})).toBe(false);
    const streaming = signed('PUT', '/b/k', { host: 'h' });
    streaming.headers['x-amz-content-sha256'] = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD';
    expect(resign(streaming, SECRETS)).toBe(false);
    expect(resign({ method: 'GET', url: '/b/k?X-Amz-Signature=00', headers: { host: 'h' }, body: Buffer.alloc(0) }, SECRETS)).toBe(false);
    expect(resign({ method: 'GET', url: '/b/k', headers: { host: 'h', authorization: 'AWS AKIDEXAMPLE:sig' }, body: Buffer.alloc(0) }, SECRETS)).toBe(false);
  });

  test('a raw query: flags, repeated names and encoded values', () => {
    expect(parseRawQuery('acl&a=1&a=2&p=x%2By%20z&e=')).toEqual({ acl: null, a: ['1', '2'], p: 'x+y z', e: '' });
  });
});
