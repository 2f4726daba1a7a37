import { CreateMultipartUploadCommand, HeadObjectCommand, type CreateMultipartUploadCommandInput, type HeadObjectCommandOutput, type S3Client } from '@aws-sdk/client-s3';
import { createBucket, doc, expectEqual, expectHeader, expectRawError, expectS3Error, expectStatus, fail, newBucketName, type RawResponse, raw, recorded, step, operation, expectErrorEnvelope, ERROR_ENVELOPE_EVIDENCE, ERROR_ENVELOPE_SPEC, NO_SUCH_BUCKET_NAMED_EVIDENCE } from '../../harness/api/index.ts';
import { body, bytes } from '../../fixtures/data/bodies.ts';
import { expectBytes } from '../../harness/api/object.ts';
import { abortQuietly, completeUpload, createUpload, expectRequestIdHeaders, uploadPart } from '../../harness/api/multipart.ts';

const op = operation('CreateMultipartUpload', { buckets: { bucket: { hint: 'mpu-create' } } });
const { rt } = op;

/** Initiate with `input`, upload one small part, complete, and HEAD the new object. */
async function completedHead({ bucket }: { bucket: string }, s3: S3Client, key: string, input: Partial<CreateMultipartUploadCommandInput>): Promise<HeadObjectCommandOutput> {
  const out = await step('CreateMultipartUpload', s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ...input })));
  const id = out.UploadId;
  if (!id) return fail('CreateMultipartUpload: UploadId', 'a non-empty UploadId', id);
  try {
    const etag = await uploadPart(s3, bucket, key, id, 1, body({ seed: 71, size: 100 }));
    await completeUpload(s3, bucket, key, id, [{ PartNumber: 1, ETag: etag }]);
  } finally {
    await abortQuietly(s3, bucket, key, id);
  }
  return step('HeadObject of the completed object', s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key })));
}

op.check(
  {
    id: 'CreateMultipartUpload/response-elements',
    spec: '#API_CreateMultipartUpload_ResponseSyntax',
    level: 'required',
    title: 'POST /<key>?uploads → 200 InitiateMultipartUploadResult with Bucket, Key and a non-empty UploadId',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_and_list_parts#create-multipart'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateMultipartUpload.html', 'This action initiates a multipart upload and returns an upload ID.'),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'create/a b+c.txt';
    const out = await step('CreateMultipartUpload', s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key })));
    try {
      expectEqual('CreateMultipartUpload status', out.$metadata.httpStatusCode, 200);
      expectEqual('InitiateMultipartUploadResult/Bucket', out.Bucket, bucket);
      expectEqual('InitiateMultipartUploadResult/Key', out.Key, key);
      if (typeof out.UploadId !== 'string' || out.UploadId.length === 0) fail('InitiateMultipartUploadResult/UploadId', 'a non-empty string', out.UploadId);
    } finally {
      if (out.UploadId) await abortQuietly(s3, bucket, key, out.UploadId);
    }
  },
);

op.check(
  {
    id: 'CreateMultipartUpload/distinct-upload-ids',
    spec: '#API_CreateMultipartUpload_ResponseElements',
    level: 'required',
    title: 'two CreateMultipartUpload for the same key → two different UploadIds',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListMultipartUploads::test_list_multiparts_next_marker#upload-ids-order'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateMultipartUpload.html#API_CreateMultipartUpload_ResponseElements', 'UploadId: ID for the initiated multipart upload.'),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'create/twice';
    const a = await createUpload(s3, bucket, key);
    const b = await createUpload(s3, bucket, key);
    try {
      if (a === b) fail('UploadIds of two initiations of the same key', 'two different ids', `${a} twice`);
    } finally {
      await abortQuietly(s3, bucket, key, a);
      await abortQuietly(s3, bucket, key, b);
    }
  },
);

op.check(
  {
    id: 'CreateMultipartUpload/no-such-bucket',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'CreateMultipartUpload in a bucket that does not exist → 404 NoSuchBucket',
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'NoSuchBucket | The specified bucket does not exist. | 404 Not Found')],
  },
  async ({ s3 }) => {
    const missing = newBucketName(rt, 'missing');
    await expectS3Error(s3.send(new CreateMultipartUploadCommand({ Bucket: missing, Key: 'k' })), { status: 404, code: 'NoSuchBucket' });
  },
);

