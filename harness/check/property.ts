/**
 * `property()`: a check whose inputs fast-check generates from the run's seed (S3C_SEED); a failure
 * is shrunk to its smallest counterexample and the report carries seed, path and the replay command.
 */
import fc from 'fast-check';
import { ConformanceError, isServiceError, observeError } from '../oracle/expect.ts';
import { isTransportError } from '../transport/http.ts';
import type { PropertyInfo } from '../report/schema.ts';
import { scrub } from '../transport/wire.ts';
import type { PropertyMeta, S3cMeta } from './meta.ts';
import { check, type CheckContext, type FileBinding } from './run.ts';

export class PropertyFailure extends Error {
  readonly inner: unknown;
  constructor(message: string, inner: unknown) {
    super(message);
    this.name = 'PropertyFailure';
    this.inner = inner;
  }
}

type Arbs<T> = { [K in keyof T]: fc.Arbitrary<T[K]> };

/**
 * A property check: fast-check generates inputs from the run's seed (S3C_SEED), shrinks a
 * failure to its smallest counterexample, and the report carries seed, path and the replay
 * command. `S3C_SEED=<seed> S3C_REPLAY_PATH=<path>` replays exactly that counterexample.
 */
export function property<T extends Record<string, unknown>>(
  meta: PropertyMeta,
  arbs: Arbs<T>,
  body: (value: T, ctx: CheckContext) => Promise<void>,
  file?: FileBinding,
): void {
  check(
    meta,
    async (ctx) => {
      const m = ctx.task.task.meta.s3c as S3cMeta;
      const rt = ctx.rt;
      const wanted = meta.numRuns ?? rt.numRuns;
      const numRuns = Math.max(1, Math.min(wanted, meta.maxRuns ?? wanted));
      const info: PropertyInfo = { seed: rt.seed, numRuns };
      m.property = info;
      let runs = 0;
      const prop = fc.asyncProperty(fc.record(arbs as unknown as { [k: string]: fc.Arbitrary<unknown> }), async (value) => {
        runs++;
        await body(value as T, ctx);
      });
      const params: fc.Parameters<[Record<string, unknown>]> = {
        seed: rt.seed,
        numRuns,
        interruptAfterTimeLimit: meta.timeBudgetMs ?? (rt.remote ? 120_000 : 60_000),
        markInterruptAsFailure: false,
      };
      if (rt.replayPath) params.path = rt.replayPath;
      if (meta.examples) params.examples = meta.examples.map((e) => [e as Record<string, unknown>]);
      const out = await fc.check(prop, params);
      info.runs = runs;
      if (out.interrupted && runs === 0) throw new Error('property interrupted by its time budget before its first run');
      if (out.failed) {
        info.shrinks = out.numShrinks;
        info.counterexample = scrub(out.counterexample ? fc.stringify(out.counterexample[0]) : '(none)');
        info.path = out.counterexamplePath ?? undefined;
        const filter = meta.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        info.replay = `S3C_SEED=${rt.seed} S3C_REPLAY_PATH=${info.path ?? ''} npm run conformance -- --only '${filter}'`;
        const inner = out.errorInstance;
        if (isTransportError(inner)) throw inner;
        const innerMsg = inner instanceof Error ? inner.message : String(inner);
        const err = new PropertyFailure(
          `property failed after ${out.numRuns} run(s), shrunk ${out.numShrinks} time(s)\n` +
            `  counterexample: ${info.counterexample}\n  seed: ${rt.seed}  path: ${info.path ?? ''}\n  replay: ${info.replay}\n${innerMsg}`,
          inner,
        );
        if (inner instanceof ConformanceError) {
          throw Object.assign(new ConformanceError(err.message, inner.expected, inner.observed, inner.notImplemented), { inner });
        }
        if (isServiceError(inner)) {
          const o = observeError(inner);
          throw new ConformanceError(err.message, 'success (2xx)', `${o.status ?? '?'} ${o.code ?? ''}`.trim(), o.status === 501);
        }
        throw err;
      }
    },
    'property',
    file,
  );
}

