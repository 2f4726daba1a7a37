import { AbortMultipartUploadCommand, CreateMultipartUploadCommand, ListMultipartUploadsCommand, type ListMultipartUploadsCommandOutput, type S3Client } from '@aws-sdk/client-s3';
import { createBucket, doc, expectEqual, expectFields, expectRawError, expectStatus, expectS3Error, fail, newBucketName, peer, raw, recorded, step, operation, expectErrorEnvelope, ERROR_ENVELOPE_EVIDENCE, ERROR_ENVELOPE_SPEC, NO_SUCH_BUCKET_NAMED_EVIDENCE, expectErrorFields } from '../../harness/api/index.ts';
import { looksUrlEncoded, urlDecode } from '../../harness/api/listing.ts';
import { body } from '../../fixtures/data/bodies.ts';
import { abortQuietly, completeUpload, createUpload, expectInitiatorId, expectRequestIdHeaders, grantAltWrite, ownerId, uploadPart, withUploadRaw } from '../../harness/api/multipart.ts';

const op = operation('ListMultipartUploads', { buckets: { bucket: { hint: 'mpu-listuploads' } } });
const { rt } = op;

const SKEW_MS = 15 * 60_000;
const list = ({ bucket }: { bucket: string }, s3: S3Client, input: Omit<ConstructorParameters<typeof ListMultipartUploadsCommand>[0], 'Bucket'>): Promise<ListMultipartUploadsCommandOutput> =>
  step('ListMultipartUploads', s3.send(new ListMultipartUploadsCommand({ Bucket: bucket, ...input })));
const pairs = (out: ListMultipartUploadsCommandOutput): string[] => (out.Uploads ?? []).map((u) => `${u.Key}#${u.UploadId}`);

op.check(
  {
    id: 'ListMultipartUploads/upload-fields',
    spec: '#API_ListMultipartUploads_ResponseElements',
    feature: 'multipartExtras',
    level: 'required',
    title: 'an initiated upload is listed with its Key, UploadId, a current Initiated and StorageClass STANDARD; Bucket echoed',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_and_list_parts#list-all-uploads')],
  },
  async ({ s3, bucket }) => {
    const t0 = Date.now();
    const id = await createUpload(s3, bucket, 'f/obj');
    const out = await list({ bucket }, s3, { Prefix: 'f/' });
    expectEqual('ListMultipartUploadsResult/Bucket', out.Bucket, bucket);
    expectEqual('uploads under f/', pairs(out), [`f/obj#${id}`]);
    const u = out.Uploads?.[0];
    const t = u?.Initiated?.getTime();
    if (t === undefined || Number.isNaN(t) || Math.abs(t - t0) > SKEW_MS) fail('Upload/Initiated', `within ±15 min of ${new Date(t0).toISOString()}`, u?.Initiated?.toISOString());
    expectEqual('Upload/StorageClass', u?.StorageClass, 'STANDARD');
  },
);

op.check(
  {
    id: 'ListMultipartUploads/default-max-uploads',
    spec: '#API_ListMultipartUploads_RequestParameters',
    feature: 'multipartExtras',
    level: 'required',
    title: 'ListMultipartUploads without max-uploads → MaxUploads 1000 (the documented default), IsTruncated false',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_and_list_parts#list-all-uploads')],
  },
  async ({ s3, bucket }) => {
    const id = await createUpload(s3, bucket, 'm/one');
    const out = await list({ bucket }, s3, { Prefix: 'm/' });
    expectEqual('uploads under m/', pairs(out), [`m/one#${id}`]);
    expectEqual('ListMultipartUploadsResult/MaxUploads', out.MaxUploads, 1000);
    expectEqual('ListMultipartUploadsResult/IsTruncated', out.IsTruncated, false);
  },
);

