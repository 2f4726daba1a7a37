/**
 * End to end: the conformance CLI against real local servers, as a user runs it.
 * The run's verdicts must match the expectation files (no fail, no unexpected-pass, no error),
 * the three reports must be written, and no secret may appear in any of them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { badVerdicts, filesUnder, readResults, runCli, startCli } from './run.ts';

const SECRETS: Record<string, string[]> = {
  embedded: [],
  'swift-local': ['testing', 'testing3'],
};

describe.each([
  ['embedded', {}],
  ['swift-local', { S3C_TARGET: 'swift-local' }],
] as const)('npm run conformance against %s', (target, env) => {
  test('exits 0, verdicts match the expectations, reports written, no secret in them', async () => {
    const r = await runCli([], { ...env, S3C_ALLURE_RESULTS: join('/tmp', `s3c-e2e-allure-${target}`) });
    const results = readResults(r.reportDir, target);
    expect(badVerdicts(results), r.stdout.slice(-3000) + r.stderr.slice(-2000)).toEqual([]);
    expect(r.code, r.stderr.slice(-2000)).toBe(0);
    expect(results.summary.total).toBeGreaterThan(0);
    expect(results.summary.pass).toBeGreaterThan(0);
    expect(results.run.leaks).toEqual([]);
    expect(results.run.requests).toBeGreaterThan(0);
    expect(results.run.target).toBe(target);
    expect(r.stdout).toMatch(new RegExp(`s3c: ${target}: \\d+ checks`));
    expect(r.stdout).toMatch(/seed=-?\d+/);
    const files = filesUnder(join(r.reportDir, target)).map((f) => f.split('/').pop());
    expect(files).toEqual(expect.arrayContaining(['results.json', 'summary.md', 'index.html', 'junit.xml']));
    for (const f of filesUnder(join(r.reportDir, target))) {
      const text = readFileSync(f, 'utf8');
      for (const s of SECRETS[target] ?? []) expect(text.includes(s), `${f} contains a secret`).toBe(false);
    }
    for (const s of SECRETS[target] ?? []) expect(r.stdout.includes(s) || r.stderr.includes(s), 'console output contains a secret').toBe(false);
  });
});

describe('configuration errors', () => {
  test.each([
    [{ S3C_TARGET: 'nope' }, /S3C_TARGET: unknown profile "nope" \(known: embedded, swift-local/],
    [{ AWS_ENDPOINT_URL_S3: 'not-a-url' }, /AWS_ENDPOINT_URL_S3: "not-a-url" is not a URL/],
    [{ S3C_TARGET: 'nhn-kr1' }, /AWS_ACCESS_KEY_ID: is not set/],
    [{ S3C_TARGET: 'nhn-kr1', AWS_ACCESS_KEY_ID: 'AKIAEXAMPLEKEY', AWS_SECRET_ACCESS_KEY: '' }, /AWS_SECRET_ACCESS_KEY: is missing/],
  ])('%o → exit 2 with one clear message, no stack trace', async (env, message) => {
    const r = await runCli([], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr.trim().split('\n').length).toBe(1);
  });
});

describe('interruption', () => {
  test('SIGINT stops the run and leaves no bucket of the run behind', async () => {
    const runId = `${Math.floor(Date.now() / 1000).toString(36)}int`;
    const { child, done } = startCli([], { S3C_TARGET: 'swift-local', S3C_RUN_ID: runId });
    const client = new S3Client({ endpoint: 'http://127.0.0.1:8080', region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'test:tester', secretAccessKey: 'testing' } });
    const ours = async (): Promise<string[]> =>
      ((await client.send(new ListBucketsCommand({}))).Buckets ?? []).map((b) => b.Name ?? '').filter((n) => n.startsWith(`s3c-${runId}-`) || n.includes(runId));
    // Wait until the run has created at least one bucket (bounded), then interrupt it.
    const deadline = Date.now() + 60_000;
    let seen: string[] = [];
    while (Date.now() < deadline && child.exitCode === null) {
      seen = await ours();
      if (seen.length > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(seen.length, 'the run created no bucket before it ended').toBeGreaterThan(0);
    child.kill('SIGINT');
    const r = await done;
    expect(r.stderr).toMatch(/SIGINT: stopping the run/);
    expect(r.code).not.toBe(0);
    expect(await ours()).toEqual([]);
    client.destroy();
  });
});
