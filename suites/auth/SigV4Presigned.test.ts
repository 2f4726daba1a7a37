/**
 * Presigned (query-string) SigV4 requests, made both by @aws-sdk/s3-request-presigner and by the
 * project's own signer, and the rejections the query form has (expiry, expiry limit, parameters,
 * signature).
 */
import { CreateMultipartUploadCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { doc, expectEqual, expectHeader, expectMatch, expectRawError, expectS3Error, expectStatus, fail, peer, raw, recorded, type RawResponse, s3, step, operation } from '../../harness/api/index.ts';
import { credentialScope, sendPresigned, serverNow } from '../../harness/api/sigv4.ts';
import { body, expectBytes, md5Etag, otherRegion, sendUrl } from './support.ts';

const PROBE = 'presigned/probe.txt';
const op = operation('SigV4Presigned', {
  buckets: { bucket: { hint: 'presign', acl: true } },
  setup: async ({ rt, bucket }) => {
    const probe = Buffer.from(body(rt, 256, 'presign-probe').toString('hex'));
    await step('PutObject (probe)', s3(rt).send(new PutObjectCommand({ Bucket: bucket, Key: PROBE, Body: probe })));
    return { value: { probe } };
  },
});
const { rt } = op;

type Via = 'sdk' | 'own';
type Method = 'GET' | 'PUT' | 'HEAD' | 'DELETE';

/** One presigned request by either signer (expires in 5 minutes). */
async function presigned(bucket: string, via: Via, method: Method, key: string, payload?: Buffer): Promise<RawResponse> {
  if (via === 'own') return sendPresigned(rt, { method, bucket, key, ...(payload ? { body: payload } : {}) }, { expiresIn: 300 });
  const client = s3(rt);
  const input = { Bucket: bucket, Key: key };
  const command =
    method === 'GET' ? new GetObjectCommand(input) : method === 'PUT' ? new PutObjectCommand(input) : method === 'HEAD' ? new HeadObjectCommand(input) : new DeleteObjectCommand(input);
  const url = await getSignedUrl(client, command, { expiresIn: 300 });
  return sendUrl(rt, method, url, {}, payload);
}

const probeGet = (bucket: string) => ({ method: 'GET', bucket, key: PROBE });

async function sdkGet(bucket: string, key: string): Promise<Buffer> {
  const out = await step('GetObject (read-back)', s3(rt).send(new GetObjectCommand({ Bucket: bucket, Key: key })));
  return Buffer.from(await (out.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
}

// ---- accepted ---------------------------------------------------------------------------------

const VIAS = [
  { via: 'sdk', by: '@aws-sdk/s3-request-presigner', ids: [{ id: 'SigV4Presigned/get-sdk' }, { id: 'SigV4Presigned/put-sdk' }, { id: 'SigV4Presigned/head-sdk' }, { id: 'SigV4Presigned/delete-sdk' }] },
  { via: 'own', by: 'the own signer', ids: [{ id: 'SigV4Presigned/get-own' }, { id: 'SigV4Presigned/put-own' }, { id: 'SigV4Presigned/head-own' }, { id: 'SigV4Presigned/delete-own' }] },
] as const;
for (const v of VIAS) {
  const [get, put, head, del] = v.ids.map((x) => x.id) as [string, string, string, string];
  op.check(
    {
      id: get,
      spec: '#query-string-auth-v4-signing',
      level: 'required',
      title: `presigned GET (${v.by}) → 200 with the object's bytes`,
      evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html', 'Using query parameters to authenticate requests is useful when you want to express a request entirely in a URL. This method is also referred as presigning a URL.')],
    },
    async ({ bucket, probe }) => {
      const res = await presigned(bucket, v.via, 'GET', PROBE);
      expectStatus(res, 200, 'presigned GET');
      expectBytes('presigned GET', res.body, probe);
    },
  );
  op.check(
    {
      id: put,
      spec: '#query-string-auth-v4-signing',
      level: 'required',
      title: `presigned PUT (${v.by}) → 200 with ETag = MD5, the object holds the bytes sent`,
      evidence: [
        doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html', 'Using query parameters to authenticate requests is useful when you want to express a request entirely in a URL. This method is also referred as presigning a URL.'),
        doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_Object.html', 'Objects created by the PUT Object, POST Object, or Copy operation, or through the AWS Management Console, and are encrypted by SSE-S3 or plaintext, have ETags that are an MD5 digest of their object data.'),
      ],
    },
    async ({ bucket }) => {
      const key = `presigned/put-${v.via}`;
      const data = body(rt, 2048, `presigned-put-${v.via}`);
      const res = await presigned(bucket, v.via, 'PUT', key, data);
      expectStatus(res, 200, 'presigned PUT');
      expectHeader(res.headers, 'etag', md5Etag(data));
      expectBytes('GetObject', await sdkGet(bucket, key), data);
    },
  );
  op.check(
    {
      id: head,
      spec: '#query-string-auth-v4-signing',
      level: 'required',
      title: `presigned HEAD (${v.by}) → 200 with Content-Length and ETag of the object`,
      evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html', 'Using query parameters to authenticate requests is useful when you want to express a request entirely in a URL. This method is also referred as presigning a URL.')],
    },
    async ({ bucket, probe }) => {
      const res = await presigned(bucket, v.via, 'HEAD', PROBE);
      expectStatus(res, 200, 'presigned HEAD');
      expectHeader(res.headers, 'content-length', String(probe.length));
      expectHeader(res.headers, 'etag', md5Etag(probe));
    },
  );
  op.check(
    {
      id: del,
      spec: '#query-string-auth-v4-signing',
      level: 'required',
      title: `presigned DELETE (${v.by}) → 204 and the object is gone`,
      evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html', 'Using query parameters to authenticate requests is useful when you want to express a request entirely in a URL. This method is also referred as presigning a URL.')],
    },
    async ({ bucket }) => {
      const key = `presigned/delete-${v.via}`;
      await step('PutObject (fixture)', s3(rt).send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'x' })));
      const res = await presigned(bucket, v.via, 'DELETE', key);
      expectStatus(res, 204, 'presigned DELETE');
      await expectS3Error(s3(rt).send(new HeadObjectCommand({ Bucket: bucket, Key: key })), { status: 404 }, 'HeadObject after the presigned DELETE');
    },
  );
}

