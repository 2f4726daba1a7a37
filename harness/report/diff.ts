/**
 * Run-to-run diff: which checks changed verdict per target between a baseline and a current run,
 * classified so that a nightly job can say "KR2 regressed on 3 checks since yesterday".
 * Pure: the CLI (harness/cli/report.ts) reads the files, the site and Markdown render the result.
 */
import type { Verdict } from '../verdict/verdict.ts';
import type { ResultEntry, ResultsFile } from './schema.ts';

/** A verdict, or `missing` when the run has no result for the check (not run, older suite). */
export type CellVerdict = Verdict | 'missing';

export type ChangeKind =
  /** Was not failing (pass, known deviation, skipped), now fails, errors or unexpectedly passes. */
  | 'regression'
  /** Was failing or erroring, now passes. */
  | 'fix'
  /** A change into or out of known-deviation that is neither (newly deviating, deviation resolved, …). */
  | 'deviation'
  /** In the current run only. */
  | 'added'
  /** In the baseline only. */
  | 'removed'
  /** Any other change (pass ↔ skipped, fail ↔ error). */
  | 'other';

export interface Change {
  target: string;
  id: string;
  operation: string;
  title: string;
  level: string;
  spec: string;
  from: CellVerdict;
  to: CellVerdict;
  kind: ChangeKind;
  /** The current (or, when removed, the baseline) observed text, for the reader. */
  observed?: string;
}

export interface TargetDiff {
  target: string;
  baselineDate?: string;
  currentDate?: string;
  /** Present only in one of the two runs. */
  only?: 'baseline' | 'current';
  changes: Change[];
  counts: Record<ChangeKind, number>;
}

export interface RunDiff {
  targets: TargetDiff[];
  regressions: number;
  fixes: number;
}

function isBadVerdict(v: CellVerdict): boolean {
  return v === 'fail' || v === 'error' || v === 'unexpected-pass';
}

/** Classify one verdict change (from !== to). */
export function classify(from: CellVerdict, to: CellVerdict): ChangeKind | undefined {
  if (from === to) return undefined;
  if (from === 'missing') return 'added';
  if (to === 'missing') return 'removed';
  if (isBadVerdict(to) && !isBadVerdict(from)) {
    // The target now conforms where it was listed as deviating: good news, the expectation is stale.
    return from === 'known-deviation' && to === 'unexpected-pass' ? 'deviation' : 'regression';
  }
  if (isBadVerdict(from) && !isBadVerdict(to)) {
    if (to === 'pass') return 'fix';
    if (to === 'known-deviation') return 'deviation';
    return 'other';
  }
  if (from === 'known-deviation' || to === 'known-deviation') return 'deviation';
  return 'other';
}

const KINDS: readonly ChangeKind[] = ['regression', 'fix', 'deviation', 'added', 'removed', 'other'];

function emptyCounts(): Record<ChangeKind, number> {
  return Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<ChangeKind, number>;
}

function observedOf(e: ResultEntry | undefined): string | undefined {
  if (!e) return undefined;
  return e.error?.observed ?? e.error?.message.split('\n')[0] ?? e.skipReason;
}

