import { AbortMultipartUploadCommand, CompleteMultipartUploadCommand, HeadObjectCommand, type CompleteMultipartUploadCommandOutput, type CompletedPart } from '@aws-sdk/client-s3';
import { beforeAll } from 'vitest';
import { check, createBucket, expectEqual, expectRawError, expectS3Error, raw, runtime, step } from '../../harness/api/index.ts';
import { body, type Body } from '../../fixtures/data/bodies.ts';
import { abortQuietly, CHECKSUMS, completeUpload, createUpload, ERRORS, expectLocation, expectObjectBytes, MIN_PART, multipartEtag, ref, unknownUploadId, uploadPart } from '../../harness/api/multipart.ts';

const rt = runtime();
let bucket: string;
beforeAll(async () => {
  bucket = await createBucket(rt, { hint: 'mpu-complete' });
});

const send = (s3: import('@aws-sdk/client-s3').S3Client, key: string, id: string, parts: CompletedPart[]): Promise<unknown> =>
  s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: id, MultipartUpload: { Parts: parts } }));

/** One two-part object (5 MiB + 1 byte), completed once and shared by the response and HEAD checks. */
interface TwoParts {
  key: string;
  parts: Body[];
  out: CompleteMultipartUploadCommandOutput;
}
let twoParts: Promise<TwoParts> | undefined;
function twoPartObject(s3: import('@aws-sdk/client-s3').S3Client): Promise<TwoParts> {
  twoParts ??= (async () => {
    const key = 'complete/two-parts';
    const parts = [body({ seed: 301, size: MIN_PART }), body({ seed: 302, size: 1 })];
    const id = await createUpload(s3, bucket, key);
    try {
      const etags: string[] = [];
      for (const [i, p] of parts.entries()) etags.push(await uploadPart(s3, bucket, key, id, i + 1, p));
      const out = await completeUpload(s3, bucket, key, id, etags.map((ETag, i) => ({ PartNumber: i + 1, ETag })));
      return { key, parts, out };
    } catch (e) {
      await abortQuietly(s3, bucket, key, id);
      throw e;
    }
  })();
  return twoParts;
}

check(
  {
    id: 'CompleteMultipartUpload/response-elements',
    operation: 'CompleteMultipartUpload',
    spec: ref('CompleteMultipartUpload', 'ResponseElements'),
    level: 'required',
    title: 'Complete of 2 parts → 200 with Bucket, Key and ETag "md5(md5(p1)‖md5(p2))-2"',
  },
  async ({ s3, note }) => {
    const { key, parts, out } = await twoPartObject(s3);
    note(`multipart ETag formula: ${CHECKSUMS}`);
    expectEqual('CompleteMultipartUploadResult/Bucket', out.Bucket, bucket);
    expectEqual('CompleteMultipartUploadResult/Key', out.Key, key);
    expectEqual('CompleteMultipartUploadResult/ETag', out.ETag, multipartEtag(parts.map((p) => p.md5())));
  },
);

check(
  {
    id: 'CompleteMultipartUpload/location',
    operation: 'CompleteMultipartUpload',
    spec: ref('CompleteMultipartUpload', 'ResponseElements'),
    level: 'required',
    title: 'Complete → Location is the URI of the new object (http(s)://host/bucket/key or http(s)://bucket.host/key)',
  },
  async ({ s3 }) => {
    const { key, out } = await twoPartObject(s3);
    expectLocation(out.Location, bucket, key);
  },
);

check(
  {
    id: 'CompleteMultipartUpload/object-etag-and-bytes',
    operation: 'CompleteMultipartUpload',
    spec: CHECKSUMS,
    level: 'required',
    title: 'after Complete of 2 parts: HEAD ETag "…-2", Content-Length = sum of parts, GET = concatenation',
  },
  async ({ s3 }) => {
    const { key, parts } = await twoPartObject(s3);
    const head = await step('HeadObject', s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key })));
    const want = multipartEtag(parts.map((p) => p.md5()));
    expectEqual('HeadObject ETag', head.ETag, want);
    expectEqual('HeadObject Content-Length', head.ContentLength, MIN_PART + 1);
    const getEtag = await expectObjectBytes(s3, bucket, key, parts.flatMap((p) => p.segments));
    expectEqual('GetObject ETag', getEtag, want);
  },
);