op.check(
  {
    id: 'CreateMultipartUpload/content-type-on-object',
    spec: '#API_CreateMultipartUpload_RequestSyntax',
    level: 'required',
    title: 'Content-Type given to CreateMultipartUpload → the completed object has that Content-Type (HEAD)',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpuoverview.html', 'If you want to provide any metadata describing the object being uploaded, you must provide it in the request to initiate multipart upload.'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateMultipartUpload.html#API_CreateMultipartUpload_RequestSyntax', 'Content-Type: A standard MIME type describing the format of the object data.'),
    ],
  },
  async ({ s3, bucket }) => {
    const head = await completedHead({ bucket }, s3, 'create/content-type', { ContentType: 'text/x-s3c; charset=utf-8' });
    expectEqual('HeadObject Content-Type', head.ContentType, 'text/x-s3c; charset=utf-8');
  },
);

op.check(
  {
    id: 'CreateMultipartUpload/cache-control-on-object',
    spec: '#API_CreateMultipartUpload_RequestSyntax',
    level: 'required',
    title: 'Cache-Control given to CreateMultipartUpload → the completed object has that Cache-Control (HEAD)',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpuoverview.html', 'If you want to provide any metadata describing the object being uploaded, you must provide it in the request to initiate multipart upload.'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateMultipartUpload.html#API_CreateMultipartUpload_RequestSyntax', 'Cache-Control: Specifies caching behavior along the request/reply chain.'),
    ],
  },
  async ({ s3, bucket }) => {
    const head = await completedHead({ bucket }, s3, 'create/cache-control', { CacheControl: 'max-age=3600, private' });
    expectEqual('HeadObject Cache-Control', head.CacheControl, 'max-age=3600, private');
  },
);

op.check(
  {
    id: 'CreateMultipartUpload/user-metadata-on-object',
    spec: '#API_CreateMultipartUpload_RequestSyntax',
    level: 'required',
    title: 'x-amz-meta-* given to CreateMultipartUpload → exactly that user metadata on the completed object (HEAD)',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpuoverview.html', 'If you want to provide any metadata describing the object being uploaded, you must provide it in the request to initiate multipart upload.'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingMetadata.html', 'User-defined metadata is a set of key-value pairs. Amazon S3 stores user-defined metadata keys in lowercase.'),
    ],
  },
  async ({ s3, bucket }) => {
    const head = await completedHead({ bucket }, s3, 'create/metadata', { Metadata: { color: 'blue', 'two-words': 'a value' } });
    expectEqual('HeadObject user metadata', head.Metadata, { color: 'blue', 'two-words': 'a value' });
  },
);

op.check(
  {
    id: 'CreateMultipartUpload/canned-acl-public-read',
    spec: '#API_CreateMultipartUpload_RequestSyntax',
    level: 'required',
    feature: 'acl',
    title: 'x-amz-acl: public-read given to CreateMultipartUpload → the completed object can be read anonymously (200, its bytes)',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_multipart_upload_acls#permission-acl-key2', 'a multipart upload created with a canned ACL: the completed object carries its AllUsers grants'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html', 'public-read | Bucket and object | Owner gets FULL_CONTROL. The AllUsers group gets READ access.'),
    ],
  },
  async ({ s3 }) => {
    const aclBucket = await createBucket(rt, { hint: 'mpu-acl', acl: true });
    await completedHead({ bucket: aclBucket }, s3, 'create/public-read', { ACL: 'public-read' });
    const get = await raw(rt, { method: 'GET', bucket: aclBucket, key: 'create/public-read', auth: 'none' });
    expectStatus(get, 200, 'anonymous GET of the object completed from an upload created with x-amz-acl: public-read');
    expectBytes('anonymous GET body', get.body, bytes([{ seed: 71, size: 100 }]));
  },
);

op.check(
  {
    id: 'CreateMultipartUpload/default-content-type',
    spec: '#API_CreateMultipartUpload_RequestSyntax',
    level: 'required',
    title: 'CreateMultipartUpload without Content-Type → the completed object is binary/octet-stream (HEAD)',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_multipart_and_list_parts#head-multipart-checksum')],
  },
  async ({ s3, bucket }) => {
    const head = await completedHead({ bucket }, s3, 'create/default-type', {});
    expectEqual('HeadObject Content-Type', head.ContentType, 'binary/octet-stream');
  },
);

