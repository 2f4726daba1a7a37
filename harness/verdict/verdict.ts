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

/**
 * `text` contains `pin` as a whole: not as the start of a longer word or code, so a pin "404 NoSuchKey"
 * does not excuse "404 NoSuchKeyx", nor "405" a "4050".
 */
export function containsPin(text: string, pin: string): boolean {
  const alnum = /[A-Za-z0-9]/;
  const startsWord = alnum.test(pin.charAt(0));
  const endsWord = alnum.test(pin.charAt(pin.length - 1));
  for (let at = text.indexOf(pin); at >= 0; at = text.indexOf(pin, at + 1)) {
    if ((!startsWord || !alnum.test(text.charAt(at - 1))) && (!endsWord || !alnum.test(text.charAt(at + pin.length)))) return true;
  }
  return false;
}

/** Separates the two halves of a pin that names both the failed assertion and the value observed. */
export const PIN_SEPARATOR = ' ⇒ ';

/**
 * The verdict of a check with its expectation: a known deviation must fail the known way — when the
 * expectation pins what was observed (`observed`, a substring of the failure's observed value or of
 * the first line of its message: the assertion that failed), any other failure is a new one (`fail`).
 * A pin `<assertion> ⇒ <value>` needs both: that assertion failed, with that value observed — so a
 * server that sent a wrong <Key> is not excused when it sends none.
 * The rest of the message (its "expected:" line, notes) is not matched: a pin "LocationConstraint"
 * must not match a failure whose expected value merely mentions <LocationConstraint>.
 */
export function judgeVerdict(outcome: Outcome, expectation?: { expected: ExpectedOutcome; observed?: string }, error?: { observed?: string; message?: string }): Verdict {
  const verdict = computeVerdict(outcome, expectation?.expected);
  const pinned = expectation?.observed;
  if (verdict !== 'known-deviation' || pinned === undefined) return verdict;
  const assertion = (error?.message ?? '').split('\n')[0] ?? '';
  const at = pinned.indexOf(PIN_SEPARATOR);
  if (at >= 0) {
    const what = pinned.slice(0, at);
    const value = pinned.slice(at + PIN_SEPARATOR.length);
    return containsPin(assertion, what) && containsPin(error?.observed ?? '', value) ? verdict : 'fail';
  }
  return containsPin(`${error?.observed ?? ''}\n${assertion}`, pinned) ? verdict : 'fail';
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

/** What the exit code is computed from: the verdict counts with failures split by level. */
export interface ExitInput extends VerdictCounts {
  requiredFail?: number;
  optionalFail?: number;
}

/**
 * Exit code of a conformance run (README, "Exit codes"):
 * - 1 non-conformance: a required check failed, or an expectation is stale (unexpected pass);
 *   with `strict`, an optional failure too;
 * - 3 could not judge: no failure, but checks ended in `error` (no answer, time-out, harness error);
 * - 0 conformant: every verdict is pass, known-deviation, skipped, or (without `strict`) an optional fail.
 */
export function exitCodeFor(counts: ExitInput, opts: { strict?: boolean } = {}): 0 | 1 | 3 {
  const requiredFail = counts.requiredFail ?? counts.fail;
  const optionalFail = counts.optionalFail ?? 0;
  if (requiredFail + counts['unexpected-pass'] > 0) return 1;
  if (opts.strict && optionalFail > 0) return 1;
  if (counts.error > 0) return 3;
  return 0;
}
