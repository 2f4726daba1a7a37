/**
 * SigV4 header authentication, signed by the project's own signer (harness/sigv4): what a target
 * must accept, and what it must reject with the status and error code AWS sends.
 */
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { doc, expectEqual, expectHeader, expectRawError, expectS3Error, expectStatus, peer, recorded, s3, step, operation } from '../../harness/api/index.ts';
import { amzDate, credentialScope, sendSigned, serverNow, sha256Hex } from '../../harness/api/sigv4.ts';
import { body, expectBytes, md5Etag, otherRegion } from './support.ts';

const PROBE = 'sigv4/probe.bin';
const op = operation('SigV4', {
  buckets: { bucket: { hint: 'sigv4' } },
  setup: async ({ rt, bucket }) => {
    const probe = Buffer.from(body(rt, 512, 'sigv4-probe').toString('hex')); // printable, so a wrong acceptance reads well in a report
    await step('PutObject (probe)', s3(rt).send(new PutObjectCommand({ Bucket: bucket, Key: PROBE, Body: probe })));
    return { value: { probe } };
  },
});
const { rt } = op;

const get = (bucket: string) => ({ method: 'GET', bucket, key: PROBE });

async function sdkGet(bucket: string, key: string): Promise<Buffer> {
  const out = await step(`GetObject ${JSON.stringify(key)} (SDK read-back)`, s3(rt).send(new GetObjectCommand({ Bucket: bucket, Key: key })));
  return Buffer.from(await (out.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
}

async function expectAbsent(bucket: string, key: string): Promise<void> {
  await expectS3Error(s3(rt).send(new HeadObjectCommand({ Bucket: bucket, Key: key })), { status: 404 }, `HeadObject ${JSON.stringify(key)} after the rejected PUT (nothing stored)`);
}

/** Replace one component of the Authorization header sent (after signing). */
function rewriteAuth(edit: (auth: string) => string): { afterSign: (r: { headers: Record<string, string> }) => void } {
  return { afterSign: (r) => { r.headers.authorization = edit(r.headers.authorization ?? ''); } };
}

// ---- accepted ---------------------------------------------------------------------------------

op.check(
  {
    id: 'SigV4/signed-payload',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html',
    level: 'required',
    title: 'PUT with x-amz-content-sha256 = SHA-256 of the body → 200 (ETag = MD5), GET with the own signer returns the bytes',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html', 'The x-amz-content-sha256 header is required for all AWS Signature Version 4 requests. It provides a hash of the request payload.'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_Object.html', 'Objects created by the PUT Object, POST Object, or Copy operation, or through the AWS Management Console, and are encrypted by SSE-S3 or plaintext, have ETags that are an MD5 digest of their object data.'),
    ],
  },
  async ({ bucket }) => {
    const data = body(rt, 4096, 'signed-payload');
    const put = await sendSigned(rt, { method: 'PUT', bucket, key: 'sigv4/signed', body: data });
    expectStatus(put, 200, 'PUT (signed payload)');
    expectHeader(put.headers, 'etag', md5Etag(data));
    const res = await sendSigned(rt, { method: 'GET', bucket, key: 'sigv4/signed' });
    expectStatus(res, 200, 'GET (signed)');
    expectBytes('GET', res.body, data);
  },
);

op.check(
  {
    id: 'SigV4/unsigned-payload',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-auth-using-authorization-header.html',
    level: 'required',
    title: 'PUT with x-amz-content-sha256: UNSIGNED-PAYLOAD → 200, the object holds the bytes sent',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html', 'You include the literal string UNSIGNED-PAYLOAD when constructing a canonical request, and set the same value as the x-amz-content-sha256 header value when sending the request to Amazon S3.'),
    ],
  },
  async ({ bucket }) => {
    const data = body(rt, 4096, 'unsigned-payload');
    const put = await sendSigned(rt, { method: 'PUT', bucket, key: 'sigv4/unsigned', body: data }, { payload: 'unsigned' });
    expectStatus(put, 200, 'PUT (UNSIGNED-PAYLOAD)');
    expectBytes('GetObject', await sdkGet(bucket, 'sigv4/unsigned'), data);
  },
);