op.check(
  {
    id: 'ListMultipartUploads/next-markers-last-upload',
    spec: '#API_ListMultipartUploads_ResponseElements',
    feature: 'multipartExtras',
    level: 'required',
    title: 'ListMultipartUploads of 2 uploads in one page (IsTruncated false) → NextKeyMarker and NextUploadIdMarker name the last upload listed',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListMultipartUploads::test_list_multiparts_next_marker#list-multiparts-all', 'IsTruncated false, NextKeyMarker = the last key listed, NextUploadIdMarker set'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_and_list_parts#list-all-uploads', 'IsTruncated false, NextKeyMarker and NextUploadIdMarker = the only upload listed'),
    ],
  },
  async ({ s3, bucket }) => {
    const a = await createUpload(s3, bucket, 'nm/a');
    const b = await createUpload(s3, bucket, 'nm/b');
    const out = await list({ bucket }, s3, { Prefix: 'nm/' });
    expectEqual('uploads under nm/', pairs(out), [`nm/a#${a}`, `nm/b#${b}`]);
    expectEqual('ListMultipartUploadsResult/IsTruncated', out.IsTruncated, false);
    expectEqual('ListMultipartUploadsResult/NextKeyMarker', out.NextKeyMarker, 'nm/b');
    expectEqual('ListMultipartUploadsResult/NextUploadIdMarker', out.NextUploadIdMarker, b);
  },
);

op.check(
  {
    id: 'ListMultipartUploads/key-marker',
    spec: '#API_ListMultipartUploads_RequestParameters',
    feature: 'multipartExtras',
    level: 'required',
    title: 'key-marker=k/b without upload-id-marker over uploads k/a, k/b, k/c → only k/c listed; KeyMarker echoed',
    evidence: [recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListMultipartUploads::test_list_multiparts_next_marker#list-multiparts-next-key-only')],
  },
  async ({ s3, bucket }) => {
    const ids: Record<string, string> = {};
    for (const k of ['k/a', 'k/b', 'k/c']) ids[k] = await createUpload(s3, bucket, k);
    const out = await list({ bucket }, s3, { Prefix: 'k/', KeyMarker: 'k/b' });
    expectEqual('ListMultipartUploadsResult/KeyMarker', out.KeyMarker, 'k/b');
    expectEqual('uploads after key-marker k/b', pairs(out), [`k/c#${ids['k/c']}`]);
  },
);

op.check(
  {
    id: 'ListMultipartUploads/upload-id-marker-same-key',
    spec: '#API_ListMultipartUploads_RequestParameters',
    feature: 'multipartExtras',
    level: 'required',
    title: 'key-marker=uim/a with the upload-id-marker of the first upload of uim/a listed → the other uploads of uim/a, then uim/b: the listing after that upload',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListMultipartUploads::test_list_multiparts_next_marker#list-multiparts-both-markers', 'key-marker = a key with two uploads, upload-id-marker = the first listed → the second upload of that key'),
      doc(
        'https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListMultipartUploads.html#API_ListMultipartUploads_RequestParameters',
        'If upload-id-marker is specified, any multipart uploads for a key equal to the key-marker might also be included, provided those multipart uploads have upload IDs lexicographically greater than the specified upload-id-marker.',
      ),
    ],
  },
  async ({ s3, bucket }) => {
    for (const k of ['uim/a', 'uim/a', 'uim/a', 'uim/b']) await createUpload(s3, bucket, k);
    // The server's own order of the uploads of one key (AWS documents upload ids, records initiation order).
    const full = pairs(await list({ bucket }, s3, { Prefix: 'uim/' }));
    expectEqual('uploads under uim/ (one page)', full.length, 4);
    const first = (await list({ bucket }, s3, { Prefix: 'uim/' })).Uploads?.[0];
    if (first?.Key !== 'uim/a' || !first.UploadId) return fail('the first upload listed under uim/', 'an upload of uim/a', first?.Key);
    const out = await list({ bucket }, s3, { Prefix: 'uim/', KeyMarker: 'uim/a', UploadIdMarker: first.UploadId });
    expectEqual('ListMultipartUploadsResult/UploadIdMarker', out.UploadIdMarker, first.UploadId);
    expectEqual('uploads after key-marker uim/a and the upload-id-marker of its first upload', pairs(out), full.slice(1));
  },
);

