import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { classify, diffRuns, renderDiffMarkdown } from './diff.ts';
import { loadRuns } from './site/load.ts';
import { entry, fileOf, runInfo } from './site/synthetic.ts';

describe('classify', () => {
  test.each([
    ['pass', 'fail', 'regression'],
    ['pass', 'error', 'regression'],
    ['pass', 'unexpected-pass', 'regression'],
    ['known-deviation', 'fail', 'regression'],
    ['skipped', 'fail', 'regression'],
    ['fail', 'pass', 'fix'],
    ['error', 'pass', 'fix'],
    ['pass', 'known-deviation', 'deviation'],
    ['known-deviation', 'pass', 'deviation'],
    ['known-deviation', 'unexpected-pass', 'deviation'],
    ['fail', 'known-deviation', 'deviation'],
    ['missing', 'pass', 'added'],
    ['fail', 'missing', 'removed'],
    ['fail', 'error', 'other'],
    ['pass', 'skipped', 'other'],
    ['fail', 'skipped', 'other'],
  ] as const)('%s → %s is %s', (from, to, kind) => {
    expect(classify(from, to)).toBe(kind);
  });
  test('no change is no change', () => {
    expect(classify('fail', 'fail')).toBeUndefined();
  });
});

describe('diffRuns', () => {
  test('the fixtures: regressions and fixes per target', () => {
    const d = diffRuns(loadRuns([join('fixtures', 'reports', 'baseline')]), loadRuns([join('fixtures', 'reports', 'current')]));
    const by = Object.fromEntries(d.targets.map((t) => [t.target, t]));
    expect(d.regressions).toBe(3);
    expect(d.fixes).toBe(1);
    expect(by['swift-local']?.changes.map((c) => [c.id, c.kind])).toEqual([['HeadBucket/missing-404', 'regression']]);
    expect(by['rgw-local']?.changes.map((c) => [c.id, c.from, c.to, c.kind])).toEqual([
      ['GetObject/range-suffix', 'pass', 'fail', 'regression'],
      ['SigV4/expired-date-403', 'pass', 'fail', 'regression'],
      ['CreateBucket/invalid-name-400', 'fail', 'pass', 'fix'],
      ['PutObject/content-md5-mismatch', 'pass', 'known-deviation', 'deviation'],
    ]);
    expect(by.embedded?.counts).toMatchObject({ regression: 0, added: 1, other: 1 });
  });

  test('Markdown names the regressed target and count, and escapes table cells', () => {
    const before = [fileOf(runInfo('KR2', { finishedAt: '2026-11-24T03:00:00.000Z' }), ['a', 'b', 'c', 'd'].map((s) => entry(`PutObject/${s}`, 'pass')))];
    const after = [
      fileOf(runInfo('KR2'), [
        entry('PutObject/a', 'fail', { error: { message: 'x', observed: '500 | <b>boom</b>\nmore' } }),
        entry('PutObject/b', 'error'),
        entry('PutObject/c', 'fail'),
        entry('PutObject/d', 'pass'),
      ]),
    ];
    const d = diffRuns(before, after);
    const md = renderDiffMarkdown(d);
    expect(md).toContain('**KR2 regressed on 3 checks** since 2026-11-24 03:00:00Z');
    expect(md).toContain('#### ❌ Regressions (3)');
    expect(md).toContain('500 \\| &lt;b&gt;boom&lt;/b&gt; more');
    expect(md).not.toContain('Fixes');
  });

  test('a target in one run only is reported, not diffed', () => {
    const d = diffRuns([fileOf(runInfo('old'), [entry('PutObject/a', 'pass')])], [fileOf(runInfo('new'), [entry('PutObject/a', 'fail')])]);
    expect(d.targets.map((t) => [t.target, t.only])).toEqual([['new', 'current'], ['old', 'baseline']]);
    expect(d.regressions).toBe(0);
    expect(renderDiffMarkdown(d)).toContain('**new**: only in the current run');
  });
});