check(
  {
    id: 'CompleteMultipartUpload/entity-too-small',
    operation: 'CompleteMultipartUpload',
    spec: ref('CompleteMultipartUpload', 'Errors'),
    level: 'required',
    title: 'Complete where a part that is not the last is 1 KiB (< 5 MiB) → 400 EntityTooSmall',
  },
  async ({ s3 }) => {
    const key = 'complete/too-small';
    const id = await createUpload(s3, bucket, key);
    try {
      const e1 = await uploadPart(s3, bucket, key, id, 1, body({ seed: 311, size: 1024 }));
      const e2 = await uploadPart(s3, bucket, key, id, 2, body({ seed: 312, size: 1024 }));
      await expectS3Error(send(s3, key, id, [{ PartNumber: 1, ETag: e1 }, { PartNumber: 2, ETag: e2 }]), { status: 400, code: 'EntityTooSmall' });
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

check(
  {
    id: 'CompleteMultipartUpload/invalid-part-order',
    operation: 'CompleteMultipartUpload',
    spec: ref('CompleteMultipartUpload', 'Errors'),
    level: 'required',
    title: 'Complete listing two 5 MiB parts as 2, 1 (descending) → 400 InvalidPartOrder',
  },
  async ({ s3 }) => {
    const key = 'complete/order';
    const id = await createUpload(s3, bucket, key);
    try {
      const e1 = await uploadPart(s3, bucket, key, id, 1, body({ seed: 321, size: MIN_PART }));
      const e2 = await uploadPart(s3, bucket, key, id, 2, body({ seed: 322, size: MIN_PART }));
      await expectS3Error(send(s3, key, id, [{ PartNumber: 2, ETag: e2 }, { PartNumber: 1, ETag: e1 }]), { status: 400, code: 'InvalidPartOrder' });
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

check(
  {
    id: 'CompleteMultipartUpload/invalid-part-etag',
    operation: 'CompleteMultipartUpload',
    spec: ref('CompleteMultipartUpload', 'Errors'),
    level: 'required',
    title: 'Complete naming an uploaded part with a wrong ETag → 400 InvalidPart',
  },
  async ({ s3 }) => {
    const key = 'complete/wrong-etag';
    const id = await createUpload(s3, bucket, key);
    try {
      await uploadPart(s3, bucket, key, id, 1, body({ seed: 331, size: 100 }));
      await expectS3Error(send(s3, key, id, [{ PartNumber: 1, ETag: body({ seed: 332, size: 100 }).etag() }]), { status: 400, code: 'InvalidPart' });
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

check(
  {
    id: 'CompleteMultipartUpload/invalid-part-unknown',
    operation: 'CompleteMultipartUpload',
    spec: ref('CompleteMultipartUpload', 'Errors'),
    level: 'required',
    title: 'Complete naming a part number that was never uploaded → 400 InvalidPart',
  },
  async ({ s3 }) => {
    const key = 'complete/unknown-part';
    const id = await createUpload(s3, bucket, key);
    try {
      const e1 = await uploadPart(s3, bucket, key, id, 1, body({ seed: 341, size: 100 }));
      await expectS3Error(send(s3, key, id, [{ PartNumber: 2, ETag: e1 }]), { status: 400, code: 'InvalidPart' });
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

check(
  {
    id: 'CompleteMultipartUpload/no-such-upload',
    operation: 'CompleteMultipartUpload',
    spec: ref('CompleteMultipartUpload', 'Errors'),
    level: 'required',
    title: 'Complete with an upload id the server never issued → 404 NoSuchUpload',
  },
  async ({ s3 }) => {
    await expectS3Error(send(s3, 'complete/unknown-upload', unknownUploadId(), [{ PartNumber: 1, ETag: body({ seed: 1, size: 1 }).etag() }]), {
      status: 404,
      code: 'NoSuchUpload',
    });
  },
);

check(
  {
    id: 'CompleteMultipartUpload/aborted-upload',
    operation: 'CompleteMultipartUpload',
    spec: ref('CompleteMultipartUpload', 'Errors'),
    level: 'required',
    title: 'Complete of an aborted upload (with its valid part list) → 404 NoSuchUpload, no object created',
  },
  async ({ s3 }) => {
    const key = 'complete/aborted';
    const id = await createUpload(s3, bucket, key);
    const e1 = await uploadPart(s3, bucket, key, id, 1, body({ seed: 351, size: 100 }));
    await step('AbortMultipartUpload', s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: id })));
    await expectS3Error(send(s3, key, id, [{ PartNumber: 1, ETag: e1 }]), { status: 404, code: 'NoSuchUpload' });
    await expectS3Error(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key })), { status: 404 }, 'HeadObject of the aborted key');
  },
);

check(
  {
    id: 'CompleteMultipartUpload/empty-part-list',
    operation: 'CompleteMultipartUpload',
    spec: ERRORS,
    level: 'required',
    title: 'Complete with <CompleteMultipartUpload/> listing no part → 400 MalformedXML',
  },
  async ({ s3 }) => {
    const key = 'complete/empty-list';
    const id = await createUpload(s3, bucket, key);
    try {
      await uploadPart(s3, bucket, key, id, 1, body({ seed: 361, size: 100 }));
      const res = await raw(rt, {
        method: 'POST',
        bucket,
        key,
        query: { uploadId: id },
        headers: { 'content-type': 'application/xml' },
        body: '<CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/"></CompleteMultipartUpload>',
      });
      expectRawError(res, { status: 400, code: 'MalformedXML' }, 'CompleteMultipartUpload with no part');
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);