op.check(
  {
    id: 'ListMultipartUploads/prefix',
    spec: '#API_ListMultipartUploads_RequestParameters',
    feature: 'multipartExtras',
    level: 'required',
    title: 'prefix=p/x/ → only the uploads whose key starts with p/x/, in key order; Prefix echoed',
    evidence: [recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListMultipartUploads::test_list_multiparts_with_prefix_and_delimiter#list-multiparts-no-encoding', 'prefix=test/foo lists only the uploads whose key starts with it')],
  },
  async ({ s3, bucket }) => {
    const ids: Record<string, string> = {};
    for (const k of ['p/x/b', 'p/x/a', 'p/y/a', 'p/x']) ids[k] = await createUpload(s3, bucket, k);
    const out = await list({ bucket }, s3, { Prefix: 'p/x/' });
    expectEqual('Prefix', out.Prefix, 'p/x/');
    expectEqual('uploads under p/x/', pairs(out), [`p/x/a#${ids['p/x/a']}`, `p/x/b#${ids['p/x/b']}`]);
  },
);

op.check(
  {
    id: 'ListMultipartUploads/delimiter',
    spec: '#API_ListMultipartUploads_RequestParameters',
    feature: 'multipartExtras',
    level: 'required',
    title: 'prefix=d/, delimiter=/ → uploads directly under d/ listed, deeper keys rolled up into CommonPrefixes',
    evidence: [recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListMultipartUploads::test_list_multiparts_with_prefix_and_delimiter#list-multiparts-1')],
  },
  async ({ s3, bucket }) => {
    const ids: Record<string, string> = {};
    for (const k of ['d/a/1', 'd/a/2', 'd/b/1', 'd/top']) ids[k] = await createUpload(s3, bucket, k);
    const out = await list({ bucket }, s3, { Prefix: 'd/', Delimiter: '/' });
    expectEqual('Delimiter', out.Delimiter, '/');
    expectEqual('uploads directly under d/', pairs(out), [`d/top#${ids['d/top']}`]);
    expectEqual('CommonPrefixes', (out.CommonPrefixes ?? []).map((c) => c.Prefix), ['d/a/', 'd/b/']);
  },
);

op.check(
  {
    id: 'ListMultipartUploads/same-key-initiation-order',
    spec: '#API_ListMultipartUploads',
    feature: 'multipartExtras',
    level: 'required',
    title: 'six uploads of one key → listed in initiation order (first initiated first), Initiated non-decreasing',
    evidence: [recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListMultipartUploads::test_list_multiparts_next_marker#list-multiparts-all', 'three uploads of one key listed in the order they were initiated')],
  },
  async ({ s3, bucket }) => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await createUpload(s3, bucket, 'o/key'));
    const out = await list({ bucket }, s3, { Prefix: 'o/' });
    expectEqual('upload ids in listing order', (out.Uploads ?? []).map((u) => u.UploadId), ids);
    const times = (out.Uploads ?? []).map((u) => u.Initiated?.getTime() ?? NaN);
    for (let i = 1; i < times.length; i++) {
      if (!((times[i] as number) >= (times[i - 1] as number))) fail('Initiated of same-key uploads', 'non-decreasing', times.map((t) => new Date(t).toISOString()));
    }
  },
);

op.check(
  {
    id: 'ListMultipartUploads/pagination',
    spec: '#API_ListMultipartUploads_RequestParameters',
    feature: 'multipartExtras',
    level: 'required',
    title: 'max-uploads=1 over 4 uploads (2 of one key) → 4 pages chained by NextKeyMarker/NextUploadIdMarker = full listing',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListMultipartUploads::test_list_multiparts_next_marker#list-multiparts-max-1'),
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListMultipartUploads::test_list_multiparts_next_marker#list-multiparts-both-markers'),
    ],
  },
  async ({ s3, bucket }) => {
    for (const k of ['g/a', 'g/a', 'g/b', 'g/c']) await createUpload(s3, bucket, k);
    const full = pairs(await list({ bucket }, s3, { Prefix: 'g/' }));
    expectEqual('uploads under g/ (one page)', full.length, 4);
    const seen: string[] = [];
    let keyMarker: string | undefined;
    let idMarker: string | undefined;
    for (let page = 0; ; page++) {
      if (page >= 6) fail('ListMultipartUploads pagination', 'at most 4 pages for 4 uploads with max-uploads=1', `${page} pages, still truncated (seen ${seen.length})`);
      const out = await list({ bucket }, s3, { Prefix: 'g/', MaxUploads: 1, KeyMarker: keyMarker, UploadIdMarker: idMarker });
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

op.check(
  {
    id: 'ListMultipartUploads/gone-after-complete',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html',
    feature: 'multipartExtras',
    level: 'required',
    title: 'an upload is listed while in progress and no longer after CompleteMultipartUpload',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_and_list_parts#list-all-uploads-completed')],
  },
  async ({ s3, bucket }) => {
    const key = 'c/done';
    const id = await createUpload(s3, bucket, key);
    const etag = await uploadPart(s3, bucket, key, id, 1, body({ seed: 501, size: 10 }));
    expectEqual('uploads under c/ before Complete', pairs(await list({ bucket }, s3, { Prefix: 'c/' })), [`${key}#${id}`]);
    await completeUpload(s3, bucket, key, id, [{ PartNumber: 1, ETag: etag }]);
    expectEqual('uploads under c/ after Complete', pairs(await list({ bucket }, s3, { Prefix: 'c/' })), []);
  },
);

op.check(
  {
    id: 'ListMultipartUploads/gone-after-abort',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_AbortMultipartUpload.html',
    feature: 'multipartExtras',
    level: 'required',
    title: 'an upload is listed while in progress and no longer after AbortMultipartUpload',
    evidence: [
      doc(
        'https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListMultipartUploads.html',
        'This operation lists in-progress multipart uploads in a bucket. An in-progress multipart upload is a multipart upload that has been initiated by the CreateMultipartUpload request, but has not yet been completed or aborted.',
      ),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'a/aborted';
    const id = await createUpload(s3, bucket, key);
    await uploadPart(s3, bucket, key, id, 1, body({ seed: 502, size: 10 }));
    expectEqual('uploads under a/ before Abort', pairs(await list({ bucket }, s3, { Prefix: 'a/' })), [`${key}#${id}`]);
    await step('AbortMultipartUpload', s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: id })));
    expectEqual('uploads under a/ after Abort', pairs(await list({ bucket }, s3, { Prefix: 'a/' })), []);
  },
);

op.check(
  {
    id: 'ListMultipartUploads/initiator',
    spec: '#API_ListMultipartUploads_ResponseElements',
    feature: 'multipartExtras',
    level: 'required',
    title: 'a listed upload’s Initiator/ID is the initiating user: its canonical id (ListBuckets Owner ID) or, for an IAM user, its ARN',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_and_list_parts#list-all-uploads'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_Initiator.html', 'If the principal is an AWS account, it provides the Canonical User ID. If the principal is an IAM User, it provides a user ARN value.'),
    ],
  },
  async ({ s3, bucket }) => {
    const id = await createUpload(s3, bucket, 'ini/obj');
    const out = await list({ bucket }, s3, { Prefix: 'ini/' });
    expectEqual('uploads under ini/', pairs(out), [`ini/obj#${id}`]);
    expectInitiatorId('Upload/Initiator/ID', out.Uploads?.[0]?.Initiator?.ID, await ownerId(s3));
  },
);

