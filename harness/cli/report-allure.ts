/**
 * `npm run report:allure [-- <allure-results dirs…>] [--out allure-report] [--reports reports]`:
 * an Allure report from the allure-vitest results of conformance runs (default allure-results/,
 * one <target>/ subdirectory per run), with the target as environment. Exit 2 when there are no
 * results, 1 when Allure fails.
 */
import { resolve } from 'node:path';
import { Command } from 'commander';
import { generateAllure } from '../report/site/allure.ts';

export function main(argv: string[]): number {
  const program = new Command('report:allure')
    .description('Generate an Allure report (Allure 3 CLI) from allure-results/<target>/ directories')
    .argument('[inputs...]', 'allure-results directories (default: allure-results)')
    .option('--out <dir>', 'report directory', 'allure-report')
    .option('--reports <dir>', 'where <target>/results.json live (endpoint, date and known deviations)', 'reports')
    .exitOverride();
  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    return (e as { exitCode?: number }).exitCode === 0 ? 0 : 2;
  }
  const o = program.opts<{ out: string; reports: string }>();
  const r = generateAllure({ inputs: program.args.length ? program.args : ['allure-results'], out: o.out, reportsDir: o.reports });
  (r.code === 0 ? process.stdout : process.stderr).write(`report:allure: ${r.message}\n`);
  return r.code;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  process.exitCode = main(process.argv.slice(2));
}