op.check(
  {
    id: 'SigV4Presigned/put-get-utf8-key',
    spec: '#query-string-auth-v4-signing',
    level: 'required',
    title: 'presigned PUT then presigned GET (own signer) of a key with UTF-8 and reserved characters → 200, the bytes round-trip',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html', 'Using query parameters to authenticate requests is useful when you want to express a request entirely in a URL. This method is also referred as presigning a URL.'),
      doc('https://docs.aws.amazon.com/general/latest/gr/sigv4-create-canonical-request.html', 'Each path segment must be URI-encoded twice (except for Amazon S3 which only gets URI-encoded once).'),
    ],
  },
  async ({ bucket }) => {
    const key = 'presigned/한글 é+&=?#.txt';
    const data = body(rt, 512, 'presigned-utf8');
    expectStatus(await sendPresigned(rt, { method: 'PUT', bucket, key, body: data }, { expiresIn: 300 }), 200, 'presigned PUT');
    const res = await sendPresigned(rt, { method: 'GET', bucket, key }, { expiresIn: 300 });
    expectStatus(res, 200, 'presigned GET');
    expectBytes('presigned GET', res.body, data);
  },
);

op.check(
  {
    id: 'SigV4Presigned/upload-part',
    spec: '#query-string-auth-v4-signing',
    level: 'required',
    title: 'presigned UploadPart (partNumber and uploadId signed in the query) → 200 with ETag = MD5 of the part',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html', 'Using query parameters to authenticate requests is useful when you want to express a request entirely in a URL. This method is also referred as presigning a URL.'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_Object.html', 'Objects created by the PUT Object, POST Object, or Copy operation, or through the AWS Management Console, and are encrypted by SSE-S3 or plaintext, have ETags that are an MD5 digest of their object data.'),
    ],
  },
  async ({ bucket }) => {
    const key = 'presigned/part';
    const up = await step('CreateMultipartUpload', s3(rt).send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key })));
    const data = body(rt, 1024, 'presigned-part');
    const res = await sendPresigned(rt, { method: 'PUT', bucket, key, query: { partNumber: '1', uploadId: up.UploadId ?? '' }, body: data }, { expiresIn: 300 });
    expectStatus(res, 200, 'presigned UploadPart');
    expectHeader(res.headers, 'etag', md5Etag(data));
  },
);

op.check(
  {
    id: 'SigV4Presigned/unsigned-other-header',
    spec: '#query-string-auth-v4-signing',
    level: 'required',
    title: 'presigned GET (X-Amz-SignedHeaders=host) sent with extra headers that are not x-amz-* (Range, X-Custom) → accepted: 206 with the range',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html', 'The CanonicalHeaders list must include the following: HTTP host header. If the Content-Type header is present in the request, you must add it to the CanonicalHeaders list. Any x-amz-* headers that you plan to include in your request must also be added.'),
    ],
  },
  async ({ bucket, probe }) => {
    const res = await sendPresigned(rt, probeGet(bucket), { expiresIn: 300, afterSign: (r) => { r.headers.range = 'bytes=1-3'; r.headers['x-custom-header'] = 'value'; } });
    expectStatus(res, 206, 'presigned GET with unsigned Range and X-Custom-Header');
    expectBytes('presigned GET range 1-3', res.body, probe.subarray(1, 4));
  },
);

