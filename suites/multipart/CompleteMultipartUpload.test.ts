import { AbortMultipartUploadCommand, CompleteMultipartUploadCommand, GetObjectCommand, HeadObjectCommand, ListPartsCommand, PutObjectCommand, type CompleteMultipartUploadCommandOutput, type CompletedPart, type S3Client } from '@aws-sdk/client-s3';
import { doc, expectEqual, expectErrorFields, expectFields, expectRawError, expectS3Error, expectStatus, newBucketName, raw, recorded, step, operation, expectErrorEnvelope, ERROR_ENVELOPE_EVIDENCE, ERROR_ENVELOPE_SPEC, NO_SUCH_BUCKET_NAMED_EVIDENCE } from '../../harness/api/index.ts';
import { body, bytes, type Body } from '../../fixtures/data/bodies.ts';
import { abortQuietly, completeRaw, completeUpload, compositeChecksum, type CompletePart, createUpload, expectKeyMismatchNamesUpload, expectLocation, expectObjectBytes, expectRequestIdHeaders, MIN_PART, multipartEtag, unknownUploadId, uploadPart, uploadPartChecksummed, uploadPartRaw, withUpload, withUploadRaw } from '../../harness/api/multipart.ts';
import { checksumOf } from '../../harness/api/object.ts';

const op = operation('CompleteMultipartUpload', { buckets: { bucket: { hint: 'mpu-complete' } } });
const { rt } = op;

const send = ({ bucket }: { bucket: string }, s3: import('@aws-sdk/client-s3').S3Client, key: string, id: string, parts: CompletedPart[]): Promise<unknown> =>
  s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: id, MultipartUpload: { Parts: parts } }));

/** One two-part object (5 MiB + 1 byte), completed once and shared by the response and HEAD checks. */
interface TwoParts {
  key: string;
  parts: Body[];
  out: CompleteMultipartUploadCommandOutput;
}
let twoParts: Promise<TwoParts> | undefined;
function twoPartObject({ bucket }: { bucket: string }, s3: import('@aws-sdk/client-s3').S3Client): Promise<TwoParts> {
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

op.check(
  {
    id: 'CompleteMultipartUpload/response-elements',
    spec: '#API_CompleteMultipartUpload_ResponseElements',
    level: 'required',
    title: 'Complete of 2 parts → 200 CompleteMultipartUploadResult with the Bucket and Key of the new object',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_and_list_parts#complete-multipart')],
  },
  async ({ s3, bucket }) => {
    const { key, out } = await twoPartObject({ bucket }, s3);
    expectEqual('CompleteMultipartUpload status', out.$metadata.httpStatusCode, 200);
    expectEqual('CompleteMultipartUploadResult/Bucket', out.Bucket, bucket);
    expectEqual('CompleteMultipartUploadResult/Key', out.Key, key);
  },
);

op.check(
  {
    id: 'CompleteMultipartUpload/response-etag',
    spec: '#API_CompleteMultipartUpload_ResponseElements',
    level: 'required',
    title: 'Complete of 2 parts → CompleteMultipartUploadResult/ETag "md5(md5(p1)‖md5(p2))-2"',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_and_list_parts#complete-multipart', 'one part: ETag "<md5 of the part md5>-1"'),
      doc(
        'https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html',
        'When you upload an object as a multipart upload, the ETag for the object is not an MD5 digest of the entire object. Amazon S3 calculates the MD5 digest of each individual part. The MD5 digests are used to determine the ETag for the final object.',
      ),
    ],
  },
  async ({ s3, bucket }) => {
    const { parts, out } = await twoPartObject({ bucket }, s3);
    expectEqual('CompleteMultipartUploadResult/ETag', out.ETag, multipartEtag(parts.map((p) => p.md5())));
  },
);

op.check(
  {
    id: 'CompleteMultipartUpload/location',
    spec: '#API_CompleteMultipartUpload_ResponseElements',
    level: 'required',
    title: 'Complete → Location is the URI of the new object (http(s)://host/bucket/key or http(s)://bucket.host/key)',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_with_unicode_character_location#complete-multipart'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html#API_CompleteMultipartUpload_ResponseElements', 'Location: The URI that identifies the newly created object.'),
    ],
  },
  async ({ s3, bucket }) => {
    const { key, out } = await twoPartObject({ bucket }, s3);
    expectLocation(out.Location, bucket, key);
  },
);

op.check(
  {
    id: 'CompleteMultipartUpload/object-etag-and-bytes',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html',
    level: 'required',
    title: 'after Complete of 2 parts: HEAD and GET ETag "md5(md5(p1)‖md5(p2))-2", HEAD Content-Length = sum of the parts',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_and_list_parts#head-multipart-checksum'),
      doc(
        'https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html',
        'When you upload an object as a multipart upload, the ETag for the object is not an MD5 digest of the entire object. Amazon S3 calculates the MD5 digest of each individual part. The MD5 digests are used to determine the ETag for the final object.',
      ),
    ],
  },
  async ({ s3, bucket }) => {
    const { key, parts } = await twoPartObject({ bucket }, s3);
    const head = await step('HeadObject', s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key })));
    const want = multipartEtag(parts.map((p) => p.md5()));
    expectEqual('HeadObject ETag', head.ETag, want);
    expectEqual('HeadObject Content-Length', head.ContentLength, MIN_PART + 1);
    const get = await step('GetObject', s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: 'bytes=0-0' })));
    await get.Body?.transformToByteArray();
    expectEqual('GetObject ETag', get.ETag, want);
  },
);

