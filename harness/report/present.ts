/**
 * How a result reads: the words, numbers and states shared by the per-target page (html.ts),
 * summary.md (markdown.ts) and the site (site/). Pure functions of results.json.
 */
import type { Evidence, EvidenceKind } from '../check/evidence.ts';
import type { Verdict } from '../verdict/verdict.ts';
import type { Exchange } from '../transport/wire.ts';
import { displayNameOf } from './names.ts';
import type { ResultEntry, ResultsFile, RunInfo } from './schema.ts';

/** A verdict as a reader sees it: a failing optional check is its own class. */
export type ShownVerdict = Verdict | 'fail-optional' | 'not-run';

/** The tool's own verdict words (never "dev", "XPASS"). */
export const VERDICT_WORDS: Record<ShownVerdict, string> = {
  pass: 'pass',
  'known-deviation': 'known deviation',
  fail: 'fail',
  'fail-optional': 'fail (optional)',
  'unexpected-pass': 'unexpected pass',
  error: 'error',
  skipped: 'skipped',
  'not-run': 'not run',
};

export const VERDICT_MEANING: Record<ShownVerdict, string> = {
  pass: 'behaves as AWS S3 does for this stimulus',
  'known-deviation': "fails the way the target's expectations file says, with a reason (not counted as passing)",
  fail: 'a required check departs from what AWS S3 does (non-conformance: the run exits 1)',
  'fail-optional': 'an optional check departs from what AWS S3 does (reported; exits 1 only with --strict)',
  'unexpected-pass': 'listed as a known deviation but passed: the expectations file is out of date',
  error: 'the check could not judge (no answer, time-out, harness error)',
  skipped: 'not run, with the reason shown (feature not claimed, second user missing, expected skip)',
  'not-run': 'no result: the run stopped early, or its selection left the check out',
};

export const SHOWN_ORDER: readonly ShownVerdict[] = ['pass', 'known-deviation', 'fail', 'fail-optional', 'unexpected-pass', 'error', 'skipped', 'not-run'];

/** A skipped check that never ran because the run stopped (not a skip of the check's own). */
export function notRun(e: Pick<ResultEntry, 'verdict' | 'skipReason'>): boolean {
  return e.verdict === 'skipped' && /^not run: the run stopped early/.test(e.skipReason ?? '');
}

export function shownVerdict(e: Pick<ResultEntry, 'verdict' | 'level' | 'skipReason'>): ShownVerdict {
  if (e.verdict === 'fail' && e.level === 'optional') return 'fail-optional';
  if (notRun(e)) return 'not-run';
  return e.verdict;
}

// ---- numbers ----

export interface Score {
  pass: number;
  judged: number;
}

export interface Scores {
  required: Score;
  optional: Score;
  /** Checks with a verdict of their own (not "not run"). */
  ran: number;
  total: number;
  counts: Record<ShownVerdict, number>;
}

const JUDGED: ReadonlySet<Verdict> = new Set(['pass', 'known-deviation', 'fail', 'unexpected-pass', 'error']);

export function scoresOf(entries: readonly ResultEntry[]): Scores {
  const s: Scores = {
    required: { pass: 0, judged: 0 },
    optional: { pass: 0, judged: 0 },
    ran: 0,
    total: entries.length,
    counts: Object.fromEntries(SHOWN_ORDER.map((v) => [v, 0])) as Record<ShownVerdict, number>,
  };
  for (const e of entries) {
    const v = shownVerdict(e);
    s.counts[v]++;
    if (v !== 'not-run') s.ran++;
    if (!JUDGED.has(e.verdict)) continue;
    const l = e.level === 'required' ? s.required : s.optional;
    l.judged++;
    if (e.verdict === 'pass') l.pass++;
  }
  return s;
}

/** "12 / 40 (30.0%)": both numbers, always. */
export function frac(s: Score): string {
  return s.judged === 0 ? '0 / 0' : `${s.pass} / ${s.judged} (${((s.pass / s.judged) * 100).toFixed(1)}%)`;
}

/** A colour band for a share: never green unless nearly everything passes. */
export function band(s: Score): 'good' | 'mid' | 'poor' | 'none' {
  if (s.judged === 0) return 'none';
  const r = s.pass / s.judged;
  return r >= 0.95 ? 'good' : r >= 0.7 ? 'mid' : 'poor';
}

