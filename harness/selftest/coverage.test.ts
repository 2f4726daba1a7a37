/**
 * docs/COVERAGE.md and docs/coverage/<area>.md map every peer test (ceph/s3-tests, versitygw) that
 * touches the operations in scope to the checks of this suite that cover the same behaviour, or say
 * why none should. This keeps the map honest: every peer test is mapped exactly once, every row has
 * a check or a reason, and every check id named still exists.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { indexSuites } from '../cli/select.ts';
import { ROOT } from '../e2e/run.ts';

const PEERS = join(ROOT, 'fixtures', 'data', 'peers');
const COVERAGE = join(ROOT, 'docs', 'coverage');
const REASONS = /^(outside scope|not AWS behaviour|duplicate of \S+|not testable here):\s*\S/;

export interface Row {
  peer: string;
  test: string;
  covered: string[];
  why: string;
  file: string;
}

export function parseCoverage(md: string, file: string): Row[] {
  const rows: Row[] = [];
  for (const line of md.split('\n')) {
    if (!line.startsWith('| s3-tests |') && !line.startsWith('| versitygw |')) continue;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    rows.push({
      peer: cells[0] ?? '',
      test: cells[1] ?? '',
      covered: [...(cells[2] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1] as string),
      why: cells[3] ?? '',
      file,
    });
  }
  return rows;
}

/** The peer lists (copied from ../shared/peers into fixtures/data/peers). */
function peerTests(): Array<{ peer: string; test: string }> {
  const s3 = readFileSync(join(PEERS, 's3-tests-in-scope.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => ({ peer: 's3-tests', test: (l.split('\t')[0] ?? '').split('::').pop() ?? '' }));
  const vgw = readFileSync(join(PEERS, 'versitygw-tests.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => ({ peer: 'versitygw', test: l }));
  return [...s3, ...vgw];
}

const rows = existsSync(COVERAGE)
  ? readdirSync(COVERAGE)
      .filter((f) => f.endsWith('.md'))
      .sort()
      .flatMap((f) => parseCoverage(readFileSync(join(COVERAGE, f), 'utf8'), `docs/coverage/${f}`))
  : [];

describe('coverage map against ceph/s3-tests and versitygw', () => {
  test('every row names checks, or gives a reason of a known kind', () => {
    const bad = rows.filter((r) => (r.covered.length === 0) === !REASONS.test(r.why) || (r.covered.length > 0 && r.why !== ''));
    expect(bad.map((r) => `${r.file}: ${r.peer} ${r.test}: covered=[${r.covered.join(',')}] why="${r.why}"`)).toEqual([]);
  });

  test('every check id named in the map exists in suites/', () => {
    const index = indexSuites(ROOT);
    const ids = new Set(index.flatMap((f) => f.ids));
    const heads = index.flatMap((f) => f.heads);
    const missing = rows.flatMap((r) => r.covered.filter((id) => !ids.has(id) && !heads.some((h) => id.startsWith(h))).map((id) => `${r.file}: ${r.test} → ${id}`));
    expect(missing).toEqual([]);
  });

  test('every peer test in scope is mapped exactly once', () => {
    const key = (p: { peer: string; test: string }): string => `${p.peer}:${p.test}`;
    const mapped = new Map<string, number>();
    for (const r of rows) mapped.set(key(r), (mapped.get(key(r)) ?? 0) + 1);
    const peers = peerTests();
    expect(peers.length).toBe(880);
    expect(peers.filter((p) => !mapped.has(key(p))).map(key)).toEqual([]);
    expect([...mapped].filter(([, n]) => n > 1).map(([k]) => k)).toEqual([]);
    const known = new Set(peers.map(key));
    expect(rows.filter((r) => !known.has(key(r))).map((r) => `${r.file}: ${key(r)}`)).toEqual([]);
  });

  test("docs/COVERAGE.md's summary table counts what the area files say", () => {
    const counts = (rs: Row[]): number[] => [
      rs.length,
      rs.filter((r) => r.peer === 's3-tests').length,
      rs.filter((r) => r.peer === 'versitygw').length,
      rs.filter((r) => r.covered.length > 0).length,
      ...['outside scope', 'not AWS behaviour', 'duplicate', 'not testable here'].map((k) => rs.filter((r) => r.covered.length === 0 && r.why.startsWith(k)).length),
    ];
    const table = readFileSync(join(ROOT, 'docs', 'COVERAGE.md'), 'utf8')
      .split('\n')
      .filter((l) => /^\| (\[[a-z-]+\.md\]|\*\*total\*\*)/.test(l))
      .map((l) => l.split('|').slice(1, -1).map((c) => c.trim().replace(/\*/g, '')));
    const got = table.map(([name, ...nums]) => `${name}: ${nums.join(' ')}`);
    const files = [...new Set(rows.map((r) => r.file))];
    const want = [
      ...files.map((f) => `[${f.split('/').pop() ?? ''}](coverage/${f.split('/').pop() ?? ''}): ${counts(rows.filter((r) => r.file === f)).join(' ')}`),
      `total: ${counts(rows).join(' ')}`,
    ];
    expect(got).toEqual(want);
  });
});