op.check(
  {
    id: 'CompleteMultipartUpload/object-bytes',
    spec: '#API_CompleteMultipartUpload',
    level: 'required',
    title: 'after Complete of 2 parts (5 MiB + 1 byte): GET returns exactly the concatenation of the parts',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_and_list_parts#get-multipart-checksum'),
      doc(
        'https://docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html',
        'Upon receiving this request, Amazon S3 concatenates all the parts in ascending order by part number to create a new object.',
      ),
    ],
  },
  async ({ s3, bucket }) => {
    const { key, parts } = await twoPartObject({ bucket }, s3);
    await expectObjectBytes(s3, bucket, key, parts.flatMap((p) => p.segments));
  },
);

op.check(
  {
    id: 'CompleteMultipartUpload/entity-too-small',
    spec: '#API_CompleteMultipartUpload_Errors',
    level: 'required',
    title: 'Complete where a part that is not the last is 1 KiB (< 5 MiB) → 400 EntityTooSmall',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_complete_multipart_too_small#complete-exc-too-small')],
  },
  async ({ s3, bucket }) => {
    const key = 'complete/too-small';
    const id = await createUpload(s3, bucket, key);
    try {
      const e1 = await uploadPart(s3, bucket, key, id, 1, body({ seed: 311, size: 1024 }));
      const e2 = await uploadPart(s3, bucket, key, id, 2, body({ seed: 312, size: 1024 }));
      await expectS3Error(send({ bucket }, s3, key, id, [{ PartNumber: 1, ETag: e1 }, { PartNumber: 2, ETag: e2 }]), { status: 400, code: 'EntityTooSmall' });
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

op.check(
  {
    id: 'CompleteMultipartUpload/entity-too-small-fields',
    spec: '#API_CompleteMultipartUpload_Errors',
    level: 'required',
    title: 'Complete of two 4-byte parts → the EntityTooSmall error names part 1: <PartNumber>1, <ETag> its unquoted MD5, <ProposedSize>4, <MinSizeAllowed>5242880',
    evidence: [
      recorded(
        'tests/aws/services/s3/test_s3.py::TestS3::test_multipart_complete_multipart_too_small#complete-exc-too-small',
        'two 4-byte parts "data": PartNumber 1, ETag 8d777f385d3dfec8815d20f7496026dc (unquoted), ProposedSize 4, MinSizeAllowed 5242880',
      ),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'complete/too-small-fields';
    const p1 = body({ seed: 313, size: 4 });
    await withUpload(s3, bucket, key, async (id) => {
      const e1 = await uploadPart(s3, bucket, key, id, 1, p1);
      const e2 = await uploadPart(s3, bucket, key, id, 2, body({ seed: 314, size: 4 }));
      const res = await completeRaw(rt, bucket, key, id, [{ PartNumber: 1, ETag: e1 }, { PartNumber: 2, ETag: e2 }]);
      expectRawError(res, { status: 400, code: 'EntityTooSmall' }, 'CompleteMultipartUpload with a 4-byte first part');
      const err = res.error();
      expectEqual('Error/PartNumber', err?.partNumber, '1');
      expectEqual('Error/ETag', err?.eTag, p1.md5Hex());
      expectEqual('Error/ProposedSize', err?.proposedSize, '4');
      expectEqual('Error/MinSizeAllowed', err?.minSizeAllowed, '5242880');
    });
  },
);

op.check(
  {
    id: 'CompleteMultipartUpload/invalid-part-fields',
    spec: '#API_CompleteMultipartUpload_Errors',
    level: 'required',
    title: 'Complete naming uploaded part 1 with a wrong (unquoted) ETag → the InvalidPart error names it: <PartNumber>1, <ETag> the ETag of the request',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_complete_multipart_wrong_part#complete-exc-wrong-etag', 'request part 1 with ETag d41d8cd98f00b204e9800998ecf8427e: PartNumber 1, ETag d41d8cd98f00b204e9800998ecf8427e'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_complete_multipart_wrong_part#complete-exc-wrong-part-number', 'request part 2 with the ETag of part 1: PartNumber 2, that ETag unquoted'),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'complete/wrong-etag-fields';
    await withUpload(s3, bucket, key, async (id) => {
      await uploadPart(s3, bucket, key, id, 1, body({ seed: 333, size: 100 }));
      const wrong = body({ seed: 334, size: 100 }).md5Hex();
      const res = await completeRaw(rt, bucket, key, id, [{ PartNumber: 1, ETag: wrong }]);
      expectRawError(res, { status: 400, code: 'InvalidPart' }, 'CompleteMultipartUpload with a wrong part ETag');
      const err = res.error();
      expectEqual('Error/PartNumber', err?.partNumber, '1');
      expectEqual('Error/ETag', err?.eTag, wrong);
    });
  },
);

op.check(
  {
    id: 'CompleteMultipartUpload/invalid-part-upload-id',
    spec: '#API_CompleteMultipartUpload_Errors',
    level: 'required',
    title: 'Complete naming a part that was never uploaded → the InvalidPart error names the upload in <UploadId>',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_complete_multipart_wrong_part#complete-exc-wrong-part-number', 'InvalidPart with UploadId = the upload of the request'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_complete_multipart_wrong_part#complete-exc-wrong-etag', 'InvalidPart with UploadId = the upload of the request'),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'complete/unknown-part-id';
    await withUpload(s3, bucket, key, async (id) => {
      const e1 = await uploadPart(s3, bucket, key, id, 1, body({ seed: 342, size: 100 }));
      const res = await completeRaw(rt, bucket, key, id, [{ PartNumber: 2, ETag: e1 }]);
      expectRawError(res, { status: 400, code: 'InvalidPart' }, 'CompleteMultipartUpload');
      expectEqual('Error/UploadId', res.error()?.uploadId, id);
    });
  },
);

op.check(
  {
    id: 'CompleteMultipartUpload/invalid-part-order',
    spec: '#API_CompleteMultipartUpload_Errors',
    level: 'required',
    title: 'Complete listing two 5 MiB parts as 2, 1 (descending) → 400 InvalidPartOrder',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_complete_multipart_parts_order#complete-multipart-unordered')],
  },
  async ({ s3, bucket }) => {
    const key = 'complete/order';
    const id = await createUpload(s3, bucket, key);
    try {
      const e1 = await uploadPart(s3, bucket, key, id, 1, body({ seed: 321, size: MIN_PART }));
      const e2 = await uploadPart(s3, bucket, key, id, 2, body({ seed: 322, size: MIN_PART }));
      await expectS3Error(send({ bucket }, s3, key, id, [{ PartNumber: 2, ETag: e2 }, { PartNumber: 1, ETag: e1 }]), { status: 400, code: 'InvalidPartOrder' });
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

op.check(
  {
    id: 'CompleteMultipartUpload/invalid-part-etag',
    spec: '#API_CompleteMultipartUpload_Errors',
    level: 'required',
    title: 'Complete naming an uploaded part with a wrong ETag → 400 InvalidPart',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_complete_multipart_wrong_part#complete-exc-wrong-etag')],
  },
  async ({ s3, bucket }) => {
    const key = 'complete/wrong-etag';
    const id = await createUpload(s3, bucket, key);
    try {
      await uploadPart(s3, bucket, key, id, 1, body({ seed: 331, size: 100 }));
      await expectS3Error(send({ bucket }, s3, key, id, [{ PartNumber: 1, ETag: body({ seed: 332, size: 100 }).etag() }]), { status: 400, code: 'InvalidPart' });
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

op.check(
  {
    id: 'CompleteMultipartUpload/invalid-part-unknown',
    spec: '#API_CompleteMultipartUpload_Errors',
    level: 'required',
    title: 'Complete naming a part number that was never uploaded → 400 InvalidPart',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_complete_multipart_wrong_part#complete-exc-wrong-part-number')],
  },
  async ({ s3, bucket }) => {
    const key = 'complete/unknown-part';
    const id = await createUpload(s3, bucket, key);
    try {
      const e1 = await uploadPart(s3, bucket, key, id, 1, body({ seed: 341, size: 100 }));
      await expectS3Error(send({ bucket }, s3, key, id, [{ PartNumber: 2, ETag: e1 }]), { status: 400, code: 'InvalidPart' });
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

op.check(
  {
    id: 'CompleteMultipartUpload/no-such-upload',
    spec: '#API_CompleteMultipartUpload_Errors',
    level: 'required',
    title: 'Complete with an upload id the server never issued → 404 NoSuchUpload',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_no_such_upload#complete-exc')],
  },
  async ({ s3, bucket }) => {
    await expectS3Error(send({ bucket }, s3, 'complete/unknown-upload', unknownUploadId(), [{ PartNumber: 1, ETag: body({ seed: 1, size: 1 }).etag() }]), {
      status: 404,
      code: 'NoSuchUpload',
    });
  },
);

op.check(
  {
    id: 'CompleteMultipartUpload/aborted-upload',
    spec: '#API_CompleteMultipartUpload_Errors',
    level: 'required',
    title: 'Complete of an aborted upload (with its valid part list) → 404 NoSuchUpload, no object created',
    evidence: [
      doc(
        'https://docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html#API_CompleteMultipartUpload_Errors',
        'NoSuchUpload: The specified multipart upload does not exist. The upload ID might be invalid, or the multipart upload might have been aborted or completed.',
      ),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'complete/aborted';
    const id = await createUpload(s3, bucket, key);
    const e1 = await uploadPart(s3, bucket, key, id, 1, body({ seed: 351, size: 100 }));
    await step('AbortMultipartUpload', s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: id })));
    await expectS3Error(send({ bucket }, s3, key, id, [{ PartNumber: 1, ETag: e1 }]), { status: 404, code: 'NoSuchUpload' });
    await expectS3Error(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key })), { status: 404 }, 'HeadObject of the aborted key');
  },
);

op.check(
  {
    id: 'CompleteMultipartUpload/empty-part-list',
    spec: '#API_CompleteMultipartUpload_Errors',
    level: 'required',
    title: 'Complete whose <CompleteMultipartUpload> lists no <Part> → 400 MalformedXML or InvalidRequest (AWS: InvalidRequest for a Complete without parts)',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_complete_multipart_too_small#complete-exc-no-parts', 'a Complete without any part: 400 InvalidRequest "You must specify at least one part"')],
  },
  async ({ s3, bucket }) => {
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
      expectRawError(res, { status: 400, code: ['MalformedXML', 'InvalidRequest'] }, 'CompleteMultipartUpload with no part');
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

op.check(
  {
    id: 'CompleteMultipartUpload/no-body',
    spec: '#API_CompleteMultipartUpload_Errors',
    level: 'required',
    title: 'Complete of an upload with a part, sent without any body (no part list) → 400 InvalidRequest',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_complete_multipart_too_small#complete-exc-no-parts', 'You must specify at least one part')],
  },
  async ({ s3, bucket }) => {
    const key = 'complete/no-body';
    const id = await createUpload(s3, bucket, key);
    try {
      await uploadPart(s3, bucket, key, id, 1, body({ seed: 362, size: 100 }));
      const res = await raw(rt, { method: 'POST', bucket, key, query: { uploadId: id } });
      expectRawError(res, { status: 400, code: 'InvalidRequest' }, 'CompleteMultipartUpload without a body');
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

op.check(
  {
    id: 'CompleteMultipartUpload/key-mismatch',
    spec: '#API_CompleteMultipartUpload_Errors',
    level: 'required',
    title: 'Complete with a valid upload id and part list but another key → 404 NoSuchUpload, and no object under either key',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_key_validation#complete-multipart-wrong-key-name')],
  },
  async ({ s3, bucket }) => {
    const key = 'complete/bound';
    const id = await createUpload(s3, bucket, key);
    try {
      const e1 = await uploadPart(s3, bucket, key, id, 1, body({ seed: 371, size: 100 }));
      await expectS3Error(send({ bucket }, s3, 'complete/other-key', id, [{ PartNumber: 1, ETag: e1 }]), { status: 404, code: 'NoSuchUpload' });
      await expectS3Error(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'complete/other-key' })), { status: 404 }, 'HeadObject of the other key');
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

op.check(
  {
    id: 'CompleteMultipartUpload/upload-gone-after',
    spec: '#API_CompleteMultipartUpload_Errors',
    level: 'required',
    title: 'ListParts of a completed upload id → 404 NoSuchUpload: Complete ends the upload',
    feature: 'multipartExtras',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_and_list_parts#list-part-after-complete-exc')],
  },
  async ({ s3, bucket }) => {
    const key = 'complete/ended';
    const id = await createUpload(s3, bucket, key);
    const e1 = await uploadPart(s3, bucket, key, id, 1, body({ seed: 381, size: 100 }));
    await completeUpload(s3, bucket, key, id, [{ PartNumber: 1, ETag: e1 }]);
    await expectS3Error(s3.send(new ListPartsCommand({ Bucket: bucket, Key: key, UploadId: id })), { status: 404, code: 'NoSuchUpload' }, 'ListParts of the completed upload');
  },
);

op.check(
  {
    id: 'CompleteMultipartUpload/single-part-etag',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html',
    level: 'required',
    title: 'Complete of one 65-byte part → ETag "md5(md5(part))-1" (the -N form even for one part)',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_and_list_parts#complete-multipart', 'ETag "e747540af6911dbc890f8d3e0b48549b-1" for one part')],
  },
  async ({ s3, bucket }) => {
    const key = 'complete/one-part';
    const p = body({ seed: 391, size: 65 });
    const id = await createUpload(s3, bucket, key);
    try {
      const e1 = await uploadPart(s3, bucket, key, id, 1, p);
      const out = await completeUpload(s3, bucket, key, id, [{ PartNumber: 1, ETag: e1 }]);
      expectEqual('CompleteMultipartUploadResult/ETag', out.ETag, multipartEtag([p.md5()]));
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

op.check(
  {
    id: 'CompleteMultipartUpload/overwrites-object',
    spec: '#API_CompleteMultipartUpload',
    level: 'required',
    title: 'Complete under a key that holds an object → the key now holds the multipart object (bytes and "-1" ETag)',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_overwrite_key#multipart-upload')],
  },
  async ({ s3, bucket }) => {
    const key = 'complete/overwrite';
    await step('PutObject (the object to overwrite)', s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'old content' })));
    const p = body({ seed: 392, size: 300 });
    const id = await createUpload(s3, bucket, key);
    try {
      const e1 = await uploadPart(s3, bucket, key, id, 1, p);
      await completeUpload(s3, bucket, key, id, [{ PartNumber: 1, ETag: e1 }]);
      const etag = await expectObjectBytes(s3, bucket, key, p.segments);
      expectEqual('GetObject ETag', etag, multipartEtag([p.md5()]));
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

op.check(
  {
    id: 'CompleteMultipartUpload/no-such-bucket',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'CompleteMultipartUpload in a bucket that does not exist → 404 NoSuchBucket',
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'NoSuchBucket | The specified bucket does not exist. | 404 Not Found')],
  },
  async () => {
    const res = await completeRaw(rt, newBucketName(rt, 'missing'), 'k', unknownUploadId(), [{ PartNumber: 1, ETag: body({ seed: 1, size: 1 }).etag() }]);
    expectRawError(res, { status: 404, code: 'NoSuchBucket' }, 'CompleteMultipartUpload in a missing bucket');
  },
);

op.check(
  {
    id: 'CompleteMultipartUpload/request-id-headers',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html',
    level: 'required',
    title: 'CompleteMultipartUpload answer carries x-amz-request-id and x-amz-id-2',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html', 'x-amz-request-id: A value created by Amazon S3 that uniquely identifies the request.'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html', 'x-amz-id-2: A special token that is used together with the x-amz-request-id header to help AWS troubleshoot problems.'),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'complete/request-id';
    await withUpload(s3, bucket, key, async (id) => {
      const e1 = await uploadPart(s3, bucket, key, id, 1, body({ seed: 393, size: 10 }));
      const res = await completeRaw(rt, bucket, key, id, [{ PartNumber: 1, ETag: e1 }]);
      expectEqual('CompleteMultipartUpload status', res.status, 200);
      expectRequestIdHeaders(res, 'CompleteMultipartUpload');
    });
  },
);

op.check(
  {
    id: 'CompleteMultipartUpload/mp-object-size-mismatch',
    spec: '#API_CompleteMultipartUpload_RequestSyntax',
    level: 'required',
    title: 'Complete with x-amz-mp-object-size one byte more than the parts’ total → 400 InvalidRequest',
    evidence: [
      recorded(
        'tests/aws/services/s3/test_s3.py::TestS3MultipartUploadChecksum::test_multipart_size_validation#complete-multipart-wrong-size',
        "The provided 'x-amz-mp-object-size' header value 5 does not match what was computed: 4",
      ),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'complete/mp-size';
    await withUpload(s3, bucket, key, async (id) => {
      const e1 = await uploadPart(s3, bucket, key, id, 1, body({ seed: 394, size: 4 }));
      const res = await completeRaw(rt, bucket, key, id, [{ PartNumber: 1, ETag: e1 }], { 'x-amz-mp-object-size': '5' });
      expectRawError(res, { status: 400, code: 'InvalidRequest' }, 'CompleteMultipartUpload with a wrong x-amz-mp-object-size');
    });
  },
);

// ---- additional checksums: the parts' checksums and the checksum of the completed object -----

const MPU_CHECKSUM = 'tests/aws/services/s3/test_s3.py::TestS3MultipartUploadChecksum';

/** An upload made with x-amz-checksum-algorithm `name` and type COMPOSITE (as AWS was recorded), its one part `data` sent with its checksum: `fn` completes it. */
async function checksumUpload(s3: S3Client, bucket: string, key: string, name: 'CRC32' | 'CRC32C', data: string, fn: (c: { id: string; etag: string; sum: string }) => Promise<void>): Promise<void> {
  await withUploadRaw(rt, s3, bucket, key, { 'x-amz-checksum-algorithm': name, 'x-amz-checksum-type': 'COMPOSITE' }, async (id) => {
    const part = await uploadPartChecksummed(rt, bucket, key, id, 1, Buffer.from(data), name === 'CRC32' ? 'crc32' : 'crc32c');
    await fn({ id, ...part });
  });
}

op.check(
  {
    id: 'CompleteMultipartUpload/checksum-part-missing',
    spec: '#API_CompleteMultipartUpload_RequestSyntax',
    level: 'required',
    title: "Complete of a CRC32 upload without its part's <ChecksumCRC32> → 400 InvalidRequest",
    evidence: [
      recorded(
        `${MPU_CHECKSUM}::test_complete_multipart_parts_checksum_composite[CRC32]#complete-multipart-no-checksum`,
        '400 InvalidRequest "The upload was created using a crc32 checksum. The complete request must include the checksum for each part. It was missing for part 1 in the request."',
      ),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'complete/checksum-missing';
    await checksumUpload(s3, bucket, key, 'CRC32', 'abc', async ({ id, etag }) => {
      const res = await completeRaw(rt, bucket, key, id, [{ PartNumber: 1, ETag: etag }]);
      expectRawError(res, { status: 400, code: 'InvalidRequest' }, 'CompleteMultipartUpload without the part checksum a CRC32 upload needs');
    });
  },
);

op.check(
  {
    id: 'CompleteMultipartUpload/checksum-part-wrong',
    spec: '#API_CompleteMultipartUpload_Errors',
    level: 'required',
    title: "Complete of a CRC32 upload giving its part the CRC32 of other bytes → 400 InvalidPart",
    evidence: [
      recorded(
        `${MPU_CHECKSUM}::test_complete_multipart_parts_checksum_composite[CRC32]#complete-multipart-wrong-parts-checksum`,
        '400 InvalidPart "One or more of the specified parts could not be found. …"',
      ),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'complete/checksum-wrong';
    await checksumUpload(s3, bucket, key, 'CRC32', 'abc', async ({ id, etag }) => {
      const res = await completeRaw(rt, bucket, key, id, [{ PartNumber: 1, ETag: etag, checksums: { ChecksumCRC32: checksumOf('crc32', Buffer.from('bbb')) } }]);
      expectRawError(res, { status: 400, code: 'InvalidPart' }, "CompleteMultipartUpload with another part's CRC32");
    });
  },
);

op.check(
  {
    id: 'CompleteMultipartUpload/checksum-type-differs-from-upload',
    spec: '#API_CompleteMultipartUpload_RequestSyntax',
    level: 'required',
    title: 'Complete with x-amz-checksum-type: FULL_OBJECT of an upload made without a checksum algorithm → 400 InvalidRequest',
    evidence: [
      recorded(
        `${MPU_CHECKSUM}::test_complete_multipart_parts_checksum_default#complete-multipart-full-object-type`,
        '400 InvalidRequest "The upload was created using the null checksum mode. The complete request must use the same checksum mode."',
      ),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'complete/checksum-type';
    await withUpload(s3, bucket, key, async (id) => {
      const part = await uploadPartRaw(rt, bucket, key, id, 1, 'abc');
      expectStatus(part, 200, 'UploadPart');
      const res = await completeRaw(rt, bucket, key, id, [{ PartNumber: 1, ETag: part.headers.etag ?? '' }], { 'x-amz-checksum-type': 'FULL_OBJECT' });
      expectRawError(res, { status: 400, code: 'InvalidRequest' }, 'CompleteMultipartUpload with x-amz-checksum-type: FULL_OBJECT of an upload without checksums');
    });
  },
);

op.check(
  {
    id: 'CompleteMultipartUpload/checksum-composite',
    spec: '#API_CompleteMultipartUpload_ResponseSyntax',
    level: 'required',
    title: "Complete of a CRC32C upload → 200, <ChecksumCRC32C> the CRC32C of the parts' checksums + '-1', <ChecksumType>COMPOSITE",
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_get_object_part_checksum[COMPOSITE]#complete-multipart-checksum', 'ChecksumCRC32C "sZB91Q==-1", ChecksumType "COMPOSITE"'),
      recorded(`${MPU_CHECKSUM}::test_complete_multipart_parts_checksum_composite[CRC32C]#complete-multipart-checksum`, 'ChecksumCRC32C "XF5+4A==-3", ChecksumType "COMPOSITE"'),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'complete/checksum-composite';
    await checksumUpload(s3, bucket, key, 'CRC32C', 'test content 123', async ({ id, etag, sum }) => {
      const res = await completeRaw(rt, bucket, key, id, [{ PartNumber: 1, ETag: etag, checksums: { ChecksumCRC32C: sum } }]);
      expectStatus(res, 200, 'CompleteMultipartUpload of a CRC32C upload');
      const result = res.xml()?.CompleteMultipartUploadResult as Record<string, unknown> | undefined;
      expectFields('CompleteMultipartUploadResult', { ChecksumCRC32C: result?.ChecksumCRC32C, ChecksumType: result?.ChecksumType }, { ChecksumCRC32C: compositeChecksum('crc32c', [sum]), ChecksumType: 'COMPOSITE' });
    });
  },
);

op.check(
  {
    id: 'CompleteMultipartUpload/checksum-full-object',
    spec: '#API_CompleteMultipartUpload_ResponseSyntax',
    level: 'required',
    title: 'Complete of a CRC32 FULL_OBJECT upload of two parts → 200, <ChecksumCRC32> the CRC32 of the whole object (no -N), <ChecksumType>FULL_OBJECT',
    evidence: [
      recorded(
        `${MPU_CHECKSUM}::test_complete_multipart_parts_checksum_full_object[CRC32]#complete-multipart-checksum`,
        'ChecksumCRC32 "qSEQSA==" (the CRC32 of the whole 10,485,772-byte object), ChecksumType "FULL_OBJECT"',
      ),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'complete/checksum-full-object';
    const parts = [bytes(body({ seed: 431, size: MIN_PART }).segments), Buffer.from('last part')];
    await withUploadRaw(rt, s3, bucket, key, { 'x-amz-checksum-algorithm': 'CRC32', 'x-amz-checksum-type': 'FULL_OBJECT' }, async (id) => {
      const done: CompletePart[] = [];
      for (const [i, data] of parts.entries()) {
        const { etag, sum } = await uploadPartChecksummed(rt, bucket, key, id, i + 1, data, 'crc32');
        done.push({ PartNumber: i + 1, ETag: etag, checksums: { ChecksumCRC32: sum } });
      }
      const res = await completeRaw(rt, bucket, key, id, done);
      expectStatus(res, 200, 'CompleteMultipartUpload of a CRC32 FULL_OBJECT upload');
      const result = res.xml()?.CompleteMultipartUploadResult as Record<string, unknown> | undefined;
      expectFields('CompleteMultipartUploadResult', { ChecksumCRC32: result?.ChecksumCRC32, ChecksumType: result?.ChecksumType }, { ChecksumCRC32: checksumOf('crc32', Buffer.concat(parts)), ChecksumType: 'FULL_OBJECT' });
    });
  },
);

// ---- conditional writes (If-None-Match / If-Match of the object the upload makes) -----------

const CMU = 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html';
const IF_NONE_MATCH_DOC = doc(CMU, 'Uploads the object only if the object key name does not already exist in the bucket specified. Otherwise, Amazon S3 returns a 412 Precondition Failed error.');
const IF_MATCH_DOC = doc(CMU, 'Uploads the object only if the ETag (entity tag) value provided during the WRITE operation matches the ETag of the object in S3. If the ETag values do not match, the operation returns a 412 Precondition Failed error.');
const ZERO_ETAG = '"00000000000000000000000000000000"';

/**
 * An object written at `key`, then an upload of that key with one 10-byte part: `fn` completes it.
 * The object is written before the upload is created: a write during the upload is a conflict on AWS
 * (409 ConditionalRequestConflict), another behaviour.
 */
async function overExisting(s3: S3Client, bucket: string, key: string, seed: number, fn: (c: { id: string; existing: Body; existingEtag: string; part: Body; partEtag: string }) => Promise<void>): Promise<void> {
  const existing = body({ seed, size: 7 });
  const put = await step('PutObject (the existing object)', s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes(existing.segments) })));
  await withUpload(s3, bucket, key, async (id) => {
    const part = body({ seed: seed + 1, size: 10 });
    const partEtag = await uploadPart(s3, bucket, key, id, 1, part);
    await fn({ id, existing, existingEtag: put.ETag ?? '', part, partEtag });
  });
}

op.check(
  {
    id: 'CompleteMultipartUpload/if-none-match-star-new-key',
    spec: '#API_CompleteMultipartUpload_RequestSyntax',
    level: 'required',
    title: 'Complete with If-None-Match: * of a key that has no object → 200, and the object holds the parts',
    evidence: [IF_NONE_MATCH_DOC, recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectWritePrecondition::test_multipart_if_none_match_with_delete#complete-multipart-after-del-restart', '200 CompleteMultipartUploadResult')],
  },
  async ({ s3, bucket }) => {
    const key = 'complete/inm-new';
    await withUpload(s3, bucket, key, async (id) => {
      const part = body({ seed: 401, size: 10 });
      const e1 = await uploadPart(s3, bucket, key, id, 1, part);
      const res = await completeRaw(rt, bucket, key, id, [{ PartNumber: 1, ETag: e1 }], { 'if-none-match': '*' });
      expectStatus(res, 200, 'CompleteMultipartUpload with If-None-Match: * of a new key');
      await expectObjectBytes(s3, bucket, key, part.segments);
    });
  },
);

op.check(
  {
    id: 'CompleteMultipartUpload/if-none-match-star-existing-key',
    spec: '#API_CompleteMultipartUpload_RequestSyntax',
    level: 'required',
    title: 'Complete with If-None-Match: * of a key whose object existed before the upload → 412 PreconditionFailed, the object unchanged',
    evidence: [recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectWritePrecondition::test_multipart_if_none_match_with_delete#complete-multipart-if-none-match', '412 PreconditionFailed, Condition If-None-Match'), IF_NONE_MATCH_DOC],
  },
  async ({ s3, bucket }) => {
    const key = 'complete/inm-existing';
    await overExisting(s3, bucket, key, 403, async ({ id, existing, partEtag }) => {
      const res = await completeRaw(rt, bucket, key, id, [{ PartNumber: 1, ETag: partEtag }], { 'if-none-match': '*' });
      expectRawError(res, { status: 412, code: 'PreconditionFailed' }, 'CompleteMultipartUpload with If-None-Match: * over an existing object');
      await expectObjectBytes(s3, bucket, key, existing.segments);
    });
  },
);

op.check(
  {
    id: 'CompleteMultipartUpload/if-none-match-names-condition',
    spec: '#API_CompleteMultipartUpload_RequestSyntax',
    level: 'required',
    title: 'the 412 of Complete with If-None-Match: * over an existing object names the header: <Condition>If-None-Match</Condition>',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectWritePrecondition::test_multipart_if_none_match_with_delete#complete-multipart-if-none-match', 'Condition "If-None-Match"'),
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectWritePrecondition::test_multipart_if_none_match_with_put#complete-multipart-if-none-match-put-during', 'Condition "If-None-Match"'),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'complete/inm-condition';
    await overExisting(s3, bucket, key, 405, async ({ id, partEtag }) => {
      const res = await completeRaw(rt, bucket, key, id, [{ PartNumber: 1, ETag: partEtag }], { 'if-none-match': '*' });
      expectRawError(res, { status: 412, code: 'PreconditionFailed' }, 'CompleteMultipartUpload with If-None-Match: * over an existing object');
      expectEqual('<Error><Condition>', res.error()?.condition, 'If-None-Match');
    });
  },
);

op.check(
  {
    id: 'CompleteMultipartUpload/if-match-true',
    spec: '#API_CompleteMultipartUpload_RequestSyntax',
    level: 'required',
    title: 'Complete with If-Match: <the ETag of the object written before the upload> → 200, and the object holds the parts',
    evidence: [recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectWritePrecondition::test_multipart_if_match_etag#complete-multipart-if-match', '200 CompleteMultipartUploadResult'), IF_MATCH_DOC],
  },
  async ({ s3, bucket }) => {
    const key = 'complete/im-true';
    await overExisting(s3, bucket, key, 407, async ({ id, existingEtag, part, partEtag }) => {
      const res = await completeRaw(rt, bucket, key, id, [{ PartNumber: 1, ETag: partEtag }], { 'if-match': existingEtag });
      expectStatus(res, 200, 'CompleteMultipartUpload with If-Match: <the current ETag>');
      await expectObjectBytes(s3, bucket, key, part.segments);
    });
  },
);

op.check(
  {
    id: 'CompleteMultipartUpload/if-match-false',
    spec: '#API_CompleteMultipartUpload_RequestSyntax',
    level: 'required',
    title: 'Complete with If-Match: <another ETag> over an object written before the upload → 412 PreconditionFailed, the object unchanged',
    evidence: [recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectWritePrecondition::test_multipart_if_match_etag#complete-multipart-if-match-true-etag', '412 PreconditionFailed, Condition If-Match (an ETag the object no longer has)'), IF_MATCH_DOC],
  },
  async ({ s3, bucket }) => {
    const key = 'complete/im-false';
    await overExisting(s3, bucket, key, 409, async ({ id, existing, partEtag }) => {
      const res = await completeRaw(rt, bucket, key, id, [{ PartNumber: 1, ETag: partEtag }], { 'if-match': ZERO_ETAG });
      expectRawError(res, { status: 412, code: 'PreconditionFailed' }, 'CompleteMultipartUpload with If-Match: <another ETag>');
      await expectObjectBytes(s3, bucket, key, existing.segments);
    });
  },
);

op.check(
  {
    id: 'CompleteMultipartUpload/if-match-names-condition',
    spec: '#API_CompleteMultipartUpload_RequestSyntax',
    level: 'required',
    title: 'the 412 of Complete with If-Match: <another ETag> names the header: <Condition>If-Match</Condition>',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectWritePrecondition::test_multipart_if_match_etag#complete-multipart-if-match-true-etag', 'Condition "If-Match"'),
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectWritePrecondition::test_multipart_if_match_with_put#complete-multipart-if-match-put-before', 'Condition "If-Match"'),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'complete/im-condition';
    await overExisting(s3, bucket, key, 411, async ({ id, partEtag }) => {
      const res = await completeRaw(rt, bucket, key, id, [{ PartNumber: 1, ETag: partEtag }], { 'if-match': ZERO_ETAG });
      expectRawError(res, { status: 412, code: 'PreconditionFailed' }, 'CompleteMultipartUpload with If-Match: <another ETag>');
      expectEqual('<Error><Condition>', res.error()?.condition, 'If-Match');
    });
  },
);

op.check(
  {
    id: 'CompleteMultipartUpload/if-match-deleted-key',
    spec: '#API_CompleteMultipartUpload_RequestSyntax',
    level: 'required',
    title: 'Complete with If-Match of an object deleted since the upload began → 404 NoSuchKey, and no object is made',
    evidence: [recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectWritePrecondition::test_multipart_if_match_with_delete#complete-multipart-after-del', '404 NoSuchKey, Key = the upload\'s key')],
  },
  async ({ s3, bucket }) => {
    const key = 'complete/im-deleted';
    await overExisting(s3, bucket, key, 413, async ({ id, existingEtag, partEtag }) => {
      expectStatus(await raw(rt, { method: 'DELETE', bucket, key }), 204, 'DeleteObject of the existing object');
      const res = await completeRaw(rt, bucket, key, id, [{ PartNumber: 1, ETag: partEtag }], { 'if-match': existingEtag });
      expectRawError(res, { status: 404, code: 'NoSuchKey' }, 'CompleteMultipartUpload with If-Match of a deleted object');
      expectStatus(await raw(rt, { method: 'HEAD', bucket, key }), 404, 'HEAD of the key after the refused Complete');
    });
  },
);

op.check(
  {
    id: 'CompleteMultipartUpload/error-envelope',
    spec: ERROR_ENVELOPE_SPEC,
    level: 'required',
    title: "POST ?uploadId=<never issued>, 404 NoSuchUpload → AWS's error envelope: request ids, application/xml, Code, Message, RequestId",
    evidence: [...ERROR_ENVELOPE_EVIDENCE],
  },
  async ({ bucket }) => {
    const res = await completeRaw(rt, bucket, 'envelope', unknownUploadId(), [{ PartNumber: 1, ETag: body({ seed: 1, size: 1 }).etag() }]);
    expectErrorEnvelope(res, { status: 404, code: 'NoSuchUpload' }, 'CompleteMultipartUpload of an unknown upload');
  },
);

op.check(
  {
    id: 'CompleteMultipartUpload/no-such-upload-names-upload-id',
    spec: '#API_CompleteMultipartUpload_Errors',
    level: 'required',
    title: 'Complete with an upload id the server never issued → the NoSuchUpload error echoes that id in <UploadId>',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_no_such_upload#complete-exc', 'NoSuchUpload with UploadId "fakeid", the id the request named')],
  },
  async ({ bucket }) => {
    const id = unknownUploadId();
    const res = await completeRaw(rt, bucket, 'complete/unknown-named', id, [{ PartNumber: 1, ETag: body({ seed: 1, size: 1 }).etag() }]);
    expectRawError(res, { status: 404, code: 'NoSuchUpload' }, 'CompleteMultipartUpload of an unknown upload');
    expectEqual('Error/UploadId', res.error()?.uploadId, id);
  },
);

op.check(
  {
    id: 'CompleteMultipartUpload/no-such-bucket-names-bucket',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'the NoSuchBucket error of POST ?uploadId=… in a missing bucket names that bucket in <BucketName>, exactly',
    evidence: [...NO_SUCH_BUCKET_NAMED_EVIDENCE],
  },
  async () => {
    const missing = newBucketName(rt, 'missing');
    const res = await completeRaw(rt, missing, 'names-bucket', unknownUploadId(), [{ PartNumber: 1, ETag: body({ seed: 1, size: 1 }).etag() }]);
    expectRawError(res, { status: 404, code: 'NoSuchBucket' }, 'CompleteMultipartUpload in a missing bucket');
    expectEqual('<Error><BucketName>', res.error()?.bucketName, missing);
  },
);

op.check(
  {
    id: 'CompleteMultipartUpload/key-mismatch-names-upload-id',
    spec: '#API_CompleteMultipartUpload_Errors',
    level: 'required',
    title: 'the NoSuchUpload error of a Complete sent to another key than the upload\'s names the upload in <UploadId>',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_key_validation#complete-multipart-wrong-key-name', 'UploadId = the upload of the request')],
  },
  async ({ s3, bucket }) => {
    const key = 'complete/bound-named';
    await expectKeyMismatchNamesUpload(rt, s3, bucket, key, 'complete/other-key-named', 'CompleteMultipartUpload on another key', async (other, id) => {
      const e1 = await uploadPart(s3, bucket, key, id, 1, body({ seed: 372, size: 100 }));
      return completeRaw(rt, bucket, other, id, [{ PartNumber: 1, ETag: e1 }]);
    });
  },
);

op.check(
  {
    id: 'CompleteMultipartUpload/invalid-part-order-names-upload-id',
    spec: '#API_CompleteMultipartUpload_Errors',
    level: 'required',
    title: 'the InvalidPartOrder error of a Complete listing two 5 MiB parts as 2, 1 names the upload in <UploadId>',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_complete_multipart_parts_order#complete-multipart-unordered', 'InvalidPartOrder with UploadId = the upload of the request')],
  },
  async ({ s3, bucket }) => {
    const key = 'complete/order-named';
    await withUpload(s3, bucket, key, async (id) => {
      const e1 = await uploadPart(s3, bucket, key, id, 1, body({ seed: 323, size: MIN_PART }));
      const e2 = await uploadPart(s3, bucket, key, id, 2, body({ seed: 324, size: MIN_PART }));
      const res = await completeRaw(rt, bucket, key, id, [{ PartNumber: 2, ETag: e2 }, { PartNumber: 1, ETag: e1 }]);
      expectRawError(res, { status: 400, code: 'InvalidPartOrder' }, 'CompleteMultipartUpload listing parts 2, 1');
      expectErrorFields(res, { UploadId: id });
    });
  },
);
