import { AbortMultipartUploadCommand, ListPartsCommand, type ListPartsCommandOutput, type S3Client } from '@aws-sdk/client-s3';
import { beforeAll } from 'vitest';
import { check, createBucket, expectEqual, expectS3Error, fail, runtime, step } from '../../harness/api/index.ts';
import { body, type Body } from '../../fixtures/data/bodies.ts';
import { abortQuietly, createUpload, ownerId, ref, unknownUploadId, uploadPart } from '../../harness/api/multipart.ts';

const rt = runtime();
let bucket: string;
beforeAll(async () => {
  bucket = await createBucket(rt, { hint: 'mpu-listparts' });
});

const SKEW_MS = 15 * 60_000;

/** One upload with 3 parts uploaded in the order 2, 3, 1, shared by the field checks. */
interface Fixture {
  key: string;
  id: string;
  parts: Map<number, { b: Body; etag: string }>;
  t0: number;
  t1: number;
  out: ListPartsCommandOutput;
}
let fixture: Promise<Fixture> | undefined;
function threeParts(s3: S3Client): Promise<Fixture> {
  fixture ??= (async () => {
    const key = 'lp/fields';
    const t0 = Date.now();
    const id = await createUpload(s3, bucket, key);
    const parts = new Map<number, { b: Body; etag: string }>();
    for (const [n, size] of [[2, 1000], [3, 1], [1, 2048]] as const) {
      const b = body({ seed: 400 + n, size });
      parts.set(n, { b, etag: await uploadPart(s3, bucket, key, id, n, b) });
    }
    const out = await step('ListParts', s3.send(new ListPartsCommand({ Bucket: bucket, Key: key, UploadId: id })));
    return { key, id, parts, t0, t1: Date.now(), out };
  })();
  return fixture;
}

check(
  {
    id: 'ListParts/parts',
    operation: 'ListParts',
    spec: ref('ListParts', 'ResponseElements'),
    level: 'required',
    title: 'ListParts after parts 2, 3, 1 → Bucket/Key/UploadId echoed, parts 1, 2, 3 with their Size, ETag and LastModified',
  },
  async ({ s3 }) => {
    const f = await threeParts(s3);
    expectEqual('ListPartsResult/Bucket', f.out.Bucket, bucket);
    expectEqual('ListPartsResult/Key', f.out.Key, f.key);
    expectEqual('ListPartsResult/UploadId', f.out.UploadId, f.id);
    expectEqual('ListPartsResult/IsTruncated', f.out.IsTruncated, false);
    const got = (f.out.Parts ?? []).map((p) => p.PartNumber);
    expectEqual('part numbers, ascending', got, [1, 2, 3]);
    for (const p of f.out.Parts ?? []) {
      const want = f.parts.get(p.PartNumber ?? -1);
      if (!want) continue;
      expectEqual(`Part ${p.PartNumber} Size`, p.Size, want.b.size);
      expectEqual(`Part ${p.PartNumber} ETag`, p.ETag, want.etag);
      const t = p.LastModified?.getTime();
      if (t === undefined || Number.isNaN(t) || t < f.t0 - SKEW_MS || t > f.t1 + SKEW_MS) {
        fail(`Part ${p.PartNumber} LastModified`, `a timestamp within ±15 min of the upload (${new Date(f.t0).toISOString()})`, p.LastModified?.toISOString());
      }
    }
  },
);

check(
  {
    id: 'ListParts/initiator-owner',
    operation: 'ListParts',
    spec: ref('ListParts', 'ResponseElements'),
    level: 'required',
    title: 'ListParts → Initiator and Owner carry the ID of the user who initiated (= ListBuckets Owner ID)',
  },
  async ({ s3 }) => {
    const f = await threeParts(s3);
    const me = await ownerId(s3);
    if (!me) fail('ListBuckets Owner/ID', 'the caller’s canonical id', me);
    expectEqual('ListPartsResult/Initiator/ID', f.out.Initiator?.ID, me);
    expectEqual('ListPartsResult/Owner/ID', f.out.Owner?.ID, me);
  },
);

check(
  {
    id: 'ListParts/default-max-parts',
    operation: 'ListParts',
    spec: ref('ListParts', 'RequestParameters'),
    level: 'required',
    title: 'ListParts without max-parts → MaxParts 1000 (the documented default), IsTruncated false for 3 parts',
  },
  async ({ s3 }) => {
    const f = await threeParts(s3);
    expectEqual('ListPartsResult/MaxParts', f.out.MaxParts, 1000);
    expectEqual('ListPartsResult/IsTruncated', f.out.IsTruncated, false);
  },
);

