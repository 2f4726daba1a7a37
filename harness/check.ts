/**
 * Checks as data: `check()` and `property()` wrap vitest's `test` so that every check declares
 * a stable id `<Operation>/<slug>`, its operation, the AWS reference it enforces, a requirement
 * level and a one-line "stimulus → requirement" title. The metadata travels in `task.meta.s3c`
 * to the reporters; the target's expectations decide at collection time whether the check is
 * skipped or expected to fail.
 */
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { test, type TestContext } from 'vitest';
import fc from 'fast-check';
import type { S3Client } from '@aws-sdk/client-s3';
import { s3 } from './client.ts';
import { ConformanceError, isServiceError, observeError } from './expect.ts';
import { loadExpectations, lookupExpectation, type Expectation, type ExpectationSet } from './expectations.ts';
import { diffCounters, isTransportError, snapshotCounters } from './http.ts';
import { OPERATIONS, type Area, type Operation } from './operations.ts';
import { runtime, type Runtime } from './runtime.ts';
import type { Features } from './targets.ts';
import type { Outcome } from './verdict.ts';
import { beginWireLog, endWireLog, scrub, type Exchange } from './wire.ts';
import { probeTarget } from './liveness.ts';
import { evidenceProblems, type Evidence } from './evidence.ts';

export type Level = 'required' | 'optional';
export type { Evidence } from './evidence.ts';

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
  evidence?: readonly Evidence[];
  /** Preconditions: `alt` needs the second user (S3C_ALT_*). */
  needs?: ReadonlyArray<'alt'>;
  /** An optional feature the target must claim. */
  feature?: keyof Features;
  /** A precondition the harness cannot express otherwise: a reason string skips the check (reported as skipped with it). */
  skipIf?: (rt: Runtime) => string | undefined;
  timeoutMs?: number;
}

export interface PropertyInfo {
  seed: number;
  numRuns: number;
  runs?: number;
  shrinks?: number;
  counterexample?: string;
  path?: string;
  replay?: string;
}

export interface CheckError {
  message: string;
  expected?: string;
  observed?: string;
  notImplemented?: boolean;
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

export interface CheckContext {
  rt: Runtime;
  /** Client of the main user. */
  s3: S3Client;
  /** Client of the second user (only for checks that declare `needs: ['alt']`). */
  alt: () => S3Client;
  /** Record an informational observation (shown in the report). */
  note: (text: string) => void;
  task: TestContext;
}

const ID_RE = /^([A-Za-z0-9]+)\/([a-z0-9][a-z0-9.-]*[a-z0-9])$/;
const SPEC_RE = /^https:\/\/docs\.aws\.amazon\.com\//;
const seen = new Set<string>();

export class MetaError extends Error {}

/** The operation a check id names (its prefix). */
export function operationOf(id: string): Operation {
  const m = ID_RE.exec(id);
  if (!m) throw new MetaError(`check id "${id}" is not <Operation>/<slug> (slug: lowercase letters, digits, "-", ".")`);
  const op = m[1] as string;
  if (!(op in OPERATIONS)) throw new MetaError(`${id}: unknown operation "${op}" (see harness/operations.ts)`);
  return op as Operation;
}

/** The full reference URL of a check: `#anchor` resolves against its operation's page. */
export function resolveSpec(op: Operation, spec: string): string {
  return spec.startsWith('#') ? `${OPERATIONS[op].ref.replace(/#.*$/, '')}${spec}` : spec;
}

/** Whether checks without evidence are refused (set once every check declares it). */
export const EVIDENCE_ENFORCED = process.env.S3C_EVIDENCE_ENFORCE === '1';

export function validateMeta(meta: CheckMeta): void {
  const op = operationOf(meta.id);
  if (meta.operation !== undefined && meta.operation !== op) throw new MetaError(`${meta.id}: id must start with its operation "${meta.operation}/"`);
  if (!SPEC_RE.test(resolveSpec(op, meta.spec))) throw new MetaError(`${meta.id}: spec must be "#anchor" or an AWS documentation URL, got "${meta.spec}"`);
  if (meta.level !== 'required' && meta.level !== 'optional') throw new MetaError(`${meta.id}: level must be required or optional`);
  if (!meta.title || meta.title.length > 160) throw new MetaError(`${meta.id}: title must be 1-160 characters`);
  const problems = evidenceProblems(meta.level, meta.evidence ?? []);
  if (problems.length && (EVIDENCE_ENFORCED || meta.evidence !== undefined)) throw new MetaError(`${meta.id}: ${problems.join('; ')} (docs/EVIDENCE.md)`);
}

let expectationCache: ExpectationSet | undefined;
const EXPECTATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'expectations');

