import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { doc, expectEqual, expectHeader, expectRawError, expectS3Error, expectStatus, newBucketName, raw, recorded, step, operation, expectErrorEnvelope, expectErrorFields, ERROR_ENVELOPE_EVIDENCE, ERROR_ENVELOPE_SPEC, NO_SUCH_BUCKET_NAMED_EVIDENCE } from '../../harness/api/index.ts';
import { putObjectRaw, UNKNOWN_VERSION_ID } from '../../harness/api/object.ts';

const op = operation('DeleteObject', { buckets: { bucket: { hint: 'del' } } });
const { rt } = op;

let n = 0;
const uniq = (): string => `${(n++).toString(36)}/`;

op.check(
  {
    id: 'DeleteObject/success',
    spec: '#API_DeleteObject_ResponseSyntax',
    level: 'required',
    title: 'DELETE of an existing key → 204 No Content, and a later GET → 404 NoSuchKey',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectCRUD::test_delete_object#delete-object'),
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectCRUD::test_delete_object_versioned#get-deleted-object', 'GET after the delete → 404 NoSuchKey'),
    ],
  },
  async ({ bucket }) => {
    const key = 'del/é +key';
    await putObjectRaw(rt, bucket, key, 'bye');
    const res = await raw(rt, { method: 'DELETE', bucket, key });
    expectStatus(res, 204, 'DELETE of an existing key');
    expectEqual('DELETE 204 body length', res.body.length, 0);
    expectRawError(await raw(rt, { method: 'GET', bucket, key }), { status: 404, code: 'NoSuchKey' }, 'GET after DELETE');
  },
);

op.check(
  {
    id: 'DeleteObject/missing-key',
    spec: '#API_DeleteObject_ResponseSyntax',
    level: 'required',
    title: 'DELETE of a key that does not exist → 204 No Content (not an error)',
    evidence: [recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectCRUD::test_delete_object#delete-nonexistent-object')],
  },
  async ({ s3, bucket }) => {
    const res = await raw(rt, { method: 'DELETE', bucket, key: 'never/existed' });
    expectStatus(res, 204, 'DELETE of a missing key');
    const out = await step('DeleteObject (SDK) of a missing key', s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'never/existed-2' })));
    expectEqual('DeleteObject status', out.$metadata.httpStatusCode, 204);
  },
);

const VERSION_RECORDED = 'tests/aws/services/s3/test_s3_api.py::TestS3ObjectCRUD::test_delete_object#delete-nonexistent-object-versionid';

op.check(
  {
    id: 'DeleteObject/version-id-unknown-unversioned',
    spec: '#API_DeleteObject_RequestSyntax',
    level: 'required',
    title: `DELETE ?versionId=${UNKNOWN_VERSION_ID} in a bucket that never had versioning → 400 InvalidArgument (not the 204 of a plain DELETE)`,
    evidence: [recorded(VERSION_RECORDED, '400 InvalidArgument "Invalid version id specified"')],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'DELETE', bucket, key: 'version/unknown', query: { versionId: UNKNOWN_VERSION_ID } });
    expectRawError(res, { status: 400, code: 'InvalidArgument' }, `DELETE ?versionId=${UNKNOWN_VERSION_ID}`);
  },
);

op.check(
  {
    id: 'DeleteObject/version-id-unknown-names-argument',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'the InvalidArgument error for an unknown versionId names <ArgumentName>versionId and the id sent in <ArgumentValue>',
    evidence: [recorded(VERSION_RECORDED, `ArgumentName "versionId", ArgumentValue "${UNKNOWN_VERSION_ID}"`)],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'DELETE', bucket, key: 'version/unknown-fields', query: { versionId: UNKNOWN_VERSION_ID } });
    expectRawError(res, { status: 400, code: 'InvalidArgument' }, `DELETE ?versionId=${UNKNOWN_VERSION_ID}`);
    expectErrorFields(res, { ArgumentName: 'versionId', ArgumentValue: UNKNOWN_VERSION_ID });
  },
);

