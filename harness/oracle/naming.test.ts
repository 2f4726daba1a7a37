import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { breaksExactly, classify, isStrictIpv4, legacyDnsClean, RULE_NAMES, RULES, type NamingRule } from './naming.ts';
import { bucketNameBreaking, mayLackRunId, validBucketName } from '../../fixtures/arbitraries/bucket-names.ts';

const a = (n: number) => 'a'.repeat(n);

/** Both sides of every boundary: [name, expected broken rules ([] = valid)]. */
const TABLE: Record<NamingRule | 'valid', Array<[string, NamingRule[]]>> = {
  valid: [
    ['abc', []],
    ['a.b', []],
    ['a-b', []],
    ['my.bucket-1.example', []],
    ['0ab', []],
    ['a--b', []],
    ['1.2.3', []], // almost IP: three groups
    ['1.2.3.4.5', []], // almost IP: five groups
    ['1.2.3.4a', []], // almost IP: a letter
    ['a1.2.3.4', []],
    ['xn-abc', []], // one hyphen only
    ['axn--b', []], // xn-- not at the start
    ['sthree', []],
    ['sthreea-b', []],
    ['amzn-s3-demo', []],
    ['my-s3alias-x', []], // suffix not at the end
    ['bucket-s3alia', []],
    ['bucket-ol-s3', []], // one hyphen: not --ol-s3
    ['bucket.mrapx', []],
    ['bucketmrap', []],
    ['bucket-x-s3', []],
    ['bucket-table-s3', []],
    ['a.-b', []], // not a current AWS rule (legacy DNS labels): generators avoid it
  ],
  length: [
    ['', ['length']],
    ['a', ['length']],
    ['ab', ['length']],
    [a(63), []],
    [a(64), ['length']],
    [a(100), ['length']],
  ],
  charset: [
    ['Abc', ['charset']],
    ['aBc', ['charset']],
    ['a_c', ['charset']],
    ['a c', ['charset']],
    ['a~c', ['charset']],
    ['aé1', ['charset']],
    ['_ab', ['charset', 'start-end']],
    ['ab_', ['charset', 'start-end']],
  ],
  'start-end': [
    ['-abc', ['start-end']],
    ['abc-', ['start-end']],
    ['.abc', ['start-end']],
    ['abc.', ['start-end']],
    ['-a-', ['start-end']],
    ['a-', ['length', 'start-end']],
  ],
  'adjacent-periods': [
    ['a..b', ['adjacent-periods']],
    ['my..bucket', ['adjacent-periods']],
    ['a...b', ['adjacent-periods']],
  ],
  'ip-address': [
    ['192.168.5.4', ['ip-address']],
    ['0.0.0.0', ['ip-address']],
    ['255.255.255.255', ['ip-address']],
    ['256.1.1.1', ['ip-address']], // conservative: IP-shaped, never generated on either side
    ['01.2.3.4', ['ip-address']],
  ],
  'xn-prefix': [
    ['xn--abc', ['xn-prefix']],
    ['xn--a', ['xn-prefix']],
  ],
  'sthree-prefix': [
    ['sthree-abc', ['sthree-prefix']],
    ['sthree-configurator', ['sthree-prefix']],
  ],
  'amzn-s3-demo-prefix': [['amzn-s3-demo-bucket', ['amzn-s3-demo-prefix']]],
  's3alias-suffix': [['bucket-s3alias', ['s3alias-suffix']]],
  'ol-s3-suffix': [['bucket--ol-s3', ['ol-s3-suffix']]],
  'mrap-suffix': [['bucket.mrap', ['mrap-suffix']]],
  'x-s3-suffix': [['bucket--x-s3', ['x-s3-suffix']]],
  'table-s3-suffix': [['bucket--table-s3', ['table-s3-suffix']]],
};

describe('classify: the naming rule model', () => {
  for (const [group, rows] of Object.entries(TABLE)) {
    test.each(rows)(`${group}: %j → %j`, (name, broken) => {
      const c = classify(name);
      if (broken.length === 0) expect(c).toEqual({ valid: true });
      else expect(c).toEqual({ valid: false, broken });
    });
  }
  test('every rule has an example table, a source and an AWS wording', () => {
    for (const r of RULES) {
      expect(TABLE[r.rule].some(([, b]) => b.length === 1 && b[0] === r.rule)).toBe(true);
      expect(r.source).toMatch(/AWS S3 User Guide/);
      expect(r.text.length).toBeGreaterThan(10);
    }
    expect(RULE_NAMES.length).toBe(13);
  });
  test('strict IPv4 and the legacy dot/hyphen rule', () => {
    expect(isStrictIpv4('192.168.5.4')).toBe(true);
    expect(isStrictIpv4('256.1.1.1')).toBe(false);
    expect(isStrictIpv4('01.1.1.1')).toBe(false);
    expect(legacyDnsClean('a.-b')).toBe(false);
    expect(legacyDnsClean('a-.b')).toBe(false);
    expect(legacyDnsClean('a-b.c')).toBe(true);
  });
});

describe('arbitraries', () => {
  const runId = 'mz3k1q7ab';
  test('valid names are valid, contain the run id, ≤ 63 characters, and reach 63', () => {
    const sample = fc.sample(validBucketName(runId), { numRuns: 500, seed: 42 });
    for (const n of sample) {
      expect(classify(n)).toEqual({ valid: true });
      expect(n).toContain(runId);
      expect(n.length).toBeLessThanOrEqual(63);
      expect(legacyDnsClean(n)).toBe(true);
    }
    expect(sample.some((n) => n.length === 63)).toBe(true);
    expect(sample.some((n) => n.includes('.'))).toBe(true);
    expect(sample.some((n) => n.includes('-'))).toBe(true);
  });
  for (const rule of RULE_NAMES) {
    test(`names breaking exactly ${rule}`, () => {
      const sample = fc.sample(bucketNameBreaking(rule, runId), { numRuns: 200, seed: 7 });
      for (const { rule: tag, name } of sample) {
        expect(tag).toBe(rule);
        expect(breaksExactly(name, rule)).toBe(true);
        expect(legacyDnsClean(name)).toBe(true);
        if (!mayLackRunId(rule)) expect(name).toContain(runId);
        if (rule === 'ip-address') expect(isStrictIpv4(name)).toBe(true);
      }
      if (rule === 'length') {
        expect(sample.some((s) => s.name.length <= 2)).toBe(true);
        expect(sample.some((s) => s.name.length >= 64 && s.name.includes(runId))).toBe(true);
      }
    });
  }
  test('a failure shrinks to the smallest name that shows it', () => {
    const out = fc.check(
      fc.property(bucketNameBreaking('xn-prefix', runId), () => false),
      { seed: 1 },
    );
    expect(out.failed).toBe(true);
    expect((out.counterexample?.[0] as { name: string } | undefined)?.name).toBe(`xn--${runId}`);
    const long = fc.check(
      fc.property(bucketNameBreaking('length', runId), ({ name }) => name.length < 64),
      { seed: 1 },
    );
    expect((long.counterexample?.[0] as { name: string } | undefined)?.name.length).toBe(64);
  });
});