const KEYS = [
  { id: 'SigV4/key-encoding-space', key: 'sigv4/key with  spaces', why: 'a space is %20 in the canonical URI' },
  { id: 'SigV4/key-encoding-plus', key: 'sigv4/a+b+c', why: "'+' is %2B, not a space" },
  { id: 'SigV4/key-encoding-percent', key: 'sigv4/100%25%off', why: "'%' is %25 (encoded once, never decoded twice)" },
  { id: 'SigV4/key-encoding-unicode', key: 'sigv4/한글-é-😀', why: 'UTF-8 bytes, each %XX' },
  { id: 'SigV4/key-encoding-tilde', key: 'sigv4/~user~', why: "'~' stays unencoded" },
  { id: 'SigV4/key-encoding-double-slash', key: 'sigv4//double//slash/', why: "'//' is kept (S3 does not normalise the path)" },
];
for (const k of KEYS) {
  op.check(
    {
      id: k.id,
      spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html#create-canonical-request',
      level: 'required',
      title: `PUT of key ${JSON.stringify(k.key)} signed with the S3 canonical URI (${k.why}) → 200, readable under that key`,
      evidence: [
        doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html', 'Do not URI-encode any of the unreserved characters that RFC 3986 defines: A-Z, a-z, 0-9, hyphen ( - ), underscore ( _ ), period ( . ), and tilde ( ~ ).'),
        doc('https://docs.aws.amazon.com/general/latest/gr/sigv4-create-canonical-request.html', 'Each path segment must be URI-encoded twice (except for Amazon S3 which only gets URI-encoded once).'),
      ],
    },
    async ({ bucket }) => {
      const data = body(rt, 256, `key-${k.id}`);
      const put = await sendSigned(rt, { method: 'PUT', bucket, key: k.key, body: data });
      expectStatus(put, 200, `PUT ${JSON.stringify(k.key)}`);
      expectBytes(`GetObject ${JSON.stringify(k.key)}`, await sdkGet(bucket, k.key), data);
    },
  );
}

op.check(
  {
    id: 'SigV4/query-sorting-encoding',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html#create-canonical-request',
    level: 'required',
    title: 'ListObjectsV2 with parameters that need sorting by encoded name and value encoding → 200, prefix echoed, object listed',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html', 'You URI-encode name and values individually. You must also sort the parameters in the canonical query string alphabetically by key name.'),
    ],
  },
  async ({ bucket }) => {
    const prefix = 'sigv4/q a+b~é*/';
    const key = `${prefix}item`;
    await step('PutObject (listing fixture)', s3(rt).send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'x' })));
    const res = await sendSigned(rt, {
      method: 'GET', bucket,
      query: { 'start-after': 'sigv4/q a+b~é*', prefix, 'max-keys': '10', delimiter: '/', 'list-type': '2', 'fetch-owner': 'false' },
    });
    expectStatus(res, 200, 'ListObjectsV2');
    const doc = res.xml()?.ListBucketResult as Record<string, unknown> | undefined;
    expectEqual('ListBucketResult.Prefix', doc?.Prefix, prefix);
    const contents = doc?.Contents;
    const first = (Array.isArray(contents) ? contents[0] : contents) as { Key?: string } | undefined;
    expectEqual('ListBucketResult.Contents[0].Key', first?.Key, key);
  },
);

op.check(
  {
    id: 'SigV4/header-value-spaces',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html#create-canonical-request',
    level: 'required',
    title: 'signed header values with outer and inner runs of spaces (Trimall in the canonical request) → 200',
    evidence: [
      doc('https://docs.aws.amazon.com/general/latest/gr/sigv4-create-canonical-request.html', 'The Trimall function removes excess white space before and after values, and converts sequential spaces to a single space.'),
    ],
  },
  async ({ bucket }) => {
    const res = await sendSigned(rt, { method: 'PUT', bucket, key: 'sigv4/spaces', body: 'x', headers: { 'x-amz-meta-spaced': '  a   b    c  ', 'content-type': 'text/plain;   charset=utf-8' } });
    expectStatus(res, 200, 'PUT with spaced header values');
  },
);

op.check(
  {
    id: 'SigV4/session-token',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html',
    level: 'required',
    title: 'request with x-amz-security-token signed among the headers (temporary credentials) → 200',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html', 'if you are using temporary security credentials, you need to include x-amz-security-token in your request. You must add this header in the list of CanonicalHeaders.'),
    ],
    skipIf: (r) => (r.credentials.sessionToken ? undefined : 'no session token configured (AWS_SESSION_TOKEN is not set)'),
  },
  async ({ bucket, probe }) => {
    const res = await sendSigned(rt, get(bucket));
    expectStatus(res, 200, 'GET with a session token');
    expectBytes('GET', res.body, probe);
  },
);

op.check(
  {
    id: 'SigV4/unsigned-header-changed',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html#create-canonical-request',
    level: 'required',
    title: 'a header left out of SignedHeaders (Range) changed after signing → still accepted: 206 with the new range',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html', 'The CanonicalHeaders list must include the following: HTTP host header. If the Content-Type header is present in the request, you must add it to the CanonicalHeaders list. Any x-amz-* headers that you plan to include in your request must also be added.'),
    ],
  },
  async ({ bucket, probe }) => {
    const res = await sendSigned(rt, { ...get(bucket), headers: { range: 'bytes=0-0' } }, {
      signedHeaders: ['host', 'x-amz-content-sha256', 'x-amz-date'],
      afterSign: (r) => { r.headers.range = 'bytes=1-3'; },
    });
    expectStatus(res, 206, 'GET with an unsigned Range changed');
    expectBytes('GET range 1-3', res.body, probe.subarray(1, 4));
  },
);

