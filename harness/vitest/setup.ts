/**
 * Per-file setup of the conformance project: after each file, destroy the buckets it created
 * and write its request/byte counters for the run totals.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { destroyOwned } from '../buckets.ts';
import { counters, diffCounters, snapshotCounters, type Counters } from '../http.ts';
import { runtime } from '../runtime.ts';

let last: Counters = snapshotCounters();
let n = 0;

afterAll(async () => {
  const rt = runtime();
  const leaked = await destroyOwned(rt);
  const now = snapshotCounters();
  const d = diffCounters(last, now);
  last = now;
  n++;
  writeFileSync(
    join(rt.runDir, `counters-${process.pid}-${n}-${Math.random().toString(36).slice(2, 8)}.json`),
    JSON.stringify({ ...d, leaked }),
  );
  void counters;
}, 300_000);
