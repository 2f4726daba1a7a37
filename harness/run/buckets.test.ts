import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { adoptBucket, confirmBucket, isRunBucket, ledgerOutstanding, ledgerState, newBucketName, newRunId, parseBucketName, runIdTime } from './buckets.ts';
import type { Runtime } from './runtime.ts';

const VALID = /^(?!\d+\.\d+\.\d+\.\d+$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

describe('bucket names of a run', () => {
  test('run ids carry their start time', () => {
    const now = Date.UTC(2026, 10, 25, 13, 0, 0);
    const id = newRunId(now);
    expect(id).toMatch(/^[0-9a-z]{9}$/);
    expect(runIdTime(id)?.getTime()).toBe(now);
  });
  test('names are <prefix>-<runId>-<n>, valid, ≤ 63 characters, unique, and parse back', () => {
    const rt = { bucketPrefix: 'abcdefghijklmnopqrst', runId: newRunId() };
    const names = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const n = newBucketName(rt, i % 2 ? 'a-long-hint-that-would-overflow-the-limit-of-sixty-three' : '');
      expect(n.length).toBeLessThanOrEqual(63);
      expect(n).toMatch(VALID);
      expect(isRunBucket(rt, n)).toBe(true);
      expect(parseBucketName(n, rt.bucketPrefix)?.runId).toBe(rt.runId);
      names.add(n);
    }
    expect(names.size).toBe(50);
  });
  test("other buckets are not the run's", () => {
    const rt = { bucketPrefix: 's3c', runId: 'abcdef123' };
    expect(isRunBucket(rt, 'customer-data')).toBe(false);
    expect(isRunBucket(rt, 's3c-zzzzzz999-1')).toBe(false);
    expect(isRunBucket(rt, 'x.abcdef123.y')).toBe(true);
    expect(parseBucketName('customer-data', 's3c')).toBeUndefined();
    expect(parseBucketName('s3c-short-1', 's3c')).toBeUndefined();
  });
});

describe('the ledger keeps intent and creation apart', () => {
  test('a bucket only intended (never confirmed) is not a created one; deleted ones are gone; torn lines are skipped', () => {
    const runDir = mkdtempSync(join(tmpdir(), 's3c-ledger-'));
    const rt = { bucketPrefix: 's3c', runId: newRunId(), runDir } as Runtime;
    const [a, b, c] = [newBucketName(rt), newBucketName(rt), newBucketName(rt)];
    adoptBucket(rt, a);
    adoptBucket(rt, b);
    confirmBucket(rt, b);
    adoptBucket(rt, c);
    confirmBucket(rt, c);
    writeFileSync(join(runDir, 'ledger-1.jsonl'), `${JSON.stringify({ op: 'delete', bucket: c })}\n{"op":"cre`);
    expect(ledgerState(runDir)).toEqual({ intended: [a], created: [b] });
    expect(ledgerOutstanding(runDir)).toEqual([a, b].sort());
    expect(() => confirmBucket(rt, 'customer-data')).not.toThrow();
    expect(ledgerState(runDir).created).toEqual([b]);
  });
});