op.check(
  {
    id: 'SigV4/date-header-only',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html',
    level: 'optional',
    title: 'SigV4 signed over a Date header in ISO 8601 basic format and no X-Amz-Date → 200 with the bytes',
    evidence: [
      doc('https://docs.aws.amazon.com/compute-optimizer/latest/APIReference/CommonParameters.html', 'X-Amz-Date is optional for all requests; it can be used to override the date used for signing requests. If the Date header is specified in the ISO 8601 basic format, X-Amz-Date is not required.'),
    ],
  },
  async ({ bucket, probe }) => {
    const now = await serverNow(rt);
    const res = await sendSigned(rt, { ...get(bucket), headers: { date: amzDate(now) } }, { date: now, omitDate: true });
    expectStatus(res, 200, 'GET signed over Date only');
    expectBytes('GET', res.body, probe);
  },
);

op.check(
  {
    id: 'SigV4/date-and-amz-date',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html',
    level: 'optional',
    title: 'SigV4 request with both Date (an HTTP date an hour old) and X-Amz-Date (now, signed) → 200: X-Amz-Date wins',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonRequestHeaders.html', 'Note that when x-amz-date is present, it always overrides the value of the Date header.'),
      peer('https://github.com/ceph/s3-tests/blob/master/s3tests/functional/test_headers.py', 'test_object_create_date_and_amz_date: a PUT carrying both Date and X-Amz-Date succeeds'),
    ],
  },
  async ({ bucket, probe }) => {
    const now = await serverNow(rt);
    const res = await sendSigned(rt, { ...get(bucket), headers: { date: new Date(now.getTime() - 3600_000).toUTCString() } }, { date: now, signedHeaders: ['host', 'x-amz-content-sha256', 'x-amz-date'] });
    expectStatus(res, 200, 'GET with Date and X-Amz-Date');
    expectBytes('GET', res.body, probe);
  },
);

// ---- rejected: signature and keys --------------------------------------------------------------

op.check(
  {
    id: 'SigV4/wrong-secret',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'signed with a wrong secret key → 403 SignatureDoesNotMatch',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'The request signature we calculated does not match the signature you provided. Check your AWS secret access key and signing method.'),
    ],
  },
  async ({ bucket }) => {
    const res = await sendSigned(rt, get(bucket), { keys: { accessKeyId: rt.credentials.accessKeyId, secretAccessKey: `${rt.credentials.secretAccessKey}x` } });
    expectRawError(res, { status: 403, code: 'SignatureDoesNotMatch' });
  },
);

op.check(
  {
    id: 'SigV4/unsigned-payload-wrong-secret',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'PUT with x-amz-content-sha256: UNSIGNED-PAYLOAD signed with a wrong secret key → 403 SignatureDoesNotMatch, nothing stored',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'The request signature we calculated does not match the signature you provided. Check your AWS secret access key and signing method.'),
    ],
  },
  async ({ bucket }) => {
    const key = 'sigv4/unsigned-wrong-secret';
    const keys = { accessKeyId: rt.credentials.accessKeyId, secretAccessKey: `${rt.credentials.secretAccessKey}x` };
    const res = await sendSigned(rt, { method: 'PUT', bucket, key, body: 'x' }, { payload: 'unsigned', keys });
    expectRawError(res, { status: 403, code: 'SignatureDoesNotMatch' });
    await expectAbsent(bucket, key);
  },
);

const UNKNOWN_KEY = { accessKeyId: 'AKIAS3CUNKNOWN000000', secretAccessKey: 'unknown-secret-of-an-unknown-key-000000' };

op.check(
  {
    id: 'SigV4/unknown-access-key',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'signed with an access key the target does not know → 403 InvalidAccessKeyId',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'The AWS access key ID that you provided does not exist in our records.'),
    ],
  },
  async ({ bucket }) => {
    expectRawError(await sendSigned(rt, get(bucket), { keys: UNKNOWN_KEY }), { status: 403, code: 'InvalidAccessKeyId' });
  },
);

