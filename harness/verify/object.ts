/**
 * Shared object verifiers: raw PUT/GET/HEAD helpers that keep exact headers, and the
 * "what was written is what is read back" comparison used by the object properties.
 */
import { createHash } from 'node:crypto';
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { buildRequest, parseS3Error, raw, sign, type RawRequest, type RawResponse, type S3ErrorBody } from '../transport/raw.ts';
import type { Runtime } from '../run/runtime.ts';
import { expectEqual, expectHeader, expectStatus, fail, HTTP_DATE } from '../oracle/expect.ts';

export const API = 'https://docs.aws.amazon.com/AmazonS3/latest/API/';
export const ERRORS = `${API}ErrorResponses.html#ErrorCodeList`;
export const ERROR_BODY = `${API}ErrorResponses.html#RESTErrorResponses`;

export function md5Hex(body: Buffer | string): string {
  return createHash('md5').update(body).digest('hex');
}
export function md5Base64(body: Buffer | string): string {
  return createHash('md5').update(body).digest('base64');
}
export function quotedMd5(body: Buffer | string): string {
  return `"${md5Hex(body)}"`;
}

export function metaHeaders(meta: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(meta).map(([k, v]) => [`x-amz-meta-${k}`, v]));
}

/** PUT an object through the raw path (exact headers); the answer must be 200 with the MD5 ETag. */
export async function putObjectRaw(rt: Runtime, bucket: string, key: string, body: Buffer | string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const res = await raw(rt, { method: 'PUT', bucket, key, body, headers });
  expectStatus(res, 200, `PUT ${JSON.stringify(key)}`);
  expectHeader(res.headers, 'etag', quotedMd5(body));
  return res;
}

/** The x-amz-meta-* headers of a response, names lowercased. */
export function userMetadata(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase().startsWith('x-amz-meta-')) out[k.toLowerCase().slice(11)] = v;
  return out;
}

