/**
 * Faults of the auth area added with the depth checks (see faults.ts for the shape of a fault):
 * one per behaviour class the new checks enforce that the reference Swift + s3api server gets right
 * (its aws-chunked uploads are not implemented, so the streaming checks cannot be validated here).
 */
import { acceptRejected, errorCode, type Fault } from './fault-kit.ts';
import { queryOf, type ProxyResponse } from './proxy.ts';

/** Rewrite an error answer's code and status. */
function recode(res: ProxyResponse, code: string, status: number): ProxyResponse {
  return { ...res, status, body: Buffer.from(res.body.toString('utf8').replace(/<Code>[^<]*<\/Code>/, `<Code>${code}</Code>`)) };
}

export const AUTH_FAULTS: Fault[] = [
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
];
