/**
 * Where a run keeps its scratch files (the embedded server's data, the files the real clients
 * upload and download): a RAM-backed /dev/shm when the machine has one with room to spare, else
 * the system's temporary directory. On a 2-core CI machine the disk's I/O wait was a visible part
 * of a run's wall time (docs/BENCH.md); nothing kept there outlives the run.
 * `S3C_SCRATCH_DIR` chooses the directory.
 */
import { accessSync, constants, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';

const MIN_FREE = 2 * 1024 ** 3;

export function scratchRoot(env: NodeJS.ProcessEnv = process.env): string {
  if (env.S3C_SCRATCH_DIR) return env.S3C_SCRATCH_DIR;
  try {
    accessSync('/dev/shm', constants.W_OK);
    const s = statfsSync('/dev/shm');
    if (s.bavail * s.bsize >= MIN_FREE) return '/dev/shm';
  } catch {
    // no /dev/shm (macOS, Windows) or not writable
  }
  return tmpdir();
}
