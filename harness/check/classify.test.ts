import { describe, expect, test } from 'vitest';
import { ConformanceError } from '../oracle/expect.ts';
import { TransportError } from '../transport/http.ts';
import { classify } from './classify.ts';

describe('classify', () => {
  const failed = (): ConformanceError => new ConformanceError('HEAD with Range: wrong status', '206', '503');

  test('a failed assertion is the target\'s fail', () => {
    const c = classify(failed());
    expect(c.outcome).toBe('fail');
    expect(c.error).toMatchObject({ expected: '206', observed: '503' });
  });

  test('a failed assertion after a throttled answer outlasted the retries is `error` (could not judge), not `fail`', () => {
    const c = classify(failed(), 1);
    expect(c.outcome).toBe('error');
    expect(c.error.message).toMatch(/^throttled: 1 answer\(s\) 503 SlowDown \/ 429 after the throttle retries \(could not judge\)/);
    expect(c.error.message).toContain('HEAD with Range: wrong status');
  });

  test('no answer is `error` whatever the throttle count', () => {
    expect(classify(new TransportError('no answer from the target: ECONNRESET', 'ECONNRESET')).outcome).toBe('error');
  });
});
