/**
 * The s3c results writer (vitest main process): computes verdicts, stops a run whose target died
 * or whose request budget ran out, sweeps the run's buckets, and writes results.json, summary.md
 * and index.html to reports/<target>/<runId>/, points reports/<target>/latest at it and refreshes
 * the copies at reports/<target>/. The console output is harness/vitest/console.ts's.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Reporter, TestCase, TestModule, Vitest } from 'vitest/node';
import { ListBucketsCommand } from '@aws-sdk/client-s3';
import type { S3cMeta } from '../check/index.ts';
import { destroyBucketDetailed, isRunBucket, ledgerState } from '../run/buckets.ts';
import { makeClient } from '../transport/client.ts';
import type { Counters } from '../transport/http.ts';
import { buildResults, type RawCase } from '../report/results.ts';
import { targetNames } from '../report/names.ts';
import { renderHtml } from '../report/html.ts';
import { renderMarkdown } from '../report/markdown.ts';
import type { ResultsFile, RunInfo } from '../report/schema.ts';
import type { Runtime } from '../run/runtime.ts';
import { loadExpectations, unknownIds } from '../verdict/expectations.ts';
import { scrub } from '../transport/wire.ts';
import { runState, type SweepResult } from './run-state.ts';

const DEAD_STREAK = 3;
const EXPECTATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'expectations');

/** The checks of a run; those a name filter (--only, --grep) left out are not part of it. */
export function collectCases(modules: ReadonlyArray<TestModule>, namePattern?: RegExp): RawCase[] {
  const out: RawCase[] = [];
  for (const mod of modules) {
    // A hook of the file failed (its bucket could not be made: the target did not answer): the
    // checks it kept from running could not be judged, they are errors, not skips.
    const hookErrors = mod.errors().map((e) => scrub(e.message ?? String(e)));
    for (const tc of mod.children.allTests()) {
      if (namePattern && !namePattern.test(tc.name)) continue;
      const c = toRawCase(tc);
      if (!c) continue;
      if (hookErrors.length && (c.state === 'skipped' || c.state === 'pending') && !c.meta.skipReason && !c.meta.outcome && c.runnerErrors.length === 0) {
        c.runnerErrors = hookErrors.map((m) => `not run: a hook of its file failed: ${m}`);
      }
      out.push(c);
    }
  }
  return out;
}

function toRawCase(tc: TestCase): RawCase | undefined {
  const meta = tc.meta().s3c as S3cMeta | undefined;
  if (!meta) return undefined;
  const r = tc.result();
  return {
    meta,
    state: r.state,
    durationMs: tc.diagnostic()?.duration ?? 0,
    runnerErrors: (r.errors ?? []).map((e) => scrub(e.message ?? String(e))),
  };
}

function sumCounters(runDir: string): Counters & { leaked: string[] } {
  const total = { requests: 0, bytesSent: 0, bytesReceived: 0, throttleRetries: 0, transportErrors: 0, throttledAnswers: 0, leaked: [] as string[] };
  if (!existsSync(runDir)) return total;
  for (const f of readdirSync(runDir).filter((n) => n.startsWith('counters-'))) {
    const c = JSON.parse(readFileSync(join(runDir, f), 'utf8')) as Counters & { leaked?: string[] };
    total.requests += c.requests;
    total.bytesSent += c.bytesSent;
    total.bytesReceived += c.bytesReceived;
    total.throttleRetries += c.throttleRetries;
    total.transportErrors += c.transportErrors;
    total.throttledAnswers += c.throttledAnswers ?? 0;
    total.leaked.push(...(c.leaked ?? []));
  }
  return total;
}

/** A delete that failed is tried again (a target that just came back, a stale keep-alive socket). */
async function destroyWithRetry(rt: Runtime, name: string): Promise<{ ok: boolean; existed: boolean }> {
  let r = { ok: false, existed: false };
  for (let attempt = 0; attempt < 3; attempt++) {
    r = await destroyBucketDetailed(rt, name).catch(() => ({ ok: false, existed: false }));
    if (r.ok) return r;
    await new Promise((res) => setTimeout(res, 500 * (attempt + 1)));
  }
  return r;
}

