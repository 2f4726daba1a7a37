/**
 * The file context (file.ts), offline: its checks are registered into this very file, so vitest
 * runs them as it runs a suite file's. No bucket is made (that needs a server; the conformance e2e
 * tests cover it): the `setup` resource stands for the file fixture.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { setRuntimeForTests, type Runtime } from '../run/runtime.ts';
import { doc } from './evidence.ts';
import { operation } from './file.ts';
import { MetaError } from './meta.ts';
import { expectationSetForTests } from './run.ts';

const RT: Runtime = {
  target: 'file-context-selftest',
  profile: 'custom',
  endpoint: 'http://127.0.0.1:9',
  region: 'us-east-1',
  pathStyle: true,
  credentials: { accessKeyId: 'AKIDSELFTEST', secretAccessKey: 'selftest-secret' },
  features: {} as Runtime['features'],
  remote: false,
  runId: 'selftest01',
  bucketPrefix: 's3c',
  seed: 1,
  numRuns: 1,
  reportDir: '/nonexistent/s3c-selftest-report',
  runDir: '/nonexistent/s3c-selftest-run',
  requestTimeoutMs: 1000,
  listSettleMs: 0,
  startedAt: new Date(0).toISOString(),
  toolVersion: '0.0.0',
};
setRuntimeForTests(RT);
expectationSetForTests({
  target: RT.target,
  exact: new Map([
    ['HeadBucket/selftest-skipped', { expected: 'skip', reason: 'self-test: a skipped check never makes the fixture' }],
    ['GetBucketAcl/selftest-setup-fails', { expected: 'fail', reason: 'self-test: the setup error is the check error' }],
  ]),
  prefixes: [],
} as Parameters<typeof expectationSetForTests>[0]);

const EVIDENCE = [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadBucket.html', 'You can use this operation to determine if a bucket exists and if you have permission to access it.')];
const meta = (id: string) => ({ id, spec: '#API_HeadBucket_Errors', level: 'required' as const, title: `file context self-test ${id}`, evidence: EVIDENCE });

// A file context whose resource counts how often it is made and closed.
const made: string[] = [];
let closed = 0;
const op = operation('HeadBucket', {
  setup: async ({ rt }) => {
    made.push(rt.target);
    return { value: { token: `token-${made.length}` }, close: () => void closed++ };
  },
});

op.check(meta('HeadBucket/selftest-skipped'), async () => {
  throw new Error('a check skipped by its expectation must not run');
});
op.check(meta('HeadBucket/selftest-first'), async ({ token, rt, s3 }) => {
  expect(token).toBe('token-1');
  expect(rt.target).toBe(RT.target);
  expect(typeof s3.send).toBe('function');
});
op.check(meta('HeadBucket/selftest-second'), async (f) => {
  // The same value: the fixture has scope 'file', made once for all the file's checks.
  expect(f.token).toBe('token-1');
  expect(made).toEqual([RT.target]);
});

// A second context in the same file whose setup fails: each of its checks errors with that failure.
const broken = operation('GetBucketAcl', {
  setup: async () => {
    throw new Error('setup could not make its resource');
  },
});
broken.check({ ...meta('GetBucketAcl/selftest-setup-fails'), spec: '#API_GetBucketAcl_Errors' }, async () => {
  /* never reached: the expectation `fail` passes only if the check throws */
});

describe('operation(): the file context', () => {
  test('refuses a check of another operation, an unknown operation and a reserved name', () => {
    expect(() => op.check(meta('GetObject/selftest-wrong-op'), async () => undefined)).toThrow(MetaError);
    expect(() => operation('NoSuchOperation' as 'HeadBucket')).toThrow(/unknown operation/);
    expect(() => operation('HeadBucket', { buckets: { s3: {} } })).toThrow(/may not be named "s3"/);
  });

  test('resolves its reference page and the runtime', () => {
    expect(op.ref).toBe('https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadBucket.html');
    expect(op.rt.target).toBe(RT.target);
  });
});

afterAll(() => {
  // Runs before the file fixture's teardown (vitest tears file fixtures down after afterAll): made
  // once, by the first check that ran, and not yet closed.
  expect(made).toHaveLength(1);
  expect(closed).toBe(0);
});
