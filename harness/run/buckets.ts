/**
 * Bucket lifecycle. Every bucket a run creates is named `<prefix>-<runId>-<n>`, written to the
 * run's ledger before it is created (intent) and again once created (confirmed), and emptied (objects, in-progress multipart uploads) and
 * deleted at the end of its file, and again by the global teardown for anything left. A check
 * never deletes or writes a bucket it did not create: `destroyBucket` refuses other names.
 */
import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DeletePublicAccessBlockCommand,
  AbortMultipartUploadCommand,
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  type CreateBucketCommandInput,
  type S3Client,
} from '@aws-sdk/client-s3';
import { makeClient } from '../transport/client.ts';
import { mapLimited } from './limited.ts';
import type { Runtime } from './runtime.ts';

const MAX_NAME = 63;

export function runBucketPrefix(rt: Pick<Runtime, 'bucketPrefix' | 'runId'>): string {
  return `${rt.bucketPrefix}-${rt.runId}-`;
}

/** Run ids start with the run's start time in base 36 seconds, so `sweep` can age them. */
export function newRunId(now = Date.now()): string {
  const t = Math.floor(now / 1000).toString(36);
  const r = Math.floor(Math.random() * 36 ** 3).toString(36).padStart(3, '0');
  return `${t}${r}`;
}

export function runIdTime(runId: string): Date | undefined {
  if (!/^[0-9a-z]{7,}$/.test(runId)) return undefined;
  const secs = parseInt(runId.slice(0, -3), 36);
  return Number.isFinite(secs) ? new Date(secs * 1000) : undefined;
}

/** Parse `<prefix>-<runId>-<n>`; undefined when the name is not one of ours. */
export function parseBucketName(name: string, prefix: string): { runId: string; n: string } | undefined {
  if (!name.startsWith(`${prefix}-`)) return undefined;
  const rest = name.slice(prefix.length + 1);
  const m = /^([0-9a-z]{7,})-([0-9a-z-]+)$/.exec(rest);
  if (!m) return undefined;
  return { runId: m[1] as string, n: m[2] as string };
}

let counter = 0;
const workerTag = (process.env.VITEST_WORKER_ID ?? process.pid.toString(36)).replace(/[^0-9a-z]/g, '');

export function newBucketName(rt: Pick<Runtime, 'bucketPrefix' | 'runId'>, hint = ''): string {
  counter++;
  const tag = hint.toLowerCase().replace(/[^0-9a-z]+/g, '-').replace(/^-+|-+$/g, '');
  const base = `${runBucketPrefix(rt)}${workerTag}n${counter}`;
  const name = tag ? `${base}-${tag}`.slice(0, MAX_NAME).replace(/-+$/, '') : base;
  return name;
}

/**
 * A bucket of this run: named `<prefix>-<runId>-…`, or (for bucket-naming properties, which need
 * other shapes) any name that contains this run's unique id.
 */
export function isRunBucket(rt: Pick<Runtime, 'bucketPrefix' | 'runId'>, name: string): boolean {
  return name.startsWith(runBucketPrefix(rt)) || (rt.runId.length >= 9 && name.includes(rt.runId));
}

// ---- ledger -------------------------------------------------------------------------------
//
// The ledger records intent and creation apart: `intent` is written before a CreateBucket is sent
// (so an interrupted or crashed worker still leaves the name behind for the sweep), `create` once the
// target confirmed it, `delete` once it is gone. A bucket whose creation was never confirmed (a 403
// from bad credentials, a refused connection) is swept like any other, but never called a leak.

interface LedgerLine {
  op: 'intent' | 'create' | 'delete';
  bucket: string;
}

function ledgerFile(rt: Pick<Runtime, 'runDir'>): string {
  return join(rt.runDir, `ledger-${process.pid}.jsonl`);
}

function ledger(rt: Pick<Runtime, 'runDir'>, op: LedgerLine['op'], bucket: string): void {
  try {
    appendFileSync(ledgerFile(rt), `${JSON.stringify({ op, bucket } satisfies LedgerLine)}\n`);
  } catch {
    /* the run directory is gone (the run ended): nothing left to record */
  }
}

