import { doc, expectEqual, expectRawError, expectStatus, fail, newBucketName, raw, recorded, operation, expectErrorEnvelope, ERROR_ENVELOPE_EVIDENCE, ERROR_ENVELOPE_SPEC, NO_SUCH_BUCKET_NAMED_EVIDENCE } from '../../harness/api/index.ts';
import { expectRequestIdHeaders } from '../../harness/api/bucket.ts';

const GET_LOCATION = 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketLocation.html';
const op = operation('GetBucketLocation', { buckets: { bucket: { hint: 'loc' } } });
const { rt } = op;

op.check(
  {
    id: 'GetBucketLocation/success',
    spec: '#API_GetBucketLocation_ResponseSyntax',
    level: 'required',
    title: 'GET /<bucket>?location → 200 <LocationConstraint>: empty for us-east-1, else the region',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_different_location_constraint#get-bucket-location-bucket-us-east-1', 'us-east-1: LocationConstraint null (empty element)'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_different_location_constraint#get-bucket-location-bucket-us-east-2'),
      doc(GET_LOCATION, 'Buckets in Region us-east-1 have a LocationConstraint of null.'),
    ],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'GET', bucket, query: { location: '' } });
    expectStatus(res, 200, 'GetBucketLocation');
    const body = res.xml();
    if (!body || !('LocationConstraint' in body)) fail('response body', '<LocationConstraint> document', res.text().slice(0, 200));
    const v = body.LocationConstraint;
    const text = typeof v === 'string' ? v : typeof v === 'object' && v !== null ? String((v as Record<string, unknown>)['#text'] ?? '') : '';
    expectEqual('LocationConstraint', text, rt.region === 'us-east-1' ? '' : rt.region);
  },
);

op.check(
  {
    id: 'GetBucketLocation/request-id-headers',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html',
    level: 'required',
    title: 'GET /<bucket>?location → 200 with x-amz-request-id and x-amz-id-2',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html', 'x-amz-request-id: A value created by Amazon S3 that uniquely identifies the request.'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_create_bucket_head_bucket#head_bucket_filtered_header', 'AWS answers carry x-amz-id-2 and x-amz-request-id'),
    ],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'GET', bucket, query: { location: '' } });
    expectStatus(res, 200, 'GetBucketLocation');
    expectRequestIdHeaders(res);
  },
);

op.check(
  {
    id: 'GetBucketLocation/no-such-bucket',
    spec: '#API_GetBucketLocation_Errors',
    level: 'required',
    title: 'GET /<missing bucket>?location → 404 NoSuchBucket',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_different_location_constraint#get-bucket-location-non-existent-bucket')],
  },
  async () => {
    const res = await raw(rt, { method: 'GET', bucket: newBucketName(rt, 'missing'), query: { location: '' } });
    expectRawError(res, { status: 404, code: 'NoSuchBucket' }, 'GetBucketLocation');
  },
);

op.check(
  {
    id: 'GetBucketLocation/other-owner-denied',
    spec: '#API_GetBucketLocation_Errors',
    level: 'required',
    title: "the second user's GET ?location of a private bucket → 403 AccessDenied",
    needs: ['alt'],
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'AccessDenied: Access Denied. 403 Forbidden')],
  },
  async ({ bucket }) => {
    const res = await raw(rt, { method: 'GET', bucket, query: { location: '' }, auth: 'alt' });
    expectRawError(res, { status: 403, code: 'AccessDenied' }, 'GetBucketLocation by the second user');
  },
);

op.check(
  {
    id: 'GetBucketLocation/error-envelope',
    spec: ERROR_ENVELOPE_SPEC,
    level: 'required',
    title: "GET ?location of a missing bucket, 404 NoSuchBucket → AWS's error envelope: request ids, application/xml, Code, Message, RequestId",
    evidence: [...ERROR_ENVELOPE_EVIDENCE],
  },
  async () => {
    const missing = newBucketName(rt, 'missing');
    const res = await raw(rt, { method: 'GET', bucket: missing, query: { location: '' } });
    expectErrorEnvelope(res, { status: 404, code: 'NoSuchBucket' }, 'GetBucketLocation of a missing bucket');
  },
);

op.check(
  {
    id: 'GetBucketLocation/no-such-bucket-names-bucket',
    spec: '#API_GetBucketLocation_ResponseSyntax',
    level: 'required',
    title: 'the NoSuchBucket error of GET ?location in a missing bucket names that bucket in <BucketName>, exactly',
    evidence: [...NO_SUCH_BUCKET_NAMED_EVIDENCE],
  },
  async () => {
    const missing = newBucketName(rt, 'missing');
    const res = await raw(rt, { method: 'GET', bucket: missing, query: { location: '' } });
    expectRawError(res, { status: 404, code: 'NoSuchBucket' }, 'GetBucketLocation in a missing bucket');
    expectEqual('<Error><BucketName>', res.error()?.bucketName, missing);
  },
);
