/**
 * The project's own AWS Signature Version 4 signer: small and readable, for the requests the SDK
 * will not build (tampered scopes, skewed dates, signed chunks, presigned forms with any expiry).
 * It follows the S3 pages of the AWS documentation step by step:
 *   canonical request → string to sign → signing key → signature
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html
 * S3 specifics: the canonical URI is the path as sent, encoded once (no double encoding, no
 * `.`/`..`/`//` normalisation), and the payload hash is always part of the canonical request.
 */
import { createHash, createHmac } from 'node:crypto';

export const ALGORITHM = 'AWS4-HMAC-SHA256';
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
export const STREAMING_PAYLOAD = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD';
export const STREAMING_PAYLOAD_TRAILER = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER';
export const STREAMING_UNSIGNED_PAYLOAD_TRAILER = 'STREAMING-UNSIGNED-PAYLOAD-TRAILER';
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** A request as the signer sees it: the path exactly as it goes on the wire (already percent-encoded). */
export interface SignableRequest {
  method: string;
  path: string;
  /** Decoded query parameters; null is a bare flag (`?acl`), an array a repeated parameter. */
  query?: Record<string, string | readonly string[] | null>;
  /** Header values; an array is a header that occurs several times. */
  headers: Record<string, string | readonly string[]>;
}

export interface SigningKeys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface Scope {
  /** The signing time; X-Amz-Date and the scope date come from it. */
  date: Date;
  region: string;
  /** Default `s3`. */
  service?: string;
  /** Default `aws4_request` (a different one is only useful to test a rejection). */
  terminator?: string;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function hmac(key: string | Uint8Array, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** `20130524T000000Z` */
export function amzDate(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** `20130524` */
export function dateStamp(d: Date): string {
  return amzDate(d).slice(0, 8);
}

export function credentialScope(s: Scope): string {
  return `${dateStamp(s.date)}/${s.region}/${s.service ?? 's3'}/${s.terminator ?? 'aws4_request'}`;
}

/**
 * AWS's UriEncode: every byte except the unreserved characters A-Z a-z 0-9 - . _ ~ is written as
 * %XX (upper-case hex) of its UTF-8 encoding; '/' too unless `keepSlash`.
 */
export function uriEncode(s: string, keepSlash = false): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-._~]/.test(c) || (keepSlash && c === '/')) out += c;
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function decodeSegment(seg: string): string {
  try {
    return decodeURIComponent(seg);
  } catch {
    return seg;
  }
}

/**
 * Canonical URI: the wire path with each segment brought to UriEncode form (so `%7e` and `~`
 * agree), never decoded twice and never normalised: `a//b` stays `a//b`.
 */
export function canonicalUri(path: string): string {
  if (path === '') return '/';
  return path
    .split('/')
    .map((seg) => uriEncode(decodeSegment(seg)))
    .join('/');
}

/** Canonical query: names and values UriEncoded (including '/'), sorted by encoded name, then value. */
export function canonicalQuery(query: SignableRequest['query'] = {}): string {
  const pairs: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(query)) {
    if (k.toLowerCase() === 'x-amz-signature') continue;
    const values = v === null ? [''] : typeof v === 'string' ? [v] : v;
    for (const value of values) pairs.push([uriEncode(k), uriEncode(value)]);
  }
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

/** Trimall: leading/trailing blanks removed, inner runs of blanks collapsed to one space. */
export function trimAll(value: string): string {
  return value.replace(/[\r\n]/g, ' ').replace(/[ \t]+/g, ' ').replace(/^ | $/g, '');
}

/** Lower-cased names → canonical value; a repeated header's values are joined with ','. */
export function canonicalHeaderMap(headers: SignableRequest['headers']): Map<string, string> {
  const m = new Map<string, string[]>();
  for (const [name, v] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    const list = m.get(lower) ?? [];
    for (const value of typeof v === 'string' ? [v] : v) list.push(trimAll(value));
    m.set(lower, list);
  }
  return new Map([...m.entries()].map(([k, v]) => [k, v.join(',')]));
}

export interface CanonicalParts {
  canonicalRequest: string;
  signedHeaders: string;
}

/** The canonical request over the named headers (all headers when `signed` is omitted). */
export function canonicalRequest(req: SignableRequest, payloadHash: string, signed?: readonly string[]): CanonicalParts {
  const all = canonicalHeaderMap(req.headers);
  const names = (signed ?? [...all.keys()]).map((n) => n.toLowerCase()).sort();
  const lines = names.map((n) => `${n}:${all.get(n) ?? ''}\n`).join('');
  const signedHeaders = names.join(';');
  return {
    canonicalRequest: [req.method.toUpperCase(), canonicalUri(req.path), canonicalQuery(req.query), lines, signedHeaders, payloadHash].join('\n'),
    signedHeaders,
  };
}

export function stringToSign(scope: Scope, canonical: string, algorithm = ALGORITHM): string {
  return [algorithm, amzDate(scope.date), credentialScope(scope), sha256Hex(canonical)].join('\n');
}

/** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4"+secret, date), region), service), terminator). */
export function signingKey(secret: string, scope: Scope): Buffer {
  const kDate = hmac(`AWS4${secret}`, dateStamp(scope.date));
  const kRegion = hmac(kDate, scope.region);
  const kService = hmac(kRegion, scope.service ?? 's3');
  return hmac(kService, scope.terminator ?? 'aws4_request');
}

export function signString(key: Uint8Array, sts: string): string {
  return hmac(key, sts).toString('hex');
}

export interface HeaderSignOptions {
  /** The payload hash: hex SHA-256 of the body, UNSIGNED-PAYLOAD or a STREAMING-* value. */
  payloadHash: string;
  /** Headers to sign (default: all, after host/x-amz-date/x-amz-content-sha256 are added). */
  signedHeaders?: readonly string[];
  /** Do not add x-amz-date (for the "missing date" check). */
  omitDate?: boolean;
  /** Do not add x-amz-content-sha256 (for the "missing header" check). */
  omitContentSha256?: boolean;
}

export interface HeaderSignResult {
  /** The headers to send: the input plus x-amz-date, x-amz-content-sha256, token and Authorization. */
  headers: Record<string, string | readonly string[]>;
  authorization: string;
  signature: string;
  canonicalRequest: string;
  stringToSign: string;
  signedHeaders: string;
}

function withoutHeader(headers: SignableRequest['headers'], name: string): Record<string, string | readonly string[]> {
  const out: Record<string, string | readonly string[]> = {};
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() !== name) out[k] = v;
  return out;
}

