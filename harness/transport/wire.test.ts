import { describe, expect, test } from 'vitest';
import { beginWireLog, endWireLog, formatExchanges, previewBody, recordExchange, redactAuthorization, redactHeaders, redactUrl, registerSecret, scrub } from './wire.ts';

describe('redaction', () => {
  test('SigV4 Authorization keeps the scope shape, drops the signature and all but 4 key characters', () => {
    const v = 'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-date, Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024';
    const r = redactAuthorization(v);
    expect(r).toBe('AWS4-HMAC-SHA256 Credential=AKIA…/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-date, Signature=<redacted>');
  });
  test('SigV2 Authorization', () => {
    expect(redactAuthorization('AWS test:tester:frJIUN8DYpKDtOLCwo//yllqDzg=')).toBe('AWS test…:<redacted>');
  });
  test('headers: tokens removed, registered secrets scrubbed', () => {
    registerSecret('s3cr3t-value-xyz');
    const h = redactHeaders({ 'X-Amz-Security-Token': 'tok', 'x-custom': 'has s3cr3t-value-xyz inside', Host: 'h' });
    expect(h['x-amz-security-token']).toBe('<redacted>');
    expect(h['x-custom']).toBe('has <redacted> inside');
    expect(h.host).toBe('h');
    expect(scrub('a s3cr3t-value-xyz b')).toBe('a <redacted> b');
  });
  test('presigned URL: signature and token redacted, credential masked', () => {
    const u = redactUrl('https://h.test/b/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=abcdef&X-Amz-Security-Token=tok');
    expect(u).not.toContain('abcdef');
    expect(u).not.toContain('tok&');
    expect(u).not.toContain('IOSFODNN7');
    expect(decodeURIComponent(u)).toContain('AKIA…/20130524/us-east-1/s3/aws4_request');
  });
  test('body previews: text kept, binary as hex, long bodies marked', () => {
    expect(previewBody('<Error/>')).toBe('<Error/>');
    expect(previewBody(new Uint8Array([0, 1, 2, 255]))).toMatch(/^hex:000102ff/);
    expect(previewBody('x'.repeat(5000))).toMatch(/…\(5000 bytes\)$/);
  });
});

describe('wire log', () => {
  test('keeps the first and the last exchanges of a check, and renders them', () => {
    beginWireLog();
    for (let i = 0; i < 20; i++) recordExchange({ request: { method: 'GET', url: `http://h/${i}`, headers: {} }, response: { status: 200, headers: { etag: '"x"' } }, ms: 1 });
    const ex = endWireLog();
    expect(ex.length).toBe(8);
    expect(ex[0]?.request.url).toBe('http://h/0');
    expect(ex[7]?.request.url).toBe('http://h/19');
    const text = formatExchanges(ex.slice(0, 1));
    expect(text).toContain('> GET http://h/0');
    expect(text).toContain('< 200');
    expect(text).toContain('< etag: "x"');
  });
});
