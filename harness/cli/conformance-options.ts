/**
 * Options of `npm run conformance`, kept apart from the entry point so they are unit-tested.
 */
import { Command, InvalidArgumentError } from 'commander';

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
  strict?: boolean;
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
    .option('--strict', 'a failing optional check also makes the run exit 1 (same as S3C_STRICT=1)')
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
  if (opts.strict) env.S3C_STRICT = '1';
}

