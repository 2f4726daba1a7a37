/**
 * State shared, in vitest's main process, by the conformance CLI, the global setup and the
 * reporters (one process: globalThis): the signal that interrupted the run, a preflight failure,
 * why the run stopped early, the sweep's result and the report written.
 */
import type { ResultsFile } from '../report/schema.ts';

export interface RunState {
  /** The first SIGINT/SIGTERM received. */
  signal?: NodeJS.Signals;
  /** The global setup failed (no Docker, a server that would not start, NHN identity): its message. */
  setupError?: string;
  /** One line: why the target cannot be judged (the CLI exits 3). */
  preflightFailure?: string;
  /** Why the reporter stopped the run (target dead, request budget). */
  stopped?: { kind: 'dead' | 'budget'; reason: string };
  /** What was selected (schema: run.selection). */
  selection?: { only?: string[]; grep?: string; files?: string[] };
  /** Result of the final sweep. */
  sweep?: SweepResult;
  /** The report written, and where. */
  written?: { results: ResultsFile; dir: string };
  /** No check matched the selection. */
  empty?: boolean;
}

export interface SweepResult {
  /** Confirmed to exist (ledger or listing) and could not be deleted. */
  leaks: string[];
  /** Named but never confirmed created, and the target could not be asked: not leaks. */
  unconfirmed: string[];
  /** Buckets deleted by the sweep. */
  deleted: number;
}

declare global {
  var __s3cRun: RunState | undefined;
}

export function runState(): RunState {
  globalThis.__s3cRun ??= {};
  return globalThis.__s3cRun;
}
