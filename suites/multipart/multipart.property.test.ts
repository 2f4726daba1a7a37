/**
 * The multipart round trip as a property: a random plan of parts (count, numbers, sizes, upload
 * order, one re-upload, extra parts left out of the completion) → the completed object is the
 * concatenation of the completed parts, its ETag is "md5(concat(md5(part_i)))-<count>", and its
 * Content-Length is the sum. Part numbers stay within 1-1000 (Swift's default limit; the
 * 10,000 bound has its own check, UploadPart/part-number-10000). Bodies are generated from seeds and streamed; every part but the
 * last is 5 MiB + a few KiB, so a run costs ≤ 2 × 5 MiB of parts plus small ones. Runs: the
 * run's S3C_NUM_RUNS, capped at 3.
 */
import { DeleteObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import fc from 'fast-check';
import { doc, expectEqual, recorded, step, operation } from '../../harness/api/index.ts';
import { body, type Body } from '../../fixtures/data/bodies.ts';
import { abortQuietly, completeUpload, createUpload, expectObjectBytes, MIN_PART, multipartEtag, uploadPart } from '../../harness/api/multipart.ts';

const op = operation('CompleteMultipartUpload', { buckets: { bucket: { hint: 'mpu-prop' } } });

/** Upper bound on completed parts per run (S3C_MPU_MAX_PARTS, default 3). */
const MAX_PARTS = Math.max(1, Math.min(10, Number(process.env.S3C_MPU_MAX_PARTS ?? 3) || 3));

interface Plan {
  /** Completed part numbers, ascending. */
  numbers: number[];
  /** Uploaded but left out of the completion list. */
  extras: number[];
  /** Bytes above 5 MiB of every completed part but the last. */
  bigExtra: number[];
  lastSize: number;
  seed: number;
  /** Upload order: a permutation key per upload. */
  order: number[];
  /** Index (into numbers) of a part first uploaded with other bytes, then replaced. */
  reupload: number | null;
}

const planArb: fc.Arbitrary<Plan> = fc.integer({ min: 1, max: MAX_PARTS }).chain((n) =>
  fc.integer({ min: 0, max: 2 }).chain((x) =>
    fc.record({
      all: fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: n + x, maxLength: n + x }),
      bigExtra: fc.array(fc.integer({ min: 0, max: 64 * 1024 }), { minLength: n - 1, maxLength: n - 1 }),
      lastSize: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 256 * 1024 })),
      seed: fc.integer(),
      order: fc.array(fc.integer(), { minLength: n + x + 1, maxLength: n + x + 1 }),
      reupload: fc.option(fc.integer({ min: 0, max: n - 1 })),
    }).map(({ all, ...rest }) => ({ ...rest, numbers: all.slice(0, n).sort((a, b) => a - b), extras: all.slice(n) })),
  ),
);

let run = 0;

op.property(
  {
    id: 'CompleteMultipartUpload/round-trip',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html',
    level: 'required',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_and_list_parts#head-multipart-checksum'),
      doc(
        'https://docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html',
        'Upon receiving this request, Amazon S3 concatenates all the parts in ascending order by part number to create a new object.',
      ),
    ],
    title: 'random parts (≥5 MiB but the last), random upload order, a re-upload, a completed subset → GET = concatenation, ETag "…-N", length = sum',
    maxRuns: 3,
    timeBudgetMs: 30_000,
    // Pinned first: a completion that lists a subset of the uploaded parts (part 2 uploaded, left out),
    // so a server that mishandles subsets fails every run the same way, not only when chance picks one.
    examples: [{ plan: { numbers: [1], extras: [2], bigExtra: [], lastSize: 1, seed: 1, order: [0, 1, 2], reupload: null } satisfies Plan }],
  },
  { plan: planArb },
  async ({ plan }, { s3, bucket }) => {
    const key = `prop/${++run}`;
    const n = plan.numbers.length;
    const parts: Body[] = plan.numbers.map((_, i) =>
      body({ seed: (plan.seed + 7919 * (i + 1)) | 0, size: i < n - 1 ? MIN_PART + (plan.bigExtra[i] ?? 0) : plan.lastSize }),
    );
    // Uploads: each completed part, each extra part (small), and optionally a first, replaced version of one part.
    type Op = { number: number; b: Body; replaced?: boolean };
    const ops: Op[] = [
      ...plan.numbers.map((number, i) => ({ number, b: parts[i] as Body })),
      ...plan.extras.map((number, i) => ({ number, b: body({ seed: (plan.seed ^ 0x5a5a) + i, size: 1 + (i * 997) % 4096 }) })),
    ];
    if (plan.reupload !== null) ops.push({ number: plan.numbers[plan.reupload] as number, b: body({ seed: ~plan.seed, size: 777 }), replaced: true });
    const keyed = ops.map((op, i) => ({ op, k: plan.order[i] ?? 0, i })).sort((a, b) => a.k - b.k || a.i - b.i).map((e) => e.op);
    // The replaced version must go before its replacement: the last upload of a part number wins.
    const ri = keyed.findIndex((o) => o.replaced);
    if (ri >= 0) {
      const target = keyed[ri] as Op;
      const wi = keyed.findIndex((o) => o.number === target.number && !o.replaced);
      if (wi < ri) {
        keyed.splice(ri, 1);
        keyed.splice(wi, 0, target);
      }
    }
    const id = await createUpload(s3, bucket, key);
    try {
      const etags = new Map<number, string>();
      for (const op of keyed) etags.set(op.number, await uploadPart(s3, bucket, key, id, op.number, op.b));
      await completeUpload(s3, bucket, key, id, plan.numbers.map((PartNumber) => ({ PartNumber, ETag: etags.get(PartNumber) as string })));
      const want = multipartEtag(parts.map((p) => p.md5()));
      const size = parts.reduce((s, p) => s + p.size, 0);
      const head = await step('HeadObject', s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key })));
      expectEqual('HeadObject Content-Length (sum of the completed parts)', head.ContentLength, size);
      expectEqual('HeadObject ETag (md5 of the part md5s, -count)', head.ETag, want);
      await expectObjectBytes(s3, bucket, key, parts.flatMap((p) => p.segments));
    } finally {
      await abortQuietly(s3, bucket, key, id);
      // Free the server's memory/disk between runs (RGW memstore).
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })).catch(() => undefined);
    }
  },
);
