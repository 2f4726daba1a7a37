import { describe, expect, it } from 'vitest';
import { looksUrlEncoded, urlDecode } from './wire.ts';

describe('encoding-type=url values', () => {
  it('decodes a space written as + (AWS) or %20, and a literal + written as %2B', () => {
    expect(urlDecode('a+b.txt')).toBe('a b.txt');
    expect(urlDecode('a%20b.txt')).toBe('a b.txt');
    expect(urlDecode('a%2Bb.txt')).toBe('a+b.txt');
    expect(urlDecode('100%25.csv')).toBe('100%.csv');
    expect(urlDecode('%ED%95%9C%EA%B8%80/x.txt')).toBe('\ud55c\uae00/x.txt');
    expect(urlDecode('caf%C3%A9')).not.toBe(urlDecode('cafe%CC%81'));
  });

  it('accepts + as an encoded space, refuses raw spaces, non-ASCII, control characters and a bare %', () => {
    expect(looksUrlEncoded('c+d%2Be')).toBe(true);
    expect(looksUrlEncoded('c%20d%2Be')).toBe(true);
    expect(looksUrlEncoded('c d+e')).toBe(false);
    expect(looksUrlEncoded('\u00e9')).toBe(false);
    expect(looksUrlEncoded('u/\u0001ctl')).toBe(false);
    expect(looksUrlEncoded('100%.csv')).toBe(false);
  });
});