op.check(
  {
    id: 'SigV4Presigned/put-with-signed-acl',
    spec: '#query-string-auth-v4-signing',
    level: 'required',
    feature: 'acl',
    title: 'presigned PUT with x-amz-acl: public-read signed among the headers → 200, and an anonymous GET then reads the object',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html', 'Any x-amz-* headers that you plan to include in your request must also be added.'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html', 'Owner gets FULL_CONTROL. The AllUsers group (see Who is a grantee?) gets READ access.'),
    ],
  },
  async ({ bucket }) => {
    const key = 'presigned/public-read';
    const data = body(rt, 256, 'presigned-acl');
    const res = await sendPresigned(rt, { method: 'PUT', bucket, key, body: data, headers: { 'x-amz-acl': 'public-read' } }, { expiresIn: 300, signedHeaders: ['x-amz-acl'] });
    expectStatus(res, 200, 'presigned PUT with x-amz-acl');
    const anon = await raw(rt, { method: 'GET', bucket, key, auth: 'none' });
    expectStatus(anon, 200, 'anonymous GET of the public-read object');
    expectBytes('anonymous GET', anon.body, data);
  },
);

// ---- rejected: expiry --------------------------------------------------------------------------

op.check(
  {
    id: 'SigV4Presigned/expired',
    spec: '#query-string-auth-v4-signing',
    level: 'required',
    title: "presigned GET whose X-Amz-Date + X-Amz-Expires lies 9 minutes in the server's past → 403 AccessDenied",
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3PresignedUrl::test_s3_presigned_url_expired[s3v4]#expired-exception', 'AccessDenied "Request has expired" with X-Amz-Expires, Expires, ServerTime')],
  },
  async ({ bucket }) => {
    const date = new Date((await serverNow(rt)).getTime() - 10 * 60_000);
    expectRawError(await sendPresigned(rt, probeGet(bucket), { date, expiresIn: 60 }), { status: 403, code: 'AccessDenied' });
  },
);

op.check(
  {
    id: 'SigV4Presigned/expires-too-long',
    spec: '#query-string-auth-v4-signing',
    level: 'required',
    title: 'X-Amz-Expires=604801 (above the 7-day maximum of 604800) → 400 AuthorizationQueryParametersError',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html', 'This value is an integer. The minimum value you can set is 1, and the maximum is 604800 (seven days).'),
      peer('https://github.com/versity/versitygw/blob/main/s3err/presigned-urls.go', 'ExpiresTooLarge: 400 AuthorizationQueryParametersError "X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds" (text mirrors AWS)'),
    ],
  },
  async ({ bucket }) => {
    expectRawError(await sendPresigned(rt, probeGet(bucket), { expiresIn: 604801 }), { status: 400, code: 'AuthorizationQueryParametersError' });
  },
);

op.check(
  {
    id: 'SigV4Presigned/expires-negative',
    spec: '#query-string-auth-v4-signing',
    level: 'optional',
    title: 'X-Amz-Expires=-1 → 400 AuthorizationQueryParametersError',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html', 'This value is an integer. The minimum value you can set is 1, and the maximum is 604800 (seven days).'),
      peer('https://github.com/versity/versitygw/blob/main/tests/integration/presigned_urls.go', 'PresignedAuth_negative_expiration_query_param: → 400 AuthorizationQueryParametersError "X-Amz-Expires must be non-negative"'),
    ],
  },
  async ({ bucket }) => {
    expectRawError(await sendPresigned(rt, probeGet(bucket), { expiresIn: '-1' }), { status: 400, code: 'AuthorizationQueryParametersError' });
  },
);

op.check(
  {
    id: 'SigV4Presigned/expires-not-a-number',
    spec: '#query-string-auth-v4-signing',
    level: 'optional',
    title: 'X-Amz-Expires=abc → 400 AuthorizationQueryParametersError',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html', 'This value is an integer. The minimum value you can set is 1, and the maximum is 604800 (seven days).'),
      peer('https://github.com/versity/versitygw/blob/main/tests/integration/presigned_urls.go', 'PresignedAuth_invalid_expiration_query_param: → 400 AuthorizationQueryParametersError "X-Amz-Expires should be a number"'),
    ],
  },
  async ({ bucket }) => {
    expectRawError(await sendPresigned(rt, probeGet(bucket), { expiresIn: 'abc' }), { status: 400, code: 'AuthorizationQueryParametersError' });
  },
);

op.check(
  {
    id: 'SigV4Presigned/expires-zero',
    spec: '#query-string-auth-v4-signing',
    level: 'optional',
    title: 'X-Amz-Expires=0 (below the minimum of 1) → rejected: 403 AccessDenied (expired) or 400 AuthorizationQueryParametersError',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html', 'This value is an integer. The minimum value you can set is 1, and the maximum is 604800 (seven days).'),
      peer('https://github.com/ceph/s3-tests/blob/master/s3tests/functional/test_s3.py', 'test_object_raw_get_x_amz_expires_out_range_zero: X-Amz-Expires=0 → 403 AccessDenied'),
    ],
  },
  async ({ bucket }) => {
    // Signed 2 s ago, so a server that only compares times sees it expired whatever the round trip takes.
    const res = await sendPresigned(rt, probeGet(bucket), { date: new Date((await serverNow(rt)).getTime() - 2000), expiresIn: 0 });
    const code = res.error()?.code;
    const ok = (res.status === 403 && code === 'AccessDenied') || (res.status === 400 && code === 'AuthorizationQueryParametersError');
    if (!ok) fail('presigned GET with X-Amz-Expires=0: wrong answer', '403 AccessDenied | 400 AuthorizationQueryParametersError', `${res.status} ${code ?? ''}`.trim());
  },
);