op.check(
  {
    id: 'ListMultipartUploads/owner',
    spec: '#API_ListMultipartUploads_ResponseElements',
    feature: 'multipartExtras',
    level: 'required',
    title: 'a listed upload of the caller → Owner/ID is the caller’s canonical user id (ListBuckets Owner ID)',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_and_list_parts#list-all-uploads'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_MultipartUpload.html', 'Owner: Specifies the owner of the object that is part of the multipart upload.'),
    ],
  },
  async ({ s3, bucket }) => {
    const id = await createUpload(s3, bucket, 'own/obj');
    const out = await list({ bucket }, s3, { Prefix: 'own/' });
    expectEqual('uploads under own/', pairs(out), [`own/obj#${id}`]);
    expectEqual('Upload/Owner/ID', out.Uploads?.[0]?.Owner?.ID, await ownerId(s3));
  },
);

op.check(
  {
    id: 'ListMultipartUploads/empty',
    spec: '#API_ListMultipartUploads_ResponseElements',
    feature: 'multipartExtras',
    level: 'required',
    title: 'ListMultipartUploads with no upload under the prefix → 200, no Upload, IsTruncated false, MaxUploads 1000',
    evidence: [recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListMultipartUploads::test_list_multiparts_next_marker#list-multiparts-empty')],
  },
  async ({ s3, bucket }) => {
    const out = await list({ bucket }, s3, { Prefix: 'nothing-here/' });
    expectEqual('uploads under nothing-here/', pairs(out), []);
    expectEqual('ListMultipartUploadsResult/IsTruncated', out.IsTruncated, false);
    expectEqual('ListMultipartUploadsResult/MaxUploads', out.MaxUploads, 1000);
  },
);

op.check(
  {
    id: 'ListMultipartUploads/markers-echoed-empty',
    spec: '#API_ListMultipartUploads_ResponseElements',
    feature: 'multipartExtras',
    level: 'required',
    title: 'ListMultipartUploads without markers → the answer carries <KeyMarker> and <UploadIdMarker>, both empty',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListMultipartUploads::test_list_multiparts_next_marker#list-multiparts-empty', 'KeyMarker "", UploadIdMarker ""'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_and_list_parts#list-all-uploads', 'KeyMarker "", UploadIdMarker ""'),
    ],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'GET', bucket, query: { uploads: null, prefix: 'nothing-here/' } });
    expectEqual('ListMultipartUploads status', res.status, 200);
    const r = res.xml()?.ListMultipartUploadsResult as Record<string, unknown> | undefined;
    expectEqual('ListMultipartUploadsResult/KeyMarker', r?.KeyMarker, '');
    expectEqual('ListMultipartUploadsResult/UploadIdMarker', r?.UploadIdMarker, '');
  },
);

