import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allEntries, compareUtf8, listAll, listPage, markerInsideGroup, rollUp, sortUtf8 } from './model.ts';
import { keySetArb, querySpecArb, resolveQuery } from '../../fixtures/arbitraries/listing.ts';

const KEYS = ['photos/2006/jan/a.jpg', 'photos/2006/feb/b.jpg', 'photos/2007/c.jpg', 'photos/x.jpg', 'readme', 'a-b-c', 'a-b', 'a'];

describe('listing model', () => {
  it('orders by UTF-8 bytes, not UTF-16 code units', () => {
    // U+FF21 < U+1F600 in UTF-8 (EF BC A1 < F0 9F 98 80) but not in UTF-16 (FF21 > D83D).
    expect(compareUtf8('\uff21', '\u{1f600}')).toBeLessThan(0);
    expect('\uff21' < '\u{1f600}').toBe(false);
    expect(sortUtf8(['\u{1f600}', '\uff21', 'z', '\u00e9', 'a'])).toEqual(['a', 'z', '\u00e9', '\uff21', '\u{1f600}']);
  });

  it('rolls keys up to the first delimiter after the prefix', () => {
    expect(rollUp('photos/2006/jan/a.jpg', 'photos/', '/')).toBe('photos/2006/');
    expect(rollUp('photos/x.jpg', 'photos/', '/')).toBeUndefined();
    expect(rollUp('a-b-c', 'a', '-')).toBe('a-');
    expect(rollUp('a-b-c', 'a-b', '-')).toBe('a-b-');
    expect(rollUp('a', '', undefined)).toBeUndefined();
  });

  it('lists contents and common prefixes for a prefix and delimiter', () => {
    const p = listPage(KEYS, { prefix: 'photos/', delimiter: '/' });
    expect(p).toEqual({ contents: ['photos/x.jpg'], commonPrefixes: ['photos/2006/', 'photos/2007/'], isTruncated: false, keyCount: 3, lastEntry: 'photos/x.jpg' });
    const root = listPage(KEYS, { delimiter: '/' });
    expect(root.contents).toEqual(['a', 'a-b', 'a-b-c', 'readme']);
    expect(root.commonPrefixes).toEqual(['photos/']);
  });

  it('a prefix that is not a directory boundary matches by string', () => {
    expect(listPage(KEYS, { prefix: 'photos/200', delimiter: '/' }).commonPrefixes).toEqual(['photos/2006/', 'photos/2007/']);
    expect(listPage(KEYS, { prefix: 'a-b' }).contents).toEqual(['a-b', 'a-b-c']);
  });

  it('counts a common prefix as one entry against max-keys and truncates', () => {
    const p = listPage(KEYS, { prefix: 'photos/', delimiter: '/', maxKeys: 2 });
    expect(p).toEqual({ contents: [], commonPrefixes: ['photos/2006/', 'photos/2007/'], isTruncated: true, keyCount: 2, lastEntry: 'photos/2007/' });
    const pages = listAll(KEYS, { prefix: 'photos/', delimiter: '/', maxKeys: 2 });
    expect(pages.map((x) => [...x.commonPrefixes, ...x.contents])).toEqual([['photos/2006/', 'photos/2007/'], ['photos/x.jpg']]);
    expect(pages.map((x) => x.isTruncated)).toEqual([true, false]);
  });

  it('lists strictly after the marker; a common prefix as marker skips its group', () => {
    expect(listPage(KEYS, { after: 'a-b' }).contents[0]).toBe('a-b-c');
    expect(listPage(KEYS, { delimiter: '/', after: 'photos/' }).contents).toEqual(['readme']);
    expect(listPage(KEYS, { after: 'zzz' })).toEqual({ contents: [], commonPrefixes: [], isTruncated: false, keyCount: 0 });
    expect(markerInsideGroup(KEYS, { delimiter: '/', after: 'photos/2' })).toBe(true);
    expect(markerInsideGroup(KEYS, { delimiter: '/', after: 'photos/' })).toBe(false);
    expect(markerInsideGroup(KEYS, { after: 'photos/2' })).toBe(false);
  });

  it('max-keys=0 gives an empty untruncated page; above 1000 is capped', () => {
    expect(listPage(KEYS, { maxKeys: 0 })).toEqual({ contents: [], commonPrefixes: [], isTruncated: false, keyCount: 0 });
    const many = Array.from({ length: 1005 }, (_, i) => `k${String(i).padStart(4, '0')}`);
    const p = listPage(many, { maxKeys: 5000 });
    expect(p.keyCount).toBe(1000);
    expect(p.isTruncated).toBe(true);
  });

  it('an empty key set lists nothing', () => {
    expect(listAll([], { delimiter: '/' })).toEqual([{ contents: [], commonPrefixes: [], isTruncated: false, keyCount: 0 }]);
  });

  it('pages partition the full listing, each within max-keys, for random queries', () => {
    fc.assert(
      fc.property(keySetArb(20), querySpecArb, (keys, spec) => {
        const q = resolveQuery(keys, spec);
        const all = allEntries(keys, q)
          .map((e) => e.value)
          .filter((v) => q.after === undefined || compareUtf8(v, q.after) > 0);
        const pages = listAll(keys, q);
        const flat = pages.flatMap((p) => [...p.contents, ...p.commonPrefixes].sort(compareUtf8));
        expect(flat).toEqual(all);
        for (const p of pages) {
          expect(p.keyCount).toBeLessThanOrEqual(q.maxKeys ?? 1000);
          expect(p.contents).toEqual(sortUtf8(p.contents));
          for (const k of p.contents) expect(k.startsWith(q.prefix ?? '')).toBe(true);
        }
        expect(pages.slice(0, -1).every((p) => p.isTruncated)).toBe(true);
        expect(pages[pages.length - 1]?.isTruncated).toBe(false);
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});