op.check(
  {
    id: 'SigV4/unknown-access-key-rejected',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'unknown access key → 403 rejected (InvalidAccessKeyId, or SignatureDoesNotMatch/AccessDenied behind Keystone/tempauth)',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'The AWS access key ID that you provided does not exist in our records.'),
    ],
  },
  async ({ note, bucket }) => {
    const o = expectRawError(await sendSigned(rt, get(bucket), { keys: UNKNOWN_KEY }), { status: 403, code: ['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'AccessDenied'] });
    if (o.code !== 'InvalidAccessKeyId') note(`rejected with ${o.code ?? '?'} instead of the exact InvalidAccessKeyId (see SigV4/unknown-access-key)`);
  },
);

op.check(
  {
    id: 'SigV4/signed-header-changed',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'a signed header (Range) changed after signing → 403 SignatureDoesNotMatch',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3PresignedUrl::test_s3_put_presigned_url_with_different_headers[s3v4]#wrong-content-encoding-response', 'a signed header (Content-Encoding) sent with another value: SignatureDoesNotMatch'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'The request signature we calculated does not match the signature you provided. Check your AWS secret access key and signing method.'),
    ],
  },
  async ({ bucket }) => {
    const res = await sendSigned(rt, { ...get(bucket), headers: { range: 'bytes=0-0' } }, { afterSign: (r) => { r.headers.range = 'bytes=1-3'; } });
    expectRawError(res, { status: 403, code: 'SignatureDoesNotMatch' });
  },
);

/** A PUT signed over host, x-amz-content-sha256 and x-amz-date only, sent with `headers` besides. */
const putWithUnsigned = (bucket: string, key: string, headers: Record<string, string>) =>
  sendSigned(rt, { method: 'PUT', bucket, key, body: 'x', headers }, { signedHeaders: ['host', 'x-amz-content-sha256', 'x-amz-date'] });

const UNSIGNED_RULE = doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html', 'Any x-amz-* headers that you plan to include in your request must also be added.');
const UNSIGNED_NOT_META = recorded(
  'tests/aws/services/s3/test_s3.py::TestS3PresignedUrl::test_put_object_with_md5_and_chunk_signature_bad_headers[s3v4-True]#with-decoded-content-length',
  'x-amz-* headers other than x-amz-meta-* are refused too: AccessDenied "There were headers present in the request which were not signed", HeadersNotSigned "x-amz-date, x-amz-decoded-content-length"',
);

op.check(
  {
    id: 'SigV4/unsigned-amz-header',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html#create-canonical-request',
    level: 'required',
    title: 'PUT with an x-amz-meta-* header left out of SignedHeaders → 403 AccessDenied (headers present that were not signed), nothing stored',
    evidence: [
      UNSIGNED_RULE,
      recorded('tests/aws/services/s3/test_s3.py::TestS3PresignedUrl::test_put_url_metadata_with_sig_s3v4[False]#wrong-meta-headers', 'presigned form: AccessDenied "There were headers present in the request which were not signed", HeadersNotSigned x-amz-meta-wrong'),
      peer('https://github.com/versity/versitygw/blob/main/tests/integration/sigv4_auth.go', 'Authentication_unsigned_required_header: header auth with unsigned x-amz-* headers → 403 AccessDenied with HeadersNotSigned'),
    ],
  },
  async ({ bucket }) => {
    const key = 'sigv4/unsigned-amz-header';
    const res = await putWithUnsigned(bucket, key, { 'x-amz-meta-unsigned': 'v' });
    expectRawError(res, { status: 403, code: 'AccessDenied' });
    await expectAbsent(bucket, key);
  },
);

// The headers an intercepted or replayed signed request could have added to it: a canned ACL, a grant,
// a copy source; and a header of none of these (a storage class). AWS refuses every unsigned x-amz-*
// header; OpenStack Swift's s3api began refusing x-amz-acl, x-amz-grant-*, x-amz-copy* and
// x-amz-meta-* only with the fix for CVE-2026-71191 (Debian 2.30.1-0+deb12u3), and no others.
for (const [slug, header, value, what] of [
  ['unsigned-acl-header', 'x-amz-acl', () => 'public-read', 'a canned ACL'],
  ['unsigned-grant-header', 'x-amz-grant-read', () => 'uri="http://acs.amazonaws.com/groups/global/AllUsers"', 'a grant'],
  ['unsigned-copy-source', 'x-amz-copy-source', (b: string) => `/${b}/${PROBE}`, 'a copy source naming an object'],
  ['unsigned-storage-class-header', 'x-amz-storage-class', () => 'STANDARD', 'a storage class'],
] as const) {
  op.check(
    {
      id: `SigV4/${slug}`,
      spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html#create-canonical-request',
      level: 'required',
      title: `PUT with ${what} (${header}) left out of SignedHeaders → 403 AccessDenied, nothing stored`,
      evidence: [UNSIGNED_RULE, UNSIGNED_NOT_META],
    },
    async ({ bucket }) => {
      const key = `sigv4/${slug}`;
      const res = await putWithUnsigned(bucket, key, { [header]: value(bucket) });
      expectRawError(res, { status: 403, code: 'AccessDenied' }, `PUT with an unsigned ${header}`);
      await expectAbsent(bucket, key);
    },
  );
}

op.check(
  {
    id: 'SigV4/unsigned-amz-header-named',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html#create-canonical-request',
    level: 'optional',
    title: 'the AccessDenied error of a PUT with an unsigned x-amz-meta-unsigned header names it in <HeadersNotSigned>, exactly',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3PresignedUrl::test_put_url_metadata_with_sig_s3v4[False]#wrong-meta-headers', 'presigned form (recorded): HeadersNotSigned "x-amz-meta-wrong"; the header form is not recorded, hence optional'),
      peer('https://github.com/versity/versitygw/blob/main/tests/integration/sigv4_auth.go', 'Authentication_unsigned_required_header: header auth with unsigned x-amz-* headers → 403 AccessDenied with HeadersNotSigned'),
    ],
  },
  async ({ bucket }) => {
    const res = await putWithUnsigned(bucket, 'sigv4/unsigned-amz-header-named', { 'x-amz-meta-unsigned': 'v' });
    expectRawError(res, { status: 403, code: 'AccessDenied' }, 'PUT with an unsigned x-amz-meta-unsigned');
    expectEqual('<Error><HeadersNotSigned>', res.error()?.headersNotSigned, 'x-amz-meta-unsigned');
  },
);

