/**
 * ListObjects / ListObjectsV2 on the raw path: the exact wire values (absent vs empty elements,
 * encoding-type=url values the SDK would decode itself), parsed into a flat shape.
 */
import { fail } from '../oracle/expect.ts';
import { raw, type RawResponse } from '../transport/raw.ts';
import type { Runtime } from '../run/runtime.ts';

export type ListVersion = 'v1' | 'v2';

export interface ListRequest {
  bucket: string;
  prefix?: string;
  delimiter?: string;
  /** v1 marker / v2 start-after. */
  after?: string;
  /** v2 continuation-token. */
  token?: string;
  maxKeys?: number | string;
  encodingType?: string;
  fetchOwner?: boolean;
}

export interface WireEntry {
  Key?: string;
  LastModified?: string;
  ETag?: string;
  Size?: string;
  StorageClass?: string;
  Owner?: { ID?: string; DisplayName?: string } | string;
}

/** Element values as sent (undefined = element absent). */
export interface WireListing {
  Name?: string;
  Prefix?: string;
  Delimiter?: string;
  Marker?: string;
  NextMarker?: string;
  StartAfter?: string;
  ContinuationToken?: string;
  NextContinuationToken?: string;
  MaxKeys?: string;
  KeyCount?: string;
  IsTruncated?: string;
  EncodingType?: string;
  contents: WireEntry[];
  commonPrefixes: string[];
}

export function listQuery(version: ListVersion, r: ListRequest): Record<string, string> {
  const q: Record<string, string> = {};
  if (version === 'v2') q['list-type'] = '2';
  if (r.prefix !== undefined) q.prefix = r.prefix;
  if (r.delimiter !== undefined) q.delimiter = r.delimiter;
  if (r.after !== undefined) q[version === 'v2' ? 'start-after' : 'marker'] = r.after;
  if (r.token !== undefined) q['continuation-token'] = r.token;
  if (r.maxKeys !== undefined) q['max-keys'] = String(r.maxKeys);
  if (r.encodingType !== undefined) q['encoding-type'] = r.encodingType;
  if (r.fetchOwner) q['fetch-owner'] = 'true';
  return q;
}

export async function listRaw(rt: Runtime, version: ListVersion, r: ListRequest): Promise<RawResponse> {
  return raw(rt, { method: 'GET', bucket: r.bucket, query: listQuery(version, r) });
}

function asArray<T>(v: T | T[] | undefined): T[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function str(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  return undefined;
}

/** Parse a 200 ListBucketResult; anything else is a failure naming the request. */
export function parseListing(res: RawResponse, what: string): WireListing {
  if (res.status !== 200) {
    const e = res.error();
    fail(`${what}: listing failed`, '200 ListBucketResult', `${res.status} ${e?.code ?? ''} ${e?.message ?? res.text().slice(0, 160)}`.trim(), res.status === 501);
  }
  const doc = res.xml();
  const root = doc?.ListBucketResult as Record<string, unknown> | undefined;
  if (!root || typeof root !== 'object') fail(`${what}: the body is not a ListBucketResult document`, '<ListBucketResult>', res.text().slice(0, 200));
  const out: WireListing = { contents: [], commonPrefixes: [] };
  for (const f of ['Name', 'Prefix', 'Delimiter', 'Marker', 'NextMarker', 'StartAfter', 'ContinuationToken', 'NextContinuationToken', 'MaxKeys', 'KeyCount', 'IsTruncated', 'EncodingType'] as const) {
    const v = root[f];
    if (v !== undefined) out[f] = str(v) ?? (typeof v === 'object' && v !== null && Object.keys(v).length === 0 ? '' : JSON.stringify(v));
  }
  out.contents = asArray(root.Contents as WireEntry | WireEntry[] | undefined).map((c) => (typeof c === 'object' && c !== null ? c : {}));
  out.commonPrefixes = asArray(root.CommonPrefixes as Record<string, unknown> | Array<Record<string, unknown>> | undefined).map((c) => str(c?.Prefix) ?? '');
  return out;
}

/**
 * Decode an encoding-type=url value. AWS writes a space as `+` (form encoding: a literal `+` is
 * sent as %2B), other servers write %20; both decode to a space here, so a `+` that stands for
 * itself (not encoded) decodes to a space and no longer matches the stored key.
 */
export function urlDecode(v: string): string {
  return decodeURIComponent(v.replace(/\+/g, ' '));
}

/**
 * A value S3 returned with encoding-type=url must not carry raw characters that need encoding
 * (whitespace, '%' not starting an escape, control characters, non-ASCII). A `+` is allowed: it
 * is AWS's encoding of a space.
 */
export function looksUrlEncoded(v: string): boolean {
  // eslint-disable-next-line no-control-regex
  return !/[\s\u0000-\u001f\u007f-\uffff]/.test(v) && !/%(?![0-9A-Fa-f]{2})/.test(v);
}
