/**
 * Graded verdicts (Autobahn, wptrunner): the raw outcome of a check and the target's
 * expectation combine into one verdict. Pure, unit-tested.
 */
import type { ExpectedOutcome } from './expectations.ts';

/** What happened when the check ran. */
export type Outcome = 'pass' | 'fail' | 'error' | 'skip';

export type Verdict = 'pass' | 'fail' | 'error' | 'known-deviation' | 'unexpected-pass' | 'skipped';

export const VERDICTS: readonly Verdict[] = ['pass', 'known-deviation', 'fail', 'unexpected-pass', 'error', 'skipped'];

export function computeVerdict(outcome: Outcome, expected?: ExpectedOutcome): Verdict {
  switch (outcome) {
    case 'skip':
      return 'skipped';
    case 'error':
      return 'error';
    case 'pass':
      return expected === 'fail' ? 'unexpected-pass' : 'pass';
    case 'fail':
      return expected === 'fail' ? 'known-deviation' : 'fail';
  }
}

/** A verdict that makes the run exit non-zero. */
export function isBad(v: Verdict): boolean {
  return v === 'fail' || v === 'error' || v === 'unexpected-pass';
}

export type VerdictCounts = Record<Verdict, number>;

export function countVerdicts(vs: Iterable<Verdict>): VerdictCounts {
  const c: VerdictCounts = { pass: 0, fail: 0, error: 0, 'known-deviation': 0, 'unexpected-pass': 0, skipped: 0 };
  for (const v of vs) c[v]++;
  return c;
}

/** Exit code of a conformance run: 0 when every verdict is pass, known-deviation or skipped. */
export function exitCodeFor(counts: VerdictCounts): 0 | 1 {
  return counts.fail + counts.error + counts['unexpected-pass'] > 0 ? 1 : 0;
}
