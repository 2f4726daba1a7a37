/**
 * Which suite files can hold the checks an `--only` selection names. vitest filters by test name
 * only after it has imported every file; narrowing the files first means a `--only PutObject/`
 * run starts one worker and imports one file instead of all of them.
 *
 * Check ids are literal strings in the suites (`id: 'PutObject/round-trip'`); a file whose ids are
 * built at run time (`id: \`CreateBucket/name-rule-${rule}\``) is matched by the template's static
 * head; a file with an id the scan cannot read (a variable) is always kept. The narrowing can only
 * keep too many files, never drop a file that holds a selected check.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface FileIds {
  file: string;
  /** Literal ids. */
  ids: string[];
  /** Static heads of template ids (`CreateBucket/name-rule-`). */
  heads: string[];
  /** An id the scan cannot read: the file is kept for every selection. */
  opaque: boolean;
}

const LITERAL = /(?<![\w-])id:\s*'([A-Za-z0-9]+\/[^']*)'/g;
const TEMPLATE = /(?<![\w-])id:\s*`([^`$]*)\$\{/g;
const OTHER = /(?<![\w-])id:\s*(?!['`]|string\b|number\b)[A-Za-z_$]/;

export function scanIds(source: string): Omit<FileIds, 'file'> {
  return {
    ids: [...source.matchAll(LITERAL)].map((m) => m[1] as string),
    heads: [...source.matchAll(TEMPLATE)].map((m) => m[1] as string),
    opaque: OTHER.test(source),
  };
}

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return testFiles(p);
    return n.endsWith('.test.ts') ? [p] : [];
  });
}

export function indexSuites(root: string): FileIds[] {
  return testFiles(join(root, 'suites'))
    .sort()
    .map((f) => ({ file: relative(root, f), ...scanIds(readFileSync(f, 'utf8')) }));
}

/**
 * The files that can hold a check whose id starts with one of `prefixes`; undefined when every file
 * must be kept (no prefix given).
 */
export function filesForOnly(index: readonly FileIds[], prefixes: readonly string[]): string[] | undefined {
  if (prefixes.length === 0) return undefined;
  // A file whose ids come from a table keeps them as literal `id:` strings in the table's rows
  // (docs/WRITING-CHECKS.md), so the scan reads them even where check() is given `row.id`. Only a
  // file with no readable id at all is kept for every selection.
  const holds = (f: FileIds): boolean =>
    (f.opaque && f.ids.length === 0 && f.heads.length === 0) ||
    f.ids.some((id) => prefixes.some((p) => id.startsWith(p))) ||
    f.heads.some((h) => prefixes.some((p) => h.startsWith(p) || p.startsWith(h)));
  return index.filter(holds).map((f) => f.file);
}
