/**
 * The data model of the compatibility site: a join of runs by check id. Runs are grouped by
 * target: a target's column is its newest complete run (or its newest run when none is complete);
 * a newer incomplete run gets a column of its own, marked, after every complete one; older runs
 * are the target's history. A run that cannot be judged as S3 (present.ts `unjudgeable`) is not a
 * column: it is listed apart. The page embeds this model as one JSON blob and renders it with a
 * small script.
 */
import type { Evidence } from '../../check/evidence.ts';
import { formatExchanges } from '../../transport/wire.ts';
import { classify, type ChangeKind, type RunDiff } from '../diff.ts';
import {
  failureOf, runStateOf, scoresOf, SHOWN_ORDER, shownVerdict, supportOf, targetTitle, unjudgeable,
  type RunState, type Score, type ShownVerdict, type Support,
} from '../present.ts';
import { sortEntries } from '../results.ts';
import type { ResultEntry, ResultsFile } from '../schema.ts';

/** Cell verdicts in legend order; a cell stores its index into this list ('not-run': no result). */
export const CELL_VERDICTS: readonly ShownVerdict[] = SHOWN_ORDER;

export interface SiteTarget {
  /** Column key (the target name; `name (runId)` for a second column of one target). */
  name: string;
  target: string;
  display: string;
  description?: string;
  profile: string;
  endpointHost: string;
  region: string;
  runId: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  toolVersion: string;
  seed: number;
  requests: number;
  aborted?: string;
  leaks: string[];
  state: RunState;
  /** Checks of the site this run has a verdict for. */
  ran: number;
  total: number;
  counts: Record<ShownVerdict, number>;
  required: Score;
  optional: Score;
  /** The run's own page, relative to the site. */
  page: string;
  /** When the column is an older complete run: the newer incomplete run shown beside it. */
  note?: string;
}

export interface SiteDetail {
  ms: number;
  field?: string;
  expected?: string;
  observed?: string;
  server?: string;
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
  ev: Evidence[];
  /** One index into CELL_VERDICTS per column. */
  v: number[];
  /** One detail per column; 0 when the column's run has no result. */
  d: Array<SiteDetail | 0>;
  /** Per column, the baseline verdict index when it changed, else -1 (only with a diff). */
  was?: number[];
}

export interface RollupCell {
  req: Score;
  opt: Score;
  support: Support;
}

export interface HistoryRun {
  runId: string;
  startedAt: string;
  state: RunState;
  required: Score;
  optional: Score;
  page: string;
  excluded?: string;
}

export interface HistoryChange {
  id: string;
  title: string;
  level: string;
  from: ShownVerdict;
  to: ShownVerdict;
  kind: ChangeKind;
}

export interface TargetHistory {
  target: string;
  display: string;
  /** Oldest first. */
  runs: HistoryRun[];
  /** Changes from runs[i - 1] to runs[i] (i ≥ 1), checks that ran in both only. */
  steps: Array<{ from: number; to: number; changes: HistoryChange[] }>;
}

export interface ExcludedRun {
  target: string;
  display: string;
  runId: string;
  finishedAt: string;
  reason: string;
  page: string;
}

export interface SiteModel {
  title: string;
  generatedAt: string;
  verdicts: readonly ShownVerdict[];
  targets: SiteTarget[];
  /** Areas in display order, each with its operations in display order. */
  areas: Array<{ area: string; ops: string[] }>;
  /** Per operation / per area, per column roll-up. */
  opStats: Record<string, RollupCell[]>;
  areaStats: Record<string, RollupCell[]>;
  checks: SiteCheck[];
  history: TargetHistory[];
  excluded: ExcludedRun[];
  diff?: RunDiff & { baseline: string };
}

/** Where a run's own page lives in the site. */
export function runPagePath(r: ResultsFile): string {
  const safe = (s: string): string => s.replace(/[^A-Za-z0-9._-]+/g, '_');
  return `runs/${safe(r.run.target)}/${safe(r.run.runId)}-${safe(r.run.startedAt.replace(/[:.]/g, ''))}.html`;
}

function detailOf(e: ResultEntry): SiteDetail {
  const d: SiteDetail = { ms: e.durationMs };
  const f = failureOf(e);
  if (f) {
    if (f.field) d.field = f.field;
    if (f.expected !== undefined) d.expected = f.expected;
    if (f.observed !== undefined) d.observed = f.observed;
    if (f.server) d.server = f.server;
    if (f.more) d.message = f.more;
    if (e.error?.notImplemented) d.notImplemented = true;
  }
  if (e.expectation) d.expectation = { expected: e.expectation.expected, reason: e.expectation.reason, ...(e.expectation.link ? { link: e.expectation.link } : {}) };
  if (e.skipReason) d.skip = e.skipReason;
  if (e.wire && e.wire.length) d.wire = formatExchanges(e.wire);
  if (e.property) d.property = { ...e.property };
  return d;
}

