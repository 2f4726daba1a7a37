/**
 * Request estimates for a run, from the per-check request counts of an earlier run's
 * results.json (e.g. the benchmark's). Printed before a run against a real, billed region.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ResultsFile } from '../report/schema.ts';

export interface Estimate {
  total: number;
  checks: number;
  /** Checks selected that the reference run did not have (counted with the reference's mean). */
  unknown: number;
  perArea: Record<string, number>;
  /** Requests per property check per run (a property scales with S3C_NUM_RUNS). */
  basis: string;
}

/**
 * Estimate the requests of a run selecting `selected` (predicate on check id) with `numRuns`
 * property runs, given a reference run made with `ref.run.numRuns`.
 */
export function estimateRequests(ref: ResultsFile, select: (id: string) => boolean = () => true, numRuns?: number): Estimate {
  const perArea: Record<string, number> = {};
  let total = 0;
  let checks = 0;
  const withCounts = ref.results.filter((e) => e.requests !== undefined);
  const mean = withCounts.length ? withCounts.reduce((a, e) => a + (e.requests ?? 0), 0) / withCounts.length : 0;
  let unknown = 0;
  for (const e of ref.results) {
    if (!select(e.id) || e.verdict === 'skipped') continue;
    checks++;
    let n = e.requests ?? mean;
    if (e.requests === undefined) unknown++;
    if (e.kind === 'property' && numRuns !== undefined && ref.run.numRuns > 0) {
      const runs = Math.max(1, e.property?.runs ?? ref.run.numRuns);
      n = (n / runs) * Math.min(numRuns, e.property?.numRuns ?? numRuns);
    }
    total += n;
    perArea[e.area] = (perArea[e.area] ?? 0) + n;
  }
  for (const k of Object.keys(perArea)) perArea[k] = Math.round(perArea[k] as number);
  return { total: Math.round(total), checks, unknown, perArea, basis: `${ref.run.target} run of ${ref.run.finishedAt}` };
}

export function loadReference(file: string): ResultsFile | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ResultsFile;
  } catch {
    return undefined;
  }
}
