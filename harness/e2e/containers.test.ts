/**
 * End to end, the reference servers in the project's own images (issue 19): swift-container and
 * rgw-container run a short selection through the CLI with verdicts like swift-local / rgw-local
 * (their expectations are shared through the profile's `expectationsOf`), and the one-line errors
 * when an image is not built. Needs a Docker engine and `npm run images`; without an engine the
 * tests are skipped with that reason, so `npm test` passes on machines without Docker.
 * S3C_CONTAINER_TARGETS=swift-container (comma-separated) narrows the targets.
 */
import { describe, expect, test } from 'vitest';
import { requireDocker } from '../../fixtures/containers/index.ts';
import { dockerAvailable, imageTag } from '../../fixtures/containers/images.ts';
import { expectationTargets, loadExpectations } from '../verdict/expectations.ts';
import { badVerdicts, readResults, ROOT, runCli } from './run.ts';
import { join } from 'node:path';

const noStack = /\n\s+at /;
const why = await requireDocker('swift-s3api').then(
  () => undefined,
  (e: unknown) => (e as Error).message.split('(')[0]?.trim(),
);
const cliDocker = why ? 'no engine' : await dockerAvailable();
if (why ?? cliDocker) process.stdout.write(`containers.test.ts: skipped: ${why ?? cliDocker}\n`);

const ONLY = ['CreateBucket', 'PutObject', 'GetObject', 'DeleteObject', 'ListObjectsV2', 'PutBucketAcl', 'CreateMultipartUpload'];
const targets = (process.env.S3C_CONTAINER_TARGETS ?? 'swift-container,rgw-container').split(',').filter(Boolean);

describe('expectations of the container targets', () => {
  test('swift-container and rgw-container share those of swift-local and rgw-local', () => {
    expect(expectationTargets('swift-container')).toEqual(['swift-local', 'swift-container']);
    expect(expectationTargets('rgw-container')).toEqual(['rgw-local', 'rgw-container']);
    const dir = join(ROOT, 'expectations');
    for (const [c, h] of [['swift-container', 'swift-local'], ['rgw-container', 'rgw-local']] as const) {
      const shared = loadExpectations(dir, c);
      const host = loadExpectations(dir, h);
      expect(shared.target).toBe(c);
      expect([...shared.exact.keys()].sort()).toEqual([...host.exact.keys()].sort());
      expect(host.exact.size).toBeGreaterThan(0);
    }
  });
});

describe.skipIf(why !== undefined || cliDocker !== undefined)('reference servers in containers (Docker)', () => {
  for (const target of targets) {
    const image = target === 'swift-container' ? 'swift-s3api' : 'ceph-rgw';
    test(`${target}: a short selection passes (or is a known deviation) on 127.0.0.1`, { timeout: 900_000 }, async () => {
      const r = await runCli(ONLY.flatMap((o) => ['--only', o]), { S3C_TARGET: target, S3C_CONCURRENCY: '2' });
      if (/is not built yet/.test(r.stderr)) {
        // A machine with Docker but without the images: the message names the command, nothing else runs.
        expect(r.code).not.toBe(0);
        expect(r.stderr).toContain(`image ${imageTag(image)} (${image}) is not built yet: run \`npm run images\``);
        expect(r.stderr).not.toMatch(noStack);
        return;
      }
      expect(r.code, `${r.stderr}\n${r.stdout.slice(-2000)}`).toBe(0);
      const res = readResults(r.reportDir, target);
      expect(res.run.endpointHost).toMatch(/^(127\.0\.0\.1|localhost):\d+$/);
      expect(badVerdicts(res)).toEqual([]);
      expect(res.summary.pass).toBeGreaterThan(20);
    });
  }
});