function expectationsFor(rt: Runtime): ExpectationSet {
  expectationCache ??= loadExpectations(process.env.S3C_EXPECTATIONS_DIR ?? EXPECTATIONS_DIR, rt.target);
  return expectationCache;
}

function callerFile(): string {
  const stack = new Error().stack ?? '';
  for (const line of stack.split('\n').slice(1)) {
    const m = /(?:file:\/\/)?(\/[^\s():]+\.test\.ts)/.exec(line);
    if (m?.[1]) {
      const rel = m[1].split('/suites/')[1];
      return rel ? `suites/${rel}` : (m[1].split('/').pop() ?? '');
    }
  }
  return '';
}

let targetDown: string | undefined;

function classify(e: unknown): { outcome: Outcome; error: CheckError } {
  if (e instanceof ConformanceError) {
    return { outcome: 'fail', error: { message: scrub(e.message), expected: scrub(e.expected), observed: scrub(e.observed), notImplemented: e.notImplemented } };
  }
  if (isTransportError(e)) {
    return { outcome: 'error', error: { message: scrub(e instanceof Error ? e.message : String(e)) } };
  }
  if (isServiceError(e)) {
    // An SDK call the check did not expect to fail: the target answered with an error.
    const o = observeError(e);
    const notImpl = o.status === 501 || o.code === 'NotImplemented';
    return {
      outcome: 'fail',
      error: {
        message: scrub(`unexpected error answer: ${o.status ?? '?'} ${o.code ?? ''} ${o.message ?? ''}`.trim()),
        expected: 'success (2xx)',
        observed: scrub(`${o.status ?? '?'} ${o.code ?? ''}`.trim()),
        notImplemented: notImpl,
      },
    };
  }
  // A harness bug or an unexpected exception: not the target's failure.
  const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return { outcome: 'error', error: { message: scrub(msg) } };
}

export function check(meta: CheckMeta, fn: (ctx: CheckContext) => Promise<void>, kind: 'scenario' | 'property' = 'scenario'): void {
  validateMeta(meta);
  if (seen.has(meta.id)) throw new MetaError(`duplicate check id ${meta.id}`);
  seen.add(meta.id);
  const rt = runtime();
  const expectation = lookupExpectation(expectationsFor(rt), meta.id);
  let skipReason: string | undefined;
  if (expectation?.expected === 'skip') skipReason = `expected skip: ${expectation.reason}`;
  else if (meta.needs?.includes('alt') && !rt.alt) skipReason = 'needs a second user: set S3C_ALT_ACCESS_KEY_ID and S3C_ALT_SECRET_ACCESS_KEY';
  else if (meta.feature && !rt.features[meta.feature]) skipReason = `the target does not claim the optional feature "${meta.feature}"`;
  else skipReason = meta.skipIf?.(rt);

  const operation = operationOf(meta.id);
  const s3cMeta: S3cMeta = {
    id: meta.id,
    operation,
    area: OPERATIONS[operation].area,
    spec: resolveSpec(operation, meta.spec),
    level: meta.level,
    title: meta.title,
    evidence: [...(meta.evidence ?? [])],
    kind,
    file: callerFile(),
    ...(expectation ? { expectation } : {}),
    ...(skipReason ? { skipReason } : {}),
  };
  const timeout = meta.timeoutMs ?? (kind === 'property' ? 300_000 : 120_000);
  test(
    `${meta.id} — ${meta.title}`,
    { meta: { s3c: s3cMeta }, skip: skipReason !== undefined, fails: expectation?.expected === 'fail', timeout },
    async (task) => {
      const m = task.task.meta.s3c as S3cMeta;
      const notes: string[] = [];
      const before = snapshotCounters();
      beginWireLog();
      try {
        if (targetDown) {
          // The target stopped answering earlier in this worker: confirm before spending a time-out.
          const alive = await probeTarget(rt);
          if (!alive) {
            m.targetDead = true;
            throw new TargetDownError(targetDown);
          }
          targetDown = undefined;
        }
        if (process.env.S3C_ALLURE_RESULTS) await allureLabels(m);
        await fn({ rt, s3: s3(rt), alt: () => s3(rt, 'alt'), note: (t) => notes.push(scrub(t)), task });
        m.outcome = 'pass';
      } catch (e) {
        const c = e instanceof TargetDownError ? { outcome: 'error' as const, error: { message: e.message } } : classify(e);
        m.outcome = c.outcome;
        m.error = c.error;
        if (e instanceof PropertyFailure) m.error = { ...m.error, message: scrub(e.message) };
        if (c.outcome === 'error' && isTransportError(e)) {
          const alive = await probeTarget(rt);
          if (!alive) {
            targetDown = `the target stopped answering (${c.error.message})`;
            m.targetDead = true;
          }
        }
        throw e;
      } finally {
        const wire = endWireLog();
        if (m.outcome !== 'pass') m.wire = wire;
        const d = diffCounters(before, snapshotCounters());
        m.requests = d.requests;
        m.bytesSent = d.bytesSent;
        m.bytesReceived = d.bytesReceived;
        if (notes.length) m.error = { ...(m.error ?? { message: '' }), message: [m.error?.message, ...notes].filter(Boolean).join('\n') };
      }
    },
  );
}

