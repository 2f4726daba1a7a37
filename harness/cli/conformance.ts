/**
 * `npm run conformance [-- options] [file filters]` (README, "Exit codes"):
 * validate options and configuration (exit 2, one line), preflight the target (exit 3, one line,
 * nothing written), run the conformance project through vitest with the project's own console
 * reporter, and exit 0 conformant / 1 non-conformance / 3 could not judge / 130 interrupted.
 *
 * Interruption: SIGINT/SIGTERM, to the process group (terminal Ctrl-C, CI cancel) or to this process
 * alone, at any moment. The run is cancelled; workers (which ignore SIGINT) that have not stopped
 * within STOP_GRACE_MS are killed; then every bucket of the run's ledger (and any the target lists
 * with the run's prefix) is emptied and deleted, a report marked `aborted` is written, exit 130.
 * Further signals within FORCE_AFTER_MS of the first do not skip that cleanup.
 *
 * Run it without a signal-relaying wrapper (`node harness/cli/s3c.mjs`, as package.json does): a wrapper
 * delivers a group Ctrl-C twice.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { resolveConfigForCli, type Config } from '../config/config.ts';
import { applyOptionsToEnv, buildProgram, EXIT, testNamePattern, validateOptions, type CliOptions } from './conformance-options.ts';
import type { ResultsFile } from '../report/schema.ts';
import { runState } from '../vitest/run-state.ts';
import { filesForOnly, indexSuites } from './select.ts';
import { startEmbeddedEarly, stopUntakenEmbedded } from '../../fixtures/servers/embedded.ts';

/** Reference request counts: the latest local swift-local run, else the committed estimates. */
const ESTIMATE_SOURCES = ['reports/bench/swift-local/results.json', 'reports/swift-local/results.json', 'fixtures/data/request-estimates.json'];
/** After the first signal, workers still running after this long are killed (their buckets are in the ledger). */
const STOP_GRACE_MS = 3000;
/** Signals within this long after the first do not skip the cleanup; later ones force the exit. */
const FORCE_AFTER_MS = 30_000;

const out = (line: string): boolean => process.stdout.write(`${line}\n`);
const err = (line: string): boolean => process.stderr.write(`${line}\n`);

function newRunId(now = Date.now()): string {
  // Same shape as harness/run/buckets.ts newRunId (start time in base-36 seconds + 3 random characters), without loading the SDK.
  return `${Math.floor(now / 1000).toString(36)}${Math.floor(Math.random() * 36 ** 3).toString(36).padStart(3, '0')}`;
}

/** Kill the run's test workers that are still alive (pids they wrote; only our own children). */
function killWorkers(runDir: string | undefined): number {
  if (!runDir || !existsSync(runDir)) return 0;
  let n = 0;
  for (const f of readdirSync(runDir).filter((x) => x.startsWith('worker-'))) {
    const pid = Number(f.slice('worker-'.length));
    if (!Number.isInteger(pid) || pid <= 1 || pid === process.pid) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
    } catch {
      continue; // gone already (or no /proc: leave it to vitest)
    }
    try {
      process.kill(pid, 'SIGKILL');
      n++;
    } catch {
      /* already gone */
    }
  }
  return n;
}

/** Keep vitest's own console output out of the user's way (it goes to a log file of the run). */
class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, cb: () => void): void {
    if (this.text.length < 4 << 20) this.text += chunk.toString();
    cb();
  }
}

