/**
 * `npm run expectations -- pin <results.json>…`: record, for every known deviation of a run
 * that has none yet, *how* it fails (`observed:` in its expectations entry), so that a later
 * failure of the same check in another way is reported as a new failure, not hidden behind the
 * old deviation. Comments and order of the YAML files are kept. Only scenario checks with an
 * exact (non-pattern) entry are pinned: a property's counterexample varies with the seed.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { parseDocument, type Document } from 'yaml';
import type { ResultEntry, ResultsFile } from '../report/schema.ts';
import { expectationTargets } from '../verdict/expectations.ts';
import { PIN_SEPARATOR } from '../verdict/verdict.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Values that differ from run to run must not be pinned. */
const VOLATILE = /s3c-[0-9a-z]{9}|[0-9a-f]{32}|\d{4}-\d{2}-\d{2}T|[A-Za-z0-9+/=_~-]{40,}|runId|upload ?id/i;

/**
 * An observed value stable from run to run, worth pinning with its assertion: absent, empty, a
 * boolean, or a short text without digits (a number may be a count that depends on the account).
 */
const STABLE_VALUE = /^(?:\(absent\)|""|true|false|"[^"\d]{1,60}"|[A-Za-z][A-Za-z:_ -]{0,39})$/;

/**
 * A stable description of how a check failed: "<status> <Code>"; else the failed assertion's name,
 * with the value observed (`<assertion> ⇒ <value>`) when that value is stable — so the pin excuses
 * only that failure, not the same assertion failing another way (a field dropped, where the known
 * deviation is a wrong value).
 */
export function failureSignature(e: Pick<ResultEntry, 'kind' | 'error'>): string | undefined {
  if (e.kind !== 'scenario' || !e.error) return undefined;
  const status = /^(\d{3}(?: [A-Za-z][A-Za-z0-9]*)?)(?:\s|$)/.exec(e.error.observed ?? '');
  if (status?.[1] && !/^\d{3} success$/.test(status[1])) return status[1];
  const first = e.error.message.split('\n')[0]?.trim() ?? '';
  // A field's name (Error/UploadId, <UploadId>) is stable; only an upload id's value is volatile.
  if (first.length < 6 || first.length > 160 || VOLATILE.test(first.replace(/[</]UploadId>?/g, ''))) return status?.[1];
  const value = e.error.observed ?? '';
  return STABLE_VALUE.test(value) && !VOLATILE.test(value) ? `${first}${PIN_SEPARATOR}${value}` : first;
}

function expectationFiles(dir: string, target: string): string[] {
  const out: string[] = [];
  const f = join(dir, `${target}.yaml`);
  if (existsSync(f)) out.push(f);
  const sub = join(dir, target);
  if (existsSync(sub)) for (const n of readdirSync(sub).filter((x) => x.endsWith('.yaml')).sort()) out.push(join(sub, n));
  return out;
}

export interface PinResult {
  pinned: Array<{ id: string; observed: string; file: string }>;
  skipped: Array<{ id: string; why: string }>;
}

/**
 * Pin the run's known deviations that have no `observed` yet; with `refine`, also sharpen a pin that
 * names only the failed assertion into `<assertion> ⇒ <value>` where the run observed a stable value.
 */
export function pin(results: ResultsFile, dir: string, opts: { refine?: boolean } = {}): PinResult {
  const out: PinResult = { pinned: [], skipped: [] };
  // A target that shares another's expectations (`expectationsOf`: swift-container → swift-local)
  // pins into the file that holds the entry: its own first (its entries win), then the shared ones.
  const files = [...expectationTargets(results.run.target)].reverse().flatMap((t) => expectationFiles(dir, t));
  const docs = new Map<string, Document>(files.map((f) => [f, parseDocument(readFileSync(f, 'utf8'))]));
  const dirty = new Set<string>();
  for (const e of results.results) {
    if (e.verdict !== 'known-deviation') continue;
    const had = e.expectation?.observed;
    const sig = failureSignature(e);
    if (had !== undefined) {
      // Refine: only a pin that is this failure's assertion alone, into assertion and value.
      if (!opts.refine || !sig || had.includes(PIN_SEPARATOR) || !sig.startsWith(`${had}${PIN_SEPARATOR}`)) continue;
    }
    if (!sig) {
      out.skipped.push({ id: e.id, why: e.kind === 'property' ? 'property' : 'no stable failure signature' });
      continue;
    }
    const file = files.find((f) => docs.get(f)?.hasIn(['checks', e.id]));
    if (!file) {
      out.skipped.push({ id: e.id, why: 'matched by a pattern entry' });
      continue;
    }
    docs.get(file)?.setIn(['checks', e.id, 'observed'], sig);
    dirty.add(file);
    out.pinned.push({ id: e.id, observed: sig, file });
  }
  for (const f of dirty) writeFileSync(f, docs.get(f)?.toString({ lineWidth: 0 }) ?? '');
  return out;
}

async function main(argv: string[]): Promise<number> {
  const program = new Command('expectations');
  program
    .command('pin')
    .argument('<results...>', 'results.json files of runs whose known deviations to pin')
    .option('--dir <dir>', 'expectations directory', join(ROOT, 'expectations'))
    .option('--refine', 'also sharpen pins that name only the failed assertion into "<assertion> ⇒ <value>"')
    .action((files: string[], opts: { dir: string; refine?: boolean }) => {
      for (const f of files) {
        const r = JSON.parse(readFileSync(f, 'utf8')) as ResultsFile;
        const res = pin(r, opts.dir, { refine: opts.refine === true });
        process.stdout.write(`${r.run.target}: pinned ${res.pinned.length}, left ${res.skipped.length}\n`);
        for (const p of res.pinned) process.stdout.write(`  ${p.id}: ${p.observed}\n`);
      }
    });
  await program.parseAsync(argv);
  return 0;
}

if (process.argv[1] && /expectations\.ts$/.test(process.argv[1])) {
  main(process.argv).then(
    (c) => process.exit(c),
    (e: unknown) => {
      process.stderr.write(`expectations: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
