import { existsSync, rmSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { e2eTempDir, keepE2eTempDirs, sweepE2eTempDirs } from './tempdirs.ts';

describe('e2e temporary directories', () => {
  test('are removed by the sweep, and kept with S3C_E2E_KEEP=1 or after a failure', () => {
    const a = e2eTempDir('s3c-tempdirs-test-');
    expect(existsSync(a)).toBe(true);
    expect(sweepE2eTempDirs({ S3C_E2E_KEEP: '1' })).toBe(0);
    expect(existsSync(a)).toBe(true);
    expect(sweepE2eTempDirs({})).toBe(1);
    expect(existsSync(a)).toBe(false);
    const b = e2eTempDir('s3c-tempdirs-test-');
    keepE2eTempDirs();
    expect(sweepE2eTempDirs({})).toBe(0);
    expect(existsSync(b)).toBe(true);
    rmSync(b, { recursive: true, force: true });
  });
});
