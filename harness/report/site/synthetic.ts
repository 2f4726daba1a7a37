/**
 * Synthetic results.json files for the site's tests: any number of checks × targets, with every
 * verdict kind, failures with a wire exchange and property counterexamples. Deterministic.
 */
import { OPERATIONS, type Operation } from '../../check/operations.ts';
import type { Verdict } from '../../verdict/verdict.ts';
import type { Exchange } from '../../transport/wire.ts';
import { summarize } from '../results.ts';
import type { ResultEntry, ResultsFile, RunInfo } from '../schema.ts';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function runInfo(target: string, extra: Partial<RunInfo> = {}): RunInfo {
  return {
    target, profile: target, endpointHost: '127.0.0.1:9000', region: 'us-east-1', pathStyle: true, runId: 'synth0001',
    startedAt: '2026-11-25T10:00:00.000Z', finishedAt: '2026-11-25T10:00:20.000Z', durationMs: 20_000, seed: 1234, numRuns: 20,
    toolVersion: '0.1.0', node: 'v20.20.2', features: { acl: true, sigv2: true, streamingSigv4: true, multipartExtras: true },
    listSettleMs: 0, requests: 100, bytesSent: 1000, bytesReceived: 2000, throttleRetries: 0, transportErrors: 0, leaks: [], staleExpectations: [],
    ...extra,
  };
}

export function wireOf(method: string, path: string, status: number, body: string): Exchange[] {
  return [
    {
      request: { method, url: `http://127.0.0.1:9000${path}`, headers: { host: '127.0.0.1:9000', authorization: 'AWS4-HMAC-SHA256 Credential=AKIA…/20261125/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=<redacted>', 'x-amz-date': '20261125T100000Z' }, bodyBytes: 0 },
      response: { status, headers: { 'content-type': 'application/xml', 'x-amz-request-id': 'tx0001' }, bodyPreview: body, bodyBytes: body.length },
      ms: 3,
    },
  ];
}

export function fileOf(run: RunInfo, results: ResultEntry[]): ResultsFile {
  return { schemaVersion: 2, run, summary: summarize(results), results };
}

/** An entry with the fields a given verdict carries in a real run. */
export function entry(id: string, verdict: Verdict, extra: Partial<ResultEntry> = {}): ResultEntry {
  const operation = id.split('/')[0] as string;
  const info = (OPERATIONS as Record<string, { area: ResultEntry['area']; ref: string } | undefined>)[operation];
  const e: ResultEntry = {
    id, operation, area: info?.area ?? 'object', title: `title of ${id}`, level: 'required', spec: `${info?.ref ?? 'https://docs.aws.amazon.com/AmazonS3/latest/API/'}#x`,
    evidence: [{ kind: 'aws-doc', ref: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html', quote: 'synthetic' }],
    kind: 'scenario', file: `suites/${info?.area ?? 'object'}/${operation}.test.ts`,
    status: verdict === 'pass' || verdict === 'unexpected-pass' ? 'passed' : verdict === 'skipped' ? 'skipped' : 'failed',
    verdict, durationMs: 5,
  };
  if (verdict === 'fail' || verdict === 'known-deviation') {
    e.error = { message: `request: wrong status\n  expected: 404 NoSuchKey\n  observed: 200`, expected: '404 NoSuchKey', observed: '200' };
    e.wire = wireOf('GET', `/bucket/${encodeURIComponent(id)}`, 200, '<?xml version="1.0"?><Ok/>');
  }
  if (verdict === 'known-deviation' || verdict === 'unexpected-pass') e.expectation = { expected: 'fail', reason: 'the target answers 200 here (reference-servers.md)' };
  if (verdict === 'unexpected-pass') e.error = { message: 'listed as a known deviation but passed: update the expectations file', expected: 'fail (known deviation)', observed: 'pass' };
  if (verdict === 'error') e.error = { message: 'no answer from the target: ECONNRESET' };
  if (verdict === 'skipped') e.skipReason = 'needs the second user (S3C_ALT_*)';
  return { ...e, ...extra };
}

const MIX: Verdict[] = ['pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'known-deviation', 'fail', 'skipped', 'error', 'unexpected-pass'];

/** `nChecks` checks spread over all operations, for `nTargets` targets (the last one misses 1% of the checks). */
export function syntheticRuns(nChecks: number, nTargets: number, seed = 7): ResultsFile[] {
  const ops = Object.keys(OPERATIONS) as Operation[];
  const runs: ResultsFile[] = [];
  for (let t = 0; t < nTargets; t++) {
    const r = rng(seed + t);
    const results: ResultEntry[] = [];
    for (let i = 0; i < nChecks; i++) {
      if (t === nTargets - 1 && nTargets > 1 && i % 100 === 0) continue;
      const op = ops[i % ops.length] as Operation;
      const id = `${op}/synthetic-${String(i).padStart(5, '0')}`;
      const v = MIX[Math.floor(r() * MIX.length)] as Verdict;
      const extra: Partial<ResultEntry> = { title: `${op} synthetic check ${i} → the documented answer`, level: i % 4 === 3 ? 'optional' : 'required' };
      if (i % 10 === 5) {
        extra.kind = 'property';
        extra.property = v === 'fail' ? { seed: 99, numRuns: 20, runs: 3, shrinks: 4, counterexample: `["key-${i}",0]`, path: '2:0', replay: `S3C_SEED=99 S3C_PATH=2:0` } : { seed: 99, numRuns: 20, runs: 20 };
      }
      results.push(entry(id, v, extra));
    }
    runs.push(fileOf(runInfo(`target-${String(t + 1).padStart(2, '0')}`, { finishedAt: `2026-11-25T10:${String(t).padStart(2, '0')}:00.000Z` }), results));
  }
  return runs;
}
