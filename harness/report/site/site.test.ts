import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { main } from '../../cli/report.ts';
import { buildSite, renderSite, scriptSafeJson } from './build.ts';
import { loadRuns, findResultsFiles, ReportInputError } from './load.ts';
import { buildModel, CELL_VERDICTS, runPagePath } from './model.ts';
import { entry, fileOf, runInfo, syntheticRuns } from './synthetic.ts';

const work = mkdtempSync(join(tmpdir(), 's3c-site-unit-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const FIX = join('fixtures', 'reports');
const verdictsOf = (v: number[]): string[] => v.map((i) => CELL_VERDICTS[i] as string);

describe('model', () => {
  const runs = loadRuns([join(FIX, 'current')]);
  const m = buildModel(runs);
  test('one row per check, one column per target, complete runs ranked by required score', () => {
    // Required pass share: swift-local 6/8, rgw-local 5/7, embedded 5/8.
    expect(m.targets.map((t) => t.name)).toEqual(['swift-local', 'rgw-local', 'embedded']);
    expect(m.targets.map((t) => t.display)).toEqual(['swift-local', 'rgw-local', 'embedded']);
    expect(m.targets[1]?.description).toContain('radosgw');
    expect(m.checks).toHaveLength(10);
    expect(m.areas.map((a) => a.area)).toEqual(['bucket', 'object', 'listing', 'auth']);
  });
  test('a check a run lacks is "not run", distinct from skipped; a failing optional check is its own verdict', () => {
    const c = m.checks.find((x) => x.id === 'ListObjectsV2/start-after');
    expect(verdictsOf(c?.v ?? [])).toEqual(['pass', 'not-run', 'pass']);
    expect(c?.d[1]).toBe(0);
    expect(m.targets[1]?.counts['not-run']).toBe(1);
    const o = m.checks.find((x) => x.id === 'GetObject/range-suffix');
    expect(verdictsOf(o?.v ?? [])).toEqual(['skipped', 'fail-optional', 'error']);
    expect(m.targets[1]?.counts['fail-optional']).toBe(1);
    expect(m.targets[1]?.counts.fail).toBe(1);
  });
  test('scores are pass / judged per level (skipped and not-run excluded, a known deviation does not pass)', () => {
    const emb = m.targets.find((t) => t.name === 'embedded');
    expect(emb?.required).toEqual({ pass: 5, judged: 8 });
    expect(emb?.optional).toEqual({ pass: 0, judged: 1 });
    expect(emb?.ran).toBe(10);
    expect(m.opStats.PutBucketAcl?.[2]).toEqual({ req: { pass: 0, judged: 0 }, opt: { pass: 0, judged: 0 }, support: 'untested' });
    expect(m.opStats.CreateBucket?.[2]).toMatchObject({ req: { pass: 1, judged: 2 }, support: 'partial' });
    expect(m.opStats.HeadBucket?.map((x) => x.support)).toEqual(['none', 'full', 'full']);
    expect(m.areaStats.auth?.[1]).toMatchObject({ req: { pass: 0, judged: 1 }, support: 'none' });
  });
  test('details carry the field, expected/observed, what the server sent, the wire and the property', () => {
    const c = m.checks.find((x) => x.id === 'PutObject/roundtrip-any-key');
    const d = c?.d[0];
    expect(d && d.observed).toBe('404 NoSuchKey');
    expect(d && d.wire).toContain('< 404');
    expect(d && d.server).toMatch(/^GET → 404 NoSuchKey/);
    expect(d && d.property?.counterexample).toBe('["a/b", {"size":0}]');
    expect(c?.ev.map((e) => e.kind)).toEqual(['aws-doc']);
  });
  test('an interrupted newer run is a marked column after the complete ones; a non-S3 run is no column', () => {
    const all = loadRuns([join(FIX, 'current'), join(FIX, 'partial'), join(FIX, 'nons3'), join(FIX, 'baseline')]);
    const mm = buildModel(all);
    expect(mm.targets.map((t) => [t.name, t.state.kind])).toEqual([
      ['swift-local', 'complete'], ['rgw-local', 'complete'], ['embedded', 'complete'], ['swift-local (synth0003)', 'aborted'],
    ]);
    const part = mm.targets[3];
    // Its required score is higher than some complete column's, and it still ranks last.
    expect((part?.required.pass ?? 0) / (part?.required.judged ?? 1)).toBeGreaterThan(5 / 8);
    expect(part?.state.detail).toContain('4 of 10 checks ran');
    expect(mm.targets[0]?.note).toContain('newer aborted run');
    expect(mm.excluded.map((x) => [x.display, x.reason])).toEqual([['unnamed S3 endpoint', expect.stringContaining('not an S3 endpoint')]]);
    expect(mm.targets.some((t) => t.target === '127-0-0-1-4569')).toBe(false);
    // History: every target with more than one run; changes between consecutive runs that both ran the check.
    expect(mm.history.map((h) => [h.target, h.runs.length])).toEqual([['embedded', 2], ['rgw-local', 2], ['swift-local', 3]]);
    const rgw = mm.history.find((h) => h.target === 'rgw-local');
    expect(rgw?.steps[0]?.changes.map((c) => [c.id, c.from, c.to, c.kind])).toEqual([
      ['GetObject/range-suffix', 'pass', 'fail-optional', 'regression'],
      ['SigV4/expired-date-403', 'pass', 'fail', 'regression'],
      ['CreateBucket/invalid-name-400', 'fail', 'pass', 'fix'],
      ['PutObject/content-md5-mismatch', 'pass', 'known-deviation', 'deviation'],
    ]);
    const swift = mm.history.find((h) => h.target === 'swift-local');
    expect(swift?.runs.map((r) => r.state.kind)).toEqual(['complete', 'complete', 'aborted']);
    expect(swift?.steps[1]?.changes).toEqual([]); // the 4 checks the interrupted run judged did not change; the rest did not run
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

  test('the site writes each run\'s own page', () => {
    const runs = loadRuns([join(FIX, 'current')]);
    const out = join(work, 'pages');
    buildSite(runs, out);
    for (const r of runs) expect(readFileSync(join(out, runPagePath(r)), 'utf8')).toContain('href="../../index.html"');
  });

  test('2,000 checks × 10 targets build within bounds', () => {
    const runs = syntheticRuns(2000, 10);
    const stats = buildSite(runs, join(work, 'big'));
    console.log(`[site] build 2000×10 (index + 10 run pages): ${stats.ms} ms, ${(stats.bytes / 1024 / 1024).toFixed(1)} MiB`);
    expect(stats.checks).toBe(2000);
    expect(stats.targets).toBe(10);
    // Idle: ~2 s. Bound for a 2-core machine shared by a dozen jobs.
    expect(stats.ms).toBeLessThan(60_000);
  }, 120_000);
});

describe('inputs', () => {
  test('a folder: every results.json below it; a link to a run already found is read once', () => {
    expect(findResultsFiles(join(FIX, 'current'))).toHaveLength(3);
    expect(findResultsFiles(join(FIX, 'current', 'embedded'))).toEqual([join(FIX, 'current', 'embedded', 'results.json')]);
    expect(() => findResultsFiles(join(FIX, 'nope'))).toThrow(ReportInputError);
    // reports/<target>/<runId>/ with reports/<target>/latest and the copy reports/<target>/results.json.
    const root = join(work, 'reports');
    for (const [d, id] of [['baseline', 'synth0000'], ['current', 'synth0002']] as const) {
      mkdirSync(join(root, 'swift-local', id), { recursive: true });
      cpSync(join(FIX, d, 'swift-local', 'results.json'), join(root, 'swift-local', id, 'results.json'));
    }
    symlinkSync('synth0002', join(root, 'swift-local', 'latest'));
    cpSync(join(FIX, 'current', 'swift-local', 'results.json'), join(root, 'swift-local', 'results.json'));
    expect(findResultsFiles(root)).toHaveLength(3); // the copy is a file of its own, the link is not
    expect(loadRuns([root]).map((r) => r.run.runId).sort()).toEqual(['synth0000', 'synth0002']);
  });
  test('runs of one target keep their name (the model makes the columns and the history)', () => {
    const f = join(FIX, 'current', 'embedded', 'results.json');
    expect(loadRuns([f, join(FIX, 'baseline', 'embedded'), f]).map((r) => r.run.target)).toEqual(['embedded', 'embedded']);
  });
  test('a file that is not results.json v2 is refused', () => {
    const bad = join(work, 'bad.json');
    writeFileSync(bad, JSON.stringify({ schemaVersion: 9 }));
    expect(() => loadRuns([bad])).toThrow(/not a results.json of schema version 2/);
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
  test('a folder of past runs: the history, each run\'s page, excluded runs named', () => {
    const out = join(work, 'site-hist');
    const r = run([FIX, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/history of 3 targets/);
    expect(r.err).toContain('not judged: unnamed S3 endpoint');
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('id="history"');
    expect(existsSync(join(out, 'runs', 'swift-local'))).toBe(true);
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
