/**
 * Clock-skew helper: checks that depend on time read the server's clock first (the `Date` header
 * of one answer), so a client clock that is off by a minute does not turn into a false failure.
 */
import { buildRequest, sendRaw } from '../transport/raw.ts';
import type { Runtime } from '../run/runtime.ts';

let offsetMs: number | undefined;

/** Server time minus local time in ms (measured once per worker, at the middle of the round trip). */
export async function serverOffset(rt: Runtime): Promise<number> {
  if (offsetMs !== undefined) return offsetMs;
  const t0 = Date.now();
  const res = await sendRaw(rt, buildRequest(rt, { method: 'GET' }));
  const t1 = Date.now();
  const date = Date.parse(res.headers.date ?? '');
  // Date has one-second resolution: the server's clock is within [date, date + 1 s).
  offsetMs = Number.isFinite(date) ? date + 500 - (t0 + t1) / 2 : 0;
  return offsetMs;
}

/** The server's current time (by its Date header). */
export async function serverNow(rt: Runtime): Promise<Date> {
  return new Date(Date.now() + (await serverOffset(rt)));
}