/** Delete whatever the run left: ledger entries not deleted, and any bucket with the run's prefix. */
export async function sweepRun(rt: Runtime): Promise<SweepResult> {
  const state = ledgerState(rt.runDir);
  const confirmed = new Set(state.created);
  const names = new Set([...state.intended, ...state.created]);
  let listedOk = false;
  try {
    const listed = await makeClient(rt).send(new ListBucketsCommand({}));
    listedOk = true;
    for (const b of listed.Buckets ?? []) {
      if (b.Name && isRunBucket(rt, b.Name)) {
        names.add(b.Name);
        confirmed.add(b.Name);
      }
    }
  } catch {
    /* the target may be down: the ledger is all we know */
  }
  const out: SweepResult = { leaks: [], unconfirmed: [], deleted: 0 };
  for (const name of names) {
    if (!isRunBucket(rt, name)) continue;
    // A name the ledger only intended, absent from a listing that answered: never created.
    if (listedOk && !confirmed.has(name)) {
      const r = await destroyWithRetry(rt, name);
      if (r.ok && r.existed) out.deleted++;
      else if (!r.ok && r.existed) out.leaks.push(name);
      continue;
    }
    const r = await destroyWithRetry(rt, name);
    if (r.ok) {
      if (r.existed || confirmed.has(name)) out.deleted++;
    } else if (confirmed.has(name) || r.existed) out.leaks.push(name);
    else out.unconfirmed.push(name);
  }
  out.leaks.sort();
  out.unconfirmed.sort();
  return out;
}

function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/** The report files of a run; `latest` and the top-level copies point at the newest run. */
export const REPORT_FILES = ['results.json', 'summary.md', 'index.html'] as const;

/**
 * Write a run's reports to `<reportDir>/<runId>/`, point `<reportDir>/latest` at it, and refresh
 * the copies at `<reportDir>/` (results.json, summary.md, index.html) that tools read.
 */
export function writeRunReports(reportDir: string, runId: string, files: Record<string, string>): string {
  const dir = join(reportDir, runId);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeAtomic(join(dir, name), text);
  publishLatest(reportDir, runId);
  for (const [name, text] of Object.entries(files)) writeAtomic(join(reportDir, name), text);
  return dir;
}

/** `<reportDir>/latest` → `<runId>` (a relative symlink, replaced atomically). */
export function publishLatest(reportDir: string, runId: string): void {
  const link = join(reportDir, 'latest');
  const tmp = `${link}.tmp-${process.pid}`;
  try {
    rmSync(tmp, { force: true });
    symlinkSync(runId, tmp);
    renameSync(tmp, link);
  } catch {
    /* a file system without symlinks: the top-level copies still name the newest run */
  }
}

export interface FinishInput {
  modules: ReadonlyArray<TestModule>;
  errors: ReadonlyArray<{ message?: string }>;
  namePattern?: string;
  shard?: { index: number; count: number };
  filtered: boolean;
  aborted?: string;
}

