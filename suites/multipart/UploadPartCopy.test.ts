import { HeadObjectCommand, PutObjectCommand, UploadPartCopyCommand, type S3Client, type UploadPartCopyCommandInput } from '@aws-sdk/client-s3';
import { doc, expectEqual, expectRawError, expectS3Error, expectStatus, fail, ISO_TIMESTAMP, newBucketName, raw, recorded, step, operation, type RawResponse, expectErrorEnvelope, ERROR_ENVELOPE_EVIDENCE, ERROR_ENVELOPE_SPEC, expectErrorFields, NO_SUCH_BUCKET_NAMED_EVIDENCE } from '../../harness/api/index.ts';
import { body, bytes, type Body, type Segment } from '../../fixtures/data/bodies.ts';
import {
  abortQuietly,
  completeUpload,
  copySourceOf,
  createUpload,
  expectObjectBytes,
  expectRequestIdHeaders,
  MIN_PART,
  unknownUploadId,
  uploadPart,
  withUploadRaw,
} from '../../harness/api/multipart.ts';
import { checksumOf } from '../../harness/api/object.ts';

const op = operation('UploadPartCopy', { buckets: { bucket: { hint: 'mpu-copy' }, other: { hint: 'mpu-copy-src' } } });
const { rt } = op;
/** The copy source: 100 KiB of seeded bytes, in this file's bucket and in a second bucket. */
const SRC = body({ seed: 601, size: 100 * 1024 });
const SRC_KEY = 'src/object';

let sourcesReady: Promise<void> | undefined;
function sources({ bucket, other }: { bucket: string; other: string }, s3: S3Client): Promise<void> {
  sourcesReady ??= (async () => {
    const data = bytes(SRC.segments);
    for (const b of [bucket, other]) await step(`PutObject source in ${b}`, s3.send(new PutObjectCommand({ Bucket: b, Key: SRC_KEY, Body: data })));
  })();
  return sourcesReady;
}

/** Copy (a range of) `source` as part 1 of a new upload, complete it, and compare the object with `expected`. */
async function copyAndComplete({ bucket, other }: { bucket: string; other: string }, s3: S3Client, key: string, input: Partial<UploadPartCopyCommandInput>, expected: Segment[], source = copySourceOf(bucket, SRC_KEY)): Promise<void> {
  await sources({ bucket, other }, s3);
  const id = await createUpload(s3, bucket, key);
  try {
    const out = await step('UploadPartCopy', s3.send(new UploadPartCopyCommand({ Bucket: bucket, Key: key, UploadId: id, PartNumber: 1, CopySource: source, ...input })));
    const etag = out.CopyPartResult?.ETag;
    if (!etag) fail('CopyPartResult/ETag', 'the ETag of the copied part', etag);
    await completeUpload(s3, bucket, key, id, [{ PartNumber: 1, ETag: etag }]);
    await expectObjectBytes(s3, bucket, key, expected);
  } finally {
    await abortQuietly(s3, bucket, key, id);
  }
}

/** An UploadPartCopy into a fresh upload that must fail with `want`. */
async function copyFails({ bucket, other }: { bucket: string; other: string }, s3: S3Client, key: string, input: Partial<UploadPartCopyCommandInput>, want: { status: number; code: string }): Promise<void> {
  await sources({ bucket, other }, s3);
  const id = await createUpload(s3, bucket, key);
  try {
    await expectS3Error(
      s3.send(new UploadPartCopyCommand({ Bucket: bucket, Key: key, UploadId: id, PartNumber: 1, CopySource: copySourceOf(bucket, SRC_KEY), ...input })),
      want,
      'UploadPartCopy',
    );
  } finally {
    await abortQuietly(s3, bucket, key, id);
  }
}