/** Mark a bucket of this run as confirmed to exist (its CreateBucket answered 2xx, or a listing showed it). */
export function confirmBucket(rt: Pick<Runtime, 'runDir' | 'bucketPrefix' | 'runId'>, name: string): void {
  if (isRunBucket(rt, name)) ledger(rt, 'create', name);
}

export interface LedgerState {
  /** Named before a create and not deleted since; creation not confirmed. */
  intended: string[];
  /** Confirmed created and not deleted since. */
  created: string[];
}

/** The ledger of a run, across all its workers: what may exist, and what is known to exist. */
export function ledgerState(runDir: string): LedgerState {
  const intended = new Set<string>();
  const created = new Set<string>();
  const deleted = new Set<string>();
  if (!existsSync(runDir)) return { intended: [], created: [] };
  for (const f of readdirSync(runDir).filter((n) => n.startsWith('ledger-'))) {
    let text: string;
    try {
      text = readFileSync(join(runDir, f), 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n')) {
      if (!line) continue;
      let l: LedgerLine;
      try {
        l = JSON.parse(line) as LedgerLine;
      } catch {
        continue; // a line cut short by a killed worker
      }
      if (l.op === 'intent') intended.add(l.bucket);
      else if (l.op === 'create') created.add(l.bucket);
      else deleted.add(l.bucket);
    }
  }
  // Names are never reused within a run: a delete is final, whichever worker's file recorded it.
  for (const d of deleted) {
    intended.delete(d);
    created.delete(d);
  }
  for (const c of created) intended.delete(c);
  return { intended: [...intended].sort(), created: [...created].sort() };
}

/** Buckets the ledger names and that were not deleted (intended or created), across all workers of the run. */
export function ledgerOutstanding(runDir: string): string[] {
  const s = ledgerState(runDir);
  return [...s.intended, ...s.created].sort();
}

// ---- create / destroy ---------------------------------------------------------------------

const owned = new Set<string>();

export interface CreateOptions {
  hint?: string;
  /** Extra CreateBucket input (ACL, grants, location). */
  input?: Partial<CreateBucketCommandInput>;
  /**
   * The bucket's checks use ACLs (canned ACLs, grants, public-read): on a target with S3 Object Ownership
   * (features.ownershipControls, e.g. AWS) it is created with ObjectOwnership=ObjectWriter and its
   * public access block is removed, as AWS documents for ACL use; elsewhere nothing changes.
   */
  acl?: boolean;
  client?: S3Client;
}

/** Create a bucket of this run and register it for cleanup at the end of the file. */
export async function createBucket(rt: Runtime, opts: CreateOptions = {}): Promise<string> {
  const name = newBucketName(rt, opts.hint);
  await createNamedBucket(rt, name, opts);
  return name;
}

/** Create a bucket whose name the caller chose; it must still be one of this run's names. */
export async function createNamedBucket(rt: Runtime, name: string, opts: CreateOptions = {}): Promise<void> {
  if (!isRunBucket(rt, name)) throw new Error(`refusing to create "${name}": not a bucket name of this run`);
  ledger(rt, 'intent', name);
  owned.add(name);
  const client = opts.client ?? cleanupClient(rt);
  const ownership = opts.acl && rt.features.ownershipControls ? { ObjectOwnership: 'ObjectWriter' as const } : {};
  await client.send(new CreateBucketCommand({ Bucket: name, ...ownership, ...(opts.input ?? {}) }));
  ledger(rt, 'create', name);
  if (opts.acl && rt.features.ownershipControls) await client.send(new DeletePublicAccessBlockCommand({ Bucket: name }));
}

/** Register a bucket created by other means (raw request, property) for cleanup. */
export function adoptBucket(rt: Runtime, name: string): void {
  if (!isRunBucket(rt, name)) throw new Error(`refusing to adopt "${name}": not a bucket name of this run`);
  if (!owned.has(name)) ledger(rt, 'intent', name);
  owned.add(name);
}

let cleaner: S3Client | undefined;
function cleanupClient(rt: Runtime): S3Client {
  cleaner ??= makeClient(rt);
  return cleaner;
}

function statusOf(e: unknown): number | undefined {
  return (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}
function codeOf(e: unknown): string | undefined {
  return (e as { name?: string }).name;
}

/** Delete every object and abort every in-progress upload in a bucket of this run. */
export async function emptyBucket(rt: Runtime, name: string, client: S3Client = cleanupClient(rt)): Promise<void> {
  if (!isRunBucket(rt, name)) throw new Error(`refusing to empty "${name}": not a bucket of this run`);
  // In-progress multipart uploads (ignored where the target does not implement the listing).
  try {
    for (let page = 0, keyMarker: string | undefined, idMarker: string | undefined; page < 100; page++) {
      const r = await client.send(new ListMultipartUploadsCommand({ Bucket: name, KeyMarker: keyMarker, UploadIdMarker: idMarker }));
      const uploads = (r.Uploads ?? []).filter((u) => u.Key && u.UploadId);
      await mapLimited(uploads, CLEANUP_PARALLEL, (u) => client.send(new AbortMultipartUploadCommand({ Bucket: name, Key: u.Key, UploadId: u.UploadId })).catch(() => undefined));
      if (!r.IsTruncated) break;
      keyMarker = r.NextKeyMarker;
      idMarker = r.NextUploadIdMarker;
    }
  } catch {
    /* not implemented by the target: nothing we can list */
  }
  let token: string | undefined;
  for (let page = 0; page < 1000; page++) {
    const r = await client.send(new ListObjectsV2Command({ Bucket: name, ContinuationToken: token }));
    const keys = (r.Contents ?? []).map((o) => o.Key).filter((k): k is string => k !== undefined);
    if (keys.length > 0) {
      let batchOk: boolean;
      try {
        const d = await client.send(new DeleteObjectsCommand({ Bucket: name, Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true } }));
        batchOk = (d.Errors ?? []).length === 0;
      } catch {
        batchOk = false;
      }
      if (!batchOk) await mapLimited(keys, CLEANUP_PARALLEL, (Key) => client.send(new DeleteObjectCommand({ Bucket: name, Key })).catch(() => undefined));
    }
    if (!r.IsTruncated) break;
    if (r.NextContinuationToken && r.NextContinuationToken !== token) token = r.NextContinuationToken;
    else if (keys.length > 0) token = undefined; // no usable token: start over, the deleted keys are gone
    else break;
  }
}

/** What `destroyBucketDetailed` found: gone (deleted now, or absent), and whether the bucket was seen to exist. */
export interface DestroyOutcome {
  ok: boolean;
  /** The target showed the bucket existed (a listing answered, or a delete was refused as not empty). */
  existed: boolean;
}

/** Empty and delete a bucket of this run. Bounded retries for listings that lag deletes. */
export async function destroyBucketDetailed(rt: Runtime, name: string): Promise<DestroyOutcome> {
  if (!isRunBucket(rt, name)) throw new Error(`refusing to delete "${name}": not a bucket of this run`);
  const client = cleanupClient(rt);
  let existed = false;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await emptyBucket(rt, name, client);
      existed = true;
      await client.send(new DeleteBucketCommand({ Bucket: name }));
      ledger(rt, 'delete', name);
      owned.delete(name);
      return { ok: true, existed };
    } catch (e) {
      if (statusOf(e) === 404 || codeOf(e) === 'NoSuchBucket') {
        ledger(rt, 'delete', name);
        owned.delete(name);
        return { ok: true, existed };
      }
      if (statusOf(e) === 409 || codeOf(e) === 'BucketNotEmpty') {
        existed = true;
        await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
        continue;
      }
      if (attempt >= 2) return { ok: false, existed };
    }
  }
  return { ok: false, existed };
}

/** Empty and delete a bucket of this run; true when it is gone. */
export async function destroyBucket(rt: Runtime, name: string): Promise<boolean> {
  return (await destroyBucketDetailed(rt, name)).ok;
}

/** Destroy every bucket this worker created (a few at once). Called after each file. */
export async function destroyOwned(rt: Runtime): Promise<string[]> {
  const leaked: string[] = [];
  await mapLimited([...owned], CLEANUP_PARALLEL, async (name) => {
    const ok = await destroyBucket(rt, name).catch(() => false);
    if (!ok) leaked.push(name);
  });
  return leaked;
}

/**
 * Requests of a clean-up in flight at once (per worker): the target's latency, not its throughput,
 * is what a sequential clean-up waits on (a file's buckets, a bucket's uploads).
 */
const CLEANUP_PARALLEL = 4;

export function ownedBuckets(): readonly string[] {
  return [...owned];
}