// ---- rejected: payload hash --------------------------------------------------------------------

op.check(
  {
    id: 'SigV4/payload-hash-mismatch',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'PUT whose body differs from the signed x-amz-content-sha256 → 400 XAmzContentSHA256Mismatch, nothing stored',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html', 'The x-amz-content-sha256 header is required for all AWS Signature Version 4 requests. It provides a hash of the request payload.'),
      peer('https://github.com/s3tools/s3cmd/issues/812', "Amazon S3 (server: AmazonS3) answered a body not matching x-amz-content-sha256 with 400 XAmzContentSHA256Mismatch \"The provided 'x-amz-content-sha256' header does not match what was computed.\""),
    ],
  },
  async ({ bucket }) => {
    const key = 'sigv4/mismatch';
    const res = await sendSigned(rt, { method: 'PUT', bucket, key, body: 'the body that is sent' }, { payload: sha256Hex('the body that was signed') });
    expectRawError(res, { status: 400, code: 'XAmzContentSHA256Mismatch' });
    await expectAbsent(bucket, key);
  },
);

op.check(
  {
    id: 'SigV4/payload-hash-mismatch-not-stored',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'PUT whose body differs from the signed hash → rejected 400 (XAmzContentSHA256Mismatch or integrity error BadDigest), nothing stored',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html', 'The x-amz-content-sha256 header is required for all AWS Signature Version 4 requests. It provides a hash of the request payload.'),
      peer('https://github.com/s3tools/s3cmd/issues/812', "Amazon S3 (server: AmazonS3) answered a body not matching x-amz-content-sha256 with 400 XAmzContentSHA256Mismatch \"The provided 'x-amz-content-sha256' header does not match what was computed.\""),
    ],
  },
  async ({ note, bucket }) => {
    const key = 'sigv4/mismatch-2';
    const res = await sendSigned(rt, { method: 'PUT', bucket, key, body: 'the body that is sent' }, { payload: sha256Hex('the body that was signed') });
    const o = expectRawError(res, { status: 400, code: ['XAmzContentSHA256Mismatch', 'BadDigest'] });
    if (o.code !== 'XAmzContentSHA256Mismatch') note(`rejected with ${o.code ?? '?'} instead of the exact XAmzContentSHA256Mismatch (see SigV4/payload-hash-mismatch)`);
    await expectAbsent(bucket, key);
  },
);

op.check(
  {
    id: 'SigV4/invalid-content-sha256',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html',
    level: 'optional',
    title: 'x-amz-content-sha256 that is neither a hex SHA-256 nor a known keyword ("invalid_sha256") → 400 InvalidArgument, nothing stored',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html', 'The x-amz-content-sha256 header is required for all AWS Signature Version 4 requests. It provides a hash of the request payload.'),
      peer('https://github.com/versity/versitygw/blob/main/tests/integration/sigv4_auth.go', 'Authentication_invalid_sha256_payload_hash: x-amz-content-sha256 "invalid_sha256" → 400 InvalidArgument, ArgumentName x-amz-content-sha256 (error text mirrors AWS)'),
    ],
  },
  async ({ bucket }) => {
    const key = 'sigv4/invalid-sha256';
    expectRawError(await sendSigned(rt, { method: 'PUT', bucket, key, body: 'x' }, { payload: 'invalid_sha256' }), { status: 400, code: 'InvalidArgument' });
    await expectAbsent(bucket, key);
  },
);

