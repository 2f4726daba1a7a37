/**
 * The static compatibility site: index.html (no server, no network at view time: a
 * Content-Security-Policy forbids every fetch) with the model as one JSON blob, rendered by a small
 * dependency-free script, and runs/<target>/<run>.html, the per-target page of every run read (the
 * targets' columns, their history, excluded runs), so that each history change links to both runs.
 * The summary, roll-ups, history and legend are rendered here with Eta (auto-escaping on); the
 * matrix and details by the script (text only, never markup from data).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderHtml } from '../html.ts';
import { band, frac, VERDICT_MEANING, VERDICT_WORDS, EVIDENCE_WORDS } from '../present.ts';
import { EVIDENCE_KINDS } from '../../check/evidence.ts';
import { fileURLToPath } from 'node:url';
import { Eta } from 'eta';
import { renderDiffMarkdown, type RunDiff } from '../diff.ts';
import type { ResultsFile } from '../schema.ts';
import { buildModel, runPagePath, type SiteModel } from './model.ts';

const TEMPLATES = join(dirname(fileURLToPath(import.meta.url)), 'templates');
const eta = new Eta({ views: TEMPLATES, autoEscape: true, cache: true });

/** JSON that is safe inside a <script> element (no `</script>`, no `<!--`, no line separators). */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A small inline SVG of a target's required pass share over its runs (hollow points: incomplete runs). */
function sparkline(h: SiteModel['history'][number]): string {
  const W = 360, H = 60, P = 6;
  const n = h.runs.length;
  const x = (i: number): number => (n === 1 ? W / 2 : P + ((W - 2 * P) * i) / (n - 1));
  const y = (s: { pass: number; judged: number }): number => H - P - (s.judged ? (s.pass / s.judged) * (H - 2 * P) : 0);
  const pts = h.runs.map((r, i) => `${x(i).toFixed(1)},${y(r.required).toFixed(1)}`).join(' ');
  const dots = h.runs
    .map((r, i) => `<circle cx="${x(i).toFixed(1)}" cy="${y(r.required).toFixed(1)}" r="3.5" fill="${r.state.kind === 'complete' && !r.excluded ? '#0550ae' : '#fff'}" stroke="#0550ae" stroke-width="1.5"></circle>`)
    .join('');
  return `<svg class="spark" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="required pass share of ${n} runs, oldest first">` +
    `<line x1="${P}" y1="${P}" x2="${W - P}" y2="${P}" stroke="#d0d7de" stroke-dasharray="3 3"></line><line x1="${P}" y1="${H - P}" x2="${W - P}" y2="${H - P}" stroke="#d0d7de"></line>` +
    `<polyline points="${pts}" fill="none" stroke="#0550ae" stroke-width="1.5"></polyline>${dots}</svg>`;
}

export function renderSite(model: SiteModel): string {
  const css = readFileSync(join(TEMPLATES, 'site.css'), 'utf8');
  const js = readFileSync(join(TEMPLATES, 'site.js'), 'utf8');
  const sha = (s: string): string => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
  const csp = `default-src 'none'; style-src ${sha(css)}; script-src ${sha(js)}; img-src data:; base-uri 'none'; form-action 'none'`;
  return eta.render('site', {
    m: model, css, js, csp, data: scriptSafeJson(model), frac, band, words: VERDICT_WORDS, meaning: VERDICT_MEANING,
    evKinds: EVIDENCE_KINDS, evWords: EVIDENCE_WORDS, spark: sparkline,
  });
}

export interface BuildOptions {
  title?: string;
  diff?: RunDiff & { baseline: string };
  now?: Date;
}

export interface BuildStats {
  file: string;
  bytes: number;
  ms: number;
  checks: number;
  targets: number;
  /** Column names, targets with a history, runs not judged (with the reason). */
  columns: string[];
  history: number;
  excluded: string[];
}

/** Write <outDir>/index.html, runs/<target>/<run>.html for every run (and diff.md with a diff). */
export function buildSite(runs: readonly ResultsFile[], outDir: string, opts: BuildOptions = {}): BuildStats {
  const t0 = performance.now();
  const model = buildModel(runs, opts);
  const html = renderSite(model);
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'index.html');
  writeFileSync(file, html);
  for (const r of runs) {
    const page = join(outDir, runPagePath(r));
    mkdirSync(dirname(page), { recursive: true });
    writeFileSync(page, renderHtml(r, { suiteTotal: model.checks.length, backHref: '../../index.html' }));
  }
  if (opts.diff) writeFileSync(join(outDir, 'diff.md'), renderDiffMarkdown(opts.diff));
  return {
    file, bytes: Buffer.byteLength(html), ms: Math.round(performance.now() - t0), checks: model.checks.length, targets: model.targets.length,
    columns: model.targets.map((t) => t.name), history: model.history.length, excluded: model.excluded.map((x) => `${x.display} (${x.reason})`),
  };
}
