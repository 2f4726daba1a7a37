/**
 * Finding and reading results.json files for the site and the diff: a path is either a
 * results.json file or a directory holding results.json and/or <target>/results.json.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ResultsFile } from '../schema.ts';
import { SCHEMA_VERSION } from '../schema.ts';

export class ReportInputError extends Error {}

/** The results.json files a path names, in a stable order. */
export function findResultsFiles(path: string): string[] {
  if (!existsSync(path)) throw new ReportInputError(`${path}: no such file or directory`);
  if (statSync(path).isFile()) return [path];
  const out: string[] = [];
  const direct = join(path, 'results.json');
  if (existsSync(direct)) out.push(direct);
  for (const name of readdirSync(path).sort()) {
    const f = join(path, name, 'results.json');
    if (existsSync(f) && statSync(join(path, name)).isDirectory()) out.push(f);
  }
  return out;
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
 * Read every results file the paths name. Two runs of the same target get distinct column
 * names (`target`, `target#2`, …) so that no run silently hides another.
 */
export function loadRuns(paths: readonly string[]): ResultsFile[] {
  const files = [...new Set(paths.flatMap(findResultsFiles))];
  const seen = new Map<string, number>();
  return files.map((f) => {
    const r = readResults(f);
    const n = (seen.get(r.run.target) ?? 0) + 1;
    seen.set(r.run.target, n);
    return n === 1 ? r : { ...r, run: { ...r.run, target: `${r.run.target}#${n}` } };
  });
}
