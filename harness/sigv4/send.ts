/**
 * Requests signed by the project's own signer (harness/sigv4/signer.ts) and sent through the shared
 * instrumented handler: raw.ts builds the request, the own signer signs it, sendRaw sends it, so
 * the wire log (signatures redacted) and the counters cover these requests like any other.
 */
import type { HttpRequest } from '@smithy/protocol-http';
import { buildRequest, sendRaw, type QueryValue, type RawResponse } from '../transport/raw.ts';
import type { Runtime } from '../run/runtime.ts';
import type { Credentials } from '../config/targets.ts';
import { registerSecret } from '../transport/wire.ts';
import { signChunked } from './chunked.ts';
import { serverNow } from './clock.ts';
import { presign, sha256Hex, signHeaders, UNSIGNED_PAYLOAD, type Scope, type SignableRequest } from './signer.ts';
import { signV2 } from './sigv2.ts';

export interface Target {
  method: string;
  bucket?: string;
  key?: string;
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

export interface OwnSignOptions {
  /** Keys (default: the target's main user). */
  keys?: Credentials;
  /** Signing time (default: the server's clock). */
  date?: Date;
  region?: string;
  service?: string;
  terminator?: string;
  /** 'signed' (default: SHA-256 of the body), 'unsigned' (UNSIGNED-PAYLOAD) or an explicit hash. */
  payload?: 'signed' | 'unsigned' | string;
  signedHeaders?: readonly string[];
  omitDate?: boolean;
  omitContentSha256?: boolean;
  /** Change the request after signing (tamper checks). */
  afterSign?: (req: HttpRequest) => void;
}

function keysOf(rt: Runtime, keys?: Credentials): Credentials {
  const k = keys ?? rt.credentials;
  registerSecret(k.secretAccessKey);
  registerSecret(k.sessionToken);
  return k;
}

async function scopeOf(rt: Runtime, o: { date?: Date; region?: string; service?: string; terminator?: string }): Promise<Scope> {
  return {
    date: o.date ?? (await serverNow(rt)),
    region: o.region ?? rt.region,
    service: o.service ?? 's3',
    ...(o.terminator !== undefined ? { terminator: o.terminator } : {}),
  };
}

function signable(req: HttpRequest): SignableRequest {
  return { method: req.method, path: req.path, query: req.query as SignableRequest['query'], headers: { ...req.headers } };
}

function flat(headers: Record<string, string | readonly string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k] = typeof v === 'string' ? v : v.join(',');
  return out;
}

/** Build the request, sign it with the own signer (header form) and send it. */
export async function sendSigned(rt: Runtime, t: Target, o: OwnSignOptions = {}): Promise<RawResponse> {
  const req = buildRequest(rt, t);
  const body = t.body ?? '';
  const payloadHash = o.payload === undefined || o.payload === 'signed' ? sha256Hex(body) : o.payload === 'unsigned' ? UNSIGNED_PAYLOAD : o.payload;
  const out = signHeaders(signable(req), keysOf(rt, o.keys), await scopeOf(rt, o), {
    payloadHash,
    ...(o.signedHeaders ? { signedHeaders: o.signedHeaders } : {}),
    ...(o.omitDate ? { omitDate: true } : {}),
    ...(o.omitContentSha256 ? { omitContentSha256: true } : {}),
  });
  req.headers = flat(out.headers);
  o.afterSign?.(req);
  return sendRaw(rt, req);
}

export interface OwnPresignOptions {
  keys?: Credentials;
  date?: Date;
  region?: string;
  service?: string;
  terminator?: string;
  /** X-Amz-Expires; a string is sent as is (non-numeric and negative values for rejection checks). */
  expiresIn: number | string;
  /** Headers of `t.headers` to sign besides host (they are sent). */
  signedHeaders?: readonly string[];
  /** Change the request after signing (tampered query, method or headers). */
  afterSign?: (req: HttpRequest) => void;
}

/** A presigned (query-form) request by the own signer, sent. */
export async function sendPresigned(rt: Runtime, t: Target, o: OwnPresignOptions): Promise<RawResponse> {
  const req = buildRequest(rt, t);
  const out = presign(signable(req), keysOf(rt, o.keys), await scopeOf(rt, o), {
    expiresIn: o.expiresIn,
    ...(o.signedHeaders ? { signedHeaders: o.signedHeaders } : {}),
  });
  req.query = out.query as Record<string, string | string[]>;
  o.afterSign?.(req);
  return sendRaw(rt, req);
}

export interface ChunkedSendOptions {
  keys?: Credentials;
  chunkSize: number;
  trailers?: Record<string, string>;
  /** STREAMING-UNSIGNED-PAYLOAD-TRAILER (unsigned chunks, needs `trailers`). */
  unsigned?: boolean;
  /** The x-amz-decoded-content-length to declare (default: the data's length; a string is sent as is). */
  decodedLength?: number | string;
  /** Send the trailer without an x-amz-trailer header announcing it. */
  omitTrailerHeader?: boolean;
  /** Change the framed body after signing (tampered chunk); keep its length. */
  tamper?: (body: Buffer) => void;
}

/** A chunked (aws-chunked) upload of `data`, signed chunks or the unsigned trailer form, sent. */
export async function sendChunked(rt: Runtime, t: Omit<Target, 'body'>, data: Uint8Array, o: ChunkedSendOptions): Promise<RawResponse> {
  const req = buildRequest(rt, t);
  const up = signChunked(signable(req), data, keysOf(rt, o.keys), await scopeOf(rt, {}), {
    chunkSize: o.chunkSize,
    ...(o.trailers ? { trailers: o.trailers } : {}),
    ...(o.unsigned ? { unsigned: true } : {}),
    ...(o.decodedLength !== undefined ? { decodedLength: o.decodedLength } : {}),
    ...(o.omitTrailerHeader ? { omitTrailerHeader: true } : {}),
  });
  o.tamper?.(up.body);
  req.headers = flat(up.headers);
  req.body = up.body;
  return sendRaw(rt, req);
}

export interface V2SendOptions {
  keys?: Credentials;
  date?: Date;
  /** Send no Date header (with `t.headers` carrying x-amz-date, or no date at all). */
  omitDate?: boolean;
  /** Change the request after signing. */
  afterSign?: (req: HttpRequest) => void;
}

/** A SigV2 (`Authorization: AWS key:signature`) request, sent. Path style only. */
export async function sendV2(rt: Runtime, t: Target, o: V2SendOptions = {}): Promise<RawResponse> {
  const req = buildRequest(rt, t);
  const headers: Record<string, string> = o.omitDate ? { ...req.headers } : { ...req.headers, date: (o.date ?? (await serverNow(rt))).toUTCString() };
  const query: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(req.query)) query[k] = v === null ? null : Array.isArray(v) ? (v[0] ?? '') : (v as string);
  // The resource is the bucket and key, not any endpoint base path.
  const resource = req.path.slice(new URL(rt.endpoint).pathname.replace(/\/+$/, '').length) || '/';
  const { authorization } = signV2({ method: req.method, path: resource, query, headers }, keysOf(rt, o.keys));
  req.headers = { ...headers, authorization };
  o.afterSign?.(req);
  return sendRaw(rt, req);
}
