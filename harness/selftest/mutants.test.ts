import { describe, expect, test } from 'vitest';
import { applyMutant, isXmlBody, mutantLabel, mutantsOf } from './mutants.ts';

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
});