op.check(
  {
    id: 'CreateMultipartUpload/request-id-headers',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html',
    level: 'required',
    title: 'CreateMultipartUpload answer carries x-amz-request-id and x-amz-id-2',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html', 'x-amz-request-id: A value created by Amazon S3 that uniquely identifies the request.'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html', 'x-amz-id-2: A special token that is used together with the x-amz-request-id header to help AWS troubleshoot problems.'),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'create/request-id';
    const res = await raw(rt, { method: 'POST', bucket, key, query: { uploads: null } });
    const id = /<UploadId>([^<]+)<\/UploadId>/.exec(res.text())?.[1];
    try {
      expectEqual('CreateMultipartUpload status', res.status, 200);
      expectRequestIdHeaders(res, 'CreateMultipartUpload');
    } finally {
      if (id) await abortQuietly(s3, bucket, key, id);
    }
  },
);

op.check(
  {
    id: 'CreateMultipartUpload/metadata-too-large',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'CreateMultipartUpload with 2,100 bytes of x-amz-meta-* (over the 2 KB limit) → 400 MetadataTooLarge',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'MetadataTooLarge | Your metadata headers exceed the maximum allowed metadata size. | 400 Bad Request'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingMetadata.html', 'The PUT request header is limited to 8 KB in size. Within the PUT request header, the user-defined metadata is limited to 2 KB in size.'),
    ],
  },
  async ({ s3, bucket }) => {
    const key = 'create/too-much-metadata';
    const res = await raw(rt, { method: 'POST', bucket, key, query: { uploads: null }, headers: { 'x-amz-meta-big': 'm'.repeat(2100) } });
    const id = /<UploadId>([^<]+)<\/UploadId>/.exec(res.text())?.[1];
    try {
      expectRawError(res, { status: 400, code: 'MetadataTooLarge' }, 'CreateMultipartUpload with 2,100 bytes of metadata');
    } finally {
      if (id) await abortQuietly(s3, bucket, key, id);
    }
  },
);

// ---- additional checksums: x-amz-checksum-algorithm and x-amz-checksum-type ----------------------

const CHECKSUM_RECORDED = 'tests/aws/services/s3/test_s3.py::TestS3MultipartUploadChecksum';

/** CreateMultipartUpload sent raw with these headers; an upload it made is aborted after `judge`. */
async function createRaw({ bucket }: { bucket: string }, s3: S3Client, key: string, headers: Record<string, string>, judge: (res: RawResponse) => void): Promise<void> {
  const res = await raw(rt, { method: 'POST', bucket, key, query: { uploads: null }, headers });
  const id = /<UploadId>([^<]+)<\/UploadId>/.exec(res.text())?.[1];
  try {
    judge(res);
  } finally {
    if (id) await abortQuietly(s3, bucket, key, id);
  }
}

for (const [slug, headers, what, snapshot] of [
  ['checksum-algorithm-unsupported', { 'x-amz-checksum-algorithm': 'TEST' }, 'x-amz-checksum-algorithm: TEST (no such algorithm)', 'test_multipart_parts_checksum_exceptions_composite#create-mpu-wrong-checksum-algo'],
  ['checksum-type-without-algorithm', { 'x-amz-checksum-type': 'COMPOSITE' }, 'x-amz-checksum-type: COMPOSITE without x-amz-checksum-algorithm', 'test_multipart_parts_checksum_exceptions_composite#create-mpu-no-checksum-algo-with-type'],
  ['checksum-composite-crc64nvme', { 'x-amz-checksum-algorithm': 'CRC64NVME', 'x-amz-checksum-type': 'COMPOSITE' }, 'CRC64NVME with x-amz-checksum-type: COMPOSITE', 'test_multipart_checksum_type_compatibility[COMPOSITE-CRC64NVME]#create-mpu-checksum-exc'],
  ['checksum-full-object-sha256', { 'x-amz-checksum-algorithm': 'SHA256', 'x-amz-checksum-type': 'FULL_OBJECT' }, 'SHA256 with x-amz-checksum-type: FULL_OBJECT', 'test_multipart_checksum_type_compatibility[FULL_OBJECT-SHA256]#create-mpu-checksum-exc'],
] as const) {
  op.check(
    {
      id: `CreateMultipartUpload/${slug}`,
      spec: '#API_CreateMultipartUpload_RequestSyntax',
      level: 'required',
      title: `CreateMultipartUpload with ${what} → 400 InvalidRequest, no upload`,
      evidence: [recorded(`${CHECKSUM_RECORDED}::${snapshot}`, '400 InvalidRequest')],
    },
    async ({ s3, bucket }) => {
      await createRaw({ bucket }, s3, `create/${slug}`, headers, (res) => expectRawError(res, { status: 400, code: 'InvalidRequest' }, `CreateMultipartUpload with ${what}`));
    },
  );
}

