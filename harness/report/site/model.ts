/**
 * The data model of the compatibility site: a join of any number of runs (one per target) by
 * check id. The page embeds this model as one JSON blob and renders it with a small script.
 */
import { formatExchanges } from '../../wire.ts';
import type { RunDiff, CellVerdict } from '../diff.ts';
import { sortEntries } from '../results.ts';
import type { ResultEntry, ResultsFile } from '../schema.ts';

/** Cell verdicts in legend order; a cell stores its index into this list. */
export const CELL_VERDICTS: readonly CellVerdict[] = ['pass', 'known-deviation', 'fail', 'unexpected-pass', 'error', 'skipped', 'missing'];

export interface SiteTarget {
  name: string;
  profile: string;
  endpointHost: string;
  region: string;
  runId: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  toolVersion: string;
  node: string;
  seed: number;
  numRuns: number;
  requests: number;
  aborted?: string;
  leaks: string[];
  total: number;
  counts: Record<CellVerdict, number>;
  /** Pass share of judged (not skipped, not missing) checks of a level, 0..100; null when none judged. */
  requiredPct: number | null;
  optionalPct: number | null;
}

export interface SiteDetail {
  ms: number;
  expected?: string;
  observed?: string;
  message?: string;
  notImplemented?: boolean;
  expectation?: { expected: string; reason: string; link?: string };
  skip?: string;
  wire?: string;
  property?: ResultEntry['property'];
}

export interface SiteCheck {
  id: string;
  op: string;
  area: string;
  title: string;
  level: string;
  spec: string;
  kind: string;
  file: string;
  /** One index into CELL_VERDICTS per target. */
  v: number[];
  /** One detail per target; 0 when the target has no result. */
  d: Array<SiteDetail | 0>;
  /** Per target, the baseline verdict index when it changed, else -1 (only with a diff). */
  was?: number[];
}

export interface LevelStats {
  reqPass: number;
  reqJudged: number;
  optPass: number;
  optJudged: number;
}

export interface SiteModel {
  title: string;
  generatedAt: string;
  verdicts: readonly CellVerdict[];
  targets: SiteTarget[];
  /** Areas in display order, each with its operations in display order. */
  areas: Array<{ area: string; ops: string[] }>;
  /** Per operation, per target compatibility counts. */
  opStats: Record<string, LevelStats[]>;
  checks: SiteCheck[];
  diff?: RunDiff & { baseline: string };
}

function pct(pass: number, judged: number): number | null {
  return judged === 0 ? null : Math.round((pass / judged) * 1000) / 10;
}

function detailOf(e: ResultEntry): SiteDetail {
  const d: SiteDetail = { ms: e.durationMs };
  if (e.error) {
    if (e.error.expected !== undefined) d.expected = e.error.expected;
    if (e.error.observed !== undefined) d.observed = e.error.observed;
    d.message = e.error.message;
    if (e.error.notImplemented) d.notImplemented = true;
  }
  if (e.expectation) d.expectation = { ...e.expectation };
  if (e.skipReason) d.skip = e.skipReason;
  if (e.wire && e.wire.length) d.wire = formatExchanges(e.wire);
  if (e.property) d.property = { ...e.property };
  return d;
}

