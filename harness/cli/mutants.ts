/**
 * `npm run mutants [-- --target rgw-local] [--ops ListObjectsV2,GetObject] [--parallel 2] [--alter|--status|--ignore|--misread]`:
 * which response fields does no check notice when they are missing (or, with --alter, wrong; with
 * --status, which status codes when changed; with --ignore, which request headers and query
 * parameters when the server never sees them, with --misread when it reads them wrongly — the
 * request re-signed, harness/selftest/resign.ts)? For each S3 operation, the operation's checks run
 * once through the fault proxy in front of a local reference server (Swift or RGW) to learn its answers'
 * XML elements and headers; then once per field with that field removed (harness/selftest/mutants.ts).
 * A field whose removal fails no check of the operation is listed as not noticed: a check to write
 * (when AWS defines the field, on evidence) or a field AWS does not send (a server's own). A measurement
 * of depth, not a test: it never fails on a number. Writes reports/mutants-<target>.md.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { startScripted } from '../../fixtures/servers/scripted.ts';
import { OPERATIONS } from '../check/operations.ts';
import { readResults, ROOT, runCli } from '../e2e/run.ts';
import { mapLimited } from '../run/limited.ts';
import { applyMutant, applyRequestMutant, mutantLabel, mutantsOf, requestMutantsOf, type Mutant, type MutantMode } from '../selftest/mutants.ts';
import { operationOf } from '../selftest/faults/kit.ts';
import { startProxy, type FaultHooks } from '../selftest/proxy.ts';
import { filesForOnly, indexSuites } from './select.ts';

const S3_OPERATIONS = Object.entries(OPERATIONS)
  .filter(([, o]) => o.area !== 'clients' && o.area !== 'auth' && o.area !== 'naming')
  .map(([name]) => name);

const program = new Command('mutants')
  .option('--target <name>', 'swift-local or rgw-local (the server behind the proxy)', 'rgw-local')
  .option('--ops <list>', 'comma-separated operations', S3_OPERATIONS.join(','))
  .option('--parallel <n>', 'mutant runs at a time', '2')
  .option('--alter', "change each field's value to a wrong one of the same shape, instead of removing it")
  .option('--status', 'change each status code answered to a wrong one (200↔204, an error to a neighbouring one)')
  .option('--ignore', 'remove each request header or query parameter before the server sees it (the request re-signed): a server that ignores it')
  .option('--misread', 'change each request header or query parameter value to a plausible wrong one before the server sees it (the request re-signed): a server that parses it wrongly')
  .parse();
const opts = program.opts<{ target: string; ops: string; parallel: string; alter?: boolean; status?: boolean; ignore?: boolean; misread?: boolean }>();
const mode: MutantMode = opts.misread ? 'misread' : opts.ignore ? 'ignore' : opts.status ? 'status' : opts.alter ? 'alter' : 'remove';
/** The request modes change what the suite sends, not what the server answers. */
const onRequests = mode === 'ignore' || mode === 'misread';
const WHAT = {
  remove: ['removed', 'removals', ''],
  alter: ['altered', 'alterations', ', values altered'],
  status: ['changed', 'status changes', ', status codes changed'],
  ignore: ['ignored', 'ignored request features', ', request headers and parameters ignored'],
  misread: ['misread', 'misread request values', ', request header and parameter values misread'],
} as const;
if (opts.target !== 'swift-local' && opts.target !== 'rgw-local') {
  process.stderr.write(`mutants: --target must be swift-local or rgw-local, not ${opts.target}\n`);
  process.exit(2);
}
const target = opts.target;
const index = indexSuites(ROOT);
const upstream = (await startScripted(target === 'rgw-local' ? 'rgw' : 'swift')).endpoint;

