/**
 * Faults a run must survive (issue 14), each through a fault in front of the long-lived swift-local:
 * the target dies mid-run and comes back, a storm of 503 SlowDown (the project's fault proxy),
 * connection resets, a server that stalls mid-body. Each run must end with a report of every
 * selected check (not aborted), `error` — never `fail` — for the checks the fault touched (a check
 * that passes without the fault must not fail with it), and 0 buckets of the run left.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { startProxy } from '../selftest/proxy.ts';
import type { ResultsFile } from '../report/schema.ts';
import { readResults, runCli } from './run.ts';
import { e2eTempDir } from './tempdirs.ts';

const UP = new URL('http://127.0.0.1:8080');
const NO_EXPECTATIONS = e2eTempDir('s3c-noexp-');
const SELECTION = ['suites/object/HeadObject.test.ts', 'suites/object/GetObject.test.ts'];
const client = new S3Client({ endpoint: UP.origin, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'test:tester', secretAccessKey: 'testing' } });

let seq = 0;
const newRunId = (): string => `${Math.floor(Date.now() / 1000).toString(36)}f${++seq}${Math.floor(Math.random() * 36).toString(36)}`.slice(0, 10);

async function bucketsOf(runId: string): Promise<string[]> {
  const r = await client.send(new ListBucketsCommand({}));
  return (r.Buckets ?? []).map((b) => b.Name ?? '').filter((n) => n.includes(runId));
}

async function run(endpoint: string, extra: Record<string, string> = {}, runId = newRunId()): Promise<{ results: ResultsFile; code: number | null; out: string; stdout: string; runId: string }> {
  const r = await runCli(SELECTION, {
    S3C_TARGET: 'swift-local',
    AWS_ENDPOINT_URL_S3: endpoint,
    S3C_RUN_ID: runId,
    S3C_CONCURRENCY: '2',
    S3C_NUM_RUNS: '3',
    S3C_EXPECTATIONS_DIR: NO_EXPECTATIONS,
    ...extra,
  });
  return { results: readResults(r.reportDir, 'swift-local'), code: r.code, out: r.stdout + r.stderr, stdout: r.stdout, runId };
}

/** A TCP relay whose faults are switched by the test: down (refuses), or reset (kills the connection of every n-th request chunk). */
interface Relay {
  port: number;
  endpoint: string;
  connections: () => number;
  down: (ms: number) => Promise<void>;
  resetEvery: (n: number) => void;
  close: () => Promise<void>;
}