/** Allure labels from the check's metadata: epic = area, feature = operation, story = id, link = spec. */
async function allureLabels(m: S3cMeta): Promise<void> {
  const allure = await import('allure-js-commons');
  await allure.epic(m.area);
  await allure.feature(m.operation);
  await allure.story(m.id);
  await allure.link(m.spec, 'AWS API reference');
  for (const e of m.evidence) await allure.label('evidence', e.kind);
  await allure.severity(m.level === 'required' ? 'critical' : 'normal');
  await allure.label('level', m.level);
  await allure.parameter('target', runtime().target);
}

class TargetDownError extends Error {
  constructor(reason: string) {
    super(`not run: ${reason}`);
    this.name = 'TargetDownError';
  }
}

export class PropertyFailure extends Error {
  readonly inner: unknown;
  constructor(message: string, inner: unknown) {
    super(message);
    this.name = 'PropertyFailure';
    this.inner = inner;
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

type Arbs<T> = { [K in keyof T]: fc.Arbitrary<T[K]> };

/**
 * A property check: fast-check generates inputs from the run's seed (S3C_SEED), shrinks a
 * failure to its smallest counterexample, and the report carries seed, path and the replay
 * command. `S3C_SEED=<seed> S3C_REPLAY_PATH=<path>` replays exactly that counterexample.
 */
export function property<T extends Record<string, unknown>>(
  meta: PropertyMeta,
  arbs: Arbs<T>,
  body: (value: T, ctx: CheckContext) => Promise<void>,
): void {
  check(
    meta,
    async (ctx) => {
      const m = ctx.task.task.meta.s3c as S3cMeta;
      const rt = ctx.rt;
      const wanted = meta.numRuns ?? rt.numRuns;
      const numRuns = Math.max(1, Math.min(wanted, meta.maxRuns ?? wanted));
      const info: PropertyInfo = { seed: rt.seed, numRuns };
      m.property = info;
      let runs = 0;
      const prop = fc.asyncProperty(fc.record(arbs as unknown as { [k: string]: fc.Arbitrary<unknown> }), async (value) => {
        runs++;
        await body(value as T, ctx);
      });
      const params: fc.Parameters<[Record<string, unknown>]> = {
        seed: rt.seed,
        numRuns,
        interruptAfterTimeLimit: meta.timeBudgetMs ?? (rt.remote ? 120_000 : 60_000),
        markInterruptAsFailure: false,
      };
      if (rt.replayPath) params.path = rt.replayPath;
      if (meta.examples) params.examples = meta.examples.map((e) => [e as Record<string, unknown>]);
      const out = await fc.check(prop, params);
      info.runs = runs;
      if (out.interrupted && runs === 0) throw new Error('property interrupted by its time budget before its first run');
      if (out.failed) {
        info.shrinks = out.numShrinks;
        info.counterexample = scrub(out.counterexample ? fc.stringify(out.counterexample[0]) : '(none)');
        info.path = out.counterexamplePath ?? undefined;
        const filter = meta.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        info.replay = `S3C_SEED=${rt.seed} S3C_REPLAY_PATH=${info.path ?? ''} npm run conformance -- --only '${filter}'`;
        const inner = out.errorInstance;
        if (isTransportError(inner)) throw inner;
        const innerMsg = inner instanceof Error ? inner.message : String(inner);
        const err = new PropertyFailure(
          `property failed after ${out.numRuns} run(s), shrunk ${out.numShrinks} time(s)\n` +
            `  counterexample: ${info.counterexample}\n  seed: ${rt.seed}  path: ${info.path ?? ''}\n  replay: ${info.replay}\n${innerMsg}`,
          inner,
        );
        if (inner instanceof ConformanceError) {
          throw Object.assign(new ConformanceError(err.message, inner.expected, inner.observed, inner.notImplemented), { inner });
        }
        if (isServiceError(inner)) {
          const o = observeError(inner);
          throw new ConformanceError(err.message, 'success (2xx)', `${o.status ?? '?'} ${o.code ?? ''}`.trim(), o.status === 501);
        }
        throw err;
      }
    },
    'property',
  );
}

export function expectationSetForTests(set: ExpectationSet | undefined): void {
  expectationCache = set;
}
