/**
 * The listing fixture shared by suites/listing/ListObjects.test.ts and ListObjectsV2.test.ts (the
 * checks themselves are declared there). Each file owns one bucket: its first check lists it
 * empty, then a fixed key set is uploaded once (lazily) and every scenario is judged against the
 * model (harness/listing/model.ts); checks that need keys of their own upload them under their
 * own prefix and delete them; the model property uploads its key set per run under a fresh prefix.
 */
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import fc from 'fast-check';
import { beforeAll } from 'vitest';
import { createBucket } from '../run/buckets.ts';
import type { CheckContext } from '../check/index.ts';
import type { RawResponse } from '../transport/raw.ts';
import { runtime } from '../run/runtime.ts';
import { querySpecArb, keySetArb, resolveQuery, type QuerySpec } from '../../fixtures/arbitraries/listing.ts';
import { markerInsideGroup } from './model.ts';
import { judgeListing, ownerId, uploadKeys, type Aspect, type Judged, type JudgeContext, type KeyStore } from './judge.ts';
import { settled } from './paginate.ts';
import { listRaw, type ListRequest, type ListVersion } from './wire.ts';

/**
 * The fixed key set: shared prefixes, '/' and '-' at several depths, space and '+', and
 * characters whose UTF-8 order differs from UTF-16 order (é < Ａ < 😀 in UTF-8; é < 😀 < Ａ in
 * UTF-16). No key is a proper prefix of another here: that ordering has its own check.
 */
export const FIXTURE_KEYS = [
  'a/1', 'a/2/x', 'a/2/y', 'a/3', 'ab', 'b/1', 'b/2/z', 'c d+e', 'd-e-f', 'd-g', 'd-g2', 'z', '\u00e9', '\uff21', '\u{1f600}/x',
] as const;

/** Keys that are proper prefixes of other keys ('-' 0x2D < '/' 0x2F < 'b'), listed under PREFIX_ORDER_BASE. */
export const PREFIX_ORDER_KEYS = ['k', 'k-', 'k-b', 'k/', 'k/b', 'kb'] as const;
export const PREFIX_ORDER_BASE = 'p/';

/** A key XML 1.0 cannot carry (U+0001): listable only with encoding-type=url. */
export const XML_UNSAFE_KEY = 'u/\u0001ctl';

/**
 * Keys that break gateways which decode, normalise or re-encode key names: a '%' that starts no
 * escape, a literal "%25" and "%20", a literal '+', a space, a double slash, a trailing slash, and
 * the same word in Unicode NFC (é = U+00E9) and NFD (e + U+0301): two distinct keys. Listed under
 * GATEWAY_BASE, they must come back exactly as stored (a gateway that rewrites the name the same
 * way on PUT and GET is caught only by a listing).
 */
export const GATEWAY_BASE = 'g/';
/** A "directory" key (ending in the delimiter) that is also the prefix listed, with keys below it. */
export const DIR_KEY_BASE = 'q/';
export const DIR_KEYS = ['q/d/', 'q/d/b', 'q/d/c/e', 'q/e'] as const;

export const GATEWAY_KEYS = ['g/100%.csv', 'g/50%25', 'g/a%20b', 'g/a+b', 'g/a b', 'g/x//y', 'g/dir/', 'g/caf\u00e9', 'g/cafe\u0301'] as const;

export interface ListingFixture {
  readonly version: ListVersion;
  /** The file's bucket (created before the first check). */
  bucket(): string;
  /** Whether the fixed key set is uploaded already. */
  uploaded(): boolean;
  /** The judge context over the fixed key set (uploaded on first use). */
  withFixture(c: CheckContext): Promise<JudgeContext>;
  /** Judge one query over the fixed key set (core fields plus `aspects`). */
  judge(c: CheckContext, q: Omit<Judged, 'bucket'>): Promise<void>;
  /** Judge one query over an explicit key store (e.g. an empty one). */
  judgeStore(c: CheckContext, store: KeyStore, q: Omit<Judged, 'bucket'>): Promise<void>;
  /** Upload `keys`, judge every query over exactly them (under their prefix), delete them. */
  judgeExtra(c: CheckContext, keys: readonly string[], queries: ReadonlyArray<Omit<Judged, 'bucket'>>): Promise<void>;
  /** One raw listing request of this API version on the file's bucket (polled under S3C_LIST_SETTLE_MS by `settledRaw`). */
  list(r: Omit<ListRequest, 'bucket'> & { bucket?: string }): Promise<RawResponse>;
  /** Run `judge` once, or poll it (bounded) when the run sets S3C_LIST_SETTLE_MS. */
  settledRun<T>(judge: () => Promise<T>): Promise<T>;
  /** One run of the model property. */
  modelRun(input: ModelInput, c: CheckContext): Promise<void>;
}

