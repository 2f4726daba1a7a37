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

export function classify(e: unknown): { outcome: Outcome; error: CheckError } {
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