export function diffTarget(target: string, baseline: ResultsFile | undefined, current: ResultsFile | undefined): TargetDiff {
  const d: TargetDiff = { target, changes: [], counts: emptyCounts() };
  if (baseline) d.baselineDate = baseline.run.finishedAt;
  if (current) d.currentDate = current.run.finishedAt;
  if (!baseline || !current) {
    d.only = baseline ? 'baseline' : 'current';
    return d;
  }
  const before = new Map(baseline.results.map((e) => [e.id, e]));
  const after = new Map(current.results.map((e) => [e.id, e]));
  const ids = [...new Set([...after.keys(), ...before.keys()])];
  for (const id of ids) {
    const b = before.get(id);
    const a = after.get(id);
    const from: CellVerdict = b?.verdict ?? 'missing';
    const to: CellVerdict = a?.verdict ?? 'missing';
    const kind = classify(from, to);
    if (!kind) continue;
    const e = (a ?? b) as ResultEntry;
    const c: Change = { target, id, operation: e.operation, title: e.title, level: e.level, spec: e.spec, from, to, kind };
    const obs = observedOf(a ?? b);
    if (obs !== undefined) c.observed = obs;
    d.changes.push(c);
    d.counts[kind]++;
  }
  const rank = (k: ChangeKind): number => KINDS.indexOf(k);
  d.changes.sort((x, y) => rank(x.kind) - rank(y.kind) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return d;
}

/** Pair runs by target name and diff each pair. */
export function diffRuns(baseline: readonly ResultsFile[], current: readonly ResultsFile[]): RunDiff {
  const b = new Map(baseline.map((r) => [r.run.target, r]));
  const c = new Map(current.map((r) => [r.run.target, r]));
  const targets = [...new Set([...c.keys(), ...b.keys()])].map((t) => diffTarget(t, b.get(t), c.get(t)));
  return {
    targets,
    regressions: targets.reduce((n, t) => n + t.counts.regression, 0),
    fixes: targets.reduce((n, t) => n + t.counts.fix, 0),
  };
}

function md(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function day(iso: string | undefined): string {
  return iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : 'unknown date';
}

function table(changes: readonly Change[]): string[] {
  const lines = ['| check | level | before | after | observed now |', '|---|---|---|---|---|'];
  for (const c of changes) {
    lines.push(`| [${md(c.id)}](${c.spec}) | ${c.level} | ${c.from} | **${c.to}** | ${md(c.observed ?? '')} |`);
  }
  return lines;
}

/** The diff as Markdown for a CI step summary. */
export function renderDiffMarkdown(d: RunDiff): string {
  const lines: string[] = ['## S3 conformance: changes since the baseline', ''];
  for (const t of d.targets) {
    if (t.only) {
      lines.push(`- **${md(t.target)}**: only in the ${t.only} run, nothing to compare.`);
      continue;
    }
    const n = t.counts;
    const head =
      n.regression > 0
        ? `**${md(t.target)} regressed on ${plural(n.regression, 'check')}** since ${day(t.baselineDate)}`
        : `**${md(t.target)}**: no regression since ${day(t.baselineDate)}`;
    const rest = [
      n.fix ? plural(n.fix, 'fix', 'fixes') : '',
      n.deviation ? plural(n.deviation, 'known-deviation change') : '',
      n.added ? `${n.added} added` : '',
      n.removed ? `${n.removed} removed` : '',
      n.other ? `${n.other} other` : '',
    ].filter(Boolean);
    lines.push(`- ${head}${rest.length ? ` (${rest.join(', ')})` : ''}.`);
  }
  for (const t of d.targets) {
    const reg = t.changes.filter((c) => c.kind === 'regression');
    const fix = t.changes.filter((c) => c.kind === 'fix');
    const dev = t.changes.filter((c) => c.kind === 'deviation');
    const other = t.changes.filter((c) => c.kind === 'added' || c.kind === 'removed' || c.kind === 'other');
    if (!reg.length && !fix.length && !dev.length && !other.length) continue;
    lines.push('', `### ${md(t.target)}`);
    if (reg.length) lines.push('', `#### ❌ Regressions (${reg.length})`, '', ...table(reg));
    if (fix.length) lines.push('', `#### ✅ Fixes (${fix.length})`, '', ...table(fix));
    if (dev.length) lines.push('', `<details><summary>🟨 Known-deviation changes (${dev.length})</summary>`, '', ...table(dev), '', '</details>');
    if (other.length) lines.push('', `<details><summary>Other changes (${other.length})</summary>`, '', ...table(other), '', '</details>');
  }
  lines.push('');
  return lines.join('\n');
}