/** caniuse-style support state of a group of checks. */
export type Support = 'full' | 'partial' | 'none' | 'untested';

export function supportOf(s: Score): Support {
  if (s.judged === 0) return 'untested';
  if (s.pass === s.judged) return 'full';
  return s.pass === 0 ? 'none' : 'partial';
}

// ---- the run's completeness ----

export interface RunState {
  kind: 'complete' | 'aborted' | 'filtered' | 'partial';
  /** One word for badges. */
  label: string;
  /** One sentence for a reader. */
  detail: string;
}

export function runStateOf(r: ResultsFile, suiteTotal?: number): RunState {
  const run = r.run;
  const s = scoresOf(r.results);
  const total = Math.max(suiteTotal ?? 0, r.results.length);
  const of = `${s.ran} of ${total} checks ran`;
  if (run.aborted) {
    const known = suiteTotal !== undefined ? of : `${s.ran} checks ran before it stopped (${r.results.length} collected; the rest of the suite was not reached)`;
    return { kind: 'aborted', label: 'aborted', detail: `Run stopped early: ${known} (${run.aborted}).` };
  }
  if (run.selection) {
    const sel = [
      run.selection.only?.length ? `--only ${run.selection.only.join(' ')}` : '',
      run.selection.grep ? `--grep ${run.selection.grep}` : '',
      run.selection.files?.length ? `files ${run.selection.files.join(' ')}` : '',
    ].filter(Boolean);
    return { kind: 'filtered', label: 'filtered', detail: `Filtered run (${sel.join(', ') || 'a selection'}): ${of}; the rest of the suite was not run.` };
  }
  if (run.shard) return { kind: 'partial', label: 'partial', detail: `One shard (${run.shard}) of a split run: ${of}.` };
  if (run.complete === false) return { kind: 'partial', label: 'partial', detail: `Incomplete run: ${of}.` };
  // Older runs do not say whether they were complete: checks of their own left unrun say they were not.
  if (s.ran < r.results.length) return { kind: 'partial', label: 'partial', detail: `Incomplete run: ${s.ran} of ${r.results.length} checks ran.` };
  return { kind: 'complete', label: 'complete', detail: `Complete run: ${s.ran} of ${r.results.length} checks ran.` };
}

/**
 * A run that cannot be judged as an S3 server: nothing passed and no answer carried an S3 error
 * document (a web server, a proxy's error page), or every judged check is an error (dead from the
 * start). Such a run is reported apart, never as a 0% target.
 */
