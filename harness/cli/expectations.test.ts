import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { failureSignature, pin } from './expectations.ts';
import type { ResultsFile } from '../report/schema.ts';

describe('pinning how a known deviation fails', () => {
  test('signature: status and code first, else the failed assertion, never volatile values', () => {
    expect(failureSignature({ kind: 'scenario', error: { message: 'x', observed: '409 BucketAlreadyExists (The requested bucket already exists)' } })).toBe('409 BucketAlreadyExists');
    expect(failureSignature({ kind: 'scenario', error: { message: 'header x-amz-request-id\n  expected: …', observed: '(absent)' } })).toBe('header x-amz-request-id ⇒ (absent)');
    // A count may depend on the account: the assertion alone.
    expect(failureSignature({ kind: 'scenario', error: { message: 'number of Bucket elements\n', observed: '13' } })).toBe('number of Bucket elements');
    expect(failureSignature({ kind: 'scenario', error: { message: '<Error><Key>\n', observed: '"missing/Ã© ?#+&<key>"' } })).toBe('<Error><Key> ⇒ "missing/Ã© ?#+&<key>"');
    // The field's name is stable; an upload id in the assertion is not.
    expect(failureSignature({ kind: 'scenario', error: { message: 'Error/UploadId\n  expected: "s3c1"', observed: '(absent)' } })).toBe('Error/UploadId ⇒ (absent)');
    expect(failureSignature({ kind: 'scenario', error: { message: 'upload id abc listed\n', observed: 'true' } })).toBeUndefined();
    expect(failureSignature({ kind: 'scenario', error: { message: 'bucket s3c-tp2at7zcb-3n12 listed\n', observed: 'true' } })).toBeUndefined();
    expect(failureSignature({ kind: 'property', error: { message: 'property failed', observed: '400 X' } })).toBeUndefined();
    expect(failureSignature({ kind: 'scenario', error: { message: 'PutObject: the target accepted\n', observed: '200 success' } })).toBe('PutObject: the target accepted');
  });
  test('pins exact entries, keeps comments, leaves patterns and pinned entries alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 's3c-pin-'));
    mkdirSync(join(dir, 't'));
    writeFileSync(join(dir, 't', 'a.yaml'), '# comment kept\ntarget: t\nchecks:\n  A/one:\n    expected: fail\n    reason: r1 # inline\n  B/*:\n    expected: fail\n    reason: r2\n');
    const results = {
      run: { target: 't' },
      results: [
        { id: 'A/one', kind: 'scenario', verdict: 'known-deviation', error: { message: 'm', observed: '403 AccessDenied' } },
        { id: 'B/two', kind: 'scenario', verdict: 'known-deviation', error: { message: 'm', observed: '400 X' } },
      ],
    } as unknown as ResultsFile;
    const r = pin(results, dir);
    expect(r.pinned.map((p) => p.id)).toEqual(['A/one']);
    expect(r.skipped).toEqual([{ id: 'B/two', why: 'matched by a pattern entry' }]);
    const text = readFileSync(join(dir, 't', 'a.yaml'), 'utf8');
    expect(text).toContain('# comment kept');
    expect(text).toContain('# inline');
    expect(text).toMatch(/A\/one:\n {4}expected: fail\n {4}reason: r1 # inline\n {4}observed: 403 AccessDenied/);
  });
  test('a target that shares expectations (swift-container → swift-local) pins into the shared file', () => {
    const dir = mkdtempSync(join(tmpdir(), 's3c-pin-'));
    mkdirSync(join(dir, 'swift-local'));
    writeFileSync(join(dir, 'swift-local', 'a.yaml'), 'target: swift-local\nchecks:\n  A/one:\n    expected: fail\n    reason: r1\n');
    const results = {
      run: { target: 'swift-container' },
      results: [{ id: 'A/one', kind: 'scenario', verdict: 'known-deviation', error: { message: 'm', observed: '403 AccessDenied' } }],
    } as unknown as ResultsFile;
    const r = pin(results, dir);
    expect(r.pinned).toEqual([{ id: 'A/one', observed: '403 AccessDenied', file: join(dir, 'swift-local', 'a.yaml') }]);
    expect(readFileSync(join(dir, 'swift-local', 'a.yaml'), 'utf8')).toContain('observed: 403 AccessDenied');
  });
  test('refine: a pin naming only the assertion gains the observed value; other pins stay', () => {
    const dir = mkdtempSync(join(tmpdir(), 's3c-pin-'));
    mkdirSync(join(dir, 't'));
    writeFileSync(join(dir, 't', 'a.yaml'), 'target: t\nchecks:\n  A/one:\n    expected: fail\n    reason: r1\n    observed: <Error><Key>\n  A/two:\n    expected: fail\n    reason: r2\n    observed: 405 MethodNotAllowed\n  A/three:\n    expected: fail\n    reason: r3\n    observed: number of Bucket elements\n');
    const results = {
      run: { target: 't' },
      results: [
        { id: 'A/one', kind: 'scenario', verdict: 'known-deviation', expectation: { expected: 'fail', observed: '<Error><Key>' }, error: { message: '<Error><Key>\n  expected: "k"', observed: '(absent)' } },
        { id: 'A/two', kind: 'scenario', verdict: 'known-deviation', expectation: { expected: 'fail', observed: '405 MethodNotAllowed' }, error: { message: 'wrong status', observed: '405 MethodNotAllowed' } },
        { id: 'A/three', kind: 'scenario', verdict: 'known-deviation', expectation: { expected: 'fail', observed: 'number of Bucket elements' }, error: { message: 'number of Bucket elements\n', observed: '13' } },
      ],
    } as unknown as ResultsFile;
    expect(pin(results, dir).pinned).toEqual([]);
    expect(pin(results, dir, { refine: true }).pinned.map((p) => [p.id, p.observed])).toEqual([['A/one', '<Error><Key> ⇒ (absent)']]);
    expect(readFileSync(join(dir, 't', 'a.yaml'), 'utf8')).toContain('observed: <Error><Key> ⇒ (absent)');
  });
});
