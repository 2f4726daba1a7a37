import { describe, expect, test } from 'vitest';
import { parseDuration, planSweep } from './sweep.ts';
import { newRunId } from '../run/buckets.ts';

describe('sweep', () => {
  test('durations', () => {
    expect(parseDuration('0')).toBe(0);
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('30m')).toBe(1_800_000);
    expect(parseDuration('1h')).toBe(3_600_000);
    expect(() => parseDuration('soon')).toThrow();
  });
  test('deletes only prefixed buckets of runs older than the limit', () => {
    const now = Date.now();
    const old = newRunId(now - 2 * 3_600_000);
    const young = newRunId(now - 60_000);
    const plan = planSweep([`s3c-${old}-1n1`, `s3c-${young}-1n1`, 'customer-bucket', 's3c-notarun', `other-${old}-1`], 's3c', 3_600_000, now);
    expect(plan.delete.map((d) => d.name)).toEqual([`s3c-${old}-1n1`]);
    expect(plan.keep.map((k) => k.name).sort()).toEqual([`other-${old}-1`, 'customer-bucket', `s3c-${young}-1n1`, 's3c-notarun'].sort());
  });
});