op.check(
  {
    id: 'DeleteObject/no-such-bucket',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'DELETE of a key in a bucket that does not exist → 404 NoSuchBucket',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'NoSuchBucket | The specified bucket does not exist. | 404 Not Found'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_delete_non_existing_keys_in_non_existing_bucket#error-non-existent-bucket', 'the multi-object delete on a missing bucket answers the same 404 NoSuchBucket'),
    ],
  },
  async ({ s3 }) => {
    await expectS3Error(s3.send(new DeleteObjectCommand({ Bucket: newBucketName(rt, 'missing'), Key: 'k' })), { status: 404, code: 'NoSuchBucket' });
  },
);

op.check(
  {
    id: 'DeleteObject/trailing-slash-is-another-key',
    spec: '#API_DeleteObject_ResponseSyntax',
    level: 'required',
    title: 'DELETE of "dir" when "dir/" and "dir/file" exist → 204, and both "dir/" and "dir/file" are kept',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html', 'The object key (or key name) uniquely identifies the object in an Amazon S3 bucket.'),
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectCRUD::test_delete_object#delete-nonexistent-object', 'a key that does not exist → 204'),
    ],
  },
  async ({ bucket }) => {
    const p = uniq();
    await putObjectRaw(rt, bucket, `${p}dir/`, 'folder marker');
    await putObjectRaw(rt, bucket, `${p}dir/file`, 'inside');
    expectStatus(await raw(rt, { method: 'DELETE', bucket, key: `${p}dir` }), 204, 'DELETE of "dir"');
    expectStatus(await raw(rt, { method: 'HEAD', bucket, key: `${p}dir/` }), 200, 'HEAD of "dir/" (kept)');
    expectStatus(await raw(rt, { method: 'HEAD', bucket, key: `${p}dir/file` }), 200, 'HEAD of "dir/file" (kept)');
  },
);

op.check(
  {
    id: 'DeleteObject/trailing-slash-missing-keeps-plain-key',
    spec: '#API_DeleteObject_ResponseSyntax',
    level: 'required',
    title: 'DELETE of "obj/" when only "obj" exists → 204, and "obj" is kept',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectCRUD::test_delete_object#delete-nonexistent-object', 'a key that does not exist → 204'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html', 'The object key (or key name) uniquely identifies the object in an Amazon S3 bucket.'),
    ],
  },
  async ({ bucket }) => {
    const p = uniq();
    await putObjectRaw(rt, bucket, `${p}obj`, 'plain');
    expectStatus(await raw(rt, { method: 'DELETE', bucket, key: `${p}obj/` }), 204, 'DELETE of "obj/"');
    expectStatus(await raw(rt, { method: 'HEAD', bucket, key: `${p}obj` }), 200, 'HEAD of "obj" (kept)');
  },
);

op.check(
  {
    id: 'DeleteObject/folder-marker-keeps-children',
    spec: '#API_DeleteObject_ResponseSyntax',
    level: 'required',
    title: 'DELETE of "dir/" when "dir/file" exists → 204, "dir/" is gone and "dir/file" is kept (no directories in S3)',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-folders.html', 'In Amazon S3, buckets and objects are the primary resources, and objects are stored in buckets. Amazon S3 has a flat structure instead of a hierarchy like you would see in a file system.'),
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectCRUD::test_delete_object#delete-object'),
    ],
  },
  async ({ bucket }) => {
    const p = uniq();
    await putObjectRaw(rt, bucket, `${p}dir/`, 'folder marker');
    await putObjectRaw(rt, bucket, `${p}dir/file`, 'inside');
    expectStatus(await raw(rt, { method: 'DELETE', bucket, key: `${p}dir/` }), 204, 'DELETE of "dir/"');
    expectStatus(await raw(rt, { method: 'HEAD', bucket, key: `${p}dir/` }), 404, 'HEAD of "dir/" (deleted)');
    expectStatus(await raw(rt, { method: 'HEAD', bucket, key: `${p}dir/file` }), 200, 'HEAD of "dir/file" (kept)');
  },
);

