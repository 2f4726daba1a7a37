import { describe, expect, test } from 'vitest';
import { ConformanceError, expectEqual, expectErrorEnvelope, expectRawError, expectS3Error, step } from './expect.ts';
import type { RawResponse } from '../transport/raw.ts';
import { parseS3Error, parseXml } from '../transport/raw.ts';

function svcError(status: number, code: string): Error {
  return Object.assign(new Error(`${code} message`), { name: code, $metadata: { httpStatusCode: status } });
}
function rawRes(status: number, body: string, headers: Record<string, string> = {}): RawResponse {
  const buf = Buffer.from(body);
  return { status, headers, body: buf, text: () => body, xml: () => parseXml(body), error: () => parseS3Error(body) };
}

describe('verifiers', () => {
  test('expectS3Error: the right status and code pass; a list of allowed codes', async () => {
    await expect(expectS3Error(Promise.reject(svcError(404, 'NoSuchKey')), { status: 404, code: 'NoSuchKey' })).resolves.toMatchObject({ code: 'NoSuchKey' });
    await expect(expectS3Error(Promise.reject(svcError(403, 'AccessDenied')), { status: 403, code: ['SignatureDoesNotMatch', 'AccessDenied'] })).resolves.toBeTruthy();
  });
  test('expectS3Error: wrong code, wrong status, or success fail with expected and observed', async () => {
    const e1 = await expectS3Error(Promise.reject(svcError(409, 'BucketAlreadyExists')), { status: 409, code: 'BucketAlreadyOwnedByYou' }).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(ConformanceError);
    expect((e1 as ConformanceError).expected).toBe('409 BucketAlreadyOwnedByYou');
    expect((e1 as ConformanceError).observed).toContain('409 BucketAlreadyExists');
    const e2 = await expectS3Error(Promise.resolve({ $metadata: { httpStatusCode: 200 } }), { status: 400, code: 'BadDigest' }).catch((e: unknown) => e);
    expect((e2 as ConformanceError).observed).toContain('200');
    const e3 = await expectS3Error(Promise.reject(svcError(501, 'NotImplemented')), { status: 400, code: 'X' }).catch((e: unknown) => e);
    expect((e3 as ConformanceError).notImplemented).toBe(true);
  });
  test('expectS3Error: a transport error is not a conformance failure', async () => {
    const t = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    await expect(expectS3Error(Promise.reject(t), { status: 404 })).rejects.toBe(t);
  });
  test('expectRawError reads the XML error document', () => {
    const body = '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>m</Message><Key>a&amp;b</Key><RequestId>r1</RequestId></Error>';
    expect(expectRawError(rawRes(404, body), { status: 404, code: 'NoSuchKey' })).toMatchObject({ code: 'NoSuchKey', requestId: 'r1' });
    expect(parseS3Error(body)?.key).toBe('a&b');
    expect(() => expectRawError(rawRes(404, body), { status: 404, code: 'NoSuchBucket' })).toThrow(ConformanceError);
    expect(() => expectRawError(rawRes(200, ''), { status: 400, code: 'InvalidBucketName' })).toThrow(/expected: 400 InvalidBucketName/);
  });
  test('expectErrorEnvelope: every field judged, all that are wrong named in brackets', () => {
    const full = '<Error><Code>NoSuchBucket</Code><Message>m</Message><RequestId>r1</RequestId></Error>';
    const ids = { 'x-amz-request-id': 'r1', 'x-amz-id-2': 'h' };
    expectErrorEnvelope(rawRes(404, full, { 'content-type': 'application/xml', ...ids }), { status: 404, code: 'NoSuchBucket' });
    expectErrorEnvelope(rawRes(404, '', ids), { status: 404 }, 'HEAD', true);
    const lacking = rawRes(404, '<Error><Code>NoSuchBucket</Code><Message></Message><RequestId>r1</RequestId></Error>', { 'content-type': 'application/xml', 'x-amz-request-id': 'r1' });
    expect(() => expectErrorEnvelope(lacking, { status: 404, code: 'NoSuchBucket' }, 'GET')).toThrow(/^GET: error envelope wrong in \[<Error><Message>, header x-amz-id-2\]\n/);
    expect(() => expectErrorEnvelope(rawRes(404, '', { 'x-amz-id-2': 'h' }), { status: 404 }, 'HEAD', true)).toThrow(/wrong in \[header x-amz-request-id\][\s\S]*observed: header x-amz-request-id \(absent\)/);
    expect(() => expectErrorEnvelope(rawRes(404, full, { 'content-type': 'text/html', ...ids }), { status: 404, code: 'NoSuchBucket' })).toThrow(/wrong in \[Content-Type\]/);
    expect(() => expectErrorEnvelope(rawRes(403, full, { 'content-type': 'application/xml', ...ids }), { status: 404, code: 'NoSuchBucket' })).toThrow(/wrong answer/);
  });
  test('step and expectEqual', async () => {
    await expect(step('PutObject', Promise.reject(svcError(500, 'InternalError')))).rejects.toThrow(/PutObject failed/);
    expect(() => expectEqual('ETag', '"a"', '"b"')).toThrow(/expected: "\\"b\\""/);
    expectEqual('n', 1, 1);
  });
});