export function unjudgeable(r: ResultsFile): string | undefined {
  const s = scoresOf(r.results);
  const judged = s.required.judged + s.optional.judged;
  if (judged === 0) return s.ran === 0 ? 'no check ran' : undefined;
  if (s.counts.error === judged) return 'every check ended in an error: the target did not answer';
  if (s.required.pass + s.optional.pass > 0 || s.counts['known-deviation'] > 0) return undefined;
  const answers = r.results.flatMap((e) => e.wire ?? []).filter((x) => x.response);
  if (answers.length === 0) return undefined;
  const s3ish = answers.some((x) => /<Error>[\s\S]*<Code>|<\?xml|xmlns="http:\/\/s3\.amazonaws\.com/.test(x.response?.bodyPreview ?? '') || x.response?.headers['x-amz-request-id'] !== undefined);
  if (s3ish) return undefined;
  const first = answers[0]?.response;
  return `not an S3 endpoint: no check passed and none of its ${answers.length} recorded answers is an S3 response (first: ${first ? `${first.status} ${first.headers['content-type'] ?? ''}`.trim() : '?'})`;
}

export function targetTitle(run: RunInfo): string {
  return displayNameOf(run);
}

// ---- a failure, as the server answered it ----

const SDK_NOISE = /\s*\(?@aws-sdk XML parse error:[^\n]*\n?\s*Deserialization error: to see the raw response, inspect the hidden field \{error\}\.\$response on this object\.\)?/g;

/** The SDK's own wording removed (what the server sent is shown beside it). */
export function cleanSdk(s: string): string {
  return s
    .replace(SDK_NOISE, ' (not an S3 XML body)')
    .replace(/\s*Deserialization error: to see the raw response, inspect the hidden field \{error\}\.\$response on this object\.?/g, '')
    .replace(/\b(\d{3}) (?:Error|UnknownError) \(not an S3 XML body\)/g, '$1 (not an S3 XML body)')
    .replace(/UnknownError|Unknown: UnknownError/g, 'no S3 error code');
}

/** What the server sent in the last answered exchange: status, error code, first bytes of the body. */
export function serverSent(wire: readonly Exchange[] | undefined): string | undefined {
  const x = [...(wire ?? [])].reverse().find((w) => w.response);
  const res = x?.response;
  if (!x || !res) return undefined;
  const body = res.bodyPreview ?? '';
  const code = /<Code>([^<]{1,80})<\/Code>/.exec(body)?.[1];
  const ct = res.headers['content-type'];
  const first = body.replace(/\s+/g, ' ').trim().slice(0, 160);
  const parts = [`${x.request.method} → ${res.status}${code ? ` ${code}` : ''}`];
  if (ct) parts.push(ct);
  parts.push(res.bodyBytes ? `${res.bodyBytes} B body${first ? `: ${first}${body.length > 160 || res.bodyBytes > first.length ? '…' : ''}` : ''}` : 'no body');
  return parts.join(' · ');
}

export interface Failure {
  /** What the expected/observed pair is about (the check's step or field). */
  field?: string;
  expected?: string;
  observed?: string;
  /** What the server sent, from the wire. */
  server?: string;
  /** Message lines that are not the field/expected/observed (property runs, notes), SDK wording removed. */
  more?: string;
}

export function failureOf(e: ResultEntry): Failure | undefined {
  if (!e.error) return undefined;
  const f: Failure = {};
  const lines = cleanSdk(e.error.message).split('\n');
  const expIdx = lines.map((l) => /^\s*expected: /.test(l)).lastIndexOf(true);
  if (expIdx > 0) {
    const field = lines[expIdx - 1]?.trim();
    if (field && !/^\s*(observed|expected): /.test(lines[expIdx - 1] ?? '')) f.field = field.replace(/:$/, '');
  }
  if (e.error.expected !== undefined) f.expected = cleanSdk(e.error.expected);
  if (e.error.observed !== undefined) f.observed = cleanSdk(e.error.observed);
  const drop = new Set<string>();
  if (f.field) drop.add(f.field);
  const more = lines
    .filter((l) => {
      const t = l.trim();
      if (!t) return false;
      if (/^(expected|observed): /.test(t)) return false;
      if (drop.has(t.replace(/:$/, ''))) return false;
      return true;
    })
    .map((l) => l.trim());
  if (!f.expected && !f.observed) {
    // No structured pair: the message is the text.
    if (more.length) f.more = more.join('\n');
  } else if (more.length) f.more = more.join('\n');
  const sent = serverSent(e.wire);
  if (sent) f.server = sent;
  return f;
}

// ---- evidence ----

export const EVIDENCE_WORDS: Record<EvidenceKind, string> = {
  'aws-recorded': 'recorded from AWS',
  'aws-doc': 'AWS documentation',
  'peer-observed': 'peer report',
  'provider-doc': 'provider documentation',
};

/** A link for an evidence entry (recordings point to the localstack snapshot test that made them). */
export function evidenceHref(ev: Evidence): string | undefined {
  if (/^https?:\/\//.test(ev.ref)) return ev.ref;
  if (ev.kind === 'aws-recorded') {
    const file = ev.ref.split('::')[0];
    return file ? `https://github.com/localstack/localstack/blob/main/${file}` : undefined;
  }
  return undefined;
}

export function evidenceText(ev: Evidence): string {
  switch (ev.kind) {
    case 'aws-doc':
    case 'provider-doc':
      return ev.quote;
    case 'peer-observed':
      return ev.note;
    case 'aws-recorded':
      return ev.note ?? ev.ref.split('#')[1] ?? '';
  }
}

/** Absolute AWS reference of a check (spec may be '#anchor' on the operation's page). */
export function specHref(spec: string, operationRef?: string): string {
  if (/^https?:\/\//.test(spec)) return spec;
  if (spec.startsWith('#') && operationRef) return `${operationRef.replace(/#.*$/, '')}${spec}`;
  return spec;
}