export function buildModel(runs: readonly ResultsFile[], opts: { title?: string; diff?: RunDiff & { baseline: string }; now?: Date } = {}): SiteModel {
  const nT = runs.length;
  const missing = CELL_VERDICTS.indexOf('missing');
  // Metadata of a check comes from the first run that has it.
  const first = new Map<string, ResultEntry>();
  for (const r of runs) for (const e of r.results) if (!first.has(e.id)) first.set(e.id, e);
  // Grouped by area, then operation (first appearance in the suite's order), then id.
  const sorted = sortEntries([...first.values()]);
  const areaRank = new Map<string, number>();
  const opRank = new Map<string, number>();
  for (const e of sorted) {
    if (!areaRank.has(e.area)) areaRank.set(e.area, areaRank.size);
    if (!opRank.has(e.operation)) opRank.set(e.operation, opRank.size);
  }
  const ordered = sorted
    .map((e, i) => ({ e, i }))
    .sort((x, y) => (areaRank.get(x.e.area) as number) - (areaRank.get(y.e.area) as number) || (opRank.get(x.e.operation) as number) - (opRank.get(y.e.operation) as number) || x.i - y.i)
    .map((x) => x.e);
  const index = new Map(ordered.map((e, i) => [e.id, i]));
  const checks: SiteCheck[] = ordered.map((e) => ({
    id: e.id,
    op: e.operation,
    area: e.area,
    title: e.title,
    level: e.level,
    spec: e.spec,
    kind: e.kind,
    file: e.file,
    v: new Array<number>(nT).fill(missing),
    d: new Array<SiteDetail | 0>(nT).fill(0),
  }));
  runs.forEach((r, t) => {
    for (const e of r.results) {
      const c = checks[index.get(e.id) as number] as SiteCheck;
      c.v[t] = CELL_VERDICTS.indexOf(e.verdict);
      c.d[t] = detailOf(e);
    }
  });

  const areas: SiteModel['areas'] = [];
  const opStats: SiteModel['opStats'] = {};
  for (const c of checks) {
    let a = areas[areas.length - 1];
    if (!a || a.area !== c.area) areas.push((a = { area: c.area, ops: [] }));
    if (!a.ops.includes(c.op)) a.ops.push(c.op);
    const stats = (opStats[c.op] ??= Array.from({ length: nT }, () => ({ reqPass: 0, reqJudged: 0, optPass: 0, optJudged: 0 })));
    c.v.forEach((vi, t) => {
      const v = CELL_VERDICTS[vi];
      if (v === 'skipped' || v === 'missing') return;
      const s = stats[t] as LevelStats;
      if (c.level === 'required') {
        s.reqJudged++;
        if (v === 'pass') s.reqPass++;
      } else {
        s.optJudged++;
        if (v === 'pass') s.optPass++;
      }
    });
  }

  const targets: SiteTarget[] = runs.map((r, t) => {
    const counts = Object.fromEntries(CELL_VERDICTS.map((v) => [v, 0])) as Record<CellVerdict, number>;
    for (const c of checks) counts[CELL_VERDICTS[c.v[t] as number] as CellVerdict]++;
    let rp = 0, rj = 0, op = 0, oj = 0;
    for (const s of Object.values(opStats)) {
      const x = s[t] as LevelStats;
      rp += x.reqPass; rj += x.reqJudged; op += x.optPass; oj += x.optJudged;
    }
    const run = r.run;
    const st: SiteTarget = {
      name: run.target, profile: run.profile, endpointHost: run.endpointHost, region: run.region, runId: run.runId,
      startedAt: run.startedAt, finishedAt: run.finishedAt, durationMs: run.durationMs, toolVersion: run.toolVersion, node: run.node,
      seed: run.seed, numRuns: run.numRuns, requests: run.requests, leaks: run.leaks ?? [],
      total: r.results.length, counts, requiredPct: pct(rp, rj), optionalPct: pct(op, oj),
    };
    if (run.aborted) st.aborted = run.aborted;
    return st;
  });

  const model: SiteModel = {
    title: opts.title ?? 'S3 compatibility report',
    generatedAt: (opts.now ?? new Date()).toISOString(),
    verdicts: CELL_VERDICTS,
    targets,
    areas,
    opStats,
    checks,
  };
  if (opts.diff) {
    model.diff = opts.diff;
    const col = new Map(targets.map((t, i) => [t.name, i]));
    for (const td of opts.diff.targets) {
      const t = col.get(td.target);
      if (t === undefined) continue;
      for (const ch of td.changes) {
        const i = index.get(ch.id);
        if (i === undefined) continue;
        const c = checks[i] as SiteCheck;
        c.was ??= new Array<number>(nT).fill(-1);
        c.was[t] = CELL_VERDICTS.indexOf(ch.from);
      }
    }
  }
  return model;
}
