/**
 * The s3c reporter (vitest main process): computes verdicts, stops a run whose target died
 * or whose request budget ran out, sweeps the run's buckets, and writes results.json,
 * summary.md and index.html to reports/<target>/.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Reporter, TestCase, TestModule, Vitest } from 'vitest/node';
import { ListBucketsCommand } from '@aws-sdk/client-s3';
import type { S3cMeta } from '../check.ts';
import { destroyBucket, isRunBucket, ledgerOutstanding } from '../buckets.ts';
import { makeClient } from '../client.ts';
import type { Counters } from '../http.ts';
import { buildResults, type RawCase } from '../report/results.ts';
import { renderHtml } from '../report/html.ts';
import { renderMarkdown } from '../report/markdown.ts';
import type { ResultsFile, RunInfo } from '../report/schema.ts';
import type { Runtime } from '../runtime.ts';
import { exitCodeFor } from '../verdict.ts';
import { loadExpectations, unknownIds } from '../expectations.ts';
import { scrub } from '../wire.ts';

const DEAD_STREAK = 3;
const EXPECTATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'expectations');

/** The checks of a run; those a name filter (--only, --grep) left out are not part of it. */
export function collectCases(modules: ReadonlyArray<TestModule>, namePattern?: RegExp): RawCase[] {
  const out: RawCase[] = [];
  for (const mod of modules) {
    for (const tc of mod.children.allTests()) {
      if (namePattern && !namePattern.test(tc.name)) continue;
      const c = toRawCase(tc);
      if (c) out.push(c);
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
  const total = { requests: 0, bytesSent: 0, bytesReceived: 0, throttleRetries: 0, transportErrors: 0, leaked: [] as string[] };
  if (!existsSync(runDir)) return total;
  for (const f of readdirSync(runDir).filter((n) => n.startsWith('counters-'))) {
    const c = JSON.parse(readFileSync(join(runDir, f), 'utf8')) as Counters & { leaked?: string[] };
    total.requests += c.requests;
    total.bytesSent += c.bytesSent;
    total.bytesReceived += c.bytesReceived;
    total.throttleRetries += c.throttleRetries;
    total.transportErrors += c.transportErrors;
    total.leaked.push(...(c.leaked ?? []));
  }
  return total;
}

/** Delete whatever the run left: ledger entries not deleted, and any bucket with the run's prefix. */
export async function sweepRun(rt: Runtime): Promise<string[]> {
  const names = new Set(ledgerOutstanding(rt.runDir));
  try {
    const listed = await makeClient(rt).send(new ListBucketsCommand({}));
    for (const b of listed.Buckets ?? []) if (b.Name && isRunBucket(rt, b.Name)) names.add(b.Name);
  } catch {
    /* the target may be down: the ledger is all we know */
  }
  const leaks: string[] = [];
  for (const name of names) {
    if (!isRunBucket(rt, name)) continue;
    const ok = await destroyBucket(rt, name).catch(() => false);
    if (!ok) leaks.push(name);
  }
  return leaks.sort();
}

export default class S3cReporter implements Reporter {
  private vitest: Vitest | undefined;
  private deadStreak = 0;
  private aborted: string | undefined;
  private requests = 0;
  written: ResultsFile | undefined;

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
    if (!this.aborted && this.deadStreak >= DEAD_STREAK) {
      this.abort(`the target stopped answering (${DEAD_STREAK} checks in a row found it dead): ${m.error?.message ?? ''}`.trim());
    }
    if (!this.aborted && rt?.maxRequests !== undefined && this.requests > rt.maxRequests) {
      this.abort(`request budget exceeded: ${this.requests} requests > S3C_MAX_REQUESTS=${rt.maxRequests}`);
    }
  }

  private abort(reason: string): void {
    this.aborted = reason;
    process.stderr.write(`\ns3c: stopping the run: ${reason}\n`);
    void this.vitest?.cancelCurrentRun('test-failure');
  }

  async onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<{ message?: string }>, reason: string): Promise<void> {
    const rt = globalThis.__s3cRuntime;
    const pattern = this.vitest?.config.testNamePattern;
    const cases = collectCases(modules, pattern ? new RegExp(pattern) : undefined);
    if (!rt || cases.length === 0) return;
    if (reason === 'interrupted' && !this.aborted) this.aborted = 'interrupted (SIGINT/SIGTERM or cancelled)';
    const leaks = await sweepRun(rt);
    const counted = sumCounters(rt.runDir);
    const finishedAt = new Date();
    const u = new URL(rt.endpoint);
    const run: RunInfo = {
      target: rt.target,
      profile: rt.profile,
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
      leaks,
      staleExpectations: [],
    };
    // Expectation entries naming checks that no longer exist (only meaningful for a full run).
    const full = !this.vitest?.config.testNamePattern && !this.vitest?.config.shard && process.env.S3C_FILTERED !== '1';
    if (full) {
      const set = loadExpectations(process.env.S3C_EXPECTATIONS_DIR ?? EXPECTATIONS_DIR, rt.target);
      run.staleExpectations = unknownIds(set, new Set(cases.map((c) => c.meta.id)));
    }
    const shard = this.vitest?.config.shard;
    if (shard) run.shard = `${shard.index}/${shard.count}`;
    if (this.aborted) run.aborted = this.aborted;
    // A suite file that failed to load (syntax, bad metadata) must not hide behind a green run.
    const runErrors = [
      ...modules.flatMap((m) => m.errors().map((e) => `${m.moduleId.replace(/^.*\/suites\//, 'suites/')}: ${e.message ?? String(e)}`)),
      ...errors.map((e) => `unhandled: ${e.message ?? String(e)}`),
    ].map((t) => scrub(t));
    if (runErrors.length) run.runErrors = runErrors;
    const results = buildResults(run, cases);
    const json = scrub(JSON.stringify(results, null, 2));
    writeFileSync(join(rt.reportDir, 'results.json'), `${json}\n`);
    writeFileSync(join(rt.reportDir, 'summary.md'), scrub(renderMarkdown(results)));
    writeFileSync(join(rt.reportDir, 'index.html'), scrub(renderHtml(results)));
    this.written = results;
    rmSync(rt.runDir, { recursive: true, force: true });
    const s = results.summary;
    process.stdout.write(
      `\ns3c: ${rt.target}: ${s.total} checks: ${s.pass} pass, ${s['known-deviation']} known-deviation, ${s.fail} fail, ` +
        `${s['unexpected-pass']} unexpected-pass, ${s.error} error, ${s.skipped} skipped; ${run.requests} requests; ` +
        `exit ${runErrors.length || leaks.length ? 1 : exitCodeFor(s, { strict: process.env.S3C_STRICT === '1' })}; report ${join(rt.reportDir, 'index.html')}\n`,
    );
    if (leaks.length) process.stderr.write(`s3c: LEAK: buckets that could not be deleted: ${leaks.join(', ')}\n`);
    if (run.aborted) process.stderr.write(`s3c: run stopped early: ${run.aborted}\n`);
    for (const e of runErrors) process.stderr.write(`s3c: RUN ERROR: ${e.split('\n')[0]}\n`);
    if (run.staleExpectations.length) process.stderr.write(`s3c: expectation entries for checks that do not exist: ${run.staleExpectations.join(', ')}\n`);
  }
}