op.check(
  {
    id: 'UploadPartCopy/whole-source',
    spec: '#API_UploadPartCopy_ResponseSyntax',
    feature: 'multipartExtras',
    level: 'required',
    title: 'UploadPartCopy of a whole object → CopyPartResult with ETag = quoted MD5 of the source and a current LastModified',
    evidence: [recorded('tests/aws/services/s3/test_s3_api.py::TestS3Multipart::test_upload_part_copy_no_copy_source_range#upload-part-copy')],
  },
  async ({ s3, bucket, other }) => {
    await sources({ bucket, other }, s3);
    const key = 'copy/whole';
    const id = await createUpload(s3, bucket, key);
    try {
      const out = await step('UploadPartCopy', s3.send(new UploadPartCopyCommand({ Bucket: bucket, Key: key, UploadId: id, PartNumber: 1, CopySource: copySourceOf(bucket, SRC_KEY) })));
      const lm = out.CopyPartResult?.LastModified;
      if (!(lm instanceof Date) || Number.isNaN(lm.getTime()) || !ISO_TIMESTAMP.test(lm.toISOString()) || Math.abs(lm.getTime() - Date.now()) > 15 * 60_000) {
        fail('CopyPartResult/LastModified', 'a timestamp within ±15 min of the copy', lm);
      }
      expectEqual('CopyPartResult/ETag (quoted MD5 of the copied bytes)', out.CopyPartResult?.ETag, SRC.etag());
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

op.check(
  {
    id: 'UploadPartCopy/whole-source-bytes',
    spec: '#API_UploadPartCopy_RequestSyntax',
    feature: 'multipartExtras',
    level: 'required',
    title: 'UploadPartCopy of a whole object without a range, completed → the object is byte for byte the source',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3Multipart::test_upload_part_copy_no_copy_source_range#list-parts'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_UploadPartCopy.html', 'Uploads a part by copying data from an existing object as data source.'),
    ],
  },
  async ({ s3, bucket, other }) => {
    await copyAndComplete({ bucket, other }, s3, 'copy/whole-bytes', {}, [...SRC.segments]);
  },
);

const N = SRC.size;
for (const [slug, start, end, what] of [
  ['range-first-bytes', 0, 9, 'the first 10 bytes'],
  ['range-middle', 1000, 50_999, '50,000 bytes from the middle'],
  ['range-last-byte', N - 1, N - 1, 'only the last byte'],
] as const) {
  op.check(
    {
      id: `UploadPartCopy/${slug}`,
      feature: 'multipartExtras',
      spec: '#API_UploadPartCopy_RequestSyntax',
      level: 'required',
      title: `x-amz-copy-source-range bytes=${start}-${end} (${what}) → the completed object is exactly that range`,
      evidence: [
        recorded('tests/aws/services/s3/test_s3_api.py::TestS3Multipart::test_upload_part_copy_range#list-parts', 'ranges 0-8, 1-1, 0-0 give parts of 9, 1 and 1 bytes'),
        doc(
          'https://docs.aws.amazon.com/AmazonS3/latest/API/API_UploadPartCopy.html#API_UploadPartCopy_RequestSyntax',
          'x-amz-copy-source-range: The range of bytes to copy from the source object. The range value must use the form bytes=first-last, where the first and last are the zero-based byte offsets to copy.',
        ),
      ],
    },
    async ({ s3, bucket, other }) => {
      await copyAndComplete({ bucket, other }, s3, `copy/${slug}`, { CopySourceRange: `bytes=${start}-${end}` }, SRC.range(start, end));
    },
  );
}

op.check(
  {
    id: 'UploadPartCopy/range-etag-is-range-md5',
    spec: '#API_UploadPartCopy_ResponseSyntax',
    feature: 'multipartExtras',
    level: 'required',
    title: 'UploadPartCopy with x-amz-copy-source-range bytes=100-1099 → CopyPartResult ETag = quoted MD5 of those 1,000 bytes',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3Multipart::test_upload_part_copy_range#upload-part-copy-1', 'range 0-8 of "0123456789" → ETag md5("012345678")'),
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3Multipart::test_upload_part_copy_range#upload-part-copy-2', 'range 1-1 → ETag md5("1")'),
    ],
  },
  async ({ s3, bucket, other }) => {
    await sources({ bucket, other }, s3);
    const key = 'copy/range-etag';
    const id = await createUpload(s3, bucket, key);
    try {
      const out = await step(
        'UploadPartCopy',
        s3.send(new UploadPartCopyCommand({ Bucket: bucket, Key: key, UploadId: id, PartNumber: 1, CopySource: copySourceOf(bucket, SRC_KEY), CopySourceRange: 'bytes=100-1099' })),
      );
      expectEqual('CopyPartResult/ETag (quoted MD5 of the copied range)', out.CopyPartResult?.ETag, body(SRC.range(100, 1099)).etag());
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

op.check(
  {
    id: 'UploadPartCopy/range-beyond-end',
    spec: '#API_UploadPartCopy_RequestSyntax',
    feature: 'multipartExtras',
    level: 'required',
    title: 'x-amz-copy-source-range starting inside the source but ending past its last byte → 400 InvalidArgument',
    evidence: [recorded('tests/aws/services/s3/test_s3_api.py::TestS3Multipart::test_upload_part_copy_range#upload-part-copy-range-exc-0-100', 'Range specified is not valid for source object of size: 10')],
  },
  async ({ s3, bucket, other }) => {
    await copyFails({ bucket, other }, s3, 'copy/beyond', { CopySourceRange: `bytes=${N - 10}-${N + 10}` }, { status: 400, code: 'InvalidArgument' });
  },
);

op.check(
  {
    id: 'UploadPartCopy/range-start-beyond-end',
    spec: '#API_UploadPartCopy_RequestSyntax',
    feature: 'multipartExtras',
    level: 'required',
    title: 'x-amz-copy-source-range starting past the source’s last byte → 400 InvalidRequest',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3Multipart::test_upload_part_copy_range#upload-part-copy-range-exc-100-200', 'The specified copy range is invalid for the source object size'),
    ],
  },
  async ({ s3, bucket, other }) => {
    await copyFails({ bucket, other }, s3, 'copy/start-beyond', { CopySourceRange: `bytes=${N + 100}-${N + 200}` }, { status: 400, code: 'InvalidRequest' });
  },
);

for (const [slug, range, what, snapshot] of [
  ['range-without-unit', '0-8', 'no bytes= unit', 'upload-part-copy-wrong-format'],
  ['range-reversed', 'bytes=1-0', 'last before first', 'upload-part-copy-range-exc-1-0'],
  ['range-open-ended', 'bytes=1-', 'no last byte', 'upload-part-copy-range-exc-1-'],
  ['range-suffix', 'bytes=-2', 'a suffix range', 'upload-part-copy-range-exc--2'],
  ['range-negative-first', 'bytes=-1-', 'a negative first byte', 'upload-part-copy-range-exc--1-'],
  ['range-negative-last', 'bytes=0--1', 'a negative last byte', 'upload-part-copy-range-exc-0--1'],
  ['range-multiple', 'bytes=0-1,3-4,7-9', 'several ranges', 'upload-part-copy-range-exc-0-1,3-4,7-9'],
  ['range-no-bounds', 'bytes=-', 'neither first nor last', 'upload-part-copy-range-exc--'],
  ['range-suffix-zero', 'bytes=-0', 'a zero-length suffix', 'upload-part-copy-range-exc--0'],
] as const) {
  op.check(
    {
      id: `UploadPartCopy/${slug}`,
      feature: 'multipartExtras',
      spec: '#API_UploadPartCopy_RequestSyntax',
      level: 'required',
      title: `x-amz-copy-source-range "${range}" (${what}: not bytes=first-last) → 400 InvalidArgument`,
      evidence: [recorded(`tests/aws/services/s3/test_s3_api.py::TestS3Multipart::test_upload_part_copy_range#${snapshot}`)],
    },
    async ({ s3, bucket, other }) => {
      await copyFails({ bucket, other }, s3, `copy/${slug}`, { CopySourceRange: range }, { status: 400, code: 'InvalidArgument' });
    },
  );
}

/** An UploadPartCopy of `range` of the source into a fresh upload, sent raw so the error's fields can be read. */
async function copyRangeRaw({ bucket, other }: { bucket: string; other: string }, s3: S3Client, key: string, range: string): Promise<RawResponse> {
  await sources({ bucket, other }, s3);
  const id = await createUpload(s3, bucket, key);
  try {
    return await raw(rt, {
      method: 'PUT',
      bucket,
      key,
      query: { partNumber: '1', uploadId: id },
      headers: { 'x-amz-copy-source': copySourceOf(bucket, SRC_KEY), 'x-amz-copy-source-range': range },
    });
  } finally {
    await abortQuietly(s3, bucket, key, id);
  }
}

op.check(
  {
    id: 'UploadPartCopy/range-malformed-names-argument',
    feature: 'multipartExtras',
    spec: '#API_UploadPartCopy_RequestSyntax',
    level: 'required',
    title: 'x-amz-copy-source-range "0-8" (no bytes= unit) → 400 InvalidArgument, ArgumentName x-amz-copy-source-range, ArgumentValue 0-8',
    evidence: [recorded('tests/aws/services/s3/test_s3_api.py::TestS3Multipart::test_upload_part_copy_range#upload-part-copy-wrong-format', 'ArgumentName x-amz-copy-source-range, ArgumentValue 0-8 (the header sent)')],
  },
  async ({ s3, bucket, other }) => {
    const res = await copyRangeRaw({ bucket, other }, s3, 'copy/range-malformed-fields', '0-8');
    expectRawError(res, { status: 400, code: 'InvalidArgument' }, 'UploadPartCopy with x-amz-copy-source-range: 0-8');
    expectErrorFields(res, { ArgumentName: 'x-amz-copy-source-range', ArgumentValue: '0-8' });
  },
);

op.check(
  {
    id: 'UploadPartCopy/range-beyond-end-names-argument',
    feature: 'multipartExtras',
    spec: '#API_UploadPartCopy_RequestSyntax',
    level: 'required',
    title: 'x-amz-copy-source-range ending past the source’s last byte → 400 InvalidArgument, ArgumentName x-amz-copy-source-range, ArgumentValue the header sent',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3Multipart::test_upload_part_copy_range#upload-part-copy-range-exc-0-100', 'bytes=0-100 of a 10-byte source → ArgumentName x-amz-copy-source-range, ArgumentValue bytes=0-100 (the header sent)'),
    ],
  },
  async ({ s3, bucket, other }) => {
    const range = `bytes=0-${N + 10}`;
    const res = await copyRangeRaw({ bucket, other }, s3, 'copy/range-beyond-fields', range);
    expectRawError(res, { status: 400, code: 'InvalidArgument' }, `UploadPartCopy with x-amz-copy-source-range: ${range}`);
    expectErrorFields(res, { ArgumentName: 'x-amz-copy-source-range', ArgumentValue: range });
  },
);

op.check(
  {
    id: 'UploadPartCopy/source-if-match',
    spec: '#API_UploadPartCopy_RequestSyntax',
    feature: 'multipartExtras',
    level: 'required',
    title: 'x-amz-copy-source-if-match with the source ETag → the copy succeeds',
    evidence: [recorded('tests/aws/services/s3/test_s3_api.py::TestS3Multipart::test_upload_part_copy_with_copy_source_if_match_success#upload-part-copy-if-match')],
  },
  async ({ s3, bucket, other }) => {
    await copyAndComplete({ bucket, other }, s3, 'copy/if-match', { CopySourceIfMatch: SRC.etag() }, [...SRC.segments]);
  },
);

op.check(
  {
    id: 'UploadPartCopy/source-if-none-match',
    spec: '#API_UploadPartCopy_RequestSyntax',
    feature: 'multipartExtras',
    level: 'required',
    title: 'x-amz-copy-source-if-none-match with another ETag → the copy succeeds',
    evidence: [recorded('tests/aws/services/s3/test_s3_api.py::TestS3Multipart::test_upload_part_copy_with_copy_source_if_match_none_success#upload-part-copy-if-none-match')],
  },
  async ({ s3, bucket, other }) => {
    await copyAndComplete({ bucket, other }, s3, 'copy/if-none-match', { CopySourceIfNoneMatch: '"00000000000000000000000000000000"' }, [...SRC.segments]);
  },
);

op.check(
  {
    id: 'UploadPartCopy/source-if-unmodified-since-true',
    spec: '#API_UploadPartCopy_RequestSyntax',
    feature: 'multipartExtras',
    level: 'required',
    title: 'x-amz-copy-source-if-unmodified-since a day after now (the source is unmodified since) → the copy succeeds',
    evidence: [recorded('tests/aws/services/s3/test_s3_api.py::TestS3Multipart::test_upload_part_copy_with_copy_source_if_unmodified_since_success#upload-part-copy-if-unmodified-since', 'CopySourceIfUnmodifiedSince = now + 1 day → 200')],
  },
  async ({ s3, bucket, other }) => {
    await copyAndComplete({ bucket, other }, s3, 'copy/if-unmodified-since-true', { CopySourceIfUnmodifiedSince: new Date(Date.now() + 86_400_000) }, [...SRC.segments]);
  },
);

op.check(
  {
    id: 'UploadPartCopy/source-if-modified-since-true',
    spec: '#API_UploadPartCopy_RequestSyntax',
    feature: 'multipartExtras',
    level: 'required',
    title: 'x-amz-copy-source-if-modified-since a day before now (the source was written since) → the copy succeeds',
    evidence: [recorded('tests/aws/services/s3/test_s3_api.py::TestS3Multipart::test_upload_part_copy_with_copy_source_if_modified_since_success#upload-part-copy-if-modified-since', 'CopySourceIfModifiedSince = now - 1 day → 200')],
  },
  async ({ s3, bucket, other }) => {
    await copyAndComplete({ bucket, other }, s3, 'copy/if-modified-since-true', { CopySourceIfModifiedSince: new Date(Date.now() - 86_400_000) }, [...SRC.segments]);
  },
);

op.check(
  {
    id: 'UploadPartCopy/source-if-modified-since-future',
    spec: '#API_UploadPartCopy_RequestSyntax',
    feature: 'multipartExtras',
    level: 'required',
    title: 'x-amz-copy-source-if-modified-since a day in the future (an invalid date for the condition) → the copy succeeds',
    evidence: [
      recorded(
        'tests/aws/services/s3/test_s3_api.py::TestS3Multipart::test_upload_part_copy_with_copy_source_if_modified_since_in_future_success#upload-part-copy-if-modified-since-in-future',
      ),
    ],
  },
  async ({ s3, bucket, other }) => {
    await copyAndComplete({ bucket, other }, s3, 'copy/if-modified-since-future', { CopySourceIfModifiedSince: new Date(Date.now() + 86_400_000) }, [...SRC.segments]);
  },
);

op.check(
  {
    id: 'UploadPartCopy/source-if-match-failed',
    spec: '#API_UploadPartCopy_RequestSyntax',
    feature: 'multipartExtras',
    level: 'required',
    title: 'x-amz-copy-source-if-match with another ETag → 412 PreconditionFailed',
    evidence: [recorded('tests/aws/services/s3/test_s3_api.py::TestS3Multipart::test_upload_part_copy_with_copy_source_if_match_failed#upload-part-copy-source-if-match')],
  },
  async ({ s3, bucket, other }) => {
    await copyFails({ bucket, other }, s3, 'copy/source-if-match-failed', { CopySourceIfMatch: '"00000000000000000000000000000000"' }, { status: 412, code: 'PreconditionFailed' });
  },
);

op.check(
  {
    id: 'UploadPartCopy/source-if-none-match-failed',
    spec: '#API_UploadPartCopy_RequestSyntax',
    feature: 'multipartExtras',
    level: 'required',
    title: 'x-amz-copy-source-if-none-match with the source ETag → 412 PreconditionFailed',
    evidence: [recorded('tests/aws/services/s3/test_s3_api.py::TestS3Multipart::test_upload_part_copy_with_copy_source_if_none_match_failed#upload-part-copy-source-if-none-match')],
  },
  async ({ s3, bucket, other }) => {
    await copyFails({ bucket, other }, s3, 'copy/source-if-none-match-failed', { CopySourceIfNoneMatch: SRC.etag() }, { status: 412, code: 'PreconditionFailed' });
  },
);

op.check(
  {
    id: 'UploadPartCopy/source-if-modified-since-failed',
    spec: '#API_UploadPartCopy_RequestSyntax',
    feature: 'multipartExtras',
    level: 'required',
    title: 'x-amz-copy-source-if-modified-since = the source’s own Last-Modified (not modified since, not in the future) → 412 PreconditionFailed',
    evidence: [recorded('tests/aws/services/s3/test_s3_api.py::TestS3Multipart::test_upload_part_copy_with_if_modified_since_failed#upload-part-copy-source-modified-since-match')],
  },
  async ({ s3, bucket, other }) => {
    await sources({ bucket, other }, s3);
    const head = await step('HeadObject of the source', s3.send(new HeadObjectCommand({ Bucket: bucket, Key: SRC_KEY })));
    if (!head.LastModified) fail('HeadObject of the source: Last-Modified', 'a date', head.LastModified);
    await copyFails({ bucket, other }, s3, 'copy/source-if-modified-since-failed', { CopySourceIfModifiedSince: head.LastModified }, { status: 412, code: 'PreconditionFailed' });
  },
);

op.check(
  {
    id: 'UploadPartCopy/source-if-unmodified-since-failed',
    spec: '#API_UploadPartCopy_RequestSyntax',
    feature: 'multipartExtras',
    level: 'required',
    title: 'x-amz-copy-source-if-unmodified-since a day before the source was written → 412 PreconditionFailed',
    evidence: [
      recorded(
        'tests/aws/services/s3/test_s3_api.py::TestS3Multipart::test_upload_part_copy_with_copy_source_if_unmodified_since_match_failed#upload-part-copy-source-unmodified-since-match',
      ),
    ],
  },
  async ({ s3, bucket, other }) => {
    await copyFails({ bucket, other }, s3, 'copy/source-if-unmodified-since-failed', { CopySourceIfUnmodifiedSince: new Date(Date.now() - 86_400_000) }, { status: 412, code: 'PreconditionFailed' });
  },
);

/** An UploadPartCopy of the whole source into a fresh upload with the copy-source conditional `headers`, sent raw so the error's fields can be read. */
async function copyCondRaw({ bucket, other }: { bucket: string; other: string }, s3: S3Client, key: string, headers: Record<string, string>): Promise<RawResponse> {
  await sources({ bucket, other }, s3);
  const id = await createUpload(s3, bucket, key);
  try {
    return await raw(rt, { method: 'PUT', bucket, key, query: { partNumber: '1', uploadId: id }, headers: { 'x-amz-copy-source': copySourceOf(bucket, SRC_KEY), ...headers } });
  } finally {
    await abortQuietly(s3, bucket, key, id);
  }
}

op.check(
  {
    id: 'UploadPartCopy/if-match-failed-names-condition',
    spec: '#API_UploadPartCopy_RequestSyntax',
    feature: 'multipartExtras',
    level: 'required',
    title: 'the 412 for x-amz-copy-source-if-match with another ETag names it: <Condition>x-amz-copy-source-If-Match</Condition>',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3Multipart::test_upload_part_copy_with_copy_source_if_match_failed#upload-part-copy-source-if-match', 'Condition x-amz-copy-source-If-Match'),
    ],
  },
  async ({ s3, bucket, other }) => {
    const res = await copyCondRaw({ bucket, other }, s3, 'copy/if-match-failed-condition', { 'x-amz-copy-source-if-match': '"00000000000000000000000000000000"' });
    expectRawError(res, { status: 412, code: 'PreconditionFailed' }, 'UploadPartCopy with x-amz-copy-source-if-match: <another ETag>');
    expectEqual('<Error><Condition>', res.error()?.condition, 'x-amz-copy-source-If-Match');
  },
);

op.check(
  {
    id: 'UploadPartCopy/if-none-match-failed-names-condition',
    spec: '#API_UploadPartCopy_RequestSyntax',
    feature: 'multipartExtras',
    level: 'required',
    title: 'the 412 for x-amz-copy-source-if-none-match with the source ETag names it: <Condition>x-amz-copy-source-If-None-Match</Condition>',
    evidence: [
      recorded(
        'tests/aws/services/s3/test_s3_api.py::TestS3Multipart::test_upload_part_copy_with_copy_source_if_none_match_failed#upload-part-copy-source-if-none-match',
        'Condition x-amz-copy-source-If-None-Match',
      ),
    ],
  },
  async ({ s3, bucket, other }) => {
    const res = await copyCondRaw({ bucket, other }, s3, 'copy/if-none-match-failed-condition', { 'x-amz-copy-source-if-none-match': SRC.etag() });
    expectRawError(res, { status: 412, code: 'PreconditionFailed' }, 'UploadPartCopy with x-amz-copy-source-if-none-match: <the source ETag>');
    expectEqual('<Error><Condition>', res.error()?.condition, 'x-amz-copy-source-If-None-Match');
  },
);

op.check(
  {
    id: 'UploadPartCopy/if-modified-since-failed-names-condition',
    spec: '#API_UploadPartCopy_RequestSyntax',
    feature: 'multipartExtras',
    level: 'required',
    title: 'the 412 for x-amz-copy-source-if-modified-since = the source’s Last-Modified names it: <Condition>x-amz-copy-source-If-Modified-Since</Condition>',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3Multipart::test_upload_part_copy_with_if_modified_since_failed#upload-part-copy-source-modified-since-match', 'Condition x-amz-copy-source-If-Modified-Since'),
    ],
  },
  async ({ s3, bucket, other }) => {
    await sources({ bucket, other }, s3);
    const head = await step('HeadObject of the source', s3.send(new HeadObjectCommand({ Bucket: bucket, Key: SRC_KEY })));
    if (!head.LastModified) fail('HeadObject of the source: Last-Modified', 'a date', head.LastModified);
    const res = await copyCondRaw({ bucket, other }, s3, 'copy/if-modified-since-failed-condition', { 'x-amz-copy-source-if-modified-since': head.LastModified.toUTCString() });
    expectRawError(res, { status: 412, code: 'PreconditionFailed' }, 'UploadPartCopy with x-amz-copy-source-if-modified-since: <its Last-Modified>');
    expectEqual('<Error><Condition>', res.error()?.condition, 'x-amz-copy-source-If-Modified-Since');
  },
);

