import { describe, expect, test } from 'vitest';
import { applyOptionsToEnv, testNamePattern } from './conformance-options.ts';

describe('conformance CLI options', () => {
  test('--only selects by id prefix, escaped', () => {
    const p = new RegExp(testNamePattern({ only: ['PutObject', 'GetObject/range.'] }) ?? '');
    expect(p.test('PutObject/content-md5 — t')).toBe(true);
    expect(p.test('GetObject/range. — t')).toBe(true);
    expect(p.test('GetObject/rangeX — t')).toBe(false);
    expect(p.test('HeadObject/x — PutObject')).toBe(false);
  });
  test('--grep and --only together must both match', () => {
    const p = new RegExp(testNamePattern({ only: ['PutObject'], grep: 'md5' }) ?? '');
    expect(p.test('PutObject/content-md5 — t')).toBe(true);
    expect(p.test('PutObject/other — t')).toBe(false);
    expect(testNamePattern({})).toBeUndefined();
  });
  test('options map to S3C_ variables', () => {
    const env: NodeJS.ProcessEnv = {};
    applyOptionsToEnv({ target: 'swift-local', seed: '5', numRuns: '3', reportDir: 'r', concurrency: '2' }, env);
    expect(env).toMatchObject({ S3C_TARGET: 'swift-local', S3C_SEED: '5', S3C_NUM_RUNS: '3', S3C_REPORT_DIR: 'r', S3C_CONCURRENCY: '2' });
  });
});
