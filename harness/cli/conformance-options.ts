/**
 * Options of `npm run conformance`, kept apart from the entry point so they are unit-tested.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { OPERATIONS } from '../check/operations.ts';
import { PROFILES } from '../config/targets.ts';

function int(name: string) {
  return (v: string): string => {
    if (!/^-?\d+$/.test(v)) throw new InvalidArgumentError(`${name} must be an integer`);
    return v;
  };
}

/** `--only A --only B` and `--only A,B`: one value per flag, so a file filter after it stays a file filter. */
function collect(v: string, prev: string[] | undefined): string[] {
  return [...(prev ?? []), ...v.split(',').map((s) => s.trim()).filter(Boolean)];
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
  list?: boolean;
}

/** Exit codes of a conformance run (README, "Exit codes"). */
export const EXIT = { conformant: 0, nonConformant: 1, badConfig: 2, couldNotJudge: 3, interrupted: 130 } as const;

const VARIABLES: Array<[string, string]> = [
  ['AWS_ENDPOINT_URL_S3 (else AWS_ENDPOINT_URL)', 'endpoint of the target (names a remote target)'],
  ['AWS_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_PROFILE', 'region and keys (ignored by the zero-config embedded run)'],
  ['S3C_TARGET', 'named profile (see targets)'],
  ['S3C_TARGET_NAME', 'report name of an endpoint target'],
  ['S3C_ALT_ACCESS_KEY_ID, S3C_ALT_SECRET_ACCESS_KEY', 'a second user'],
  ['S3C_SEED, S3C_REPLAY_PATH, S3C_NUM_RUNS', 'property seed, replay path, runs per property'],
  ['S3C_REPORT_DIR', 'reports go to <dir>/<target>/<runId>/ (+ latest, + a copy of the newest at <dir>/<target>/)'],
  ['S3C_CONCURRENCY, S3C_REQUEST_TIMEOUT_MS, S3C_LIST_SETTLE_MS', 'files in parallel, request time-out, listing settle window'],
  ['S3C_MAX_REQUESTS', 'request budget: the run stops when it is exceeded'],
  ['S3C_BUCKET_PREFIX, S3C_PATH_STYLE, S3C_STRICT, S3C_KEEP_SERVERS', 'bucket prefix, addressing, --strict, keep local servers'],
  ['S3C_CLIENT_PROCESS_PER_CALL', '1: the AWS CLI as one process per command (real-client checks)'],
];

export function helpText(): string {
  const targets = Object.values(PROFILES).map((p) => `  ${p.name.padEnd(12)} ${p.description}`);
  return [
    '',
    'Exit codes:',
    '  0    conformant: every required check passes or is a known deviation (optional failures are reported)',
    '  1    non-conformance: a required check failed, an expectation is stale (unexpected pass), --strict and an optional check failed;\n       also a suite file that did not load, or a bucket of the run that could not be deleted',
    '  2    bad configuration or usage (one line naming the variable or option; nothing runs)',
    '  3    could not judge: preflight failed (unreachable, not S3, credentials, clock skew), the target died, the request budget ran out, or checks ended in error',
    '  130  interrupted (SIGINT/SIGTERM): the run\'s buckets are deleted first, a partial report is marked aborted',
    '',
    'Targets (S3C_TARGET; without it and without an endpoint: embedded):',
    ...targets,
    '  (endpoint)   any endpoint from AWS_ENDPOINT_URL_S3',
    '',
    'Variables:',
    ...VARIABLES.map(([k, v]) => `  ${k}\n      ${v}`),
    '',
  ].join('\n');
}

export function buildProgram(): Command {
  return new Command('conformance')
    .description('Run the S3 conformance suite against a target (see README.md)')
    .argument('[filters...]', 'file filters, e.g. suites/bucket or PutObject')
    .addOption(new Option('--only <id>', 'run only checks whose id starts with this (e.g. PutObject or CreateBucket/duplicate); repeatable, or comma-separated').argParser(collect))
    .option('--grep <regex>', 'run only checks whose id or title matches this regular expression')
    .option('--list', 'print the selected check ids with their level and title, run nothing')
    .option('--target <name>', 'named profile (same as S3C_TARGET)')
    .option('--shard <index/count>', 'run one shard of the suite (vitest --shard)')
    .option('--seed <n>', 'property seed (same as S3C_SEED)', int('--seed'))
    .option('--num-runs <n>', 'property runs (same as S3C_NUM_RUNS)', int('--num-runs'))
    .option('--concurrency <n>', 'files in parallel (same as S3C_CONCURRENCY)', int('--concurrency'))
    .option('--report-dir <dir>', 'report directory (same as S3C_REPORT_DIR)')
    .option('--strict', 'a failing optional check also makes the run exit 1 (same as S3C_STRICT=1)')
    .addHelpText('after', helpText())
    .showHelpAfterError();
}

function closest(word: string, names: string[]): string | undefined {
  const w = word.toLowerCase();
  let best: [number, string] | undefined;
  for (const n of names) {
    const a = n.toLowerCase().slice(0, w.length + 2);
    // Levenshtein distance on the compared prefix.
    const d: number[][] = Array.from({ length: w.length + 1 }, (_, i) => [i, ...Array<number>(a.length).fill(0)]);
    for (let j = 1; j <= a.length; j++) (d[0] as number[])[j] = j;
    for (let i = 1; i <= w.length; i++)
      for (let j = 1; j <= a.length; j++)
        (d[i] as number[])[j] = Math.min((d[i - 1] as number[])[j]! + 1, (d[i] as number[])[j - 1]! + 1, (d[i - 1] as number[])[j - 1]! + (w[i - 1] === a[j - 1] ? 0 : 1));
    const dist = Math.min(...(d[w.length] as number[]));
    if (!best || dist < best[0]) best = [dist, n];
  }
  return best && best[0] <= 3 ? best[1] : undefined;
}

/** Usage errors the parser cannot see (exit 2 before anything starts); undefined when the options are fine. */
export function validateOptions(opts: CliOptions): string | undefined {
  if (opts.grep !== undefined) {
    try {
      new RegExp(opts.grep);
    } catch (e) {
      return `--grep: "${opts.grep}" is not a valid regular expression (${(e as Error).message.replace(/^Invalid regular expression: /, '')})`;
    }
  }
  if (opts.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(opts.shard);
    if (!m) return '--shard: expected <index>/<count>, e.g. 1/4';
    const [i, n] = [Number(m[1]), Number(m[2])];
    if (n < 1 || i < 1 || i > n) return `--shard: ${opts.shard}: the index must be between 1 and the count`;
  }
  const ops = Object.keys(OPERATIONS);
  for (const o of opts.only ?? []) {
    const op = o.split('/')[0] ?? '';
    const known = o.includes('/') ? ops.includes(op) : ops.some((n) => n.startsWith(o));
    if (!known) {
      const hint = closest(op, ops);
      return `--only ${o}: no check id starts with "${o}" (ids are <Operation>/<slug>${hint ? `; did you mean ${hint}?` : ''})`;
    }
  }
  return undefined;
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
