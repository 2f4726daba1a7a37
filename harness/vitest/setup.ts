/**
 * Per-file setup of the conformance project (test workers): after each file, destroy the buckets
 * it created and write its request/byte counters for the run totals.
 *
 * A terminal's Ctrl-C reaches the whole process group: a worker ignores SIGINT, so the main process
 * decides (it cancels the run, and kills the workers by the pids written here if they do not stop
 * within its grace period; the ledger then tells it what to delete).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { destroyOwned } from '../run/buckets.ts';
import { counters, diffCounters, snapshotCounters, type Counters } from '../transport/http.ts';
import { runtime } from '../run/runtime.ts';

declare global {
  var __s3cWorkerReady: boolean | undefined;
}

if (!globalThis.__s3cWorkerReady) {
  globalThis.__s3cWorkerReady = true;
  process.on('SIGINT', () => undefined);
  try {
    writeFileSync(join(runtime().runDir, `worker-${process.pid}`), String(process.pid));
  } catch {
    /* no run directory (a collect-only run) */
  }
}

let last: Counters = snapshotCounters();
let n = 0;

afterAll(async () => {
  const rt = runtime();
  const leaked = await destroyOwned(rt);
  const now = snapshotCounters();
  const d = diffCounters(last, now);
  last = now;
  n++;
  try {
    writeFileSync(
      join(rt.runDir, `counters-${process.pid}-${n}-${Math.random().toString(36).slice(2, 8)}.json`),
      JSON.stringify({ ...d, leaked }),
    );
  } catch {
    /* the run directory is gone (the run was interrupted and swept) */
  }
  void counters;
}, 300_000);
