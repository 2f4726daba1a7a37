/**
 * Fail fast, fail safe (issue 14), end to end through the CLI:
 * - preflight: refused, silent (time-out), not S3, unknown key, wrong secret, clock skew → one line
 *   naming the cause, exit 3, no report file, no leak claimed;
 * - usage errors → exit 2 before anything starts; `--only A <file>` keeps the file filter;
 * - the zero-config run ignores ambient AWS_PROFILE/AWS_* keys and says so; `--list` runs nothing;
 * - reports kept per run (<target>/<runId>/, latest, a copy at <target>/), the selection recorded;
 * - the console: first line at once, one line per failure, no code frames, no colour codes in a
 *   pipe, the summary last.
 */
import { existsSync, readFileSync, readlinkSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { filesUnder, readResults, runCli, startCli } from './run.ts';
import { e2eTempDir } from './tempdirs.ts';

const SWIFT = 'http://127.0.0.1:8080';
const noStack = /\n\s+at |❯ |node_modules/;
const NO_EXPECTATIONS = e2eTempDir('s3c-noexp-');

let silent: Server;
let html: HttpServer;
let skewed: HttpServer;
let unknownKey: HttpServer;
const sockets = new Set<Socket>();
const port = (s: Server | HttpServer): number => (s.address() as { port: number }).port;

beforeAll(async () => {
  // Accepts connections and never answers.
  silent = createServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
  });
  // A plain web server (not S3).
  html = createHttpServer((_q, r) => {
    r.writeHead(200, { 'content-type': 'text/html' });
    r.end('<!doctype html><html><body>Index of /</body></html>');
  });
  // An S3 server whose clock is an hour behind: RequestTimeTooSkewed.
  skewed = createHttpServer((_q, r) => {
    const server = new Date(Date.now() - 3600_000);
    r.writeHead(403, { 'content-type': 'application/xml', date: server.toUTCString() });
    r.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the current time is too large.</Message><ServerTime>${server.toISOString()}</ServerTime></Error>`);
  });
  // An S3 server that does not know the key (as RGW and AWS answer).
  unknownKey = createHttpServer((_q, r) => {
    r.writeHead(403, { 'content-type': 'application/xml', date: new Date().toUTCString() });
    r.end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>InvalidAccessKeyId</Code><Message>The AWS Access Key Id you provided does not exist in our records.</Message></Error>');
  });
  await Promise.all([silent, html, skewed, unknownKey].map((s) => new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()))));
});
afterAll(() => {
  for (const s of sockets) s.destroy();
  silent.close();
  html.close();
  skewed.close();
  unknownKey.close();
});

async function timed(args: string[], env: Record<string, string>) {
  const t = Date.now();
  const r = await runCli(args, env);
  return { ...r, ms: Date.now() - t };
}

describe('preflight: one line naming the cause, exit 3, nothing written', () => {
  const endpointEnv = (endpoint: string, key = 'testkey', secret = 'testsecret'): Record<string, string> => ({
    AWS_ENDPOINT_URL_S3: endpoint,
    AWS_ACCESS_KEY_ID: key,
    AWS_SECRET_ACCESS_KEY: secret,
    S3C_TARGET_NAME: 'pf',
  });
  test.each([
    ['connection refused', () => endpointEnv('http://127.0.0.1:9'), /preflight failed: the target at 127\.0\.0\.1:9 refused the connection/],
    ['a server that never answers', () => endpointEnv(`http://127.0.0.1:${port(silent)}`), /preflight failed: the target at 127\.0\.0\.1:\d+ did not answer within 8 s/],
    ['not an S3 endpoint', () => endpointEnv(`http://127.0.0.1:${port(html)}`), /preflight failed: not an S3 endpoint: GET \/ at 127\.0\.0\.1:\d+ answered 200 text\/html/],
    ['an unknown access key', () => endpointEnv(`http://127.0.0.1:${port(unknownKey)}`, 'nosuchkey'), /preflight failed: authentication failed: the target does not know the access key nosu… \(InvalidAccessKeyId\)/],
    ['a wrong secret (swift-local)', () => endpointEnv(SWIFT, 'test:tester', 'wrongsecret'), /preflight failed: authentication failed: the signature does not match.*\(SignatureDoesNotMatch\)/],
    ['clock skew', () => endpointEnv(`http://127.0.0.1:${port(skewed)}`), /preflight failed: authentication failed: clock skew: local clock .*, server Date .* \(local ahead by 60 min\) \(RequestTimeTooSkewed\)/],
  ])('%s', async (_name, env, message) => {
    const r = await timed(['--only', 'HeadBucket'], env());
    expect(r.code, r.stdout + r.stderr).toBe(3);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n').length, r.stderr).toBe(1);
    expect(r.stderr + r.stdout).not.toMatch(noStack);
    expect(r.stderr + r.stdout).not.toMatch(/LEAK/);
    expect(filesUnder(r.reportDir)).toEqual([]);
    expect(existsSync(join(r.reportDir, 'pf'))).toBe(false);
    process.stdout.write(`preflight (${_name}): exit ${r.code} after ${r.ms} ms (process start to exit)\n`);
  });
});

