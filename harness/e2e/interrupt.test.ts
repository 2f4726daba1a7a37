/**
 * Interruption (issue 14): a terminal's Ctrl-C and a CI cancel signal the whole process group.
 * The CLI is spawned detached (its own group) and the group is signalled at several moments
 * against the long-lived swift-local: before the first bucket, mid-run, twice in a row, during the
 * cleanup, and SIGTERM to the CLI alone. Every time: exit 130 and no bucket of the run left on the
 * server; a run interrupted mid-way writes a report marked aborted and never a truncated junit.xml.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import type { ResultsFile } from '../report/schema.ts';
import { startCli, type CliRun } from './run.ts';
import { e2eTempDir } from './tempdirs.ts';

const SWIFT = 'http://127.0.0.1:8080';
const client = new S3Client({ endpoint: SWIFT, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'test:tester', secretAccessKey: 'testing' } });
afterAll(() => client.destroy());

/** No expectations: the verdicts do not matter here, and the run must not depend on the expectation files. */
const NO_EXPECTATIONS = e2eTempDir('s3c-noexp-');

/** Files and checks that create buckets early and often (a few seconds of work on swift-local). */
const SELECTION = ['suites/object/PutObject.test.ts', 'suites/bucket/CreateBucket.test.ts'];

let seq = 0;
function runIdFor(): string {
  seq++;
  return `${Math.floor(Date.now() / 1000).toString(36)}i${seq}${Math.floor(Math.random() * 36).toString(36)}`.slice(0, 10);
}

async function bucketsOf(runId: string): Promise<string[]> {
  const r = await client.send(new ListBucketsCommand({}));
  return (r.Buckets ?? []).map((b) => b.Name ?? '').filter((n) => n.includes(runId));
}

async function waitFor(cond: () => Promise<boolean> | boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function start(runId: string, extra: string[] = []): { pid: number; out: () => string; done: Promise<CliRun>; exited: () => boolean } {
  const { child, done } = startCli([...SELECTION, ...extra], { S3C_TARGET: 'swift-local', S3C_RUN_ID: runId, S3C_CONCURRENCY: '2', S3C_NUM_RUNS: '3', S3C_EXPECTATIONS_DIR: NO_EXPECTATIONS }, { detached: true });
  let text = '';
  child.stdout?.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (text += d.toString()));
  let exited = false;
  void done.then(() => (exited = true));
  return { pid: child.pid as number, out: () => text, done, exited: () => exited };
}

function group(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(-pid, sig);
  } catch {
    /* the group is gone */
  }
}

function latestResults(r: CliRun, runId: string): ResultsFile | undefined {
  const f = join(r.reportDir, 'swift-local', runId, 'results.json');
  return existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as ResultsFile) : undefined;
}

function junitIntact(r: CliRun, runId: string): void {
  for (const f of [join(r.reportDir, 'swift-local', runId, 'junit.xml'), join(r.reportDir, 'swift-local', 'junit.xml')]) {
    if (existsSync(f)) expect(readFileSync(f, 'utf8'), `${f} is truncated`).toMatch(/<\/testsuites>\s*$/);
  }
}

