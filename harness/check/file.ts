/**
 * The file context of a suite file: `const op = operation('CopyObject', { buckets: { bucket: { hint: 'copy' } } })`.
 * It supplies what every check of the file shares, so that a check states only what is its own:
 * - the operation: `op.check` refuses an id of another operation, and `spec: '#anchor'` resolves
 *   against the operation's reference page (`op.ref`);
 * - the runtime (`op.rt`);
 * - the file's buckets and resources as one vitest fixture of scope 'file' (`test.extend`): made
 *   when the file's first check runs (buckets concurrently, then `setup`), never when every check of
 *   the file is filtered out or skipped, and handed to each check's body by name
 *   (`async ({ bucket, s3 }) => …`); buckets are emptied and deleted at the file's end (as every
 *   bucket of the run), resources closed by the `close` their `setup` returned.
 */
import { test, type TestAPI } from 'vitest';
import type fc from 'fast-check';
import { createBucket, type CreateOptions } from '../run/buckets.ts';
import { runtime, type Runtime } from '../run/runtime.ts';
import { MetaError, operationOf, type CheckMeta, type PropertyMeta } from './meta.ts';
import { OPERATIONS, type Operation } from './operations.ts';
import { check, type CheckContext, type FileValues } from './run.ts';
import { property } from './property.ts';

/** Per-file resources beyond buckets (a client session, a configured client): their value, and how to close them. */
export interface FileResource<E extends object> {
  value: E;
  close?: () => Promise<void> | void;
}

export interface FileOptions<B extends string, E extends object> {
  /** The file's buckets by the name its checks use: made concurrently when the file's first check runs. */
  buckets?: Readonly<Record<B, CreateOptions>>;
  /** More per-file resources, made after the buckets; their `close` runs at the file's end. */
  setup?: (base: { rt: Runtime } & Readonly<Record<B, string>>) => Promise<FileResource<E>>;
}

/** What a check of the file receives: the check context, the file's buckets by name, and its resources. */
export type FileCheckContext<B extends string, E extends object> = CheckContext & Readonly<Record<B, string>> & Readonly<E>;

type Arbs<T> = { [K in keyof T]: fc.Arbitrary<T[K]> };

export interface OperationFile<B extends string, E extends object> {
  /** The operation every check of the file covers (the prefix of its ids). */
  readonly name: Operation;
  /** The operation's reference page (`#anchor` specs resolve against it). */
  readonly ref: string;
  /** The resolved, running target. */
  readonly rt: Runtime;
  /** A scenario check of this operation (harness/check/run.ts `check`). */
  check(meta: CheckMeta, fn: (ctx: FileCheckContext<B, E>) => Promise<void>): void;
  /** A property check of this operation (harness/check/property.ts `property`). */
  property<T extends Record<string, unknown>>(meta: PropertyMeta, arbs: Arbs<T>, body: (value: T, ctx: FileCheckContext<B, E>) => Promise<void>): void;
}

/** Names a check context already has: a bucket or resource may not take them. */
const RESERVED = new Set(['rt', 's3', 'alt', 'note', 'task']);

export function operation<const B extends string = never, E extends object = Record<never, never>>(name: Operation, options: FileOptions<B, E> = {}): OperationFile<B, E> {
  if (!(name in OPERATIONS)) throw new MetaError(`operation("${name}"): unknown operation (see harness/check/operations.ts)`);
  const bucketNames = Object.keys(options.buckets ?? {}) as B[];
  for (const b of bucketNames) if (RESERVED.has(b)) throw new MetaError(`operation("${name}"): a bucket may not be named "${b}" (a check context field)`);
  const setup = options.setup;
  const needsFixture = bucketNames.length > 0 || setup !== undefined;

  const fileTest = needsFixture
    ? (test.extend<{ s3cFile: FileValues }>({
        s3cFile: [
          // eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's first parameter as the fixtures it depends on: none
          async ({}, use) => {
            const rt = runtime();
            let closer: (() => Promise<void> | void) | undefined;
            let values: FileValues;
            try {
              const made = await Promise.all(bucketNames.map(async (b) => [b, await createBucket(rt, options.buckets?.[b])] as const));
              const buckets = Object.fromEntries(made) as Record<B, string>;
              const extra = setup ? await setup({ rt, ...buckets }) : undefined;
              closer = extra?.close;
              for (const k of Object.keys(extra?.value ?? {})) {
                if (RESERVED.has(k) || k in buckets) throw new MetaError(`operation("${name}"): setup's value may not hold "${k}" (a bucket or check context field)`);
              }
              values = { ok: true, values: { ...buckets, ...(extra?.value ?? {}) } };
            } catch (error) {
              values = { ok: false, error };
            }
            await use(values);
            await closer?.();
          },
          { scope: 'file' },
        ],
      }) as TestAPI<{ s3cFile: FileValues }>)
    : undefined;
  const binding = fileTest ? { test: fileTest } : undefined;

  const own = (meta: CheckMeta): void => {
    if (operationOf(meta.id) !== name) throw new MetaError(`${meta.id}: a check of operation("${name}") must have an id "${name}/<slug>"`);
  };

  return {
    name,
    ref: OPERATIONS[name].ref.replace(/#.*$/, ''),
    get rt() {
      return runtime();
    },
    check(meta, fn) {
      own(meta);
      check(meta, fn as (ctx: CheckContext) => Promise<void>, 'scenario', binding);
    },
    property(meta, arbs, body) {
      own(meta);
      property(meta, arbs, body as (value: Record<string, unknown>, ctx: CheckContext) => Promise<void>, binding);
    },
  };
}
