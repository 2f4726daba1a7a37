/**
 * Self-validation: the suite must be able to fail. Each fault of the catalogue breaks one
 * behaviour in a proxy in front of the real Swift + s3api server; the checks of the fault's
 * operation, run through the proxy, must produce at least one `fail`. Through the unmodified
 * proxy the same checks must pass (exit 0). The table fault → first failing check is written
 * to reports/faults.md.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startScripted } from '../../fixtures/servers/scripted.ts';
import { FAULTS, type Fault } from '../selftest/faults/index.ts';
import { startProxy, type RunningProxy } from '../selftest/proxy.ts';
import { filesForOnly, indexSuites } from '../cli/select.ts';
import { badVerdicts, readResults, ROOT, runCli } from './run.ts';
import { mapLimited } from '../run/limited.ts';

let upstream = '';
/**
 * Which faults run: S3C_FAULTS=<id prefix>[,…] selects by id; S3C_FAULTS_ALL=1 (npm run selftest:faults,
 * which .ci/run calls) runs the whole catalogue; otherwise (npm run selftest:faults:sample) a sample:
 * the first fault of each operation.
 * S3C_FAULT_TARGET=rgw-local puts RGW behind the proxy.
 */
function selectFaults(): Fault[] {
  if (process.env.S3C_FAULTS) return FAULTS.filter((f) => process.env.S3C_FAULTS?.split(',').some((p) => f.id.startsWith(p.trim())));
  if (process.env.S3C_FAULTS_ALL === '1') return FAULTS;
  const seenOps = new Set<string>();
  return FAULTS.filter((f) => {
    const key = [f.operation].flat().join('+');
    if (seenOps.has(key)) return false;
    seenOps.add(key);
    return true;
  });
}
const SELECTED = selectFaults();
const SUITE_INDEX = indexSuites(ROOT);
const TARGET = process.env.S3C_FAULT_TARGET === 'rgw-local' ? 'rgw-local' : 'swift-local';
/** The target a fault runs against: its own upstream (a fault on a check Swift deviates from), else TARGET. */
const targetOf = (f: Fault): 'swift-local' | 'rgw-local' => (f.upstream === 'rgw' ? 'rgw-local' : f.upstream === 'swift' ? 'swift-local' : TARGET);
const TARGETS = [...new Set(SELECTED.map(targetOf))];
const upstreams = new Map<string, string>();
const proxies: RunningProxy[] = [];

beforeAll(async () => {
  // Reused when already running, never stopped here.
  for (const t of TARGETS) upstreams.set(t, (await startScripted(t === 'rgw-local' ? 'rgw' : 'swift')).endpoint);
  upstream = upstreams.get(TARGET) ?? '';
});
afterAll(async () => {
  for (const p of proxies) await p.close();
});

interface Outcome {
  fault: Fault;
  caught: boolean;
  firstFailing?: string;
  hits: number;
  verdicts: string;
  /** Caught (or not) on a second run. */
  retried?: boolean;
}

async function runThrough(proxy: RunningProxy, only: string[], target: string = TARGET): Promise<{ code: number | null; reportDir: string; stderr: string }> {
  const reportDir = mkdtempSync(join(tmpdir(), 's3c-fault-'));
  // Only the files that can hold the selected checks: one worker start-up and a few imports per fault.
  const files = filesForOnly(SUITE_INDEX, only) ?? [];
  const args = [...files, ...only.flatMap((o) => ['--only', o])];
  const r = await runCli(args, { S3C_TARGET: target, AWS_ENDPOINT_URL_S3: proxy.endpoint, S3C_REPORT_DIR: reportDir, S3C_CONCURRENCY: '2', S3C_NUM_RUNS: '5' });
  return { code: r.code, reportDir, stderr: r.stderr };
}

async function judge(fault: Fault): Promise<Outcome> {
  const target = targetOf(fault);
  const proxy = await startProxy(upstreams.get(target) ?? upstream, fault);
  try {
    const r = await runThrough(proxy, fault.only, target);
    const results = readResults(r.reportDir, target);
    const ops: string[] = Array.isArray(fault.operation) ? fault.operation : [fault.operation];
    const failing = results.results.filter((e) => ops.includes(e.operation) && e.verdict === 'fail');
    const counts = results.summary;
    // The run's report is kept only where it is worth reading: a fault no check caught.
    if (failing.length > 0) rmSync(r.reportDir, { recursive: true, force: true });
    return {
      fault,
      caught: failing.length > 0,
      ...(failing[0] ? { firstFailing: failing[0].id } : {}),
      hits: proxy.hits(),
      verdicts: `${counts.pass} pass, ${counts.fail} fail, ${counts['known-deviation']} kd, ${counts.error} error`,
    };
  } finally {
    await proxy.close();
  }
}

describe('fault-injecting proxy in front of swift-local', () => {
  test.each(TARGETS)('through the unmodified proxy in front of %s, the checks of every faulted operation pass', async (target) => {
    const proxy = await startProxy(upstreams.get(target) ?? upstream);
    proxies.push(proxy);
    const only = [...new Set(SELECTED.filter((f) => targetOf(f) === target).flatMap((f) => f.only))];
    const r = await runThrough(proxy, only, target);
    const results = readResults(r.reportDir, target);
    expect(badVerdicts(results), r.stderr.slice(-2000)).toEqual([]);
    expect(r.code).toBe(0);
    expect(proxy.hits()).toBe(0);
    rmSync(r.reportDir, { recursive: true, force: true });
  });

  test('every injected fault makes a check of the right operation fail', async () => {
    // A fault not caught is judged once more (a time-out on a loaded machine is an `error`, not the
    // `fail` the fault must cause); the report says which were caught on the second run.
    const outcomes = await mapLimited(SELECTED, 3, async (f) => {
      const first = await judge(f);
      return first.caught ? first : { ...(await judge(f)), retried: true };
    });
    const caught = outcomes.filter((o) => o.caught).length;
    const lines = [
      `# Fault self-validation (${TARGET} behind the fault proxy)`,
      '',
      `${caught} of ${outcomes.length} faults caught (${((caught / outcomes.length) * 100).toFixed(0)}%).`,
      '',
      '| fault | area | operation | first failing check | caught | proxy rewrites | verdicts of the run |',
      '|---|---|---|---|---|---:|---|',
      ...outcomes.map((o) => `| ${o.fault.id}${o.fault.upstream === 'rgw' ? ' (behind RGW)' : ''} — ${o.fault.description} | ${o.fault.area} | ${[o.fault.operation].flat().join(', ')} | ${o.firstFailing ?? '—'} | ${o.caught ? (o.retried ? 'yes (second run)' : 'yes') : '**NO**'} | ${o.hits} | ${o.verdicts} |`),
      '',
    ];
    mkdirSync(join(ROOT, 'reports'), { recursive: true });
    writeFileSync(join(ROOT, 'reports', process.env.S3C_FAULTS_ALL === '1' ? `faults-${TARGET}.md` : `faults-${TARGET}-partial.md`), lines.join('\n'));
    process.stdout.write(`${lines.join('\n')}\n`);
    expect(outcomes.filter((o) => !o.caught).map((o) => `${o.fault.id} (${o.hits} rewrites): ${o.verdicts}`)).toEqual([]);
  }, Math.max(900_000, SELECTED.length * 40_000));
});
