import { describe, expect, test } from 'vitest';
import { applyOptionsToEnv, buildProgram, helpText, testNamePattern, validateOptions, type CliOptions } from './conformance-options.ts';

function parse(argv: string[]): { opts: CliOptions; args: string[] } {
  const p = buildProgram().exitOverride();
  p.parse(['node', 'conformance', ...argv]);
  return { opts: p.opts<CliOptions>(), args: p.args };
}

describe('conformance CLI options', () => {
  test('--only selects by id prefix, escaped', () => {
    const p = new RegExp(testNamePattern({ only: ['PutObject', 'GetObject/range.'] }) ?? '');
    expect(p.test('PutObject/content-md5 — t')).toBe(true);
    expect(p.test('GetObject/range. — t')).toBe(true);
    expect(p.test('GetObject/rangeX — t')).toBe(false);
    expect(p.test('HeadObject/x — PutObject')).toBe(false);
  });
  test('--grep and --only together must both match', () => {
    const p = new RegExp(testNamePattern({ only: ['PutObject'], grep: 'md5' }) ?? '');
    expect(p.test('PutObject/content-md5 — t')).toBe(true);
    expect(p.test('PutObject/other — t')).toBe(false);
    expect(testNamePattern({})).toBeUndefined();
  });
  test('options map to S3C_ variables', () => {
    const env: NodeJS.ProcessEnv = {};
    applyOptionsToEnv({ target: 'swift-local', seed: '5', numRuns: '3', reportDir: 'r', concurrency: '2' }, env);
    expect(env).toMatchObject({ S3C_TARGET: 'swift-local', S3C_SEED: '5', S3C_NUM_RUNS: '3', S3C_REPORT_DIR: 'r', S3C_CONCURRENCY: '2' });
  });
  test('--only takes one value per flag: a file filter after it stays a file filter', () => {
    expect(parse(['--only', 'HeadBucket', 'suites/object'])).toEqual({ opts: { only: ['HeadBucket'] }, args: ['suites/object'] });
    expect(parse(['--only', 'A', '--only', 'B,C']).opts.only).toEqual(['A', 'B', 'C']);
    expect(parse(['--list']).opts.list).toBe(true);
  });
  test('usage errors found before anything runs (exit 2)', () => {
    expect(validateOptions({ grep: '(' })).toMatch(/--grep: "\(" is not a valid regular expression/);
    expect(validateOptions({ shard: '5/4' })).toMatch(/--shard: 5\/4/);
    expect(validateOptions({ shard: '0/4' })).toMatch(/--shard/);
    expect(validateOptions({ shard: 'x' })).toMatch(/--shard: expected/);
    expect(validateOptions({ only: ['PutObjekt'] })).toMatch(/--only PutObjekt: no check id starts with "PutObjekt".*did you mean PutObject\?/);
    expect(validateOptions({ only: ['Nope/x'] })).toMatch(/--only Nope\/x/);
    expect(validateOptions({ only: ['Put', 'CreateBucket/duplicate'], grep: 'md5', shard: '2/4' })).toBeUndefined();
  });
  test('--help lists exit codes, targets, variables and --list', () => {
    const h = buildProgram().helpInformation() + helpText();
    for (const s of ['--list', 'Exit codes:', '  130', '  3 ', 'rgw-local', 'S3C_TARGET', 'AWS_ENDPOINT_URL_S3', 'S3C_REPORT_DIR']) expect(h).toContain(s);
  });
});