op.check(
  {
    id: 'SigV4Presigned/not-yet-valid',
    spec: '#query-string-auth-v4-signing',
    level: 'optional',
    title: "presigned GET whose X-Amz-Date is 20 minutes in the server's future → 403 AccessDenied (request not valid yet)",
    evidence: [
      peer('https://github.com/versity/versitygw/blob/main/s3err/s3err.go', 'ErrRequestNotReadyYet: 403 AccessDenied "Request is not valid yet." (error text mirrors AWS)'),
    ],
  },
  async ({ bucket }) => {
    const date = new Date((await serverNow(rt)).getTime() + 20 * 60_000);
    expectRawError(await sendPresigned(rt, probeGet(bucket), { date, expiresIn: 300 }), { status: 403, code: 'AccessDenied' });
  },
);

// ---- rejected: parameters ----------------------------------------------------------------------

const MISSING = [
  { id: 'SigV4Presigned/missing-date', param: 'X-Amz-Date', ev: recorded('tests/aws/services/s3/test_s3.py::TestS3PresignedUrl::test_s3_put_presigned_url_missing_sig_param[s3v4]#missing-param-exception', 'X-Amz-Date removed: 400 AuthorizationQueryParametersError "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters."') },
  { id: 'SigV4Presigned/missing-expires', param: 'X-Amz-Expires', ev: recorded('tests/aws/services/s3/test_s3.py::TestS3PresignedUrl::test_s3_put_presigned_url_missing_sig_param[s3v4]#missing-param-exception', 'the same validation names X-Amz-Expires among the required parameters: 400 AuthorizationQueryParametersError') },
  { id: 'SigV4Presigned/missing-signature', param: 'X-Amz-Signature', ev: recorded('tests/aws/services/s3/test_s3.py::TestS3PresignedUrl::test_s3_put_presigned_url_missing_sig_param[s3v4]#missing-param-exception', 'the same validation names X-Amz-Signature among the required parameters: 400 AuthorizationQueryParametersError') },
  { id: 'SigV4Presigned/missing-credential', param: 'X-Amz-Credential', ev: recorded('tests/aws/services/s3/test_s3.py::TestS3PresignedUrl::test_s3_put_presigned_url_missing_sig_param[s3v4]#missing-param-exception', 'the same validation names X-Amz-Credential among the required parameters: 400 AuthorizationQueryParametersError') },
  { id: 'SigV4Presigned/missing-signed-headers', param: 'X-Amz-SignedHeaders', ev: recorded('tests/aws/services/s3/test_s3.py::TestS3PresignedUrl::test_s3_put_presigned_url_missing_sig_param[s3v4]#missing-param-exception', 'the same validation names X-Amz-SignedHeaders among the required parameters: 400 AuthorizationQueryParametersError') },
];
for (const m of MISSING) {
  op.check(
    {
      id: m.id,
      spec: '#query-string-auth-v4-signing',
      level: 'required',
      title: `presigned GET without the ${m.param} query parameter (the others present) → 400 AuthorizationQueryParametersError`,
      evidence: [m.ev],
    },
    async ({ bucket }) => {
      const res = await sendPresigned(rt, probeGet(bucket), { expiresIn: 300, afterSign: (r) => { delete r.query[m.param]; } });
      expectRawError(res, { status: 400, code: 'AuthorizationQueryParametersError' });
    },
  );
}