function firstErrorLine(log: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const lines = log.replace(/\x1b\[[0-9;]*m/g, '').split('\n').map((l) => l.trim());
  const s3c = lines.find((l) => /^(Error: )?s3c: /.test(l));
  if (s3c) return s3c.replace(/^Error: /, '');
  return lines.find((l) => /^(\w*Error|Error):/.test(l));
}

function printEstimate(mods: Heavy, numRuns: number, pattern: string | undefined, max: number | undefined): void {
  const refs = ESTIMATE_SOURCES.map((f) => mods.estimate.loadReference(resolve(process.cwd(), f))).filter((r) => r !== undefined);
  const ref = refs.sort((a, b) => (b.run.finishedAt ?? '').localeCompare(a.run.finishedAt ?? ''))[0];
  if (!ref) {
    out('s3c: no request estimate available (no reference run): the run\'s size is unknown');
    return;
  }
  const re = pattern ? new RegExp(pattern) : undefined;
  const est = mods.estimate.estimateRequests(ref, (id) => !re || re.test(`${id} — `), numRuns);
  const areas = Object.entries(est.perArea).map(([a, n]) => `${a} ${n}`).join(', ');
  out(`s3c: estimated requests for this run: ~${est.total} over ${est.checks} checks (${areas}; basis: ${est.basis})`);
  if (max !== undefined && est.total > max) out(`s3c: the estimate exceeds S3C_MAX_REQUESTS=${max}: the run will stop when the budget is spent`);
}

type Heavy = Awaited<ReturnType<typeof loadHeavy>>;

/** Everything the run may need later is loaded before it starts: after a group Ctrl-C, tsx's transform service is gone. */
async function loadHeavy() {
  const [vitestNode, reporter, consoleReporter, allure, globalSetup, verdict, estimate, preflight, buckets] = await Promise.all([
    import('vitest/node'),
    import('../vitest/reporter.ts'),
    import('../vitest/console.ts'),
    import('../vitest/allure.ts'),
    import('../vitest/global-setup.ts'),
    import('../verdict/verdict.ts'),
    import('../run/estimate.ts'),
    import('../run/preflight.ts'),
    import('../run/buckets.ts'),
  ]);
  // The conformance project's global setup runs in this process: the one loaded here (see
  // harness/vitest/global-setup-entry.ts).
  globalThis.__s3cGlobalSetup = globalSetup.default;
  return { vitestNode, reporter, consoleReporter, allure, verdict, estimate, preflight, buckets };
}

function firstLine(cfg: Config, opts: CliOptions): string {
  if (opts.list) return `s3c: listing the checks selected for ${cfg.target} …`;
  if (cfg.profile.server && !cfg.endpoint) {
    const what = cfg.profile.server === 'embedded' ? 'the embedded server (s3rver)' : `the ${cfg.target} server (reused when already running)`;
    return `s3c: starting ${what} …`;
  }
  return `s3c: target ${cfg.target}${cfg.endpoint ? ` at ${new URL(cfg.endpoint).host}` : ''}: checking it answers …`;
}

/** Move vitest's JUnit file into place only when it is complete: a report file is never left truncated. */
function publishJunit(partial: string, dest: string, copies: string[]): void {
  if (!existsSync(partial)) return;
  const text = readFileSync(partial, 'utf8');
  if (!/<\/testsuites>\s*$/.test(text)) {
    rmSync(partial, { force: true });
    return;
  }
  mkdirSync(resolve(dest, '..'), { recursive: true });
  renameSync(partial, dest);
  for (const c of copies) {
    const tmp = `${c}.tmp-${process.pid}`;
    copyFileSync(dest, tmp);
    renameSync(tmp, c);
  }
}

async function listChecks(mods: Heavy, filters: string[], pattern: string | undefined): Promise<number> {
  process.env.S3C_LIST_ONLY = '1';
  const sink = new Sink();
  const vitest = await mods.vitestNode.createVitest('test', { project: ['conformance'], watch: false, reporters: [], ...(pattern ? { testNamePattern: pattern } : {}) }, {}, { stdout: sink, stderr: sink });
  try {
    const { testModules } = await vitest.collect(filters);
    const re = pattern ? new RegExp(pattern) : undefined;
    const rows: string[] = [];
    for (const m of testModules) {
      for (const tc of m.children.allTests()) {
        const meta = tc.meta().s3c;
        if (!meta || (re && !re.test(tc.name))) continue;
        rows.push(`${meta.id}\t${meta.level}\t${meta.title}`);
      }
      for (const e of m.errors()) err(`s3c: ${m.moduleId.replace(/^.*\/suites\//, 'suites/')}: ${(e.message ?? String(e)).split('\n')[0]}`);
    }
    rows.sort();
    for (const r of rows) out(r);
    err(`s3c: ${rows.length} checks selected; nothing was run`);
    return rows.length ? EXIT.conformant : EXIT.badConfig;
  } finally {
    await vitest.close();
  }
}

async function main(argv: string[]): Promise<number> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const program = buildProgram();
  program.exitOverride();
  program.configureOutput({ writeErr: (s) => process.stderr.write(s) });
  try {
    program.parse(argv);
  } catch (e) {
    const code = (e as { exitCode?: number }).exitCode;
    return code === 0 ? EXIT.conformant : EXIT.badConfig;
  }
  const opts = program.opts<CliOptions>();
  const filters = program.args;
  const usage = validateOptions(opts);
  if (usage) {
    err(`s3c: usage error: ${usage}`);
    return EXIT.badConfig;
  }
  applyOptionsToEnv(opts, process.env);
  const cfg = resolveConfigForCli(process.env);
  if (!cfg) return EXIT.badConfig;

  // Signals: from here on, never exit without cleaning up.
  const state = runState();
  let firstAt = 0;
  const hooks: { onFirstSignal?: () => void } = {};
  let started = false;
  const onSignal = (sig: NodeJS.Signals): void => {
    if (!state.signal && !started) {
      // Nothing has been created yet (no server, no bucket, no report): leave at once.
      err(`\ns3c: ${sig}: stopped before the run started; nothing to clean up`);
      process.exit(EXIT.interrupted);
    }
    if (!state.signal) {
      state.signal = sig;
      firstAt = Date.now();
      err(`\ns3c: ${sig}: stopping the run; deleting this run's buckets before exiting (further signals in the next ${FORCE_AFTER_MS / 1000} s do not skip that)`);
      hooks.onFirstSignal?.();
      return;
    }
    const left = FORCE_AFTER_MS - (Date.now() - firstAt);
    if (left > 0) {
      err(`s3c: ${sig}: still cleaning up this run's buckets; ${sig} again after ${Math.ceil(left / 1000)} s forces the exit`);
      return;
    }
    err(`s3c: ${sig} again: exiting before the cleanup finished (\`npm run sweep\` deletes leftovers)`);
    process.exit(EXIT.interrupted);
  };
  const onInt = (): void => onSignal('SIGINT');
  const onTerm = (): void => onSignal('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  out(firstLine(cfg, opts));
  if (!opts.list && cfg.profile.server === 'embedded' && !cfg.endpoint) {
    // s3rver starts while vitest loads; from here on a signal goes through the cleanup path.
    startEmbeddedEarly();
    started = true;
  }
  if (cfg.ignored?.length) {
    out(`s3c: zero-config run on the embedded server: ignoring ${cfg.ignored.join(', ')} (name a target with S3C_TARGET or AWS_ENDPOINT_URL_S3 to use them)`);
  }
  const ownSignalsOnly = (): void => {
    for (const l of process.listeners('SIGINT')) if (l !== onInt) process.off('SIGINT', l as () => void);
    for (const l of process.listeners('SIGTERM')) if (l !== onTerm) process.off('SIGTERM', l as () => void);
  };
  // The entry's interim handlers (harness/cli/s3c.mjs) end here.
  ownSignalsOnly();

  const pattern = testNamePattern(opts);
  // Preflight first, before the heavy imports, when the endpoint and keys are known (a local
  // server's is done by the global setup once it runs): a target that cannot be judged is told in seconds.
  if (!opts.list && cfg.endpoint && cfg.credentials && !cfg.nhn) {
    const { preflight } = await import('../run/preflight.ts');
    const pf = await preflight({ endpoint: cfg.endpoint, region: cfg.region, credentials: cfg.credentials });
    if (!pf.ok) {
      err(`s3c: preflight failed: ${pf.message}`);
      return EXIT.couldNotJudge;
    }
    out(`s3c: preflight: ${pf.note ?? 'the target answers S3 and accepts the keys'}`);
    process.env.S3C_PREFLIGHT_DONE = cfg.endpoint;
  }
  const mods = await loadHeavy();
  if (opts.list) return listChecks(mods, filters, pattern);
  if (state.signal) return EXIT.interrupted;

  const runId = (process.env.S3C_RUN_ID ??= newRunId());
  if (cfg.profile.remote || cfg.maxRequests !== undefined) printEstimate(mods, cfg.numRuns, pattern, cfg.maxRequests);

  // Reports: reports/<target>/<runId>/ (+ latest, + copies at reports/<target>/); JUnit is written
  // to a partial file and moved into place only when complete.
  const reportRoot = resolve(process.cwd(), cfg.reportDir, cfg.target);
  const runReportDir = join(reportRoot, runId);
  const junitDest = process.env.S3C_JUNIT_FILE ? resolve(process.env.S3C_JUNIT_FILE) : join(runReportDir, 'junit.xml');
  const junitCopies = process.env.S3C_JUNIT_FILE ? [] : [join(reportRoot, 'junit.xml')];
  const junitPartial = join(reportRoot, `.junit-${runId}.xml.partial`);
  process.env.S3C_JUNIT_FILE = junitPartial;
  process.env.S3C_ALLURE_RESULTS ??= join(process.cwd(), 'allure-results', cfg.target);
  process.env.S3C_ALLURE_TARGET = cfg.target;
  rmSync(process.env.S3C_ALLURE_RESULTS, { recursive: true, force: true });
  if (filters.length > 0) process.env.S3C_FILTERED = '1';
  const selection: NonNullable<typeof state.selection> = {};
  if (opts.only?.length) selection.only = opts.only;
  if (opts.grep) selection.grep = opts.grep;
  if (filters.length) selection.files = filters;
  state.selection = selection;
  process.env.S3C_CLI = '1';
  process.env.TEST = 'true';
  process.env.VITEST = 'true';
  process.env.NODE_ENV ??= 'test';

  // vitest.config.ts reads the number of files in parallel from here; the default depends on the
  // target (harness/config/config.ts).
  process.env.S3C_CONCURRENCY = String(cfg.concurrency);
  const sink = new Sink();
  started = true;
  // vitest adds SIGINT/SIGTERM listeners that exit the process while it is created; ours stay the
  // only ones (a signal in that window still cleans up).
  // A cancel that comes before vitest starts the run is undone by it (it resets its cancelling flag
  // when the run begins): such a signal cancels again once the first file is queued.
  let runStarted = false;
  let cancelWhenStarted: (() => void) | undefined;
  const lateCancel = {
    onTestModuleQueued: (): void => {
      runStarted = true;
      const cancel = cancelWhenStarted;
      cancelWhenStarted = undefined;
      cancel?.();
    },
  };
  const vitest = await withOwnSignals(() => mods.vitestNode.createVitest(
    'test',
    {
      project: ['conformance'],
      watch: false,
      // The project's reporters as instances of the modules this process has loaded already: named in
      // vitest.config.ts they would be transformed and loaded a second time (2-5 s of start-up).
      reporters: [
        new mods.consoleReporter.default(),
        new mods.reporter.default(),
        ...(process.env.S3C_ALLURE_RESULTS ? [new mods.allure.default({ resultsDir: process.env.S3C_ALLURE_RESULTS, environmentInfo: { target: cfg.target } })] : []),
        ['junit', { outputFile: junitPartial }] as [string, Record<string, unknown>],
        lateCancel,
      ],
      ...(pattern ? { testNamePattern: pattern } : {}),
      ...(opts.shard ? { shard: opts.shard } : {}),
      passWithNoTests: false,
    },
    {},
    { stdout: sink, stderr: sink },
  ));
  // vitest exits the process on SIGINT/SIGTERM; ours cancels the run instead, and cleans up.
  ownSignalsOnly();
  let killTimer: NodeJS.Timeout | undefined;
  hooks.onFirstSignal = () => {
    void vitest.cancelCurrentRun('keyboard-input');
    if (!runStarted) cancelWhenStarted = () => void vitest.cancelCurrentRun('keyboard-input');
    killTimer = setTimeout(() => killWorkers(globalThis.__s3cRuntime?.runDir), STOP_GRACE_MS);
  };
  if (state.signal) {
    // Interrupted while vitest was being prepared: nothing ran yet.
    await vitest.close().catch(() => undefined);
    return EXIT.interrupted;
  }

  let startError: unknown;
  try {
    // --only without a file filter: start only the files that can hold the selected checks (their
    // literal ids), so a one-operation run imports one file instead of the whole suite.
    const narrowed = filters.length === 0 && opts.only?.length ? filesForOnly(indexSuites(resolve(import.meta.dirname, '..', '..')), opts.only) : undefined;
    await vitest.start(narrowed?.length ? narrowed : filters);
  } catch (e) {
    startError = e;
  }
  clearTimeout(killTimer);
  const rt = globalThis.__s3cRuntime;
  let code: number;
  const finalLines: Array<[boolean, string]> = [];
  try {
    if (state.preflightFailure) {
      err(`s3c: preflight failed: ${state.preflightFailure}`);
      return EXIT.couldNotJudge;
    }
    if (!rt) {
      if (state.signal) return EXIT.interrupted;
      if (startError && ((startError as Error).name === 'FilesNotFoundError' || /No test files found/.test((startError as Error).message))) {
        err(`s3c: usage error: no suite file matches ${filters.map((f) => `"${f}"`).join(' ')}`);
        return EXIT.badConfig;
      }
      const why = state.setupError ?? firstErrorLine(sink.text) ?? (startError instanceof Error ? startError.message : undefined) ?? 'unknown error';
      err(why.startsWith('s3c: ') ? why : `s3c: the run did not start: ${why}`);
      const log = join(reportRoot, `.vitest-${runId}.log`);
      mkdirSync(reportRoot, { recursive: true });
      writeFileSync(log, sink.text);
      err(`s3c: vitest's output: ${log}`);
      return EXIT.couldNotJudge;
    }
    if (state.signal) {
      // Whatever is still running stops now; the ledger says what it created.
      killWorkers(rt.runDir);
      if (!state.written) {
        await mods.reporter.finishRun(rt, {
          modules: vitest.state.getTestModules(),
          errors: [],
          ...(pattern ? { namePattern: pattern } : {}),
          ...(vitest.config.shard ? { shard: vitest.config.shard } : {}),
          filtered: filters.length > 0,
          aborted: `interrupted (${state.signal})`,
        });
      } else {
        const again = await mods.reporter.sweepRun(rt);
        if (state.sweep) state.sweep.deleted += again.deleted;
      }
      // A CreateBucket that a stopped worker had already sent may complete on the server after the
      // sweep found its bucket absent: look again, twice, a moment apart (the listing finds it).
      for (let i = 0; i < 2; i++) {
        await new Promise((r) => setTimeout(r, 1500));
        const late = await mods.reporter.sweepRun(rt);
        if (state.sweep) state.sweep.deleted += late.deleted;
      }
    }
    publishJunit(junitPartial, junitDest, junitCopies);
    const written = state.written;
    if (state.written) writeFileSync(join(state.written.dir, 'vitest.log'), sink.text);
    if (state.empty && !state.signal) {
      const sel = [...(opts.only ?? []).map((o) => `--only ${o}`), ...(opts.grep ? [`--grep ${opts.grep}`] : []), ...filters].join(' ');
      err(`s3c: usage error: no check matches the selection${sel ? ` (${sel})` : ''}`);
      return EXIT.badConfig;
    }
    if (!written) {
      err(`s3c: no results were written (${startError instanceof Error ? startError.message : 'unknown reason'})`);
      return state.signal ? EXIT.interrupted : EXIT.couldNotJudge;
    }
    code = exitCode(mods, written.results, state);
    summarize(written.results, written.dir, state, code, finalLines);
    return code;
  } finally {
    await vitest.close().catch(() => undefined);
    if (rt) rmSync(rt.runDir, { recursive: true, force: true });
    rmSync(junitPartial, { force: true });
    // The summary is the last thing printed (after the servers stopped).
    for (const [isErr, line] of finalLines) (isErr ? err : out)(line);
  }
}

/** Runs `fn` while listeners for SIGINT and SIGTERM that others add are ignored. */
async function withOwnSignals<T>(fn: () => Promise<T>): Promise<T> {
  const methods = ['on', 'once', 'addListener', 'prependListener', 'prependOnceListener'] as const;
  type Add = (this: NodeJS.Process, event: string | symbol, listener: (...args: unknown[]) => void) => NodeJS.Process;
  const target = process as unknown as Record<(typeof methods)[number], Add>;
  const saved = methods.map((m) => [m, target[m]] as const);
  for (const [m, orig] of saved) {
    target[m] = function (event, listener) {
      return event === 'SIGINT' || event === 'SIGTERM' ? this : orig.call(this, event, listener);
    };
  }
  try {
    return await fn();
  } finally {
    for (const [m, orig] of saved) target[m] = orig;
  }
}

function exitCode(mods: Heavy, results: ResultsFile, state: ReturnType<typeof runState>): number {
  if (state.signal) return EXIT.interrupted;
  if (state.stopped) return EXIT.couldNotJudge;
  if (results.run.leaks.length) return EXIT.nonConformant;
  const runErrors = results.run.runErrors ?? [];
  // A file whose hook got no answer from the target could not be judged (3); any other run error
  // (a suite file that failed to load, bad metadata) means the run cannot be trusted (1).
  if (runErrors.length) return runErrors.every((e) => /no answer from the target|stopped answering/.test(e)) ? EXIT.couldNotJudge : EXIT.nonConformant;
  return mods.verdict.exitCodeFor(results.summary, { strict: process.env.S3C_STRICT === '1' });
}

function summarize(results: ResultsFile, dir: string, state: ReturnType<typeof runState>, code: number, lines: Array<[boolean, string]>): void {
  const run = results.run;
  const sweep = state.sweep;
  if (run.leaks.length) lines.push([true, `s3c: LEAK: buckets of this run that could not be deleted: ${run.leaks.join(', ')} (\`npm run sweep\` retries)`]);
  if (sweep?.unconfirmed.length) lines.push([false, `s3c: ${sweep.unconfirmed.length} bucket name(s) were reserved but never confirmed created, and the target could not be asked: not counted as leaks`]);
  if (run.aborted) lines.push([true, `s3c: run stopped early: ${run.aborted}; the report is partial (run.aborted)`]);
  for (const e of run.runErrors ?? []) lines.push([true, `s3c: RUN ERROR: ${e.split('\n')[0]}`]);
  if (run.staleExpectations.length) lines.push([true, `s3c: expectation entries for checks that do not exist: ${run.staleExpectations.join(', ')}`]);
  const s = results.summary;
  const left = run.leaks.length ? `${run.leaks.length} bucket(s) LEFT` : `${sweep?.deleted ? `${sweep.deleted} swept, ` : ''}0 buckets left`;
  const scope = run.complete ? 'complete run' : run.aborted ? 'aborted run' : 'partial selection';
  lines.push([
    false,
    `s3c: ${run.target}: ${s.total} checks (${scope}): ${s.pass} pass, ${s['known-deviation']} known-deviation, ${s.fail} fail, ` +
      `${s['unexpected-pass']} unexpected-pass, ${s.error} error, ${s.skipped} skipped; ${run.requests} requests; ${left}; ` +
      `report ${join(dir, 'index.html')}; exit ${code}`,
  ]);
}

main(process.argv).then(
  async (code) => {
    await stopUntakenEmbedded();
    process.exitCode = code;
    // Workers and sockets are closed; give stdout a tick to flush, then leave.
    setTimeout(() => process.exit(code), 50).unref();
  },
  async (e: unknown) => {
    err(`s3c: ${e instanceof Error ? e.message : String(e)}`);
    await stopUntakenEmbedded();
    process.exit(EXIT.couldNotJudge);
  },
);
