/**
 * index.html: one self-contained page (no network) with the summary, a filterable table of
 * checks coloured by verdict, and per-failure expected vs observed and the wire exchange.
 * Templated with Eta (auto-escaping on).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Eta } from 'eta';
import { formatExchanges } from '../wire.ts';
import type { ResultsFile } from './schema.ts';
import { VERDICTS } from '../verdict.ts';

const TEMPLATES = join(dirname(fileURLToPath(import.meta.url)), 'templates');
const eta = new Eta({ views: TEMPLATES, autoEscape: true, cache: true });

export function renderHtml(r: ResultsFile): string {
  const css = readFileSync(join(TEMPLATES, 'report.css'), 'utf8');
  const js = readFileSync(join(TEMPLATES, 'report.js'), 'utf8');
  return eta.render('run', {
    r,
    css,
    js,
    verdicts: VERDICTS,
    operations: [...new Set(r.results.map((e) => e.operation))],
    wire: (e: ResultsFile['results'][number]) => (e.wire ? formatExchanges(e.wire) : ''),
    pct: (x: number) => `${(x * 100).toFixed(1)}%`,
  });
}
