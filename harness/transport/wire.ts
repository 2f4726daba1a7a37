/**
 * The wire log: what each check sent and received, redacted, kept for the report of a failure.
 * Redaction happens when an exchange is recorded, so nothing unredacted ever leaves this module.
 */

export interface WireMessage {
  headers: Record<string, string>;
  /** First bytes of the body as text (binary shown as hex), or a note when not kept. */
  bodyPreview?: string;
  bodyBytes?: number;
}
export interface WireRequest extends WireMessage {
  method: string;
  url: string;
}
export interface WireResponse extends WireMessage {
  status: number;
}
export interface Exchange {
  request: WireRequest;
  response?: WireResponse;
  /** Transport error (connection refused, reset, time-out). */
  error?: string;
  ms: number;
}

const REDACTED = '<redacted>';
const secrets = new Set<string>();

/** Register a secret (secret key, session token): it is scrubbed from every recorded text. */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 4) secrets.add(value);
}

export function scrub(text: string): string {
  let out = text;
  for (const s of secrets) {
    if (out.includes(s)) out = out.split(s).join(REDACTED);
  }
  return out;
}

/** Keep the algorithm, masked credential scope and signed headers; drop the signature. */
export function redactAuthorization(value: string): string {
  if (value.startsWith('AWS4-')) {
    return value
      .replace(/Credential=([^/,\s]{0,4})[^/,\s]*/, 'Credential=$1…')
      .replace(/Signature=[0-9a-fA-F]+/, `Signature=${REDACTED}`);
  }
  // SigV2: "AWS access:signature"
  const m = /^AWS ([^:]*):(.*)$/.exec(value);
  if (m) return `AWS ${(m[1] ?? '').slice(0, 4)}…:${REDACTED}`;
  return REDACTED;
}

const SECRET_HEADERS = new Set(['x-amz-security-token', 'x-auth-token', 'cookie', 'set-cookie']);

export function redactHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    const name = k.toLowerCase();
    const value = Array.isArray(v) ? v.join(', ') : v;
    if (name === 'authorization') out[name] = redactAuthorization(value);
    else if (SECRET_HEADERS.has(name)) out[name] = REDACTED;
    else out[name] = scrub(value);
  }
  return out;
}

export function redactUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return scrub(url);
  }
  for (const name of [...u.searchParams.keys()]) {
    const lower = name.toLowerCase();
    if (lower === 'x-amz-signature' || lower === 'signature' || lower === 'x-amz-security-token') {
      u.searchParams.set(name, REDACTED);
    } else if (lower === 'x-amz-credential' || lower === 'awsaccesskeyid') {
      const v = u.searchParams.get(name) ?? '';
      u.searchParams.set(name, `${v.slice(0, 4)}…${v.includes('/') ? v.slice(v.indexOf('/')) : ''}`);
    }
  }
  return scrub(u.toString());
}

const PREVIEW_BYTES = 2048;

export function previewBody(body: Uint8Array | string | undefined): string | undefined {
  if (body === undefined) return undefined;
  const buf = typeof body === 'string' ? Buffer.from(body) : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (buf.length === 0) return '';
  const head = buf.subarray(0, PREVIEW_BYTES);
  const text = head.toString('utf8');
  // Binary bodies as hex: a text preview of random bytes helps nobody.
  // eslint-disable-next-line no-control-regex
  const binary = text.includes('\uFFFD') || /[\x00-\x08\x0E-\x1F]/.test(text);
  const shown = binary ? `hex:${head.subarray(0, 64).toString('hex')}` : text;
  const more = buf.length > head.length || (binary && head.length > 64) ? ` …(${buf.length} bytes)` : '';
  return scrub(shown + more);
}

/** Exchanges of the check that is running in this worker (checks in one file run one at a time). */
let current: Exchange[] | undefined;
const KEEP = 8;

export function beginWireLog(): void {
  current = [];
}
export function endWireLog(): Exchange[] {
  const out = current ?? [];
  current = undefined;
  return out;
}
export function recordExchange(ex: Exchange): void {
  if (!current) return;
  current.push(ex);
  if (current.length > KEEP) current.splice(1, current.length - KEEP); // keep the first and the last ones
}
export function lastExchange(): Exchange | undefined {
  return current?.[current.length - 1];
}

/** Render exchanges as the text a person reads in a report. */
export function formatExchanges(exchanges: readonly Exchange[]): string {
  return exchanges
    .map((ex) => {
      const lines = [`> ${ex.request.method} ${ex.request.url}`];
      for (const [k, v] of Object.entries(ex.request.headers)) lines.push(`> ${k}: ${v}`);
      if (ex.request.bodyPreview) lines.push('>', ...ex.request.bodyPreview.split('\n').map((l) => `> ${l}`));
      if (ex.response) {
        lines.push(`< ${ex.response.status}`);
        for (const [k, v] of Object.entries(ex.response.headers)) lines.push(`< ${k}: ${v}`);
        if (ex.response.bodyPreview) lines.push('<', ...ex.response.bodyPreview.split('\n').map((l) => `< ${l}`));
      }
      if (ex.error) lines.push(`! ${ex.error}`);
      lines.push(`  (${ex.ms} ms)`);
      return lines.join('\n');
    })
    .join('\n\n');
}
