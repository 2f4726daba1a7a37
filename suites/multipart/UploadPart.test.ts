import { createHash } from 'node:crypto';
import { AbortMultipartUploadCommand, CompleteMultipartUploadCommand, ListPartsCommand, UploadPartCommand } from '@aws-sdk/client-s3';
import { doc, expectEqual, expectHeader, expectStatus, expectTrue, expectRawError, expectS3Error, newBucketName, recorded, step, operation, expectErrorEnvelope, ERROR_ENVELOPE_EVIDENCE, ERROR_ENVELOPE_SPEC, raw, expectErrorFields, NO_SUCH_BUCKET_NAMED_EVIDENCE } from '../../harness/api/index.ts';
import { body, bytes } from '../../fixtures/data/bodies.ts';
import { checksumOf } from '../../harness/api/object.ts';
import { abortQuietly, completeUpload, createUpload, expectObjectBytes, expectRequestIdHeaders, unknownUploadId, expectKeyMismatchNamesUpload, uploadPart, uploadPartRaw, withUploadRaw } from '../../harness/api/multipart.ts';

const op = operation('UploadPart', { buckets: { bucket: { hint: 'mpu-part' } } });
const { rt } = op;

op.check(
  {
    id: 'UploadPart/etag-is-part-md5',
    spec: '#API_UploadPart_ResponseSyntax',
    level: 'required',
    title: 'UploadPart of 1 byte and of 70 KiB → 200 with ETag = quoted hex MD5 of the part',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_and_list_parts#upload-part'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_complete_multipart_too_small#upload-part1'),
    ],
  },
  async ({ s3, bucket }) => {
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

op.check(
  {
    id: 'UploadPart/no-such-upload',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'UploadPart with an upload id the server never issued → 404 NoSuchUpload',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_no_such_upload#upload-exc')],
  },
  async ({ s3, bucket }) => {
    await expectS3Error(
      s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'part/unknown', UploadId: unknownUploadId(), PartNumber: 1, Body: Buffer.from('x') })),
      { status: 404, code: 'NoSuchUpload' },
    );
  },
);

op.check(
  {
    id: 'UploadPart/no-such-upload-id',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'UploadPart with an upload id the server never issued → the NoSuchUpload error echoes that id in <UploadId>',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_no_such_upload#upload-exc', 'NoSuchUpload with UploadId "fakeid", the id the request named')],
  },
  async ({ bucket }) => {
    const id = unknownUploadId();
    const res = await uploadPartRaw(rt, bucket, 'part/unknown-id', id, 1, 'x');
    expectRawError(res, { status: 404, code: 'NoSuchUpload' }, 'UploadPart');
    expectEqual('Error/UploadId', res.error()?.uploadId, id);
  },
);

