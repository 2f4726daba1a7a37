/**
 * `npm run report -- reports/*\/results.json --out site/`: the static compatibility site from any
 * number of runs: results.json files, or folders searched for every results.json below them
 * (reports/, reports/<target>/<runId>/, a folder of nightly artifacts). Each target's newest run is
 * its column; with several runs of a target the site shows its history (pass rate over time, the
 * checks that changed state, each change linked to both runs' pages under runs/).
 *
 * `npm run report -- --baseline old/ --current new/ [--md-out diff.md] [--out site/]`: the
 * run-to-run diff (regressions and fixes per target) as Markdown on stdout, in --md-out, and as a
 * section of the site when --out is given. `--fail-on-regression` exits 1 when anything regressed.
 *
 * Exit codes: 0 done, 1 regressions with --fail-on-regression, 2 bad input.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { diffRuns, renderDiffMarkdown, type RunDiff } from '../report/diff.ts';
import { buildSite } from '../report/site/build.ts';
import { loadRuns, ReportInputError } from '../report/site/load.ts';

interface Opts {
  out?: string;
  baseline?: string;
  current?: string;
  mdOut?: string;
  title?: string;
  failOnRegression?: boolean;
}

export function main(argv: string[]): number {
  const program = new Command('report')
    .description('Build the static compatibility site and/or the run-to-run diff from results.json files')
    .argument('[inputs...]', 'results.json files, or folders searched for every results.json below them (a folder of past runs gives the history)')
    .option('--out <dir>', 'write the site (index.html) to this directory (default: site/ when inputs are given)')
    .option('--baseline <path>', 'the older run(s) for the diff')
    .option('--current <path>', 'the newer run(s) for the diff (also the site\'s runs when no inputs are given)')
    .option('--md-out <file>', 'also write the diff Markdown to this file')
    .option('--title <text>', 'page title', 'S3 compatibility report')
    .option('--fail-on-regression', 'exit 1 when the diff finds a regression')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    const code = (e as { exitCode?: number }).exitCode;
    return code === 0 ? 0 : 2;
  }
  const opts = program.opts<Opts>();
  const inputs = program.args;
  try {
    if ((opts.baseline === undefined) !== (opts.current === undefined)) {
      throw new ReportInputError('--baseline and --current go together');
    }
    let diff: (RunDiff & { baseline: string }) | undefined;
    if (opts.baseline !== undefined && opts.current !== undefined) {
      const before = loadRuns([opts.baseline]);
      const after = loadRuns([opts.current]);
      if (!before.length) throw new ReportInputError(`${opts.baseline}: no results.json found`);
      if (!after.length) throw new ReportInputError(`${opts.current}: no results.json found`);
      const d = diffRuns(before, after);
      const dates = [...new Set(before.map((r) => r.run.finishedAt.slice(0, 10)))].join(', ');
      diff = { ...d, baseline: `${opts.baseline} · ${dates}` };
      const md = renderDiffMarkdown(d);
      process.stdout.write(md);
      if (opts.mdOut) writeFileSync(opts.mdOut, md);
    }
    const sitePaths = inputs.length ? inputs : diff && opts.out ? [opts.current as string] : [];
    if (!sitePaths.length && !diff) throw new ReportInputError('no input: give results.json files or directories (e.g. reports/*/results.json), or --baseline and --current');
    if (sitePaths.length) {
      const runs = loadRuns(sitePaths);
      if (!runs.length) throw new ReportInputError(`no results.json found in ${sitePaths.join(', ')}`);
      const out = resolve(opts.out ?? 'site');
      const stats = buildSite(runs, out, { ...(opts.title ? { title: opts.title } : {}), ...(diff ? { diff } : {}) });
      process.stderr.write(
        `site: ${stats.file} (${stats.checks} checks × ${stats.targets} targets: ${stats.columns.join(', ')}; ${runs.length} run${runs.length === 1 ? '' : 's'} read` +
          `${stats.history ? `, history of ${stats.history} target${stats.history === 1 ? '' : 's'}` : ''}; ${(stats.bytes / 1024).toFixed(0)} KiB, built in ${stats.ms} ms)\n`,
      );
      for (const x of stats.excluded) process.stderr.write(`site: not judged: ${x}: not a column\n`);
    }
    if (diff && opts.failOnRegression && diff.regressions > 0) return 1;
    return 0;
  } catch (e) {
    if (e instanceof ReportInputError) {
      process.stderr.write(`report: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  process.exitCode = main(process.argv.slice(2));
}
