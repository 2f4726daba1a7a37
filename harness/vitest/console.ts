/**
 * The console of a conformance run (the CLI's reporter; vitest's own output goes to the run's
 * vitest.log): progress per area as files finish, one line per failure
 * (`FAIL id — what: expected X, observed Y`), the tool's verdict words, no code frames or stacks
 * (they stay in the report). No colour codes when stdout is not a TTY (or NO_COLOR is set).
 * The summary line is the CLI's, printed last.
 */
import type { Reporter, TestCase, TestModule, TestSpecification, Vitest } from 'vitest/node';
import type { S3cMeta } from '../check/index.ts';
import { judgeVerdict, type Verdict } from '../verdict/verdict.ts';

const colour = process.stdout.isTTY === true && !process.env.NO_COLOR && process.env.FORCE_COLOR !== '0';
const paint = (code: number, s: string): string => (colour ? `\x1b[${code}m${s}\x1b[0m` : s);
const WORD: Record<Verdict, string> = {
  pass: 'pass',
  'known-deviation': 'known-deviation',
  fail: paint(31, 'FAIL'),
  'unexpected-pass': paint(33, 'UNEXPECTED-PASS'),
  error: paint(35, 'ERROR'),
  skipped: 'skipped',
};
const MAX_LINE = 240;

/** The verdict of a finished case, as results.json will have it (a pinned observation included). */
export function verdictOf(m: S3cMeta, state: string): Verdict {
  if (state === 'skipped' || state === 'pending' || m.skipReason) return 'skipped';
  return judgeVerdict(m.outcome ?? 'error', m.expectation, m.error);
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** `id — what: expected X, observed Y` from a check's error, one line, bounded. */
export function failureLine(m: S3cMeta, verdict: Verdict): string {
  let detail: string;
  if (verdict === 'unexpected-pass') detail = `passes, but expectations/${globalThis.__s3cRuntime?.target ?? '<target>'}/ lists it as a known deviation (remove the entry)`;
  else if (m.error?.expected !== undefined || m.error?.observed !== undefined) {
    const what = oneLine((m.error.message ?? '').split('\n')[0] ?? '');
    detail = `${what ? `${what}: ` : ''}expected ${oneLine(m.error.expected ?? '?')}, observed ${oneLine(m.error.observed ?? '?')}`;
  } else detail = oneLine((m.error?.message ?? 'the check did not finish (time-out or a failing hook)').split('\n')[0] ?? '');
  const line = `${m.id} — ${detail}`;
  return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line;
}

interface AreaCount {
  done: number;
  bad: number;
  counts: Partial<Record<Verdict, number>>;
}

export default class ConsoleReporter implements Reporter {
  private readonly areas = new Map<string, AreaCount>();
  private done = 0;
  private files = 0;
  private filesDone = 0;
  private started = Date.now();
  private pattern: RegExp | undefined;

  onInit(vitest: Vitest): void {
    this.pattern = vitest.config.testNamePattern;
  }

  private write(line: string): void {
    process.stdout.write(`${line}\n`);
  }

  onTestRunStart(specs: ReadonlyArray<TestSpecification>): void {
    this.files = specs.length;
    this.started = Date.now();
    if (specs.length) this.write(`s3c: running ${specs.length} suite file(s) …`);
  }

  onTestCaseResult(tc: TestCase): void {
    const m = tc.meta().s3c as S3cMeta | undefined;
    if (!m || (this.pattern && !this.pattern.test(tc.name))) return;
    const state = tc.result().state;
    const v = verdictOf(m, state);
    const a = this.areas.get(m.area) ?? { done: 0, bad: 0, counts: {} };
    a.done++;
    a.counts[v] = (a.counts[v] ?? 0) + 1;
    this.areas.set(m.area, a);
    this.done++;
    if (v === 'fail' || v === 'error' || v === 'unexpected-pass') {
      a.bad++;
      this.write(`  ${WORD[v]} ${failureLine(m, v)}`);
    }
  }

  onTestModuleEnd(mod: TestModule): void {
    this.filesDone++;
    for (const e of mod.errors()) {
      this.write(`  ${paint(35, 'RUN ERROR')} ${mod.moduleId.replace(/^.*\/suites\//, 'suites/')}: ${oneLine((e.message ?? String(e)).split('\n')[0] ?? '').slice(0, MAX_LINE)}`);
    }
    let area: string | undefined;
    for (const tc of mod.children.allTests()) {
      const m = tc.meta().s3c as S3cMeta | undefined;
      if (m && (!this.pattern || this.pattern.test(tc.name))) {
        area = m.area;
        break;
      }
    }
    if (!area) return;
    const a = this.areas.get(area);
    if (!a) return;
    const order: Verdict[] = ['pass', 'known-deviation', 'fail', 'unexpected-pass', 'error', 'skipped'];
    const parts = order.filter((v) => a.counts[v]).map((v) => `${a.counts[v]} ${v}`);
    const secs = Math.round((Date.now() - this.started) / 1000);
    this.write(`s3c: ${area.padEnd(9)} ${String(a.done).padStart(4)} checks: ${parts.join(', ')}   [files ${this.filesDone}/${this.files}, ${this.done} checks, ${secs} s]`);
  }
}
