/**
 * The faults of the auth area (SigV4, SigV4Presigned, SigV2, Anonymous): plausible bugs of an S3
 * layer's request authentication — a wrong signature, an unknown key, a skewed date, an expired or
 * over-long presigned URL, a wrong region or payload hash accepted; unsigned headers ignored; wrong
 * error codes or statuses; private objects readable anonymously. One per behaviour class the
 * reference Swift + s3api server gets right (its aws-chunked uploads are not implemented, so the
 * streaming checks cannot be validated here). See kit.ts for the shape of a fault.
 */
import { acceptRejected, accessKeyOf, dropHeaders, editElements, errorCode, recode, withoutElement, type Fault } from './kit.ts';
import { queryOf, type ProxyRequest, type ProxyResponse } from '../proxy.ts';

/** Keys of the local reference servers' real users (harness/config/targets.ts). */
const KNOWN_KEYS = new Set(['S3RVER', 'test:tester', 'test:tester3', 'test2:tester2', 'testkey', 'testkey2']);

const unsignedRequest = (req: ProxyRequest): boolean => req.headers.authorization === undefined && !queryOf(req.url).has('X-Amz-Signature') && !queryOf(req.url).has('Signature');

export const AUTH_FAULTS: Fault[] = [
  // ---- the first catalogue (auth/…) -------------------------------------------------------------
  {
    id: 'auth/accepts-wrong-signature',
    area: 'auth',
    operation: 'SigV4',
    description: 'A wrong signature is accepted (403 SignatureDoesNotMatch turned into 200)',
    only: ['SigV4/'],
    onResponse: acceptRejected('any', ['SignatureDoesNotMatch'], 403),
  },
  {
    id: 'auth/accepts-unknown-key',
    area: 'auth',
    operation: 'SigV4',
    description: 'A request signed with an access key the server does not know is accepted (its 403 turned into 200)',
    only: ['SigV4/'],
    onResponse: acceptRejected('any', ['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'AccessDenied'], 403, (req) => {
      const key = accessKeyOf(req);
      return key !== undefined && !KNOWN_KEYS.has(key);
    }),
  },
  {
    id: 'auth/accepts-skewed-date',
    area: 'auth',
    operation: 'SigV4',
    description: 'A request dated 16 minutes off is accepted (RequestTimeTooSkewed turned into 200)',
    only: ['SigV4/'],
    onResponse: acceptRejected('any', ['RequestTimeTooSkewed'], 403),
  },
  {
    id: 'auth/accepts-expired-presigned-url',
    area: 'auth',
    operation: 'SigV4Presigned',
    description: 'An expired presigned URL is accepted (403 AccessDenied turned into 200)',
    only: ['SigV4Presigned/'],
    onResponse: acceptRejected('any', ['AccessDenied'], 403, (req) => queryOf(req.url).has('X-Amz-Expires')),
  },
  {
    id: 'auth/accepts-wrong-region',
    area: 'auth',
    operation: 'SigV4',
    description: 'A credential scope with the wrong region is accepted (AuthorizationHeaderMalformed turned into 200)',
    only: ['SigV4/'],
    onResponse: acceptRejected('any', ['AuthorizationHeaderMalformed'], 400),
  },
  {
    id: 'auth/accepts-payload-hash-mismatch',
    area: 'auth',
    operation: 'SigV4',
    description: 'A body that does not match x-amz-content-sha256 is accepted (XAmzContentSHA256Mismatch turned into 200)',
    only: ['SigV4/'],
    onResponse: acceptRejected('any', ['XAmzContentSHA256Mismatch', 'BadDigest'], 400),
  },
  // ---- second round (auth2/…) -------------------------------------------------------------------
  {
    id: 'auth2/skew-as-400',
    area: 'auth',
    operation: 'SigV4',
    description: 'RequestTimeTooSkewed is answered with status 400 instead of 403',
    only: ['SigV4/date-skew'],
    onResponse: (req, res) => (errorCode(res) === 'RequestTimeTooSkewed' ? { ...res, status: 400 } : undefined),
  },
  {
    id: 'auth2/future-date-accepted',
    area: 'auth',
    operation: 'SigV4',
    description: 'only past-dated requests are checked for skew: a request dated 16 minutes in the future is accepted',
    only: ['SigV4/date-skew'],
    onResponse: acceptRejected('any', ['RequestTimeTooSkewed'], 403, (req) => {
      const d = String(req.headers['x-amz-date'] ?? '');
      const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(d);
      return m !== null && Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) > Date.now();
    }),
  },
  {
    id: 'auth2/missing-date-wrong-code',
    area: 'auth',
    operation: 'SigV4',
    description: 'a SigV4 request without any date is answered 400 AuthorizationHeaderMalformed instead of 403 AccessDenied',
    only: ['SigV4/missing-date'],
    onResponse: (req, res) =>
      req.headers['x-amz-date'] === undefined && req.headers.date === undefined && String(req.headers.authorization ?? '').startsWith('AWS4-') && res.status >= 400
        ? recode(res, 'AuthorizationHeaderMalformed', 400)
        : undefined,
  },
  {
    id: 'auth2/unsigned-payload-rejected',
    area: 'auth',
    operation: 'SigV4',
    description: 'x-amz-content-sha256: UNSIGNED-PAYLOAD is refused with 403 SignatureDoesNotMatch',
    only: ['SigV4/unsigned-payload'],
    onRequest: (req) =>
      req.headers['x-amz-content-sha256'] === 'UNSIGNED-PAYLOAD' && req.headers.authorization !== undefined
        ? { status: 403, headers: { 'content-type': 'application/xml' }, body: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Error><Code>SignatureDoesNotMatch</Code><Message>fault</Message></Error>') }
        : undefined,
  },
  {
    id: 'auth2/presigned-wrong-signature-accepted',
    area: 'auth',
    operation: 'SigV4Presigned',
    description: 'a presigned URL with a wrong signature is accepted (SignatureDoesNotMatch turned into 200)',
    only: ['SigV4Presigned/'],
    onResponse: acceptRejected('any', ['SignatureDoesNotMatch'], 403, (req) => queryOf(req.url).has('X-Amz-Signature')),
  },
  {
    id: 'auth2/presigned-expires-limit-ignored',
    area: 'auth',
    operation: 'SigV4Presigned',
    description: 'X-Amz-Expires above 604800 is accepted (any rejection of such a URL turned into 200 with the object)',
    only: ['SigV4Presigned/expires-too-long'],
    onResponse: (req, res) => (Number(queryOf(req.url).get('X-Amz-Expires') ?? 0) > 604800 && res.status >= 400 ? { status: 200, headers: { 'content-type': 'text/plain' }, body: Buffer.from('fault') } : undefined),
  },
  {
    id: 'auth2/sigv2-wrong-signature-accepted',
    area: 'auth',
    operation: 'SigV2',
    description: 'a SigV2 request with a wrong signature is accepted (SignatureDoesNotMatch turned into 200)',
    only: ['SigV2/'],
    onResponse: acceptRejected('any', ['SignatureDoesNotMatch'], 403, (req) => String(req.headers.authorization ?? '').startsWith('AWS ')),
  },
  {
    id: 'auth2/anonymous-private-readable',
    area: 'auth',
    operation: 'Anonymous',
    description: 'an unauthenticated GET of a private object answers 200 with a body',
    only: ['Anonymous/'],
    onResponse: (req, res) =>
      unsignedRequest(req) && req.method === 'GET' && pathHasKey(req.url) && res.status >= 400 ? { status: 200, headers: { 'content-type': 'text/plain' }, body: Buffer.from('private') } : undefined,
  },
  {
    id: 'auth2/unsigned-payload-skips-signature',
    area: 'auth',
    operation: 'SigV4',
    description: 'the signature of a request with x-amz-content-sha256: UNSIGNED-PAYLOAD is not verified (SignatureDoesNotMatch turned into 200)',
    only: ['SigV4/unsigned-payload'],
    onResponse: acceptRejected('any', ['SignatureDoesNotMatch'], 403, (req) => req.headers['x-amz-content-sha256'] === 'UNSIGNED-PAYLOAD'),
  },
  {
    id: 'auth2/sigv2-skew-ignored',
    area: 'auth',
    operation: 'SigV2',
    description: 'the Date of a SigV2 request is not checked for skew (RequestTimeTooSkewed turned into 200)',
    only: ['SigV2/'],
    onResponse: acceptRejected('any', ['RequestTimeTooSkewed'], 403, (req) => String(req.headers.authorization ?? '').startsWith('AWS ')),
  },
  {
    id: 'auth2/error-without-code',
    area: 'auth',
    operation: 'SigV4',
    description: 'auth errors carry an empty <Code/> element (status kept)',
    only: ['SigV4/wrong-secret', 'SigV4/signed-header-changed'],
    onResponse: (req, res) => (errorCode(res) === 'SignatureDoesNotMatch' ? { ...res, body: Buffer.from(res.body.toString('utf8').replace(/<Code>[^<]*<\/Code>/, '<Code></Code>')) } : undefined),
  },
  {
    id: 'auth2/head-drops-etag-presigned',
    area: 'auth',
    operation: 'SigV4Presigned',
    description: 'a presigned HEAD answers without ETag',
    only: ['SigV4Presigned/head'],
    onResponse: (req, res) => (queryOf(req.url).has('X-Amz-Signature') ? dropHeaders(['HeadObject'], (n) => n === 'etag')?.(req, res) : undefined),
  },
  // ---- depth checks (auth3/…) -------------------------------------------------------------------
  {
    id: 'auth3/unsigned-amz-header-accepted',
    area: 'auth',
    operation: ['SigV4', 'SigV4Presigned'],
    description: 'x-amz-* headers left out of the signed headers are ignored (403 AccessDenied turned into 200)',
    only: ['SigV4/unsigned-amz-header', 'SigV4Presigned/unsigned-amz-header'],
    onResponse: acceptRejected('any', ['AccessDenied'], 403, (req) => req.headers['x-amz-meta-unsigned'] !== undefined || req.headers['x-amz-meta-wrong'] !== undefined),
  },
  {
    id: 'auth3/query-parameter-error-as-access-denied',
    area: 'auth',
    operation: 'SigV4Presigned',
    description: 'presigned-URL parameter errors (X-Amz-Expires out of range or not a number) answer 403 AccessDenied instead of 400 AuthorizationQueryParametersError',
    only: ['SigV4Presigned/expires-'],
    onResponse: (req, res) => (queryOf(req.url).has('X-Amz-Expires') && errorCode(res) === 'AuthorizationQueryParametersError' ? recode(res, 'AccessDenied', 403) : undefined),
  },
  {
    id: 'auth3/malformed-scope-as-signature-mismatch',
    area: 'auth',
    operation: 'SigV4',
    description: 'a malformed Authorization header or credential scope answers 403 SignatureDoesNotMatch instead of 400 AuthorizationHeaderMalformed',
    only: ['SigV4/credential-', 'SigV4/scope-', 'SigV4/missing-signed-headers'],
    onResponse: (req, res) => (errorCode(res) === 'AuthorizationHeaderMalformed' ? recode(res, 'SignatureDoesNotMatch', 403) : undefined),
  },
  {
    id: 'auth3/sigv2-bad-date-as-invalid-argument',
    area: 'auth',
    operation: 'SigV2',
    description: 'a SigV2 request with a missing, empty or unparsable date answers 400 InvalidArgument instead of 403 AccessDenied',
    only: ['SigV2/amz-date-', 'SigV2/no-date'],
    onResponse: (req, res) => (String(req.headers.authorization ?? '').startsWith('AWS ') && errorCode(res) === 'AccessDenied' ? recode(res, 'InvalidArgument', 400) : undefined),
  },
  // ---- error fields (auth4/…) -------------------------------------------------------------------
  {
    id: 'auth4/signature-mismatch-other-signature',
    area: 'auth',
    operation: 'SigV4Presigned',
    description: "the <SignatureProvided> of a presigned URL's SignatureDoesNotMatch error is the signature the server computed, not the X-Amz-Signature sent",
    only: ['SigV4Presigned/signature-mismatch-names-signature'],
    onResponse: presignedErrorEdit('SignatureDoesNotMatch', (xml) => editElements(xml, 'SignatureProvided', (v) => v.split('').reverse().join(''))),
  },
  {
    id: 'auth4/signature-mismatch-wrong-access-key',
    area: 'auth',
    operation: 'SigV4Presigned',
    description: 'the SignatureDoesNotMatch error of a presigned URL names another access key in <AWSAccessKeyId> than the one of X-Amz-Credential',
    only: ['SigV4Presigned/signature-mismatch-names-access-key'],
    onResponse: presignedErrorEdit('SignatureDoesNotMatch', (xml) => editElements(xml, 'AWSAccessKeyId', (v) => `${v}-other`)),
  },
  {
    id: 'auth4/string-to-sign-server-date',
    area: 'auth',
    operation: 'SigV4Presigned',
    description: "the <StringToSign> of a presigned URL's SignatureDoesNotMatch error carries another timestamp than the X-Amz-Date sent (the server's clock)",
    only: ['SigV4Presigned/signature-mismatch-string-to-sign'],
    onResponse: presignedErrorEdit('SignatureDoesNotMatch', (xml) => editElements(xml, 'StringToSign', (v) => v.replace(/^(AWS4-HMAC-SHA256\r?\n)\d{8}T\d{6}Z/, '$119700101T000000Z'))),
  },
  {
    id: 'auth4/canonical-request-path-without-bucket',
    area: 'auth',
    operation: 'SigV4Presigned',
    description: "the <CanonicalRequest> of a presigned URL's SignatureDoesNotMatch error shows the path without its bucket segment",
    only: ['SigV4Presigned/signature-mismatch-canonical-request'],
    onResponse: presignedErrorEdit('SignatureDoesNotMatch', (xml) => editElements(xml, 'CanonicalRequest', (v) => v.replace(/^([A-Z]+\r?\n)\/[^/\r\n]+/, '$1'))),
  },
  {
    id: 'auth4/headers-not-signed-dropped',
    area: 'auth',
    operation: 'SigV4Presigned',
    description: 'the AccessDenied error of a presigned PUT with an unsigned x-amz-* header omits <HeadersNotSigned>',
    only: ['SigV4Presigned/unsigned-amz-header-named'],
    onResponse: presignedErrorEdit('AccessDenied', (xml) => xml.replace(/<HeadersNotSigned>[^<]*<\/HeadersNotSigned>/g, '')),
  },
  // ---- the x-amz-* headers that must be signed (auth5/…) ------------------------------------------
  {
    id: 'auth5/unsigned-acl-grant-copy-accepted',
    area: 'auth',
    operation: ['SigV4', 'SigV4Presigned'],
    description: 'only x-amz-meta-* headers must be signed: a request with an unsigned x-amz-acl, x-amz-grant-* or x-amz-copy-source is accepted (403 AccessDenied turned into 200)',
    only: ['SigV4/unsigned-acl-header', 'SigV4/unsigned-grant-header', 'SigV4/unsigned-copy-source', 'SigV4Presigned/unsigned-acl-header'],
    onResponse: acceptRejected('any', ['AccessDenied'], 403, (req) => Object.keys(req.headers).some((h) => h === 'x-amz-acl' || h === 'x-amz-copy-source' || h.startsWith('x-amz-grant-'))),
  },
  {
    id: 'auth5/headers-not-signed-dropped-header-auth',
    area: 'auth',
    operation: 'SigV4',
    description: 'the AccessDenied error of a header-signed PUT with an unsigned x-amz-meta-* header omits <HeadersNotSigned>',
    only: ['SigV4/unsigned-amz-header-named'],
    onResponse: (req, res) => (!queryOf(req.url).has('X-Amz-Signature') && errorCode(res) === 'AccessDenied' ? withoutElement(res, 'HeadersNotSigned') : undefined),
  },
];

/** Rewrite the body of a presigned request's error answer with this code. */
function presignedErrorEdit(code: string, edit: (xml: string) => string): (req: ProxyRequest, res: ProxyResponse) => ProxyResponse | undefined {
  return (req, res) => {
    if (!queryOf(req.url).has('X-Amz-Signature') || errorCode(res) !== code) return undefined;
    const xml = res.body.toString('utf8');
    const out = edit(xml);
    return out === xml ? undefined : { ...res, body: Buffer.from(out) };
  };
}

function pathHasKey(url: string): boolean {
  const path = url.split('?')[0] ?? '/';
  return /^\/[^/]+\/.+/.test(path);
}