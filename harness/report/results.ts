/**
 * Turning collected checks into results.json: verdicts, summary, stable order.
 */
import type { S3cMeta } from '../check/index.ts';
import { AREA_ORDER, OPERATIONS, type Operation } from '../check/operations.ts';
import { countVerdicts, judgeVerdict, type Outcome, type VerdictCounts } from '../verdict/verdict.ts';
import type { ResultEntry, ResultsFile, RunInfo, Summary } from './schema.ts';
import { SCHEMA_VERSION } from './schema.ts';

export interface RawCase {
  meta: S3cMeta;
  /** vitest's state (inverted for expected-fail checks, which run in `fails` mode). */
  state: 'passed' | 'failed' | 'skipped' | 'pending';
  durationMs: number;
  /** vitest's error messages, for failures that happened outside the check body (time-outs, hooks). */
  runnerErrors: string[];
}

/** The outcome of a case: the check body's own record first, vitest's state otherwise. */
export function outcomeOf(c: RawCase): Outcome {
  if (c.meta.skipReason) return c.meta.outcome ?? 'skip';
  // Not run because a hook of its file failed (the runner recorded why): could not judge.
  if ((c.state === 'skipped' || c.state === 'pending') && !c.meta.outcome && c.runnerErrors.length) return 'error';
  if (c.state === 'skipped' || c.state === 'pending') return c.meta.outcome ?? 'skip';
  if (c.meta.outcome) return c.meta.outcome;
  // No outcome recorded: the body never finished (time-out) or a hook failed: an infrastructure error.
  return 'error';
}

export function toEntry(c: RawCase): ResultEntry {
  const m = c.meta;
  const outcome = outcomeOf(c);
  const verdict = judgeVerdict(outcome, m.expectation, m.error);
  // A known deviation that failed another way (judgeVerdict: its pinned observation not seen).
  const otherFailure = verdict === 'fail' && m.expectation?.expected === 'fail';
  const e: ResultEntry = {
    id: m.id,
    operation: m.operation,
    area: m.area,
    title: m.title,
    level: m.level,
    spec: m.spec,
    evidence: m.evidence ?? [],
    kind: m.kind,
    file: m.file,
    status: outcome === 'pass' ? 'passed' : outcome === 'skip' ? 'skipped' : 'failed',
    verdict,
    durationMs: Math.round(c.durationMs),
  };
  if (m.expectation) {
    e.expectation = {
      expected: m.expectation.expected,
      reason: m.expectation.reason,
      ...(m.expectation.link ? { link: m.expectation.link } : {}),
      ...(m.expectation.observed ? { observed: m.expectation.observed } : {}),
    };
  }
  if (m.skipReason) e.skipReason = m.skipReason;
  if (m.error) e.error = m.error;
  else if (outcome === 'error') e.error = { message: c.runnerErrors.join('\n') || 'the check did not finish (time-out or a failing hook)' };
  if (otherFailure) {
    e.error = {
      ...(m.error ?? { message: '' }),
      message: `fails differently from its known deviation (${m.expectation?.reason ?? ''}): expected the observed value to contain ${JSON.stringify(m.expectation?.observed)}\n${m.error?.message ?? ''}`,
    };
  }
  if (verdict === 'unexpected-pass') {
    e.error = { message: `listed as a known deviation (${m.expectation?.reason ?? ''}) but passed: update the expectations file`, expected: 'fail (known deviation)', observed: 'pass' };
  }
  if (m.wire && outcome !== 'pass') e.wire = m.wire;
  if (m.property) e.property = m.property;
  if (m.requests !== undefined) {
    e.requests = m.requests;
    e.bytesSent = m.bytesSent ?? 0;
    e.bytesReceived = m.bytesReceived ?? 0;
  }
  return e;
}

function areaRank(op: string): number {
  const info = OPERATIONS[op as Operation] as { area: (typeof AREA_ORDER)[number] } | undefined;
  return info ? AREA_ORDER.indexOf(info.area) : AREA_ORDER.length;
}
const OP_ORDER = Object.keys(OPERATIONS);

export function sortEntries(entries: ResultEntry[]): ResultEntry[] {
  return [...entries].sort(
    (a, b) => areaRank(a.operation) - areaRank(b.operation) || OP_ORDER.indexOf(a.operation) - OP_ORDER.indexOf(b.operation) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

function rate(entries: ResultEntry[]): number {
  const judged = entries.filter((e) => e.verdict !== 'skipped');
  if (judged.length === 0) return 0;
  return judged.filter((e) => e.verdict === 'pass').length / judged.length;
}

export function summarize(entries: ResultEntry[]): Summary {
  const counts = countVerdicts(entries.map((e) => e.verdict));
  const byOperation: Record<string, VerdictCounts> = {};
  for (const op of [...new Set(entries.map((e) => e.operation))]) {
    byOperation[op] = countVerdicts(entries.filter((e) => e.operation === op).map((e) => e.verdict));
  }
  return {
    ...counts,
    total: entries.length,
    byOperation,
    requiredPassRate: rate(entries.filter((e) => e.level === 'required')),
    optionalPassRate: rate(entries.filter((e) => e.level === 'optional')),
    requiredFail: entries.filter((e) => e.verdict === 'fail' && e.level === 'required').length,
    optionalFail: entries.filter((e) => e.verdict === 'fail' && e.level === 'optional').length,
  };
}

export function buildResults(run: RunInfo, cases: RawCase[]): ResultsFile {
  const entries = sortEntries(cases.map(toEntry));
  if (run.aborted) {
    for (const e of entries) if (e.verdict === 'skipped' && !e.skipReason) e.skipReason = `not run: the run stopped early (${run.aborted})`;
  }
  return { schemaVersion: SCHEMA_VERSION, run, summary: summarize(entries), results: entries };
}