/** The operation's checks through a proxy whose hooks see that operation's requests only; the ids that failed. */
async function run(op: string, hooks: Required<FaultHooks>): Promise<{ fails: string[] | undefined; hits: number }> {
  // `fails` is undefined when the run judged no check (it refused to start, or a suite file failed
  // to load): such a run says nothing about the mutant.
  const proxy = await startProxy(upstream, {
    onRequest: (req) => (operationOf(req) === op ? hooks.onRequest(req) : undefined),
    onResponse: (req, res) => (operationOf(req) === op ? hooks.onResponse(req, res) : undefined),
  });
  try {
    const only = [`${op}/`];
    const reportDir = mkdtempSync(join(tmpdir(), 's3c-mutant-'));
    await runCli([...(filesForOnly(index, only) ?? []), '--only', `${op}/`], { S3C_TARGET: target, AWS_ENDPOINT_URL_S3: proxy.endpoint, S3C_REPORT_DIR: reportDir, S3C_CONCURRENCY: '2', S3C_NUM_RUNS: '5' });
    try {
      const results = readResults(reportDir, target).results;
      if (results.length === 0) return { fails: undefined, hits: proxy.hits() };
      return { fails: results.filter((e) => e.verdict === 'fail').map((e) => e.id), hits: proxy.hits() };
    } catch {
      return { fails: undefined, hits: proxy.hits() }; // no results: the run refused to start (preflight)
    } finally {
      rmSync(reportDir, { recursive: true, force: true });
    }
  } finally {
    await proxy.close();
  }
}

const lines = [`# Field mutants (${target} behind the fault proxy${WHAT[mode][2]})`, '', `| operation | field ${WHAT[mode][0]} | noticed | ${onRequests ? 'requests' : 'answers'} changed | first check that failed |`, '|---|---|---|---:|---|'];
let missed = 0;
let total = 0;
for (const op of opts.ops.split(',').map((s) => s.trim()).filter(Boolean)) {
  const found = new Map<string, Mutant>();
  const learn = (ms: Mutant[]): void => ms.forEach((m) => found.set(mutantLabel(m), m));
  const base = await run(op, {
    onRequest: (req) => (onRequests ? learn(requestMutantsOf(req, mode)) : undefined),
    onResponse: (_req, res) => learn(mutantsOf(res, mode)),
  });
  if (base.fails === undefined) {
    process.stderr.write(`mutants: ${op}: the unmutated run judged no check; skipped\n`);
    continue;
  }
  const before = new Set(base.fails);
  const rows = await mapLimited([...found.values()], Number(opts.parallel) || 2, async (m) => {
    const r = await run(op, {
      // The proxy counts a changed request as a hit and re-signs it.
      onRequest: (req) => void applyRequestMutant(m, req),
      onResponse: (_req, res) => applyMutant(m, res),
    });
    return { m, newly: r.fails?.filter((id) => !before.has(id)), hits: r.hits };
  });
  for (const { m, newly, hits } of rows) {
    // A mutant that changed no answer, or whose run judged nothing, is not counted either way.
    const counted = newly !== undefined && hits > 0;
    if (counted) total++;
    if (counted && newly.length === 0) missed++;
    const verdict = newly === undefined ? 'not judged (the run judged no check)' : hits === 0 ? `not applied (no ${onRequests ? 'request' : 'answer'} had the field)` : newly.length ? 'yes' : '**no**';
    const line = `| ${op} | ${mutantLabel(m)} | ${verdict} | ${hits} | ${newly?.[0] ?? '—'} |`;
    lines.push(line);
    process.stdout.write(`${line}\n`);
  }
}
lines.splice(2, 0, `${total - missed} of ${total} field ${WHAT[mode][1]} noticed by a check of their operation.`, '');
mkdirSync(join(ROOT, 'reports'), { recursive: true });
const out = join(ROOT, 'reports', `mutants-${target}${mode === 'remove' ? '' : `-${mode}`}.md`);
writeFileSync(out, `${lines.join('\n')}\n`);
process.stdout.write(`mutants: ${total - missed} of ${total} noticed; ${out}\n`);
