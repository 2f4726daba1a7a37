/**
 * Check metadata as data (test262's frontmatter, WPT's META): the id `<Operation>/<slug>`, the AWS
 * reference section, the requirement level, a one-line title and the evidence that the expected
 * outcome is AWS's. Validated when the suite is collected: a check with bad metadata is refused.
 */
import { evidenceProblems, type Evidence } from './evidence.ts';
import type { Expectation } from '../verdict/expectations.ts';
import { OPERATIONS, type Area, type Operation } from './operations.ts';
import type { CheckError, PropertyInfo } from '../report/schema.ts';
import type { Runtime } from '../run/runtime.ts';
import type { Features } from '../config/targets.ts';
import type { Outcome } from '../verdict/verdict.ts';
import type { Exchange } from '../transport/wire.ts';

export type Level = 'required' | 'optional';

export interface CheckMeta {
  /** Stable id `<Operation>/<slug>`: never derived from the title, never reused. The operation is its prefix. */
  id: string;
  /** Deprecated: the operation is the id's prefix. Accepted when equal to it. */
  operation?: Operation;
  /**
   * The AWS reference section the check enforces: `#anchor` on the operation's own reference page
   * (OPERATIONS[op].ref), or a full AWS documentation URL (error-code list, user guide, SigV4 pages).
   */
  spec: string;
  level: Level;
  /** One line: stimulus → requirement. */
  title: string;
  /**
   * Why the expected outcome is AWS's (docs/EVIDENCE.md): a response recorded from real AWS, a quoted
   * sentence of an AWS page, or a public report of what AWS answered. A required check needs one of
   * the first two.
   */
  evidence: readonly Evidence[];
  /** Preconditions: `alt` needs the second user (S3C_ALT_*). */
  needs?: ReadonlyArray<'alt'>;
  /** An optional feature the target must claim. */
  feature?: keyof Features;
  /** A precondition the harness cannot express otherwise: a reason string skips the check (reported as skipped with it). */
  skipIf?: (rt: Runtime) => string | undefined;
  timeoutMs?: number;
}

/** What a check carries to the reporters. */
export interface S3cMeta {
  id: string;
  operation: Operation;
  area: Area;
  spec: string;
  level: Level;
  title: string;
  evidence: Evidence[];
  kind: 'scenario' | 'property';
  file: string;
  expectation?: Expectation;
  skipReason?: string;
  outcome?: Outcome;
  error?: CheckError;
  wire?: Exchange[];
  property?: PropertyInfo;
  requests?: number;
  bytesSent?: number;
  bytesReceived?: number;
  targetDead?: boolean;
}

declare module 'vitest' {
  interface TaskMeta {
    s3c?: S3cMeta;
  }
}

export interface PropertyMeta extends CheckMeta {
  /** Runs for this property (default: the run's S3C_NUM_RUNS). */
  numRuns?: number;
  /** Upper bound on runs, whatever S3C_NUM_RUNS says (request budget against real regions). */
  maxRuns?: number;
  /** Time budget for the property including shrinking (ms). */
  timeBudgetMs?: number;
  /** Pinned examples that always run first. */
  examples?: unknown[];
}

const ID_RE = /^([A-Za-z0-9]+)\/([a-z0-9][a-z0-9.-]*[a-z0-9])$/;
/** AWS documentation; for the clients area also the clients' own reference pages. */
const SPEC_RE = /^https:\/\/(docs\.aws\.amazon\.com|boto3\.amazonaws\.com|s3tools\.org|rclone\.org|min\.io)\//;

export class MetaError extends Error {}

/** The operation a check id names (its prefix). */
export function operationOf(id: string): Operation {
  const m = ID_RE.exec(id);
  if (!m) throw new MetaError(`check id "${id}" is not <Operation>/<slug> (slug: lowercase letters, digits, "-", ".")`);
  const op = m[1] as string;
  if (!(op in OPERATIONS)) throw new MetaError(`${id}: unknown operation "${op}" (see harness/check/operations.ts)`);
  return op as Operation;
}

/** The full reference URL of a check: `#anchor` resolves against its operation's page. */
export function resolveSpec(op: Operation, spec: string): string {
  return spec.startsWith('#') ? `${OPERATIONS[op].ref.replace(/#.*$/, '')}${spec}` : spec;
}


export function validateMeta(meta: CheckMeta): void {
  const op = operationOf(meta.id);
  if (meta.operation !== undefined && meta.operation !== op) throw new MetaError(`${meta.id}: id must start with its operation "${meta.operation}/"`);
  if (!SPEC_RE.test(resolveSpec(op, meta.spec))) throw new MetaError(`${meta.id}: spec must be "#anchor" or an AWS documentation URL, got "${meta.spec}"`);
  if (meta.level !== 'required' && meta.level !== 'optional') throw new MetaError(`${meta.id}: level must be required or optional`);
  if (!meta.title || meta.title.length > 160) throw new MetaError(`${meta.id}: title must be 1-160 characters`);
  const problems = evidenceProblems(meta.level, meta.evidence ?? []);
  if (problems.length) throw new MetaError(`${meta.id}: ${problems.join('; ')} (docs/EVIDENCE.md)`);
}

