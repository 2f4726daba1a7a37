/**
 * Judge a live listing against the model (harness/listing/model.ts), page by page, on the raw
 * path. Every judgement compares the core of the listing: Contents keys in UTF-8 order,
 * CommonPrefixes, IsTruncated and the way to continue (NextContinuationToken / NextMarker or the
 * last key), page after page. The other fields are judged only where a check asks for them
 * (`aspects`), so that one quirk (an Owner missing, a KeyCount off by one) fails the check of that
 * field and not every listing check: echoed Name / MaxKeys / Prefix / Delimiter / Marker /
 * StartAfter / ContinuationToken / EncodingType, KeyCount, NextMarker, each entry's Size, ETag,
 * LastModified, StorageClass, and Owner.
 */
import { createHash } from 'node:crypto';
import { ListBucketsCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { expectEqual, expectMatch, fail, ISO_TIMESTAMP, step } from '../oracle/expect.ts';
import { mapLimited } from '../run/limited.ts';
import type { Runtime } from '../run/runtime.ts';
import { effectiveMaxKeys, listAll, type ListQuery, type ModelPage } from './model.ts';
import { followPages, settled } from './paginate.ts';
import { listRaw, looksUrlEncoded, parseListing, urlDecode, type ListVersion, type WireEntry, type WireListing } from './wire.ts';

export interface StoredObject {
  size: number;
  /** Quoted hex MD5 of the body. */
  etag: string;
}

export type KeyStore = Map<string, StoredObject>;

/** A deterministic small body for a key (size 0-40 bytes, derived from the key). */
export function bodyFor(key: string): Buffer {
  const h = createHash('sha256').update(key).digest();
  const n = (h[0] ?? 0) % 41;
  return Buffer.from(h.toString('hex').repeat(2).slice(0, n));
}

/** PUT every key (bounded concurrency); returns what each entry of a listing must show. */
export async function uploadKeys(s3: S3Client, bucket: string, keys: readonly string[], concurrency = 8): Promise<KeyStore> {
  const store: KeyStore = new Map();
  await mapLimited(keys, concurrency, async (key) => {
    const body = bodyFor(key);
    await step(`PutObject ${JSON.stringify(key)}`, s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body })));
    store.set(key, { size: body.length, etag: `"${createHash('md5').update(body).digest('hex')}"` });
  });
  return store;
}

/** The canonical user ID of the main user (ListBuckets Owner.ID), to compare listing owners with. */
export async function ownerId(s3: S3Client): Promise<string | undefined> {
  const r = await step('ListBuckets', s3.send(new ListBucketsCommand({})));
  return r.Owner?.ID;
}

/**
 * Fields judged beyond the core (keys, common prefixes, IsTruncated, continuation):
 * - `name`: Name is the bucket; `maxKeys`: MaxKeys echoes max-keys (1000 when not sent);
 * - `params`: Prefix, Delimiter, Marker (v1) / StartAfter (v2) echo what was sent (absent or empty when not sent);
 * - `token`: v2 ContinuationToken echoes the token sent; `encodingType`: EncodingType is url exactly when asked;
 * - `keyCount`: v2 KeyCount = keys + common prefixes of the page; `nextMarker`: v1 NextMarker is the last entry;
 * - `entry`: each entry's Size, ETag, LastModified, StorageClass; `owner`: Owner present (v1, v2 fetch-owner) with the canonical ID, absent otherwise (v2).
 */
export type Aspect = 'name' | 'maxKeys' | 'params' | 'token' | 'encodingType' | 'keyCount' | 'nextMarker' | 'entry' | 'owner';
/** Every echoed element. */
export const ECHO_ASPECTS: readonly Aspect[] = ['name', 'maxKeys', 'params', 'token', 'encodingType'];

export interface Judged extends ListQuery {
  bucket: string;
  /** Fields judged beyond the core (default: none). */
  aspects?: readonly Aspect[];
  encodingType?: 'url';
  fetchOwner?: boolean;
  /** Send max-keys as this raw value instead of maxKeys (e.g. "2000"). */
  rawMaxKeys?: string;
}

export interface JudgeContext {
  rt: Runtime;
  store: KeyStore;
  owner?: string;
  /** Window LastModified must fall in (ms since epoch). */
  since?: number;
  note?: (t: string) => void;
}

function show(q: Judged): string {
  const parts: string[] = [];
  if (q.prefix !== undefined) parts.push(`prefix=${JSON.stringify(q.prefix)}`);
  if (q.delimiter !== undefined) parts.push(`delimiter=${JSON.stringify(q.delimiter)}`);
  if (q.after !== undefined) parts.push(`after=${JSON.stringify(q.after)}`);
  if (q.maxKeys !== undefined) parts.push(`max-keys=${q.maxKeys}`);
  if (q.encodingType) parts.push('encoding-type=url');
  if (q.fetchOwner) parts.push('fetch-owner=true');
  return parts.join(' ');
}