function sortObj(o: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export interface Written {
  body: Buffer;
  meta?: Record<string, string>;
  headers?: Record<string, string>;
  /** Server time of the PUT (its Date header), to judge Last-Modified. */
  putAt?: Date;
}

/** Last-Modified must be an IMF-fixdate within a minute of the PUT (server clock). */
export function expectLastModified(headers: Record<string, string>, putAt: Date | undefined): Date {
  const lm = expectHeader(headers, 'last-modified', HTTP_DATE);
  const t = new Date(lm);
  const ref = putAt ?? new Date();
  const slack = putAt ? 60_000 : 15 * 60_000;
  if (Math.abs(t.getTime() - ref.getTime()) > slack) fail('Last-Modified is the time of the PUT', `within ${slack / 1000}s of ${ref.toUTCString()}`, lm);
  return t;
}

export function serverDate(res: RawResponse): Date | undefined {
  const d = res.headers.date;
  if (!d) return undefined;
  const t = new Date(d);
  return Number.isNaN(t.getTime()) ? undefined : t;
}

/** The representation headers of a GET/HEAD answer must be what was written. */
export function expectRepresentation(res: RawResponse, w: Written, what: string): void {
  expectHeader(res.headers, 'etag', quotedMd5(w.body));
  expectHeader(res.headers, 'content-length', String(w.body.length));
  expectLastModified(res.headers, w.putAt);
  for (const [name, value] of Object.entries(w.headers ?? {})) expectHeader(res.headers, name, value);
  expectEqual(`${what}: user metadata (x-amz-meta-*, names lowercased)`, sortObj(userMetadata(res.headers)), sortObj(Object.fromEntries(Object.entries(w.meta ?? {}).map(([k, v]) => [k.toLowerCase(), v]))));
}

/** GET must answer 200 with exactly the bytes written and the written representation headers. */
export async function expectGetMatches(rt: Runtime, bucket: string, key: string, w: Written): Promise<RawResponse> {
  const res = await raw(rt, { method: 'GET', bucket, key });
  expectStatus(res, 200, `GET ${JSON.stringify(key)}`);
  expectBytes(`GET ${JSON.stringify(key)} body`, res.body, w.body);
  expectRepresentation(res, w, 'GET');
  return res;
}

/** HEAD must answer 200, no body, and the same representation headers as GET. */
export async function expectHeadMatches(rt: Runtime, bucket: string, key: string, w: Written, get?: RawResponse): Promise<RawResponse> {
  const res = await raw(rt, { method: 'HEAD', bucket, key });
  expectStatus(res, 200, `HEAD ${JSON.stringify(key)}`);
  expectEqual('HEAD body length', res.body.length, 0);
  expectRepresentation(res, w, 'HEAD');
  if (get) {
    for (const h of ['etag', 'content-length', 'last-modified', 'content-type']) {
      expectEqual(`HEAD header ${h} equals GET's`, res.headers[h], get.headers[h]);
    }
  }
  return res;
}

export function expectBytes(what: string, observed: Buffer | Uint8Array, expected: Buffer): void {
  const o = Buffer.from(observed);
  if (o.equals(expected)) return;
  let i = 0;
  while (i < o.length && i < expected.length && o[i] === expected[i]) i++;
  fail(`${what}: bytes differ`, `${expected.length} bytes, md5 ${md5Hex(expected)}`, `${o.length} bytes, md5 ${md5Hex(o)}, first difference at byte ${i}`);
}

/** A value of an XML element that fast-xml-parser may give as a string or a one-element array. */
export function asList<T>(v: T | T[] | undefined): T[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

/**
 * A version id of the form AWS issues that names no version: the one its recordings use
 * (test_get_object_with_version_unversioned_bucket, test_delete_object, test_delete_objects).
 */
export const UNKNOWN_VERSION_ID = 'HPniJFCxqTsMuIH9KX8K8wEjNUgmABCD';

// ---- additional checksums (x-amz-checksum-*) --------------------------------------------------

export type ChecksumAlgorithm = 'crc32' | 'crc32c' | 'crc64nvme' | 'sha1' | 'sha256';

let crc32cTable: Uint32Array | undefined;
function crc32c(body: Buffer): number {
  if (!crc32cTable) {
    crc32cTable = new Uint32Array(256);
    for (let i = 0; i < 256; i++) {
      let c = i;
      for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
      crc32cTable[i] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const b of body) crc = (crc32cTable[(crc ^ b) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * CRC-64/NVME (reflected polynomial 0x9a6c9329ac4bc9b5, initial value and final XOR all ones), the
 * `x-amz-checksum-crc64nvme` S3 accepts. Table-driven over BigInt: a dozen lines, like crc32c above,
 * rather than a dependency on the SDK's internal checksum package (its self-test is an AWS recording).
 */
let crc64Table: BigUint64Array | undefined;
function crc64nvme(body: Buffer): bigint {
  if (!crc64Table) {
    crc64Table = new BigUint64Array(256);
    for (let i = 0; i < 256; i++) {
      let c = BigInt(i);
      for (let k = 0; k < 8; k++) c = c & 1n ? (c >> 1n) ^ 0x9a6c9329ac4bc9b5n : c >> 1n;
      crc64Table[i] = c;
    }
  }
  let crc = 0xffffffffffffffffn;
  for (const b of body) crc = (crc64Table[Number((crc ^ BigInt(b)) & 0xffn)] as bigint) ^ (crc >> 8n);
  return crc ^ 0xffffffffffffffffn;
}

/** The base64 value S3 expects in `x-amz-checksum-<algorithm>` for this body (big-endian CRCs). */
export function checksumOf(algorithm: ChecksumAlgorithm, body: Buffer): string {
  if (algorithm === 'sha1' || algorithm === 'sha256') return createHash(algorithm).update(body).digest('base64');
  if (algorithm === 'crc64nvme') {
    const out = Buffer.alloc(8);
    out.writeBigUInt64BE(crc64nvme(body));
    return out.toString('base64');
  }
  const n = algorithm === 'crc32' ? zlibCrc32(body) >>> 0 : crc32c(body);
  const out = Buffer.alloc(4);
  out.writeUInt32BE(n);
  return out.toString('base64');
}

// ---- one raw HTTP/1.1 connection (Expect: 100-continue, a PUT without Content-Length) ----------

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * One TCP (or TLS) connection to the target on which signed requests are written by hand, so a
 * check can send what Node's HTTP client never sends (no Content-Length on a PUT, the body held
 * back until `100 Continue`) and send a second request on the same connection. Requests sent here
 * are not in the wire log.
 */
export class WireConnection {
  private readonly socket: Socket;
  private buf = Buffer.alloc(0);
  private waiters: Array<() => void> = [];
  /** The target closed (or reset) the connection. */
  closed = false;

  private constructor(socket: Socket) {
    this.socket = socket;
    socket.on('data', (d: Buffer) => {
      this.buf = Buffer.concat([this.buf, d]);
      this.wake();
    });
    const end = (): void => {
      this.closed = true;
      this.wake();
    };
    socket.on('end', end);
    socket.on('close', end);
    socket.on('error', end);
  }

  static async open(rt: Runtime): Promise<WireConnection> {
    const u = new URL(rt.endpoint);
    const tlsOn = u.protocol === 'https:';
    const port = u.port ? Number(u.port) : tlsOn ? 443 : 80;
    const socket = await new Promise<Socket>((resolve, reject) => {
      const s: Socket = tlsOn ? tlsConnect({ host: u.hostname, port, servername: u.hostname }, () => resolve(s)) : netConnect({ host: u.hostname, port }, () => resolve(s));
      s.once('error', reject);
    });
    return new WireConnection(socket);
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  private async until<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = probe();
      if (v !== undefined) return v;
      if (this.closed) throw new WireClosedError(`the target closed the connection while waiting for ${what}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new WireTimeoutError(`no ${what} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Sign `req` as the raw path would and serialise its request line and headers (no body). */
  static async head(rt: Runtime, req: RawRequest & { omitContentLength?: boolean }): Promise<{ head: Buffer; body: Buffer }> {
    const built = buildRequest(rt, req);
    if (req.omitContentLength) delete built.headers['content-length'];
    const signed = await sign(rt, built, req);
    const qs = Object.entries(signed.query ?? {})
      .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => (x === null || x === undefined || x === '' ? rfc3986(k) : `${rfc3986(k)}=${rfc3986(String(x))}`)))
      .join('&');
    const lines = [`${signed.method} ${signed.path}${qs ? `?${qs}` : ''} HTTP/1.1`];
    for (const [k, v] of Object.entries(signed.headers)) lines.push(`${k}: ${v}`);
    const body = req.body === undefined ? Buffer.alloc(0) : Buffer.from(req.body);
    return { head: Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), body };
  }

  write(data: Buffer): void {
    if (data.length) this.socket.write(data);
  }

  /**
   * Read the next response (an interim 1xx included). HEAD answers and 1xx/204/304 carry no body;
   * otherwise Content-Length or chunked framing, else the body runs to the end of the connection.
   */
  async read(method: string, timeoutMs = 30_000): Promise<WireResponse> {
    const headEnd = await this.until(() => {
      const i = this.buf.indexOf('\r\n\r\n');
      return i >= 0 ? i : undefined;
    }, timeoutMs, 'response headers');
    const headText = this.buf.subarray(0, headEnd).toString('latin1');
    const [statusLine = '', ...headerLines] = headText.split('\r\n');
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? NaN);
    const headers: Record<string, string> = {};
    for (const l of headerLines) {
      const c = l.indexOf(':');
      if (c > 0) {
        const name = l.slice(0, c).trim().toLowerCase();
        const value = l.slice(c + 1).trim();
        headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
      }
    }
    let rest = headEnd + 4;
    let body = Buffer.alloc(0);
    const noBody = method === 'HEAD' || (status >= 100 && status < 200) || status === 204 || status === 304;
    if (!noBody) {
      if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
        const chunks: Buffer[] = [];
        for (;;) {
          const lineEnd = await this.until(() => {
            const i = this.buf.indexOf('\r\n', rest);
            return i >= 0 ? i : undefined;
          }, timeoutMs, 'a chunk size');
          const size = parseInt(this.buf.subarray(rest, lineEnd).toString('latin1'), 16);
          const start = lineEnd + 2;
          if (size === 0) {
            const trailerEnd = await this.until(() => {
              const i = this.buf.indexOf('\r\n', start);
              return i >= 0 ? i : undefined;
            }, timeoutMs, 'the last chunk');
            rest = trailerEnd + 2;
            break;
          }
          await this.until(() => (this.buf.length >= start + size + 2 ? true : undefined), timeoutMs, 'a chunk');
          chunks.push(Buffer.from(this.buf.subarray(start, start + size)));
          rest = start + size + 2;
        }
        body = Buffer.concat(chunks);
      } else if (headers['content-length'] !== undefined) {
        const n = Number(headers['content-length']);
        await this.until(() => (this.buf.length >= rest + n ? true : undefined), timeoutMs, 'the response body');
        body = Buffer.from(this.buf.subarray(rest, rest + n));
        rest += n;
      } else {
        await this.until(() => (this.closed ? true : undefined), timeoutMs, 'the end of a response without length').catch(() => undefined);
        body = Buffer.from(this.buf.subarray(rest));
        rest = this.buf.length;
      }
    }
    this.buf = this.buf.subarray(rest);
    return { status, headers, body };
  }

  /** Read past interim 1xx answers to the final one. */
  async readFinal(method: string, timeoutMs = 30_000): Promise<WireResponse> {
    for (;;) {
      const r = await this.read(method, timeoutMs);
      if (r.status >= 200 || Number.isNaN(r.status)) return r;
    }
  }

  close(): void {
    this.socket.destroy();
  }
}

export class WireClosedError extends Error {}
export class WireTimeoutError extends Error {}

function rfc3986(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The S3 <Error> document of a wire response. */
export function wireError(res: WireResponse): S3ErrorBody | undefined {
  return parseS3Error(res.body.toString('utf8'));
}
