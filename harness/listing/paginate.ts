/**
 * Bounded pagination and settle polling for listing checks.
 *
 * - `followPages` follows continuation tokens / markers for at most `maxPages` pages (the number
 *   the model predicts plus one). A token that repeats, or a page identical to an earlier one, is
 *   a conformance failure ("continuation token did not advance"), never a hang.
 * - `settled` runs a listing judgement once, or, when the run sets S3C_LIST_SETTLE_MS (eventually
 *   consistent listings, e.g. Swift), again with a bounded back-off until it passes or the settle
 *   time is spent; the last failure is then reported.
 */
import { ConformanceError, fail } from '../oracle/expect.ts';

export interface PageStep<P> {
  page: P;
  /** Token / marker for the next request; undefined when the listing says it is complete. */
  next: string | undefined;
  /** A fingerprint of the page's content (to detect a server serving the same page again). */
  fingerprint: string;
}

export interface FollowOptions<P> {
  /** Hard bound on requests: the model's page count plus one. */
  maxPages: number;
  fetch: (token: string | undefined, index: number) => Promise<PageStep<P>>;
  /** Judge a page's content; runs after the did-it-advance checks, so a replayed page reads as one. */
  judge?: (page: P, index: number) => void;
  what?: string;
}

export async function followPages<P>(opts: FollowOptions<P>): Promise<P[]> {
  const what = opts.what ?? 'listing';
  const pages: P[] = [];
  const tokens = new Set<string>();
  const prints = new Map<string, number>();
  let token: string | undefined;
  for (let i = 0; ; i++) {
    if (i >= opts.maxPages) {
      fail(`${what}: the listing did not end within ${opts.maxPages} page(s) (the model predicts ${opts.maxPages - 1})`, `${opts.maxPages - 1} page(s)`, `more than ${opts.maxPages - 1} page(s), still truncated`);
    }
    const s = await opts.fetch(token, i);
    pages.push(s.page);
    const seenAt = prints.get(s.fingerprint);
    if (seenAt !== undefined && s.next !== undefined) {
      fail(`${what}: continuation token did not advance: page ${i + 1} repeats page ${seenAt + 1}`, 'each page continues after the previous one', `page ${i + 1} = page ${seenAt + 1}: ${s.fingerprint.slice(0, 200)}`);
    }
    prints.set(s.fingerprint, i);
    if (s.next !== undefined && (s.next === token || tokens.has(s.next))) {
      fail(`${what}: continuation token did not advance (page ${i + 1} returned a token already used)`, 'a new token / marker on every truncated page', JSON.stringify(s.next));
    }
    opts.judge?.(s.page, i);
    if (s.next === undefined) return pages;
    tokens.add(s.next);
    token = s.next;
  }
}

export interface SettleOptions {
  /** Total settle time (ms); 0 = judge once (the default). */
  settleMs: number;
  /** Called with each failed attempt's message when polling (for a report note). */
  onRetry?: (attempt: number, message: string) => void;
  /** Injected for tests. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Run `judge`; when it fails with a ConformanceError and settle time remains, poll again with
 * back-off (50 ms doubling, at most 1 s, never past the deadline). Other errors propagate at once.
 */
export async function settled<T>(opts: SettleOptions, judge: () => Promise<T>): Promise<T> {
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? defaultSleep;
  const deadline = now() + Math.max(0, opts.settleMs);
  let delay = 50;
  for (let attempt = 1; ; attempt++) {
    try {
      return await judge();
    } catch (e) {
      if (!(e instanceof ConformanceError) || opts.settleMs <= 0) throw e;
      const left = deadline - now();
      if (left <= 0) {
        throw new ConformanceError(`${e.message.split('\n')[0] ?? ''} (still after ${attempt} attempt(s) over S3C_LIST_SETTLE_MS=${opts.settleMs})`, e.expected, e.observed, e.notImplemented);
      }
      opts.onRetry?.(attempt, e.message.split('\n')[0] ?? '');
      await sleep(Math.min(delay, left));
      delay = Math.min(delay * 2, 1000);
    }
  }
}