const byTime = (a: ResultsFile, b: ResultsFile): number => (a.run.startedAt < b.run.startedAt ? -1 : a.run.startedAt > b.run.startedAt ? 1 : 0);

interface Column {
  run: ResultsFile;
  note?: string;
}

/** Which runs are columns, which are history only, which are excluded (see the file comment). */
export function pickColumns(runs: readonly ResultsFile[]): { columns: Column[]; excluded: Array<{ run: ResultsFile; reason: string }>; groups: Map<string, ResultsFile[]> } {
  const groups = new Map<string, ResultsFile[]>();
  for (const r of runs) {
    const g = groups.get(r.run.target) ?? [];
    g.push(r);
    groups.set(r.run.target, g);
  }
  const columns: Column[] = [];
  const excluded: Array<{ run: ResultsFile; reason: string }> = [];
  for (const g of groups.values()) {
    g.sort(byTime);
    const usable = g.filter((r) => {
      const why = unjudgeable(r);
      if (why) excluded.push({ run: r, reason: why });
      return !why;
    });
    if (!usable.length) continue;
    const complete = usable.filter((r) => runStateOf(r).kind === 'complete');
    const newest = usable[usable.length - 1] as ResultsFile;
    const main = complete[complete.length - 1] ?? newest;
    if (newest !== main) {
      columns.push({ run: main, note: `a newer ${runStateOf(newest).label} run (${newest.run.startedAt.slice(0, 16).replace('T', ' ')}) is shown beside it` });
      columns.push({ run: newest });
    } else columns.push({ run: main });
  }
  return { columns, excluded, groups };
}

function emptyCell(): RollupCell {
  return { req: { pass: 0, judged: 0 }, opt: { pass: 0, judged: 0 }, support: 'untested' };
}

