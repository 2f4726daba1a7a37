/**
 * `check()`: registers one check with vitest. Expectations decide at collection time whether it is
 * skipped or expected to fail; the body runs with the wire log and request counters around it, and
 * its outcome, error, wire exchange and costs travel to the reporters in `task.meta.s3c`.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { test, type TestAPI, type TestContext } from 'vitest';
import type { S3Client } from '@aws-sdk/client-s3';
import { s3 } from '../transport/client.ts';
import { loadExpectations, lookupExpectation, type Expectation, type ExpectationSet } from '../verdict/expectations.ts';
import { diffCounters, isTransportError, snapshotCounters } from '../transport/http.ts';
import { probeTarget } from '../transport/liveness.ts';
import { OPERATIONS } from './operations.ts';
import { runtime, type Runtime } from '../run/runtime.ts';
import { beginWireLog, endWireLog, scrub } from '../transport/wire.ts';
import { allureLabels } from './allure.ts';
import { classify } from './classify.ts';
import { MetaError, operationOf, resolveSpec, validateMeta, type CheckMeta, type S3cMeta } from './meta.ts';

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

const seen = new Set<string>();

const EXPECTATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'expectations');

declare global {
  var __s3cExpectations: Map<string, ExpectationSet> | undefined;
}

/**
 * The target's expectations, parsed once per worker process: kept on globalThis, since a worker
 * that runs several files may evaluate this module once per file (the YAML parse of every
 * expectation file was ~0.4 s of each worker's CPU).
 */
function expectationsFor(rt: Runtime): ExpectationSet {
  const dir = process.env.S3C_EXPECTATIONS_DIR ?? EXPECTATIONS_DIR;
  const key = `${dir}\0${rt.target}`;
  const cache = (globalThis.__s3cExpectations ??= new Map());
  let set = cache.get(key);
  if (!set) cache.set(key, (set = runExpectations(rt, dir)));
  return set;
}

/**
 * Parsed once per run: the first worker writes what it parsed as JSON in the run's directory and
 * the others read that (JSON.parse of it is ~20× cheaper than the YAML parse).
 */
function runExpectations(rt: Runtime, dir: string): ExpectationSet {
  const file = join(rt.runDir, `expectations-${createHash('sha1').update(`${dir}\0${rt.target}`).digest('hex').slice(0, 12)}.json`);
  try {
    const j = JSON.parse(readFileSync(file, 'utf8')) as { target: string; exact: Array<[string, Expectation]>; prefixes: Array<[string, Expectation]> };
    return { target: j.target, exact: new Map(j.exact), prefixes: j.prefixes };
  } catch {
    /* not written yet (or no run directory): parse the files */
  }
  const set = loadExpectations(dir, rt.target);
  try {
    const tmp = `${file}.${process.pid}`;
    writeFileSync(tmp, JSON.stringify({ target: set.target, exact: [...set.exact], prefixes: set.prefixes }));
    renameSync(tmp, file);
  } catch {
    /* no run directory: every worker parses */
  }
  return set;
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

/**
 * What a file context (harness/check/file.ts) gives a check it registers: the vitest `test` it
 * extended with the file's fixture, and the fixture's value reaches the body through it.
 */
export interface FileBinding {
  /** `test.extend({ s3cFile })`: the file's buckets and resources, made once per file (scope 'file'). */
  test: TestAPI<{ s3cFile: FileValues }>;
}

/** The value of a file's `s3cFile` fixture: its buckets and resources, or why they could not be made. */
export type FileValues = { ok: true; values: Record<string, unknown> } | { ok: false; error: unknown };

export function check(meta: CheckMeta, fn: (ctx: CheckContext) => Promise<void>, kind: 'scenario' | 'property' = 'scenario', file?: FileBinding): void {
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
  const register = (file?.test ?? test) as TestAPI<{ s3cFile?: FileValues }>;
  register(
    `${meta.id} — ${meta.title}`,
    { meta: { s3c: s3cMeta }, skip: skipReason !== undefined, fails: expectation?.expected === 'fail', timeout },
    // A `function` whose first parameter destructures `s3cFile`: vitest reads the parameter list to
    // decide which fixtures a test uses, and `arguments[0]` is the whole test context.
    async function ({ s3cFile }) {
      // eslint-disable-next-line prefer-rest-params
      const task = arguments[0] as TestContext;
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
        // The file's buckets and resources: a failure to make them is this check's error (as a beforeAll's was).
        if (s3cFile && !s3cFile.ok) throw s3cFile.error;
        const base: CheckContext = { rt, s3: s3(rt), alt: () => s3(rt, 'alt'), note: (t) => notes.push(scrub(t)), task };
        await fn(s3cFile?.ok ? { ...s3cFile.values, ...base } : base);
        m.outcome = 'pass';
      } catch (e) {
        const c = e instanceof TargetDownError ? { outcome: 'error' as const, error: { message: e.message } } : classify(e, snapshotCounters().throttledAnswers - before.throttledAnswers);
        m.outcome = c.outcome;
        m.error = c.error;
        if (e instanceof Error && e.name === 'PropertyFailure') m.error = { ...m.error, message: scrub(e.message) };
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

class TargetDownError extends Error {
  constructor(reason: string) {
    super(`not run: ${reason}`);
    this.name = 'TargetDownError';
  }
}

/** Tests: make `set` the expectations of every target (undefined: load them again). */
export function expectationSetForTests(set: ExpectationSet | undefined): void {
  globalThis.__s3cExpectations = set ? new Map([[`${process.env.S3C_EXPECTATIONS_DIR ?? EXPECTATIONS_DIR}\0${set.target}`, set]]) : undefined;
}
