/**
 * Legacy Signature Version 2 (`Authorization: AWS AccessKeyId:Signature`), which the provider's
 * guide shows in its examples. Optional: AWS itself only accepts it in older regions.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { doc, expectRawError, expectStatus, peer, recorded, s3, step, operation } from '../../harness/api/index.ts';
import { sendV2, serverNow } from '../../harness/api/sigv4.ts';
import { body, expectBytes } from './support.ts';

const op = operation('SigV2', {
  buckets: { bucket: { hint: 'sigv2' } },
  setup: async ({ rt, bucket }) => {
    const probe = Buffer.from(body(rt, 256, 'sigv2-probe').toString('hex'));
    await step('PutObject (probe)', s3(rt).send(new PutObjectCommand({ Bucket: bucket, Key: 'v2/probe.txt', Body: probe })));
    return { value: { probe } };
  },
});
const { rt } = op;

const probeGet = (bucket: string) => ({ method: 'GET', bucket, key: 'v2/probe.txt' });

op.check(
  {
    id: 'SigV2/accepted',
    spec: '#ConstructingTheAuthenticationHeader',
    level: 'optional',
    feature: 'sigv2',
    title: 'GET signed with SigV2 (HMAC-SHA1 over VERB, Date and /bucket/key) → 200 with the bytes',
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html', 'StringToSign = HTTP-Verb + "\\n" + Content-MD5 + "\\n" + Content-Type + "\\n" + Date + "\\n" + CanonicalizedAmzHeaders + CanonicalizedResource;')],
  },
  async ({ bucket, probe }) => {
    const res = await sendV2(rt, probeGet(bucket));
    expectStatus(res, 200, 'SigV2 GET');
    expectBytes('SigV2 GET', res.body, probe);
  },
);

op.check(
  {
    id: 'SigV2/user-agent-empty',
    spec: '#ConstructingTheAuthenticationHeader',
    level: 'optional',
    feature: 'sigv2',
    title: 'SigV2 GET with an empty User-Agent header (not part of the string to sign) → 200 with the bytes',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html', 'StringToSign = HTTP-Verb + "\\n" + Content-MD5 + "\\n" + Content-Type + "\\n" + Date + "\\n" + CanonicalizedAmzHeaders + CanonicalizedResource;'),
      peer('https://github.com/ceph/s3-tests/blob/master/s3tests/functional/test_headers.py', 'test_bucket_create_bad_ua_empty_aws2 / _ua_none_aws2: an empty or absent User-Agent does not affect a SigV2 request'),
    ],
  },
  async ({ bucket, probe }) => {
    const res = await sendV2(rt, { ...probeGet(bucket), headers: { 'user-agent': '' } });
    expectStatus(res, 200, 'SigV2 GET with an empty User-Agent');
    expectBytes('SigV2 GET', res.body, probe);
  },
);

op.check(
  {
    id: 'SigV2/wrong-secret',
    spec: '#ConstructingTheAuthenticationHeader',
    level: 'optional',
    feature: 'sigv2',
    title: 'GET signed with SigV2 and a wrong secret key → 403 SignatureDoesNotMatch',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3PresignedUrl::test_presigned_url_signature_authentication[s3-False]#invalid-get-1', 'a SigV2 (query form) signature that does not match: 403 SignatureDoesNotMatch'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'The request signature we calculated does not match the signature you provided. Check your AWS secret access key and signing method.'),
    ],
  },
  async ({ bucket }) => {
    const keys = { accessKeyId: rt.credentials.accessKeyId, secretAccessKey: `${rt.credentials.secretAccessKey}x` };
    expectRawError(await sendV2(rt, probeGet(bucket), { keys }), { status: 403, code: 'SignatureDoesNotMatch' });
  },
);

op.check(
  {
    id: 'SigV2/unknown-access-key',
    spec: '#ConstructingTheAuthenticationHeader',
    level: 'optional',
    feature: 'sigv2',
    title: 'GET signed with SigV2 and an access key the target does not know → 403 InvalidAccessKeyId',
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'The AWS access key ID that you provided does not exist in our records.')],
  },
  async ({ bucket }) => {
    const keys = { accessKeyId: 'AKIAS3CUNKNOWN000000', secretAccessKey: 'unknown-secret-of-an-unknown-key-000000' };
    expectRawError(await sendV2(rt, probeGet(bucket), { keys }), { status: 403, code: 'InvalidAccessKeyId' });
  },
);

op.check(
  {
    id: 'SigV2/authorization-malformed',
    spec: '#ConstructingTheAuthenticationHeader',
    level: 'optional',
    feature: 'sigv2',
    title: 'Authorization: "AWS HAHAHA" (no key:signature pair) → 400 InvalidArgument',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html', 'Authorization = "AWS" + " " + AWSAccessKeyId + ":" + Signature;'),
      peer('https://github.com/ceph/s3-tests/blob/master/s3tests/functional/test_headers.py', 'test_bucket_create_bad_authorization_invalid_aws2: Authorization "AWS HAHAHA" → 400 InvalidArgument'),
    ],
  },
  async ({ bucket }) => {
    expectRawError(await sendV2(rt, probeGet(bucket), { afterSign: (r) => { r.headers.authorization = 'AWS HAHAHA'; } }), { status: 400, code: 'InvalidArgument' });
  },
);

op.check(
  {
    id: 'SigV2/date-skew',
    spec: '#RESTAuthenticationTimeStamp',
    level: 'optional',
    feature: 'sigv2',
    title: "GET signed with SigV2 whose Date is 16 minutes in the server's past → 403 RequestTimeTooSkewed",
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html', 'the client timestamp included with an authenticated request must be within 15 minutes of the Amazon S3 system time when the request is received. If not, the request will fail with the RequestTimeTooSkewed error code.'),
    ],
  },
  async ({ bucket }) => {
    const date = new Date((await serverNow(rt)).getTime() - 16 * 60_000);
    expectRawError(await sendV2(rt, probeGet(bucket), { date }), { status: 403, code: 'RequestTimeTooSkewed' });
  },
);

const AMZ_DATES = [
  { id: 'SigV2/amz-date-future', value: 'Tue, 07 Jul 2037 21:53:04 GMT', status: 403, code: 'RequestTimeTooSkewed', what: 'years in the future' },
  { id: 'SigV2/amz-date-past', value: 'Tue, 07 Jul 2010 21:53:04 GMT', status: 403, code: 'RequestTimeTooSkewed', what: 'years in the past' },
  { id: 'SigV2/amz-date-far-future', value: 'Tue, 07 Jul 9999 21:53:04 GMT', status: 403, code: 'RequestTimeTooSkewed', what: 'in the year 9999' },
  { id: 'SigV2/amz-date-before-epoch', value: 'Tue, 07 Jul 1950 21:53:04 GMT', status: 403, code: 'AccessDenied', what: 'before 1970' },
  { id: 'SigV2/amz-date-invalid', value: 'Bad Date', status: 403, code: 'AccessDenied', what: 'not a date' },
  { id: 'SigV2/amz-date-empty', value: '', status: 403, code: 'AccessDenied', what: 'empty' },
] as const;
for (const d of AMZ_DATES) {
  op.check(
    {
      id: d.id,
      spec: '#RESTAuthenticationTimeStamp',
      level: 'optional',
      feature: 'sigv2',
      title: `SigV2 GET whose signed x-amz-date is ${d.what} (${JSON.stringify(d.value)}) → ${d.status} ${d.code}`,
      evidence: [
        doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html', 'A valid time stamp (using either the HTTP Date header or an x-amz-date alternative) is mandatory for authenticated requests.'),
        peer('https://github.com/ceph/s3-tests/blob/master/s3tests/functional/test_headers.py', 'test_*_bad_date_*_aws2: x-amz-date far from now → 403 RequestTimeTooSkewed; before the epoch, invalid or empty → 403 AccessDenied'),
      ],
    },
    async ({ bucket }) => {
      expectRawError(await sendV2(rt, { ...probeGet(bucket), headers: { 'x-amz-date': d.value } }), { status: d.status, code: d.code });
    },
  );
}

op.check(
  {
    id: 'SigV2/no-date',
    spec: '#RESTAuthenticationTimeStamp',
    level: 'optional',
    feature: 'sigv2',
    title: 'SigV2 GET with neither Date nor x-amz-date → 403 AccessDenied',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html', 'A valid time stamp (using either the HTTP Date header or an x-amz-date alternative) is mandatory for authenticated requests.'),
      peer('https://github.com/ceph/s3-tests/blob/master/s3tests/functional/test_headers.py', 'test_bucket_create_bad_date_none_aws2 / test_object_create_bad_date_none_aws2: no date → 403 AccessDenied'),
    ],
  },
  async ({ bucket }) => {
    expectRawError(await sendV2(rt, probeGet(bucket), { omitDate: true }), { status: 403, code: 'AccessDenied' });
  },
);