op.check(
  {
    id: 'DeleteObject/if-match-false',
    spec: '#API_DeleteObject_RequestSyntax',
    level: 'required',
    title: 'DELETE with If-Match: <another ETag> → 412 PreconditionFailed, and the object is kept',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3DeletePrecondition::test_delete_object_if_match_non_express#delete-obj-if-match'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObject.html', 'Deletes the object if the ETag (entity tag) value provided during the delete operation matches the ETag of the object in S3. If the ETag values do not match, the operation returns a 412 Precondition Failed error.'),
    ],
  },
  async ({ bucket }) => {
    const key = `${uniq()}guarded`;
    await putObjectRaw(rt, bucket, key, 'guarded');
    const res = await raw(rt, { method: 'DELETE', bucket, key, headers: { 'if-match': '"00000000000000000000000000000000"' } });
    expectRawError(res, { status: 412, code: 'PreconditionFailed' }, 'DELETE with a wrong If-Match');
    expectStatus(await raw(rt, { method: 'HEAD', bucket, key }), 200, 'HEAD after the refused DELETE (kept)');
  },
);

// x-amz-if-match-size and x-amz-if-match-last-modified-time: conditions AWS supports for directory
// buckets only. On a general purpose bucket AWS refuses them (501 NotImplemented): the object is kept.
const DELETE_DOC = 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObject.html';
const DIRECTORY_ONLY: readonly { slug: string; header: string; value: () => string; what: string; snapshot: string; sentence: string }[] = [
  {
    slug: 'if-match-size',
    header: 'x-amz-if-match-size',
    value: () => '10',
    what: 'x-amz-if-match-size: 10 (the object has 7 bytes)',
    snapshot: 'test_delete_object_if_match_size_non_express#delete-obj-if-match-size',
    sentence: 'If present, the object is deleted only if its size matches the provided size in bytes. If the Size value does not match, the operation returns a 412 Precondition Failed error.',
  },
  {
    slug: 'if-match-last-modified-time',
    header: 'x-amz-if-match-last-modified-time',
    value: () => new Date(Date.now() - 86_400_000).toUTCString(),
    what: 'x-amz-if-match-last-modified-time: a day before it was written',
    snapshot: 'test_delete_object_if_match_modified_non_express#delete-obj-if-match-last-modified',
    sentence: 'If present, the object is deleted only if its modification times matches the provided Timestamp. If the Timestamp values do not match, the operation returns a 412 Precondition Failed error.',
  },
];

for (const row of DIRECTORY_ONLY) {
  op.check(
    {
      id: `DeleteObject/${row.slug}-false-kept`,
      spec: '#API_DeleteObject_RequestSyntax',
      level: 'required',
      title: `DELETE with ${row.what} → refused (AWS: 501 NotImplemented; 412 where supported), and the object is kept`,
      evidence: [recorded(`tests/aws/services/s3/test_s3_api.py::TestS3DeletePrecondition::${row.snapshot}`, `501 NotImplemented, Header "${row.header}"`), doc(DELETE_DOC, row.sentence)],
    },
    async ({ bucket }) => {
      const key = `${uniq()}${row.slug}`;
      await putObjectRaw(rt, bucket, key, 'guarded');
      const res = await raw(rt, { method: 'DELETE', bucket, key, headers: { [row.header]: row.value() } });
      expectStatus(res, [501, 412], `DELETE with ${row.what}`);
      expectStatus(await raw(rt, { method: 'HEAD', bucket, key }), 200, 'HEAD after the refused DELETE (kept)');
    },
  );

  op.check(
    {
      id: `DeleteObject/${row.slug}-not-implemented`,
      spec: '#API_DeleteObject_RequestSyntax',
      level: 'optional',
      title: `DELETE with ${row.header} on a general purpose bucket → 501 NotImplemented naming <Header>${row.header}`,
      evidence: [recorded(`tests/aws/services/s3/test_s3_api.py::TestS3DeletePrecondition::${row.snapshot}`, `501 NotImplemented, Header "${row.header}"`), doc(DELETE_DOC, 'This functionality is only supported for directory buckets.')],
    },
    async ({ bucket }) => {
      const key = `${uniq()}${row.slug}-ni`;
      await putObjectRaw(rt, bucket, key, 'guarded');
      const res = await raw(rt, { method: 'DELETE', bucket, key, headers: { [row.header]: row.value() } });
      expectRawError(res, { status: 501, code: 'NotImplemented' }, `DELETE with ${row.header}`);
      expectErrorFields(res, { Header: row.header });
    },
  );
}

