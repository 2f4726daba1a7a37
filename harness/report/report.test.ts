import { describe, expect, test } from 'vitest';
import type { S3cMeta } from '../check/index.ts';
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import { buildResults, type RawCase } from './results.ts';
import type { RunInfo } from './schema.ts';

const run: RunInfo = {
  target: 't1', profile: 'env', endpointHost: 'h.test:9000', region: 'us-east-1', pathStyle: true, runId: 'abcdef123',
  startedAt: '2026-11-25T00:00:00.000Z', finishedAt: '2026-11-25T00:00:05.000Z', durationMs: 5000, seed: 42, numRuns: 5,
  toolVersion: '0.1.0', node: 'v20', features: { acl: true, sigv2: true, streamingSigv4: true, multipartExtras: true },
  listSettleMs: 0, requests: 10, bytesSent: 100, bytesReceived: 200, throttleRetries: 0, transportErrors: 0, leaks: [], staleExpectations: [],
};

function meta(id: string, extra: Partial<S3cMeta> = {}): S3cMeta {
  const op = id.split('/')[0] as S3cMeta['operation'];
  return { id, operation: op, area: 'object', spec: 'https://docs.aws.amazon.com/x', level: 'required', title: `title of ${id}`, evidence: [], kind: 'scenario', file: 'f', ...extra };
}
function rc(m: S3cMeta, state: RawCase['state'], runnerErrors: string[] = []): RawCase {
  return { meta: m, state, durationMs: 12.4, runnerErrors };
}

const cases: RawCase[] = [
  rc(meta('PutObject/a', { outcome: 'pass' }), 'passed'),
  rc(meta('PutObject/b', { outcome: 'fail', error: { message: 'm', expected: '400 BadDigest', observed: '200 success' } }), 'failed'),
  rc(meta('GetObject/c', { outcome: 'fail', expectation: { expected: 'fail', reason: 'known <b>bug</b>' }, error: { message: 'm', expected: 'x', observed: 'y' } }), 'passed'),
  rc(meta('GetObject/d', { outcome: 'pass', expectation: { expected: 'fail', reason: 'was broken' } }), 'failed'),
  rc(meta('HeadObject/e', { skipReason: 'needs a second user', level: 'optional' }), 'skipped'),
  rc(meta('HeadObject/f', { outcome: 'error', error: { message: 'no answer from the target: ECONNREFUSED' } }), 'failed'),
  rc(meta('HeadObject/g'), 'failed', ['Test timed out in 120000ms']),
  rc(meta('CopyObject/<script>alert(1)</script>', { outcome: 'fail', error: { message: '<img src=x onerror=alert(1)>', expected: '<x>', observed: '</td>' } }), 'failed'),
];

