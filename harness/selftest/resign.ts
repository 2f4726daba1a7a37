/**
 * Re-signing for the fault proxy: a fault that changes a request (a header or a query parameter a
 * server would ignore) breaks its SigV4 signature, so the server would answer 403
 * SignatureDoesNotMatch and every check would fail for the wrong reason — a fault "caught" by any
 * check at all. The proxy re-signs such a request with the key the suite signed it with (the local
 * reference servers' keys are known): the same credential scope, date and payload hash, the signed
 * headers that are still present. Requests it cannot re-sign faithfully are left as they are: a
 * presigned URL, SigV2, a streaming (aws-chunked) body whose chunk signatures chain from the seed.
 */
import { PROFILES } from '../config/targets.ts';
import { ALGORITHM, canonicalRequest, signingKey, signString, stringToSign, type Scope } from '../sigv4/signer.ts';
import type { ProxyRequest } from './proxy.ts';

/** Secret keys by access key id: every local reference profile's users (main and alt). */
export const LOCAL_SECRETS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.values(PROFILES).flatMap((p) => [p.localCredentials?.main, p.localCredentials?.alt].flatMap((c) => (c ? [[c.accessKeyId, c.secretAccessKey] as const] : []))),
);

const AUTH = /^AWS4-HMAC-SHA256 Credential=([^/\s]+)\/(\d{8})\/([^/\s]+)\/([^/\s]+)\/aws4_request,\s*SignedHeaders=([^,\s]+),\s*Signature=[0-9a-f]{64}$/;
const AMZ_DATE = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/;

/** Raw query string → decoded parameters as the signer takes them (a bare name is a flag: null). */
export function parseRawQuery(qs: string): Record<string, string | string[] | null> {
  const out: Record<string, string | string[] | null> = {};
  const dec = (s: string): string => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  for (const part of qs.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = dec(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : dec(part.slice(eq + 1));
    const prev = out[name];
    out[name] = prev === undefined ? (eq < 0 ? null : value) : [...(Array.isArray(prev) ? prev : [prev ?? '']), value];
  }
  return out;
}

/** Whether a changed request still reaches the server as the suite meant it: anonymous, or one `resign` can re-sign. */
export function resignable(req: Pick<ProxyRequest, 'url' | 'headers'>, secrets: Readonly<Record<string, string>> = LOCAL_SECRETS): boolean {
  const auth = req.headers.authorization;
  if (auth === undefined) return !/[?&](X-Amz-Signature|Signature)=/i.test(req.url);
  const m = typeof auth === 'string' ? AUTH.exec(auth) : null;
  const payloadHash = req.headers['x-amz-content-sha256'];
  return !!m && secrets[m[1] as string] !== undefined && typeof payloadHash === 'string' && !payloadHash.startsWith('STREAMING-');
}

/**
 * Re-sign a header-signed SigV4 request in place after a fault changed it. True when it was
 * re-signed; false when it is not one the proxy can re-sign (it is then forwarded unchanged).
 */
export function resign(req: ProxyRequest, secrets: Readonly<Record<string, string>> = LOCAL_SECRETS): boolean {
  const auth = req.headers.authorization;
  const m = typeof auth === 'string' ? AUTH.exec(auth) : null;
  if (!m) return false;
  const [, accessKeyId, day, region, service, signedList] = m as unknown as [string, string, string, string, string, string];
  const secret = secrets[accessKeyId];
  const payloadHash = req.headers['x-amz-content-sha256'];
  const amz = req.headers['x-amz-date'];
  const d = typeof amz === 'string' ? AMZ_DATE.exec(amz) : null;
  if (secret === undefined || typeof payloadHash !== 'string' || payloadHash.startsWith('STREAMING-') || !d || amz?.slice(0, 8) !== day) return false;
  const date = new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(d[4]), Number(d[5]), Number(d[6])));
  const scope: Scope = { date, region, service };
  const headers: Record<string, string | readonly string[]> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = v;
  const signed = signedList.split(';').filter((h) => headers[h] !== undefined);
  const q = req.url.indexOf('?');
  const path = q < 0 ? req.url : req.url.slice(0, q);
  const query = parseRawQuery(q < 0 ? '' : req.url.slice(q + 1));
  const { canonicalRequest: cr, signedHeaders } = canonicalRequest({ method: req.method, path, query, headers }, payloadHash, signed);
  const signature = signString(signingKey(secret, scope), stringToSign(scope, cr));
  req.headers.authorization = `${ALGORITHM} Credential=${accessKeyId}/${day}/${region}/${service}/aws4_request, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return true;
}