op.check(
  {
    id: 'DeleteObject/if-match-true',
    spec: '#API_DeleteObject_RequestSyntax',
    level: 'required',
    title: 'DELETE with If-Match: <its ETag> → 204, and the object is gone',
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObject.html', 'Deletes the object if the ETag (entity tag) value provided during the delete operation matches the ETag of the object in S3.')],
  },
  async ({ bucket }) => {
    const key = `${uniq()}guarded`;
    const put = await putObjectRaw(rt, bucket, key, 'guarded');
    const res = await raw(rt, { method: 'DELETE', bucket, key, headers: { 'if-match': put.headers.etag ?? '' } });
    expectStatus(res, 204, 'DELETE with the right If-Match');
    expectStatus(await raw(rt, { method: 'HEAD', bucket, key }), 404, 'HEAD after the DELETE (gone)');
  },
);

op.check(
  {
    id: 'DeleteObject/expected-bucket-owner-mismatch',
    spec: '#API_DeleteObject_RequestSyntax',
    level: 'required',
    title: 'DELETE with x-amz-expected-bucket-owner naming another account than the bucket owner → 403 AccessDenied, object kept',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObject.html', 'The account ID of the expected bucket owner. If the account ID that you provide does not match the actual owner of the bucket, the request fails with the HTTP status code 403 Forbidden (access denied).'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_delete_bucket_policy_expected_bucket_owner#delete-bucket-policy-with-expected-bucket-owner-error', 'an expected owner that is not the bucket owner → 403 AccessDenied (DeleteBucketPolicy)'),
    ],
  },
  async ({ bucket }) => {
    const key = `${uniq()}owned`;
    await putObjectRaw(rt, bucket, key, 'owned');
    const res = await raw(rt, { method: 'DELETE', bucket, key, headers: { 'x-amz-expected-bucket-owner': '123456789012' } });
    expectRawError(res, { status: 403, code: 'AccessDenied' }, 'DELETE with another x-amz-expected-bucket-owner');
    expectStatus(await raw(rt, { method: 'HEAD', bucket, key }), 200, 'HEAD after the refused DELETE (kept)');
  },
);

op.check(
  {
    id: 'DeleteObject/request-id-headers',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html',
    level: 'required',
    title: 'a DeleteObject answer (204) carries non-empty x-amz-request-id and x-amz-id-2 headers',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html', 'x-amz-request-id: A value created by Amazon S3 that uniquely identifies the request.'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html', 'x-amz-id-2: A special token that is used together with the x-amz-request-id header to help AWS troubleshoot problems.'),
    ],
  },
  async ({ bucket }) => {
    const key = `${uniq()}ids`;
    await putObjectRaw(rt, bucket, key, 'ids');
    const res = await raw(rt, { method: 'DELETE', bucket, key });
    expectStatus(res, 204, 'DELETE');
    expectHeader(res.headers, 'x-amz-request-id', /\S/);
    expectHeader(res.headers, 'x-amz-id-2', /\S/);
  },
);

op.check(
  {
    id: 'DeleteObject/error-envelope',
    spec: ERROR_ENVELOPE_SPEC,
    level: 'required',
    title: "DELETE of a key in a missing bucket, 404 NoSuchBucket → AWS's error envelope: request ids, application/xml, Code, Message, RequestId",
    evidence: [...ERROR_ENVELOPE_EVIDENCE],
  },
  async () => {
    const missing = newBucketName(rt, 'missing');
    const res = await raw(rt, { method: 'DELETE', bucket: missing, key: 'envelope' });
    expectErrorEnvelope(res, { status: 404, code: 'NoSuchBucket' }, 'DeleteObject in a missing bucket');
  },
);

op.check(
  {
    id: 'DeleteObject/no-such-bucket-names-bucket',
    spec: '#API_DeleteObject_RequestSyntax',
    level: 'required',
    title: 'the NoSuchBucket error of DELETE of a key in a missing bucket names that bucket in <BucketName>, exactly',
    evidence: [...NO_SUCH_BUCKET_NAMED_EVIDENCE],
  },
  async () => {
    const missing = newBucketName(rt, 'missing');
    const res = await raw(rt, { method: 'DELETE', bucket: missing, key: 'names-bucket' });
    expectRawError(res, { status: 404, code: 'NoSuchBucket' }, 'DeleteObject in a missing bucket');
    expectEqual('<Error><BucketName>', res.error()?.bucketName, missing);
  },
);
