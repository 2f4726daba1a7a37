/**
 * Signed-chunk uploads (`x-amz-content-sha256: STREAMING-AWS4-HMAC-SHA256-PAYLOAD`), the
 * trailer form (`STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER`) and the unsigned trailer form the
 * SDKs send by default (`STREAMING-UNSIGNED-PAYLOAD-TRAILER`: plain `hex(size)\r\n` chunks).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming-trailers.html
 *
 * The seed signature signs the headers; chunk n signs
 *   AWS4-HMAC-SHA256-PAYLOAD \n date \n scope \n signature(n-1) \n SHA256("") \n SHA256(chunk n)
 * and a chunk travels as `hex(size);chunk-signature=<sig>\r\n<data>\r\n`, ending with a 0-byte chunk.
 */
import {
  amzDate,
  credentialScope,
  EMPTY_SHA256,
  sha256Hex,
  signHeaders,
  signingKey,
  signString,
  STREAMING_PAYLOAD,
  STREAMING_PAYLOAD_TRAILER,
  STREAMING_UNSIGNED_PAYLOAD_TRAILER,
  type Scope,
  type SignableRequest,
  type SigningKeys,
} from './signer.ts';

export interface ChunkedOptions {
  /** Data bytes per chunk (the last one may be shorter); AWS's minimum is 8 KiB except for the last. */
  chunkSize: number;
  /** Trailing headers (e.g. x-amz-checksum-crc32), sent after the final chunk and signed. */
  trailers?: Record<string, string>;
  /** Extra headers to sign besides the ones the chunked form adds. */
  signedHeaders?: readonly string[];
  /**
   * STREAMING-UNSIGNED-PAYLOAD-TRAILER: chunks carry no signature (`hex(size)\r\n data \r\n`), the
   * trailer no trailer signature; only the headers are signed. Needs `trailers`.
   */
  unsigned?: boolean;
  /** The x-amz-decoded-content-length to declare (default: the data's length; a string is sent as is). */
  decodedLength?: number | string;
  /** Send the trailer without announcing it in x-amz-trailer (a malformed request). */
  omitTrailerHeader?: boolean;
}

export interface ChunkedUpload {
  headers: Record<string, string | readonly string[]>;
  /** The framed body to send. */
  body: Buffer;
  seedSignature: string;
  chunkSignatures: string[];
  trailerSignature?: string;
}

const SIG_LEN = 64;

function split(data: Uint8Array, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < data.length; i += size) out.push(Buffer.from(data.subarray(i, Math.min(data.length, i + size))));
  out.push(Buffer.alloc(0));
  return out;
}

function canonicalTrailers(trailers: Record<string, string>): string {
  return Object.entries(trailers)
    .map(([k, v]) => [k.toLowerCase(), v.trim()] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([k, v]) => `${k}:${v}\n`)
    .join('');
}

/** Total framed length (Content-Length) for data of `n` bytes. */
export function framedLength(n: number, chunkSize: number, trailers?: Record<string, string>, unsigned = false): number {
  let total = 0;
  const sizes: number[] = [];
  for (let i = 0; i < n; i += chunkSize) sizes.push(Math.min(chunkSize, n - i));
  sizes.push(0);
  const sigPart = unsigned ? 0 : ';chunk-signature='.length + SIG_LEN;
  for (const s of sizes) total += s.toString(16).length + sigPart + 2 + s + (s > 0 || !trailers ? 2 : 0);
  if (trailers) {
    total += Buffer.byteLength(canonicalTrailers(trailers).replace(/\n/g, '\r\n'));
    total += unsigned ? 2 : 'x-amz-trailer-signature:'.length + SIG_LEN + 2 + 2;
  }
  return total;
}

/** The chunk signature of `chunk` given the previous signature. */
export function chunkSignature(key: Uint8Array, scope: Scope, previous: string, chunk: Uint8Array): string {
  const sts = ['AWS4-HMAC-SHA256-PAYLOAD', amzDate(scope.date), credentialScope(scope), previous, EMPTY_SHA256, sha256Hex(chunk)].join('\n');
  return signString(key, sts);
}

export function trailerSignature(key: Uint8Array, scope: Scope, previous: string, trailers: Record<string, string>): string {
  const sts = ['AWS4-HMAC-SHA256-TRAILER', amzDate(scope.date), credentialScope(scope), previous, sha256Hex(canonicalTrailers(trailers))].join('\n');
  return signString(key, sts);
}

/**
 * Sign and frame a chunked upload. The request's headers get content-encoding aws-chunked,
 * x-amz-decoded-content-length and content-length (framed), then the seed signature.
 */
export function signChunked(req: SignableRequest, data: Uint8Array, keys: SigningKeys, scope: Scope, opts: ChunkedOptions): ChunkedUpload {
  const trailers = opts.trailers && Object.keys(opts.trailers).length ? opts.trailers : undefined;
  const unsigned = opts.unsigned === true;
  if (unsigned && !trailers) throw new Error('STREAMING-UNSIGNED-PAYLOAD-TRAILER needs trailers');
  const headers: Record<string, string | readonly string[]> = {
    ...req.headers,
    'content-encoding': 'aws-chunked',
    'x-amz-decoded-content-length': String(opts.decodedLength ?? data.length),
    'content-length': String(framedLength(data.length, opts.chunkSize, trailers, unsigned)),
  };
  if (trailers && !opts.omitTrailerHeader) headers['x-amz-trailer'] = Object.keys(trailers).map((k) => k.toLowerCase()).sort().join(',');
  const seed = signHeaders({ ...req, headers }, keys, scope, {
    payloadHash: unsigned ? STREAMING_UNSIGNED_PAYLOAD_TRAILER : trailers ? STREAMING_PAYLOAD_TRAILER : STREAMING_PAYLOAD,
    ...(opts.signedHeaders ? { signedHeaders: opts.signedHeaders } : {}),
  });
  const key = signingKey(keys.secretAccessKey, scope);
  const parts: Buffer[] = [];
  const chunkSignatures: string[] = [];
  let prev = seed.signature;
  for (const chunk of split(data, opts.chunkSize)) {
    if (unsigned) {
      parts.push(Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk);
    } else {
      const sig = chunkSignature(key, scope, prev, chunk);
      chunkSignatures.push(sig);
      parts.push(Buffer.from(`${chunk.length.toString(16)};chunk-signature=${sig}\r\n`), chunk);
      prev = sig;
    }
    if (chunk.length > 0 || !trailers) parts.push(Buffer.from('\r\n'));
  }
  let tsig: string | undefined;
  if (trailers && unsigned) {
    parts.push(Buffer.from(canonicalTrailers(trailers).replace(/\n/g, '\r\n')), Buffer.from('\r\n'));
  } else if (trailers) {
    tsig = trailerSignature(key, scope, prev, trailers);
    parts.push(Buffer.from(canonicalTrailers(trailers).replace(/\n/g, '\r\n')), Buffer.from(`x-amz-trailer-signature:${tsig}\r\n\r\n`));
  }
  const body = Buffer.concat(parts);
  return { headers: seed.headers, body, seedSignature: seed.signature, chunkSignatures, ...(tsig ? { trailerSignature: tsig } : {}) };
}
