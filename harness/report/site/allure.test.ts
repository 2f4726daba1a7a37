/**
 * The Allure report builds offline from a tiny allure-vitest result (fixtures/reports/allure-results),
 * with the target as environment and known deviations marked. Runs the real Allure 3 CLI (~3 s).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { findAllureDirs, generateAllure } from './allure.ts';

const work = mkdtempSync(join(tmpdir(), 's3c-allure-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const FIX = join('fixtures', 'reports');

describe('npm run report:allure', () => {
  test('finds <target>/ result directories', () => {
    expect(findAllureDirs([join(FIX, 'allure-results')])).toEqual([{ target: 'embedded', dir: join(FIX, 'allure-results', 'embedded') }]);
    expect(findAllureDirs([join(FIX, 'allure-results', 'embedded')])).toHaveLength(1);
  });

  test('builds the report with the target as environment and known deviations marked', () => {
    const out = join(work, 'report');
    const r = generateAllure({ inputs: [join(FIX, 'allure-results')], out, reportsDir: join(FIX, 'current'), staging: join(work, 'staging') });
    console.log(`[allure] ${r.message}`);
    expect(r.code, r.message).toBe(0);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    const env = JSON.parse(readFileSync(join(out, 'widgets', 'allure_environment.json'), 'utf8')) as Array<{ name: string; values: string[] }>;
    expect(env).toContainEqual({ name: 'target', values: ['embedded'] });
    expect(env).toContainEqual({ name: 'embedded.endpoint', values: ['127.0.0.1:43061'] });
    const envs = JSON.parse(readFileSync(join(out, 'widgets', 'environments.json'), 'utf8')) as Array<{ id: string }>;
    expect(envs.map((e) => e.id)).toContain('embedded');
    const dir = join(out, 'data', 'test-results');
    const [file] = readdirSync(dir);
    const tr = JSON.parse(readFileSync(join(dir, file as string), 'utf8')) as { known: boolean; labels: Array<{ name: string; value: string }>; environment?: string };
    expect(tr.known).toBe(true);
    expect(tr.labels).toContainEqual({ name: 'target', value: 'embedded' });
    expect(tr.labels).toContainEqual({ name: 'story', value: 'CreateBucket/duplicate-same-owner' });
    expect(tr.labels).toContainEqual({ name: 'tag', value: 'known-deviation' });
  }, 60_000);

  test('no results: exit 2 with a clear message', () => {
    mkdirSync(join(work, 'empty'));
    const r = generateAllure({ inputs: [join(work, 'empty'), join(work, 'absent')], out: join(work, 'none') });
    expect(r.code).toBe(2);
    expect(r.message).toMatch(/no Allure results in .*npm run conformance/);
  });
});
