import { AbortMultipartUploadCommand, ListMultipartUploadsCommand, type ListMultipartUploadsCommandOutput, type S3Client } from '@aws-sdk/client-s3';
import { beforeAll } from 'vitest';
import { check, createBucket, expectEqual, fail, runtime, step } from '../../harness/api/index.ts';
import { body } from '../../fixtures/data/bodies.ts';
import { completeUpload, createUpload, ownerId, ref, uploadPart } from '../../harness/api/multipart.ts';

const rt = runtime();
let bucket: string;
beforeAll(async () => {
  bucket = await createBucket(rt, { hint: 'mpu-listuploads' });
});

const SKEW_MS = 15 * 60_000;
const list = (s3: S3Client, input: Omit<ConstructorParameters<typeof ListMultipartUploadsCommand>[0], 'Bucket'>): Promise<ListMultipartUploadsCommandOutput> =>
  step('ListMultipartUploads', s3.send(new ListMultipartUploadsCommand({ Bucket: bucket, ...input })));
const pairs = (out: ListMultipartUploadsCommandOutput): string[] => (out.Uploads ?? []).map((u) => `${u.Key}#${u.UploadId}`);

check(
  {
    id: 'ListMultipartUploads/upload-fields',
    operation: 'ListMultipartUploads',
    spec: ref('ListMultipartUploads', 'ResponseElements'),
    level: 'required',
    title: 'an initiated upload is listed with Key, UploadId, Initiated, Initiator/Owner ID of the caller and StorageClass STANDARD',
  },
  async ({ s3 }) => {
    const t0 = Date.now();
    const id = await createUpload(s3, bucket, 'f/obj');
    const out = await list(s3, { Prefix: 'f/' });
    const me = await ownerId(s3);
    expectEqual('ListMultipartUploadsResult/Bucket', out.Bucket, bucket);
    expectEqual('uploads under f/', pairs(out), [`f/obj#${id}`]);
    const u = out.Uploads?.[0];
    const t = u?.Initiated?.getTime();
    if (t === undefined || Number.isNaN(t) || Math.abs(t - t0) > SKEW_MS) fail('Upload/Initiated', `within ±15 min of ${new Date(t0).toISOString()}`, u?.Initiated?.toISOString());
    expectEqual('Upload/Initiator/ID', u?.Initiator?.ID, me);
    expectEqual('Upload/Owner/ID', u?.Owner?.ID, me);
    expectEqual('Upload/StorageClass', u?.StorageClass, 'STANDARD');
  },
);

check(
  {
    id: 'ListMultipartUploads/default-max-uploads',
    operation: 'ListMultipartUploads',
    spec: ref('ListMultipartUploads', 'RequestParameters'),
    level: 'required',
    title: 'ListMultipartUploads without max-uploads → MaxUploads 1000 (the documented default), IsTruncated false',
  },
  async ({ s3 }) => {
    const id = await createUpload(s3, bucket, 'm/one');
    const out = await list(s3, { Prefix: 'm/' });
    expectEqual('uploads under m/', pairs(out), [`m/one#${id}`]);
    expectEqual('ListMultipartUploadsResult/MaxUploads', out.MaxUploads, 1000);
    expectEqual('ListMultipartUploadsResult/IsTruncated', out.IsTruncated, false);
  },
);

check(
  {
    id: 'ListMultipartUploads/key-marker',
    operation: 'ListMultipartUploads',
    spec: ref('ListMultipartUploads', 'RequestParameters'),
    level: 'required',
    title: 'key-marker=k/b without upload-id-marker over uploads k/a, k/b, k/c → only k/c listed; KeyMarker echoed',
  },
  async ({ s3 }) => {
    const ids: Record<string, string> = {};
    for (const k of ['k/a', 'k/b', 'k/c']) ids[k] = await createUpload(s3, bucket, k);
    const out = await list(s3, { Prefix: 'k/', KeyMarker: 'k/b' });
    expectEqual('ListMultipartUploadsResult/KeyMarker', out.KeyMarker, 'k/b');
    expectEqual('uploads after key-marker k/b', pairs(out), [`k/c#${ids['k/c']}`]);
  },
);

check(
  {
    id: 'ListMultipartUploads/prefix',
    operation: 'ListMultipartUploads',
    spec: ref('ListMultipartUploads', 'RequestParameters'),
    level: 'required',
    title: 'prefix=p/x/ → only the uploads whose key starts with p/x/, in key order; Prefix echoed',
  },
  async ({ s3 }) => {
    const ids: Record<string, string> = {};
    for (const k of ['p/x/b', 'p/x/a', 'p/y/a', 'p/x']) ids[k] = await createUpload(s3, bucket, k);
    const out = await list(s3, { Prefix: 'p/x/' });
    expectEqual('Prefix', out.Prefix, 'p/x/');
    expectEqual('uploads under p/x/', pairs(out), [`p/x/a#${ids['p/x/a']}`, `p/x/b#${ids['p/x/b']}`]);
  },
);

