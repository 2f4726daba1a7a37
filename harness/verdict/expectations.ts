/**
 * Known deviations per target, kept outside the checks (wptrunner's metadata, test262's
 * per-engine lists). Files: `expectations/<target>.yaml` and/or `expectations/<target>/*.yaml`
 * (one file per area, so several people can edit them at once). Format:
 *
 *   target: swift-local
 *   checks:
 *     CreateBucket/name-rule-xn-prefix:
 *       expected: fail          # fail | skip
 *       reason: Swift s3api does not enforce AWS's xn-- rule
 *       link: https://…         # optional triage link
 *       observed: 409 BucketAlreadyExists   # optional: how it fails (substring of the observed value)
 *     ListParts/*:              # a trailing * matches every id with that prefix
 *       expected: skip
 *       reason: not implemented (405)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PROFILES } from '../config/targets.ts';

export type ExpectedOutcome = 'fail' | 'skip';

export interface Expectation {
  expected: ExpectedOutcome;
  reason: string;
  link?: string;
  /**
   * How the check is known to fail: text the failure's observed value must contain (e.g.
   * "409 BucketAlreadyExists"). A failure that looks different is a new failure (`fail`), not
   * the known deviation: a regression hiding behind an old deviation still shows.
   */
  observed?: string;
  /** The file and pattern it came from, for the report. */
  source?: string;
}

export interface ExpectationSet {
  target: string;
  exact: Map<string, Expectation>;
  prefixes: Array<[string, Expectation]>;
}

export class ExpectationsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpectationsError';
  }
}

const ID_RE = /^[A-Za-z0-9]+\/[a-z0-9][a-z0-9.-]*$/;

export function parseExpectations(text: string, source: string, into?: ExpectationSet): ExpectationSet {
  const doc = (parse(text) ?? {}) as { target?: unknown; checks?: unknown };
  const set: ExpectationSet = into ?? { target: typeof doc.target === 'string' ? doc.target : '', exact: new Map(), prefixes: [] };
  if (doc.checks === undefined || doc.checks === null) return set;
  if (typeof doc.checks !== 'object' || Array.isArray(doc.checks)) throw new ExpectationsError(`${source}: "checks" must be a mapping of check id → expectation`);
  for (const [pattern, raw] of Object.entries(doc.checks as Record<string, unknown>)) {
    const e = raw as { expected?: unknown; reason?: unknown; link?: unknown; observed?: unknown } | null;
    if (!e || (e.expected !== 'fail' && e.expected !== 'skip')) throw new ExpectationsError(`${source}: ${pattern}: "expected" must be fail or skip`);
    if (typeof e.reason !== 'string' || e.reason.trim() === '') throw new ExpectationsError(`${source}: ${pattern}: a "reason" is required`);
    const exp: Expectation = { expected: e.expected, reason: e.reason.trim(), source: `${source}#${pattern}` };
    if (typeof e.link === 'string') exp.link = e.link;
    if (e.observed !== undefined) {
      if (typeof e.observed !== 'string' || e.observed === '') throw new ExpectationsError(`${source}: ${pattern}: "observed" must be a non-empty string`);
      if (e.expected !== 'fail') throw new ExpectationsError(`${source}: ${pattern}: "observed" only goes with expected: fail`);
      exp.observed = e.observed;
    }
    if (pattern.endsWith('*')) {
      set.prefixes.push([pattern.slice(0, -1), exp]);
    } else {
      if (!ID_RE.test(pattern)) throw new ExpectationsError(`${source}: "${pattern}" is not a check id (<Operation>/<slug>)`);
      if (set.exact.has(pattern)) throw new ExpectationsError(`${source}: ${pattern} is listed twice`);
      set.exact.set(pattern, exp);
    }
  }
  // Longest prefix first, so a narrower pattern wins.
  set.prefixes.sort((a, b) => b[0].length - a[0].length);
  return set;
}

/**
 * The targets whose expectation files apply to `target`: the one its profile shares them with
 * (`expectationsOf`, e.g. swift-container → swift-local: the same server in a container), then its own.
 */
export function expectationTargets(target: string): string[] {
  const of = PROFILES[target]?.expectationsOf;
  return of && of !== target ? [of, target] : [target];
}

/** Expectations of `target`, including those it shares (`expectationsOf`); its own entries win. */
export function loadExpectations(dir: string, target: string): ExpectationSet {
  const [first, ...rest] = expectationTargets(target);
  const set = loadOwnExpectations(dir, first as string);
  set.target = target;
  for (const t of rest) {
    const own = loadOwnExpectations(dir, t);
    for (const [id, e] of own.exact) set.exact.set(id, e);
    set.prefixes = [...own.prefixes, ...set.prefixes.filter(([p]) => !own.prefixes.some(([q]) => q === p))];
    set.prefixes.sort((a, b) => b[0].length - a[0].length);
  }
  return set;
}

function loadOwnExpectations(dir: string, target: string): ExpectationSet {
  const set: ExpectationSet = { target, exact: new Map(), prefixes: [] };
  const file = join(dir, `${target}.yaml`);
  if (existsSync(file)) parseExpectations(readFileSync(file, 'utf8'), `expectations/${target}.yaml`, set);
  const sub = join(dir, target);
  if (existsSync(sub)) {
    for (const f of readdirSync(sub).filter((n) => n.endsWith('.yaml')).sort()) {
      parseExpectations(readFileSync(join(sub, f), 'utf8'), `expectations/${target}/${f}`, set);
    }
  }
  return set;
}

export function lookupExpectation(set: ExpectationSet | undefined, id: string): Expectation | undefined {
  if (!set) return undefined;
  const e = set.exact.get(id);
  if (e) return e;
  for (const [prefix, exp] of set.prefixes) if (id.startsWith(prefix)) return exp;
  return undefined;
}

/** Every exact id in the set that is not a known check: stale entries are reported, not ignored. */
export function unknownIds(set: ExpectationSet, known: ReadonlySet<string>): string[] {
  return [...set.exact.keys()].filter((id) => !known.has(id)).sort();
}
