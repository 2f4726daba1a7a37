/**
 * End to end, the CI pieces (issue 9): container targets without Docker, NHN credential
 * provisioning against the local fake identity service (issue → run → delete, and the limit
 * message), and two shards of an embedded run merging to the verdicts of one unsharded run.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { requireDocker } from '../../fixtures/containers/index.ts';
import { startEmbedded, type StartedServer } from '../../fixtures/servers/embedded.ts';
import { startFakeIdentity, type FakeIdentity } from '../credentials/fake-identity.ts';
import { main as merge } from '../cli/merge.ts';
import { readResults as readFile } from '../report/site/load.ts';
import { readResults, runCli } from './run.ts';
import { e2eTempDir } from './tempdirs.ts';

const noStack = /\n\s+at /;

// Where a Docker engine is reachable (GitHub's runners) the emulator jobs run the real containers instead.
const dockerReachable = await requireDocker('minio').then(
  () => true,
  () => false,
);

describe('container targets without a Docker engine', () => {
  test.skipIf(dockerReachable)('S3C_TARGET=minio fails fast with a clear message naming Docker, non-zero, no stack trace', async () => {
    const r = await runCli(['suites/bucket/CreateBucket.test.ts'], { S3C_TARGET: 'minio' });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/no Docker engine is reachable: target "minio" runs minio\/minio:RELEASE\.[^ ]+ in a container through testcontainers\. Start Docker/);
    expect(r.stderr).not.toMatch(noStack);
  });
});

describe('NHN credential provisioning against the fake identity service', () => {
  let s3: StartedServer;
  beforeAll(async () => {
    s3 = await startEmbedded();
  });
  afterAll(async () => {
    await s3.stop();
  });
  // The fake issues s3rver's keys, so the embedded server accepts the issued credential.
  const env = (f: FakeIdentity): Record<string, string> => ({
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    S3C_TARGET_NAME: 'nhn-fake',
    S3C_NHN_IDENTITY_URL: f.url,
    S3C_NHN_TENANT_ID: f.tenantId,
    S3C_NHN_USERNAME: f.username,
    S3C_NHN_API_PASSWORD: f.password,
  });

  test('issue → run with the issued key → delete', async () => {
    const fake = await startFakeIdentity({ issueAs: { access: 'S3RVER', secret: 'S3RVER' } });
    try {
      const r = await runCli(['suites/bucket/CreateBucket.test.ts'], env(fake));
      const results = readResults(r.reportDir, 'nhn-fake');
      expect(results.run.requests).toBeGreaterThan(0);
      expect(results.summary.pass).toBeGreaterThan(0);
      expect(r.stdout).toMatch(/NHN credential S3RV… issued for this run/);
      expect(r.stdout).toMatch(/NHN credential S3RV… deleted/);
      const calls = fake.requests.map((q) => `${q.method} ${q.path.replace(fake.userId, '{user}')}`);
      expect(calls).toEqual([
        'POST /v2.0/tokens',
        'GET /v2.0/users/{user}/credentials/OS-EC2',
        'POST /v2.0/users/{user}/credentials/OS-EC2',
        'DELETE /v2.0/users/{user}/credentials/OS-EC2/S3RVER',
      ]);
      expect(fake.credentials.size).toBe(0);
    } finally {
      await fake.close();
    }
  });

  test('the 3-credential limit: exit non-zero, the limit and the existing access keys named, no secret, no stack', async () => {
    const preloaded = ['k1', 'k2', 'k3'].map((k) => ({ access: `${k}${'0'.repeat(30)}`, secret: `secret-${k}` }));
    const fake = await startFakeIdentity({ preloaded });
    try {
      const r = await runCli(['suites/bucket/CreateBucket.test.ts'], env(fake));
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/already has 3 S3 credentials in project .* \(the limit is 3 per user per project\)/);
      for (const p of preloaded) expect(r.stderr).toContain(`${p.access.slice(0, 4)}…`);
      for (const p of preloaded) expect(r.stderr).not.toContain(p.access);
      expect(r.stderr + r.stdout).not.toMatch(/secret-k/);
      expect(r.stderr).not.toMatch(noStack);
      expect(fake.credentials.size).toBe(3);
    } finally {
      await fake.close();
    }
  });
});

describe('sharding', () => {
  test('two shards of an embedded run merge to the verdicts of one unsharded run', async () => {
    // Three small files (sharding is by file), so the three runs stay short.
    const files = ['suites/bucket/HeadBucket.test.ts', 'suites/bucket/GetBucketLocation.test.ts', 'suites/bucket/ListBuckets.test.ts'];
    const env = { S3C_SEED: '4242', S3C_NUM_RUNS: '5' };
    const [whole, s1, s2] = await Promise.all([
      runCli(files, env),
      runCli([...files, '--shard', '1/2'], env),
      runCli([...files, '--shard', '2/2'], env),
    ]);
    const one = readResults(whole.reportDir, 'embedded');
    const a = readResults(s1.reportDir, 'embedded');
    const b = readResults(s2.reportDir, 'embedded');
    expect([a.run.shard, b.run.shard]).toEqual(['1/2', '2/2']);
    expect(a.results.length).toBeGreaterThan(0);
    expect(b.results.length).toBeGreaterThan(0);
    // Disjoint buckets: every shard has its own run id.
    expect(new Set([one.run.runId, a.run.runId, b.run.runId]).size).toBe(3);
    const out = e2eTempDir('s3c-merged-');
    expect(merge([join(s2.reportDir, 'embedded'), join(s1.reportDir, 'embedded'), '--out', out])).toBe(0);
    const merged = readFile(join(out, 'results.json'));
    const verdicts = (r: typeof one): Array<[string, string]> => r.results.map((e) => [e.id, e.verdict]);
    expect(verdicts(merged)).toEqual(verdicts(one));
    expect(merged.summary.total).toBe(one.summary.total);
    expect(merged.run.requests).toBe(a.run.requests + b.run.requests);
    expect(merged.run.shard).toBeUndefined();
  });
});
