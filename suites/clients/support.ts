/**
 * Fixtures of the clients area: seeded local files, and the judgement through the suite's own SDK
 * (the bytes stored, the ETag, the listing) rather than the client's exit code alone.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GetObjectCommand, HeadBucketCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { expectEqual, fail, step, type FileResource, type Runtime } from '../../harness/api/index.ts';
import { clientSession, type ClientSession, type ToolResult } from '../../harness/api/clients.ts';
import { seededBytes } from '../../fixtures/data/bodies.ts';

export const MiB = 1024 * 1024;

/**
 * The `setup` of a clients file (`operation(…, { buckets, setup: clientSetup(…) })`): the file's
 * client session, and what `make` builds on it (the runners its checks call), handed to each check
 * by name (`async ({ cli, aws }) => …`). At the file's end `close` (if any) runs, then the session
 * closes; the session closes too when `make` fails.
 */
export function clientSetup<E extends object>(
  make: (cli: ClientSession, rt: Runtime) => E | Promise<E>,
  close?: (value: E) => void | Promise<void>,
): (base: { rt: Runtime }) => Promise<FileResource<{ cli: ClientSession } & E>> {
  return async ({ rt }) => {
    const cli = await clientSession(rt);
    let value: E;
    try {
      value = await make(cli, rt);
    } catch (e) {
      await cli.close();
      throw e;
    }
    return {
      value: { cli, ...value },
      close: async () => {
        try {
          await close?.(value);
        } finally {
          await cli.close();
        }
      },
    };
  };
}

/** The AWS CLI as the provider's guide runs it: `aws --endpoint-url={endpoint} …` (the AwsCli files' runner). */
export const awsCli = (cli: ClientSession): { aws: (args: string[], timeoutMs?: number) => Promise<ToolResult> } => ({
  aws: (args, timeoutMs) => cli.run('aws', ['--endpoint-url', cli.endpoint, ...args], timeoutMs === undefined ? {} : { timeoutMs }),
});

/** Deterministic bytes from the run's seed and a salt. */
export function seeded(rt: Runtime, size: number, salt: string): Buffer {
  return seededBytes(rt.seed, salt, size);
}

export function writeLocal(dir: string, rel: string, data: Buffer): string {
  const p = join(dir, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, data);
  return p;
}

export function md5(b: Uint8Array): string {
  return createHash('md5').update(b).digest('hex');
}

/**
 * A call of an in-process client library (minio-js, lib-storage) that must succeed: its error (an S3
 * error answer, a dropped connection) is what the user of that client sees, so it is the observed
 * value of a failure, not a harness error.
 */
export async function clientStep<T>(what: string, p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    const o = e as { code?: string; name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
    return fail(`${what}: the client failed`, 'success', `${o.$metadata?.httpStatusCode ?? ''} ${o.code ?? o.name ?? ''}: ${(o.message ?? String(e)).slice(0, 300)}`.trim());
  }
}

/** The client must have exited 0: otherwise its output tail is the observed value. */
export function expectExit0(what: string, r: ToolResult): void {
  if (r.code !== 0) fail(`${what}: the client failed`, 'exit code 0', `exit ${r.code ?? 'killed'}: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' | ').slice(0, 400)}`);
}

/** The object holds exactly these bytes (read back through the suite's own SDK). */
export async function expectStored(s3: S3Client, bucket: string, key: string, data: Buffer): Promise<string | undefined> {
  const out = await step(`GetObject ${key} (suite SDK)`, s3.send(new GetObjectCommand({ Bucket: bucket, Key: key })));
  const got = Buffer.from((await out.Body?.transformToByteArray()) ?? new Uint8Array());
  if (!got.equals(data)) fail(`${key}: the stored bytes differ from the file the client sent`, `${data.length} bytes, md5 ${md5(data)}`, `${got.length} bytes, md5 ${md5(got)}`);
  return out.ETag;
}

/** A file the client wrote holds exactly the object's bytes. */
export function expectFile(path: string, data: Buffer): void {
  let got: Buffer;
  try {
    got = readFileSync(path);
  } catch {
    return fail(`${path}: the client wrote no file`, `${data.length} bytes`, '(no file)');
  }
  if (!got.equals(data)) fail('the downloaded file differs from the stored object', `${data.length} bytes, md5 ${md5(data)}`, `${got.length} bytes, md5 ${md5(got)}`);
}

/** A multipart upload's ETag: "<hex>-<parts>" with at least `minParts` parts. */
export function expectMultipartEtag(etag: string | undefined, minParts: number): void {
  const m = /^"[0-9a-f]{32}-(\d+)"$/.exec(etag ?? '');
  if (!m || Number(m[1]) < minParts) fail('the object was not uploaded in parts (multipart ETag "<md5>-<n>")', `"<32 hex>-<n ≥ ${minParts}>"`, etag ?? '(absent)');
}

export async function putSeeded(s3: S3Client, bucket: string, key: string, data: Buffer): Promise<void> {
  await step(`PutObject ${key} (suite SDK)`, s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: data })));
}

/** Bounded poll (bucket and object existence settle eventually on AWS). */
export async function expectGone(what: string, probe: () => Promise<unknown>, settleMs = 5000): Promise<void> {
  const until = Date.now() + settleMs;
  for (;;) {
    const last = await probe().then(
      () => 200,
      (e: unknown) => (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode ?? -1,
    );
    if (last === 404) return;
    if (Date.now() > until) return expectEqual(`${what}: status after the client's delete`, last, 404);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export const headBucket = (s3: S3Client, bucket: string): Promise<unknown> => s3.send(new HeadBucketCommand({ Bucket: bucket }));
export const headObject = (s3: S3Client, bucket: string, key: string): Promise<unknown> => s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
