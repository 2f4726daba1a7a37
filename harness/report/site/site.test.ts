import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { main } from '../../cli/report.ts';
import { buildSite, renderSite, scriptSafeJson } from './build.ts';
import { loadRuns, findResultsFiles, ReportInputError } from './load.ts';
import { buildModel, CELL_VERDICTS } from './model.ts';
import { entry, fileOf, runInfo, syntheticRuns } from './synthetic.ts';

const work = mkdtempSync(join(tmpdir(), 's3c-site-unit-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const FIX = join('fixtures', 'reports');

describe('model', () => {
  const runs = loadRuns([join(FIX, 'current')]);
  const m = buildModel(runs);
  test('one row per check, one column per target, grouped by area then operation', () => {
    expect(m.targets.map((t) => t.name)).toEqual(['embedded', 'rgw-local', 'swift-local']);
    expect(m.checks).toHaveLength(10);
    expect(m.areas.map((a) => a.area)).toEqual(['bucket', 'object', 'listing', 'auth']);
    const order = m.checks.map((c) => `${c.area}/${c.op}`);
    expect(order.filter((x, i) => x !== order[i - 1])).toEqual(m.areas.flatMap((a) => a.ops.map((o) => `${a.area}/${o}`)));
  });
  test('a check a run lacks is "missing", distinct from skipped', () => {
    const c = m.checks.find((x) => x.id === 'ListObjectsV2/start-after');
    expect(c?.v.map((i) => CELL_VERDICTS[i])).toEqual(['pass', 'missing', 'pass']);
    expect(c?.d[1]).toBe(0);
    expect(m.targets[1]?.counts.missing).toBe(1);
  });
  test('compatibility %: pass ÷ judged per level, skipped and missing excluded', () => {
    const emb = m.targets[0];
    // embedded required: 8 judged (dev, pass, pass, xpass, pass, pass, FAIL, pass) → 5 pass
    expect(emb?.requiredPct).toBe(62.5);
    // embedded optional: canned-private skipped, range-suffix error → 0 of 1
    expect(emb?.optionalPct).toBe(0);
    expect(m.opStats.PutBucketAcl?.[0]).toEqual({ reqPass: 0, reqJudged: 0, optPass: 0, optJudged: 0 });
    expect(m.opStats.CreateBucket?.[0]).toEqual({ reqPass: 1, reqJudged: 2, optPass: 0, optJudged: 0 });
  });
  test('details carry expected/observed, the formatted wire and the property', () => {
    const c = m.checks.find((x) => x.id === 'PutObject/roundtrip-any-key');
    const d = c?.d[2];
    expect(d && d.observed).toBe('404 NoSuchKey');
    expect(d && d.wire).toContain('< 404');
    expect(d && d.property?.counterexample).toBe('["a/b", {"size":0}]');
  });
});

describe('page', () => {
  test('data cannot close the script element; a CSP forbids any fetch', () => {
    const evil = fileOf(runInfo('t</script><script>alert(1)</script>'), [entry('PutObject/x', 'fail', { title: '</script><!-- \u2028' })]);
    const html = renderSite(buildModel([evil]));
    const data = html.slice(html.indexOf('id="s3c-data"'));
    expect(data.slice(0, data.indexOf('</script>'))).not.toMatch(/<\/?script|<!--/i);
    expect(html).toContain('t&lt;/script&gt;');
    expect(html).toMatch(/http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;/);
    expect(JSON.parse(scriptSafeJson({ s: '</script>&\u2028' }))).toEqual({ s: '</script>&\u2028' });
  });

  test('2,000 checks × 10 targets build within bounds', () => {
    const runs = syntheticRuns(2000, 10);
    const stats = buildSite(runs, join(work, 'big'));
    console.log(`[site] build 2000×10: ${stats.ms} ms, ${(stats.bytes / 1024 / 1024).toFixed(1)} MiB`);
    expect(stats.checks).toBe(2000);
    expect(stats.targets).toBe(10);
    expect(stats.ms).toBeLessThan(15_000);
  });
});

describe('inputs', () => {
  test('a directory of <target>/results.json, a results.json, or a file', () => {
    expect(findResultsFiles(join(FIX, 'current'))).toHaveLength(3);
    expect(findResultsFiles(join(FIX, 'current', 'embedded'))).toEqual([join(FIX, 'current', 'embedded', 'results.json')]);
    expect(() => findResultsFiles(join(FIX, 'nope'))).toThrow(ReportInputError);
  });
  test('two runs of one target get distinct columns', () => {
    const f = join(FIX, 'current', 'embedded', 'results.json');
    expect(loadRuns([f, join(FIX, 'baseline', 'embedded')]).map((r) => r.run.target)).toEqual(['embedded', 'embedded#2']);
  });
  test('a file that is not results.json v1 is refused', () => {
    const bad = join(work, 'bad.json');
    writeFileSync(bad, JSON.stringify({ schemaVersion: 9 }));
    expect(() => loadRuns([bad])).toThrow(/not a results.json of schema version 1/);
  });
});

describe('npm run report', () => {
  function run(args: string[]): { code: number; out: string; err: string } {
    let out = '';
    let err = '';
    const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
    try {
      return { code: main(args), out, err };
    } finally {
      o.mockRestore();
      e.mockRestore();
    }
  }
  test('builds the site from results files', () => {
    const out = join(work, 'site1');
    const r = run([join(FIX, 'current', 'embedded', 'results.json'), join(FIX, 'current', 'swift-local'), '--out', out]);
    expect(r.code).toBe(0);
    expect(r.err).toContain('10 checks × 2 targets');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('id="s3c-data"');
  });
  test('--baseline/--current: Markdown on stdout and --md-out, diff in the site, --fail-on-regression', () => {
    const out = join(work, 'site2');
    const md = join(work, 'diff.md');
    const r = run(['--baseline', join(FIX, 'baseline'), '--current', join(FIX, 'current'), '--out', out, '--md-out', md, '--fail-on-regression']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('**swift-local regressed on 1 check**');
    expect(readFileSync(md, 'utf8')).toBe(r.out);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('Changes since the baseline');
    expect(readFileSync(join(out, 'diff.md'), 'utf8')).toBe(r.out);
  });
  test('bad input exits 2 with a message', () => {
    mkdirSync(join(work, 'empty'), { recursive: true });
    expect(run([]).code).toBe(2);
    expect(run([join(work, 'empty'), '--out', join(work, 'x')]).err).toContain('no results.json found');
    expect(run(['--baseline', join(FIX, 'baseline')]).err).toContain('--baseline and --current go together');
  });
});
