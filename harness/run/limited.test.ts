import { describe, expect, test } from 'vitest';
import { mapLimited } from './limited.ts';

describe('mapLimited', () => {
  test('results in the order of the items, never more than `limit` calls in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const out = await mapLimited([5, 1, 4, 2, 3, 0], 3, async (ms) => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, ms));
      inFlight--;
      return ms * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30, 0]);
    expect(most).toBe(3);
  });
  test('no items: no call', async () => {
    let calls = 0;
    expect(await mapLimited([], 4, async () => ++calls)).toEqual([]);
    expect(calls).toBe(0);
  });
  test('a rejection rejects the whole', async () => {
    await expect(mapLimited([1, 2, 3], 2, async (n) => (n === 2 ? Promise.reject(new Error('two')) : n))).rejects.toThrow('two');
  });
});