op.check(
  {
    id: 'SigV4Presigned/credential-malformed',
    spec: '#query-string-auth-v4-signing',
    level: 'required',
    title: "X-Amz-Credential whose '/' separators arrive as a literal %2F (double-encoded URL) → 400 AuthorizationQueryParametersError",
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3PresignedUrl::test_presigned_double_encoded_credentials#error-malformed', 'AuthorizationQueryParametersError "Error parsing the X-Amz-Credential parameter; the Credential is mal-formed"')],
  },
  async ({ bucket }) => {
    const res = await sendPresigned(rt, probeGet(bucket), { expiresIn: 300, afterSign: (r) => { r.query['X-Amz-Credential'] = String(r.query['X-Amz-Credential']).replace(/\//g, '%2F'); } });
    expectRawError(res, { status: 400, code: 'AuthorizationQueryParametersError' });
  },
);

op.check(
  {
    id: 'SigV4Presigned/wrong-region',
    spec: '#query-string-auth-v4-signing',
    level: 'required',
    title: 'presigned GET whose X-Amz-Credential names another region → 400 AuthorizationQueryParametersError',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3PresignedUrl::test_presigned_double_encoded_credentials#error-malformed', 'an X-Amz-Credential AWS cannot accept is a parameter error: 400 AuthorizationQueryParametersError "Error parsing the X-Amz-Credential parameter"'),
      peer('https://github.com/versity/versitygw/blob/main/s3err/presigned-urls.go', 'IncorrectRegion: 400 AuthorizationQueryParametersError "Error parsing the X-Amz-Credential parameter; the region ... is wrong; expecting ..." (text mirrors AWS)'),
    ],
  },
  async ({ bucket }) => {
    expectRawError(await sendPresigned(rt, probeGet(bucket), { region: otherRegion(rt), expiresIn: 300 }), { status: 400, code: 'AuthorizationQueryParametersError' });
  },
);

op.check(
  {
    id: 'SigV4Presigned/wrong-service',
    spec: '#query-string-auth-v4-signing',
    level: 'optional',
    title: 'presigned GET whose X-Amz-Credential names service "ec2" → 400 AuthorizationQueryParametersError',
    evidence: [
      peer('https://github.com/versity/versitygw/blob/main/tests/integration/presigned_urls.go', 'PresignedAuth_creds_incorrect_service: → 400 AuthorizationQueryParametersError "Error parsing the X-Amz-Credential parameter; incorrect service \\"ec2\\". This endpoint belongs to \\"s3\\"."'),
    ],
  },
  async ({ bucket }) => {
    expectRawError(await sendPresigned(rt, probeGet(bucket), { service: 'ec2', expiresIn: 300 }), { status: 400, code: 'AuthorizationQueryParametersError' });
  },
);

op.check(
  {
    id: 'SigV4Presigned/wrong-terminator',
    spec: '#query-string-auth-v4-signing',
    level: 'optional',
    title: 'presigned GET whose X-Amz-Credential ends in "aws5_request" → 400 AuthorizationQueryParametersError',
    evidence: [
      peer('https://github.com/versity/versitygw/blob/main/tests/integration/presigned_urls.go', 'PresignedAuth_creds_invalid_terminal: → 400 AuthorizationQueryParametersError "Error parsing the X-Amz-Credential parameter; incorrect terminal ... This endpoint uses \\"aws4_request\\"."'),
    ],
  },
  async ({ bucket }) => {
    expectRawError(await sendPresigned(rt, probeGet(bucket), { terminator: 'aws5_request', expiresIn: 300 }), { status: 400, code: 'AuthorizationQueryParametersError' });
  },
);

op.check(
  {
    id: 'SigV4Presigned/credential-invalid-date',
    spec: '#query-string-auth-v4-signing',
    level: 'optional',
    title: 'X-Amz-Credential whose date is not yyyyMMdd → 400 AuthorizationQueryParametersError',
    evidence: [
      peer('https://github.com/versity/versitygw/blob/main/tests/integration/presigned_urls.go', 'PresignedAuth_creds_invalid_date: → 400 AuthorizationQueryParametersError "Error parsing the X-Amz-Credential parameter; incorrect date format ... yyyyMMdd"'),
    ],
  },
  async ({ bucket }) => {
    const res = await sendPresigned(rt, probeGet(bucket), { expiresIn: 300, afterSign: (r) => { r.query['X-Amz-Credential'] = String(r.query['X-Amz-Credential']).replace(/\/\d{8}\//, '/3223423234/'); } });
    expectRawError(res, { status: 400, code: 'AuthorizationQueryParametersError' });
  },
);

op.check(
  {
    id: 'SigV4Presigned/dates-mismatch',
    spec: '#query-string-auth-v4-signing',
    level: 'optional',
    title: 'X-Amz-Credential date one day before the X-Amz-Date date → 400 AuthorizationQueryParametersError',
    evidence: [
      peer('https://github.com/versity/versitygw/blob/main/tests/integration/presigned_urls.go', 'PresignedAuth_dates_mismatch: → 400 AuthorizationQueryParametersError "Invalid credential date ... This date is not the same as X-Amz-Date"'),
    ],
  },
  async ({ bucket }) => {
    const now = await serverNow(rt);
    const before = credentialScope({ date: new Date(now.getTime() - 86400_000), region: rt.region }).slice(0, 8);
    const res = await sendPresigned(rt, probeGet(bucket), { date: now, expiresIn: 300, afterSign: (r) => { r.query['X-Amz-Credential'] = String(r.query['X-Amz-Credential']).replace(/\/\d{8}\//, `/${before}/`); } });
    expectRawError(res, { status: 400, code: 'AuthorizationQueryParametersError' });
  },
);

op.check(
  {
    id: 'SigV4Presigned/unsupported-algorithm',
    spec: '#query-string-auth-v4-signing',
    level: 'optional',
    title: 'X-Amz-Algorithm=AWS4-HMAC-SHA512 → 400 AuthorizationQueryParametersError',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html', 'Identifies the version of AWS Signature and the algorithm that you used to calculate the signature. For AWS Signature Version 4, you set this parameter value to AWS4-HMAC-SHA256.'),
      peer('https://github.com/versity/versitygw/blob/main/s3err/presigned-urls.go', 'UnsupportedAlgorithm: 400 AuthorizationQueryParametersError "X-Amz-Algorithm only supports \\"AWS4-HMAC-SHA256 and AWS4-ECDSA-P256-SHA256\\"" (text mirrors AWS)'),
    ],
  },
  async ({ bucket }) => {
    const res = await sendPresigned(rt, probeGet(bucket), { expiresIn: 300, afterSign: (r) => { r.query['X-Amz-Algorithm'] = 'AWS4-HMAC-SHA512'; } });
    expectRawError(res, { status: 400, code: 'AuthorizationQueryParametersError' });
  },
);

// ---- rejected: signature and keys --------------------------------------------------------------

op.check(
  {
    id: 'SigV4Presigned/wrong-secret',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'presigned GET signed with a wrong secret key → 403 SignatureDoesNotMatch',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3PresignedUrl::test_presigned_url_signature_authentication[s3v4-False]#invalid-get-1', 'a presigned GET whose signature does not match: 403 SignatureDoesNotMatch'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'The request signature we calculated does not match the signature you provided. Check your AWS secret access key and signing method.'),
    ],
  },
  async ({ bucket }) => {
    const keys = { accessKeyId: rt.credentials.accessKeyId, secretAccessKey: `${rt.credentials.secretAccessKey}x` };
    expectRawError(await sendPresigned(rt, probeGet(bucket), { keys, expiresIn: 300 }), { status: 403, code: 'SignatureDoesNotMatch' });
  },
);

op.check(
  {
    id: 'SigV4Presigned/unknown-access-key',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'presigned GET whose X-Amz-Credential names an access key the target does not know → 403 InvalidAccessKeyId',
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'The AWS access key ID that you provided does not exist in our records.')],
  },
  async ({ bucket }) => {
    const keys = { accessKeyId: 'AKIAS3CUNKNOWN000000', secretAccessKey: 'unknown-secret-of-an-unknown-key-000000' };
    expectRawError(await sendPresigned(rt, probeGet(bucket), { keys, expiresIn: 300 }), { status: 403, code: 'InvalidAccessKeyId' });
  },
);

op.check(
  {
    id: 'SigV4Presigned/tampered-query',
    spec: '#query-string-auth-v4-signing',
    level: 'required',
    title: 'presigned GET with response-content-type signed, sent with another value of it → 403 SignatureDoesNotMatch',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3PresignedUrl::test_presigned_url_signature_authentication[s3v4-False]#invalid-get-1', 'the signed response-* query parameters changed: 403 SignatureDoesNotMatch'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'The request signature we calculated does not match the signature you provided. Check your AWS secret access key and signing method.'),
    ],
  },
  async ({ bucket }) => {
    const res = await sendPresigned(rt, { ...probeGet(bucket), query: { 'response-content-type': 'text/plain' } }, { expiresIn: 300, afterSign: (r) => { r.query['response-content-type'] = 'text/html'; } });
    expectRawError(res, { status: 403, code: 'SignatureDoesNotMatch' });
  },
);

op.check(
  {
    id: 'SigV4Presigned/tampered-method',
    spec: '#query-string-auth-v4-signing',
    level: 'required',
    title: 'a URL presigned for GET sent as PUT → 403 SignatureDoesNotMatch, nothing stored',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3PresignedUrl::test_presigned_url_signature_authentication[s3v4-False]#invalid-put-1', 'a presigned PUT that does not match what was signed: 403 SignatureDoesNotMatch'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html', 'HTTPMethod is one of the HTTP methods, for example GET, PUT, HEAD, and DELETE.'),
    ],
  },
  async ({ bucket }) => {
    const key = 'presigned/tampered-method';
    const res = await sendPresigned(rt, { method: 'GET', bucket, key, body: 'x' }, { expiresIn: 300, afterSign: (r) => { r.method = 'PUT'; } });
    expectRawError(res, { status: 403, code: 'SignatureDoesNotMatch' });
    await expectS3Error(s3(rt).send(new HeadObjectCommand({ Bucket: bucket, Key: key })), { status: 404 }, 'HeadObject after the rejected PUT');
  },
);

op.check(
  {
    id: 'SigV4Presigned/unsigned-amz-header',
    spec: '#query-string-auth-v4-signing',
    level: 'required',
    title: 'presigned PUT sent with an x-amz-meta-* header that X-Amz-SignedHeaders does not name → 403 AccessDenied, nothing stored',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3PresignedUrl::test_put_url_metadata_with_sig_s3v4[False]#wrong-meta-headers', 'AccessDenied "There were headers present in the request which were not signed", HeadersNotSigned x-amz-meta-wrong')],
  },
  async ({ bucket }) => {
    const key = 'presigned/unsigned-meta';
    const res = await sendPresigned(rt, { method: 'PUT', bucket, key, body: 'x' }, { expiresIn: 300, afterSign: (r) => { r.headers['x-amz-meta-wrong'] = 'wrong'; } });
    expectRawError(res, { status: 403, code: 'AccessDenied' });
    await expectS3Error(s3(rt).send(new HeadObjectCommand({ Bucket: bucket, Key: key })), { status: 404 }, 'HeadObject after the rejected PUT');
  },
);

op.check(
  {
    id: 'SigV4Presigned/unsigned-acl-header',
    spec: '#query-string-auth-v4-signing',
    level: 'required',
    title: 'presigned PUT sent with an x-amz-acl: public-read header that X-Amz-SignedHeaders does not name → 403 AccessDenied, nothing stored',
    evidence: [
      recorded(
        'tests/aws/services/s3/test_s3.py::TestS3PresignedUrl::test_put_object_with_md5_and_chunk_signature_bad_headers[s3v4-True]#with-decoded-content-length',
        'a presigned PUT with x-amz-* headers it did not sign (not only x-amz-meta-*): AccessDenied "There were headers present in the request which were not signed"',
      ),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html', 'Any x-amz-* headers that you plan to include in your request must also be added.'),
    ],
  },
  async ({ bucket }) => {
    const key = 'presigned/unsigned-acl';
    const res = await sendPresigned(rt, { method: 'PUT', bucket, key, body: 'x' }, { expiresIn: 300, afterSign: (r) => { r.headers['x-amz-acl'] = 'public-read'; } });
    expectRawError(res, { status: 403, code: 'AccessDenied' }, 'presigned PUT with an unsigned x-amz-acl');
    await expectS3Error(s3(rt).send(new HeadObjectCommand({ Bucket: bucket, Key: key })), { status: 404 }, 'HeadObject after the rejected PUT');
  },
);

// ---- the fields of the rejections --------------------------------------------------------------

/** The query of a presigned GET of the probe signed with a wrong secret, as sent, and the answer. */
async function wrongSecretGet(bucket: string): Promise<{ res: RawResponse; query: Record<string, string>; path: string }> {
  const keys = { accessKeyId: rt.credentials.accessKeyId, secretAccessKey: `${rt.credentials.secretAccessKey}x` };
  const query: Record<string, string> = {};
  let path = '';
  const res = await sendPresigned(rt, probeGet(bucket), {
    keys,
    expiresIn: 300,
    afterSign: (r) => {
      for (const [k, v] of Object.entries(r.query)) query[k] = String(v);
      path = r.path;
    },
  });
  expectRawError(res, { status: 403, code: 'SignatureDoesNotMatch' }, 'presigned GET signed with a wrong secret');
  return { res, query, path };
}

op.check(
  {
    id: 'SigV4Presigned/signature-mismatch-names-access-key',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'the SignatureDoesNotMatch error of a presigned GET names the access key of X-Amz-Credential in <AWSAccessKeyId>, exactly',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3PresignedUrl::test_presigned_url_signature_authentication[s3v4-False]#invalid-get-1', 'SignatureDoesNotMatch with AWSAccessKeyId = the access key of the presigned URL (masked <a-w-s-access-key-id:1>)'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3PresignedUrl::test_s3_put_presigned_url_with_different_headers[s3v4]#content-type-exception', 'presigned PUT, SignatureDoesNotMatch: AWSAccessKeyId present'),
    ],
  },
  async ({ bucket }) => {
    const { res } = await wrongSecretGet(bucket);
    expectEqual('<Error><AWSAccessKeyId>', res.error()?.aWSAccessKeyId, rt.credentials.accessKeyId);
  },
);

op.check(
  {
    id: 'SigV4Presigned/signature-mismatch-names-signature',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'optional', // the recordings show the element, its value masked: the value asserted is what its name says
    title: 'the SignatureDoesNotMatch error of a presigned GET carries <SignatureProvided>: the X-Amz-Signature sent, exactly',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3PresignedUrl::test_presigned_url_signature_authentication[s3v4-False]#invalid-get-1', 'SignatureDoesNotMatch with SignatureProvided (masked <signature-provided:1>)'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3PresignedUrl::test_s3_put_presigned_url_same_header_and_qs_parameter#double-header-query-string', 'presigned PUT, SignatureDoesNotMatch: SignatureProvided present'),
    ],
  },
  async ({ bucket }) => {
    const { res, query } = await wrongSecretGet(bucket);
    expectEqual('<Error><SignatureProvided>', res.error()?.signatureProvided, query['X-Amz-Signature']);
  },
);

op.check(
  {
    id: 'SigV4Presigned/signature-mismatch-string-to-sign',
    spec: '#query-string-auth-v4-signing',
    level: 'optional', // the recordings show the element, its value masked: the layout asserted is SigV4's definition
    title: 'the SignatureDoesNotMatch error of a presigned GET carries <StringToSign>: AWS4-HMAC-SHA256, the X-Amz-Date sent, the credential scope sent, then a SHA-256 hex',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3PresignedUrl::test_presigned_url_signature_authentication[s3v4-False]#invalid-get-1', 'SignatureDoesNotMatch with StringToSign (masked <string-to-sign>) and StringToSignBytes'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3PresignedUrl::test_s3_put_presigned_url_with_different_headers[s3v4]#content-type-exception', 'presigned PUT, SignatureDoesNotMatch: StringToSign present (the SigV4 string to sign: algorithm, X-Amz-Date, scope, hash of the canonical request)'),
    ],
  },
  async ({ bucket }) => {
    const { res, query } = await wrongSecretGet(bucket);
    const sts = res.error()?.stringToSign;
    const scope = (query['X-Amz-Credential'] ?? '').split('/').slice(1).join('/');
    const lines = sts === undefined ? undefined : sts.replace(/\r\n/g, '\n').split('\n');
    expectEqual('<Error><StringToSign> lines 1-3', lines?.slice(0, 3), ['AWS4-HMAC-SHA256', query['X-Amz-Date'], scope]);
    expectMatch('<Error><StringToSign> line 4 (hash of the canonical request)', lines?.[3] ?? '(absent)', /^[0-9a-f]{64}$/);
  },
);

op.check(
  {
    id: 'SigV4Presigned/signature-mismatch-canonical-request',
    spec: '#query-string-auth-v4-signing',
    level: 'optional', // the recordings show the element, its value masked: the layout asserted is SigV4's definition
    title: 'the SignatureDoesNotMatch error of a presigned GET carries <CanonicalRequest>: the method, the path sent, and UNSIGNED-PAYLOAD as its last line',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3PresignedUrl::test_presigned_url_signature_authentication[s3v4-False]#invalid-get-1', 'SigV4 SignatureDoesNotMatch with CanonicalRequest (masked <canonical-request>) and CanonicalRequestBytes'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html', 'Unsigned payload option – You include the literal string UNSIGNED-PAYLOAD when constructing a canonical request'),
    ],
  },
  async ({ bucket }) => {
    const { res, path } = await wrongSecretGet(bucket);
    const cr = res.error()?.canonicalRequest;
    const lines = cr === undefined ? undefined : cr.replace(/\r\n/g, '\n').split('\n');
    expectEqual('<Error><CanonicalRequest> lines 1-2', lines?.slice(0, 2), ['GET', path]);
    expectEqual('<Error><CanonicalRequest> last line', lines?.at(-1), 'UNSIGNED-PAYLOAD');
  },
);

op.check(
  {
    id: 'SigV4Presigned/expired-names-expiry',
    spec: '#query-string-auth-v4-signing',
    level: 'required',
    title: 'the AccessDenied error of an expired presigned GET carries <X-Amz-Expires> = the value sent, <Expires> = X-Amz-Date + X-Amz-Expires, and a <ServerTime> after it',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3PresignedUrl::test_s3_presigned_url_expired[s3v4]#expired-exception', 'AccessDenied "Request has expired" with X-Amz-Expires "2" (the ExpiresIn sent), Expires and ServerTime (dates, masked)'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3PresignedUrl::test_presigned_url_signature_authentication_expired[s3v4-False]#expired', 'AccessDenied "Request has expired" with X-Amz-Expires "1", Expires, ServerTime'),
    ],
  },
  async ({ bucket }) => {
    const date = new Date(Math.floor(((await serverNow(rt)).getTime() - 10 * 60_000) / 1000) * 1000);
    const res = await sendPresigned(rt, probeGet(bucket), { date, expiresIn: 60 });
    expectRawError(res, { status: 403, code: 'AccessDenied' }, 'expired presigned GET');
    const e = res.error();
    expectEqual('<Error><X-Amz-Expires>', e?.['x-Amz-Expires'], '60');
    const expires = e?.expires === undefined ? undefined : new Date(e.expires);
    expectEqual('<Error><Expires> (X-Amz-Date + 60 s)', expires && !Number.isNaN(expires.getTime()) ? expires.toISOString() : (e?.expires ?? '(absent)'), new Date(date.getTime() + 60_000).toISOString());
    const server = e?.serverTime === undefined ? NaN : new Date(e.serverTime).getTime();
    if (!(server > date.getTime() + 60_000)) fail('<Error><ServerTime> must be a date after <Expires>', `a date after ${new Date(date.getTime() + 60_000).toISOString()}`, e?.serverTime ?? '(absent)');
  },
);

op.check(
  {
    id: 'SigV4Presigned/unsigned-amz-header-named',
    spec: '#query-string-auth-v4-signing',
    level: 'required',
    title: 'the AccessDenied error of a presigned PUT sent with an unsigned x-amz-meta-wrong header names it in <HeadersNotSigned>, exactly',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3PresignedUrl::test_put_url_metadata_with_sig_s3v4[False]#wrong-meta-headers', 'AccessDenied "There were headers present in the request which were not signed", HeadersNotSigned "x-amz-meta-wrong"'),
    ],
  },
  async ({ bucket }) => {
    const res = await sendPresigned(rt, { method: 'PUT', bucket, key: 'presigned/unsigned-meta-named', body: 'x' }, { expiresIn: 300, afterSign: (r) => { r.headers['x-amz-meta-wrong'] = 'wrong'; } });
    expectRawError(res, { status: 403, code: 'AccessDenied' }, 'presigned PUT with an unsigned x-amz-meta-wrong');
    expectEqual('<Error><HeadersNotSigned>', res.error()?.headersNotSigned, 'x-amz-meta-wrong');
  },
);
