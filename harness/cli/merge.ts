/**
 * `npm run merge -- <shard results.json or dirs...> --out <dir>`: one results.json (+ summary.md,
 * index.html) from the shards of one target's run. Deterministic (same inputs → same file).
 * Exit codes: 0 merged, 2 bad input (unreadable file, different targets, a shard given twice).
 * A missing shard is merged anyway, with a warning, and recorded in run.shard.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { renderHtml } from '../report/html.ts';
import { renderMarkdown } from '../report/markdown.ts';
import { MergeError, mergeResults, missingShards } from '../report/merge.ts';
import { findResultsFiles, readResults, ReportInputError } from '../report/site/load.ts';

export function main(argv: string[]): number {
  const program = new Command('merge')
    .description('Merge the results.json of the shards of one run into one results.json, summary.md and index.html')
    .argument('<inputs...>', 'results.json files, or directories holding results.json / <target>/results.json')
    .requiredOption('--out <dir>', 'directory to write results.json, summary.md and index.html to')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    return (e as { exitCode?: number }).exitCode === 0 ? 0 : 2;
  }
  const out = resolve(program.opts<{ out: string }>().out);
  try {
    const files = [...new Set(program.args.flatMap(findResultsFiles))];
    if (!files.length) throw new ReportInputError(`no results.json found in ${program.args.join(', ')}`);
    // A run directory holds its results twice (reports/<target>/results.json, a copy of <runId>/results.json):
    // one run (run id and shard) is one input.
    const byRun = new Map<string, ReturnType<typeof readResults>>();
    for (const r of files.map(readResults)) {
      const key = `${r.run.runId}#${r.run.shard ?? ''}`;
      if (!byRun.has(key)) byRun.set(key, r);
    }
    const inputs = [...byRun.values()];
    const missing = missingShards(inputs);
    if (missing.length) process.stderr.write(`merge: warning: shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} missing; merging the others\n`);
    const merged = mergeResults(inputs);
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'results.json'), `${JSON.stringify(merged, null, 2)}\n`);
    writeFileSync(join(out, 'summary.md'), renderMarkdown(merged));
    writeFileSync(join(out, 'index.html'), renderHtml(merged));
    const s = merged.summary;
    process.stdout.write(
      `merge: ${merged.run.target}: ${inputs.length} input(s) → ${s.total} checks: ${s.pass} pass, ${s['known-deviation']} known-deviation, ${s.fail} fail, ` +
        `${s['unexpected-pass']} unexpected-pass, ${s.error} error, ${s.skipped} skipped; ${merged.run.throttleRetries} throttle retries; ${join(out, 'results.json')}\n`,
    );
    return 0;
  } catch (e) {
    if (e instanceof ReportInputError || e instanceof MergeError) {
      process.stderr.write(`merge: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  process.exitCode = main(process.argv.slice(2));
}
