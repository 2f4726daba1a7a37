/**
 * Preflight: before any check runs, one signed ListBuckets (GET /) tells whether the target can be
 * judged at all: it answers (not refused, not silent), it speaks S3 (an S3 XML document), and the
 * credentials are accepted (no InvalidAccessKeyId, SignatureDoesNotMatch, RequestTimeTooSkewed).
 * A failure is one line naming the cause; the CLI exits 3 with no report written and no bucket made.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { NodeSha256 } from '../transport/sha256.ts';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Credentials } from '../config/targets.ts';

export interface PreflightInput {
  endpoint: string;
  region: string;
  credentials: Credentials;
  /** Time allowed for connect + answer (ms). */
  timeoutMs?: number;
  /** For tests: the local clock. */
  now?: () => Date;
}

export type PreflightResult =
  | { ok: true; /** An informational line (ListBuckets denied, clock skew tolerated). */ note?: string; skewMs?: number }
  | { ok: false; cause: PreflightCause; message: string };

export type PreflightCause = 'refused' | 'unreachable' | 'timeout' | 'not-s3' | 'auth-key' | 'auth-secret' | 'clock-skew' | 'server-error';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

const MAX_BODY = 64 * 1024;
/** Beyond this, a skew is named even when the target accepted the request (AWS allows 15 minutes). */
const SKEW_NOTE_MS = 5 * 60_000;

function get(url: URL, headers: Record<string, string>, timeoutMs: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, { method: 'GET', headers, timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        if (body.length < MAX_BODY) body += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', reject);
    });
    const hard = setTimeout(() => req.destroy(Object.assign(new Error('time-out'), { code: 'S3C_TIMEOUT' })), timeoutMs);
    req.on('timeout', () => req.destroy(Object.assign(new Error('time-out'), { code: 'S3C_TIMEOUT' })));
    req.on('error', (e) => {
      clearTimeout(hard);
      reject(e);
    });
    req.on('close', () => clearTimeout(hard));
    req.end();
  });
}

function xmlTag(body: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(body);
  return m?.[1];
}

function seconds(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  return s >= 120 ? `${Math.round(s / 60)} min` : `${s} s`;
}

/** Local clock minus the server's Date header (ms); undefined without a usable Date. */
export function clockSkew(headers: IncomingHttpHeaders, local: Date): number | undefined {
  const d = headers.date;
  if (typeof d !== 'string') return undefined;
  const t = Date.parse(d);
  return Number.isFinite(t) ? local.getTime() - t : undefined;
}

