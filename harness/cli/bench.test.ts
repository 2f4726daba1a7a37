import { describe, expect, test } from 'vitest';
import { figures, renderBench } from './bench.ts';
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
    const md = renderBench([f], 'now');
    expect(md).toContain('| t | 2.0 s | 3 | 1.5 | 30 | 2.0 MiB | 1.0 MiB | 0 |');
    expect(md).toContain('| GetObject/b | 300 | 15 |');
  });
});