op.check(
  {
    id: 'UploadPartCopy/if-unmodified-since-failed-names-condition',
    spec: '#API_UploadPartCopy_RequestSyntax',
    feature: 'multipartExtras',
    level: 'required',
    title: 'the 412 for x-amz-copy-source-if-unmodified-since a day before the source was written names it: <Condition>x-amz-copy-source-If-Unmodified-Since</Condition>',
    evidence: [
      recorded(
        'tests/aws/services/s3/test_s3_api.py::TestS3Multipart::test_upload_part_copy_with_copy_source_if_unmodified_since_match_failed#upload-part-copy-source-unmodified-since-match',
        'Condition x-amz-copy-source-If-Unmodified-Since',
      ),
    ],
  },
  async ({ s3, bucket, other }) => {
    const res = await copyCondRaw({ bucket, other }, s3, 'copy/if-unmodified-since-failed-condition', { 'x-amz-copy-source-if-unmodified-since': new Date(Date.now() - 86_400_000).toUTCString() });
    expectRawError(res, { status: 412, code: 'PreconditionFailed' }, 'UploadPartCopy with x-amz-copy-source-if-unmodified-since: a day before');
    expectEqual('<Error><Condition>', res.error()?.condition, 'x-amz-copy-source-If-Unmodified-Since');
  },
);