describe('usage errors: exit 2 before anything starts', () => {
  test.each([
    [['--grep', '('], /s3c: usage error: --grep: "\(" is not a valid regular expression/],
    [['--shard', '5/4'], /s3c: usage error: --shard: 5\/4/],
    [['--only', 'PutObjekt'], /s3c: usage error: --only PutObjekt: no check id starts with "PutObjekt".*did you mean PutObject\?/],
    [['--only', 'HeadBucket/no-such-check', 'suites/bucket/HeadBucket.test.ts'], /s3c: usage error: no check matches the selection \(--only HeadBucket\/no-such-check suites\/bucket\/HeadBucket\.test\.ts\)/],
    [['suites/nothing-here'], /s3c: usage error: no suite file matches "suites\/nothing-here"/],
  ])('%j', async (args, message) => {
    const r = await runCli(args, {});
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(noStack);
  });

  test('--help lists the exit codes, the targets, the variables and --list; exit 0', async () => {
    const r = await runCli(['--help'], {});
    expect(r.code).toBe(0);
    for (const s of ['Exit codes:', '130', 'could not judge', 'rgw-local', 'S3C_TARGET', 'AWS_ENDPOINT_URL_S3', '--list']) expect(r.stdout).toContain(s);
  });
});

describe('safety rails', () => {
  test('zero-config with an ambient AWS_PROFILE and keys: stays on the embedded server and says what it ignored; --list runs nothing', async () => {
    const r = await runCli(['--list', '--only', 'HeadBucket'], { AWS_PROFILE: 'production', AWS_ACCESS_KEY_ID: 'AKIAPRODUCTION', AWS_SECRET_ACCESS_KEY: 'prod-secret' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/s3c: listing the checks selected for embedded/);
    expect(r.stdout).toMatch(/s3c: zero-config run on the embedded server: ignoring AWS_PROFILE, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY/);
    expect(r.stdout).toMatch(/^HeadBucket\/success\trequired\t/m);
    expect(r.stdout).not.toMatch(/^PutObject\//m);
    expect(r.stderr).toMatch(/\d+ checks selected; nothing was run/);
    expect(r.stdout + r.stderr).not.toContain('prod-secret');
    expect(filesUnder(r.reportDir)).toEqual([]);
  });
});

describe('reports and console of a run', () => {
  test('--only with a file filter: report kept under <runId>/, latest and the copy agree, selection recorded; readable console', async () => {
    const reportDir = e2eTempDir('s3c-e2e-');
    const env = { S3C_REPORT_DIR: reportDir, S3C_EXPECTATIONS_DIR: NO_EXPECTATIONS };
    const t0 = Date.now();
    const { child, done } = startCli(['--only', 'HeadBucket', 'suites/bucket/HeadBucket.test.ts'], env);
    let firstAt = 0;
    child.stdout?.once('data', () => (firstAt = Date.now() - t0));
    const r = await done;
    const second = await runCli(['--only', 'HeadBucket/success', 'suites/bucket/HeadBucket.test.ts'], env);
    const first = readResults(second.reportDir, 'embedded'); // latest: the second run
    expect(first.run.selection).toEqual({ only: ['HeadBucket/success'], files: ['suites/bucket/HeadBucket.test.ts'] });
    expect(first.run.complete).toBe(false);
    expect(first.run.staleExpectations).toEqual([]);
    const runs = filesUnder(join(reportDir, 'embedded')).filter((f) => f.endsWith('/results.json'));
    // Two run directories, latest (a symlink to the second) and the top-level copy.
    expect(runs.length).toBe(4);
    expect(readlinkSync(join(reportDir, 'embedded', 'latest'))).toBe(first.run.runId);
    expect(readFileSync(join(reportDir, 'embedded', 'results.json'), 'utf8')).toBe(readFileSync(join(reportDir, 'embedded', first.run.runId, 'results.json'), 'utf8'));
    const older = runs.map((f) => JSON.parse(readFileSync(f, 'utf8')) as { run: { runId: string; selection?: { only?: string[] } } }).find((x) => x.run.runId !== first.run.runId);
    expect(older?.run.selection?.only).toEqual(['HeadBucket']);
    // The console.
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^s3c: starting the embedded server/);
    expect(lines.at(-1)).toMatch(/^s3c: embedded: \d+ checks \(partial selection\): \d+ pass, .* skipped; \d+ requests; 0 buckets left; report .*index\.html; exit \d$/);
    // eslint-disable-next-line no-control-regex
    expect(r.stdout + r.stderr).not.toMatch(/\x1b\[/);
    expect(r.stdout + r.stderr).not.toMatch(noStack);
    expect(r.stdout + r.stderr).not.toMatch(/no test runtime is found|expected fail|Test Files|RUN v\d/);
    expect(r.stdout).toMatch(/^s3c: bucket +\d+ checks: /m);
    for (const l of lines.filter((x) => /^ {2}(FAIL|ERROR|UNEXPECTED-PASS) /.test(x))) expect(l).toMatch(/^ {2}\S+ HeadBucket\/[a-z0-9.-]+ — /);
    const junit = join(reportDir, 'embedded', first.run.runId, 'junit.xml');
    expect(readFileSync(junit, 'utf8')).toMatch(/<\/testsuites>\s*$/);
    process.stdout.write(`first output line after ${firstAt} ms (process start)\n`);
  });
});
