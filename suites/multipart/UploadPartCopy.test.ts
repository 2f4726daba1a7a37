import { PutObjectCommand, UploadPartCopyCommand, type S3Client, type UploadPartCopyCommandInput } from '@aws-sdk/client-s3';
import { beforeAll } from 'vitest';
import { check, createBucket, expectEqual, expectS3Error, fail, ISO_TIMESTAMP, runtime, step } from '../../harness/api/index.ts';
import { body, bytes, type Body, type Segment } from '../../fixtures/data/bodies.ts';
import { abortQuietly, completeUpload, createUpload, ERRORS, expectObjectBytes, expectS3ErrorIn, MIN_PART, ref, uploadPart } from '../../harness/api/multipart.ts';

const rt = runtime();
let bucket: string;
let other: string;
/** The copy source: 100 KiB of seeded bytes, in this file's bucket and in a second bucket. */
const SRC = body({ seed: 601, size: 100 * 1024 });
const SRC_KEY = 'src/object';
beforeAll(async () => {
  bucket = await createBucket(rt, { hint: 'mpu-copy' });
  other = await createBucket(rt, { hint: 'mpu-copy-src' });
});

let sourcesReady: Promise<void> | undefined;
function sources(s3: S3Client): Promise<void> {
  sourcesReady ??= (async () => {
    const data = bytes(SRC.segments);
    for (const b of [bucket, other]) await step(`PutObject source in ${b}`, s3.send(new PutObjectCommand({ Bucket: b, Key: SRC_KEY, Body: data })));
  })();
  return sourcesReady;
}

const copySource = (b: string, k: string): string => `${b}/${k.split('/').map(encodeURIComponent).join('/')}`;

/** Copy (a range of) the source as part 1 of a new upload, complete it, and compare the object with `expected`. */
async function copyAndComplete(s3: S3Client, key: string, input: Partial<UploadPartCopyCommandInput>, expected: Segment[]): Promise<void> {
  await sources(s3);
  const id = await createUpload(s3, bucket, key);
  try {
    const out = await step(
      'UploadPartCopy',
      s3.send(new UploadPartCopyCommand({ Bucket: bucket, Key: key, UploadId: id, PartNumber: 1, CopySource: copySource(bucket, SRC_KEY), ...input })),
    );
    const etag = out.CopyPartResult?.ETag;
    if (!etag) fail('CopyPartResult/ETag', 'the ETag of the copied part', etag);
    await completeUpload(s3, bucket, key, id, [{ PartNumber: 1, ETag: etag }]);
    await expectObjectBytes(s3, bucket, key, expected);
  } finally {
    await abortQuietly(s3, bucket, key, id);
  }
}