/** Sweep the run's buckets and write its reports (reporter at the run's end, or the CLI after an interruption). */
export async function finishRun(rt: Runtime, input: FinishInput): Promise<ResultsFile | undefined> {
  const state = runState();
  const cases = collectCases(input.modules, input.namePattern ? new RegExp(input.namePattern) : undefined);
  const sweep = await sweepRun(rt);
  state.sweep = sweep;
  const loadErrors = input.modules.some((m) => m.errors().length > 0) || input.errors.length > 0;
  if (cases.length === 0 && !input.aborted && !loadErrors) {
    state.empty = true;
    return undefined;
  }
  const counted = sumCounters(rt.runDir);
  const finishedAt = new Date();
  const u = new URL(rt.endpoint);
  const run: RunInfo = {
    target: rt.target,
    profile: rt.profile,
    ...targetNames(rt.target, rt.profile),
    endpointHost: u.host,
    region: rt.region,
    pathStyle: rt.pathStyle,
    runId: rt.runId,
    startedAt: rt.startedAt,
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - Date.parse(rt.startedAt),
    seed: rt.seed,
    numRuns: rt.numRuns,
    toolVersion: rt.toolVersion,
    node: process.version,
    features: rt.features,
    listSettleMs: rt.listSettleMs,
    requests: counted.requests,
    bytesSent: counted.bytesSent,
    bytesReceived: counted.bytesReceived,
    throttleRetries: counted.throttleRetries,
    transportErrors: counted.transportErrors,
    leaks: sweep.leaks,
    staleExpectations: [],
  };
  const full = !input.namePattern && !input.shard && !input.filtered;
  // Expectation entries naming checks that no longer exist: only a full, finished run can tell.
  if (full && !input.aborted) {
    const set = loadExpectations(process.env.S3C_EXPECTATIONS_DIR ?? EXPECTATIONS_DIR, rt.target);
    run.staleExpectations = unknownIds(set, new Set(cases.map((c) => c.meta.id)));
  }
  if (input.shard) run.shard = `${input.shard.index}/${input.shard.count}`;
  if (input.aborted) run.aborted = input.aborted;
  if (state.selection && Object.keys(state.selection).length) run.selection = state.selection;
  run.complete = full && !input.aborted;
  // A suite file that failed to load (syntax, bad metadata) must not hide behind a green run.
  const runErrors = input.aborted
    ? []
    : [
        ...input.modules.flatMap((m) => m.errors().map((e) => `${m.moduleId.replace(/^.*\/suites\//, 'suites/')}: ${e.message ?? String(e)}`)),
        ...input.errors.map((e) => `unhandled: ${e.message ?? String(e)}`),
      ].map((t) => scrub(t));
  if (runErrors.length) run.runErrors = runErrors;
  const results = buildResults(run, cases);
  const dir = writeRunReports(rt.reportDir, rt.runId, {
    'results.json': `${scrub(JSON.stringify(results, null, 2))}\n`,
    'summary.md': scrub(renderMarkdown(results)),
    'index.html': scrub(renderHtml(results)),
  });
  state.written = { results, dir };
  return results;
}

export default class S3cReporter implements Reporter {
  private vitest: Vitest | undefined;
  private deadStreak = 0;
  private requests = 0;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestCaseResult(tc: TestCase): void {
    const m = tc.meta().s3c as S3cMeta | undefined;
    if (!m) return;
    this.requests += m.requests ?? 0;
    const rt = globalThis.__s3cRuntime;
    if (m.targetDead) this.deadStreak++;
    else if (m.outcome === 'pass' || m.outcome === 'fail') this.deadStreak = 0;
    const state = runState();
    if (!state.stopped && !state.signal && this.deadStreak >= DEAD_STREAK) {
      this.stop('dead', `the target stopped answering (${DEAD_STREAK} checks in a row found it dead): ${m.error?.message ?? ''}`.trim());
    }
    if (!state.stopped && !state.signal && rt?.maxRequests !== undefined && this.requests > rt.maxRequests) {
      this.stop('budget', `request budget exceeded: ${this.requests} requests > S3C_MAX_REQUESTS=${rt.maxRequests}`);
    }
  }

  private stop(kind: 'dead' | 'budget', reason: string): void {
    runState().stopped = { kind, reason };
    process.stderr.write(`\ns3c: stopping the run: ${reason}\n`);
    void this.vitest?.cancelCurrentRun('test-failure');
  }

  async onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<{ message?: string }>, reason: string): Promise<void> {
    const rt = globalThis.__s3cRuntime;
    const state = runState();
    if (!rt || state.preflightFailure) return;
    let aborted = state.stopped?.reason;
    if (state.signal) aborted = `interrupted (${state.signal})`;
    else if (reason === 'interrupted' && !aborted) aborted = 'interrupted (cancelled)';
    const shard = this.vitest?.config.shard;
    await finishRun(rt, {
      modules,
      errors,
      ...(this.vitest?.config.testNamePattern ? { namePattern: this.vitest.config.testNamePattern.source } : {}),
      ...(shard ? { shard } : {}),
      filtered: process.env.S3C_FILTERED === '1',
      ...(aborted ? { aborted } : {}),
    });
  }
}
