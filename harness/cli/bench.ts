/**
 * `npm run bench [-- --targets embedded,swift-local,rgw-local] [--runs 3] [--baseline docs/BENCH.md]`:
 * run the full suite against each target (through the conformance CLI, as a user would), several
 * times, and write reports/bench.json and reports/bench.md: the median wall time, the start-up cost
 * (the median wall time of a run of one check: CLI, vitest, server start, one worker, reports),
 * checks, checks per second, requests per check, bytes up and down, per area, the slowest 10 checks,
 * and the ratios to the figures of the previous benchmark (the first table of --baseline).
 * A measurement, not a test: it never fails on a number.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { probeOnce } from '../transport/liveness.ts';
import type { ResultsFile } from '../report/schema.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface AreaFigures {
  checks: number;
  requests: number;
  bytesSent: number;
  bytesReceived: number;
  checkMs: number;
}

export interface BenchTarget {
  target: string;
  exitCode: number | null;
  /** Median wall time of the full runs. */
  wallMs: number;
  /** Every full run's wall time. */
  wallRunsMs?: number[];
  /** Median wall time of a one-check run: the fixed cost of a run. */
  startupMs?: number;
  checks: number;
  judged: number;
  checksPerSecond: number;
  requests: number;
  requestsPerCheck: number;
  bytesSent: number;
  bytesReceived: number;
  verdicts: Record<string, number>;
  perArea: Record<string, AreaFigures>;
  slowest: Array<{ id: string; ms: number; requests: number }>;
}

export function figures(target: string, r: ResultsFile, wallMs: number, exitCode: number | null): BenchTarget {
  const perArea: Record<string, AreaFigures> = {};
  for (const e of r.results) {
    const a = (perArea[e.area] ??= { checks: 0, requests: 0, bytesSent: 0, bytesReceived: 0, checkMs: 0 });
    a.checks++;
    a.requests += e.requests ?? 0;
    a.bytesSent += e.bytesSent ?? 0;
    a.bytesReceived += e.bytesReceived ?? 0;
    a.checkMs += e.durationMs;
  }
  const judged = r.results.filter((e) => e.verdict !== 'skipped').length;
  const { total: _t, byOperation: _b, requiredPassRate: _r, optionalPassRate: _o, requiredFail: _rf, optionalFail: _of, ...verdicts } = r.summary;
  return {
    target,
    exitCode,
    wallMs,
    checks: r.results.length,
    judged,
    checksPerSecond: Math.round((r.results.length / (wallMs / 1000)) * 10) / 10,
    requests: r.run.requests,
    requestsPerCheck: judged ? Math.round((r.run.requests / judged) * 10) / 10 : 0,
    bytesSent: r.run.bytesSent,
    bytesReceived: r.run.bytesReceived,
    verdicts,
    perArea,
    slowest: [...r.results]
      .sort((a, b) => b.durationMs - a.durationMs)
      .slice(0, 10)
      .map((e) => ({ id: e.id, ms: e.durationMs, requests: e.requests ?? 0 })),
  };
}

function mib(n: number): string {
  return `${(n / 1048576).toFixed(1)} MiB`;
}

/** The previous figures: the first table of a BENCH.md (target → wall s, checks, requests). */
export interface Baseline {
  wallS: number;
  checks: number;
  requests: number;
}

export function parseBaseline(md: string): Record<string, Baseline> {
  const out: Record<string, Baseline> = {};
  const lines = md.split('\n');
  const head = lines.findIndex((l) => /^\| target \| wall/.test(l));
  if (head < 0) return out;
  const cols = (lines[head] as string).split('|').map((c) => c.trim());
  const at = (name: string): number => cols.indexOf(name);
  for (const line of lines.slice(head + 2)) {
    if (!line.startsWith('|')) break;
    const c = line.split('|').map((x) => x.trim());
    const target = c[at('target')];
    if (!target) continue;
    out[target] = { wallS: parseFloat(c[at('wall')] ?? ''), checks: parseInt(c[at('checks')] ?? '', 10), requests: parseInt(c[at('requests')] ?? '', 10) };
  }
  return out;
}

function ratio(now: number, before: number | undefined): string {
  return before && Number.isFinite(before) && before > 0 ? `${(now / before).toFixed(2)}×` : '—';
}

