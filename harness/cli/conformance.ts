/**
 * `npm run conformance [-- options] [file filters]`: validate the configuration (exit 2 with one
 * clear message), run the conformance project through vitest, and exit 0 when every verdict is
 * pass, known-deviation or skipped, 1 otherwise. SIGINT/SIGTERM stop the run and still clean up.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { startVitest } from 'vitest/node';
import { ConfigError, resolveConfig } from '../config.ts';
import type { ResultsFile } from '../report/schema.ts';
import { exitCodeFor } from '../verdict.ts';

function int(name: string) {
  return (v: string): string => {
    if (!/^-?\d+$/.test(v)) throw new InvalidArgumentError(`${name} must be an integer`);
    return v;
  };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface CliOptions {
  only?: string[];
  grep?: string;
  target?: string;
  shard?: string;
  seed?: string;
  numRuns?: string;
  reportDir?: string;
  concurrency?: string;
}

export function buildProgram(): Command {
  return new Command('conformance')
    .description('Run the S3 conformance suite against a target (see README.md)')
    .argument('[filters...]', 'file filters, e.g. suites/bucket or PutObject')
    .option('--only <id...>', 'run only checks whose id starts with this (e.g. PutObject or CreateBucket/duplicate); repeatable')
    .option('--grep <regex>', 'run only checks whose id or title matches this regular expression')
    .option('--target <name>', 'named profile (same as S3C_TARGET)')
    .option('--shard <index/count>', 'run one shard of the suite (vitest --shard)')
    .option('--seed <n>', 'property seed (same as S3C_SEED)', int('--seed'))
    .option('--num-runs <n>', 'property runs (same as S3C_NUM_RUNS)', int('--num-runs'))
    .option('--concurrency <n>', 'files in parallel (same as S3C_CONCURRENCY)', int('--concurrency'))
    .option('--report-dir <dir>', 'report directory (same as S3C_REPORT_DIR)')
    .showHelpAfterError();
}

export function testNamePattern(opts: CliOptions): string | undefined {
  const parts: string[] = [];
  if (opts.only?.length) parts.push(`^(${opts.only.map((o) => escapeRe(o)).join('|')})`);
  if (opts.grep) parts.push(opts.grep);
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : parts.map((p) => `(?=.*${p.startsWith('^') ? `^${p.slice(1)}` : p})`).join('');
}

export function applyOptionsToEnv(opts: CliOptions, env: NodeJS.ProcessEnv): void {
  if (opts.target) env.S3C_TARGET = opts.target;
  if (opts.seed) env.S3C_SEED = opts.seed;
  if (opts.numRuns) env.S3C_NUM_RUNS = opts.numRuns;
  if (opts.reportDir) env.S3C_REPORT_DIR = opts.reportDir;
  if (opts.concurrency) env.S3C_CONCURRENCY = opts.concurrency;
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
  let cfg;
  try {
    cfg = resolveConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`s3c: configuration error: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (opts.shard && !/^\d+\/\d+$/.test(opts.shard)) {
    process.stderr.write('s3c: configuration error: --shard: expected <index>/<count>, e.g. 1/4\n');
    return 2;
  }

  const pattern = testNamePattern(opts);
  const vitest = await startVitest(
    'test',
    filters,
    {
      project: ['conformance'],
      watch: false,
      ...(pattern ? { testNamePattern: pattern } : {}),
      ...(opts.shard ? { shard: opts.shard } : {}),
      passWithNoTests: false,
    },
    {},
  );
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
  await vitest.close();

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
  void cfg;
  if (interrupted) return 130;
  if (results.run.leaks.length) return 1;
  return exitCodeFor(results.summary);
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
