import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../e2e/run.ts';
import { doc, evidenceProblems, peer, recorded } from './evidence.ts';

const RECORDINGS = JSON.parse(readFileSync(join(ROOT, 'fixtures/data/aws-recorded/s3.json'), 'utf8')) as {
  tests: Array<{ test: string; responses: Record<string, unknown> }>;
};
const KNOWN = new Set(RECORDINGS.tests.flatMap((t) => Object.keys(t.responses).map((n) => `${t.test}#${n}`)));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : n.endsWith('.ts') ? [p] : [];
  });
}

describe('evidence policy', () => {
  test('a required check needs aws-recorded or aws-doc evidence', () => {
    expect(evidenceProblems('required', [])).toHaveLength(1);
    expect(evidenceProblems('required', [peer('https://github.com/ceph/ceph/pull/15630', 'AWS deletes the bucket')])[0]).toContain('needs aws-recorded or aws-doc');
    expect(evidenceProblems('optional', [peer('https://github.com/ceph/ceph/pull/15630', 'AWS deletes the bucket')])).toEqual([]);
    expect(evidenceProblems('required', [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html', 'a sentence')])).toEqual([]);
    expect(evidenceProblems('required', [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_x[a b/]#snap-1')])).toEqual([]);
  });
  test('malformed evidence is refused', () => {
    expect(evidenceProblems('optional', [doc('https://example.com/x', 'q')])[0]).toContain('docs.aws.amazon.com');
    expect(evidenceProblems('optional', [doc('https://docs.aws.amazon.com/x', '')])[0]).toContain('quote');
    expect(evidenceProblems('optional', [recorded('test_x#snap')])[0]).toContain('<test>#<snapshot name>');
    expect(evidenceProblems('optional', [peer('not a url', 'n')])[0]).toContain('URL');
  });
  test('every aws-recorded ref in the suites and docs names a recorded response', () => {
    const files = [...sources(join(ROOT, 'suites')), ...sources(join(ROOT, 'docs'))];
    const refs = files.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/recorded\(\s*'([^']+)'/g)].map((m) => ({ file: f.slice(ROOT.length + 1), ref: m[1] as string })),
    );
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((r) => !KNOWN.has(r.ref))).toEqual([]);
  });
});

describe('docs examples compile and match the docs', () => {
  test('the example in docs/WRITING-CHECKS.md is docs/examples/DeleteObject.example.ts, which typecheck compiles', () => {
    const md = readFileSync(join(ROOT, 'docs/WRITING-CHECKS.md'), 'utf8');
    const block = /```ts\n([\s\S]*?)```/.exec(md)?.[1];
    expect(block).toBe(readFileSync(join(ROOT, 'docs/examples/DeleteObject.example.ts'), 'utf8'));
  });
});