check(
  {
    id: 'ListParts/storage-class',
    operation: 'ListParts',
    spec: ref('ListParts', 'ResponseElements'),
    level: 'required',
    title: 'ListParts of an upload initiated without a storage class → StorageClass STANDARD',
  },
  async ({ s3 }) => {
    const f = await threeParts(s3);
    expectEqual('ListPartsResult/StorageClass', f.out.StorageClass, 'STANDARD');
  },
);

check(
  {
    id: 'ListParts/pagination',
    operation: 'ListParts',
    spec: ref('ListParts', 'RequestParameters'),
    level: 'required',
    title: 'max-parts=2 over 5 parts → pages 2, 2, 1 chained by NextPartNumberMarker, IsTruncated until the last',
  },
  async ({ s3 }) => {
    const key = 'lp/pages';
    const id = await createUpload(s3, bucket, key);
    try {
      for (let n = 1; n <= 5; n++) await uploadPart(s3, bucket, key, id, n, body({ seed: 410 + n, size: 10 }));
      const seen: number[] = [];
      const sizes: number[] = [];
      let marker: string | undefined;
      for (let page = 0; ; page++) {
        if (page >= 5) fail('ListParts pagination', 'at most 3 pages for 5 parts with max-parts=2', `${page} pages, still truncated (seen ${seen.join(',')})`);
        const out = await step(`ListParts page ${page + 1}`, s3.send(new ListPartsCommand({ Bucket: bucket, Key: key, UploadId: id, MaxParts: 2, PartNumberMarker: marker })));
        expectEqual(`page ${page + 1} MaxParts`, out.MaxParts, 2);
        const nums = (out.Parts ?? []).map((p) => p.PartNumber ?? -1);
        sizes.push(nums.length);
        seen.push(...nums);
        if (!out.IsTruncated) break;
        const next = out.NextPartNumberMarker;
        expectEqual(`page ${page + 1} NextPartNumberMarker`, next, String(nums[nums.length - 1]));
        marker = next;
      }
      expectEqual('parts over all pages', seen, [1, 2, 3, 4, 5]);
      expectEqual('page sizes', sizes, [2, 2, 1]);
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

check(
  {
    id: 'ListParts/part-number-marker',
    operation: 'ListParts',
    spec: ref('ListParts', 'RequestParameters'),
    level: 'required',
    title: 'part-number-marker=3 over parts 1-5 → only parts 4 and 5, PartNumberMarker echoed',
  },
  async ({ s3 }) => {
    const key = 'lp/marker';
    const id = await createUpload(s3, bucket, key);
    try {
      for (let n = 1; n <= 5; n++) await uploadPart(s3, bucket, key, id, n, body({ seed: 420 + n, size: 10 }));
      const out = await step('ListParts', s3.send(new ListPartsCommand({ Bucket: bucket, Key: key, UploadId: id, PartNumberMarker: '3' })));
      expectEqual('part numbers after marker 3', (out.Parts ?? []).map((p) => p.PartNumber), [4, 5]);
      expectEqual('PartNumberMarker', out.PartNumberMarker, '3');
      expectEqual('IsTruncated', out.IsTruncated, false);
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

check(
  {
    id: 'ListParts/no-such-upload',
    operation: 'ListParts',
    spec: ref('ListParts', 'Errors'),
    level: 'required',
    title: 'ListParts with an upload id the server never issued → 404 NoSuchUpload',
  },
  async ({ s3 }) => {
    await expectS3Error(s3.send(new ListPartsCommand({ Bucket: bucket, Key: 'lp/unknown', UploadId: unknownUploadId() })), { status: 404, code: 'NoSuchUpload' });
  },
);

check(
  {
    id: 'ListParts/aborted-upload',
    operation: 'ListParts',
    spec: ref('AbortMultipartUpload'),
    level: 'required',
    title: 'ListParts of an aborted upload (which had a part) → 404 NoSuchUpload: the upload and its parts are gone',
  },
  async ({ s3 }) => {
    const key = 'lp/aborted';
    const id = await createUpload(s3, bucket, key);
    await uploadPart(s3, bucket, key, id, 1, body({ seed: 430, size: 10 }));
    await step('AbortMultipartUpload', s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: id })));
    await expectS3Error(s3.send(new ListPartsCommand({ Bucket: bucket, Key: key, UploadId: id })), { status: 404, code: 'NoSuchUpload' });
  },
);
