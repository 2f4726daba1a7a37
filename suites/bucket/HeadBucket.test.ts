import { doc, expectEqual, expectHeader, expectStatus, newBucketName, raw, recorded, operation, expectErrorEnvelope, ERROR_ENVELOPE_EVIDENCE, ERROR_ENVELOPE_SPEC } from '../../harness/api/index.ts';
import { expectRequestIdHeaders } from '../../harness/api/bucket.ts';

const HEAD_BUCKET = 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadBucket.html';
const op = operation('HeadBucket', { buckets: { bucket: { hint: 'head' } } });
const { rt } = op;

op.check(
  {
    id: 'HeadBucket/success',
    spec: '#API_HeadBucket_ResponseSyntax',
    level: 'required',
    title: 'HEAD /<own bucket> → 200, no body',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_create_bucket_head_bucket#head_bucket')],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'HEAD', bucket });
    expectStatus(res, 200, 'HeadBucket');
    expectEqual('body length', res.body.length, 0);
  },
);

op.check(
  {
    id: 'HeadBucket/request-id-headers',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html',
    level: 'required',
    title: 'HEAD /<own bucket> → 200 with x-amz-request-id and x-amz-id-2',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_create_bucket_head_bucket#head_bucket_filtered_header', 'x-amz-id-2 and x-amz-request-id present')],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'HEAD', bucket });
    expectStatus(res, 200, 'HeadBucket');
    expectRequestIdHeaders(res);
  },
);

op.check(
  {
    id: 'HeadBucket/bucket-region-header',
    spec: '#API_HeadBucket_ResponseSyntax',
    level: 'required',
    title: "HEAD /<own bucket> → x-amz-bucket-region: the bucket's region (the target's region for a bucket created without LocationConstraint)",
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_create_bucket_head_bucket#head_bucket_filtered_header', 'x-amz-bucket-region present'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_create_bucket_aws_global#head-bucket-global', 'BucketRegion us-east-1 for a bucket created on the global endpoint'),
      doc(HEAD_BUCKET, 'x-amz-bucket-region: The Region that the bucket is located.'),
    ],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'HEAD', bucket });
    expectStatus(res, 200, 'HeadBucket');
    expectHeader(res.headers, 'x-amz-bucket-region', rt.region);
  },
);

op.check(
  {
    id: 'HeadBucket/no-such-bucket',
    spec: '#API_HeadBucket_Errors',
    level: 'required',
    title: 'HEAD /<missing bucket> → 404 with no body',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_create_bucket_head_bucket#head_bucket_not_exist', '404 "Not Found": no error body')],
  },
  async () => {
    const res = await raw(rt, { method: 'HEAD', bucket: newBucketName(rt, 'missing') });
    expectStatus(res, 404, 'HeadBucket');
    expectEqual('body length', res.body.length, 0);
  },
);

op.check(
  {
    id: 'HeadBucket/other-owner-forbidden',
    spec: '#API_HeadBucket_Errors',
    level: 'required',
    title: "HEAD of another owner's private bucket → 403 with no body (not 404: the bucket exists)",
    needs: ['alt'],
    evidence: [doc(HEAD_BUCKET, 'If the bucket does not exist or you do not have permission to access it, the HEAD request returns a generic 400 Bad Request, 403 Forbidden or 404 Not Found code.')],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'HEAD', bucket, auth: 'alt' });
    expectStatus(res, 403, 'HeadBucket by the second user');
    expectEqual('body length', res.body.length, 0);
  },
);

op.check(
  {
    id: 'HeadBucket/error-envelope',
    spec: ERROR_ENVELOPE_SPEC,
    level: 'required',
    title: "HEAD of a missing bucket, 404 → AWS's error envelope: x-amz-request-id, x-amz-id-2 (a HEAD has no body)",
    evidence: [...ERROR_ENVELOPE_EVIDENCE],
  },
  async () => {
    const missing = newBucketName(rt, 'missing');
    const res = await raw(rt, { method: 'HEAD', bucket: missing });
    expectErrorEnvelope(res, { status: 404 }, 'HeadBucket of a missing bucket', true);
  },
);
