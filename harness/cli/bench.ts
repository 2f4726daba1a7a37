/**
 * `npm run bench [-- --targets embedded,swift-local,rgw-local]`: run the full suite against each
 * target in turn (through the conformance CLI, as a user would) and write reports/bench.json
 * and reports/bench.md: wall time, checks, checks per second, requests, bytes up and down, per
 * area, and the slowest 10 checks. A measurement, not a test: it never fails on a number.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { probeOnce } from '../liveness.ts';
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
  wallMs: number;
  checks: number;
  judged: number;
  checksPerSecond: number;
  requests: number;
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
  const { total: _t, byOperation: _b, requiredPassRate: _r, optionalPassRate: _o, ...verdicts } = r.summary;
  return {
    target,
    exitCode,
    wallMs,
    checks: r.results.length,
    judged,
    checksPerSecond: Math.round((r.results.length / (wallMs / 1000)) * 10) / 10,
    requests: r.run.requests,
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

export function renderBench(rows: BenchTarget[], when: string): string {
  const out = [`# Benchmark (${when})`, '', '| target | wall | checks | checks/s | requests | up | down | exit |', '|---|---:|---:|---:|---:|---:|---:|---:|'];
  for (const b of rows) out.push(`| ${b.target} | ${(b.wallMs / 1000).toFixed(1)} s | ${b.checks} | ${b.checksPerSecond} | ${b.requests} | ${mib(b.bytesSent)} | ${mib(b.bytesReceived)} | ${b.exitCode} |`);
  for (const b of rows) {
    out.push('', `## ${b.target}: per area`, '', '| area | checks | requests | up | down | check time (sum) |', '|---|---:|---:|---:|---:|---:|');
    for (const [area, a] of Object.entries(b.perArea)) out.push(`| ${area} | ${a.checks} | ${a.requests} | ${mib(a.bytesSent)} | ${mib(a.bytesReceived)} | ${(a.checkMs / 1000).toFixed(1)} s |`);
    out.push('', `Slowest 10 checks on ${b.target}:`, '', '| check | ms | requests |', '|---|---:|---:|');
    for (const s of b.slowest) out.push(`| ${s.id} | ${s.ms} | ${s.requests} |`);
  }
  return `${out.join('\n')}\n`;
}

function runTarget(target: string, reportDir: string): Promise<{ code: number | null; wallMs: number }> {
  const started = Date.now();
  return new Promise((res) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'harness/cli/conformance.ts')], {
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
    .parse(argv);
  const opts = program.opts<{ targets: string; out: string }>();
  const outDir = resolve(ROOT, opts.out);
  mkdirSync(outDir, { recursive: true });
  const rows: BenchTarget[] = [];
  for (const target of opts.targets.split(',').map((t) => t.trim()).filter(Boolean)) {
    if (target === 'rgw-local' && !(await probeOnce('http://127.0.0.1:7480', 1000))) {
      process.stdout.write('bench: rgw-local is not running on :7480, skipped\n');
      continue;
    }
    const reportDir = join(outDir, 'bench');
    process.stdout.write(`bench: ${target} …\n`);
    const { code, wallMs } = await runTarget(target, reportDir);
    const results = JSON.parse(readFileSync(join(reportDir, target, 'results.json'), 'utf8')) as ResultsFile;
    const row = figures(target, results, wallMs, code);
    rows.push(row);
    process.stdout.write(`bench: ${target}: ${(wallMs / 1000).toFixed(1)} s wall, ${row.checks} checks, ${row.requests} requests, exit ${code}\n`);
  }
  const when = new Date().toISOString();
  writeFileSync(join(outDir, 'bench.json'), `${JSON.stringify({ when, node: process.version, targets: rows }, null, 2)}\n`);
  const md = renderBench(rows, when);
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
