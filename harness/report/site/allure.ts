/**
 * The Allure report (`npm run report:allure`): runs the installed Allure 3 CLI (npm `allure`) on
 * the allure-vitest results of conformance runs (allure-results/<target>/). Each result gets a
 * `target` label (one Allure environment per target), known deviations from the run's
 * results.json are tagged and marked `known`, and environment.properties lists the targets with
 * their endpoint, date and tool version.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResultsFile } from '../schema.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface AllureDir {
  target: string;
  dir: string;
}

function hasResults(dir: string): boolean {
  return readdirSync(dir).some((f) => f.endsWith('-result.json'));
}

function targetOf(dir: string): string {
  const env = join(dir, 'environment.properties');
  if (existsSync(env)) {
    const m = /^target\s*=\s*(.+)$/m.exec(readFileSync(env, 'utf8'));
    if (m?.[1]) return m[1].trim();
  }
  return basename(resolve(dir));
}

/** Results directories under the given paths: a results dir itself, or its <target>/ subdirectories. */
export function findAllureDirs(paths: readonly string[]): AllureDir[] {
  const out: AllureDir[] = [];
  for (const p of paths) {
    if (!existsSync(p) || !statSync(p).isDirectory()) continue;
    if (hasResults(p)) out.push({ target: targetOf(p), dir: p });
    for (const name of readdirSync(p).sort()) {
      const sub = join(p, name);
      if (statSync(sub).isDirectory() && hasResults(sub)) out.push({ target: targetOf(sub), dir: sub });
    }
  }
  return out;
}

interface AllureLabel {
  name: string;
  value: string;
}
interface AllureResult {
  labels?: AllureLabel[];
  statusDetails?: { known?: boolean; message?: string; trace?: string };
  [k: string]: unknown;
}

function readRun(reportsDir: string | undefined, target: string): ResultsFile | undefined {
  if (!reportsDir) return undefined;
  const f = join(reportsDir, target, 'results.json');
  if (!existsSync(f)) return undefined;
  try {
    return JSON.parse(readFileSync(f, 'utf8')) as ResultsFile;
  } catch {
    return undefined;
  }
}

function prop(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').replace(/\\/g, '\\\\');
}

/** Copy the results into one staging directory with target labels, known deviations and environment info. */
export function stageAllure(dirs: readonly AllureDir[], staging: string, reportsDir?: string): { results: number; targets: string[] } {
  rmSync(staging, { recursive: true, force: true });
  const resultsDir = join(staging, 'results');
  mkdirSync(resultsDir, { recursive: true });
  const env: string[] = [`target=${[...new Set(dirs.map((d) => d.target))].join(', ')}`];
  let results = 0;
  for (const { target, dir } of dirs) {
    const run = readRun(reportsDir, target);
    const byId = new Map((run?.results ?? []).map((e) => [e.id, e]));
    if (run) {
      env.push(`${target}.endpoint=${prop(run.run.endpointHost)}`, `${target}.finished=${run.run.finishedAt}`, `${target}.toolVersion=${prop(run.run.toolVersion)}`, `${target}.seed=${run.run.seed}`);
    }
    for (const f of readdirSync(dir)) {
      const src = join(dir, f);
      if (!statSync(src).isFile() || f === 'environment.properties') continue;
      if (!f.endsWith('-result.json')) {
        copyFileSync(src, join(resultsDir, f));
        continue;
      }
      const r = JSON.parse(readFileSync(src, 'utf8')) as AllureResult;
      const labels = (r.labels ?? []).filter((l) => l.name !== 'target');
      labels.push({ name: 'target', value: target });
      const id = labels.find((l) => l.name === 'story')?.value;
      const e = id ? byId.get(id) : undefined;
      if (e) {
        labels.push({ name: 'tag', value: e.verdict });
        if (e.verdict === 'known-deviation' && e.expectation) {
          r.statusDetails = { ...r.statusDetails, known: true, message: `known deviation: ${e.expectation.reason}${e.error?.observed ? ` (observed: ${e.error.observed})` : ''}` };
        }
      }
      r.labels = labels;
      writeFileSync(join(resultsDir, f), JSON.stringify(r));
      results++;
    }
  }
  writeFileSync(join(resultsDir, 'environment.properties'), env.join('\n') + '\n');
  const targets = [...new Set(dirs.map((d) => d.target))];
  const envs = targets.map((t) => `    ${JSON.stringify(t)}: { name: ${JSON.stringify(t)}, matcher: ({ labels }) => labels.some((l) => l.name === 'target' && l.value === ${JSON.stringify(t)}) },`);
  writeFileSync(join(staging, 'allurerc.mjs'), `export default {\n  name: 'S3 conformance',\n  environments: {\n${envs.join('\n')}\n  },\n};\n`);
  return { results, targets };
}

export interface AllureRun {
  code: number;
  message: string;
  results: number;
  targets: string[];
  ms: number;
}

/** Stage and run `allure generate`. Code 2 when there are no results to report. */
export function generateAllure(opts: { inputs: readonly string[]; out: string; reportsDir?: string; staging?: string; allureBin?: string }): AllureRun {
  const t0 = performance.now();
  const dirs = findAllureDirs(opts.inputs);
  if (!dirs.length) {
    return {
      code: 2, results: 0, targets: [], ms: 0,
      message: `no Allure results in ${opts.inputs.join(', ')}: run the suite first (npm run conformance writes allure-results/<target>/), or name a directory of *-result.json files`,
    };
  }
  const staging = resolve(opts.staging ?? join(ROOT, '.s3c', 'allure-staging'));
  const { results, targets } = stageAllure(dirs, staging, opts.reportsDir);
  const bin = opts.allureBin ?? join(ROOT, 'node_modules', '.bin', 'allure');
  if (!existsSync(bin)) return { code: 2, results, targets, ms: 0, message: `the Allure CLI is not installed at ${bin} (npm ci installs the "allure" package)` };
  const out = resolve(opts.out);
  const p = spawnSync(bin, ['generate', '--config', join(staging, 'allurerc.mjs'), '--output', out, join(staging, 'results')], {
    cwd: staging, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, timeout: 300_000,
  });
  const ms = Math.round(performance.now() - t0);
  if (p.status !== 0 || !existsSync(join(out, 'index.html'))) {
    return { code: 1, results, targets, ms, message: `allure generate failed (exit ${p.status ?? p.signal}):\n${p.stdout}${p.stderr}` };
  }
  return { code: 0, results, targets, ms, message: `Allure report: ${join(out, 'index.html')} (${results} results, targets ${targets.join(', ')}, ${ms} ms)` };
}