op.check(
  {
    id: 'UploadPartCopy/source-if-match-true-if-unmodified-since-false',
    spec: '#API_UploadPartCopy_RequestSyntax',
    feature: 'multipartExtras',
    level: 'required',
    title: 'copy-source if-match (its ETag: true) + if-unmodified-since a day before (false) → 200: if-match wins, the part is copied',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3Multipart::test_upload_part_copy_with_copy_source_if_match_and_if_unmodified_since_match#upload-part-copy', '200 CopyPartResult'),
      doc(
        'https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html',
        'If both the x-amz-copy-source-if-match and x-amz-copy-source-if-unmodified-since headers are present in the request and evaluate as follows, Amazon S3 returns 200 OK and copies the data: x-amz-copy-source-if-match condition evaluates to true; x-amz-copy-source-if-unmodified-since condition evaluates to false',
      ),
    ],
  },
  async ({ s3, bucket, other }) => {
    const res = await copyCondRaw({ bucket, other }, s3, 'copy/if-match-and-unmodified-since', {
      'x-amz-copy-source-if-match': SRC.etag(),
      'x-amz-copy-source-if-unmodified-since': new Date(Date.now() - 86_400_000).toUTCString(),
    });
    expectStatus(res, 200, 'UploadPartCopy with if-match (true) and if-unmodified-since (false)');
  },
);