/** Judge one answer to a signed GET / (pure, unit-tested). */
export function judgeAnswer(a: Answer, input: Pick<PreflightInput, 'credentials'>, local: Date, host: string): PreflightResult {
  const skew = clockSkew(a.headers, local);
  const skewText =
    skew === undefined ? '' : `local clock ${local.toISOString()}, server Date ${new Date(local.getTime() - skew).toISOString()} (${skew > 0 ? 'local ahead' : 'local behind'} by ${seconds(skew)})`;
  const ctype = String(a.headers['content-type'] ?? '');
  const body = a.body.trimStart();
  const isXml = body.startsWith('<?xml') || body.startsWith('<ListAllMyBucketsResult') || body.startsWith('<Error');
  if (a.status >= 200 && a.status < 300 && /<ListAllMyBucketsResult[\s>]/.test(body)) {
    if (skew !== undefined && Math.abs(skew) > SKEW_NOTE_MS) return { ok: true, skewMs: skew, note: `clock skew: ${skewText}` };
    return skew === undefined ? { ok: true } : { ok: true, skewMs: skew };
  }
  const code = isXml ? xmlTag(body, 'Code') : undefined;
  const key = `${input.credentials.accessKeyId.slice(0, 4)}…`;
  if (code === 'InvalidAccessKeyId') return { ok: false, cause: 'auth-key', message: `authentication failed: the target does not know the access key ${key} (InvalidAccessKeyId)` };
  if (code === 'SignatureDoesNotMatch') {
    const hint = skew !== undefined && Math.abs(skew) > SKEW_NOTE_MS ? `; ${skewText}` : '';
    return { ok: false, cause: 'auth-secret', message: `authentication failed: the signature does not match: wrong secret key for the access key ${key}, or a key the target does not know (SignatureDoesNotMatch)${hint}` };
  }
  if (code === 'RequestTimeTooSkewed') {
    const server = xmlTag(body, 'ServerTime');
    const shown = skewText || (server ? `server time ${server}, local clock ${local.toISOString()}` : `local clock ${local.toISOString()}`);
    return { ok: false, cause: 'clock-skew', message: `authentication failed: clock skew: ${shown} (RequestTimeTooSkewed); fix the local clock` };
  }
  if (code !== undefined && a.status >= 500) {
    return { ok: false, cause: 'server-error', message: `the target at ${host} answers ${a.status} ${code} to ListBuckets` };
  }
  if (code !== undefined) {
    // An S3 error for another reason (e.g. AccessDenied: a key without s3:ListAllMyBuckets): the target speaks S3 and knows the key.
    return { ok: true, note: `ListBuckets answered ${a.status} ${code}; the target speaks S3, continuing`, ...(skew !== undefined ? { skewMs: skew } : {}) };
  }
  if (a.status === 502 || a.status === 504) {
    return { ok: false, cause: 'server-error', message: `the target at ${host} answers ${a.status} (a gateway or proxy error: is the server behind it up?)` };
  }
  const what = ctype ? `${a.status} ${ctype.split(';')[0]}` : `${a.status}`;
  return {
    ok: false,
    cause: 'not-s3',
    message: `not an S3 endpoint: GET / at ${host} answered ${what}${body ? ` ("${body.slice(0, 40).replace(/\s+/g, ' ')}…")` : ' with an empty body'}, not an S3 XML document (is the endpoint URL right?)`,
  };
}

/** One signed ListBuckets, retried once on a 5xx; never throws. */
export async function preflight(input: PreflightInput): Promise<PreflightResult> {
  const timeoutMs = input.timeoutMs ?? 8000;
  const url = new URL(`${input.endpoint.replace(/\/+$/, '')}/`);
  const host = url.host;
  const signer = new SignatureV4({ service: 's3', region: input.region, credentials: input.credentials, sha256: NodeSha256, uriEscapePath: false, applyChecksum: false });
  let last: PreflightResult | undefined;
  const started = Date.now();
  for (let attempt = 0; attempt < 2; attempt++) {
    const now = input.now?.() ?? new Date();
    const signed = await signer.sign(
      {
        method: 'GET',
        protocol: url.protocol,
        hostname: url.hostname,
        ...(url.port ? { port: Number(url.port) } : {}),
        path: url.pathname,
        query: {},
        headers: { host, 'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
      },
      { signingDate: now },
    );
    let answer: Answer;
    try {
      answer = await get(url, signed.headers, Math.max(1000, timeoutMs - (Date.now() - started)));
    } catch (e) {
      const code = (e as { code?: string }).code ?? '';
      if (code === 'S3C_TIMEOUT') return { ok: false, cause: 'timeout', message: `the target at ${host} did not answer within ${Math.round(timeoutMs / 1000)} s (connection or answer timed out)` };
      if (code === 'ECONNREFUSED') return { ok: false, cause: 'refused', message: `the target at ${host} refused the connection (ECONNREFUSED): is the server running and the endpoint URL right?` };
      if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { ok: false, cause: 'unreachable', message: `the target host ${url.hostname} cannot be resolved (${code})` };
      if (code === 'ECONNRESET' || code === 'EPIPE') {
        last = { ok: false, cause: 'unreachable', message: `the target at ${host} closed the connection without an answer (${code})` };
        continue;
      }
      return { ok: false, cause: 'unreachable', message: `the target at ${host} cannot be reached: ${code ? `${code} ` : ''}${(e as Error).message}`.trim() };
    }
    last = judgeAnswer(answer, input, input.now?.() ?? new Date(), host);
    if (last.ok || last.cause !== 'server-error') return last;
    await new Promise((r) => setTimeout(r, 500));
  }
  return last as PreflightResult;
}
