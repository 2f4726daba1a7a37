/**
 * Field mutants: the answers of an operation with one response field removed — an XML element of a
 * success or error body, or a header — or (`alter`) with one field's value changed to a plausible
 * wrong one of the same shape: a number one more, a boolean flipped, a date a year earlier, an ETag
 * with one hex digit changed, any other text with a character added. Run through the fault proxy (harness/cli/mutants.ts), a mutant
 * that makes no check of its operation fail is a field no check asserts: a gap in depth, or a field AWS
 * does not define (a server's own extension). Pure functions here; the driver needs servers.
 */
import { withoutHeader } from './faults/kit.ts';
import type { ProxyRequest, ProxyResponse } from './proxy.ts';
import { resignable } from './resign.ts';

/**
 * Headers every answer has for transport reasons, or whose value no check can pin, or that the proxy
 * cannot remove (Node's HTTP server adds a Date to every answer): not mutated.
 */
export const UNMUTATED_HEADERS: ReadonlySet<string> = new Set([
  'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'date', 'server', 'vary',
  'x-trans-id', 'x-openstack-request-id',
]);

export interface Mutant {
  /** `2xx` (a success answer), `err` (an error answer) or `req` (a request: what a server ignores). */
  cls: '2xx' | 'err' | 'req';
  kind: 'element' | 'header' | 'status' | 'param';
  /** The element's tag, the header's lower-case name, or (status) the status code answered. */
  name: string;
  /** Remove the field (the default), change its value, or strip its quotes (leaf elements and headers only). */
  change?: 'remove' | 'alter' | 'unquote';
}

export type MutantMode = 'remove' | 'alter' | 'status' | 'ignore' | 'misread';

/**
 * The status a server that gets the code wrong would send instead: 200 and 204 for each other (a
 * success with or without a body), an error's status for a neighbouring one.
 */
export const WRONG_STATUS: Readonly<Record<number, number>> = {
  200: 204, 204: 200, 206: 200, 304: 200, 400: 403, 403: 400, 404: 400, 405: 400, 409: 400, 411: 400, 412: 400, 416: 400, 500: 503, 501: 400, 503: 500,
};

export const mutantLabel = (m: Mutant): string =>
  m.cls === 'req'
    ? `${m.kind === 'param' ? `?${m.name}` : m.name} ${m.change === 'alter' ? 'misread' : 'ignored'}`
    : m.kind === 'status'
    ? `${m.cls} status ${m.name}→${WRONG_STATUS[Number(m.name)] ?? '?'}`
    : `${m.cls} ${m.kind === 'element' ? `<${m.name}>` : m.name}${m.change === 'alter' ? ' altered' : m.change === 'unquote' ? ' unquoted' : ''}`;

/** A quoted value (an ETag), in a header or entity-escaped in XML text. */
const QUOTED = /^(?:"[^"]*"|&quot;(?:(?!&quot;).)*&quot;)$/;
const unquote = (v: string): string => v.replace(/^(?:"|&quot;)|(?:"|&quot;)$/g, '');

const ISO_DATE = /^(\d{4})(-\d\d-\d\dT)/;
const HTTP_DATE_YEAR = /^([A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} )(\d{4})( )/;

/**
 * A plausible wrong value of the same shape as `v`: what a server that gets the field wrong (not one
 * that leaves it out) would send. Never equal to `v`.
 */