check(
  {
    id: 'UploadPartCopy/whole-source',
    operation: 'UploadPartCopy',
    spec: ref('UploadPartCopy', 'ResponseSyntax'),
    level: 'required',
    title: 'UploadPartCopy of a whole object → CopyPartResult with quoted-MD5 ETag and LastModified; completed object = source',
  },
  async ({ s3 }) => {
    await sources(s3);
    const key = 'copy/whole';
    const id = await createUpload(s3, bucket, key);
    try {
      const out = await step('UploadPartCopy', s3.send(new UploadPartCopyCommand({ Bucket: bucket, Key: key, UploadId: id, PartNumber: 1, CopySource: copySource(bucket, SRC_KEY) })));
      const lm = out.CopyPartResult?.LastModified;
      if (!(lm instanceof Date) || Number.isNaN(lm.getTime()) || !ISO_TIMESTAMP.test(lm.toISOString()) || Math.abs(lm.getTime() - Date.now()) > 15 * 60_000) {
        fail('CopyPartResult/LastModified', 'a timestamp within ±15 min of the copy', lm);
      }
      expectEqual('CopyPartResult/ETag (quoted MD5 of the copied bytes)', out.CopyPartResult?.ETag, SRC.etag());
      await completeUpload(s3, bucket, key, id, [{ PartNumber: 1, ETag: out.CopyPartResult?.ETag as string }]);
      await expectObjectBytes(s3, bucket, key, SRC.segments);
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

const N = SRC.size;
for (const [slug, start, end, what] of [
  ['range-first-bytes', 0, 9, 'the first 10 bytes'],
  ['range-middle', 1000, 50_999, '50,000 bytes from the middle'],
  ['range-last-byte', N - 1, N - 1, 'only the last byte'],
] as const) {
  check(
    {
      id: `UploadPartCopy/${slug}`,
      operation: 'UploadPartCopy',
      spec: ref('UploadPartCopy', 'RequestSyntax'),
      level: 'required',
      title: `x-amz-copy-source-range bytes=${start}-${end} (${what}) → the completed object is exactly that range`,
    },
    async ({ s3 }) => {
      await copyAndComplete(s3, `copy/${slug}`, { CopySourceRange: `bytes=${start}-${end}` }, SRC.range(start, end));
    },
  );
}

check(
  {
    id: 'UploadPartCopy/range-beyond-end',
    operation: 'UploadPartCopy',
    spec: ERRORS,
    level: 'required',
    title: 'x-amz-copy-source-range ending past the last byte → InvalidRange (status 416, or 400 as S3 answers it)',
  },
  async ({ s3 }) => {
    await sources(s3);
    const key = 'copy/beyond';
    const id = await createUpload(s3, bucket, key);
    try {
      await expectS3ErrorIn(
        s3.send(new UploadPartCopyCommand({ Bucket: bucket, Key: key, UploadId: id, PartNumber: 1, CopySource: copySource(bucket, SRC_KEY), CopySourceRange: `bytes=${N - 10}-${N + 10}` })),
        [400, 416],
        'InvalidRange',
        'UploadPartCopy with a range past the end',
      );
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

check(
  {
    id: 'UploadPartCopy/source-if-match',
    operation: 'UploadPartCopy',
    spec: ref('UploadPartCopy', 'RequestSyntax'),
    level: 'required',
    title: 'x-amz-copy-source-if-match with the source ETag → the copy succeeds',
  },
  async ({ s3 }) => {
    await copyAndComplete(s3, 'copy/if-match', { CopySourceIfMatch: SRC.etag() }, [...SRC.segments]);
  },
);

for (const [slug, header, input] of [
  ['source-if-match-failed', 'x-amz-copy-source-if-match with another ETag', { CopySourceIfMatch: '"00000000000000000000000000000000"' }],
  ['source-if-none-match-failed', 'x-amz-copy-source-if-none-match with the source ETag', { CopySourceIfNoneMatch: SRC.etag() }],
  ['source-if-modified-since-failed', 'x-amz-copy-source-if-modified-since a day in the future', { CopySourceIfModifiedSince: new Date(Date.now() + 86_400_000) }],
] as const) {
  check(
    {
      id: `UploadPartCopy/${slug}`,
      operation: 'UploadPartCopy',
      spec: ref('UploadPartCopy', 'RequestSyntax'),
      level: 'required',
      title: `${header} → 412 PreconditionFailed`,
    },
    async ({ s3 }) => {
      await sources(s3);
      const key = `copy/${slug}`;
      const id = await createUpload(s3, bucket, key);
      try {
        await expectS3Error(
          s3.send(new UploadPartCopyCommand({ Bucket: bucket, Key: key, UploadId: id, PartNumber: 1, CopySource: copySource(bucket, SRC_KEY), ...input })),
          { status: 412, code: 'PreconditionFailed' },
        );
      } finally {
        await abortQuietly(s3, bucket, key, id);
      }
    },
  );
}

check(
  {
    id: 'UploadPartCopy/other-bucket',
    operation: 'UploadPartCopy',
    spec: ref('UploadPartCopy', 'RequestSyntax'),
    level: 'required',
    title: 'UploadPartCopy with x-amz-copy-source in another bucket of the same owner → completed object = that source range',
  },
  async ({ s3 }) => {
    await sources(s3);
    const key = 'copy/other-bucket';
    const id = await createUpload(s3, bucket, key);
    try {
      const out = await step(
        'UploadPartCopy',
        s3.send(new UploadPartCopyCommand({ Bucket: bucket, Key: key, UploadId: id, PartNumber: 1, CopySource: copySource(other, SRC_KEY), CopySourceRange: 'bytes=100-299' })),
      );
      await completeUpload(s3, bucket, key, id, [{ PartNumber: 1, ETag: out.CopyPartResult?.ETag ?? '' }]);
      await expectObjectBytes(s3, bucket, key, SRC.range(100, 299));
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

check(
  {
    id: 'UploadPartCopy/mixed-with-upload',
    operation: 'UploadPartCopy',
    spec: ref('CompleteMultipartUpload'),
    level: 'required',
    title: 'part 1 uploaded (5 MiB) + part 2 copied (range of another object) → completed object = their concatenation',
  },
  async ({ s3 }) => {
    await sources(s3);
    const key = 'copy/mixed';
    const p1: Body = body({ seed: 602, size: MIN_PART });
    const id = await createUpload(s3, bucket, key);
    try {
      const e1 = await uploadPart(s3, bucket, key, id, 1, p1);
      const out = await step(
        'UploadPartCopy #2',
        s3.send(new UploadPartCopyCommand({ Bucket: bucket, Key: key, UploadId: id, PartNumber: 2, CopySource: copySource(bucket, SRC_KEY), CopySourceRange: 'bytes=5-1004' })),
      );
      await completeUpload(s3, bucket, key, id, [
        { PartNumber: 1, ETag: e1 },
        { PartNumber: 2, ETag: out.CopyPartResult?.ETag ?? '' },
      ]);
      await expectObjectBytes(s3, bucket, key, [...p1.segments, ...SRC.range(5, 1004)]);
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

check(
  {
    id: 'UploadPartCopy/no-such-source-key',
    operation: 'UploadPartCopy',
    spec: ERRORS,
    level: 'required',
    title: 'UploadPartCopy whose x-amz-copy-source key does not exist → 404 NoSuchKey',
  },
  async ({ s3 }) => {
    await sources(s3);
    const key = 'copy/missing-source';
    const id = await createUpload(s3, bucket, key);
    try {
      await expectS3Error(
        s3.send(new UploadPartCopyCommand({ Bucket: bucket, Key: key, UploadId: id, PartNumber: 1, CopySource: copySource(bucket, 'src/does-not-exist') })),
        { status: 404, code: 'NoSuchKey' },
      );
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);
