import { describe, expect, test } from 'vitest';
import { ROOT } from '../e2e/run.ts';
import { filesForOnly, indexSuites, scanIds, type FileIds } from './select.ts';

const index: FileIds[] = [
  { file: 'suites/object/PutObject.test.ts', ...scanIds("check({ id: 'PutObject/a', spec: '#x' });\nproperty({\n  id: 'PutObject/round-trip' });") },
  { file: 'suites/object/GetObject.test.ts', ...scanIds("check({ id: 'GetObject/range', spec: '#x' });") },
  { file: 'suites/naming/Rules.test.ts', ...scanIds('for (const r of rules) check({ id: `CreateBucket/name-rule-${r}` });') },
  { file: 'suites/odd.test.ts', ...scanIds('check({ id: idOf(x) });') },
  { file: 'suites/object/Table.test.ts', ...scanIds("const rows = [{ id: 'CopyObject/t1' }, { id: 'CopyObject/t2' }];\nfor (const r of rows) check({ id: r.id });") },
];

describe('--only narrows the suite files', () => {
  test('literal ids select their file; a file of opaque ids is always kept', () => {
    expect(filesForOnly(index, ['PutObject/'])).toEqual(['suites/object/PutObject.test.ts', 'suites/odd.test.ts']);
    expect(filesForOnly(index, ['GetObject/range', 'PutObject/round'])).toEqual(['suites/object/PutObject.test.ts', 'suites/object/GetObject.test.ts', 'suites/odd.test.ts']);
  });
  test('literal ids in a table select its file; its opaque check({ id: row.id }) does not keep it for other selections', () => {
    expect(filesForOnly(index, ['CopyObject/t2'])).toEqual(['suites/odd.test.ts', 'suites/object/Table.test.ts']);
    expect(filesForOnly(index, ['GetObject/'])).not.toContain('suites/object/Table.test.ts');
  });
  test('template ids match by their static head, both ways', () => {
    expect(filesForOnly(index, ['CreateBucket/name-rule-xn'])).toContain('suites/naming/Rules.test.ts');
    expect(filesForOnly(index, ['CreateBucket'])).toContain('suites/naming/Rules.test.ts');
    expect(filesForOnly(index, ['CreateBucket/duplicate'])).not.toContain('suites/naming/Rules.test.ts');
  });
  test('no prefix: every file', () => {
    expect(filesForOnly(index, [])).toBeUndefined();
  });
  test('the real suites: every file is indexed and a one-operation selection is small', () => {
    const real = indexSuites(ROOT);
    expect(real.length).toBeGreaterThan(20);
    const sel = filesForOnly(real, ['DeleteObject/']) ?? [];
    expect(sel).toContain('suites/object/DeleteObject.test.ts');
    expect(sel.length).toBeLessThan(real.length / 2);
  });
});
