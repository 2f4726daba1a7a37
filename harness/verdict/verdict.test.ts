import { describe, expect, test } from 'vitest';
import { computeVerdict, countVerdicts, exitCodeFor, isBad, judgeVerdict } from './verdict.ts';

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

  test('a pinned observation: the known way is a known deviation, another failure is a fail (the console and results.json agree)', () => {
    const pinned = { expected: 'fail' as const, observed: '405' };
    expect(judgeVerdict('fail', pinned, { observed: '405 MethodNotAllowed', message: 'wrong status' })).toBe('known-deviation');
    expect(judgeVerdict('fail', pinned, { message: 'HEAD ?partNumber=2: expected 206, observed 405' })).toBe('known-deviation');
    expect(judgeVerdict('fail', pinned, { observed: '500 InternalError', message: 'wrong status' })).toBe('fail');
    expect(judgeVerdict('fail', { expected: 'fail' }, { observed: 'anything' })).toBe('known-deviation');
    expect(judgeVerdict('pass', pinned)).toBe('unexpected-pass');
  });

  test('a pin matches as a whole: not the start of a longer code or number', () => {
    const pinned = { expected: 'fail' as const, observed: '404 NoSuchKey' };
    expect(judgeVerdict('fail', pinned, { observed: '404 NoSuchKey (m)', message: 'wrong answer' })).toBe('known-deviation');
    expect(judgeVerdict('fail', pinned, { observed: '404 NoSuchKeyx', message: 'wrong answer' })).toBe('fail');
    expect(judgeVerdict('fail', { expected: 'fail', observed: '405' }, { observed: '4050', message: 'x' })).toBe('fail');
    expect(judgeVerdict('fail', { expected: 'fail', observed: '<Error><Key>' }, { observed: '"k"', message: '<Error><Key>\n' })).toBe('known-deviation');
  });

  test('a pin naming the assertion and the value needs both', () => {
    const pinned = { expected: 'fail' as const, observed: '<Error><Key> ⇒ "missing/Ã©"' };
    const msg = (what: string) => `${what}\n  expected: "é"\n  observed: x`;
    expect(judgeVerdict('fail', pinned, { observed: '"missing/Ã©"', message: msg('<Error><Key>') })).toBe('known-deviation');
    expect(judgeVerdict('fail', pinned, { observed: '(absent)', message: msg('<Error><Key>') })).toBe('fail');
    expect(judgeVerdict('fail', pinned, { observed: '"missing/Ã©"', message: msg('<Error><Code>') })).toBe('fail');
    expect(judgeVerdict('pass', pinned, undefined)).toBe('unexpected-pass');
  });

  test('a pin matches the failed assertion (the first line of the message) or the observed value, not the expected value', () => {
    const pinned = { expected: 'fail' as const, observed: 'LocationConstraint' };
    expect(judgeVerdict('fail', pinned, { observed: '"default"', message: 'LocationConstraint\n  expected: ""\n  observed: "default"' })).toBe('known-deviation');
    // Another assertion failed; only its expected value mentions the pinned text.
    expect(judgeVerdict('fail', pinned, { observed: '<?xml version="1.0"?>', message: 'response body\n  expected: <LocationConstraint> document\n  observed: <?xml version="1.0"?>' })).toBe('fail');
  });

  test('exit code: 0 conformant, 1 non-conformance, 3 could not judge', () => {
    expect(exitCodeFor(countVerdicts(['pass', 'known-deviation', 'skipped']))).toBe(0);
    expect(exitCodeFor(countVerdicts(['pass', 'fail']))).toBe(1);
    expect(exitCodeFor(countVerdicts(['pass', 'error']))).toBe(3);
    expect(exitCodeFor({ ...countVerdicts(['pass', 'error', 'fail']), requiredFail: 1, optionalFail: 0 })).toBe(1);
    expect(exitCodeFor(countVerdicts(['unexpected-pass']))).toBe(1);
  });

  test('exit code: an optional failure exits 0 unless strict', () => {
    const c = { ...countVerdicts(['pass', 'fail']), requiredFail: 0, optionalFail: 1 };
    expect(exitCodeFor(c)).toBe(0);
    expect(exitCodeFor(c, { strict: true })).toBe(1);
    expect(exitCodeFor({ ...c, requiredFail: 1 })).toBe(1);
    expect(isBad('known-deviation')).toBe(false);
  });
});
