/**
 * The raw-HTTP path: requests the SDK refuses to build (invalid bucket names, tampered
 * signatures, missing headers), signed with SigV4 through @smithy/signature-v4, or unsigned.
 * Shares the instrumented handler with the SDK, so counters and the wire log cover it too.
 */
import { NodeSha256 } from './sha256.ts';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Readable } from 'node:stream';
import { XMLParser } from 'fast-xml-parser';
import { credentialsFor, sharedHandler } from './client.ts';
import type { Runtime } from '../run/runtime.ts';
import type { Credentials } from '../config/targets.ts';
import { registerSecret } from './wire.ts';

export type QueryValue = string | string[] | null;

export interface RawRequest {
  method: string;
  bucket?: string;
  key?: string;
  /** Query parameters; null means a bare flag such as `?acl`. */
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Who signs: the main user (default), the second user, explicit keys, or nobody. */
  auth?: 'main' | 'alt' | 'none' | Credentials;
  /** Sign with `x-amz-content-sha256: UNSIGNED-PAYLOAD`. */
  unsignedPayload?: boolean;
  signingDate?: Date;
  /** Region / service in the credential scope (default: the target's region, s3). */
  signingRegion?: string;
  signingService?: string;
  /** Change the request after signing (tamper tests). */
  afterSign?: (req: HttpRequest) => void;
  /** Presign (query auth) instead of header auth, with X-Amz-Expires. */
  presignExpiresIn?: number;
}

export interface S3ErrorBody {
  code?: string;
  message?: string;
  requestId?: string;
  resource?: string;
  hostId?: string;
  [field: string]: string | undefined;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  text(): string;
  /** Parsed XML body (elements as strings; repeated elements as arrays). */
  xml(): Record<string, unknown> | undefined;
  /** The S3 `<Error>` document, when the body is one. */
  error(): S3ErrorBody | undefined;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
});

/** Whether the body's first non-blank byte (after a UTF-8 byte-order mark) is '<'. */
function startsLikeXml(body: Buffer): boolean {
  let i = body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0;
  while (i < body.length && (body[i] === 0x20 || body[i] === 0x09 || body[i] === 0x0a || body[i] === 0x0d)) i++;
  return body[i] === 0x3c;
}

export function parseXml(text: string): Record<string, unknown> | undefined {
  if (!text.trimStart().startsWith('<')) return undefined;
  try {
    return parser.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

export function parseS3Error(text: string): S3ErrorBody | undefined {
  const doc = parseXml(text);
  const err = doc?.Error;
  if (!err || typeof err !== 'object') return undefined;
  const out: S3ErrorBody = {};
  for (const [k, v] of Object.entries(err as Record<string, unknown>)) {
    if (typeof v === 'string') out[k.charAt(0).toLowerCase() + k.slice(1)] = v;
  }
  return out;
}

/** S3's key encoding in a path: every byte but unreserved characters and '/' percent-encoded. */
export function encodeKey(key: string): string {
  return key
    .split('/')
    .map((seg) => encodeURIComponent(seg).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

export function requestTarget(rt: Runtime, bucket?: string, key?: string): { protocol: string; hostname: string; port?: number; path: string } {
  const u = new URL(rt.endpoint);
  const base = u.pathname.replace(/\/+$/, '');
  const port = u.port ? Number(u.port) : undefined;
  let hostname = u.hostname;
  let path: string;
  if (bucket === undefined) path = `${base}/`;
  else if (rt.pathStyle) path = `${base}/${bucket}${key !== undefined ? `/${encodeKey(key)}` : ''}`;
  else {
    hostname = `${bucket}.${hostname}`;
    path = `${base}/${key !== undefined ? encodeKey(key) : ''}`;
  }
  return { protocol: u.protocol, hostname, ...(port !== undefined ? { port } : {}), path };
}

export function buildRequest(rt: Runtime, req: RawRequest): HttpRequest {
  const t = requestTarget(rt, req.bucket, req.key);
  const headers: Record<string, string> = { host: t.port ? `${t.hostname}:${t.port}` : t.hostname, ...(req.headers ?? {}) };
  const body = req.body;
  if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-length')) {
    headers['content-length'] = String(Buffer.byteLength(body));
  }
  // A bare flag (`?uploads`) is sent as `uploads=`: S3 treats both alike, and SigV4's canonical
  // query string has `uploads=` either way (@smithy/signature-v4 drops null-valued parameters).
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(req.query ?? {})) query[k] = v === null ? '' : v;
  return new HttpRequest({
    method: req.method,
    protocol: t.protocol,
    hostname: t.hostname,
    ...(t.port !== undefined ? { port: t.port } : {}),
    path: t.path,
    query,
    headers,
    ...(body !== undefined ? { body } : {}),
  });
}

export function signer(creds: Credentials, region: string, service = 's3'): SignatureV4 {
  registerSecret(creds.secretAccessKey);
  registerSecret(creds.sessionToken);
  return new SignatureV4({ credentials: creds, region, service, sha256: NodeSha256, uriEscapePath: false, applyChecksum: true });
}

export async function sign(rt: Runtime, request: HttpRequest, req: RawRequest): Promise<HttpRequest> {
  if (req.auth === 'none') return request;
  const creds = credentialsFor(rt, req.auth === undefined ? 'main' : req.auth);
  const s = signer(creds, req.signingRegion ?? rt.region, req.signingService ?? 's3');
  const opts = req.signingDate ? { signingDate: req.signingDate } : {};
  if (req.presignExpiresIn !== undefined) {
    if (req.unsignedPayload !== false) request.headers['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
    const out = (await s.presign(request, { ...opts, expiresIn: req.presignExpiresIn, unhoistableHeaders: new Set(['x-amz-content-sha256']) })) as HttpRequest;
    delete out.headers['x-amz-content-sha256'];
    return out;
  }
  if (req.unsignedPayload) request.headers['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
  return (await s.sign(request, opts)) as HttpRequest;
}

export async function sendRaw(rt: Runtime, request: HttpRequest): Promise<RawResponse> {
  const { response } = await sharedHandler(rt).handle(request);
  const chunks: Buffer[] = [];
  const stream = response.body as Readable | undefined;
  if (stream) for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as Uint8Array));
  const body = Buffer.concat(chunks);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(response.headers)) headers[k.toLowerCase()] = String(v);
  // Decoded and parsed once, on first use, and only a body that starts like XML is parsed: a check
  // that expects an error and gets a multi-MiB object back (a server that ignores partNumber or
  // Range) used to decode it again for every field it judged.
  let textCache: string | undefined;
  let xmlCache: Record<string, unknown> | undefined | null = null;
  let errorCache: S3ErrorBody | undefined | null = null;
  const text = (): string => (textCache ??= body.toString('utf8'));
  const xml = (): Record<string, unknown> | undefined => {
    if (xmlCache === null) xmlCache = startsLikeXml(body) ? parseXml(text()) : undefined;
    return xmlCache;
  };
  return {
    status: response.statusCode,
    headers,
    body,
    text,
    xml,
    error: () => {
      if (errorCache === null) errorCache = startsLikeXml(body) ? parseS3Error(text()) : undefined;
      return errorCache === undefined ? undefined : { ...errorCache };
    },
  };
}

/** Build, sign (or not) and send one request. */
export async function raw(rt: Runtime, req: RawRequest): Promise<RawResponse> {
  const built = buildRequest(rt, req);
  const signed = await sign(rt, built, req);
  req.afterSign?.(signed);
  return sendRaw(rt, signed);
}
