import { createHash } from 'node:crypto';
import { AbortMultipartUploadCommand, CompleteMultipartUploadCommand, ListPartsCommand, UploadPartCommand } from '@aws-sdk/client-s3';
import { beforeAll } from 'vitest';
import { check, createBucket, expectEqual, expectS3Error, runtime, step } from '../../harness/api/index.ts';
import { body } from '../../fixtures/data/bodies.ts';
import { abortQuietly, completeUpload, createUpload, ERRORS, expectObjectBytes, LIMITS, ref, unknownUploadId, uploadPart } from '../../harness/api/multipart.ts';

const rt = runtime();
let bucket: string;
beforeAll(async () => {
  bucket = await createBucket(rt, { hint: 'mpu-part' });
});

check(
  {
    id: 'UploadPart/etag-is-part-md5',
    operation: 'UploadPart',
    spec: ref('UploadPart', 'ResponseSyntax'),
    level: 'required',
    title: 'UploadPart of 1 byte and of 70 KiB → 200 with ETag = quoted hex MD5 of the part',
  },
  async ({ s3 }) => {
    const key = 'part/etag';
    const id = await createUpload(s3, bucket, key);
    try {
      await uploadPart(s3, bucket, key, id, 1, body({ seed: 101, size: 1 }));
      await uploadPart(s3, bucket, key, id, 2, body({ seed: 102, size: 70 * 1024 }));
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

check(
  {
    id: 'UploadPart/no-such-upload',
    operation: 'UploadPart',
    spec: ref('UploadPart', 'Errors'),
    level: 'required',
    title: 'UploadPart with an upload id the server never issued → 404 NoSuchUpload',
  },
  async ({ s3 }) => {
    await expectS3Error(
      s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'part/unknown', UploadId: unknownUploadId(), PartNumber: 1, Body: Buffer.from('x') })),
      { status: 404, code: 'NoSuchUpload' },
    );
  },
);

check(
  {
    id: 'UploadPart/aborted-upload',
    operation: 'UploadPart',
    spec: ref('UploadPart', 'Errors'),
    level: 'required',
    title: 'UploadPart to an aborted upload → 404 NoSuchUpload',
  },
  async ({ s3 }) => {
    const key = 'part/aborted';
    const id = await createUpload(s3, bucket, key);
    await uploadPart(s3, bucket, key, id, 1, body({ seed: 103, size: 10 }));
    await step('AbortMultipartUpload', s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: id })));
    await expectS3Error(s3.send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId: id, PartNumber: 2, Body: Buffer.from('x') })), {
      status: 404,
      code: 'NoSuchUpload',
    });
  },
);

for (const n of [0, 10001]) {
  check(
    {
      id: `UploadPart/part-number-${n}`,
      operation: 'UploadPart',
      spec: ERRORS,
      level: 'required',
      title: `UploadPart with partNumber=${n} (outside 1-10,000) → 400 InvalidArgument`,
    },
    async ({ s3, note }) => {
      note(`part numbers are 1-10,000 (${LIMITS})`);
      const key = `part/number-${n}`;
      const id = await createUpload(s3, bucket, key);
      try {
        await expectS3Error(s3.send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId: id, PartNumber: n, Body: Buffer.from('x') })), {
          status: 400,
          code: 'InvalidArgument',
        });
      } finally {
        await abortQuietly(s3, bucket, key, id);
      }
    },
  );
}

check(
  {
    id: 'UploadPart/part-number-10000',
    operation: 'UploadPart',
    spec: ref('UploadPart'),
    level: 'required',
    title: 'UploadPart with partNumber=10000 (the highest allowed) → 200, and Complete with it succeeds',
  },
  async ({ s3 }) => {
    const key = 'part/number-10000';
    const b = body({ seed: 106, size: 10 });
    const id = await createUpload(s3, bucket, key);
    try {
      const etag = await uploadPart(s3, bucket, key, id, 10000, b);
      await completeUpload(s3, bucket, key, id, [{ PartNumber: 10000, ETag: etag }]);
      await expectObjectBytes(s3, bucket, key, b.segments);
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

check(
  {
    id: 'UploadPart/re-upload-replaces',
    operation: 'UploadPart',
    spec: ref('UploadPart'),
    level: 'required',
    title: 'the same part number uploaded twice → the second replaces the first (old ETag → InvalidPart, new one completes)',
  },
  async ({ s3 }) => {
    const key = 'part/replaced';
    const first = body({ seed: 104, size: 2000 });
    const second = body({ seed: 105, size: 3000 });
    const id = await createUpload(s3, bucket, key);
    try {
      const e1 = await uploadPart(s3, bucket, key, id, 1, first);
      const e2 = await uploadPart(s3, bucket, key, id, 1, second);
      await expectS3Error(
        s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: id, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: e1 }] } })),
        { status: 400, code: 'InvalidPart' },
        'CompleteMultipartUpload with the replaced part ETag',
      );
      await completeUpload(s3, bucket, key, id, [{ PartNumber: 1, ETag: e2 }]);
      await expectObjectBytes(s3, bucket, key, second.segments);
      expectEqual('object size', second.size, 3000);
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

check(
  {
    id: 'UploadPart/content-md5-mismatch',
    operation: 'UploadPart',
    spec: ref('UploadPart', 'RequestSyntax'),
    level: 'required',
    title: 'UploadPart whose Content-MD5 is well-formed but not the MD5 of the part → 400 BadDigest, and the part is not stored',
  },
  async ({ s3, note }) => {
    note(`Content-MD5 is checked against the part data; a mismatch is BadDigest (${ERRORS})`);
    const key = 'part/bad-md5';
    const id = await createUpload(s3, bucket, key);
    try {
      const wrong = createHash('md5').update('not the part').digest('base64');
      await expectS3Error(s3.send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId: id, PartNumber: 1, Body: Buffer.from('the part'), ContentMD5: wrong })), {
        status: 400,
        code: 'BadDigest',
      });
      const parts = await step('ListParts after the rejected part', s3.send(new ListPartsCommand({ Bucket: bucket, Key: key, UploadId: id })));
      expectEqual('parts stored after the rejected UploadPart', (parts.Parts ?? []).map((p) => p.PartNumber), []);
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);