export function renderBench(rows: BenchTarget[], when: string, baseline: Record<string, Baseline> = {}): string {
  const out = [
    `# Benchmark (${when})`,
    '',
    '| target | wall | start-up | checks | checks/s | requests | requests/check | up | down | exit | wall vs before | requests vs before |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const b of rows) {
    const before = baseline[b.target];
    out.push(
      `| ${b.target} | ${(b.wallMs / 1000).toFixed(1)} s | ${b.startupMs !== undefined ? `${(b.startupMs / 1000).toFixed(1)} s` : '—'} | ${b.checks} | ${b.checksPerSecond} | ${b.requests} | ${b.requestsPerCheck} | ` +
        `${mib(b.bytesSent)} | ${mib(b.bytesReceived)} | ${b.exitCode} | ${ratio(b.wallMs / 1000, before?.wallS)} | ${ratio(b.requests, before?.requests)} |`,
    );
  }
  if (Object.keys(baseline).length) {
    out.push('', 'Before (the previous benchmark\'s figures, for the ratios):', '', '| target | wall | checks | requests |', '|---|---:|---:|---:|');
    for (const [t, b] of Object.entries(baseline)) out.push(`| ${t} | ${b.wallS} s | ${b.checks} | ${b.requests} |`);
  }
  if (rows.some((b) => (b.wallRunsMs?.length ?? 0) > 1)) {
    out.push('', 'Every run (wall, s):', '');
    for (const b of rows) out.push(`- ${b.target}: ${(b.wallRunsMs ?? []).map((w) => (w / 1000).toFixed(1)).join(', ')}`);
  }
  for (const b of rows) {
    out.push('', `## ${b.target}: per area`, '', '| area | checks | requests | up | down | check time (sum) |', '|---|---:|---:|---:|---:|---:|');
    for (const [area, a] of Object.entries(b.perArea)) out.push(`| ${area} | ${a.checks} | ${a.requests} | ${mib(a.bytesSent)} | ${mib(a.bytesReceived)} | ${(a.checkMs / 1000).toFixed(1)} s |`);
    out.push('', `Slowest 10 checks on ${b.target}:`, '', '| check | ms | requests |', '|---|---:|---:|');
    for (const s of b.slowest) out.push(`| ${s.id} | ${s.ms} | ${s.requests} |`);
  }
  return `${out.join('\n')}\n`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** The one check of the start-up run: cheap on every target (one request). */
const STARTUP_CHECK = 'HeadBucket/no-such-bucket';

function runTarget(target: string, reportDir: string, args: string[] = []): Promise<{ code: number | null; wallMs: number }> {
  const started = Date.now();
  return new Promise((res) => {
    const child = spawn(process.execPath, [join(ROOT, 'harness/cli/s3c.mjs'), ...args], {
      cwd: ROOT,
      env: { ...process.env, S3C_TARGET: target, S3C_REPORT_DIR: reportDir, S3C_KEEP_SERVERS: process.env.S3C_KEEP_SERVERS ?? '1' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('close', (code) => res({ code, wallMs: Date.now() - started }));
  });
}

async function main(argv: string[]): Promise<number> {
  const program = new Command('bench')
    .option('--targets <list>', 'comma-separated targets', 'embedded,swift-local,rgw-local')
    .option('--out <dir>', 'output directory', 'reports')
    .option('--runs <n>', 'full runs per target (the median is reported)', '1')
    .option('--baseline <file>', 'previous figures to compare with (first table of a BENCH.md)', 'docs/BENCH.md')
    .parse(argv);
  const opts = program.opts<{ targets: string; out: string; runs: string; baseline: string }>();
  const runs = Math.max(1, parseInt(opts.runs, 10) || 1);
  let baseline: Record<string, Baseline> = {};
  try {
    baseline = parseBaseline(readFileSync(resolve(ROOT, opts.baseline), 'utf8'));
  } catch {
    /* no previous figures */
  }
  const outDir = resolve(ROOT, opts.out);
  mkdirSync(outDir, { recursive: true });
  const rows: BenchTarget[] = [];
  for (const target of opts.targets.split(',').map((t) => t.trim()).filter(Boolean)) {
    if (target === 'rgw-local' && !(await probeOnce('http://127.0.0.1:7480', 1000))) {
      process.stdout.write('bench: rgw-local is not running on :7480, skipped\n');
      continue;
    }
    const reportDir = join(outDir, 'bench');
    const startupDir = join(outDir, 'bench-startup');
    const startups: number[] = [];
    const walls: number[] = [];
    let code: number | null = null;
    let results: ResultsFile | undefined;
    for (let i = 0; i < runs; i++) {
      process.stdout.write(`bench: ${target} run ${i + 1}/${runs} …\n`);
      startups.push((await runTarget(target, startupDir, ['--only', STARTUP_CHECK])).wallMs);
      const r = await runTarget(target, reportDir);
      walls.push(r.wallMs);
      code = r.code;
      results = JSON.parse(readFileSync(join(reportDir, target, 'results.json'), 'utf8')) as ResultsFile;
    }
    if (!results) continue;
    const wallMs = median(walls);
    const row = { ...figures(target, results, wallMs, code), wallRunsMs: walls, startupMs: median(startups) };
    rows.push(row);
    process.stdout.write(`bench: ${target}: ${(wallMs / 1000).toFixed(1)} s wall, ${row.checks} checks, ${row.requests} requests, exit ${code}\n`);
  }
  const when = new Date().toISOString();
  writeFileSync(join(outDir, 'bench.json'), `${JSON.stringify({ when, node: process.version, targets: rows }, null, 2)}\n`);
  const md = renderBench(rows, when, baseline);
  writeFileSync(join(outDir, 'bench.md'), md);
  process.stdout.write(md);
  return 0;
}

if (process.argv[1] && /bench\.ts$/.test(process.argv[1])) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  main(process.argv).then(
    (c) => process.exit(c),
    (e: unknown) => {
      process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