async function relay(): Promise<Relay> {
  const sockets = new Set<Socket>();
  let conns = 0;
  let chunks = 0;
  let every = 0;
  const handler = (c: Socket): void => {
    conns++;
    const up = connect(Number(UP.port), UP.hostname);
    sockets.add(c).add(up);
    c.on('data', () => {
      chunks++;
      if (every > 0 && chunks % every === 0) setTimeout(() => (c.resetAndDestroy(), up.destroy()), 5);
    });
    c.pipe(up).pipe(c);
    c.on('error', () => up.destroy());
    up.on('error', () => c.destroy());
    c.on('close', () => sockets.delete(c));
    up.on('close', () => sockets.delete(up));
  };
  let server: Server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    endpoint: `http://127.0.0.1:${port}`,
    connections: () => conns,
    down: async (ms) => {
      await new Promise<void>((r) => {
        server.close(() => r());
        for (const s of sockets) s.destroy();
      });
      await new Promise((r) => setTimeout(r, ms));
      server = createServer(handler);
      await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
    },
    resetEvery: (n) => (every = n),
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/** An HTTP relay that, once armed, answers the next object GET with its headers and half its body, then stalls. */
async function stallingRelay(): Promise<{ endpoint: string; arm: () => void; stalled: () => number; close: () => Promise<void> }> {
  const { createServer: http, request } = await import('node:http');
  let armed = false;
  let stalled = 0;
  const server = http((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const up = request({ hostname: UP.hostname, port: UP.port, method: req.method, path: req.url, headers: req.headers }, (ur) => {
        const body: Buffer[] = [];
        ur.on('data', (c: Buffer) => body.push(c));
        ur.on('end', () => {
          const all = Buffer.concat(body);
          const isObjectGet = req.method === 'GET' && /^\/[^/?]+\/[^?]+/.test(req.url ?? '') && (ur.statusCode ?? 0) === 200 && all.length > 1;
          res.writeHead(ur.statusCode ?? 502, ur.headers);
          if (armed && isObjectGet) {
            armed = false;
            stalled++;
            res.write(all.subarray(0, Math.floor(all.length / 2)));
            return; // never ends: the client's time-out must turn this into `error`
          }
          res.end(all);
        });
      });
      up.on('error', () => res.destroy());
      up.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    arm: () => (armed = true),
    stalled: () => stalled,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

let baseline: ResultsFile;
const toClose: Array<() => Promise<void>> = [];
beforeAll(async () => {
  const p = await startProxy(UP.origin);
  toClose.push(p.close);
  baseline = (await run(p.endpoint)).results;
});
afterAll(async () => {
  for (const c of toClose) await c();
  client.destroy();
});

/** The survival contract, against the fault-free baseline. */
async function expectSurvived(r: Awaited<ReturnType<typeof run>>, opts: { errors: boolean }): Promise<void> {
  const res = r.results;
  expect(res.run.aborted, r.out.slice(-2000)).toBeUndefined();
  expect(res.results.map((e) => e.id).sort()).toEqual(baseline.results.map((e) => e.id).sort());
  const before = new Map(baseline.results.map((e) => [e.id, e.verdict]));
  // No false accusation: a check that passes without the fault is pass or error with it.
  const accused = res.results.filter((e) => e.verdict === 'fail' && before.get(e.id) === 'pass').map((e) => `${e.id}: ${e.error?.message.split('\n')[0] ?? ''}`);
  expect(accused).toEqual([]);
  if (opts.errors) expect(res.summary.error, r.out.slice(-2000)).toBeGreaterThan(0);
  expect(res.run.leaks).toEqual([]);
  expect(await bucketsOf(r.runId)).toEqual([]);
  // The summary is the last line of standard output (warnings go to standard error before it).
  expect(r.stdout.trim().split('\n').pop()).toMatch(/0 buckets left; report .*; exit \d+$/);
}

describe('faults a run survives (swift-local behind a fault)', () => {
  test('the target dies mid-run and comes back', async () => {
    const rl = await relay();
    toClose.push(rl.close);
    const runId = newRunId();
    const p = run(rl.endpoint, { S3C_REQUEST_TIMEOUT_MS: '5000' }, runId);
    // Down for 1.5 s once the run is under way (its first buckets exist; bounded wait).
    const deadline = Date.now() + 600_000;
    while (Date.now() < deadline && (await bucketsOf(runId)).length === 0) await new Promise((r) => setTimeout(r, 100));
    await rl.down(1500);
    const r = await p;
    await expectSurvived(r, { errors: true });
    // Exit codes (README): a failed required check (1) outranks checks that ended in error (3). The run
    // has no expectations, so Swift's own deviations fail wherever the outage did not reach them.
    expect(r.code, r.out.slice(-2000)).toBe(r.results.summary.fail > 0 ? 1 : 3);
  });

  test('a storm of 503 SlowDown (the fault proxy): retried, counted, never a failure', async () => {
    let n = 0;
    const proxy = await startProxy(UP.origin, {
      onRequest: () => {
        n++;
        // Requests 30..130: every other one is throttled.
        if (n >= 30 && n <= 130 && n % 2 === 0) {
          return { status: 503, headers: { 'content-type': 'application/xml' }, body: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>') };
        }
        return undefined;
      },
    });
    toClose.push(proxy.close);
    const r = await run(proxy.endpoint);
    await expectSurvived(r, { errors: false });
    expect(r.results.run.throttleRetries).toBeGreaterThan(0);
  });

  test('connection resets', async () => {
    const rl = await relay();
    toClose.push(rl.close);
    rl.resetEvery(25);
    const r = await run(rl.endpoint);
    await expectSurvived(r, { errors: true });
  });

  test('a server that stalls mid-body', async () => {
    const sr = await stallingRelay();
    toClose.push(sr.close);
    // Three stalls, 1.5 s apart: each costs a check its 3 s inactivity time-out; more say nothing new.
    let arms = 0;
    const timer = setInterval(() => arms++ < 3 && sr.arm(), 1500);
    const r = await run(sr.endpoint, { S3C_REQUEST_TIMEOUT_MS: '3000' });
    clearInterval(timer);
    expect(sr.stalled()).toBeGreaterThan(0);
    await expectSurvived(r, { errors: true });
  });
});
