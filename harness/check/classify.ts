/**
 * Error classification: what a thrown value says about the target. A ConformanceError or an
 * unexpected error answer is the target's `fail`; no answer (transport) or a harness exception is
 * `error` (could not judge), kept apart from failures.
 */
import { ConformanceError, isServiceError, observeError } from '../oracle/expect.ts';
import { isTransportError } from '../transport/http.ts';
import type { CheckError } from '../report/schema.ts';
import type { Outcome } from '../verdict/verdict.ts';
import { scrub } from '../transport/wire.ts';

/**
 * `throttled`: how many throttled answers (503 SlowDown, 429) outlasted the transport's retries and
 * reached the check. An assertion that then fails may have judged the throttle, not the behaviour
 * (a HEAD with Range: "wrong status" 503): the target did not judge the request, neither do we.
 */
export function classify(e: unknown, throttled = 0): { outcome: Outcome; error: CheckError } {
  if (e instanceof ConformanceError && throttled > 0) {
    return {
      outcome: 'error',
      error: { message: scrub(`throttled: ${throttled} answer(s) 503 SlowDown / 429 after the throttle retries (could not judge); the assertion that failed: ${e.message}`) },
    };
  }
  if (e instanceof ConformanceError) {
    return { outcome: 'fail', error: { message: scrub(e.message), expected: scrub(e.expected), observed: scrub(e.observed), notImplemented: e.notImplemented } };
  }
  if (isTransportError(e)) {
    return { outcome: 'error', error: { message: scrub(e instanceof Error ? e.message : String(e)) } };
  }
  if (isServiceError(e)) {
    // An SDK call the check did not expect to fail: the target answered with an error.
    const o = observeError(e);
    if (o.status === 503 || o.status === 429) {
      // Throttling that outlasted the retries: the target did not judge the request, neither do we.
      return { outcome: 'error', error: { message: scrub(`throttled: ${o.status} ${o.code ?? ''} after the throttle retries (could not judge)`.trim()) } };
    }
    const notImpl = o.status === 501 || o.code === 'NotImplemented';
    return {
      outcome: 'fail',
      error: {
        message: scrub(`unexpected error answer: ${o.status ?? '?'} ${o.code ?? ''} ${o.message ?? ''}`.trim()),
        expected: 'success (2xx)',
        observed: scrub(`${o.status ?? '?'} ${o.code ?? ''}`.trim()),
        notImplemented: notImpl,
      },
    };
  }
  // A harness bug or an unexpected exception: not the target's failure.
  const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return { outcome: 'error', error: { message: scrub(msg) } };
}