/** Header-form SigV4 (Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…). */
export function signHeaders(req: SignableRequest, keys: SigningKeys, scope: Scope, opts: HeaderSignOptions): HeaderSignResult {
  let headers = withoutHeader(req.headers, 'authorization');
  if (!opts.omitDate) headers = { ...withoutHeader(headers, 'x-amz-date'), 'x-amz-date': amzDate(scope.date) };
  if (!opts.omitContentSha256) headers = { ...withoutHeader(headers, 'x-amz-content-sha256'), 'x-amz-content-sha256': opts.payloadHash };
  if (keys.sessionToken) headers = { ...withoutHeader(headers, 'x-amz-security-token'), 'x-amz-security-token': keys.sessionToken };
  const { canonicalRequest: cr, signedHeaders } = canonicalRequest({ ...req, headers }, opts.payloadHash, opts.signedHeaders);
  const sts = stringToSign(scope, cr);
  const signature = signString(signingKey(keys.secretAccessKey, scope), sts);
  const authorization = `${ALGORITHM} Credential=${keys.accessKeyId}/${credentialScope(scope)}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return { headers: { ...headers, authorization }, authorization, signature, canonicalRequest: cr, stringToSign: sts, signedHeaders };
}

export interface PresignOptions {
  /** X-Amz-Expires in seconds (not range-checked: the server must; a string is sent as is). */
  expiresIn: number | string;
  /** Headers to sign besides host (they must be sent with the request). */
  signedHeaders?: readonly string[];
  /** Default UNSIGNED-PAYLOAD. */
  payloadHash?: string;
}

export interface PresignResult {
  /** The query to send: the input plus the X-Amz-* parameters and X-Amz-Signature. */
  query: Record<string, string | readonly string[] | null>;
  signature: string;
  canonicalRequest: string;
  stringToSign: string;
}

/** Query-form SigV4 (a presigned URL). */
export function presign(req: SignableRequest, keys: SigningKeys, scope: Scope, opts: PresignOptions): PresignResult {
  const signed = [...new Set(['host', ...(opts.signedHeaders ?? []).map((h) => h.toLowerCase())])];
  const query: Record<string, string | readonly string[] | null> = {
    ...(req.query ?? {}),
    'X-Amz-Algorithm': ALGORITHM,
    'X-Amz-Credential': `${keys.accessKeyId}/${credentialScope(scope)}`,
    'X-Amz-Date': amzDate(scope.date),
    'X-Amz-Expires': String(opts.expiresIn),
    'X-Amz-SignedHeaders': [...signed].sort().join(';'),
  };
  if (keys.sessionToken) query['X-Amz-Security-Token'] = keys.sessionToken;
  const { canonicalRequest: cr } = canonicalRequest({ ...req, query }, opts.payloadHash ?? UNSIGNED_PAYLOAD, signed);
  const sts = stringToSign(scope, cr);
  const signature = signString(signingKey(keys.secretAccessKey, scope), sts);
  return { query: { ...query, 'X-Amz-Signature': signature }, signature, canonicalRequest: cr, stringToSign: sts };
}
