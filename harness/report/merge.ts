/**
 * Merging the results.json of the shards of one run (vitest --shard i/n, one shard per CI
 * runner) into one results.json per target. Deterministic: the same inputs, in any order, give
 * byte-identical output. Checks are de-duplicated by id (a duplicate keeps its worst verdict, so
 * a merge never hides a failure), counters are summed, the run info is combined.
 */
import type { Verdict } from '../verdict/verdict.ts';
import { sortEntries, summarize } from './results.ts';
import type { ResultEntry, ResultsFile, RunInfo } from './schema.ts';
import { SCHEMA_VERSION } from './schema.ts';

export class MergeError extends Error {}

/** Worst first: which of two entries with the same id the merge keeps. */
const SEVERITY: readonly Verdict[] = ['error', 'fail', 'unexpected-pass', 'known-deviation', 'pass', 'skipped'];

function uniqueSorted(xs: Iterable<string>): string[] {
  return [...new Set(xs)].sort();
}

function shardIndex(r: ResultsFile): number {
  const m = /^(\d+)\/(\d+)$/.exec(r.run.shard ?? '');
  return m ? Number(m[1]) : 0;
}

/** A stable order of the inputs, independent of the order they were given in. */
function orderInputs(files: readonly ResultsFile[]): ResultsFile[] {
  const key = (r: ResultsFile): string => `${String(shardIndex(r)).padStart(6, '0')}|${r.run.runId}|${r.run.startedAt}`;
  return [...files].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function pickEntry(a: ResultEntry, b: ResultEntry): ResultEntry {
  const d = SEVERITY.indexOf(a.verdict) - SEVERITY.indexOf(b.verdict);
  if (d !== 0) return d < 0 ? a : b;
  // Same verdict: the textual order of their JSON decides, so input order never matters.
  return JSON.stringify(a) <= JSON.stringify(b) ? a : b;
}

export function mergeResults(inputs: readonly ResultsFile[]): ResultsFile {
  if (inputs.length === 0) throw new MergeError('nothing to merge: no results.json given');
  for (const r of inputs) {
    if (r.schemaVersion !== SCHEMA_VERSION) throw new MergeError(`results of schema version ${String(r.schemaVersion)} cannot be merged (expected ${SCHEMA_VERSION})`);
  }
  const files = orderInputs(inputs);
  const first = files[0] as ResultsFile;
  for (const key of ['target', 'profile', 'region'] as const) {
    const values = uniqueSorted(files.map((r) => r.run[key]));
    if (values.length > 1) throw new MergeError(`the inputs are runs of different ${key}s (${values.join(', ')}): merge the shards of one target only`);
  }
  const counts = uniqueSorted(files.map((r) => r.run.shard?.split('/')[1] ?? '1'));
  if (counts.length > 1) throw new MergeError(`the inputs are shards of different splits (${files.map((r) => r.run.shard ?? 'unsharded').join(', ')})`);
  const shards = files.map((r) => r.run.shard).filter((s): s is string => s !== undefined);
  const dup = shards.find((s, i) => shards.indexOf(s) !== i);
  if (dup) throw new MergeError(`shard ${dup} is given twice`);

  const byId = new Map<string, ResultEntry>();
  for (const r of files) {
    for (const e of r.results) {
      const had = byId.get(e.id);
      byId.set(e.id, had ? pickEntry(had, e) : e);
    }
  }
  const results = sortEntries([...byId.values()]);

  const started = files.map((r) => r.run.startedAt).sort()[0] as string;
  const finished = files.map((r) => r.run.finishedAt).sort().at(-1) as string;
  const sum = (k: 'requests' | 'bytesSent' | 'bytesReceived' | 'throttleRetries' | 'transportErrors'): number => files.reduce((n, r) => n + r.run[k], 0);
  const stale = files.map((r) => new Set(r.run.staleExpectations));
  const run: RunInfo = {
    target: first.run.target,
    profile: first.run.profile,
    endpointHost: uniqueSorted(files.map((r) => r.run.endpointHost)).join(', '),
    region: first.run.region,
    pathStyle: first.run.pathStyle,
    runId: uniqueSorted(files.map((r) => r.run.runId)).join('+'),
    startedAt: started,
    finishedAt: finished,
    durationMs: Date.parse(finished) - Date.parse(started),
    // Shards of one CI run share S3C_SEED; otherwise the lowest shard's seed is recorded.
    seed: first.run.seed,
    numRuns: first.run.numRuns,
    toolVersion: uniqueSorted(files.map((r) => r.run.toolVersion)).join(', '),
    node: uniqueSorted(files.map((r) => r.run.node)).join(', '),
    features: first.run.features,
    listSettleMs: first.run.listSettleMs,
    requests: sum('requests'),
    bytesSent: sum('bytesSent'),
    bytesReceived: sum('bytesReceived'),
    throttleRetries: sum('throttleRetries'),
    transportErrors: sum('transportErrors'),
    leaks: uniqueSorted(files.flatMap((r) => r.run.leaks)),
    // Stale for the whole run only when no shard knew the check.
    staleExpectations: uniqueSorted(first.run.staleExpectations.filter((id) => stale.every((s) => s.has(id)))),
  };
  const n = Number(counts[0]);
  const complete = shards.length === n && n > 1;
  if (shards.length > 0 && !complete) run.shard = uniqueSorted(shards).join('+');
  const aborted = files.filter((r) => r.run.aborted).map((r) => (r.run.shard ? `shard ${r.run.shard}: ${r.run.aborted}` : (r.run.aborted as string)));
  if (aborted.length) run.aborted = aborted.join('; ');
  return { schemaVersion: SCHEMA_VERSION, run, summary: summarize(results), results };
}

/** Which shards of the split are missing (empty when complete or unsharded). */
export function missingShards(inputs: readonly ResultsFile[]): string[] {
  const shards = inputs.map((r) => r.run.shard).filter((s): s is string => s !== undefined);
  if (!shards.length) return [];
  const n = Number(shards[0]?.split('/')[1]);
  const have = new Set(shards);
  const out: string[] = [];
  for (let i = 1; i <= n; i++) if (!have.has(`${i}/${n}`)) out.push(`${i}/${n}`);
  return out;
}