op.check(
  {
    id: 'UploadPartCopy/source-if-none-match-true-if-unmodified-since-false',
    spec: '#API_UploadPartCopy_RequestSyntax',
    feature: 'multipartExtras',
    level: 'required',
    title: 'copy-source if-none-match true (another ETag) + if-unmodified-since false (a day before) → 412, Condition x-amz-copy-source-If-Unmodified-Since',
    evidence: [
      recorded(
        'tests/aws/services/s3/test_s3_api.py::TestS3Multipart::test_upload_part_copy_with_copy_source_if_none_match_and_if_unmodified_since_match_failed#upload-part-copy-source-unmodified-since-and-if-none-match',
        '412 PreconditionFailed, Condition x-amz-copy-source-If-Unmodified-Since',
      ),
    ],
  },
  async ({ s3, bucket, other }) => {
    const res = await copyCondRaw({ bucket, other }, s3, 'copy/if-none-match-and-unmodified-since', {
      'x-amz-copy-source-if-none-match': '"00000000000000000000000000000000"',
      'x-amz-copy-source-if-unmodified-since': new Date(Date.now() - 86_400_000).toUTCString(),
    });
    expectRawError(res, { status: 412, code: 'PreconditionFailed' }, 'UploadPartCopy with if-none-match (true) and if-unmodified-since (false)');
    expectEqual('<Error><Condition>', res.error()?.condition, 'x-amz-copy-source-If-Unmodified-Since');
  },
);

