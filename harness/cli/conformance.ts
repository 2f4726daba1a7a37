/**
 * `npm run conformance [-- options] [file filters]`: validate the configuration (exit 2 with one
 * clear message), run the conformance project through vitest, and exit 0 when every verdict is
 * pass, known-deviation or skipped, 1 otherwise. SIGINT/SIGTERM stop the run and still clean up.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createVitest } from 'vitest/node';
import { resolveConfigForCli } from '../config.ts';
import { applyOptionsToEnv, buildProgram, testNamePattern, type CliOptions } from './conformance-options.ts';
import type { ResultsFile } from '../report/schema.ts';
import { exitCodeFor } from '../verdict.ts';
import { estimateRequests, loadReference } from '../estimate.ts';

/** Reference request counts: the latest local swift-local run, else the committed estimates. */
const ESTIMATE_SOURCES = ['reports/bench/swift-local/results.json', 'reports/swift-local/results.json', 'fixtures/data/request-estimates.json'];

function printEstimate(numRuns: number, pattern: string | undefined, max: number | undefined): void {
  // The freshest reference wins.
  const refs = ESTIMATE_SOURCES.map((f) => loadReference(resolve(process.cwd(), f))).filter((r) => r !== undefined);
  const ref = refs.sort((a, b) => (b.run.finishedAt ?? '').localeCompare(a.run.finishedAt ?? ''))[0];
  if (!ref) return;
  const re = pattern ? new RegExp(pattern) : undefined;
  const est = estimateRequests(ref, (id) => !re || re.test(`${id} — `), numRuns);
  const areas = Object.entries(est.perArea).map(([a, n]) => `${a} ${n}`).join(', ');
  process.stdout.write(`s3c: estimated requests for this run: ~${est.total} over ${est.checks} checks (${areas}; basis: ${est.basis})\n`);
  if (max !== undefined && est.total > max) process.stdout.write(`s3c: the estimate exceeds S3C_MAX_REQUESTS=${max}: the run will stop when the budget is spent\n`);
}

async function main(argv: string[]): Promise<number> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const program = buildProgram();
  program.exitOverride();
  try {
    program.parse(argv);
  } catch (e) {
    const code = (e as { exitCode?: number }).exitCode;
    return code === 0 ? 0 : 2;
  }
  const opts = program.opts<CliOptions>();
  const filters = program.args;
  applyOptionsToEnv(opts, process.env);
  const cfg = resolveConfigForCli(process.env);
  if (!cfg) return 2;
  if (opts.shard && !/^\d+\/\d+$/.test(opts.shard)) {
    process.stderr.write('s3c: configuration error: --shard: expected <index>/<count>, e.g. 1/4\n');
    return 2;
  }

  // Allure results and JUnit XML per target, next to the other reports.
  const reportRoot = resolve(process.cwd(), cfg.reportDir, cfg.target);
  process.env.S3C_ALLURE_RESULTS ??= join(process.cwd(), 'allure-results', cfg.target);
  process.env.S3C_ALLURE_TARGET = cfg.target;
  process.env.S3C_JUNIT_FILE ??= join(reportRoot, 'junit.xml');
  rmSync(process.env.S3C_ALLURE_RESULTS, { recursive: true, force: true });

  const pattern = testNamePattern(opts);
  if (filters.length > 0) process.env.S3C_FILTERED = '1';
  if (cfg.profile.remote || cfg.maxRequests !== undefined) printEstimate(cfg.numRuns, pattern, cfg.maxRequests);
  process.env.TEST = 'true';
  process.env.VITEST = 'true';
  process.env.NODE_ENV ??= 'test';
  const vitest = await createVitest('test', {
    project: ['conformance'],
    watch: false,
    ...(pattern ? { testNamePattern: pattern } : {}),
    ...(opts.shard ? { shard: opts.shard } : {}),
    passWithNoTests: false,
  });
  // vitest exits the process on SIGINT/SIGTERM; ours cancels the run instead, so the reporter
  // still sweeps the run's buckets and writes the reports.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  let interrupted = 0;
  const onSignal = (sig: string): void => {
    interrupted++;
    if (interrupted === 1) {
      process.stderr.write(`\ns3c: ${sig}: stopping the run; cleaning up this run's buckets (again to force quit)\n`);
      void vitest.cancelCurrentRun('keyboard-input');
    } else {
      process.exit(130);
    }
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  try {
    await vitest.start(filters);
  } catch (e) {
    process.stderr.write(`s3c: ${e instanceof Error ? e.message : String(e)}\n`);
  } finally {
    await vitest.close();
  }

  const rt = globalThis.__s3cRuntime;
  if (!rt) {
    process.stderr.write('s3c: the run did not start (see the message above)\n');
    return 1;
  }
  const file = join(rt.reportDir, 'results.json');
  if (!existsSync(file)) {
    process.stderr.write(`s3c: no results were written (${file}); did the filters select any check?\n`);
    return 1;
  }
  const results = JSON.parse(readFileSync(file, 'utf8')) as ResultsFile;
  if (results.run.runId !== rt.runId) {
    process.stderr.write('s3c: results.json is not from this run\n');
    return 1;
  }
  if (interrupted) return 130;
  if (results.run.leaks.length) return 1;
  if (results.run.runErrors?.length) return 1;
  return exitCodeFor(results.summary, { strict: process.env.S3C_STRICT === '1' });
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
    // Workers and sockets are closed; give stdout a tick to flush, then leave.
    setTimeout(() => process.exit(code), 50).unref();
  },
  (e: unknown) => {
    process.stderr.write(`s3c: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