/** Decode an encoding-type=url value: percent-escapes, and '+' for a space (form encoding). */
function decodeUrlValue(v: string): string {
  return urlDecode(v.replace(/\+/g, '%20'));
}

op.check(
  {
    id: 'ListMultipartUploads/encoding-type-url',
    spec: '#API_ListMultipartUploads_RequestParameters',
    feature: 'multipartExtras',
    level: 'required',
    title: 'encoding-type=url → EncodingType url echoed and each Key URL-encoded (decoding to the key with space, +, %, é)',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListMultipartUploads::test_list_multiparts_with_prefix_and_delimiter#list-multiparts-1'),
      doc(
        'https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListMultipartUploads.html#API_ListMultipartUploads_RequestParameters',
        'encoding-type: Encoding type used by Amazon S3 to encode the object keys in the response.',
      ),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'enc/a b+c%d\u00e9';
    const id = await createUpload(s3, bucket, key);
    const res = await raw(rt, { method: 'GET', bucket, query: { uploads: null, prefix: 'enc/', 'encoding-type': 'url' } });
    expectEqual('ListMultipartUploads status', res.status, 200);
    const result = res.xml()?.ListMultipartUploadsResult as Record<string, unknown> | undefined;
    expectEqual('ListMultipartUploadsResult/EncodingType', result?.EncodingType, 'url');
    const ups = result?.Upload === undefined ? [] : Array.isArray(result.Upload) ? result.Upload : [result.Upload];
    const keys = (ups as Array<Record<string, unknown>>).map((u) => String(u.Key ?? ''));
    expectEqual('uploads under enc/', keys.length, 1);
    const wire = keys[0] as string;
    if (!looksUrlEncoded(wire.replace(/\+/g, '%20'))) fail('Upload/Key with encoding-type=url: not URL-encoded', 'a percent-encoded key', JSON.stringify(wire));
    expectEqual('Upload/Key (URL-decoded)', decodeUrlValue(wire), key);
    await abortQuietly(s3, bucket, key, id);
  },
);