op.check(
  {
    id: 'UploadPartCopy/other-bucket',
    spec: '#API_UploadPartCopy_RequestSyntax',
    feature: 'multipartExtras',
    level: 'required',
    title: 'UploadPartCopy with x-amz-copy-source in another bucket of the same owner → completed object = that source range',
    evidence: [
      doc(
        'https://docs.aws.amazon.com/AmazonS3/latest/API/API_UploadPartCopy.html#API_UploadPartCopy_RequestSyntax',
        'x-amz-copy-source: Specifies the source object for the copy operation. You specify the value in one of two formats, depending on whether you want to access the source object through an access point',
      ),
    ],
  },
  async ({ s3, bucket, other }) => {
    await copyAndComplete({ bucket, other }, s3, 'copy/other-bucket', { CopySourceRange: 'bytes=100-299' }, SRC.range(100, 299), copySourceOf(other, SRC_KEY));
  },
);

op.check(
  {
    id: 'UploadPartCopy/mixed-with-upload',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html',
    feature: 'multipartExtras',
    level: 'required',
    title: 'part 1 uploaded (5 MiB) + part 2 copied (range of another object) → completed object = their concatenation',
    evidence: [
      doc(
        'https://docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html',
        'Upon receiving this request, Amazon S3 concatenates all the parts in ascending order by part number to create a new object.',
      ),
    ],
  },
  async ({ s3, bucket, other }) => {
    await sources({ bucket, other }, s3);
    const key = 'copy/mixed';
    const p1: Body = body({ seed: 602, size: MIN_PART });
    const id = await createUpload(s3, bucket, key);
    try {
      const e1 = await uploadPart(s3, bucket, key, id, 1, p1);
      const out = await step(
        'UploadPartCopy #2',
        s3.send(new UploadPartCopyCommand({ Bucket: bucket, Key: key, UploadId: id, PartNumber: 2, CopySource: copySourceOf(bucket, SRC_KEY), CopySourceRange: 'bytes=5-1004' })),
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

op.check(
  {
    id: 'UploadPartCopy/no-such-source-key',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    feature: 'multipartExtras',
    level: 'required',
    title: 'UploadPartCopy whose x-amz-copy-source key does not exist → 404 NoSuchKey',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'NoSuchKey | The specified key does not exist. | 404 Not Found'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_copy_object_src_not_exists#copy-object-src-object-not-exists', 'the same copy source resolution on CopyObject'),
    ],
  },
  async ({ s3, bucket, other }) => {
    await copyFails({ bucket, other }, s3, 'copy/missing-source', { CopySource: copySourceOf(bucket, 'src/does-not-exist') }, { status: 404, code: 'NoSuchKey' });
  },
);

op.check(
  {
    id: 'UploadPartCopy/no-such-source-bucket',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    feature: 'multipartExtras',
    level: 'required',
    title: 'UploadPartCopy whose x-amz-copy-source bucket does not exist → 404 NoSuchBucket',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'NoSuchBucket | The specified bucket does not exist. | 404 Not Found'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_copy_object_src_not_exists#copy-object-src-bucket-not-exists', 'the same copy source resolution on CopyObject'),
    ],
  },
  async ({ s3, bucket, other }) => {
    await copyFails({ bucket, other }, s3, 'copy/missing-source-bucket', { CopySource: copySourceOf(newBucketName(rt, 'missing'), SRC_KEY) }, { status: 404, code: 'NoSuchBucket' });
  },
);

op.check(
  {
    id: 'UploadPartCopy/invalid-copy-source',
    spec: '#API_UploadPartCopy_RequestSyntax',
    feature: 'multipartExtras',
    level: 'optional',
    title: 'UploadPartCopy with x-amz-copy-source "wrongformat" (no bucket/key separator) → 400 InvalidArgument',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_copy_object_wrong_format#copy-object-wrong-copy-source', 'CopyObject answers 400 InvalidArgument "Invalid copy source object key"')],
  },
  async ({ s3, bucket, other }) => {
    await copyFails({ bucket, other }, s3, 'copy/invalid-source', { CopySource: 'wrongformat' }, { status: 400, code: 'InvalidArgument' });
  },
);

op.check(
  {
    id: 'UploadPartCopy/no-such-upload',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    feature: 'multipartExtras',
    level: 'required',
    title: 'UploadPartCopy with an upload id the server never issued → 404 NoSuchUpload',
    evidence: [
      doc(
        'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
        'NoSuchUpload | The specified multipart upload does not exist. The upload ID might not be valid, or the multipart upload might have been aborted or completed. | 404 Not Found',
      ),
    ],
  },
  async ({ s3, bucket, other }) => {
    await sources({ bucket, other }, s3);
    await expectS3Error(
      s3.send(new UploadPartCopyCommand({ Bucket: bucket, Key: 'copy/unknown-upload', UploadId: unknownUploadId(), PartNumber: 1, CopySource: copySourceOf(bucket, SRC_KEY) })),
      { status: 404, code: 'NoSuchUpload' },
    );
  },
);

op.check(
  {
    id: 'UploadPartCopy/key-mismatch',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    feature: 'multipartExtras',
    level: 'required',
    title: 'UploadPartCopy with a valid upload id but another key → 404 NoSuchUpload (an upload id is bound to its key)',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_key_validation#upload-part-wrong-key-name', 'UploadPart with the upload id of another key'),
      doc(
        'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
        'NoSuchUpload | The specified multipart upload does not exist. The upload ID might not be valid, or the multipart upload might have been aborted or completed. | 404 Not Found',
      ),
    ],
  },
  async ({ s3, bucket, other }) => {
    await sources({ bucket, other }, s3);
    const key = 'copy/bound';
    const id = await createUpload(s3, bucket, key);
    try {
      await expectS3Error(
        s3.send(new UploadPartCopyCommand({ Bucket: bucket, Key: 'copy/other-key', UploadId: id, PartNumber: 1, CopySource: copySourceOf(bucket, SRC_KEY) })),
        { status: 404, code: 'NoSuchUpload' },
      );
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

op.check(
  {
    id: 'UploadPartCopy/part-number-0',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html',
    feature: 'multipartExtras',
    level: 'optional',
    title: 'UploadPartCopy with partNumber=0 (outside 1-10,000) → 400 InvalidArgument',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html', 'Part numbers | 1 to 10,000 (inclusive)'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_complete_multipart_parts_order#upload-part-negative-part-number', 'UploadPart answers 400 InvalidArgument for a part number outside 1-10000'),
    ],
  },
  async ({ s3, bucket, other }) => {
    await copyFails({ bucket, other }, s3, 'copy/part-0', { PartNumber: 0 }, { status: 400, code: 'InvalidArgument' });
  },
);

/** Source keys that need percent-encoding in x-amz-copy-source. */
const SPECIAL = [
  ['percent', 'src/100% sure'],
  ['plus', 'src/a+b'],
  ['space', 'src/two words'],
] as const;
for (const [slug, srcKey] of SPECIAL) {
  op.check(
    {
      id: `UploadPartCopy/source-key-${slug}`,
      feature: 'multipartExtras',
      spec: '#API_UploadPartCopy_RequestSyntax',
      level: 'required',
      title: `UploadPartCopy from a source key with ${slug === 'percent' ? "'%'" : slug === 'plus' ? "'+'" : 'a space'} (URL-encoded in x-amz-copy-source) → the part is that object’s bytes`,
      evidence: [
        doc(
          'https://docs.aws.amazon.com/AmazonS3/latest/API/API_UploadPartCopy.html#API_UploadPartCopy_RequestSyntax',
          'For example, to copy the object reports/january.pdf from the bucket awsexamplebucket, use awsexamplebucket/reports/january.pdf. The value must be URL-encoded.',
        ),
      ],
    },
    async ({ s3, bucket, other }) => {
      const src = body({ seed: 610 + slug.length, size: 777 });
      await step(`PutObject ${JSON.stringify(srcKey)}`, s3.send(new PutObjectCommand({ Bucket: bucket, Key: srcKey, Body: bytes(src.segments) })));
      await copyAndComplete({ bucket, other }, s3, `copy/special-${slug}`, {}, [...src.segments], copySourceOf(bucket, srcKey));
    },
  );
}

op.check(
  {
    id: 'UploadPartCopy/source-key-nfc-nfd',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html',
    feature: 'multipartExtras',
    level: 'required',
    title: 'source keys "café" in NFC and in NFD are two objects: UploadPartCopy from each copies that object’s bytes',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html', 'The object key (or key name) uniquely identifies the object in an Amazon S3 bucket.'),
      doc(
        'https://docs.aws.amazon.com/AmazonS3/latest/API/API_UploadPartCopy.html#API_UploadPartCopy_RequestSyntax',
        'For example, to copy the object reports/january.pdf from the bucket awsexamplebucket, use awsexamplebucket/reports/january.pdf. The value must be URL-encoded.',
      ),
    ],
  },
  async ({ s3, bucket, other }) => {
    const nfc = 'src/caf\u00e9';
    const nfd = 'src/cafe\u0301';
    const bodies = { [nfc]: body({ seed: 621, size: 500 }), [nfd]: body({ seed: 622, size: 600 }) };
    for (const [k, b] of Object.entries(bodies)) await step(`PutObject ${JSON.stringify(k)}`, s3.send(new PutObjectCommand({ Bucket: bucket, Key: k, Body: bytes(b.segments) })));
    await copyAndComplete({ bucket, other }, s3, 'copy/from-nfd', {}, [...(bodies[nfd] as Body).segments], copySourceOf(bucket, nfd));
    await copyAndComplete({ bucket, other }, s3, 'copy/from-nfc', {}, [...(bodies[nfc] as Body).segments], copySourceOf(bucket, nfc));
  },
);

op.check(
  {
    id: 'UploadPartCopy/request-id-headers',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html',
    feature: 'multipartExtras',
    level: 'required',
    title: 'UploadPartCopy answer carries x-amz-request-id and x-amz-id-2',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html', 'x-amz-request-id: A value created by Amazon S3 that uniquely identifies the request.'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html', 'x-amz-id-2: A special token that is used together with the x-amz-request-id header to help AWS troubleshoot problems.'),
    ],
  },
  async ({ s3, bucket, other }) => {
    await sources({ bucket, other }, s3);
    const key = 'copy/request-id';
    const id = await createUpload(s3, bucket, key);
    try {
      const res = await raw(rt, { method: 'PUT', bucket, key, query: { partNumber: '1', uploadId: id }, headers: { 'x-amz-copy-source': copySourceOf(bucket, SRC_KEY) } });
      expectEqual('UploadPartCopy status', res.status, 200);
      expectRequestIdHeaders(res, 'UploadPartCopy');
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

op.check(
  {
    id: 'UploadPartCopy/no-such-bucket',
    feature: 'multipartExtras',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'UploadPartCopy into a bucket that does not exist (valid source) → 404 NoSuchBucket',
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'NoSuchBucket | The specified bucket does not exist. | 404 Not Found')],
  },
  async ({ s3, bucket, other }) => {
    await sources({ bucket, other }, s3);
    await expectS3Error(
      s3.send(new UploadPartCopyCommand({ Bucket: newBucketName(rt, 'missing'), Key: 'k', UploadId: unknownUploadId(), PartNumber: 1, CopySource: copySourceOf(bucket, SRC_KEY) })),
      { status: 404, code: 'NoSuchBucket' },
    );
  },
);