check(
  {
    id: 'ListMultipartUploads/delimiter',
    operation: 'ListMultipartUploads',
    spec: ref('ListMultipartUploads', 'RequestParameters'),
    level: 'required',
    title: 'prefix=d/, delimiter=/ → uploads directly under d/ listed, deeper keys rolled up into CommonPrefixes',
  },
  async ({ s3 }) => {
    const ids: Record<string, string> = {};
    for (const k of ['d/a/1', 'd/a/2', 'd/b/1', 'd/top']) ids[k] = await createUpload(s3, bucket, k);
    const out = await list(s3, { Prefix: 'd/', Delimiter: '/' });
    expectEqual('Delimiter', out.Delimiter, '/');
    expectEqual('uploads directly under d/', pairs(out), [`d/top#${ids['d/top']}`]);
    expectEqual('CommonPrefixes', (out.CommonPrefixes ?? []).map((c) => c.Prefix), ['d/a/', 'd/b/']);
  },
);

check(
  {
    id: 'ListMultipartUploads/same-key-initiation-order',
    operation: 'ListMultipartUploads',
    spec: ref('ListMultipartUploads'),
    level: 'required',
    title: 'six uploads of one key → listed in initiation order (first initiated first), Initiated non-decreasing',
  },
  async ({ s3 }) => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await createUpload(s3, bucket, 'o/key'));
    const out = await list(s3, { Prefix: 'o/' });
    expectEqual('upload ids in listing order', (out.Uploads ?? []).map((u) => u.UploadId), ids);
    const times = (out.Uploads ?? []).map((u) => u.Initiated?.getTime() ?? NaN);
    for (let i = 1; i < times.length; i++) {
      if (!((times[i] as number) >= (times[i - 1] as number))) fail('Initiated of same-key uploads', 'non-decreasing', times.map((t) => new Date(t).toISOString()));
    }
  },
);

check(
  {
    id: 'ListMultipartUploads/pagination',
    operation: 'ListMultipartUploads',
    spec: ref('ListMultipartUploads', 'RequestParameters'),
    level: 'required',
    title: 'max-uploads=1 over 4 uploads (2 of one key) → 4 pages chained by NextKeyMarker/NextUploadIdMarker = full listing',
  },
  async ({ s3 }) => {
    for (const k of ['g/a', 'g/a', 'g/b', 'g/c']) await createUpload(s3, bucket, k);
    const full = pairs(await list(s3, { Prefix: 'g/' }));
    expectEqual('uploads under g/ (one page)', full.length, 4);
    const seen: string[] = [];
    let keyMarker: string | undefined;
    let idMarker: string | undefined;
    for (let page = 0; ; page++) {
      if (page >= 6) fail('ListMultipartUploads pagination', 'at most 4 pages for 4 uploads with max-uploads=1', `${page} pages, still truncated (seen ${seen.length})`);
      const out = await list(s3, { Prefix: 'g/', MaxUploads: 1, KeyMarker: keyMarker, UploadIdMarker: idMarker });
      expectEqual(`page ${page + 1} MaxUploads`, out.MaxUploads, 1);
      if (keyMarker !== undefined) {
        expectEqual(`page ${page + 1} KeyMarker (the key-marker sent)`, out.KeyMarker, keyMarker);
        expectEqual(`page ${page + 1} UploadIdMarker (the upload-id-marker sent)`, out.UploadIdMarker, idMarker);
      }
      const p = pairs(out);
      if (p.length > 1) fail(`page ${page + 1} size`, 'at most 1 upload', p.length);
      seen.push(...p);
      if (!out.IsTruncated) break;
      const last = out.Uploads?.[out.Uploads.length - 1];
      expectEqual(`page ${page + 1} NextKeyMarker`, out.NextKeyMarker, last?.Key);
      expectEqual(`page ${page + 1} NextUploadIdMarker`, out.NextUploadIdMarker, last?.UploadId);
      keyMarker = out.NextKeyMarker;
      idMarker = out.NextUploadIdMarker;
    }
    expectEqual('uploads over all pages', seen, full);
  },
);

check(
  {
    id: 'ListMultipartUploads/gone-after-complete',
    operation: 'ListMultipartUploads',
    spec: ref('CompleteMultipartUpload'),
    level: 'required',
    title: 'an upload is listed while in progress and no longer after CompleteMultipartUpload',
  },
  async ({ s3 }) => {
    const key = 'c/done';
    const id = await createUpload(s3, bucket, key);
    const etag = await uploadPart(s3, bucket, key, id, 1, body({ seed: 501, size: 10 }));
    expectEqual('uploads under c/ before Complete', pairs(await list(s3, { Prefix: 'c/' })), [`${key}#${id}`]);
    await completeUpload(s3, bucket, key, id, [{ PartNumber: 1, ETag: etag }]);
    expectEqual('uploads under c/ after Complete', pairs(await list(s3, { Prefix: 'c/' })), []);
  },
);

check(
  {
    id: 'ListMultipartUploads/gone-after-abort',
    operation: 'ListMultipartUploads',
    spec: ref('AbortMultipartUpload'),
    level: 'required',
    title: 'an upload is listed while in progress and no longer after AbortMultipartUpload',
  },
  async ({ s3 }) => {
    const key = 'a/aborted';
    const id = await createUpload(s3, bucket, key);
    await uploadPart(s3, bucket, key, id, 1, body({ seed: 502, size: 10 }));
    expectEqual('uploads under a/ before Abort', pairs(await list(s3, { Prefix: 'a/' })), [`${key}#${id}`]);
    await step('AbortMultipartUpload', s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: id })));
    expectEqual('uploads under a/ after Abort', pairs(await list(s3, { Prefix: 'a/' })), []);
  },
);