describe('interrupting a run (process group, swift-local)', () => {
  test('SIGINT to the group before the first bucket: exit 130, nothing left', async () => {
    const runId = runIdFor();
    const cli = start(runId);
    await waitFor(() => /s3c: starting/.test(cli.out()), 120_000, 'the first line');
    group(cli.pid, 'SIGINT');
    const r = await cli.done;
    expect(r.code, cli.out()).toBe(130);
    expect(cli.out()).toMatch(/SIGINT: (stopping the run|stopped before the run started)/);
    expect(cli.out()).not.toMatch(/Worker exited unexpectedly|\n\s+at /);
    expect(await bucketsOf(runId)).toEqual([]);
  });

  test('SIGINT to the group mid-run: buckets deleted, report marked aborted, junit never truncated, exit 130', async () => {
    const runId = runIdFor();
    const cli = start(runId);
    await waitFor(async () => cli.exited() || (await bucketsOf(runId)).length > 0, 600_000, 'the first bucket of the run');
    expect(cli.exited(), 'the run ended before it created a bucket').toBe(false);
    const t = Date.now();
    group(cli.pid, 'SIGINT');
    const r = await cli.done;
    const took = Date.now() - t;
    expect(r.code, cli.out()).toBe(130);
    expect(await bucketsOf(runId)).toEqual([]);
    const res = latestResults(r, runId);
    expect(res?.run.aborted).toMatch(/interrupted \(SIGINT\)/);
    expect(res?.run.complete).toBe(false);
    expect(res?.run.leaks).toEqual([]);
    junitIntact(r, runId);
    expect(cli.out()).not.toMatch(/Worker exited unexpectedly|\n\s+at /);
    expect(cli.out().trim().split('\n').pop()).toMatch(/^s3c: swift-local: \d+ checks \(aborted run\).*0 buckets left.*exit 130$/);
    process.stdout.write(`interrupt mid-run: exit ${r.code} after ${took} ms\n`);
  });

  test('SIGINT twice in a row (a relaying wrapper, an impatient user): the cleanup still runs to the end', async () => {
    const runId = runIdFor();
    const cli = start(runId);
    await waitFor(async () => cli.exited() || (await bucketsOf(runId)).length > 0, 600_000, 'the first bucket of the run');
    group(cli.pid, 'SIGINT');
    await new Promise((r) => setTimeout(r, 150));
    group(cli.pid, 'SIGINT');
    const r = await cli.done;
    expect(r.code, cli.out()).toBe(130);
    expect(cli.out()).toMatch(/still cleaning up/);
    expect(await bucketsOf(runId)).toEqual([]);
  });

  test('SIGINT to the group during the final cleanup: exit 130, nothing left', async () => {
    const runId = runIdFor();
    // One small file: the run reaches its end quickly; signal when the last file finished.
    const cli = start(runId, ['--only', 'CreateBucket']);
    await waitFor(() => cli.exited() || /^s3c: bucket +\d+ checks: /m.test(cli.out()), 600_000, 'the selected file to finish');
    group(cli.pid, 'SIGINT');
    const r = await cli.done;
    expect([130, 0, 1]).toContain(r.code);
    if (!/SIGINT/.test(cli.out())) return; // the run had already ended
    expect(r.code, cli.out()).toBe(130);
    expect(await bucketsOf(runId)).toEqual([]);
    junitIntact(r, runId);
  });

  test('SIGTERM to the CLI alone mid-run: buckets deleted, exit 130', async () => {
    const runId = runIdFor();
    const cli = start(runId);
    await waitFor(async () => cli.exited() || (await bucketsOf(runId)).length > 0, 600_000, 'the first bucket of the run');
    process.kill(cli.pid, 'SIGTERM');
    const r = await cli.done;
    expect(r.code, cli.out()).toBe(130);
    expect(await bucketsOf(runId)).toEqual([]);
    expect(latestResults(r, runId)?.run.aborted).toMatch(/interrupted \(SIGTERM\)/);
  });
});

/**
 * The embedded target starts s3rver while vitest loads: a signal to the CLI alone at any moment of
 * the start (before its handlers exist, while the server starts, while vitest is created, before
 * vitest's run begins) ends in exit 130, with no s3rver process and no data directory left behind.
 */
describe('interrupting the start of an embedded run (the CLI alone)', () => {
  // This run's s3rver: its data directory is under the run's own scratch directory (other e2e files
  // run beside this one and start s3rvers of their own).
  const s3rvers = (scratch: string): number[] => {
    const r = spawnSync('pgrep', ['-f', `node_modules/s3rver/bin/s3rver.js.*${scratch}`]);
    return r.stdout.toString().trim().split('\n').filter(Boolean).map(Number);
  };
  test.each([150, 700, 1200, 1700, 2500])('SIGTERM %i ms after the start', async (delay) => {
    const scratch = e2eTempDir('s3c-scratch-');
    const { child, done } = startCli(['suites/bucket/HeadBucket.test.ts'], { S3C_TARGET: 'embedded', S3C_SCRATCH_DIR: scratch });
    await new Promise((r) => setTimeout(r, delay));
    child.kill('SIGTERM');
    const r = await done;
    const out = r.stdout + r.stderr;
    if (r.signal === 'SIGTERM' && out === '') {
      // Sent before Node ran a line of the entry (a loaded machine can take over 150 ms to get there):
      // the signal's default action ended it; nothing had started, so nothing is left.
    } else if (!/SIGTERM/.test(out)) {
      // A run this short may end before the signal; then it is a complete run, exit 0.
      expect(r.code, out).toBe(0);
    } else expect(r.code, out).toBe(130);
    // s3rver notices a parent that is gone within a second.
    await waitFor(() => s3rvers(scratch).length === 0, 5_000, 's3rver to exit');
    await waitFor(() => readdirSync(scratch).filter((d) => d.startsWith('s3c-s3rver-')).length === 0, 5_000, "s3rver's data directory to be removed");
  });
});