/** Compare every page of one listing query with the model. Polls (bounded) under S3C_LIST_SETTLE_MS. */
export async function judgeListing(ctx: JudgeContext, version: ListVersion, q: Judged): Promise<WireListing[]> {
  const keys = [...ctx.store.keys()];
  return settled({ settleMs: ctx.rt.listSettleMs, onRetry: (n, m) => ctx.note?.(`listing not settled (attempt ${n}): ${m}`) }, async () => {
    const model = listAll(keys, q);
    const op = version === 'v2' ? 'ListObjectsV2' : 'ListObjects';
    const sent = new Map<number, { after: string | undefined; token: string | undefined }>();
    return followPages<WireListing>({
      maxPages: model.length + 1,
      what: `${op} ${show(q)}`,
      fetch: async (token, i) => {
        const what = `${op} ${show(q)} page ${i + 1}`;
        const req = {
          bucket: q.bucket,
          ...(q.prefix !== undefined ? { prefix: q.prefix } : {}),
          ...(q.delimiter !== undefined ? { delimiter: q.delimiter } : {}),
          ...(q.rawMaxKeys !== undefined ? { maxKeys: q.rawMaxKeys } : q.maxKeys !== undefined ? { maxKeys: q.maxKeys } : {}),
          ...(q.encodingType ? { encodingType: q.encodingType } : {}),
          ...(q.fetchOwner ? { fetchOwner: true } : {}),
        };
        const after = version === 'v1' ? (token ?? q.after) : q.after;
        const res = await listRaw(ctx.rt, version, { ...req, ...(after !== undefined ? { after } : {}), ...(version === 'v2' && token !== undefined ? { token } : {}) });
        const w = parseListing(res, what);
        if (!model[i]) return fail(`${what}: more pages than the model predicts`, `${model.length} page(s)`, `page ${i + 1}`);
        const last = w.contents[w.contents.length - 1]?.Key;
        let next: string | undefined;
        if (w.IsTruncated === 'true') {
          if (version === 'v2') next = w.NextContinuationToken;
          else next = w.NextMarker !== undefined ? dec(q, w.NextMarker) : last !== undefined ? dec(q, last) : undefined;
          if (next === undefined || next === '') {
            judgePage(ctx, version, q, w, model[i], what, { after, token });
            fail(`${what}: truncated page without a way to continue`, version === 'v2' ? 'NextContinuationToken' : 'NextMarker or a last Key', '(none)');
          }
        }
        sent.set(i, { after, token });
        return { page: w, next, fingerprint: JSON.stringify([w.contents.map((c) => c.Key), w.commonPrefixes]) };
      },
      judge: (w, i) => {
        const m = model[i];
        if (m) judgePage(ctx, version, q, w, m, `${op} ${show(q)} page ${i + 1}`, sent.get(i) ?? { after: undefined, token: undefined });
      },
    });
  });
}

function dec(q: Judged, v: string): string {
  return q.encodingType ? urlDecode(v) : v;
}

function wireValue(q: Judged, what: string, v: string | undefined): string | undefined {
  if (v === undefined || !q.encodingType) return v;
  if (!looksUrlEncoded(v)) fail(`${what}: not URL-encoded although encoding-type=url`, 'percent-encoded value', JSON.stringify(v));
  try {
    return urlDecode(v);
  } catch {
    return fail(`${what}: not a valid URL-encoded value`, 'percent-encoded value', JSON.stringify(v));
  }
}

function echo(what: string, observed: string | undefined, sent: string | undefined): void {
  if (sent === undefined || sent === '') {
    if (observed !== undefined && observed !== '') fail(`${what}: echoes a value that was not sent`, '(absent) or ""', JSON.stringify(observed));
  } else expectEqual(what, observed, sent);
}

