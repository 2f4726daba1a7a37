/**
 * Helpers for the end-to-end tests: run the conformance CLI as a user would, in a child process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResultsFile } from '../report/schema.ts';
import { e2eTempDir } from './tempdirs.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  reportDir: string;
}

/** Environment for a child run: the machine's, minus anything that would point it elsewhere. */
export function cleanEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(AWS_|S3C_|VITEST|TEST$|NODE_OPTIONS$)/.test(k)) continue;
    env[k] = v;
  }
  env.S3C_KEEP_SERVERS = '1';
  env.FORCE_COLOR = '0';
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
  return env;
}

export function startCli(
  args: string[],
  env: Record<string, string | undefined>,
  opts: { detached?: boolean; limitMs?: number } = {},
): { child: ChildProcess; done: Promise<CliRun> } {
  const reportDir = env.S3C_REPORT_DIR ?? e2eTempDir('s3c-e2e-');
  // As package.json runs it: node itself, no signal-relaying wrapper. `detached`: its own process
  // group, so a test can signal the group as a terminal's Ctrl-C does (process.kill(-pid, …)).
  const child = spawn(process.execPath, [join(ROOT, 'harness/cli/s3c.mjs'), ...args], {
    cwd: ROOT,
    // Each run its own Allure directory: the CLI empties it at start, so runs in parallel must not share one.
    env: cleanEnv({ S3C_REPORT_DIR: reportDir, S3C_ALLURE_RESULTS: join(reportDir, 'allure-results'), ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: opts.detached === true,
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  // A CLI run that hangs is a defect of the product, not a reason for the whole test run to hang:
  // killed after the limit (S3C_E2E_RUN_LIMIT_MS, default 5 min), with a line saying so in its
  // standard error, so the test fails in minutes with what the run printed.
  const limitMs = opts.limitMs ?? Number(process.env.S3C_E2E_RUN_LIMIT_MS ?? 300_000);
  const killer = setTimeout(() => {
    stderr += `\n[e2e] the CLI run did not end within ${limitMs} ms: killed (SIGKILL)\n`;
    try {
      if (opts.detached === true && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      else child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }, limitMs);
  const done = new Promise<CliRun>((res) =>
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      res({ code, signal, stdout, stderr, reportDir });
    }),
  );
  return { child, done };
}

export function runCli(args: string[], env: Record<string, string | undefined>): Promise<CliRun> {
  return startCli(args, env).done;
}

/**
 * The newest run's results: `<dir>/<target>/latest/results.json` (latest → `<runId>/`); the copy at
 * `<dir>/<target>/results.json` must be the same file.
 */
export function readResults(reportDir: string, target: string): ResultsFile {
  const latest = join(reportDir, target, 'latest', 'results.json');
  const file = existsSync(latest) ? latest : join(reportDir, target, 'results.json');
  return JSON.parse(readFileSync(file, 'utf8')) as ResultsFile;
}

/** Every file under a directory, recursively (report artefacts). */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Checks whose verdict a clean run must not have. */
export function badVerdicts(r: ResultsFile): string[] {
  return r.results.filter((e) => e.verdict === 'fail' || e.verdict === 'error' || e.verdict === 'unexpected-pass').map((e) => `${e.id}: ${e.verdict}: ${e.error?.message.split('\n').slice(0, 3).join(' | ') ?? ''}`);
}
