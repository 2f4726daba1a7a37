import { describe, expect, test } from 'vitest';
import { figures, parseBaseline, renderBench } from './bench.ts';
import type { ResultsFile } from '../report/schema.ts';

const r = {
  run: { requests: 30, bytesSent: 2097152, bytesReceived: 1048576 },
  summary: { total: 3, pass: 2, fail: 0, error: 0, 'known-deviation': 1, 'unexpected-pass': 0, skipped: 0, byOperation: {}, requiredPassRate: 1, optionalPassRate: 0 },
  results: [
    { id: 'PutObject/a', area: 'object', durationMs: 100, requests: 10, bytesSent: 5, bytesReceived: 1, verdict: 'pass' },
    { id: 'GetObject/b', area: 'object', durationMs: 300, requests: 15, bytesSent: 0, bytesReceived: 9, verdict: 'pass' },
    { id: 'ListObjects/c', area: 'listing', durationMs: 50, requests: 5, verdict: 'known-deviation' },
  ],
} as unknown as ResultsFile;

describe('bench figures', () => {
  test('totals, per area, slowest first', () => {
    const f = figures('t', r, 2000, 0);
    expect(f.checks).toBe(3);
    expect(f.checksPerSecond).toBe(1.5);
    expect(f.perArea.object).toEqual({ checks: 2, requests: 25, bytesSent: 5, bytesReceived: 10, checkMs: 400 });
    expect(f.slowest[0]?.id).toBe('GetObject/b');
    expect(f.verdicts).toMatchObject({ pass: 2, 'known-deviation': 1 });
    expect(f.requestsPerCheck).toBe(10);
    const md = renderBench([{ ...f, startupMs: 1500 }], 'now', { t: { wallS: 4, checks: 3, requests: 60 } });
    expect(md).toContain('| t | 2.0 s | 1.5 s | 3 | 1.5 | 30 | 10 | 2.0 MiB | 1.0 MiB | 0 | 0.50× | 0.50× |');
    expect(md).toContain('| GetObject/b | 300 | 15 |');
  });
  test('the previous figures are read from the first table of a BENCH.md', () => {
    const md = '# x\n\n| target | wall | checks | checks/s | requests | up |\n|---|---:|---:|---:|---:|---:|\n| embedded | 22.3 s | 304 | 13.6 | 1161 | 1 |\n| swift-local | 42.5 s | 304 | 7 | 1456 | 1 |\n\nmore';
    expect(parseBaseline(md)).toEqual({ embedded: { wallS: 22.3, checks: 304, requests: 1161 }, 'swift-local': { wallS: 42.5, checks: 304, requests: 1456 } });
    expect(parseBaseline('nothing')).toEqual({});
  });
});
