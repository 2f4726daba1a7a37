import { AbortMultipartUploadCommand, CreateMultipartUploadCommand, ListPartsCommand, type ListPartsCommandOutput, type S3Client } from '@aws-sdk/client-s3';
import { createBucket, doc, expectEqual, expectFields, expectRawError, expectS3Error, expectStatus, fail, peer, raw, recorded, step, operation, expectErrorEnvelope, ERROR_ENVELOPE_EVIDENCE, ERROR_ENVELOPE_SPEC, NO_SUCH_BUCKET_NAMED_EVIDENCE, newBucketName } from '../../harness/api/index.ts';
import { body, type Body } from '../../fixtures/data/bodies.ts';
import { abortQuietly, createUpload, expectInitiatorId, expectKeyMismatchNamesUpload, expectRequestIdHeaders, grantAltWrite, ownerId, unknownUploadId, uploadPart, uploadPartChecksummed, withUploadRaw } from '../../harness/api/multipart.ts';

const op = operation('ListParts', { buckets: { bucket: { hint: 'mpu-listparts' } } });
const { rt } = op;

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
function threeParts({ bucket }: { bucket: string }, s3: S3Client): Promise<Fixture> {
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

op.check(
  {
    id: 'ListParts/parts',
    spec: '#API_ListParts_ResponseElements',
    feature: 'multipartExtras',
    level: 'required',
    title: 'ListParts after parts 2, 3, 1 → parts 1, 2, 3 in ascending order with their Size, ETag and LastModified, IsTruncated false',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_and_list_parts#list-part-after-upload'), recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListParts::test_list_parts_pagination#list-parts-all')],
  },
  async ({ s3, bucket }) => {
    const f = await threeParts({ bucket }, s3);
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

op.check(
  {
    id: 'ListParts/initiator-owner',
    spec: '#API_ListParts_ResponseElements',
    feature: 'multipartExtras',
    level: 'required',
    title: 'ListParts → Initiator/ID is the initiating user: its canonical id (ListBuckets Owner ID) or, for an IAM user, its ARN',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_and_list_parts#list-part-after-upload'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_Initiator.html', 'If the principal is an AWS account, it provides the Canonical User ID. If the principal is an IAM User, it provides a user ARN value.'),
    ],
  },
  async ({ s3, bucket }) => {
    const f = await threeParts({ bucket }, s3);
    const me = await ownerId(s3);
    if (!me) fail('ListBuckets Owner/ID', 'the caller’s canonical id', me);
    expectInitiatorId('ListPartsResult/Initiator/ID', f.out.Initiator?.ID, me);
  },
);

op.check(
  {
    id: 'ListParts/next-part-number-marker-last-part',
    spec: '#API_ListParts_ResponseElements',
    feature: 'multipartExtras',
    level: 'required',
    title: 'ListParts of parts 1-3 in one page (IsTruncated false) → NextPartNumberMarker 3, the last part listed',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListParts::test_list_parts_pagination#list-parts-all', 'IsTruncated false, parts 1, 2, NextPartNumberMarker 2'),
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3Multipart::test_upload_part_copy_range#list-parts', 'IsTruncated false, parts 1-3, NextPartNumberMarker 3'),
    ],
  },
  async ({ s3, bucket }) => {
    const f = await threeParts({ bucket }, s3);
    expectEqual('ListPartsResult/IsTruncated', f.out.IsTruncated, false);
    expectEqual('ListPartsResult/NextPartNumberMarker', f.out.NextPartNumberMarker, '3');
  },
);

op.check(
  {
    id: 'ListParts/default-max-parts',
    spec: '#API_ListParts_RequestParameters',
    feature: 'multipartExtras',
    level: 'required',
    title: 'ListParts without max-parts → MaxParts 1000 (the documented default), IsTruncated false for 3 parts',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_and_list_parts#list-part-after-upload')],
  },
  async ({ s3, bucket }) => {
    const f = await threeParts({ bucket }, s3);
    expectEqual('ListPartsResult/MaxParts', f.out.MaxParts, 1000);
    expectEqual('ListPartsResult/IsTruncated', f.out.IsTruncated, false);
  },
);

/** ListParts of the shared three-part upload with one query parameter sent empty (`?max-parts=`). */
async function listPartsEmptyParam(s3: S3Client, bucket: string, param: string): Promise<Record<string, unknown> | undefined> {
  const f = await threeParts({ bucket }, s3);
  const res = await raw(rt, { method: 'GET', bucket, key: f.key, query: { uploadId: f.id, [param]: '' } });
  expectStatus(res, 200, `ListParts with an empty ${param}`);
  return res.xml()?.ListPartsResult as Record<string, unknown> | undefined;
}

op.check(
  {
    id: 'ListParts/empty-part-number-marker',
    spec: '#API_ListParts_RequestParameters',
    feature: 'multipartExtras',
    level: 'required',
    title: 'ListParts with an empty part-number-marker= → 200, read as no marker: <PartNumberMarker>0, all 3 parts listed',
    evidence: [recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListParts::test_list_parts_empty_part_number_marker#list-parts-empty-marker', '200, PartNumberMarker 0, the part listed')],
  },
  async ({ s3, bucket }) => {
    const r = await listPartsEmptyParam(s3, bucket, 'part-number-marker');
    expectEqual('ListPartsResult/PartNumberMarker', r?.PartNumberMarker, '0');
    const parts = r?.Part === undefined ? [] : Array.isArray(r.Part) ? r.Part : [r.Part];
    expectEqual('ListPartsResult: number of <Part>', parts.length, 3);
  },
);

op.check(
  {
    id: 'ListParts/empty-max-parts',
    spec: '#API_ListParts_RequestParameters',
    feature: 'multipartExtras',
    level: 'required',
    title: 'ListParts with an empty max-parts= → 200, read as the default: <MaxParts>1000',
    evidence: [recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListParts::test_list_parts_empty_part_number_marker#list-parts-empty-max-parts', '200, MaxParts 1000')],
  },
  async ({ s3, bucket }) => {
    const r = await listPartsEmptyParam(s3, bucket, 'max-parts');
    expectEqual('ListPartsResult/MaxParts', r?.MaxParts, '1000');
  },
);

op.check(
  {
    id: 'ListParts/storage-class',
    spec: '#API_ListParts_ResponseElements',
    feature: 'multipartExtras',
    level: 'required',
    title: 'ListParts of an upload initiated without a storage class → StorageClass STANDARD',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_and_list_parts#list-part-after-upload')],
  },
  async ({ s3, bucket }) => {
    const f = await threeParts({ bucket }, s3);
    expectEqual('ListPartsResult/StorageClass', f.out.StorageClass, 'STANDARD');
  },
);

op.check(
  {
    id: 'ListParts/pagination',
    spec: '#API_ListParts_RequestParameters',
    feature: 'multipartExtras',
    level: 'required',
    title: 'max-parts=2 over 5 parts → pages 2, 2, 1 chained by NextPartNumberMarker, IsTruncated until the last',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListParts::test_list_parts_pagination#list-parts-1'),
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListParts::test_list_parts_pagination#list-parts-next'),
    ],
  },
  async ({ s3, bucket }) => {
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

op.check(
  {
    id: 'ListParts/part-number-marker',
    spec: '#API_ListParts_RequestParameters',
    feature: 'multipartExtras',
    level: 'required',
    title: 'part-number-marker=3 over parts 1-5 → only parts 4 and 5, PartNumberMarker echoed',
    evidence: [recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListParts::test_list_parts_pagination#list-parts-next')],
  },
  async ({ s3, bucket }) => {
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

op.check(
  {
    id: 'ListParts/no-such-upload',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    feature: 'multipartExtras',
    level: 'required',
    title: 'ListParts with an upload id the server never issued → 404 NoSuchUpload',
    evidence: [
      doc(
        'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
        'NoSuchUpload | The specified multipart upload does not exist. The upload ID might not be valid, or the multipart upload might have been aborted or completed. | 404 Not Found',
      ),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_and_list_parts#list-part-after-complete-exc', 'NoSuchUpload for an upload id that no longer exists'),
    ],
  },
  async ({ s3, bucket }) => {
    await expectS3Error(s3.send(new ListPartsCommand({ Bucket: bucket, Key: 'lp/unknown', UploadId: unknownUploadId() })), { status: 404, code: 'NoSuchUpload' });
  },
);

op.check(
  {
    id: 'ListParts/no-such-upload-names-upload-id',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    feature: 'multipartExtras',
    level: 'required',
    title: 'the NoSuchUpload error of ListParts names the upload id of the request in <UploadId>',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_and_list_parts#list-part-after-complete-exc', 'UploadId <upload-id:1>: the upload id of the request')],
  },
  async ({ bucket }) => {
    const id = unknownUploadId();
    const res = await raw(rt, { method: 'GET', bucket, key: 'lp/unknown-named', query: { uploadId: id } });
    expectRawError(res, { status: 404, code: 'NoSuchUpload' }, 'ListParts of an unknown upload id');
    expectEqual('<Error><UploadId>', res.error()?.uploadId, id);
  },
);

op.check(
  {
    id: 'ListParts/aborted-upload',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_AbortMultipartUpload.html',
    feature: 'multipartExtras',
    level: 'required',
    title: 'ListParts of an aborted upload (which had a part) → 404 NoSuchUpload: the upload and its parts are gone',
    evidence: [
      doc(
        'https://docs.aws.amazon.com/AmazonS3/latest/API/API_AbortMultipartUpload.html',
        'To verify that all parts have been removed and prevent getting charged for the part storage, you should call the ListParts API operation and ensure that the parts list is empty.',
      ),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_and_list_parts#list-part-after-complete-exc', 'NoSuchUpload for an upload id that no longer exists'),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'lp/aborted';
    const id = await createUpload(s3, bucket, key);
    await uploadPart(s3, bucket, key, id, 1, body({ seed: 430, size: 10 }));
    await step('AbortMultipartUpload', s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: id })));
    await expectS3Error(s3.send(new ListPartsCommand({ Bucket: bucket, Key: key, UploadId: id })), { status: 404, code: 'NoSuchUpload' });
  },
);

op.check(
  {
    id: 'ListParts/upload-identity',
    spec: '#API_ListParts_ResponseElements',
    feature: 'multipartExtras',
    level: 'required',
    title: 'ListParts → ListPartsResult echoes the Bucket, Key and UploadId of the upload',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_and_list_parts#list-part-after-upload')],
  },
  async ({ s3, bucket }) => {
    const f = await threeParts({ bucket }, s3);
    expectEqual('ListPartsResult/Bucket', f.out.Bucket, bucket);
    expectEqual('ListPartsResult/Key', f.out.Key, f.key);
    expectEqual('ListPartsResult/UploadId', f.out.UploadId, f.id);
  },
);

op.check(
  {
    id: 'ListParts/owner-id',
    spec: '#API_ListParts_ResponseElements',
    feature: 'multipartExtras',
    level: 'required',
    title: 'ListParts of the caller’s own upload → Owner/ID is the caller’s canonical user id (ListBuckets Owner ID)',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_and_list_parts#list-part-after-upload'),
      doc(
        'https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListParts.html#API_ListParts_ResponseElements',
        'Owner: Container element that identifies the object owner, after the object is created. If multipart upload is initiated by an IAM user, this element provides the parent account ID.',
      ),
    ],
  },
  async ({ s3, bucket }) => {
    const f = await threeParts({ bucket }, s3);
    const me = await ownerId(s3);
    if (!me) fail('ListBuckets Owner/ID', 'the caller’s canonical id', me);
    expectEqual('ListPartsResult/Owner/ID', f.out.Owner?.ID, me);
  },
);

op.check(
  {
    id: 'ListParts/empty-upload',
    spec: '#API_ListParts_ResponseElements',
    feature: 'multipartExtras',
    level: 'required',
    title: 'ListParts of an upload without parts → 200, no Part, IsTruncated false, MaxParts 1000',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_and_list_parts#list-part-after-created'),
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListParts::test_list_parts_pagination#list-parts-empty'),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'lp/empty';
    const id = await createUpload(s3, bucket, key);
    try {
      const out = await step('ListParts', s3.send(new ListPartsCommand({ Bucket: bucket, Key: key, UploadId: id })));
      expectEqual('ListPartsResult/Part', (out.Parts ?? []).map((p) => p.PartNumber), []);
      expectEqual('ListPartsResult/IsTruncated', out.IsTruncated, false);
      expectEqual('ListPartsResult/MaxParts', out.MaxParts, 1000);
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

op.check(
  {
    id: 'ListParts/marker-past-last-part',
    spec: '#API_ListParts_RequestParameters',
    feature: 'multipartExtras',
    level: 'required',
    title: 'part-number-marker=10 over parts 1-2 → 200, no Part, IsTruncated false, PartNumberMarker 10 echoed',
    evidence: [recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListParts::test_list_parts_pagination#list-parts-wrong-part')],
  },
  async ({ s3, bucket }) => {
    const key = 'lp/marker-past';
    const id = await createUpload(s3, bucket, key);
    try {
      for (let n = 1; n <= 2; n++) await uploadPart(s3, bucket, key, id, n, body({ seed: 440 + n, size: 4 }));
      const out = await step('ListParts', s3.send(new ListPartsCommand({ Bucket: bucket, Key: key, UploadId: id, MaxParts: 1, PartNumberMarker: '10' })));
      expectEqual('ListPartsResult/Part', (out.Parts ?? []).map((p) => p.PartNumber), []);
      expectEqual('ListPartsResult/IsTruncated', out.IsTruncated, false);
      expectEqual('ListPartsResult/PartNumberMarker', out.PartNumberMarker, '10');
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

op.check(
  {
    id: 'ListParts/key-mismatch',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    feature: 'multipartExtras',
    level: 'required',
    title: 'ListParts with a valid upload id but another key → 404 NoSuchUpload (an upload id is bound to its key)',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_key_validation#list-parts-wrong-key-name')],
  },
  async ({ s3, bucket }) => {
    const key = 'lp/bound';
    const id = await createUpload(s3, bucket, key);
    try {
      await expectS3Error(s3.send(new ListPartsCommand({ Bucket: bucket, Key: 'lp/other-key', UploadId: id })), { status: 404, code: 'NoSuchUpload' });
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

op.check(
  {
    id: 'ListParts/invalid-max-parts',
    spec: '#API_ListParts_RequestParameters',
    feature: 'multipartExtras',
    level: 'optional',
    title: 'ListParts with max-parts=-1 → 400 InvalidArgument',
    evidence: [peer('https://github.com/versity/versitygw/blob/main/tests/integration/group-tests.go', 'versitygw ListParts_invalid_max_parts expects 400 InvalidArgument for a negative max-parts')],
  },
  async ({ s3, bucket }) => {
    const key = 'lp/bad-max';
    const id = await createUpload(s3, bucket, key);
    try {
      const res = await raw(rt, { method: 'GET', bucket, key, query: { uploadId: id, 'max-parts': '-1' } });
      expectEqual('ListParts max-parts=-1: status and code', `${res.status} ${res.error()?.code ?? ''}`.trim(), '400 InvalidArgument');
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

op.check(
  {
    id: 'ListParts/other-user-initiator-owner',
    spec: '#API_ListParts_ResponseElements',
    level: 'optional',
    needs: ['alt'],
    feature: 'acl',
    skipIf: (r) => (r.features.multipartExtras ? undefined : 'the target does not claim the optional feature "multipartExtras"'),
    title: 'upload initiated by a second user (granted WRITE) in the main user’s bucket → Initiator and Owner name the second user',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpuoverview.html', 'By default, the bucket owner has permission to list parts for any multipart upload to the bucket.'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_Initiator.html', 'If the principal is an AWS account, it provides the Canonical User ID. If the principal is an IAM User, it provides a user ARN value.'),
      doc(
        'https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListParts.html#API_ListParts_ResponseElements',
        'Owner: Container element that identifies the object owner, after the object is created. If multipart upload is initiated by an IAM user, this element provides the parent account ID.',
      ),
    ],
  },
  async ({ s3, alt }) => {
    const shared = await createBucket(rt, { hint: 'mpu-lp-alt', acl: true });
    const { altId } = await grantAltWrite(s3, alt(), shared);
    const key = 'alt/upload';
    const created = await step('CreateMultipartUpload by the second user', alt().send(new CreateMultipartUploadCommand({ Bucket: shared, Key: key })));
    const id = created.UploadId ?? '';
    try {
      const out = await step('ListParts by the bucket owner', s3.send(new ListPartsCommand({ Bucket: shared, Key: key, UploadId: id })));
      expectInitiatorId('ListPartsResult/Initiator/ID', out.Initiator?.ID, altId);
      expectEqual('ListPartsResult/Owner/ID', out.Owner?.ID, altId);
    } finally {
      await abortQuietly(s3, shared, key, id);
    }
  },
);

op.check(
  {
    id: 'ListParts/request-id-headers',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html',
    feature: 'multipartExtras',
    level: 'required',
    title: 'ListParts answer carries x-amz-request-id and x-amz-id-2',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html', 'x-amz-request-id: A value created by Amazon S3 that uniquely identifies the request.'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html', 'x-amz-id-2: A special token that is used together with the x-amz-request-id header to help AWS troubleshoot problems.'),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'lp/request-id';
    const id = await createUpload(s3, bucket, key);
    try {
      const res = await raw(rt, { method: 'GET', bucket, key, query: { uploadId: id } });
      expectEqual('ListParts status', res.status, 200);
      expectRequestIdHeaders(res, 'ListParts');
    } finally {
      await abortQuietly(s3, bucket, key, id);
    }
  },
);

op.check(
  {
    id: 'ListParts/error-envelope',
    spec: ERROR_ENVELOPE_SPEC,
    level: 'required',
    title: "GET ?uploadId=<never issued>, 404 NoSuchUpload → AWS's error envelope: request ids, application/xml, Code, Message, RequestId",
    evidence: [...ERROR_ENVELOPE_EVIDENCE],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'GET', bucket, key: 'envelope', query: { uploadId: unknownUploadId() } });
    expectErrorEnvelope(res, { status: 404, code: 'NoSuchUpload' }, 'ListParts of an unknown upload');
  },
);

op.check(
  {
    id: 'ListParts/no-such-bucket-names-bucket',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'the NoSuchBucket error of GET ?uploadId=… in a missing bucket names that bucket in <BucketName>, exactly',
    evidence: [...NO_SUCH_BUCKET_NAMED_EVIDENCE],
  },
  async () => {
    const missing = newBucketName(rt, 'missing');
    const res = await raw(rt, { method: 'GET', bucket: missing, key: 'names-bucket', query: { uploadId: unknownUploadId() } });
    expectRawError(res, { status: 404, code: 'NoSuchBucket' }, 'ListParts in a missing bucket');
    expectEqual('<Error><BucketName>', res.error()?.bucketName, missing);
  },
);

op.check(
  {
    id: 'ListParts/checksum-fields',
    spec: '#API_ListParts_ResponseSyntax',
    level: 'required',
    title: "ListParts of a CRC32 (COMPOSITE) upload → <ChecksumAlgorithm>CRC32, <ChecksumType>COMPOSITE and each part's <ChecksumCRC32>",
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3MultipartUploadChecksum::test_complete_multipart_parts_checksum_composite[CRC32]#list-parts', 'ChecksumAlgorithm "CRC32", ChecksumType "COMPOSITE", Parts[].ChecksumCRC32')],
  },
  async ({ s3, bucket }) => {
    const key = 'listparts/checksum';
    await withUploadRaw(rt, s3, bucket, key, { 'x-amz-checksum-algorithm': 'CRC32', 'x-amz-checksum-type': 'COMPOSITE' }, async (id) => {
      const { sum } = await uploadPartChecksummed(rt, bucket, key, id, 1, Buffer.from('abc'), 'crc32');
      const res = await raw(rt, { method: 'GET', bucket, key, query: { uploadId: id } });
      expectStatus(res, 200, 'ListParts');
      const result = res.xml()?.ListPartsResult as Record<string, unknown> | undefined;
      const part = result?.Part as Record<string, unknown> | undefined;
      expectFields('ListPartsResult', { ChecksumAlgorithm: result?.ChecksumAlgorithm, ChecksumType: result?.ChecksumType, 'Part/ChecksumCRC32': part?.ChecksumCRC32 }, { ChecksumAlgorithm: 'CRC32', ChecksumType: 'COMPOSITE', 'Part/ChecksumCRC32': sum });
    });
  },
);

op.check(
  {
    id: 'ListParts/key-mismatch-names-upload-id',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    feature: 'multipartExtras',
    level: 'required',
    title: 'the NoSuchUpload error of ListParts on another key than the upload\'s names the upload in <UploadId>',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_key_validation#list-parts-wrong-key-name', 'UploadId = the upload of the request')],
  },
  async ({ s3, bucket }) => {
    await expectKeyMismatchNamesUpload(rt, s3, bucket, 'lp/bound-named', 'lp/other-key-named', 'ListParts on another key', (other, id) => raw(rt, { method: 'GET', bucket, key: other, query: { uploadId: id } }));
  },
);
