import { doc, expectEqual, expectRawError, expectStatus, fail, newBucketName, raw, recorded, operation, expectErrorEnvelope, ERROR_ENVELOPE_EVIDENCE, ERROR_ENVELOPE_SPEC, NO_SUCH_BUCKET_NAMED_EVIDENCE } from '../../harness/api/index.ts';
import { canonicalId, expectRequestIdHeaders } from '../../harness/api/bucket.ts';

const ERRORS = 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList';
const op = operation('GetBucketAcl', { buckets: { bucket: { hint: 'gacl', acl: true } } });
const { rt } = op;

type X = Record<string, unknown>;
const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

op.check(
  {
    id: 'GetBucketAcl/success-shape',
    spec: '#API_GetBucketAcl_ResponseSyntax',
    level: 'required',
    title: 'GET ?acl of a new bucket → 200 AccessControlPolicy: Owner/ID, one Grant: CanonicalUser owner FULL_CONTROL',
    feature: 'acl',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_bucket_exists#get-bucket-acl', 'a new bucket: one grant, CanonicalUser owner FULL_CONTROL'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_bucket_acl#get-bucket-canned-acl'),
    ],
  },
  async ({ s3, bucket }) => {
    const owner = await canonicalId(s3);
    const res = await raw(rt, { method: 'GET', bucket, query: { acl: '' } });
    expectStatus(res, 200, 'GetBucketAcl');
    const body = res.xml()?.AccessControlPolicy as X | undefined;
    if (!body) return fail('body', '<AccessControlPolicy>', res.text().slice(0, 200));
    expectEqual('Owner/ID', (body.Owner as X | undefined)?.ID, owner);
    const grants = asArray((body.AccessControlList as X | undefined)?.Grant as X | X[] | undefined);
    expectEqual('number of grants', grants.length, 1);
    const g = grants[0] as X;
    const grantee = g.Grantee as X | undefined;
    expectEqual('Grantee xsi:type', grantee?.['@xsi:type'], 'CanonicalUser');
    expectEqual('Grantee/ID', grantee?.ID, owner);
    expectEqual('Permission', g.Permission, 'FULL_CONTROL');
  },
);

op.check(
  {
    id: 'GetBucketAcl/request-id-headers',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html',
    level: 'required',
    title: 'GET /<bucket>?acl → 200 with x-amz-request-id and x-amz-id-2',
    feature: 'acl',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html', 'x-amz-request-id: A value created by Amazon S3 that uniquely identifies the request.'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_create_bucket_head_bucket#head_bucket_filtered_header', 'AWS answers carry x-amz-id-2 and x-amz-request-id'),
    ],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'GET', bucket, query: { acl: '' } });
    expectStatus(res, 200, 'GetBucketAcl');
    expectRequestIdHeaders(res);
  },
);

op.check(
  {
    id: 'GetBucketAcl/no-such-bucket',
    spec: ERRORS,
    level: 'required',
    title: 'GET /<missing bucket>?acl → 404 NoSuchBucket',
    feature: 'acl',
    evidence: [doc(ERRORS, 'NoSuchBucket: The specified bucket does not exist. 404 Not Found')],
  },
  async () => {
    expectRawError(await raw(rt, { method: 'GET', bucket: newBucketName(rt, 'missing'), query: { acl: '' } }), { status: 404, code: 'NoSuchBucket' }, 'GetBucketAcl');
  },
);

op.check(
  {
    id: 'GetBucketAcl/other-owner-denied',
    spec: ERRORS,
    level: 'required',
    title: "the second user's GET ?acl of a private bucket → 403 AccessDenied",
    feature: 'acl',
    needs: ['alt'],
    evidence: [doc(ERRORS, 'AccessDenied: Access Denied. 403 Forbidden')],
  },
  async ({ bucket }) => {
    expectRawError(await raw(rt, { method: 'GET', bucket, query: { acl: '' }, auth: 'alt' }), { status: 403, code: 'AccessDenied' }, 'GetBucketAcl by the second user');
  },
);

op.check(
  {
    id: 'GetBucketAcl/error-envelope',
    spec: ERROR_ENVELOPE_SPEC,
    level: 'required',
    title: "GET ?acl of a missing bucket, 404 NoSuchBucket → AWS's error envelope: request ids, application/xml, Code, Message, RequestId",
    evidence: [...ERROR_ENVELOPE_EVIDENCE],
  },
  async () => {
    const missing = newBucketName(rt, 'missing');
    const res = await raw(rt, { method: 'GET', bucket: missing, query: { acl: '' } });
    expectErrorEnvelope(res, { status: 404, code: 'NoSuchBucket' }, 'GetBucketAcl of a missing bucket');
  },
);

op.check(
  {
    id: 'GetBucketAcl/no-such-bucket-names-bucket',
    spec: '#API_GetBucketAcl_ResponseSyntax',
    level: 'required',
    title: 'the NoSuchBucket error of GET ?acl in a missing bucket names that bucket in <BucketName>, exactly',
    evidence: [...NO_SUCH_BUCKET_NAMED_EVIDENCE],
  },
  async () => {
    const missing = newBucketName(rt, 'missing');
    const res = await raw(rt, { method: 'GET', bucket: missing, query: { acl: '' } });
    expectRawError(res, { status: 404, code: 'NoSuchBucket' }, 'GetBucketAcl in a missing bucket');
    expectEqual('<Error><BucketName>', res.error()?.bucketName, missing);
  },
);
