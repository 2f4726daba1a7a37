/**
 * The listing checks, declared once for both APIs: `listingChecks('v1')` in
 * suites/listing/ListObjects.test.ts, `listingChecks('v2')` in ListObjectsV2.test.ts. Each file
 * owns one bucket: its first check lists it empty, then a fixed key set is uploaded once (lazily)
 * and every scenario is judged against the model (harness/listing/model.ts); the model property
 * uploads its own key set per run under a fresh prefix of the same bucket.
 */
import { createHash } from 'node:crypto';
import { DeleteObjectCommand, ListObjectsCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import fc from 'fast-check';
import { beforeAll } from 'vitest';
import { createBucket, newBucketName } from '../buckets.ts';
import { check, property, type CheckContext } from '../check.ts';
import { expectRawError, expectS3Error, step } from '../expect.ts';
import type { Operation } from '../operations.ts';
import { runtime } from '../runtime.ts';
import { querySpecArb, keySetArb, resolveQuery, type QuerySpec } from '../../fixtures/arbitraries/listing.ts';
import { markerInsideGroup } from './model.ts';
import { bodyFor, judgeListing, ownerId, uploadKeys, type Judged, type JudgeContext, type KeyStore } from './judge.ts';
import { settled } from './paginate.ts';
import { listRaw, type ListVersion } from './wire.ts';

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

interface ListingOp {
  op: Operation;
  ref: string;
  /** Name of the "after" parameter. */
  after: string;
}

const OPS: Record<ListVersion, ListingOp> = {
  v1: { op: 'ListObjects', ref: 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjects.html', after: 'marker' },
  v2: { op: 'ListObjectsV2', ref: 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html', after: 'start-after' },
};

export function listingChecks(version: ListVersion): void {
  const rt = runtime();
  const { op, ref, after } = OPS[version];
  const anchor = (s: string): string => `${ref}#${op === 'ListObjects' ? 'API_ListObjects' : 'API_ListObjectsV2'}_${s}`;
  let bucket = '';
  let owner: string | undefined;
  let fixture: Promise<KeyStore> | undefined;
  let since = 0;

  beforeAll(async () => {
    bucket = await createBucket(rt, { hint: `list-${version}` });
  });

  const ctxFor = async (c: CheckContext, store: KeyStore): Promise<JudgeContext> => {
    owner ??= await ownerId(c.s3);
    return { rt, store, since, note: c.note, ...(owner !== undefined ? { owner } : {}) };
  };
  const withFixture = async (c: CheckContext): Promise<JudgeContext> => {
    if (!fixture) {
      since = Date.now();
      fixture = uploadKeys(c.s3, bucket, FIXTURE_KEYS);
      fixture.catch(() => (fixture = undefined));
    }
    return ctxFor(c, await fixture);
  };
  const judge = async (c: CheckContext, q: Omit<Judged, 'bucket'>): Promise<void> => {
    await judgeListing(await withFixture(c), version, { bucket, ...q });
  };
  const meta = (slug: string, title: string, section: string, level: 'required' | 'optional' = 'required') => ({
    id: `${op}/${slug}`,
    operation: op,
    spec: anchor(section),
    level,
    title,
  });

  // ---- an empty bucket (runs before the fixture is uploaded) ----------------------------
  check(meta('empty-bucket', 'listing an empty bucket → 200, no Contents, no CommonPrefixes, IsTruncated false', 'ResponseElements'), async (c) => {
    if (fixture) c.note('the fixture was already uploaded (filtered run): listing an empty prefix instead');
    const store: KeyStore = new Map();
    await judgeListing(await ctxFor(c, store), version, { bucket, ...(fixture ? { prefix: 'no-such-prefix/' } : {}) });
  });

  check(meta('no-such-bucket', 'listing a bucket that does not exist → 404 NoSuchBucket', 'Errors'), async (c) => {
    const missing = newBucketName(rt, 'missing');
    await settled({ settleMs: rt.listSettleMs }, () =>
      expectS3Error(c.s3.send(version === 'v2' ? new ListObjectsV2Command({ Bucket: missing }) : new ListObjectsCommand({ Bucket: missing })), { status: 404, code: 'NoSuchBucket' }),
    );
  });

  // ---- the fixture -----------------------------------------------------------------------
  check(meta('utf8-binary-order', 'all keys, no delimiter → Contents in UTF-8 binary order (é < Ａ < 😀), not UTF-16 order', 'ResponseElements'), (c) => judge(c, {}));

  check(
    meta('key-prefix-order', 'a key sorts before the keys it is a prefix of: k < k- < k-b < k/ < k/b < kb (UTF-8 binary order)', 'ResponseElements'),
    async (c) => {
      const ctx = await withFixture(c);
      const keys = PREFIX_ORDER_KEYS.map((k) => PREFIX_ORDER_BASE + k);
      const store = await uploadKeys(c.s3, bucket, keys);
      try {
        await judgeListing({ ...ctx, store }, version, { bucket, prefix: PREFIX_ORDER_BASE });
      } finally {
        await Promise.all(keys.map((Key) => c.s3.send(new DeleteObjectCommand({ Bucket: bucket, Key })).catch(() => undefined)));
      }
    },
  );

  check(
    meta(
      'entry-fields',
      version === 'v2'
        ? 'each Contents entry carries Key, Size, ETag (MD5), LastModified, StorageClass STANDARD and no Owner without fetch-owner'
        : 'each Contents entry carries Key, Size, ETag (MD5), LastModified, StorageClass STANDARD and the Owner',
      'ResponseSyntax',
    ),
    (c) => judge(c, { prefix: 'a' }),
  );

  if (version === 'v2') {
    check(meta('fetch-owner', 'fetch-owner=true → every entry carries Owner with the owner\'s canonical ID', 'RequestSyntax'), (c) => judge(c, { prefix: 'a/', fetchOwner: true }));
  }

  check(meta('max-keys-pagination', 'max-keys=3 → pages of at most 3 keys, IsTruncated true until the last page, each page continuing the last', 'RequestSyntax'), (c) => judge(c, { maxKeys: 3 }));

  check(meta('delimiter-common-prefixes', 'delimiter=/ → keys below a / are rolled up into CommonPrefixes (a/, b/, 😀/), the others listed', 'ResponseElements'), (c) =>
    judge(c, { delimiter: '/' }),
  );

  check(
    meta(
      version === 'v2' ? 'delimiter-max-keys' : 'next-marker-delimiter',
      version === 'v2'
        ? 'delimiter=/ max-keys=1 → a common prefix counts as one entry; KeyCount and NextContinuationToken per page'
        : 'delimiter=/ max-keys=1 → a common prefix counts as one entry; NextMarker is the last key or common prefix of the page',
      'ResponseElements',
    ),
    (c) => judge(c, { delimiter: '/', maxKeys: 1 }),
  );

  check(meta('prefix-and-delimiter', 'prefix=a/ delimiter=/ → the level below a/ only: a/1, a/3 and the common prefix a/2/', 'ResponseElements'), (c) =>
    judge(c, { prefix: 'a/', delimiter: '/' }),
  );

  check(meta('prefix-not-directory-boundary', 'prefix=a/2 (not ending in the delimiter) → matched as a plain string: common prefix a/2/', 'RequestSyntax'), (c) =>
    judge(c, { prefix: 'a/2', delimiter: '/' }),
  );

  check(meta('other-delimiter', 'delimiter=- (not /) → keys rolled up at the first - after the prefix (d-)', 'RequestSyntax'), (c) => judge(c, { delimiter: '-' }));

  check(meta(`${after}`, `${after}=a/2/x → only keys after it in UTF-8 order; ${after} echoed`, 'RequestSyntax'), (c) => judge(c, { after: 'a/2/x' }));

  check(meta(`${after}-utf8-order`, `${after}=Ａ (U+FF21) → the key 😀/x, after it in UTF-8 order (before it in UTF-16), is listed`, 'RequestSyntax'), (c) =>
    judge(c, { after: '\uff21' }),
  );

  check(meta(`${after}-common-prefix`, `${after}=a/ with delimiter=/ → the common prefix a/ and its keys are skipped`, 'RequestSyntax'), (c) =>
    judge(c, { after: 'a/', delimiter: '/' }),
  );

  check(meta('max-keys-zero', 'max-keys=0 → 200, no entries, IsTruncated false, MaxKeys 0', 'RequestSyntax'), (c) => judge(c, { maxKeys: 0 }));

  check(meta('max-keys-above-1000', 'max-keys=5000 → accepted (capped at 1000): every key listed, MaxKeys echoed as 5000 or 1000', 'RequestSyntax'), (c) =>
    judge(c, { rawMaxKeys: '5000' }),
  );

  check(meta('negative-max-keys', 'max-keys=-1 → 400 InvalidArgument', 'RequestSyntax'), async () => {
    await settled({ settleMs: rt.listSettleMs }, async () => expectRawError(await listRaw(rt, version, { bucket, maxKeys: -1 }), { status: 400, code: 'InvalidArgument' }));
  });

  if (version === 'v2') {
    check(meta('invalid-continuation-token', 'a continuation-token the service did not issue → 400 InvalidArgument', 'RequestSyntax'), async () => {
      await settled({ settleMs: rt.listSettleMs }, async () =>
        expectRawError(await listRaw(rt, version, { bucket, token: '!!not-a-token!!' }), { status: 400, code: 'InvalidArgument' }),
      );
    });
  }

  check(
    meta('encoding-type-url', 'encoding-type=url → keys, prefixes, delimiter and markers URL-encoded, EncodingType=url echoed', 'RequestSyntax'),
    async (c) => {
      await judge(c, { encodingType: 'url', delimiter: '/', maxKeys: 3 });
      await judge(c, { encodingType: 'url', prefix: 'c d', after: 'b/2/z' });
    },
  );

  check(
    meta('encoding-type-url-xml-unsafe-key', 'a key with U+0001 (not allowed in XML 1.0) is listed correctly with encoding-type=url', 'RequestSyntax'),
    async (c) => {
      const ctx = await withFixture(c);
      await step('PutObject (key with U+0001)', c.s3.send(new PutObjectCommand({ Bucket: bucket, Key: XML_UNSAFE_KEY, Body: bodyFor(XML_UNSAFE_KEY) })));
      try {
        const store: KeyStore = new Map(ctx.store);
        const body = bodyFor(XML_UNSAFE_KEY);
        store.set(XML_UNSAFE_KEY, { size: body.length, etag: `"${createHash('md5').update(body).digest('hex')}"` });
        await judgeListing({ ...ctx, store }, version, { bucket, prefix: 'u/', encodingType: 'url' });
      } finally {
        await c.s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: XML_UNSAFE_KEY })).catch(() => undefined);
      }
    },
  );

  // ---- the model property ----------------------------------------------------------------
  let base = 0;
  interface Query {
    spec: QuerySpec;
    url: boolean;
    fetchOwner: boolean;
  }
  const queryArb: fc.Arbitrary<Query> = fc.record({ spec: querySpecArb, url: fc.boolean(), fetchOwner: fc.boolean() });
  property<{ keys: string[]; queries: Query[] }>(
    {
      ...meta('model', `random key set (≤16 keys, UTF-8, delimiters at several depths) × random prefix/delimiter/max-keys/${after} queries → equal to the model page by page`, 'ResponseElements'),
      maxRuns: 5,
      // Pinned first run: keys that are prefixes of others, UTF-8 vs UTF-16 order, common prefixes under max-keys.
      examples: [
        {
          keys: ['a', 'a-b', 'a/c', 'a/c/d', 'b\u00e9', '\uff21', '\u{1f600}'],
          queries: [
            { spec: { prefix: null, delimiter: '/', maxKeys: 1, after: null }, url: false, fetchOwner: false },
            { spec: { prefix: null, delimiter: null, maxKeys: 2, after: null }, url: true, fetchOwner: true },
            { spec: { prefix: { key: 2, len: 2 }, delimiter: '/', maxKeys: 2, after: null }, url: false, fetchOwner: false },
            { spec: { prefix: { key: 4, len: 2 }, delimiter: '\u00e9', maxKeys: null, after: null }, url: true, fetchOwner: false },
          ],
        },
      ],
      timeBudgetMs: rt.remote ? 120_000 : 30_000,
    },
    { keys: keySetArb(16), queries: fc.array(queryArb, { minLength: 3, maxLength: 4 }) },
    async ({ keys, queries }, c) => {
      base++;
      const prefix = `m${base}.`;
      const ctx0 = await withFixture(c);
      const start = Date.now();
      const stored = await uploadKeys(c.s3, bucket, keys.map((k) => prefix + k));
      const ctx: JudgeContext = { ...ctx0, store: stored, since: start };
      for (const qs of queries) {
        const q = resolveQuery(keys, qs.spec, prefix);
        if (markerInsideGroup(stored.keys(), q)) continue; // unspecified by the contract (see model.ts)
        await judgeListing(ctx, version, { bucket, ...q, ...(qs.url ? { encodingType: 'url' as const } : {}), ...(version === 'v2' && qs.fetchOwner ? { fetchOwner: true } : {}) });
      }
    },
  );
}
