/**
 * A conformance run must survive the server it judges: when the target stops answering
 * mid-run, the affected checks get the verdict `error` (not `fail`), the run stops with a clear
 * message instead of producing hundreds of failures, and the buckets it could not delete are
 * listed as leaks.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, expect, test } from 'vitest';
import { startEmbedded, type StartedServer } from '../../fixtures/servers/embedded.ts';
import { readResults, runCli } from './run.ts';

let upstream: StartedServer | undefined;
let proxy: Server | undefined;
afterAll(async () => {
  proxy?.close();
  await upstream?.stop();
});

/**
 * A TCP relay that dies (closes every socket and stops listening) `afterMs` after the run created its
 * first bucket (the first `PUT /<bucket>` it relays), so the run has buckets left to leak; the
 * preflight's requests before that do not start the clock.
 */
function dyingRelay(target: URL, afterMs: number): Promise<{ port: number; died: Promise<void> }> {
  const sockets = new Set<Socket>();
  let timer: NodeJS.Timeout | undefined;
  let markDead: () => void = () => undefined;
  const died = new Promise<void>((r) => (markDead = r));
  const server = createServer((client) => {
    client.on('data', (d: Buffer) => {
      if (timer || !/^PUT \/s3c-[^/?\s]+ HTTP\//m.test(d.toString('latin1'))) return;
      timer = setTimeout(() => {
        server.close();
        for (const s of sockets) s.destroy();
        markDead();
      }, afterMs);
    });
    const up = connect(Number(target.port), target.hostname);
    sockets.add(client).add(up);
    client.pipe(up).pipe(client);
    client.on('error', () => up.destroy());
    up.on('error', () => client.destroy());
  });
  proxy = server;
  return new Promise((res) => server.listen(0, '127.0.0.1', () => res({ port: (server.address() as { port: number }).port, died })));
}

test('a target that dies mid-run: verdict error, the run stops early with a clear message, leaks listed', async () => {
  upstream = await startEmbedded();
  const relay = await dyingRelay(new URL(upstream.endpoint), 2500);
  const r = await runCli([], { S3C_TARGET: 'embedded', AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${relay.port}`, S3C_CONCURRENCY: '2', S3C_REQUEST_TIMEOUT_MS: '3000' });
  // Bounded: a run that ended before its first bucket (the upstream crashed in the preflight, say)
  // never starts the relay's clock; the assertions below then say what happened.
  await Promise.race([relay.died, new Promise((r) => setTimeout(r, 5000))]);
  expect(r.stdout + r.stderr).not.toMatch(/\[e2e\] the CLI run did not end/);
  const results = readResults(r.reportDir, 'embedded');
  // Could not judge: exit 3 (README, "Exit codes").
  expect(r.code).toBe(3);
  expect(r.stderr).toMatch(/s3c: stopping the run: the target stopped answering/);
  expect(results.run.aborted).toMatch(/stopped answering/);
  const errors = results.results.filter((e) => e.verdict === 'error');
  expect(errors.length).toBeGreaterThan(0);
  // Transport failures are never reported as the target failing the contract.
  for (const e of results.results.filter((x) => x.verdict === 'fail')) expect(e.error?.message ?? '').not.toMatch(/no answer from the target|ECONNREFUSED|ECONNRESET/);
  // The run stopped: far fewer checks were judged than the suite holds.
  const judged = results.results.filter((e) => e.verdict !== 'skipped').length;
  expect(judged).toBeLessThan(results.summary.total);
  // What the run created and could not delete is reported, not forgotten.
  expect(results.run.leaks.length).toBeGreaterThan(0);
});
