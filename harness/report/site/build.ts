/**
 * The static compatibility site: one self-contained index.html (no server, no network at view
 * time: a Content-Security-Policy forbids every fetch) with the model as one JSON blob, rendered by
 * a small dependency-free script. The summary, legend and diff digest are rendered here with Eta
 * (auto-escaping on); the matrix and details by the script (text only, never markup from data).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Eta } from 'eta';
import { renderDiffMarkdown, type RunDiff } from '../diff.ts';
import type { ResultsFile } from '../schema.ts';
import { buildModel, type SiteModel } from './model.ts';

const TEMPLATES = join(dirname(fileURLToPath(import.meta.url)), 'templates');
const eta = new Eta({ views: TEMPLATES, autoEscape: true, cache: true });

/** JSON that is safe inside a <script> element (no `</script>`, no `<!--`, no line separators). */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function pct(x: number | null): string {
  return x === null ? '–' : `${x.toFixed(1)}%`;
}

export function renderSite(model: SiteModel): string {
  const css = readFileSync(join(TEMPLATES, 'site.css'), 'utf8');
  const js = readFileSync(join(TEMPLATES, 'site.js'), 'utf8');
  const sha = (s: string): string => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
  const csp = `default-src 'none'; style-src ${sha(css)}; script-src ${sha(js)}; img-src data:; base-uri 'none'; form-action 'none'`;
  return eta.render('site', { m: model, css, js, csp, data: scriptSafeJson(model), pct });
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
}

/** Write <outDir>/index.html (and diff.md with a diff). */
export function buildSite(runs: readonly ResultsFile[], outDir: string, opts: BuildOptions = {}): BuildStats {
  const t0 = performance.now();
  const model = buildModel(runs, opts);
  const html = renderSite(model);
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'index.html');
  writeFileSync(file, html);
  if (opts.diff) writeFileSync(join(outDir, 'diff.md'), renderDiffMarkdown(opts.diff));
  return { file, bytes: Buffer.byteLength(html), ms: Math.round(performance.now() - t0), checks: model.checks.length, targets: model.targets.length };
}