export function buildModel(runs: readonly ResultsFile[], opts: { title?: string; diff?: RunDiff & { baseline: string }; now?: Date } = {}): SiteModel {
  const picked = pickColumns(runs);
  // Complete columns first, each group best first by required pass share; never an incomplete run above a complete one.
  const rank = (c: Column): number[] => {
    const s = scoresOf(c.run.results).required;
    return [runStateOf(c.run).kind === 'complete' ? 0 : 1, s.judged ? -(s.pass / s.judged) : 1];
  };
  const cols = picked.columns
    .map((c) => ({ c, k: rank(c) }))
    .sort((a, b) => (a.k[0] as number) - (b.k[0] as number) || (a.k[1] as number) - (b.k[1] as number) || (a.c.run.run.target < b.c.run.run.target ? -1 : 1))
    .map((x) => x.c);
  const colRuns = cols.map((c) => c.run);
  const nT = colRuns.length;
  const notRun = CELL_VERDICTS.indexOf('not-run');

  // Rows: every check of every run shown (columns and history, not excluded runs), metadata from the newest run that has it.
  const first = new Map<string, ResultEntry>();
  const shownRuns = runs.filter((r) => !picked.excluded.some((x) => x.run === r));
  for (const r of [...shownRuns].sort(byTime).reverse()) for (const e of r.results) if (!first.has(e.id)) first.set(e.id, e);
  const sorted = sortEntries([...first.values()]);
  const index = new Map(sorted.map((e, i) => [e.id, i]));
  const checks: SiteCheck[] = sorted.map((e) => ({
    id: e.id, op: e.operation, area: e.area, title: e.title, level: e.level, spec: e.spec, kind: e.kind, file: e.file, ev: e.evidence ?? [],
    v: new Array<number>(nT).fill(notRun),
    d: new Array<SiteDetail | 0>(nT).fill(0),
  }));
  colRuns.forEach((r, t) => {
    for (const e of r.results) {
      const c = checks[index.get(e.id) as number] as SiteCheck;
      c.v[t] = CELL_VERDICTS.indexOf(shownVerdict(e));
      c.d[t] = detailOf(e);
    }
  });

  const areas: SiteModel['areas'] = [];
  const opStats: SiteModel['opStats'] = {};
  const areaStats: SiteModel['areaStats'] = {};
  for (const c of checks) {
    let a = areas[areas.length - 1];
    if (!a || a.area !== c.area) areas.push((a = { area: c.area, ops: [] }));
    if (!a.ops.includes(c.op)) a.ops.push(c.op);
    const os = (opStats[c.op] ??= Array.from({ length: nT }, emptyCell));
    const as = (areaStats[c.area] ??= Array.from({ length: nT }, emptyCell));
    c.v.forEach((vi, t) => {
      const v = CELL_VERDICTS[vi] as ShownVerdict;
      if (v === 'skipped' || v === 'not-run') return;
      for (const cell of [os[t] as RollupCell, as[t] as RollupCell]) {
        const s = c.level === 'required' ? cell.req : cell.opt;
        s.judged++;
        if (v === 'pass') s.pass++;
      }
    });
  }
  for (const cells of [...Object.values(opStats), ...Object.values(areaStats)]) {
    for (const cell of cells) cell.support = supportOf({ pass: cell.req.pass + cell.opt.pass, judged: cell.req.judged + cell.opt.judged });
  }

  const seenTarget = new Map<string, number>();
  const targets: SiteTarget[] = cols.map((col) => {
    const r = col.run;
    const run = r.run;
    const n = (seenTarget.get(run.target) ?? 0) + 1;
    seenTarget.set(run.target, n);
    const s = scoresOf(r.results);
    const state = runStateOf(r, checks.length);
    const counts = Object.fromEntries(CELL_VERDICTS.map((v) => [v, 0])) as Record<ShownVerdict, number>;
    for (const e of r.results) counts[shownVerdict(e)]++;
    counts['not-run'] += checks.length - r.results.length;
    const st: SiteTarget = {
      name: n === 1 ? run.target : `${run.target} (${run.runId})`, target: run.target, display: targetTitle(run), profile: run.profile,
      endpointHost: run.endpointHost, region: run.region, runId: run.runId, startedAt: run.startedAt, finishedAt: run.finishedAt,
      durationMs: run.durationMs, toolVersion: run.toolVersion, seed: run.seed, requests: run.requests, leaks: run.leaks ?? [],
      state, ran: s.ran, total: checks.length, counts, required: s.required, optional: s.optional, page: runPagePath(r),
    };
    if (run.description) st.description = run.description;
    if (run.aborted) st.aborted = run.aborted;
    if (col.note) st.note = col.note;
    return st;
  });

  // History: every target with more than one run, oldest first.
  const excludedSet = new Map(picked.excluded.map((x) => [x.run, x.reason]));
  const history: TargetHistory[] = [];
  for (const [target, g] of picked.groups) {
    if (g.length < 2) continue;
    const h: TargetHistory = { target, display: targetTitle((g[g.length - 1] as ResultsFile).run), runs: [], steps: [] };
    g.forEach((r, i) => {
      const s = scoresOf(r.results);
      const hr: HistoryRun = { runId: r.run.runId, startedAt: r.run.startedAt, state: runStateOf(r, checks.length), required: s.required, optional: s.optional, page: runPagePath(r) };
      const why = excludedSet.get(r);
      if (why) hr.excluded = why;
      h.runs.push(hr);
      if (i === 0) return;
      const prev = g[i - 1] as ResultsFile;
      const before = new Map(prev.results.map((e) => [e.id, e]));
      const changes: HistoryChange[] = [];
      for (const e of r.results) {
        const b = before.get(e.id);
        if (!b) continue;
        const from = shownVerdict(b);
        const to = shownVerdict(e);
        if (from === to || from === 'not-run' || to === 'not-run') continue;
        const kind = classify(b.verdict, e.verdict) ?? 'other';
        changes.push({ id: e.id, title: e.title, level: e.level, from, to, kind });
      }
      const order: ChangeKind[] = ['regression', 'fix', 'deviation', 'other', 'added', 'removed'];
      changes.sort((x, y) => order.indexOf(x.kind) - order.indexOf(y.kind) || (x.id < y.id ? -1 : 1));
      h.steps.push({ from: i - 1, to: i, changes });
    });
    history.push(h);
  }
  history.sort((a, b) => (a.display < b.display ? -1 : 1));

  const model: SiteModel = {
    title: opts.title ?? 'S3 compatibility report',
    generatedAt: (opts.now ?? new Date()).toISOString(),
    verdicts: CELL_VERDICTS,
    targets,
    areas,
    opStats,
    areaStats,
    checks,
    history,
    excluded: picked.excluded.map(({ run: r, reason }) => ({ target: r.run.target, display: targetTitle(r.run), runId: r.run.runId, finishedAt: r.run.finishedAt, reason, page: runPagePath(r) })),
  };
  if (opts.diff) {
    model.diff = opts.diff;
    const col = new Map<string, number>();
    targets.forEach((t, i) => {
      if (!col.has(t.target)) col.set(t.target, i);
    });
    const toShown = (v: string): ShownVerdict => (v === 'missing' ? 'not-run' : (v as ShownVerdict));
    for (const td of opts.diff.targets) {
      const t = col.get(td.target);
      if (t === undefined) continue;
      for (const ch of td.changes) {
        const i = index.get(ch.id);
        if (i === undefined) continue;
        const c = checks[i] as SiteCheck;
        c.was ??= new Array<number>(nT).fill(-1);
        c.was[t] = CELL_VERDICTS.indexOf(ch.from === 'fail' && ch.level === 'optional' ? 'fail-optional' : toShown(ch.from));
      }
    }
  }
  return model;
}