describe('results', () => {
  const r = buildResults(run, cases);
  const by = Object.fromEntries(r.results.map((e) => [e.id, e]));
  test('verdicts from outcome + expectation', () => {
    expect(by['PutObject/a']?.verdict).toBe('pass');
    expect(by['PutObject/b']?.verdict).toBe('fail');
    expect(by['GetObject/c']?.verdict).toBe('known-deviation');
    expect(by['GetObject/d']?.verdict).toBe('unexpected-pass');
    expect(by['GetObject/d']?.error?.message).toContain('update the expectations file');
    expect(by['HeadObject/e']?.verdict).toBe('skipped');
    expect(by['HeadObject/f']?.verdict).toBe('error');
    expect(by['HeadObject/g']?.verdict).toBe('error');
    expect(by['HeadObject/g']?.error?.message).toContain('timed out');
    expect(by['PutObject/b']?.status).toBe('failed');
    expect(by['HeadObject/e']?.status).toBe('skipped');
  });
  test('summary counts and rates', () => {
    expect(r.summary.total).toBe(8);
    expect(r.summary.pass).toBe(1);
    expect(r.summary.fail).toBe(2);
    expect(r.summary['known-deviation']).toBe(1);
    expect(r.summary.byOperation.PutObject).toMatchObject({ pass: 1, fail: 1 });
    expect(r.summary.requiredPassRate).toBeCloseTo(1 / 7);
    expect(r.summary.requiredFail).toBe(2);
    expect(r.summary.optionalFail).toBe(0);
    expect(r.schemaVersion).toBe(2);
  });
  test('stable order: area, operation, id', () => {
    expect(r.results.map((e) => e.id).slice(0, 2)).toEqual(['PutObject/a', 'PutObject/b']);
  });
  test('markdown: a table per operation, x / y scores, the failures with titles and expected/observed, skip reasons', () => {
    const md = renderMarkdown(r);
    expect(md).toContain('| PutObject | partial | 1 / 2 | 0 / 0 | 0 | 1 | 0 | 0 | 0 |');
    expect(md).toContain('**Required: 1 / 7 (14.3%) pass · optional: 0 / 0 pass** · 8 of 8 checks ran');
    expect(md).toContain('| [PutObject/b](https://docs.aws.amazon.com/x)<br>title of PutObject/b | ❌ fail |');
    expect(md).toContain('400 BadDigest');
    expect(md).toContain('Known deviations (1)');
    expect(md).toContain('Skipped and not run (1)');
    expect(md).toContain('| [HeadObject/e](https://docs.aws.amazon.com/x)<br>title of HeadObject/e | needs a second user |');
  });
  test('html: self-contained, escaped, one row per check', () => {
    const html = renderHtml(r);
    expect(html).not.toMatch(/<script[^>]*src=/);
    expect(html).not.toMatch(/<link[^>]*href="(?!data:)/);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect((html.match(/<li class="chk /g) ?? []).length).toBe(8);
    expect(html).toContain('known &lt;b&gt;bug&lt;/b&gt;');
  });
});

describe('how a result reads', () => {
  const sdk = 'PutObject "a//b" (SDK) failed\n  expected: success (2xx)\n  observed: 404 Error (@aws-sdk XML parse error: unexpected content.\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.)';
  const wire = [{ request: { method: 'PUT', url: 'http://h/b/a//b', headers: {}, bodyBytes: 1 }, response: { status: 404, headers: { 'content-type': 'text/plain' }, bodyPreview: 'Not Found', bodyBytes: 9 }, ms: 1 }];
  const r = buildResults({ ...run, aborted: 'interrupted (SIGINT/SIGTERM or cancelled)', complete: false, displayName: 'Example store', description: 'an example' }, [
    rc(meta('PutObject/sdk', { outcome: 'fail', error: { message: sdk, expected: 'success (2xx)', observed: sdk.split('observed: ')[1] as string }, wire }), 'failed'),
    rc(meta('PutObject/opt', { level: 'optional', outcome: 'fail', error: { message: 'header ETag\n  expected: "11"\n  observed: "8"', expected: '"11"', observed: '"8"' } }), 'failed'),
    rc(meta('GetObject/later'), 'skipped'),
  ]);
  test('the server\'s answer replaces the SDK\'s wording; expected/observed say which field', () => {
    const html = renderHtml(r);
    expect(html).not.toContain('$response');
    expect(html).toContain('PUT → 404 · text/plain · 9 B body: Not Found');
    expect(html).toMatch(/<dt>about<\/dt><dd class="field">header ETag<\/dd>/);
    expect(html).toContain('fail (optional)');
    expect(html).toContain('Example store');
    expect(html).toContain('Run stopped early: 2 checks ran before it stopped (3 collected');
    expect(renderHtml(r, { suiteTotal: 304 })).toContain('Run stopped early: 2 of 304 checks ran');
    const md = renderMarkdown(r);
    expect(md).toContain('## S3 conformance: Example store (aborted run)');
    expect(md).toContain('not run: the run stopped early');
    expect(md).toContain('| header ETag | "11" | "8" |');
    expect(md).not.toContain('$response');
    expect(r.summary.optionalFail).toBe(1);
    expect(r.summary.requiredFail).toBe(1);
  });
});