export function alterValue(v: string): string {
  if (/^\d+$/.test(v)) return (BigInt(v) + 1n).toString();
  if (v === 'true') return 'false';
  if (v === 'false') return 'true';
  const iso = ISO_DATE.exec(v);
  if (iso) return v.replace(ISO_DATE, (_m, y: string, rest: string) => `${Number(y) - 1}${rest}`);
  const http = HTTP_DATE_YEAR.exec(v);
  if (http) return v.replace(HTTP_DATE_YEAR, (_m, a: string, y: string, b: string) => `${a}${Number(y) - 1}${b}`);
  // An ETag (quoted or entity-escaped, single or multipart): its first hex digit changed.
  const hex = /^(&quot;|")?([0-9a-f])/.exec(v);
  if (hex && /^(&quot;|")?[0-9a-f]{32}(-\d+)?(&quot;|")?$/.test(v)) {
    const d = hex[2] as string;
    return `${hex[1] ?? ''}${d === '0' ? '1' : '0'}${v.slice((hex[1] ?? '').length + 1)}`;
  }
  return `${v}x`;
}

/** An XML body (not an object's bytes that happen to contain "<"). */
export function isXmlBody(res: Pick<ProxyResponse, 'headers' | 'body'>): boolean {
  const type = String(res.headers['content-type'] ?? '');
  const head = res.body.subarray(0, 64).toString('utf8').trimStart();
  return (type === '' || /xml/i.test(type)) && (head.startsWith('<?xml') || /^<[A-Za-z]/.test(head));
}

/** A leaf element: its text, with no child element. */
const leafPattern = (tag: string): RegExp => new RegExp(`(<${tag}(?:\\s[^>]*)?>)([^<]*)(</${tag}>)`, 'g');

/**
 * The mutants an answer offers: each element tag of its XML body, each header but the transport ones
 * (`remove`); or each header and each leaf element's tag, once (`alter`).
 */
export function mutantsOf(res: Pick<ProxyResponse, 'status' | 'headers' | 'body'>, mode: MutantMode = 'remove'): Mutant[] {
  if (mode === 'ignore' || mode === 'misread') return [];
  const cls = res.status < 300 ? '2xx' : 'err';
  if (mode === 'status') return WRONG_STATUS[res.status] === undefined ? [] : [{ cls, kind: 'status', name: String(res.status) }];
  const out: Mutant[] = [];
  const change = mode === 'alter' ? { change: 'alter' as const } : {};
  for (const [h, v] of Object.entries(res.headers)) {
    if (UNMUTATED_HEADERS.has(h.toLowerCase())) continue;
    out.push({ cls, kind: 'header', name: h.toLowerCase(), ...change });
    // A quoted header (an ETag) also offers its value without the quotes.
    if (mode === 'alter' && typeof v === 'string' && QUOTED.test(v)) out.push({ cls, kind: 'header', name: h.toLowerCase(), change: 'unquote' });
  }
  if (mode === 'alter') {
    if (!isXmlBody(res)) return out;
    const seen = new Set<string>();
    for (const m of res.body.toString('utf8').matchAll(/<([A-Za-z][A-Za-z0-9]*)(?:\s[^>]*)?>([^<]*)<\/\1>/g)) {
      const tag = m[1] as string;
      if (!seen.has(tag)) {
        out.push({ cls, kind: 'element', name: tag, change: 'alter' });
        if (QUOTED.test(m[2] ?? '')) out.push({ cls, kind: 'element', name: tag, change: 'unquote' });
      }
      seen.add(tag);
    }
    return out;
  }
  if (isXmlBody(res)) {
    const seen = new Set<string>();
    for (const m of res.body.toString('utf8').matchAll(/<([A-Za-z][A-Za-z0-9]*)[\s>/]/g)) {
      const tag = m[1] as string;
      // The root of an error document is what makes it one; removing it is not a field mutant.
      if (tag === 'Error' && cls === 'err') continue;
      if (!seen.has(tag)) out.push({ cls, kind: 'element', name: tag });
      seen.add(tag);
    }
  }
  return out;
}

/**
 * The answer with the mutant's field removed or altered (every occurrence), or undefined when it has
 * none.
 */
export function applyMutant(m: Mutant, res: ProxyResponse): ProxyResponse | undefined {
  if (m.cls === 'req' || (m.cls === '2xx') !== (res.status < 300)) return undefined;
  if (m.kind === 'status') {
    const to = WRONG_STATUS[res.status];
    return String(res.status) === m.name && to !== undefined ? { ...res, status: to } : undefined;
  }
  if (m.change === 'alter' || m.change === 'unquote') {
    const f = m.change === 'alter' ? alterValue : unquote;
    if (m.kind === 'header') {
      const v = res.headers[m.name];
      if (v === undefined) return undefined;
      const changed = Array.isArray(v) ? v.map(f) : f(String(v));
      return JSON.stringify(changed) === JSON.stringify(v) ? undefined : { ...res, headers: { ...res.headers, [m.name]: changed } };
    }
    if (!isXmlBody(res)) return undefined;
    const xml = res.body.toString('utf8');
    const changed = xml.replace(leafPattern(m.name), (_all, open: string, text: string, close: string) => `${open}${f(text)}${close}`);
    return changed === xml ? undefined : { ...res, body: Buffer.from(changed) };
  }
  if (m.kind === 'header') return withoutHeader(res, m.name);
  if (!isXmlBody(res)) return undefined;
  const xml = res.body.toString('utf8');
  const cut = xml.replace(new RegExp(`<${m.name}(\\s[^>]*)?/>|<${m.name}(\\s[^>]*)?>[\\s\\S]*?</${m.name}>`, 'g'), '');
  return cut === xml ? undefined : { ...res, body: Buffer.from(cut) };
}

/**
 * Request headers a server cannot be said to ignore: transport, signing and the SDK's own
 * bookkeeping. Removing one breaks the request, or changes nothing the S3 contract defines.
 */
export const UNIGNORED_REQUEST_HEADERS: ReadonlySet<string> = new Set([
  'host', 'authorization', 'x-amz-date', 'x-amz-content-sha256', 'x-amz-security-token', 'content-length', 'connection',
  'keep-alive', 'transfer-encoding', 'expect', 'user-agent', 'x-amz-user-agent', 'amz-sdk-invocation-id', 'amz-sdk-request',
  'accept-encoding', 'content-encoding', 'x-amz-decoded-content-length', 'x-amz-trailer', 'date',
]);

/**
 * Query parameters that make the request the operation it is (`?uploads`, `?uploadId`, `?acl`…),
 * the SDK's `x-id` label, and a presigned URL's own: not mutated.
 */
const OPERATION_PARAMS = /^(uploads|uploadId|acl|location|delete|list-type|x-id|X-Amz-.*|Signature|Expires|AWSAccessKeyId)$/i;

/** A percent-decoded query component (itself when it is not well-formed). */
function decoded(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The decoded name of one `name=value` part of a raw query string. */
const paramName = (part: string): string => decoded(part.split('=')[0] ?? '');

/** Query parameter names of a request URL, in order, once each. */
function paramNames(url: string): string[] {
  const q = url.indexOf('?');
  return q < 0 ? [] : [...new Set(url.slice(q + 1).split('&').filter(Boolean).map(paramName))];
}

/**
 * `ignore` mode: the request features a server could silently ignore — each request header but the
 * transport and signing ones, each query parameter but the ones that name the operation; `misread`
 * mode: the same features, each read as a plausible wrong value (`misreadValue`). Only for a request
 * the proxy can still send as the suite meant it (anonymous, or re-signed: resign.ts).
 */
export function requestMutantsOf(req: Pick<ProxyRequest, 'url' | 'headers'>, mode: 'ignore' | 'misread' = 'ignore'): Mutant[] {
  if (!resignable(req)) return [];
  const change = mode === 'misread' ? { change: 'alter' as const } : {};
  const out: Mutant[] = [];
  for (const h of Object.keys(req.headers)) if (!UNIGNORED_REQUEST_HEADERS.has(h.toLowerCase())) out.push({ cls: 'req', kind: 'header', name: h.toLowerCase(), ...change });
  for (const p of paramNames(req.url)) if (!OPERATION_PARAMS.test(p)) out.push({ cls: 'req', kind: 'param', name: p, ...change });
  return out;
}

const BYTE_RANGE = /^(bytes=)(\d*)-(\d*)$/;

/**
 * How a server that parses a request value wrongly would read it: a byte range one byte longer (its
 * end, or its start when open-ended, or its suffix length), otherwise `alterValue` (a number one more,
 * a date a year earlier, an ETag digit changed, text with a character added).
 */
export function misreadValue(v: string): string {
  const r = BYTE_RANGE.exec(v);
  if (r && (r[2] !== '' || r[3] !== '')) {
    const [, unit, first, last] = r as unknown as [string, string, string, string];
    if (last === '') return `${unit}${Number(first) + 1}-`;
    return `${unit}${first}-${Number(last) + 1}`;
  }
  return alterValue(v);
}

/**
 * The request as a server that ignores the mutant's feature would read it (changed in place, the
 * proxy re-signs it); false when the request has no such feature or cannot be re-signed.
 */
export function applyRequestMutant(m: Mutant, req: ProxyRequest): boolean {
  if (m.cls !== 'req' || !resignable(req)) return false;
  const misread = m.change === 'alter';
  if (m.kind === 'header') {
    const v = req.headers[m.name];
    if (v === undefined) return false;
    if (misread) req.headers[m.name] = Array.isArray(v) ? v.map(misreadValue) : misreadValue(v);
    else delete req.headers[m.name];
    return true;
  }
  const q = req.url.indexOf('?');
  if (q < 0) return false;
  const parts = req.url.slice(q + 1).split('&');
  const mine = (p: string): boolean => paramName(p) === m.name;
  if (!parts.some(mine)) return false;
  const kept = misread
    ? parts.map((p) => {
        if (!mine(p)) return p;
        const eq = p.indexOf('=');
        const value = eq < 0 ? '' : decoded(p.slice(eq + 1));
        return `${p.slice(0, eq < 0 ? p.length : eq)}=${encodeURIComponent(misreadValue(value))}`;
      })
    : parts.filter((p) => !mine(p));
  req.url = kept.length ? `${req.url.slice(0, q)}?${kept.join('&')}` : req.url.slice(0, q);
  return true;
}