op.check(
  {
    id: 'ListMultipartUploads/encoding-type-invalid',
    spec: '#API_ListMultipartUploads_RequestParameters',
    feature: 'multipartExtras',
    level: 'required',
    title: 'encoding-type=value (not url) → 400 InvalidArgument',
    evidence: [recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjectsV2::test_list_ops_encoding_type_validation[list_multipart_uploads]#list_multipart_uploads-error-wrong-value')],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'GET', bucket, query: { uploads: null, 'encoding-type': 'value' } });
    expectRawError(res, { status: 400, code: 'InvalidArgument' }, 'ListMultipartUploads with encoding-type=value');
  },
);

op.check(
  {
    id: 'ListMultipartUploads/encoding-type-invalid-names-argument',
    spec: '#API_ListMultipartUploads_RequestParameters',
    feature: 'multipartExtras',
    level: 'required',
    title: 'encoding-type=value (not url) → 400 InvalidArgument, ArgumentName encoding-type, ArgumentValue value',
    evidence: [
      recorded(
        'tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjectsV2::test_list_ops_encoding_type_validation[list_multipart_uploads]#list_multipart_uploads-error-wrong-value',
        'ArgumentName encoding-type, ArgumentValue value (the value sent)',
      ),
    ],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'GET', bucket, query: { uploads: null, 'encoding-type': 'value' } });
    expectRawError(res, { status: 400, code: 'InvalidArgument' }, 'ListMultipartUploads with encoding-type=value');
    expectErrorFields(res, { ArgumentName: 'encoding-type', ArgumentValue: 'value' });
  },
);

op.check(
  {
    id: 'ListMultipartUploads/upload-id-marker-without-key-marker',
    spec: '#API_ListMultipartUploads_RequestParameters',
    feature: 'multipartExtras',
    level: 'required',
    title: 'upload-id-marker without key-marker is ignored → the listing starts at the first upload',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListMultipartUploads::test_list_multiparts_next_marker#list-multiparts-next-upload-only'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListMultipartUploads.html#API_ListMultipartUploads_RequestParameters', 'If key-marker is not specified, the upload-id-marker parameter is ignored.'),
    ],
  },
  async ({ s3, bucket }) => {
    const a = await createUpload(s3, bucket, 'im/a');
    const b = await createUpload(s3, bucket, 'im/b');
    const out = await list({ bucket }, s3, { Prefix: 'im/', UploadIdMarker: a });
    expectEqual('uploads under im/ with only upload-id-marker', pairs(out), [`im/a#${a}`, `im/b#${b}`]);
  },
);

op.check(
  {
    id: 'ListMultipartUploads/upload-id-marker-of-other-key',
    spec: '#API_ListMultipartUploads_RequestParameters',
    feature: 'multipartExtras',
    level: 'required',
    title: 'key-marker=w/b with the upload-id-marker of an upload of w/a → 400 InvalidArgument',
    evidence: [recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListMultipartUploads::test_list_multiparts_next_marker#list-multiparts-wrong-id-for-key', 'Invalid uploadId marker')],
  },
  async ({ s3, bucket }) => {
    const a = await createUpload(s3, bucket, 'w/a');
    await createUpload(s3, bucket, 'w/b');
    await expectS3Error(s3.send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: 'w/', KeyMarker: 'w/b', UploadIdMarker: a })), { status: 400, code: 'InvalidArgument' });
  },
);

