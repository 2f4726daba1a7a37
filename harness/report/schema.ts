/**
 * results.json, schema version 2 (2: evidence per check, required/optional failures counted apart, run selection) (documented in README.md, "Reading a report").
 * One file per run and target; the cross-target matrix is a join of these files by check id.
 */
import type { Level } from '../check/meta.ts';
import type { Evidence } from '../check/evidence.ts';
import type { Area } from '../check/operations.ts';
import type { Features } from '../config/targets.ts';
import type { Verdict, VerdictCounts } from '../verdict/verdict.ts';
import type { Exchange } from '../transport/wire.ts';

export const SCHEMA_VERSION = 2;

/** What a failed check recorded: the contract's expectation against what the target did. */
export interface CheckError {
  message: string;
  expected?: string;
  observed?: string;
  notImplemented?: boolean;
}

/** A property check's reproduction data: the seed, runs, the shrunk counterexample and its replay command. */
export interface PropertyInfo {
  seed: number;
  numRuns: number;
  runs?: number;
  shrinks?: number;
  counterexample?: string;
  path?: string;
  replay?: string;
}

export interface RunInfo {
  target: string;
  profile: string;
  /** The name a reader sees (profile name, or S3C_TARGET_NAME); never a host name. Absent in older runs. */
  displayName?: string;
  /** One line on what the target is (the profile's description, or S3C_TARGET_DESCRIPTION). */
  description?: string;
  /** Host (and port) of the endpoint; never credentials. */
  endpointHost: string;
  region: string;
  pathStyle: boolean;
  runId: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  seed: number;
  numRuns: number;
  toolVersion: string;
  node: string;
  features: Features;
  listSettleMs: number;
  /** vitest --shard, when the run is one shard of several. */
  shard?: string;
  requests: number;
  bytesSent: number;
  bytesReceived: number;
  throttleRetries: number;
  transportErrors: number;
  /** Why the run stopped early (target dead, interrupted, request budget). */
  aborted?: string;
  /** Buckets of this run that could not be deleted (leak report). */
  leaks: string[];
  /** Expectation entries naming checks that do not exist. */
  staleExpectations: string[];
  /** What was selected: name filters (--only, --grep) and file filters; absent for the full suite. */
  selection?: { only?: string[]; grep?: string; files?: string[] };
  /** Every check of the suite ran to a verdict: no filter, no shard, not aborted. */
  complete?: boolean;
  /** Suite files that failed to load, and errors outside any check: the run cannot be trusted (exit 1). */
  runErrors?: string[];
}

export interface ResultEntry {
  id: string;
  operation: string;
  area: Area;
  title: string;
  level: Level;
  spec: string;
  /** Why the expected outcome is AWS's (docs/EVIDENCE.md). */
  evidence: Evidence[];
  kind: 'scenario' | 'property';
  file: string;
  /** The raw outcome as the runner saw it. */
  status: 'passed' | 'failed' | 'skipped';
  verdict: Verdict;
  durationMs: number;
  expectation?: { expected: 'fail' | 'skip'; reason: string; link?: string; observed?: string };
  skipReason?: string;
  error?: CheckError;
  /** The redacted wire exchange of a failure. */
  wire?: Exchange[];
  property?: PropertyInfo;
  requests?: number;
  bytesSent?: number;
  bytesReceived?: number;
}

export interface Summary extends VerdictCounts {
  total: number;
  byOperation: Record<string, VerdictCounts>;
  /** Share of required-level checks that pass (skips excluded), 0..1. */
  requiredPassRate: number;
  optionalPassRate: number;
  /** Failures of required checks (non-conformance: exit 1). */
  requiredFail: number;
  /** Failures of optional checks (reported; exit 1 only with --strict). */
  optionalFail: number;
}

export interface ResultsFile {
  schemaVersion: typeof SCHEMA_VERSION;
  run: RunInfo;
  summary: Summary;
  results: ResultEntry[];
}
