/**
 * `npm run estimates -- <results.json> [--out fixtures/data/request-estimates.json]`: keep, from a
 * local run, only what request estimates need (id, area, kind, verdict, requests, property runs),
 * so a fresh CI machine can print an estimate before a run against a real region.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { ResultsFile } from '../report/schema.ts';

export function trimForEstimates(r: ResultsFile): unknown {
  return {
    schemaVersion: r.schemaVersion,
    run: { target: r.run.target, numRuns: r.run.numRuns, finishedAt: r.run.finishedAt, toolVersion: r.run.toolVersion },
    summary: {},
    results: r.results.map((e) => ({
      id: e.id,
      area: e.area,
      kind: e.kind,
      verdict: e.verdict,
      requests: e.requests ?? 0,
      ...(e.property ? { property: { numRuns: e.property.numRuns, runs: e.property.runs ?? e.property.numRuns } } : {}),
    })),
  };
}

if (process.argv[1] && /estimates-file\.ts$/.test(process.argv[1])) {
  const [input, flag, out] = process.argv.slice(2);
  if (!input) {
    process.stderr.write('usage: npm run estimates -- <results.json> [--out <file>]\n');
    process.exit(2);
  }
  const target = flag === '--out' && out ? out : 'fixtures/data/request-estimates.json';
  const r = JSON.parse(readFileSync(input, 'utf8')) as ResultsFile;
  writeFileSync(target, `${JSON.stringify(trimForEstimates(r), null, 1)}\n`);
  process.stdout.write(`wrote ${target} (${r.results.length} checks, ${r.run.requests} requests on ${r.run.target})\n`);
}