op.check(
  {
    id: 'ListMultipartUploads/key-marker-not-a-key',
    spec: '#API_ListMultipartUploads_RequestParameters',
    feature: 'multipartExtras',
    level: 'required',
    title: 'key-marker=n/b (no upload has that key) over uploads n/a, n/c → only n/c',
    evidence: [
      doc(
        'https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListMultipartUploads.html#API_ListMultipartUploads_RequestParameters',
        'If upload-id-marker is not specified, only the keys lexicographically greater than the specified key-marker will be included in the list.',
      ),
    ],
  },
  async ({ s3, bucket }) => {
    await createUpload(s3, bucket, 'n/a');
    const c = await createUpload(s3, bucket, 'n/c');
    expectEqual('uploads after key-marker n/b', pairs(await list({ bucket }, s3, { Prefix: 'n/', KeyMarker: 'n/b' })), [`n/c#${c}`]);
  },
);

op.check(
  {
    id: 'ListMultipartUploads/no-such-bucket',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    feature: 'multipartExtras',
    level: 'required',
    title: 'ListMultipartUploads of a bucket that does not exist → 404 NoSuchBucket',
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'NoSuchBucket | The specified bucket does not exist. | 404 Not Found')],
  },
  async ({ s3 }) => {
    await expectS3Error(s3.send(new ListMultipartUploadsCommand({ Bucket: newBucketName(rt, 'missing') })), { status: 404, code: 'NoSuchBucket' });
  },
);

op.check(
  {
    id: 'ListMultipartUploads/other-user-initiator-owner',
    spec: '#API_ListMultipartUploads_ResponseElements',
    level: 'optional',
    needs: ['alt'],
    feature: 'acl',
    skipIf: (r) => (r.features.multipartExtras ? undefined : 'the target does not claim the optional feature "multipartExtras"'),
    title: 'upload initiated by a second user (granted WRITE) in the main user’s bucket → listed with Initiator and Owner of the second user',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_Initiator.html', 'If the principal is an AWS account, it provides the Canonical User ID. If the principal is an IAM User, it provides a user ARN value.'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_MultipartUpload.html', 'Owner: Specifies the owner of the object that is part of the multipart upload.'),
    ],
  },
  async ({ s3, alt }) => {
    const shared = await createBucket(rt, { hint: 'mpu-lu-alt', acl: true });
    const { altId } = await grantAltWrite(s3, alt(), shared);
    const key = 'alt/upload';
    const created = await step('CreateMultipartUpload by the second user', alt().send(new CreateMultipartUploadCommand({ Bucket: shared, Key: key })));
    const id = created.UploadId ?? '';
    try {
      const out = await step('ListMultipartUploads by the bucket owner', s3.send(new ListMultipartUploadsCommand({ Bucket: shared })));
      expectEqual('uploads in the shared bucket', pairs(out), [`${key}#${id}`]);
      expectInitiatorId('Upload/Initiator/ID', out.Uploads?.[0]?.Initiator?.ID, altId);
      expectEqual('Upload/Owner/ID', out.Uploads?.[0]?.Owner?.ID, altId);
    } finally {
      await abortQuietly(s3, shared, key, id);
    }
  },
);

op.check(
  {
    id: 'ListMultipartUploads/request-id-headers',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html',
    feature: 'multipartExtras',
    level: 'required',
    title: 'ListMultipartUploads answer carries x-amz-request-id and x-amz-id-2',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html', 'x-amz-request-id: A value created by Amazon S3 that uniquely identifies the request.'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html', 'x-amz-id-2: A special token that is used together with the x-amz-request-id header to help AWS troubleshoot problems.'),
    ],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'GET', bucket, query: { uploads: null } });
    expectEqual('ListMultipartUploads status', res.status, 200);
    expectRequestIdHeaders(res, 'ListMultipartUploads');
  },
);

