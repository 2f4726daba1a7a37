import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ExpectationsError, loadExpectations, lookupExpectation, parseExpectations, unknownIds } from './expectations.ts';

describe('expectations files', () => {
  test('exact ids and prefix patterns; the narrower prefix wins', () => {
    const set = parseExpectations(
      [
        'target: t',
        'checks:',
        '  GetObject/range-suffix:',
        '    expected: fail',
        '    reason: ignores suffix ranges',
        '    link: https://example.test/1',
        '  ListParts/*:',
        '    expected: skip',
        '    reason: not implemented',
        '  ListParts/pagination*:',
        '    expected: fail',
        '    reason: loops',
      ].join('\n'),
      't.yaml',
    );
    expect(lookupExpectation(set, 'GetObject/range-suffix')).toMatchObject({ expected: 'fail', link: 'https://example.test/1' });
    expect(lookupExpectation(set, 'GetObject/range-prefix')).toBeUndefined();
    expect(lookupExpectation(set, 'ListParts/owner')?.expected).toBe('skip');
    expect(lookupExpectation(set, 'ListParts/pagination-max-parts')?.expected).toBe('fail');
    expect(unknownIds(set, new Set(['ListParts/owner']))).toEqual(['GetObject/range-suffix']);
  });

  test('a reason is required, the outcome must be fail or skip, ids must be ids', () => {
    expect(() => parseExpectations('checks:\n  A/b:\n    expected: fail\n', 'x')).toThrow(ExpectationsError);
    expect(() => parseExpectations('checks:\n  A/b:\n    expected: pass\n    reason: r\n', 'x')).toThrow(/fail or skip/);
    expect(() => parseExpectations('checks:\n  not an id:\n    expected: fail\n    reason: r\n', 'x')).toThrow(/not a check id/);
  });

  test('a target file and a per-area directory are merged; duplicates are refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 's3c-exp-'));
    writeFileSync(join(dir, 't.yaml'), 'checks:\n  A/one:\n    expected: fail\n    reason: r1\n');
    mkdirSync(join(dir, 't'));
    writeFileSync(join(dir, 't', 'area.yaml'), 'checks:\n  B/two:\n    expected: skip\n    reason: r2\n');
    const set = loadExpectations(dir, 't');
    expect(lookupExpectation(set, 'A/one')?.reason).toBe('r1');
    expect(lookupExpectation(set, 'B/two')?.source).toBe('expectations/t/area.yaml#B/two');
    writeFileSync(join(dir, 't', 'dup.yaml'), 'checks:\n  A/one:\n    expected: fail\n    reason: again\n');
    expect(() => loadExpectations(dir, 't')).toThrow(/listed twice/);
    expect(loadExpectations(dir, 'other').exact.size).toBe(0);
  });

  test("the project's own expectation files parse", () => {
    const root = join(import.meta.dirname, '..', '..', 'expectations');
    for (const t of ['embedded', 'swift-local', 'rgw-local']) expect(() => loadExpectations(root, t)).not.toThrow();
  });
});