op.check(
  {
    id: 'UploadPartCopy/error-envelope',
    spec: ERROR_ENVELOPE_SPEC,
    level: 'required',
    title: "UploadPartCopy (x-amz-copy-source) into uploadId=<never issued>, 404 NoSuchUpload → AWS's error envelope: request ids, application/xml, Code, Message, RequestId",
    evidence: [...ERROR_ENVELOPE_EVIDENCE],
  },
  async ({ s3, bucket, other }) => {
    await sources({ bucket, other }, s3);
    const res = await raw(rt, { method: 'PUT', bucket, key: 'envelope', query: { partNumber: '1', uploadId: unknownUploadId() }, headers: { 'x-amz-copy-source': copySourceOf(bucket, SRC_KEY) } });
    expectErrorEnvelope(res, { status: 404, code: 'NoSuchUpload' }, 'UploadPartCopy into an unknown upload');
  },
);

op.check(
  {
    id: 'UploadPartCopy/no-such-upload-names-upload-id',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    feature: 'multipartExtras',
    // Optional: AWS was recorded naming the id for UploadPart, Complete, Abort and ListParts, not for a
    // part copied from a source.
    level: 'optional',
    title: 'UploadPartCopy into an upload id the server never issued → the NoSuchUpload error echoes that id in <UploadId>',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_no_such_upload#upload-exc', 'UploadPart into "fakeid": NoSuchUpload with UploadId "fakeid"')],
  },
  async ({ s3, bucket, other }) => {
    await sources({ bucket, other }, s3);
    const id = unknownUploadId();
    const res = await raw(rt, { method: 'PUT', bucket, key: 'copy/unknown-named', query: { partNumber: '1', uploadId: id }, headers: { 'x-amz-copy-source': copySourceOf(bucket, SRC_KEY) } });
    expectRawError(res, { status: 404, code: 'NoSuchUpload' }, 'UploadPartCopy into an unknown upload');
    expectEqual('Error/UploadId', res.error()?.uploadId, id);
  },
);