op.check(
  {
    id: 'ListMultipartUploads/invalid-max-uploads',
    feature: 'multipartExtras',
    spec: '#API_ListMultipartUploads_RequestParameters',
    level: 'optional',
    title: 'ListMultipartUploads with max-uploads=-1 → 400 InvalidArgument',
    evidence: [peer('https://github.com/versity/versitygw/blob/main/tests/integration/group-tests.go', 'versitygw ListMultipartUploads_invalid_max_uploads expects 400 InvalidArgument for a negative max-uploads')],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'GET', bucket, query: { uploads: null, 'max-uploads': '-1' } });
    expectRawError(res, { status: 400, code: 'InvalidArgument' }, 'ListMultipartUploads with max-uploads=-1');
  },
);

op.check(
  {
    id: 'ListMultipartUploads/error-envelope',
    spec: ERROR_ENVELOPE_SPEC,
    level: 'required',
    title: "GET ?uploads of a missing bucket, 404 NoSuchBucket → AWS's error envelope: request ids, application/xml, Code, Message, RequestId",
    evidence: [...ERROR_ENVELOPE_EVIDENCE],
  },
  async () => {
    const missing = newBucketName(rt, 'missing');
    const res = await raw(rt, { method: 'GET', bucket: missing, query: { uploads: '' } });
    expectErrorEnvelope(res, { status: 404, code: 'NoSuchBucket' }, 'ListMultipartUploads of a missing bucket');
  },
);

op.check(
  {
    id: 'ListMultipartUploads/no-such-bucket-names-bucket',
    spec: '#API_ListMultipartUploads_RequestSyntax',
    level: 'required',
    title: 'the NoSuchBucket error of GET ?uploads in a missing bucket names that bucket in <BucketName>, exactly',
    evidence: [...NO_SUCH_BUCKET_NAMED_EVIDENCE],
  },
  async () => {
    const missing = newBucketName(rt, 'missing');
    const res = await raw(rt, { method: 'GET', bucket: missing, query: { uploads: '' } });
    expectRawError(res, { status: 404, code: 'NoSuchBucket' }, 'ListMultipartUploads in a missing bucket');
    expectEqual('<Error><BucketName>', res.error()?.bucketName, missing);
  },
);

op.check(
  {
    id: 'ListMultipartUploads/checksum-fields',
    spec: '#API_ListMultipartUploads_ResponseSyntax',
    level: 'required',
    title: 'an upload made with x-amz-checksum-algorithm: CRC32C and type FULL_OBJECT is listed with <ChecksumAlgorithm>CRC32C and <ChecksumType>FULL_OBJECT',
    evidence: [
      recorded(
        'tests/aws/services/s3/test_s3.py::TestS3MultipartUploadChecksum::test_multipart_parts_checksum_exceptions_full_object#list-multiparts',
        'Uploads[0] ChecksumAlgorithm "CRC32C", ChecksumType "FULL_OBJECT"',
      ),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'cks/upload';
    await withUploadRaw(rt, s3, bucket, key, { 'x-amz-checksum-algorithm': 'CRC32C', 'x-amz-checksum-type': 'FULL_OBJECT' }, async (id) => {
      const res = await raw(rt, { method: 'GET', bucket, query: { uploads: null, prefix: 'cks/' } });
      expectStatus(res, 200, 'ListMultipartUploads');
      const result = res.xml()?.ListMultipartUploadsResult as Record<string, unknown> | undefined;
      const uploads = ([] as unknown[]).concat(result?.Upload ?? []) as Array<Record<string, unknown>>;
      const mine = uploads.find((u) => u.UploadId === id);
      if (!mine) return fail('ListMultipartUploads: the upload', `an <Upload> with <UploadId>${id}`, `${uploads.length} upload(s), none with that id`);
      expectFields('Upload', { ChecksumAlgorithm: mine.ChecksumAlgorithm, ChecksumType: mine.ChecksumType }, { ChecksumAlgorithm: 'CRC32C', ChecksumType: 'FULL_OBJECT' });
    });
  },
);
