/**
 * index.html: one self-contained page (no network) per run and target: the run's state and
 * honest numbers ("x / y", required and optional apart), a roll-up per operation, and one row per
 * check, coloured by verdict, collapsed by default (opened per row or by the deep link #<check id>),
 * with the field expected/observed are about, what the server sent, the skip reason and the evidence.
 * Templated with Eta (auto-escaping on).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Eta } from 'eta';
import { EVIDENCE_KINDS } from '../check/evidence.ts';
import { formatExchanges } from '../transport/wire.ts';
import {
  band, evidenceHref, evidenceText, EVIDENCE_WORDS, failureOf, frac, runStateOf, scoresOf, SHOWN_ORDER, shownVerdict, supportOf,
  targetTitle, VERDICT_MEANING, VERDICT_WORDS, type Score,
} from './present.ts';
import type { ResultEntry, ResultsFile } from './schema.ts';

const TEMPLATES = join(dirname(fileURLToPath(import.meta.url)), 'templates');
const eta = new Eta({ views: TEMPLATES, autoEscape: true, cache: true });

export interface RenderOptions {
  /** The number of checks of the full suite, when known (a partial run then reads "79 of 304"). */
  suiteTotal?: number;
  /** A link back to the site that holds this page. */
  backHref?: string;
}

export function renderHtml(r: ResultsFile, opts: RenderOptions = {}): string {
  const css = readFileSync(join(TEMPLATES, 'report.css'), 'utf8');
  const js = readFileSync(join(TEMPLATES, 'report.js'), 'utf8');
  const ops: Array<{ area: string; op: string; req: Score; opt: Score; bad: number; support: string }> = [];
  for (const e of r.results) {
    if (!ops.some((x) => x.op === e.operation)) ops.push({ area: e.area, op: e.operation, req: { pass: 0, judged: 0 }, opt: { pass: 0, judged: 0 }, bad: 0, support: '' });
  }
  for (const o of ops) {
    const s = scoresOf(r.results.filter((e) => e.operation === o.op));
    o.req = s.required;
    o.opt = s.optional;
    o.bad = s.counts.fail + s.counts['fail-optional'] + s.counts.error + s.counts['unexpected-pass'];
    o.support = supportOf({ pass: s.required.pass + s.optional.pass, judged: s.required.judged + s.optional.judged });
  }
  return eta.render('run', {
    r,
    css,
    js,
    name: targetTitle(r.run),
    state: runStateOf(r, opts.suiteTotal),
    scores: scoresOf(r.results),
    backHref: opts.backHref,
    order: SHOWN_ORDER,
    words: VERDICT_WORDS,
    meaning: VERDICT_MEANING,
    evKinds: EVIDENCE_KINDS,
    evWords: EVIDENCE_WORDS,
    evHref: evidenceHref,
    evText: evidenceText,
    ops,
    frac,
    band,
    shown: shownVerdict,
    failure: failureOf,
    wire: (e: ResultEntry) => (e.wire ? formatExchanges(e.wire) : ''),
    evKindsOf: (e: ResultEntry) => [...new Set(e.evidence.map((x) => x.kind))].join(' ') || 'none',
  });
}