/** The shared fixture of one listing test file (call at the file's top level: it registers a beforeAll). */
export function listingFixture(version: ListVersion): ListingFixture {
  const rt = runtime();
  let bucket = '';
  let owner: string | undefined;
  let fixture: Promise<KeyStore> | undefined;
  let since = 0;
  let base = 0;

  beforeAll(async () => {
    bucket = await createBucket(rt, { hint: `list-${version}` });
  });

  const ctxFor = async (c: CheckContext, store: KeyStore, from = since): Promise<JudgeContext> => {
    owner ??= await ownerId(c.s3);
    return { rt, store, since: from, note: c.note, ...(owner !== undefined ? { owner } : {}) };
  };
  const withFixture = async (c: CheckContext): Promise<JudgeContext> => {
    if (!fixture) {
      since = Date.now();
      fixture = uploadKeys(c.s3, bucket, FIXTURE_KEYS);
      fixture.catch(() => (fixture = undefined));
    }
    return ctxFor(c, await fixture);
  };
  const settledRun = <T>(judge: () => Promise<T>): Promise<T> => settled({ settleMs: rt.listSettleMs }, judge);

  return {
    version,
    bucket: () => bucket,
    uploaded: () => fixture !== undefined,
    withFixture,
    settledRun,
    async judge(c, q) {
      await judgeListing(await withFixture(c), version, { bucket, ...q });
    },
    async judgeStore(c, store, q) {
      await judgeListing(await ctxFor(c, store), version, { bucket, ...q });
    },
    async judgeExtra(c, keys, queries) {
      const ctx = await withFixture(c);
      const start = Date.now();
      try {
        const store = await uploadKeys(c.s3, bucket, keys, 2); // few keys; gentle with servers that fail on some of them
        for (const q of queries) await judgeListing({ ...ctx, store, since: start }, version, { bucket, ...q });
      } finally {
        // Also after a failed upload: no key of a check may stay behind to change the listings of the next ones.
        await Promise.all(keys.map((Key) => c.s3.send(new DeleteObjectCommand({ Bucket: bucket, Key })).catch(() => undefined)));
      }
    },
    list: (r) => listRaw(rt, version, { bucket, ...r }),
    async modelRun({ keys, queries }, c) {
      base++;
      const prefix = `m${base}.`;
      const ctx0 = await withFixture(c);
      const start = Date.now();
      const stored = await uploadKeys(c.s3, bucket, keys.map((k) => prefix + k));
      const ctx: JudgeContext = { ...ctx0, store: stored, since: start };
      for (const qs of queries) {
        const q = resolveQuery(keys, qs.spec, prefix);
        if (markerInsideGroup(stored.keys(), q)) continue; // judged by its own check (marker-inside-common-prefix), left out here
        await judgeListing(ctx, version, {
          bucket,
          ...q,
          aspects: MODEL_ASPECTS,
          ...(qs.url ? { encodingType: 'url' as const } : {}),
          ...(version === 'v2' && qs.fetchOwner ? { fetchOwner: true } : {}),
        });
      }
    },
  };
}

/** What the model property compares beyond the core: every field the model predicts (not the entries' own fields). */
export const MODEL_ASPECTS: readonly Aspect[] = ['name', 'maxKeys', 'params', 'token', 'encodingType', 'keyCount', 'nextMarker'];

export interface ModelQuery {
  spec: QuerySpec;
  url: boolean;
  fetchOwner: boolean;
}
export interface ModelInput extends Record<string, unknown> {
  keys: string[];
  queries: ModelQuery[];
}

/**
 * The model property's inputs: ≤16 keys, 3-4 queries. A function, not a constant: the arbitraries
 * module imports this API module back, so it is read only once both are loaded.
 */
export function modelArbs(): { keys: fc.Arbitrary<string[]>; queries: fc.Arbitrary<ModelQuery[]> } {
  const query: fc.Arbitrary<ModelQuery> = fc.record({ spec: querySpecArb, url: fc.boolean(), fetchOwner: fc.boolean() });
  return { keys: keySetArb(16), queries: fc.array(query, { minLength: 3, maxLength: 4 }) };
}

/** Pinned first run: keys that are prefixes of others, UTF-8 vs UTF-16 order, common prefixes under max-keys. */
export const MODEL_EXAMPLES: ModelInput[] = [
  {
    keys: ['a', 'a-b', 'a/c', 'a/c/d', 'b\u00e9', '\uff21', '\u{1f600}'],
    queries: [
      { spec: { prefix: null, delimiter: '/', maxKeys: 1, after: null }, url: false, fetchOwner: false },
      { spec: { prefix: null, delimiter: null, maxKeys: 2, after: null }, url: true, fetchOwner: true },
      { spec: { prefix: { key: 2, len: 2 }, delimiter: '/', maxKeys: 2, after: null }, url: false, fetchOwner: false },
      { spec: { prefix: { key: 4, len: 2 }, delimiter: '\u00e9', maxKeys: null, after: null }, url: true, fetchOwner: false },
    ],
  },
];
