import { describe, expect, it } from 'vitest';
import { ConformanceError } from '../oracle/expect.ts';
import { followPages, settled } from './paginate.ts';

describe('followPages', () => {
  it('follows tokens until the listing ends', async () => {
    const pages = await followPages({ maxPages: 4, fetch: async (t) => ({ page: t ?? 'first', next: t === undefined ? 't1' : t === 't1' ? 't2' : undefined, fingerprint: t ?? '-' }) });
    expect(pages).toEqual(['first', 't1', 't2']);
  });

  it('a repeated token is a failure, not a hang', async () => {
    let calls = 0;
    const p = followPages({ maxPages: 50, fetch: async (_t, i) => ({ page: i, next: 'same', fingerprint: String(calls++) }) });
    await expect(p).rejects.toThrow(/continuation token did not advance/);
    expect(calls).toBe(2);
  });

  it('a repeated page is a failure even with fresh tokens', async () => {
    const p = followPages({ maxPages: 50, fetch: async (_t, i) => ({ page: i, next: `t${i}`, fingerprint: 'same page' }) });
    await expect(p).rejects.toThrow(/continuation token did not advance/);
  });

  it('stops after maxPages', async () => {
    let calls = 0;
    const p = followPages({ maxPages: 3, fetch: async (_t, i) => ({ page: i, next: `t${calls++}`, fingerprint: `p${i}` }) });
    await expect(p).rejects.toBeInstanceOf(ConformanceError);
    expect(calls).toBe(3);
  });
});

describe('settled', () => {
  const failing = (): Promise<never> => Promise.reject(new ConformanceError('not yet', 'a', 'b'));

  it('judges once when settling is off', async () => {
    let n = 0;
    await expect(settled({ settleMs: 0 }, () => (n++, failing()))).rejects.toThrow(/not yet/);
    expect(n).toBe(1);
  });

  it('polls with a bound until the judgement passes', async () => {
    let t = 0;
    let n = 0;
    const v = await settled({ settleMs: 5000, now: () => t, sleep: async (ms) => void (t += ms) }, async () => {
      if (++n < 4) throw new ConformanceError('lag', 'x', 'y');
      return 'ok';
    });
    expect(v).toBe('ok');
    expect(n).toBe(4);
  });

  it('gives up at the deadline with the last failure', async () => {
    let t = 0;
    let n = 0;
    const p = settled({ settleMs: 2000, now: () => t, sleep: async (ms) => void (t += ms) }, () => (n++, failing()));
    await expect(p).rejects.toThrow(/S3C_LIST_SETTLE_MS=2000/);
    expect(t).toBeLessThanOrEqual(2000);
    expect(n).toBeGreaterThan(2);
  });

  it('does not retry errors other than conformance failures', async () => {
    let n = 0;
    await expect(settled({ settleMs: 5000 }, async () => { n++; throw new Error('transport'); })).rejects.toThrow('transport');
    expect(n).toBe(1);
  });
});

describe('followPages judging order', () => {
  it('a replayed page is reported as "did not advance" before its content is judged', async () => {
    const judged: number[] = [];
    const p = followPages({
      maxPages: 10,
      fetch: async () => ({ page: 'page-1', next: 'tok-1', fingerprint: 'page-1' }),
      judge: (_p, i) => {
        judged.push(i);
        if (i > 0) throw new Error('content judged first');
      },
    });
    await expect(p).rejects.toThrow(/continuation token did not advance/);
    expect(judged).toEqual([0]);
  });
});