op.check(
  {
    id: 'SigV4/missing-content-sha256',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html',
    level: 'optional',
    title: 'SigV4 request without x-amz-content-sha256 (required for every SigV4 request to S3) → 400 InvalidRequest',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html', 'The x-amz-content-sha256 header is required for all AWS Signature Version 4 requests.'),
      peer('https://github.com/versity/versitygw/blob/main/s3err/s3err.go', 'ErrMissingContentSha256: 400 InvalidRequest "Missing required header for this request: x-amz-content-sha256" (error text mirrors AWS)'),
    ],
  },
  async ({ bucket }) => {
    expectRawError(await sendSigned(rt, get(bucket), { omitContentSha256: true }), { status: 400, code: 'InvalidRequest' });
  },
);

// ---- rejected: time ------------------------------------------------------------------------------

const SKEWS = [
  { id: 'SigV4/date-skew-past', minutes: -16, where: 'past' },
  { id: 'SigV4/date-skew-future', minutes: 16, where: 'future' },
];
for (const s of SKEWS) {
  op.check(
    {
      id: s.id,
      spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
      level: 'required',
      title: `X-Amz-Date 16 minutes in the ${s.where} of the server's clock → 403 RequestTimeTooSkewed`,
      evidence: [
        doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', "The difference between the request time and the server's time is too large."),
      ],
    },
    async ({ bucket }) => {
      const date = new Date((await serverNow(rt)).getTime() + s.minutes * 60_000);
      expectRawError(await sendSigned(rt, get(bucket), { date }), { status: 403, code: 'RequestTimeTooSkewed' });
    },
  );
}

op.check(
  {
    id: 'SigV4/missing-date',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-auth-using-authorization-header.html',
    level: 'optional',
    title: 'SigV4 request with neither X-Amz-Date nor Date → 403 AccessDenied',
    evidence: [
      peer('https://github.com/versity/versitygw/blob/main/tests/integration/sigv4_auth.go', 'Authentication_missing_date_header: → 403 AccessDenied "AWS authentication requires a valid Date or x-amz-date header" (error text mirrors AWS)'),
      peer('https://github.com/ceph/s3-tests/blob/master/s3tests/functional/test_headers.py', 'test_bucket_create_bad_date_none_aws2: no date → 403 AccessDenied'),
    ],
  },
  async ({ bucket }) => {
    expectRawError(await sendSigned(rt, get(bucket), { omitDate: true }), { status: 403, code: 'AccessDenied' });
  },
);

op.check(
  {
    id: 'SigV4/invalid-date',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-auth-using-authorization-header.html',
    level: 'optional',
    title: 'SigV4 request whose X-Amz-Date is not an ISO 8601 timestamp ("03032006") → 403 AccessDenied',
    evidence: [
      peer('https://github.com/versity/versitygw/blob/main/tests/integration/sigv4_auth.go', 'Authentication_invalid_date_header: X-Amz-Date "03032006" → 403 AccessDenied "AWS authentication requires a valid Date or x-amz-date header"'),
    ],
  },
  async ({ bucket }) => {
    const res = await sendSigned(rt, get(bucket), { afterSign: (r) => { r.headers['x-amz-date'] = '03032006'; } });
    expectRawError(res, { status: 403, code: 'AccessDenied' });
  },
);

// ---- rejected: credential scope and header shape -----------------------------------------------

op.check(
  {
    id: 'SigV4/scope-wrong-region',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'credential scope names another region → 400 AuthorizationHeaderMalformed',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_create_bucket_aws_global#xml-error-create-bucket', "signed for region 'aws-global': AuthorizationHeaderMalformed, the region 'aws-global' is wrong; expecting 'us-east-1'"),
    ],
  },
  async ({ bucket }) => {
    expectRawError(await sendSigned(rt, get(bucket), { region: otherRegion(rt) }), { status: 400, code: 'AuthorizationHeaderMalformed' });
  },
);

op.check(
  {
    id: 'SigV4/scope-wrong-service',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'optional',
    title: 'credential scope names service "ec2" instead of "s3" → 400 AuthorizationHeaderMalformed',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'The authorization header you provided is invalid.'),
      peer('https://github.com/versity/versitygw/blob/main/tests/integration/sigv4_auth.go', 'Authentication_credentials_incorrect_service: → 400 AuthorizationHeaderMalformed "incorrect service \\"ec2\\". This endpoint belongs to \\"s3\\"."'),
    ],
  },
  async ({ bucket }) => {
    expectRawError(await sendSigned(rt, get(bucket), { service: 'ec2' }), { status: 400, code: 'AuthorizationHeaderMalformed' });
  },
);