function judgePage(ctx: JudgeContext, version: ListVersion, q: Judged, w: WireListing, m: ModelPage, what: string, sent: { after: string | undefined; token: string | undefined }): void {
  const has = (a: Aspect): boolean => q.aspects?.includes(a) === true;
  const keys = w.contents.map((c, i) => wireValue(q, `${what}: Contents[${i}].Key`, c.Key) ?? '');
  const prefixes = w.commonPrefixes.map((p, i) => wireValue(q, `${what}: CommonPrefixes[${i}].Prefix`, p) ?? '');
  expectEqual(`${what}: Contents keys (UTF-8 binary order)`, keys, m.contents);
  expectEqual(`${what}: CommonPrefixes`, prefixes, m.commonPrefixes);
  expectEqual(`${what}: IsTruncated`, w.IsTruncated, String(m.isTruncated));
  if (version === 'v2') {
    if (m.isTruncated) {
      if (!w.NextContinuationToken) fail(`${what}: NextContinuationToken`, 'a token (IsTruncated is true)', '(absent)');
    } else if (w.NextContinuationToken !== undefined && w.NextContinuationToken !== '') {
      fail(`${what}: NextContinuationToken on the last page`, '(absent)', JSON.stringify(w.NextContinuationToken));
    }
  }
  if (has('name')) expectEqual(`${what}: Name`, w.Name, q.bucket);
  if (has('maxKeys')) {
    const requested = q.rawMaxKeys !== undefined ? Number(q.rawMaxKeys) : q.maxKeys;
    if (requested !== undefined && requested > 1000) {
      if (w.MaxKeys !== String(requested) && w.MaxKeys !== String(effectiveMaxKeys({ maxKeys: requested }))) fail(`${what}: MaxKeys`, `"${requested}" or "1000"`, JSON.stringify(w.MaxKeys));
    } else expectEqual(`${what}: MaxKeys`, w.MaxKeys, String(requested ?? 1000));
  }
  if (has('params')) {
    echo(`${what}: Prefix`, wireValue(q, `${what}: Prefix`, w.Prefix), q.prefix);
    echo(`${what}: Delimiter`, wireValue(q, `${what}: Delimiter`, w.Delimiter), q.delimiter);
    if (version === 'v2') {
      const startAfter = wireValue(q, `${what}: StartAfter`, w.StartAfter);
      // With a continuation token AWS ignores start-after and leaves StartAfter out (recorded:
      // test_list_objects_v2_continuation_start_after#list-objects-start-after-token): absent or echoed.
      if (sent.token !== undefined && startAfter === undefined) return judgeRest(ctx, version, q, w, m, what, sent, keys);
      echo(`${what}: StartAfter`, startAfter, q.after);
    } else {
      echo(`${what}: Marker`, wireValue(q, `${what}: Marker`, w.Marker), sent.after);
    }
  }
  judgeRest(ctx, version, q, w, m, what, sent, keys);
}

function judgeRest(ctx: JudgeContext, version: ListVersion, q: Judged, w: WireListing, m: ModelPage, what: string, sent: { after: string | undefined; token: string | undefined }, keys: string[]): void {
  const has = (a: Aspect): boolean => q.aspects?.includes(a) === true;
  if (has('encodingType')) {
    if (q.encodingType) expectEqual(`${what}: EncodingType`, w.EncodingType, 'url');
    else echo(`${what}: EncodingType`, w.EncodingType, undefined);
  }
  if (version === 'v2') {
    if (has('keyCount')) expectEqual(`${what}: KeyCount (keys + common prefixes on the page)`, w.KeyCount, String(m.keyCount));
    if (has('token')) echo(`${what}: ContinuationToken`, w.ContinuationToken, sent.token);
  } else if (has('nextMarker')) {
    const nm = wireValue(q, `${what}: NextMarker`, w.NextMarker);
    if (m.isTruncated && q.delimiter) expectEqual(`${what}: NextMarker (truncated, delimiter given)`, nm, m.lastEntry);
    else if (nm !== undefined && nm !== '' && m.isTruncated) expectEqual(`${what}: NextMarker`, nm, m.lastEntry);
  }
  w.contents.forEach((c, i) => judgeEntry(ctx, version, q, c, keys[i] ?? '', `${what}: Contents[${i}] ${JSON.stringify(keys[i])}`));
}

function judgeEntry(ctx: JudgeContext, version: ListVersion, q: Judged, c: WireEntry, key: string, what: string): void {
  const stored = ctx.store.get(key);
  if (!stored) return; // already reported by the key comparison
  if (q.aspects?.includes('entry')) {
    expectEqual(`${what} Size`, c.Size, String(stored.size));
    expectEqual(`${what} ETag`, c.ETag, stored.etag);
    expectEqual(`${what} StorageClass`, c.StorageClass, 'STANDARD');
    expectMatch(`${what} LastModified`, c.LastModified, ISO_TIMESTAMP);
    const t = Date.parse(c.LastModified ?? '');
    const lo = (ctx.since ?? 0) - 15 * 60_000;
    const hi = Date.now() + 15 * 60_000;
    if (!(t >= lo && t <= hi)) fail(`${what} LastModified is not the upload time`, `between ${new Date(lo).toISOString()} and ${new Date(hi).toISOString()}`, c.LastModified);
  }
  if (q.aspects?.includes('owner')) {
    const wantOwner = version === 'v1' || q.fetchOwner === true;
    const owner = typeof c.Owner === 'object' ? c.Owner : c.Owner === undefined ? undefined : { ID: c.Owner };
    if (wantOwner) {
      if (!owner?.ID) fail(`${what} Owner`, `<Owner><ID>${ctx.owner ?? '…'}</ID></Owner>`, c.Owner);
      if (ctx.owner !== undefined) expectEqual(`${what} Owner.ID (the bucket owner's canonical ID, as ListBuckets shows it)`, owner?.ID, ctx.owner);
    } else if (owner !== undefined) {
      fail(`${what} Owner without fetch-owner`, '(absent: ListObjectsV2 returns Owner only with fetch-owner=true)', c.Owner);
    }
  }
}
