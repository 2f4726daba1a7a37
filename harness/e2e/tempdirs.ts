/**
 * Temporary directories of the end-to-end tests (report directories of the CLI runs they start,
 * empty expectations directories, scratch roots): made here, and removed when the test file ends
 * (harness/e2e/setup.ts) — a full `npm test` used to leave ~1,500 s3c-e2e-* directories behind.
 * They are kept when a test of the file failed, so its runs' reports can be read, and always with
 * S3C_E2E_KEEP=1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made = new Set<string>();
let keep = false;

/** A new directory under the system's temporary directory, removed when the test file ends. */
export function e2eTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.add(dir);
  return dir;
}

/** A test of this file failed: its directories stay (their paths are in the failure's output). */
export function keepE2eTempDirs(): void {
  keep = true;
}

/** Removes this file's directories unless one of its tests failed or S3C_E2E_KEEP=1; returns how many. */
export function sweepE2eTempDirs(env: NodeJS.ProcessEnv = process.env): number {
  if (keep || env.S3C_E2E_KEEP === '1') return 0;
  let n = 0;
  for (const dir of made) {
    rmSync(dir, { recursive: true, force: true });
    made.delete(dir);
    n++;
  }
  return n;
}