op.check(
  {
    id: 'SigV4/scope-wrong-terminator',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'optional',
    title: 'credential scope ends in "aws5_request" instead of "aws4_request" → 400 AuthorizationHeaderMalformed',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'The authorization header you provided is invalid.'),
      peer('https://github.com/versity/versitygw/blob/main/tests/integration/sigv4_auth.go', 'Authentication_credentials_invalid_terminal: → 400 AuthorizationHeaderMalformed "incorrect terminal ... This endpoint uses \\"aws4_request\\"."'),
    ],
  },
  async ({ bucket }) => {
    expectRawError(await sendSigned(rt, get(bucket), { terminator: 'aws5_request' }), { status: 400, code: 'AuthorizationHeaderMalformed' });
  },
);

op.check(
  {
    id: 'SigV4/credential-date-mismatch',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'optional',
    title: 'credential scope date one day before the X-Amz-Date date → 400 AuthorizationHeaderMalformed',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'The authorization header you provided is invalid.'),
      peer('https://github.com/versity/versitygw/blob/main/tests/integration/sigv4_auth.go', 'Authentication_date_mismatch: → 400 AuthorizationHeaderMalformed "Invalid credential date. Date is not the same as X-Amz-Date."'),
    ],
  },
  async ({ bucket }) => {
    const now = await serverNow(rt);
    const day = credentialScope({ date: now, region: rt.region }).slice(0, 8);
    const before = credentialScope({ date: new Date(now.getTime() - 86400_000), region: rt.region }).slice(0, 8);
    const res = await sendSigned(rt, get(bucket), { date: now, ...rewriteAuth((a) => a.replace(`/${day}/`, `/${before}/`)) });
    expectRawError(res, { status: 400, code: 'AuthorizationHeaderMalformed' });
  },
);

op.check(
  {
    id: 'SigV4/credential-invalid-date',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'optional',
    title: 'credential scope date that is not yyyyMMdd ("3223423234") → 400 AuthorizationHeaderMalformed',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'The authorization header you provided is invalid.'),
      peer('https://github.com/versity/versitygw/blob/main/tests/integration/sigv4_auth.go', 'Authentication_credentials_invalid_date: → 400 AuthorizationHeaderMalformed "incorrect date format ... must be in the format yyyyMMdd"'),
    ],
  },
  async ({ bucket }) => {
    const now = await serverNow(rt);
    const day = credentialScope({ date: now, region: rt.region }).slice(0, 8);
    expectRawError(await sendSigned(rt, get(bucket), { date: now, ...rewriteAuth((a) => a.replace(`/${day}/`, '/3223423234/')) }), { status: 400, code: 'AuthorizationHeaderMalformed' });
  },
);

op.check(
  {
    id: 'SigV4/credential-malformed',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'optional',
    title: 'Credential with a missing scope part (key/date/region/aws4_request) → 400 AuthorizationHeaderMalformed',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'The authorization header you provided is invalid.'),
      peer('https://github.com/versity/versitygw/blob/main/tests/integration/sigv4_auth.go', 'Authentication_malformed_credential: → 400 AuthorizationHeaderMalformed "the Credential is mal-formed; expecting <YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request"'),
    ],
  },
  async ({ bucket }) => {
    expectRawError(await sendSigned(rt, get(bucket), rewriteAuth((a) => a.replace('/s3/aws4_request', '/aws4_request'))), { status: 400, code: 'AuthorizationHeaderMalformed' });
  },
);

op.check(
  {
    id: 'SigV4/malformed-authorization',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-auth-using-authorization-header.html#sigv4-auth-header-overview',
    level: 'optional',
    title: 'Authorization without SignedHeaders and Signature components → 400 AuthorizationHeaderMalformed',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'The authorization header you provided is invalid.'),
      peer('https://github.com/versity/versitygw/blob/main/tests/integration/sigv4_auth.go', 'Authentication_missing_components: → 400 AuthorizationHeaderMalformed "the authorization header requires three components: Credential, SignedHeaders, and Signature."'),
    ],
  },
  async ({ bucket }) => {
    const now = await serverNow(rt);
    const scope = credentialScope({ date: now, region: rt.region });
    const res = await sendSigned(rt, get(bucket), { date: now, afterSign: (r) => { r.headers.authorization = `AWS4-HMAC-SHA256 Credential=${rt.credentials.accessKeyId}/${scope}`; } });
    expectRawError(res, { status: 400, code: 'AuthorizationHeaderMalformed' });
  },
);