op.check(
  {
    id: 'UploadPart/aborted-upload',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'UploadPart to an aborted upload → 404 NoSuchUpload',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_AbortMultipartUpload.html', 'After a multipart upload is aborted, no additional parts can be uploaded using that upload ID.'),
      doc(
        'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
        'NoSuchUpload | The specified multipart upload does not exist. The upload ID might not be valid, or the multipart upload might have been aborted or completed. | 404 Not Found',
      ),
    ],
  },
  async ({ s3, bucket }) => {
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

op.check(
  {
    id: 'UploadPart/part-number-0',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'UploadPart with partNumber=0 (outside 1-10,000) → 400 InvalidArgument',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_complete_multipart_parts_order#upload-part-negative-part-number', 'Part number must be an integer between 1 and 10000, inclusive'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html', 'Part numbers | 1 to 10,000 (inclusive)'),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'part/number-0';
    const id = await createUpload(s3, bucket, key);
    try {
      await expectS3Error(s3.send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId: id, PartNumber: 0, Body: Buffer.from('x') })), {
        status: 400,
        code: 'InvalidArgument',
      });
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

op.check(
  {
    id: 'UploadPart/part-number-10001',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'UploadPart with partNumber=10001 (outside 1-10,000) → 400 InvalidArgument',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_complete_multipart_parts_order#upload-part-negative-part-number', 'Part number must be an integer between 1 and 10000, inclusive'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html', 'Part numbers | 1 to 10,000 (inclusive)'),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'part/number-10001';
    const id = await createUpload(s3, bucket, key);
    try {
      await expectS3Error(s3.send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId: id, PartNumber: 10001, Body: Buffer.from('x') })), {
        status: 400,
        code: 'InvalidArgument',
      });
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

op.check(
  {
    id: 'UploadPart/part-number-negative-names-argument',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'UploadPart with partNumber=-1 → 400 InvalidArgument, ArgumentName partNumber, ArgumentValue -1',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_complete_multipart_parts_order#upload-part-negative-part-number', 'partNumber -1 → ArgumentName partNumber, ArgumentValue -1'),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'part/number-negative';
    const id = await createUpload(s3, bucket, key);
    try {
      const res = await uploadPartRaw(rt, bucket, key, id, -1, 'x');
      expectRawError(res, { status: 400, code: 'InvalidArgument' }, 'UploadPart with partNumber=-1');
      expectErrorFields(res, { ArgumentName: 'partNumber', ArgumentValue: '-1' });
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

op.check(
  {
    id: 'UploadPart/part-number-10000',
    spec: '#API_UploadPart_RequestSyntax',
    level: 'required',
    title: 'UploadPart with partNumber=10000 (the highest allowed) → 200, and Complete with it succeeds',
    evidence: [
      doc(
        'https://docs.aws.amazon.com/AmazonS3/latest/API/API_UploadPart.html',
        'Part numbers can be any number from 1 to 10,000, inclusive. A part number uniquely identifies a part and also defines its position within the object being created.',
      ),
    ],
  },
  async ({ s3, bucket }) => {
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

op.check(
  {
    id: 'UploadPart/re-upload-replaces',
    spec: '#API_UploadPart',
    level: 'required',
    title: 'the same part number uploaded twice → Complete naming the first (replaced) part ETag → 400 InvalidPart',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_UploadPart.html', 'If you upload a new part using the same part number that was used with a previous part, the previously uploaded part is overwritten.'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_complete_multipart_wrong_part#complete-exc-wrong-etag'),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'part/replaced';
    const id = await createUpload(s3, bucket, key);
    try {
      const e1 = await uploadPart(s3, bucket, key, id, 1, body({ seed: 104, size: 2000 }));
      await uploadPart(s3, bucket, key, id, 1, body({ seed: 105, size: 3000 }));
      await expectS3Error(
        s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: id, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: e1 }] } })),
        { status: 400, code: 'InvalidPart' },
        'CompleteMultipartUpload with the replaced part ETag',
      );
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

op.check(
  {
    id: 'UploadPart/overwrite-completes-second',
    spec: '#API_UploadPart',
    level: 'required',
    title: 'the same part number uploaded twice, completed with the second ETag → the object holds the second upload’s bytes',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_UploadPart.html', 'If you upload a new part using the same part number that was used with a previous part, the previously uploaded part is overwritten.'),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'part/overwritten';
    const second = body({ seed: 108, size: 3000 });
    const id = await createUpload(s3, bucket, key);
    try {
      await uploadPart(s3, bucket, key, id, 1, body({ seed: 107, size: 2000 }));
      const e2 = await uploadPart(s3, bucket, key, id, 1, second);
      await completeUpload(s3, bucket, key, id, [{ PartNumber: 1, ETag: e2 }]);
      await expectObjectBytes(s3, bucket, key, second.segments);
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

op.check(
  {
    id: 'UploadPart/content-md5-mismatch',
    spec: '#API_UploadPart_RequestSyntax',
    level: 'required',
    title: 'UploadPart whose Content-MD5 is well-formed but not the MD5 of the part → 400 BadDigest',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_invalid_content_md5#upload-part-md5-bad-digest')],
  },
  async ({ s3, bucket }) => {
    const key = 'part/bad-md5';
    const id = await createUpload(s3, bucket, key);
    try {
      const wrong = createHash('md5').update('not the part').digest('base64');
      await expectS3Error(s3.send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId: id, PartNumber: 1, Body: Buffer.from('the part'), ContentMD5: wrong })), {
        status: 400,
        code: 'BadDigest',
      });
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

op.check(
  {
    id: 'UploadPart/bad-digest-not-stored',
    spec: '#API_UploadPart_RequestSyntax',
    level: 'required',
    title: 'a part refused for BadDigest is not stored: ListParts afterwards lists no part',
    feature: 'multipartExtras',
    evidence: [
      doc(
        'https://docs.aws.amazon.com/AmazonS3/latest/API/API_UploadPart.html',
        'To ensure that data is not corrupted traversing the network, specify the Content-MD5 header in the upload part request. Amazon S3 checks the part data against the provided MD5 value. If they do not match, Amazon S3 returns an error.',
      ),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'part/bad-md5-not-stored';
    const id = await createUpload(s3, bucket, key);
    try {
      const wrong = createHash('md5').update('not the part').digest('base64');
      const res = await uploadPartRaw(rt, bucket, key, id, 1, 'the part', { 'content-md5': wrong });
      expectEqual('UploadPart with a wrong Content-MD5: status', res.status, 400);
      const parts = await step('ListParts after the rejected part', s3.send(new ListPartsCommand({ Bucket: bucket, Key: key, UploadId: id })));
      expectEqual('parts stored after the rejected UploadPart', (parts.Parts ?? []).map((p) => p.PartNumber), []);
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

for (const [slug, value, what] of [
  ['content-md5-not-base64', '__invalid__', 'not base64'],
  ['content-md5-wrong-length', 'MTIz', 'base64 of 3 bytes, not 16'],
] as const) {
  op.check(
    {
      id: `UploadPart/${slug}`,
      spec: '#API_UploadPart_RequestSyntax',
      level: 'required',
      title: `UploadPart with a malformed Content-MD5 (${what}) → 400 InvalidDigest`,
      evidence: [
        recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_invalid_content_md5#upload-part-md5-error-0', 'Content-MD5 "__invalid__" → 400 InvalidDigest'),
        recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_invalid_content_md5#upload-part-md5-error-3', 'Content-MD5 "MTIz" → 400 InvalidDigest'),
      ],
    },
    async ({ s3, bucket }) => {
      const key = `part/${slug}`;
      const id = await createUpload(s3, bucket, key);
      try {
        const res = await uploadPartRaw(rt, bucket, key, id, 1, 'the part', { 'content-md5': value });
        expectRawError(res, { status: 400, code: 'InvalidDigest' }, `UploadPart with Content-MD5 ${JSON.stringify(value)}`);
      } finally {
        await abortQuietly(s3, bucket, key, id);
      }
    },
  );
}

op.check(
  {
    id: 'UploadPart/content-md5-malformed-names-value',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'the InvalidDigest error of an UploadPart echoes the malformed header value in <Content-MD5>',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_invalid_content_md5#upload-part-md5-error-3', 'Content-MD5 "MTIz" (valid base64, not 128 bits), as sent'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_invalid_content_md5#upload-part-md5-error-2', 'Content-MD5 "not base64 encoded checksum", as sent'),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'part/md5-malformed-value';
    const id = await createUpload(s3, bucket, key);
    try {
      const res = await uploadPartRaw(rt, bucket, key, id, 1, 'the part', { 'content-md5': 'MTIz' });
      expectRawError(res, { status: 400, code: 'InvalidDigest' }, 'UploadPart with Content-MD5: MTIz');
      expectEqual('<Error><Content-MD5>', res.error()?.['content-MD5'], 'MTIz');
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

op.check(
  {
    id: 'UploadPart/content-md5-mismatch-digests',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'the BadDigest error of an UploadPart names the MD5 of the received part in <CalculatedDigest> (base64) and the Content-MD5 sent in <ExpectedDigest>',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_invalid_content_md5#upload-part-md5-bad-digest', 'CalculatedDigest "Q3uTDbhLgHnC3YBKcZNrXw==" (base64 MD5 of the part), ExpectedDigest "CYketZBSTjX8czcs3cXVlg==" (the sent digest, base64)'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_invalid_content_md5#md5-error-bad-digest', 'the same on PutObject, where ExpectedDigest is the sent digest in hex'),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'part/md5-digests';
    const id = await createUpload(s3, bucket, key);
    try {
      const part = 'the part';
      const sent = createHash('md5').update('not the part').digest('base64');
      const res = await uploadPartRaw(rt, bucket, key, id, 1, part, { 'content-md5': sent });
      expectRawError(res, { status: 400, code: 'BadDigest' }, 'UploadPart with a wrong Content-MD5');
      const err = res.error() ?? {};
      expectEqual('<Error><CalculatedDigest>', err.calculatedDigest, createHash('md5').update(part).digest('base64'));
      const sentHex = Buffer.from(sent, 'base64').toString('hex');
      expectTrue('<Error><ExpectedDigest> is the Content-MD5 sent (base64 or hex)', err.expectedDigest === sent || err.expectedDigest === sentHex, `${sent} (or ${sentHex})`, err.expectedDigest);
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

// ---- additional checksums (x-amz-checksum-*) on a part --------------------------------------------

const CHECKSUM_RECORDED = 'tests/aws/services/s3/test_s3.py::TestS3MultipartUploadChecksum::test_multipart_upload_part_checksum_exception';

for (const [alg, name] of [
  ['crc32', 'CRC32'],
  ['crc32c', 'CRC32C'],
  ['crc64nvme', 'CRC64NVME'],
  ['sha1', 'SHA1'],
  ['sha256', 'SHA256'],
] as const) {
  op.check(
    {
      id: `UploadPart/checksum-${alg}-mismatch`,
      spec: '#API_UploadPart_RequestSyntax',
      level: 'required',
      title: `UploadPart (upload made without a checksum algorithm) with a well-formed but wrong x-amz-checksum-${alg} → 400 BadDigest`,
      evidence: [recorded(`${CHECKSUM_RECORDED}[${name}]#put-wrong-checksum-value`, `400 BadDigest "The ${name} you specified did not match the calculated checksum."`)],
    },
    async ({ s3, bucket }) => {
      const key = `part/checksum-${alg}-bad`;
      const id = await createUpload(s3, bucket, key);
      try {
        const headers = { [`x-amz-checksum-${alg}`]: checksumOf(alg, Buffer.from('bad data')), 'x-amz-sdk-checksum-algorithm': name };
        const res = await uploadPartRaw(rt, bucket, key, id, 1, 'right body', headers);
        expectRawError(res, { status: 400, code: 'BadDigest' }, `UploadPart with a wrong x-amz-checksum-${alg}`);
      } finally {
        await abortQuietly(s3, bucket, key, id);
      }
    },
  );
}

op.check(
  {
    id: 'UploadPart/checksum-malformed',
    spec: '#API_UploadPart_RequestSyntax',
    level: 'required',
    title: 'UploadPart whose x-amz-checksum-crc32 is not a base64 CRC32 → 400 InvalidRequest',
    evidence: [recorded(`${CHECKSUM_RECORDED}[CRC32]#put-wrong-checksum-no-b64`, '400 InvalidRequest "Value for x-amz-checksum-crc32 header is invalid."')],
  },
  async ({ s3, bucket }) => {
    const key = 'part/checksum-malformed';
    const id = await createUpload(s3, bucket, key);
    try {
      const res = await uploadPartRaw(rt, bucket, key, id, 1, 'right body', { 'x-amz-checksum-crc32': 'a1b2c3d4', 'x-amz-sdk-checksum-algorithm': 'CRC32' });
      expectRawError(res, { status: 400, code: 'InvalidRequest' }, 'UploadPart with x-amz-checksum-crc32: a1b2c3d4');
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

const MPU_CHECKSUM = 'tests/aws/services/s3/test_s3.py::TestS3MultipartUploadChecksum';

op.check(
  {
    id: 'UploadPart/checksum-answered',
    spec: '#API_UploadPart_ResponseSyntax',
    level: 'required',
    title: 'UploadPart with a right x-amz-checksum-crc32 to a CRC32 upload → 200 answering x-amz-checksum-crc32 with that value',
    evidence: [
      recorded(`${MPU_CHECKSUM}::test_complete_multipart_parts_checksum_composite[CRC32]#upload-part-0`, 'ChecksumCRC32 "NRU+Sw==" (the CRC32 of the part)'),
      recorded(`${MPU_CHECKSUM}::test_multipart_parts_checksum_exceptions_composite#upload-part-no-checksum-ok`, 'part "abc": ChecksumCRC32 "NSRBwg=="'),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'part/checksum-answered';
    await withUploadRaw(rt, s3, bucket, key, { 'x-amz-checksum-algorithm': 'CRC32', 'x-amz-checksum-type': 'COMPOSITE' }, async (id) => {
      const sum = checksumOf('crc32', Buffer.from('abc'));
      const res = await uploadPartRaw(rt, bucket, key, id, 1, 'abc', { 'x-amz-checksum-crc32': sum, 'x-amz-sdk-checksum-algorithm': 'CRC32' });
      expectStatus(res, 200, 'UploadPart with x-amz-checksum-crc32');
      expectHeader(res.headers, 'x-amz-checksum-crc32', sum);
    });
  },
);

op.check(
  {
    id: 'UploadPart/checksum-algorithm-differs-from-upload',
    spec: '#API_UploadPart_RequestSyntax',
    level: 'required',
    title: 'UploadPart with a right x-amz-checksum-crc32 to an upload made with x-amz-checksum-algorithm: SHA256 → 400 InvalidRequest',
    evidence: [
      recorded(
        `${MPU_CHECKSUM}::test_multipart_parts_checksum_exceptions_composite#upload-part-different-checksum-exc`,
        '400 InvalidRequest "Checksum Type mismatch occurred, expected checksum Type: sha256, actual checksum Type: crc32"',
      ),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'part/checksum-other-algorithm';
    await withUploadRaw(rt, s3, bucket, key, { 'x-amz-checksum-algorithm': 'SHA256' }, async (id) => {
      const res = await uploadPartRaw(rt, bucket, key, id, 1, 'abc', { 'x-amz-checksum-crc32': checksumOf('crc32', Buffer.from('abc')), 'x-amz-sdk-checksum-algorithm': 'CRC32' });
      expectRawError(res, { status: 400, code: 'InvalidRequest' }, 'UploadPart with x-amz-checksum-crc32 to a SHA256 upload');
    });
  },
);

op.check(
  {
    id: 'UploadPart/key-mismatch',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'UploadPart with a valid upload id but another key → 404 NoSuchUpload (an upload id is bound to its key)',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_key_validation#upload-part-wrong-key-name')],
  },
  async ({ s3, bucket }) => {
    const key = 'part/bound';
    const id = await createUpload(s3, bucket, key);
    try {
      await expectS3Error(s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'part/other-key', UploadId: id, PartNumber: 1, Body: Buffer.from('x') })), {
        status: 404,
        code: 'NoSuchUpload',
      });
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

op.check(
  {
    id: 'UploadPart/no-such-bucket',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'UploadPart in a bucket that does not exist → 404 NoSuchBucket',
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'NoSuchBucket | The specified bucket does not exist. | 404 Not Found')],
  },
  async ({ s3 }) => {
    await expectS3Error(
      s3.send(new UploadPartCommand({ Bucket: newBucketName(rt, 'missing'), Key: 'k', UploadId: unknownUploadId(), PartNumber: 1, Body: Buffer.from('x') })),
      { status: 404, code: 'NoSuchBucket' },
    );
  },
);

op.check(
  {
    id: 'UploadPart/expect-100-continue',
    spec: '#API_UploadPart_RequestSyntax',
    level: 'required',
    title: 'UploadPart sent with Expect: 100-continue → 200 with the part’s MD5 ETag, and the part completes into the object',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonRequestHeaders.html', 'Expect: When your application uses 100-continue, it does not send the request body until it receives an acknowledgment.'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_UploadPart.html', 'Part numbers can be any number from 1 to 10,000, inclusive.'),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'part/expect-continue';
    const b = body({ seed: 109, size: 64 * 1024 });
    const id = await createUpload(s3, bucket, key);
    try {
      const res = await uploadPartRaw(rt, bucket, key, id, 1, bytes(b.segments), { expect: '100-continue' });
      expectEqual('UploadPart with Expect: 100-continue: status', res.status, 200);
      expectEqual('UploadPart ETag (quoted MD5 of the part)', res.headers.etag, b.etag());
      await completeUpload(s3, bucket, key, id, [{ PartNumber: 1, ETag: b.etag() }]);
      await expectObjectBytes(s3, bucket, key, b.segments);
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

op.check(
  {
    id: 'UploadPart/request-id-headers',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html',
    level: 'required',
    title: 'UploadPart answer carries x-amz-request-id and x-amz-id-2',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html', 'x-amz-request-id: A value created by Amazon S3 that uniquely identifies the request.'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html', 'x-amz-id-2: A special token that is used together with the x-amz-request-id header to help AWS troubleshoot problems.'),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'part/request-id';
    const id = await createUpload(s3, bucket, key);
    try {
      const res = await uploadPartRaw(rt, bucket, key, id, 1, 'request id');
      expectEqual('UploadPart status', res.status, 200);
      expectRequestIdHeaders(res, 'UploadPart');
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

op.check(
  {
    id: 'UploadPart/error-envelope',
    spec: ERROR_ENVELOPE_SPEC,
    level: 'required',
    title: "PUT ?partNumber=1&uploadId=<never issued>, 404 NoSuchUpload → AWS's error envelope: request ids, application/xml, Code, Message, RequestId",
    evidence: [...ERROR_ENVELOPE_EVIDENCE],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'PUT', bucket, key: 'envelope', query: { partNumber: '1', uploadId: unknownUploadId() }, body: 'x' });
    expectErrorEnvelope(res, { status: 404, code: 'NoSuchUpload' }, 'UploadPart of an unknown upload');
  },
);

op.check(
  {
    id: 'UploadPart/no-such-bucket-names-bucket',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'the NoSuchBucket error of PUT ?partNumber=1&uploadId=… in a missing bucket names that bucket in <BucketName>, exactly',
    evidence: [...NO_SUCH_BUCKET_NAMED_EVIDENCE],
  },
  async () => {
    const missing = newBucketName(rt, 'missing');
    const res = await raw(rt, { method: 'PUT', bucket: missing, key: 'names-bucket', query: { partNumber: '1', uploadId: unknownUploadId() }, body: 'x' });
    expectRawError(res, { status: 404, code: 'NoSuchBucket' }, 'UploadPart in a missing bucket');
    expectEqual('<Error><BucketName>', res.error()?.bucketName, missing);
  },
);

op.check(
  {
    id: 'UploadPart/key-mismatch-names-upload-id',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'the NoSuchUpload error of UploadPart to another key than the upload\'s names the upload in <UploadId>',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_key_validation#upload-part-wrong-key-name', 'UploadId = the upload of the request')],
  },
  async ({ s3, bucket }) => {
    await expectKeyMismatchNamesUpload(rt, s3, bucket, 'part/bound-named', 'part/other-key-named', 'UploadPart to another key', (other, id) => uploadPartRaw(rt, bucket, other, id, 1, 'x'));
  },
);