for (const [alg, type, snapshot] of [
  ['CRC32', 'COMPOSITE', 'test_multipart_checksum_type_default_for_checksum[CRC32]#create-mpu-default-checksum-type'],
  ['CRC64NVME', 'FULL_OBJECT', 'test_multipart_checksum_type_default_for_checksum[CRC64NVME]#create-mpu-default-checksum-type'],
] as const) {
  op.check(
    {
      id: `CreateMultipartUpload/checksum-${alg.toLowerCase()}-default-type`,
      spec: '#API_CreateMultipartUpload_ResponseSyntax',
      level: 'required',
      title: `CreateMultipartUpload with x-amz-checksum-algorithm: ${alg} and no type → 200 answering x-amz-checksum-algorithm: ${alg}, x-amz-checksum-type: ${type}`,
      evidence: [recorded(`${CHECKSUM_RECORDED}::${snapshot}`, `ChecksumAlgorithm ${alg}, ChecksumType ${type}`)],
    },
    async ({ s3, bucket }) => {
      await createRaw({ bucket }, s3, `create/checksum-${alg.toLowerCase()}`, { 'x-amz-checksum-algorithm': alg }, (res) => {
        expectStatus(res, 200, `CreateMultipartUpload with x-amz-checksum-algorithm: ${alg}`);
        expectHeader(res.headers, 'x-amz-checksum-algorithm', alg);
        expectHeader(res.headers, 'x-amz-checksum-type', type);
      });
    },
  );
}

op.check(
  {
    id: 'CreateMultipartUpload/invalid-storage-class',
    spec: '#API_CreateMultipartUpload_RequestSyntax',
    level: 'required',
    title: 'CreateMultipartUpload with x-amz-storage-class: OUTPOSTS (not a class of this bucket) → 400 InvalidStorageClass',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_put_object_storage_class_outposts#create-multipart-outposts-exc', '400 InvalidStorageClass, StorageClassRequested OUTPOSTS')],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'POST', bucket, key: 'create/outposts', query: { uploads: null }, headers: { 'x-amz-storage-class': 'OUTPOSTS' } });
    expectRawError(res, { status: 400, code: 'InvalidStorageClass' }, 'CreateMultipartUpload with x-amz-storage-class: OUTPOSTS');
  },
);

op.check(
  {
    id: 'CreateMultipartUpload/error-envelope',
    spec: ERROR_ENVELOPE_SPEC,
    level: 'required',
    title: "POST ?uploads in a missing bucket, 404 NoSuchBucket → AWS's error envelope: request ids, application/xml, Code, Message, RequestId",
    evidence: [...ERROR_ENVELOPE_EVIDENCE],
  },
  async () => {
    const missing = newBucketName(rt, 'missing');
    const res = await raw(rt, { method: 'POST', bucket: missing, key: 'envelope', query: { uploads: '' } });
    expectErrorEnvelope(res, { status: 404, code: 'NoSuchBucket' }, 'CreateMultipartUpload in a missing bucket');
  },
);

op.check(
  {
    id: 'CreateMultipartUpload/no-such-bucket-names-bucket',
    spec: '#API_CreateMultipartUpload_RequestSyntax',
    level: 'required',
    title: 'the NoSuchBucket error of POST ?uploads in a missing bucket names that bucket in <BucketName>, exactly',
    evidence: [...NO_SUCH_BUCKET_NAMED_EVIDENCE],
  },
  async () => {
    const missing = newBucketName(rt, 'missing');
    const res = await raw(rt, { method: 'POST', bucket: missing, key: 'names-bucket', query: { uploads: '' } });
    expectRawError(res, { status: 404, code: 'NoSuchBucket' }, 'CreateMultipartUpload in a missing bucket');
    expectEqual('<Error><BucketName>', res.error()?.bucketName, missing);
  },
);