const MISSING = [
  { id: 'SigV4/missing-credential', part: 'Credential', re: /Credential=[^,]*, / },
  { id: 'SigV4/missing-signed-headers', part: 'SignedHeaders', re: /SignedHeaders=[^,]*, / },
  { id: 'SigV4/missing-signature', part: 'Signature', re: /, Signature=[0-9a-f]*/ },
];
for (const m of MISSING) {
  op.check(
    {
      id: m.id,
      spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-auth-using-authorization-header.html#sigv4-auth-header-overview',
      level: 'optional',
      title: `Authorization without its ${m.part} component (the other two present) → 400 AuthorizationHeaderMalformed`,
      evidence: [
        doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'The authorization header you provided is invalid.'),
        peer('https://github.com/versity/versitygw/blob/main/tests/integration/sigv4_auth.go', 'Authentication_missing_credentials / _missing_signedheaders / _missing_signature: → 400 AuthorizationHeaderMalformed "missing Credential." / "missing SignedHeaders." / "missing Signature."'),
      ],
    },
    async ({ bucket }) => {
      expectRawError(await sendSigned(rt, get(bucket), rewriteAuth((a) => a.replace(m.re, ''))), { status: 400, code: 'AuthorizationHeaderMalformed' });
    },
  );
}

op.check(
  {
    id: 'SigV4/malformed-component',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-auth-using-authorization-header.html#sigv4-auth-header-overview',
    level: 'optional',
    title: 'Authorization whose SignedHeaders component has "-" instead of "=" ("SignedHeaders-host;…") → 400 AuthorizationHeaderMalformed',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'The authorization header you provided is invalid.'),
      peer('https://github.com/versity/versitygw/blob/main/tests/integration/sigv4_auth.go', 'Authentication_malformed_component: → 400 AuthorizationHeaderMalformed "the authorization component \\"SignedHeaders-Content-Length\\" is malformed."'),
    ],
  },
  async ({ bucket }) => {
    expectRawError(await sendSigned(rt, get(bucket), rewriteAuth((a) => a.replace('SignedHeaders=', 'SignedHeaders-'))), { status: 400, code: 'AuthorizationHeaderMalformed' });
  },
);

op.check(
  {
    id: 'SigV4/authorization-garbage',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-auth-using-authorization-header.html#sigv4-auth-header-overview',
    level: 'optional',
    title: 'Authorization: "invalid_header" (no algorithm, no components) → 400 InvalidArgument',
    evidence: [
      peer('https://github.com/versity/versitygw/blob/main/tests/integration/sigv4_auth.go', 'Authentication_invalid_auth_header: → 400 InvalidArgument "Authorization header is invalid -- one and only one \' \' (space) required.", ArgumentName Authorization'),
    ],
  },
  async ({ bucket }) => {
    expectRawError(await sendSigned(rt, get(bucket), rewriteAuth(() => 'invalid_header')), { status: 400, code: 'InvalidArgument' });
  },
);

op.check(
  {
    id: 'SigV4/unsupported-algorithm',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-auth-using-authorization-header.html#sigv4-auth-header-overview',
    level: 'optional',
    title: 'Authorization naming algorithm "AWS4-HMAC-SHA512" instead of AWS4-HMAC-SHA256 → 400 InvalidArgument',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-auth-using-authorization-header.html', 'The algorithm that was used to calculate the signature. You must provide this value when you use AWS Signature Version 4 for authentication.'),
      peer('https://github.com/versity/versitygw/blob/main/tests/integration/sigv4_auth.go', 'Authentication_unsupported_signature_version: another algorithm name → 400 InvalidArgument "Unsupported Authorization Type", ArgumentName Authorization'),
    ],
  },
  async ({ bucket }) => {
    expectRawError(await sendSigned(rt, get(bucket), rewriteAuth((a) => a.replace(/^AWS4-HMAC-SHA256/, 'AWS4-HMAC-SHA512'))), { status: 400, code: 'InvalidArgument' });
  },
);

op.check(
  {
    id: 'SigV4/header-and-query-auth',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html',
    level: 'optional',
    title: 'a header-signed request that also carries X-Amz-Algorithm/X-Amz-Signature query parameters → 400 InvalidArgument (only one auth mechanism)',
    evidence: [
      peer('https://pastebin.com/cxYtLhF3', 'AWS answer to a request with both query auth and an Authorization header: 400 InvalidArgument "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified", ArgumentName Authorization'),
    ],
  },
  async ({ bucket }) => {
    const now = await serverNow(rt);
    const res = await sendSigned(rt, get(bucket), {
      date: now,
      afterSign: (r) => {
        r.query = {
          ...r.query,
          'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
          'X-Amz-Credential': `${rt.credentials.accessKeyId}/${credentialScope({ date: now, region: rt.region })}`,
          'X-Amz-Date': amzDate(now),
          'X-Amz-Expires': '300',
          'X-Amz-SignedHeaders': 'host',
          'X-Amz-Signature': '0'.repeat(64),
        };
      },
    });
    expectRawError(res, { status: 400, code: 'InvalidArgument' });
  },
);