op.check(
  {
    id: 'UploadPartCopy/no-such-source-key-names-key',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    feature: 'multipartExtras',
    // Optional: recorded for CopyObject's source (2023, not validated since), not for UploadPartCopy.
    level: 'optional',
    title: 'the NoSuchKey error of UploadPartCopy from a missing source key names the source key in <Key>',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_copy_object_src_not_exists#copy-object-src-object-not-exists', 'CopyObject from <bucket>/random-src-key: Key "random-src-key", the source key')],
  },
  async ({ s3, bucket }) => {
    const key = 'copy/missing-source-named';
    const missing = 'src/does-not-exist-named';
    const id = await createUpload(s3, bucket, key);
    try {
      const res = await raw(rt, { method: 'PUT', bucket, key, query: { partNumber: '1', uploadId: id }, headers: { 'x-amz-copy-source': copySourceOf(bucket, missing) } });
      expectRawError(res, { status: 404, code: 'NoSuchKey' }, 'UploadPartCopy from a missing source key');
      expectEqual('<Error><Key>', res.error()?.key, missing);
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

op.check(
  {
    id: 'UploadPartCopy/no-such-bucket-names-bucket',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    feature: 'multipartExtras',
    level: 'required',
    title: 'the NoSuchBucket error of a part copy into a missing destination bucket names that bucket in <BucketName>, exactly',
    evidence: [...NO_SUCH_BUCKET_NAMED_EVIDENCE],
  },
  async ({ s3, bucket, other }) => {
    await sources({ bucket, other }, s3);
    const missing = newBucketName(rt, 'missing');
    const res = await raw(rt, { method: 'PUT', bucket: missing, key: 'names-bucket', query: { partNumber: '1', uploadId: unknownUploadId() }, headers: { 'x-amz-copy-source': copySourceOf(bucket, SRC_KEY) } });
    expectRawError(res, { status: 404, code: 'NoSuchBucket' }, 'UploadPartCopy in a missing bucket');
    expectEqual('<Error><BucketName>', res.error()?.bucketName, missing);
  },
);

op.check(
  {
    id: 'UploadPartCopy/checksum-of-upload-algorithm',
    spec: '#API_UploadPartCopy_ResponseSyntax',
    level: 'required',
    title: 'UploadPartCopy into an upload made with x-amz-checksum-algorithm: CRC32C → <CopyPartResult><ChecksumCRC32C>, the CRC32C of the bytes copied',
    evidence: [
      recorded(
        'tests/aws/services/s3/test_s3.py::TestS3MultipartUploadChecksum::test_multipart_upload_part_copy_checksum[COMPOSITE]#upload-part-copy',
        'CopyPartResult ChecksumCRC32C "iqJrOQ==" (the CRC32C of the 14-byte source "this is a part", itself stored with a CRC32)',
      ),
    ],
  },
  async ({ s3, bucket }) => {
    const src = 'src/checksum-part';
    const data = Buffer.from('this is a part');
    expectStatus(await raw(rt, { method: 'PUT', bucket, key: src, body: data }), 200, 'PutObject (the source)');
    const key = 'copy/checksum';
    await withUploadRaw(rt, s3, bucket, key, { 'x-amz-checksum-algorithm': 'CRC32C', 'x-amz-checksum-type': 'COMPOSITE' }, async (id) => {
      const res = await raw(rt, { method: 'PUT', bucket, key, query: { partNumber: '1', uploadId: id }, headers: { 'x-amz-copy-source': copySourceOf(bucket, src) } });
      expectStatus(res, 200, 'UploadPartCopy into a CRC32C upload');
      const result = res.xml()?.CopyPartResult as Record<string, unknown> | undefined;
      expectEqual('<CopyPartResult><ChecksumCRC32C>', result?.ChecksumCRC32C, checksumOf('crc32c', data));
    });
  },
);
