/**
 * Shared object verifiers: raw PUT/GET/HEAD helpers that keep exact headers, and the
 * "what was written is what is read back" comparison used by the object properties.
 */
import { createHash } from 'node:crypto';
import { raw, type RawResponse } from '../raw.ts';
import type { Runtime } from '../runtime.ts';
import { expectEqual, expectHeader, expectStatus, fail, HTTP_DATE } from '../expect.ts';

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
