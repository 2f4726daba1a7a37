/**
 * Finding and reading results.json files for the site, the history and the diff: a path is a
 * results.json file, or a directory searched for every results.json below it (reports/,
 * reports/<target>/<runId>/, a folder of nightly artifacts). A `latest` link and any other path
 * that resolves to a file already found is read once.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ResultsFile } from '../schema.ts';
import { SCHEMA_VERSION } from '../schema.ts';

export class ReportInputError extends Error {}

const SKIP_DIRS = new Set(['node_modules', '.git', 'screenshots', 'allure-results', 'allure-report']);

/** The results.json files a path names, in a stable order (depth-first, names sorted). */
export function findResultsFiles(path: string): string[] {
  if (!existsSync(path)) throw new ReportInputError(`${path}: no such file or directory`);
  if (statSync(path).isFile()) return [path];
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (dir: string, depth: number): void => {
    const real = realpathSync(dir);
    if (seen.has(real) || depth > 8) return;
    seen.add(real);
    const direct = join(dir, 'results.json');
    if (existsSync(direct) && statSync(direct).isFile()) out.push(direct);
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.') || SKIP_DIRS.has(name)) continue;
      const p = join(dir, name);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue; // a dangling link
      }
      if (st.isDirectory()) walk(p, depth + 1);
    }
  };
  walk(path, 0);
  // The same file reached twice (reports/<target>/latest → <runId>) is read once.
  const files = new Map<string, string>();
  for (const f of out) {
    const real = realpathSync(f);
    if (!files.has(real)) files.set(real, f);
  }
  return [...files.values()];
}

export function readResults(file: string): ResultsFile {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ReportInputError(`${file}: not a readable JSON file (${(e as Error).message})`);
  }
  const r = data as Partial<ResultsFile>;
  if (typeof r !== 'object' || r === null || r.schemaVersion !== SCHEMA_VERSION || !r.run || !Array.isArray(r.results)) {
    throw new ReportInputError(`${file}: not a results.json of schema version ${SCHEMA_VERSION}`);
  }
  return r as ResultsFile;
}

/**
 * Read every results file the paths name (each run once, even when two paths or two copies reach it). Runs of
 * one target keep their target name: the site shows the newest as the target's column and the
 * others as its history.
 */
export function loadRuns(paths: readonly string[]): ResultsFile[] {
  const files = new Map<string, string>();
  for (const f of paths.flatMap(findResultsFiles)) {
    const real = realpathSync(f);
    if (!files.has(real)) files.set(real, f);
  }
  // reports/<target>/results.json is a copy of reports/<target>/<runId>/results.json: one run, read once.
  const runs = new Map<string, ResultsFile>();
  for (const f of files.values()) {
    const r = readResults(f);
    const key = `${r.run.target}\u0000${r.run.runId}\u0000${r.run.startedAt}`;
    if (!runs.has(key)) runs.set(key, r);
  }
  return [...runs.values()];
}
