import { describe, expect, test } from 'vitest';
import { computeVerdict, countVerdicts, exitCodeFor, isBad } from './verdict.ts';

describe('verdicts', () => {
  test.each([
    ['pass', undefined, 'pass'],
    ['fail', undefined, 'fail'],
    ['error', undefined, 'error'],
    ['skip', undefined, 'skipped'],
    ['fail', 'fail', 'known-deviation'],
    ['pass', 'fail', 'unexpected-pass'],
    ['error', 'fail', 'error'],
    ['skip', 'skip', 'skipped'],
  ] as const)('%s with expectation %s → %s', (outcome, expected, verdict) => {
    expect(computeVerdict(outcome, expected)).toBe(verdict);
  });

  test('exit code: 0 only for pass, known-deviation and skipped', () => {
    expect(exitCodeFor(countVerdicts(['pass', 'known-deviation', 'skipped']))).toBe(0);
    expect(exitCodeFor(countVerdicts(['pass', 'fail']))).toBe(1);
    expect(exitCodeFor(countVerdicts(['pass', 'error']))).toBe(1);
    expect(exitCodeFor(countVerdicts(['unexpected-pass']))).toBe(1);
    expect(isBad('known-deviation')).toBe(false);
  });
});
