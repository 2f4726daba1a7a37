/**
 * The resolved, running target as the checks see it. Made once per run by the global setup
 * (harness/vitest/global-setup.ts) and handed to test workers through vitest's provide/inject.
 */
import { inject } from 'vitest';
import type { Credentials, Features } from '../config/targets.ts';

export interface Runtime {
  target: string;
  profile: string;
  endpoint: string;
  region: string;
  pathStyle: boolean;
  credentials: Credentials;
  alt?: Credentials;
  features: Features;
  remote: boolean;
  runId: string;
  bucketPrefix: string;
  seed: number;
  numRuns: number;
  /** S3C_REPLAY_PATH: fast-check path of a shrunk counterexample to replay. */
  replayPath?: string;
  /** reports/<target>, absolute. */
  reportDir: string;
  /** Scratch directory of this run (ledger, counters), absolute. */
  runDir: string;
  requestTimeoutMs: number;
  listSettleMs: number;
  maxRequests?: number;
  startedAt: string;
  toolVersion: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    s3c: Runtime;
  }
}

let cached: Runtime | undefined;

/** The runtime in a test worker. Throws a clear error when the suite runs without the global setup. */
export function runtime(): Runtime {
  if (cached) return cached;
  const rt = inject('s3c');
  if (!rt) throw new Error('s3c runtime missing: run the suite through `npm run conformance` (or vitest with vitest.config.ts)');
  cached = rt;
  return rt;
}

export function setRuntimeForTests(rt: Runtime | undefined): void {
  cached = rt;
}
