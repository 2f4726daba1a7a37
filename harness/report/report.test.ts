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
  test('markdown: a table per operation and the failures with expected/observed', () => {
    const md = renderMarkdown(r);
    expect(md).toContain('| PutObject | 1 | 0 | 1 | 0 | 0 | 0 |');
    expect(md).toContain('400 BadDigest');
    expect(md).toContain('Known deviations (1)');
  });
  test('html: self-contained, escaped, one row per check', () => {
    const html = renderHtml(r);
    expect(html).not.toMatch(/<script[^>]*src=/);
    expect(html).not.toMatch(/<link[^>]*href=/);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect((html.match(/<tr class="row /g) ?? []).length).toBe(8);
    expect(html).toContain('known &lt;b&gt;bug&lt;/b&gt;');
  });
});
