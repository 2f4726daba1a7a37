import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../cli/merge.ts';
import { MergeError, mergeResults, missingShards } from './merge.ts';
import { entry, fileOf, runInfo } from './site/synthetic.ts';

const shard1 = fileOf(runInfo('nhn-kr1', { shard: '1/2', runId: 'aaa1', seed: 7, requests: 10, bytesSent: 1, bytesReceived: 2, throttleRetries: 3, transportErrors: 0, leaks: ['s3c-aaa1-1'], staleExpectations: ['GetObject/gone', 'PutObject/x'], startedAt: '2026-11-25T10:00:00.000Z', finishedAt: '2026-11-25T10:00:30.000Z' }), [
  entry('PutObject/a', 'pass'),
  entry('GetObject/no-such-key', 'known-deviation'),
]);
const shard2 = fileOf(runInfo('nhn-kr1', { shard: '2/2', runId: 'bbb2', seed: 7, requests: 5, bytesSent: 10, bytesReceived: 20, throttleRetries: 2, transportErrors: 1, staleExpectations: ['GetObject/gone'], aborted: 'request budget exceeded', startedAt: '2026-11-25T10:00:05.000Z', finishedAt: '2026-11-25T10:00:40.000Z' }), [
  entry('CreateBucket/ok', 'pass'),
  entry('ListObjectsV2/x', 'fail'),
]);

describe('mergeResults', () => {
  test('sums counters, unions checks in the suite order, combines run info', () => {
    const m = mergeResults([shard1, shard2]);
    expect(m.results.map((e) => e.id)).toEqual(['CreateBucket/ok', 'PutObject/a', 'GetObject/no-such-key', 'ListObjectsV2/x']);
    expect(m.summary).toMatchObject({ total: 4, pass: 2, 'known-deviation': 1, fail: 1 });
    expect(m.run).toMatchObject({ target: 'nhn-kr1', runId: 'aaa1+bbb2', requests: 15, bytesSent: 11, bytesReceived: 22, throttleRetries: 5, transportErrors: 1, leaks: ['s3c-aaa1-1'], seed: 7 });
    expect(m.run.staleExpectations).toEqual(['GetObject/gone']);
    expect(m.run.startedAt).toBe('2026-11-25T10:00:00.000Z');
    expect(m.run.finishedAt).toBe('2026-11-25T10:00:40.000Z');
    expect(m.run.durationMs).toBe(40_000);
    expect(m.run.shard).toBeUndefined();
    expect(m.run.aborted).toBe('shard 2/2: request budget exceeded');
  });

  test('deterministic: input order does not change a byte', () => {
    expect(JSON.stringify(mergeResults([shard2, shard1]))).toBe(JSON.stringify(mergeResults([shard1, shard2])));
  });

  test('a duplicate id keeps its worst verdict, whatever the order', () => {
    const a = fileOf(runInfo('t', { shard: '1/2' }), [entry('PutObject/a', 'pass')]);
    const b = fileOf(runInfo('t', { shard: '2/2' }), [entry('PutObject/a', 'fail')]);
    for (const order of [[a, b], [b, a]]) {
      const m = mergeResults(order);
      expect(m.results.map((e) => [e.id, e.verdict])).toEqual([['PutObject/a', 'fail']]);
      expect(m.summary.total).toBe(1);
    }
  });

  test('refuses different targets, a shard given twice, different splits', () => {
    expect(() => mergeResults([shard1, fileOf(runInfo('other', { shard: '2/2' }), [])])).toThrow(/different targets/);
    expect(() => mergeResults([shard1, shard1])).toThrow(MergeError);
    expect(() => mergeResults([shard1, fileOf(runInfo('nhn-kr1', { shard: '2/3' }), [])])).toThrow(/different splits/);
    expect(() => mergeResults([])).toThrow(/nothing to merge/);
  });

  test('an incomplete split is recorded in run.shard and reported missing', () => {
    const three = fileOf(runInfo('t', { shard: '1/3' }), [entry('PutObject/a', 'pass')]);
    expect(missingShards([three])).toEqual(['2/3', '3/3']);
    expect(mergeResults([three]).run.shard).toBe('1/3');
    expect(missingShards([shard1, shard2])).toEqual([]);
  });
});

describe('npm run merge', () => {
  test('writes results.json, summary.md and index.html; same inputs → same file', () => {
    const dir = mkdtempSync(join(tmpdir(), 's3c-merge-'));
    writeFileSync(join(dir, 's1.json'), JSON.stringify(shard1));
    writeFileSync(join(dir, 's2.json'), JSON.stringify(shard2));
    expect(main([join(dir, 's1.json'), join(dir, 's2.json'), '--out', join(dir, 'a')])).toBe(0);
    expect(main([join(dir, 's2.json'), join(dir, 's1.json'), '--out', join(dir, 'b')])).toBe(0);
    const a = readFileSync(join(dir, 'a', 'results.json'), 'utf8');
    expect(readFileSync(join(dir, 'b', 'results.json'), 'utf8')).toBe(a);
    expect(readFileSync(join(dir, 'a', 'summary.md'), 'utf8')).toMatch(/S3 conformance: nhn-kr1/);
    expect(readFileSync(join(dir, 'a', 'index.html'), 'utf8')).toMatch(/<html/i);
  });

  test('bad input → exit 2 with one line', () => {
    const dir = mkdtempSync(join(tmpdir(), 's3c-merge-'));
    writeFileSync(join(dir, 'bad.json'), '{');
    expect(main([join(dir, 'bad.json'), '--out', join(dir, 'o')])).toBe(2);
    expect(main([join(dir, 'nope.json'), '--out', join(dir, 'o')])).toBe(2);
  });
});
