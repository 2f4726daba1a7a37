/**
 * Legacy AWS Signature Version 2 (`Authorization: AWS AccessKeyId:Signature`), header form.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/RESTAuthentication.html
 *
 *   StringToSign = VERB \n Content-MD5 \n Content-Type \n Date \n CanonicalizedAmzHeaders CanonicalizedResource
 *   Signature    = Base64(HMAC-SHA1(secret, UTF-8(StringToSign)))
 */
import { createHmac } from 'node:crypto';
import type { SigningKeys } from './signer.ts';

/** Sub-resources that are part of CanonicalizedResource (RESTAuthentication.html#ConstructingTheCanonicalizedResourceElement). */
const SUBRESOURCES = new Set([
  'acl', 'cors', 'delete', 'lifecycle', 'location', 'logging', 'notification', 'partNumber', 'policy', 'requestPayment',
  'tagging', 'torrent', 'uploadId', 'uploads', 'versionId', 'versioning', 'versions', 'website',
  'response-cache-control', 'response-content-disposition', 'response-content-encoding', 'response-content-language',
  'response-content-type', 'response-expires',
]);

export interface V2Request {
  method: string;
  /** The resource path on the wire, path style: `/bucket/key` (percent-encoded as sent). */
  path: string;
  query?: Record<string, string | null>;
  headers: Record<string, string>;
}

function header(headers: Record<string, string>, name: string): string {
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name) return v;
  return '';
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((k) => k.toLowerCase() === name);
}

export function canonicalizedAmzHeaders(headers: Record<string, string>): string {
  const m = new Map<string, string[]>();
  for (const [k, v] of Object.entries(headers)) {
    const name = k.toLowerCase();
    if (!name.startsWith('x-amz-')) continue;
    m.set(name, [...(m.get(name) ?? []), v.replace(/\s*\r?\n\s*/g, ' ').trim()]);
  }
  return [...m.keys()].sort().map((k) => `${k}:${(m.get(k) ?? []).join(',')}\n`).join('');
}

export function canonicalizedResource(path: string, query: Record<string, string | null> = {}): string {
  const subs = Object.keys(query).filter((k) => SUBRESOURCES.has(k)).sort();
  const qs = subs.map((k) => (query[k] === null || query[k] === undefined ? k : `${k}=${query[k]}`)).join('&');
  return qs ? `${path}?${qs}` : path;
}

export function stringToSignV2(req: V2Request): string {
  // With x-amz-date present, the Date position is empty (it is signed among the x-amz- headers).
  const date = hasHeader(req.headers, 'x-amz-date') ? '' : header(req.headers, 'date');
  return [req.method.toUpperCase(), header(req.headers, 'content-md5'), header(req.headers, 'content-type'), date, ''].join('\n') +
    canonicalizedAmzHeaders(req.headers) + canonicalizedResource(req.path, req.query);
}

export function signV2(req: V2Request, keys: SigningKeys): { authorization: string; signature: string; stringToSign: string } {
  const sts = stringToSignV2(req);
  const signature = createHmac('sha1', keys.secretAccessKey).update(sts, 'utf8').digest('base64');
  return { authorization: `AWS ${keys.accessKeyId}:${signature}`, signature, stringToSign: sts };
}
