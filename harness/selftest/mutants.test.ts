import { describe, expect, test } from 'vitest';
import { alterValue, applyMutant, applyRequestMutant, isXmlBody, misreadValue, mutantLabel, mutantsOf, requestMutantsOf } from './mutants.ts';

const xml = (status: number, body: string, headers: Record<string, string> = { 'content-type': 'application/xml' }) => ({ status, headers, body: Buffer.from(body) });

describe('field mutants', () => {
  test('an XML success answer offers each element tag once and each non-transport header', () => {
    const res = xml(200, '<?xml version="1.0"?><ListBucketResult><Contents><Key>a</Key></Contents><Contents><Key>b</Key></Contents><IsTruncated>false</IsTruncated></ListBucketResult>', { 'content-type': 'application/xml', 'x-amz-request-id': 'r', connection: 'close' });
    expect(mutantsOf(res).map(mutantLabel)).toEqual(['2xx content-type', '2xx x-amz-request-id', '2xx <ListBucketResult>', '2xx <Contents>', '2xx <Key>', '2xx <IsTruncated>']);
  });

  test('an error answer: its fields, not its <Error> root', () => {
    expect(mutantsOf(xml(404, '<Error><Code>NoSuchKey</Code><Message>m</Message></Error>', {})).map(mutantLabel)).toEqual(['err <Code>', 'err <Message>']);
  });

  test("an object's bytes are not XML, even when they contain '<'", () => {
    expect(isXmlBody(xml(200, 'x<a>b</a>', { 'content-type': 'binary/octet-stream' }))).toBe(false);
    expect(isXmlBody(xml(200, '<a>b</a>', { 'content-type': 'binary/octet-stream' }))).toBe(false);
    expect(mutantsOf(xml(200, '<a>b</a>', { 'content-type': 'binary/octet-stream' })).map(mutantLabel)).toEqual(['2xx content-type']);
  });

  test('removing an element removes every occurrence, empty or not, and leaves the rest', () => {
    const res = xml(200, '<R><Key>a</Key><Key/><Key x="1">b</Key><Size>1</Size></R>');
    expect(applyMutant({ cls: '2xx', kind: 'element', name: 'Key' }, res)?.body.toString()).toBe('<R><Size>1</Size></R>');
    expect(applyMutant({ cls: '2xx', kind: 'element', name: 'Missing' }, res)).toBeUndefined();
  });

  test('a mutant touches only answers of its class; a header mutant removes the header', () => {
    const ok = xml(200, '<R/>', { 'content-type': 'application/xml', etag: '"x"' });
    expect(applyMutant({ cls: 'err', kind: 'header', name: 'etag' }, ok)).toBeUndefined();
    expect(applyMutant({ cls: '2xx', kind: 'header', name: 'etag' }, ok)?.headers).toEqual({ 'content-type': 'application/xml' });
  });

  test('a value is altered to a wrong one of the same shape', () => {
    expect(alterValue('0')).toBe('1');
    expect(alterValue('1000')).toBe('1001');
    expect(alterValue('99999999999999999999')).toBe('100000000000000000000');
    expect(alterValue('true')).toBe('false');
    expect(alterValue('false')).toBe('true');
    expect(alterValue('2026-12-01T10:00:00.000Z')).toBe('2025-12-01T10:00:00.000Z');
    expect(alterValue('Tue, 01 Dec 2026 10:00:00 GMT')).toBe('Tue, 01 Dec 2025 10:00:00 GMT');
    expect(alterValue('"0cc175b9c0f1b6a831c399e269772661"')).toBe('"1cc175b9c0f1b6a831c399e269772661"');
    expect(alterValue('&quot;9cc175b9c0f1b6a831c399e269772661-2&quot;')).toBe('&quot;0cc175b9c0f1b6a831c399e269772661-2&quot;');
    expect(alterValue('STANDARD')).toBe('STANDARDx');
    expect(alterValue('')).toBe('x');
  });

  test('alter mutants: each header and each leaf element once; applying one changes every occurrence', () => {
    const res = xml(200, '<R><Contents><Key>a</Key><Size>1</Size></Contents><Contents><Key>b</Key><Size>2</Size></Contents><Prefix></Prefix></R>', { 'content-type': 'application/xml', etag: '"x"' });
    const ms = mutantsOf(res, 'alter');
    expect(ms.map(mutantLabel)).toEqual(['2xx content-type altered', '2xx etag altered', '2xx etag unquoted', '2xx <Key> altered', '2xx <Size> altered', '2xx <Prefix> altered']);
    const size = ms.find((m) => m.name === 'Size');
    expect(size && applyMutant(size, res)?.body.toString()).toBe('<R><Contents><Key>a</Key><Size>2</Size></Contents><Contents><Key>b</Key><Size>3</Size></Contents><Prefix></Prefix></R>');
    const etag = ms.find((m) => m.name === 'etag');
    expect(etag && applyMutant(etag, res)?.headers.etag).toBe('"x"x');
    expect(applyMutant({ cls: '2xx', kind: 'element', name: 'Missing', change: 'alter' }, res)).toBeUndefined();
  });

  test('status mutants: one per status answered, applied only to answers with that status', () => {
    const ok = xml(200, '<R/>');
    const ms = mutantsOf(ok, 'status');
    expect(ms.map(mutantLabel)).toEqual(['2xx status 200→204']);
    const m = ms[0];
    expect(m && applyMutant(m, ok)?.status).toBe(204);
    expect(m && applyMutant(m, xml(206, '<R/>'))).toBeUndefined();
    expect(mutantsOf(xml(404, '<Error><Code>NoSuchKey</Code></Error>'), 'status').map(mutantLabel)).toEqual(['err status 404→400']);
    expect(mutantsOf(xml(418, ''), 'status')).toEqual([]);
  });

  test('unquote mutants: a quoted header or entity-quoted element loses its quotes', () => {
    const res = xml(200, '<R><ETag>&quot;abc&quot;</ETag><Key>k</Key></R>', { etag: '"abc"' });
    const ms = mutantsOf(res, 'alter').filter((m) => m.change === 'unquote');
    expect(ms.map(mutantLabel)).toEqual(['2xx etag unquoted', '2xx <ETag> unquoted']);
    expect(ms[0] && applyMutant(ms[0], res)?.headers.etag).toBe('abc');
    expect(ms[1] && applyMutant(ms[1], res)?.body.toString()).toBe('<R><ETag>abc</ETag><Key>k</Key></R>');
  });

  test('ignore mutants: each request header but transport and signing ones, each parameter but the operation\'s', () => {
    const auth = `AWS4-HMAC-SHA256 Credential=testkey/20261202/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-date, Signature=${'0'.repeat(64)}`;
    const req = {
      method: 'GET',
      url: '/b/k?uploadId=u&part-number-marker=2&max-parts=1&x-id=ListParts',
      headers: { host: 'h', authorization: auth, 'x-amz-date': '20261202T000000Z', 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', range: 'bytes=0-1', 'user-agent': 'sdk' },
      body: Buffer.alloc(0),
    };
    const ms = requestMutantsOf(req);
    expect(ms.map(mutantLabel)).toEqual(['range ignored', '?part-number-marker ignored', '?max-parts ignored']);
    expect(ms[1] && applyRequestMutant(ms[1], req)).toBe(true);
    expect(req.url).toBe('/b/k?uploadId=u&max-parts=1&x-id=ListParts');
    expect(ms[1] && applyRequestMutant(ms[1], req)).toBe(false);
    expect(ms[0] && applyRequestMutant(ms[0], req)).toBe(true);
    expect(req.headers).not.toHaveProperty('range');
    // A streaming upload cannot be re-signed: it offers nothing and is never changed.
    const streaming = { ...req, headers: { ...req.headers, 'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD', 'x-amz-meta-a': '1' } };
    expect(requestMutantsOf(streaming)).toEqual([]);
    expect(applyRequestMutant({ cls: 'req', kind: 'header', name: 'x-amz-meta-a' }, streaming)).toBe(false);
    // A response mutant never touches a request, a request mutant never an answer.
    expect(applyMutant({ cls: 'req', kind: 'header', name: 'etag' }, xml(200, '<R/>', { etag: '"x"' }))).toBeUndefined();
  });

  test('misread mutants: a byte range one byte longer, other values as alterValue; parameters re-encoded', () => {
    expect(misreadValue('bytes=0-1')).toBe('bytes=0-2');
    expect(misreadValue('bytes=5-')).toBe('bytes=6-');
    expect(misreadValue('bytes=-3')).toBe('bytes=-4');
    expect(misreadValue('bytes=-')).toBe('bytes=-x');
    expect(misreadValue('1000')).toBe('1001');
    const auth = `AWS4-HMAC-SHA256 Credential=testkey/20261202/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-date, Signature=${'0'.repeat(64)}`;
    const req = {
      method: 'GET',
      url: '/b?list-type=2&prefix=a%2Fb&max-keys=2',
      headers: { host: 'h', authorization: auth, 'x-amz-date': '20261202T000000Z', 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', range: 'bytes=0-1' },
      body: Buffer.alloc(0),
    };
    const ms = requestMutantsOf(req, 'misread');
    expect(ms.map(mutantLabel)).toEqual(['range misread', '?prefix misread', '?max-keys misread']);
    for (const m of ms) expect(applyRequestMutant(m, req)).toBe(true);
    expect(req.url).toBe('/b?list-type=2&prefix=a%2Fbx&max-keys=3');
    expect(req.headers.range).toBe('bytes=0-2');
  });
});
