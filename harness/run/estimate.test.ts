import { describe, expect, test } from 'vitest';
import { estimateRequests } from './estimate.ts';
import type { ResultEntry, ResultsFile } from '../report/schema.ts';

function entry(id: string, area: ResultEntry['area'], requests: number | undefined, extra: Partial<ResultEntry> = {}): ResultEntry {
  return { id, operation: id.split('/')[0] as string, area, title: '', level: 'required', spec: '', evidence: [], kind: 'scenario', file: '', status: 'passed', verdict: 'pass', durationMs: 1, ...(requests !== undefined ? { requests } : {}), ...extra };
}
const ref = {
  schemaVersion: 1,
  run: { target: 'swift-local', numRuns: 20, finishedAt: 't' },
  summary: {},
  results: [
    entry('PutObject/a', 'object', 4),
    entry('PutObject/prop', 'object', 40, { kind: 'property', property: { seed: 1, numRuns: 20, runs: 20 } }),
    entry('ListObjects/a', 'listing', 10),
    entry('SigV4/a', 'auth', 2, { verdict: 'skipped' }),
    entry('HeadObject/x', 'object', undefined),
  ],
} as unknown as ResultsFile;

describe('request estimates', () => {
  test('sums per-check requests of the reference run, skips skipped checks', () => {
    const e = estimateRequests(ref);
    expect(e.checks).toBe(4);
    expect(e.unknown).toBe(1);
    expect(e.perArea.listing).toBe(10);
    expect(e.total).toBe(Math.round(4 + 40 + 10 + 56 / 4));
  });
  test('properties scale with the run count; a selection narrows the estimate', () => {
    const e = estimateRequests(ref, (id) => id.startsWith('PutObject'), 5);
    expect(e.total).toBe(4 + 10);
    expect(e.perArea).toEqual({ object: 14 });
  });
});
