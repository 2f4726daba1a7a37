/**
 * Faults of the object-rw area added with the depth checks (see faults.ts for the shape of a fault):
 * plausible bugs of an S3 layer's PutObject / GetObject / HeadObject path that the earlier
 * catalogue did not exercise — Range parsing, conditional ETag comparison, Unicode key handling,
 * directory emulation, request-id headers, metadata encoding, the default Content-Type.
 */
import { dropHeaders, errorCode, operationOf, type Fault } from './fault-kit.ts';
import type { ProxyRequest, ProxyResponse } from './proxy.ts';

const isRead = (req: ProxyRequest): boolean => {
  const op = operationOf(req);
  return op === 'GetObject' || op === 'HeadObject';
};

const headerOf = (req: ProxyRequest, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
};

/** A Range header a lax parser would still serve: anything but one well-formed, ordered byte range. */
function malformedRange(v: string): boolean {
  const m = /^bytes=(\d*)-(\d*)$/.exec(v);
  if (!m) return true;
  const [, a, b] = m;
  if (a === '' && b === '') return true;
  return a !== '' && b !== '' && Number(a) > Number(b);
}

/** Rewrite the key of a path-style URL (decoded) with `f`, keeping the query. */
function rewriteKey(url: string, f: (key: string) => string): string | undefined {
  const [path = '/', qs] = url.split('?');
  const m = /^\/([^/]+)\/(.+)$/.exec(path);
  if (!m?.[2]) return undefined;
  let key: string;
  try {
    key = decodeURIComponent(m[2]);
  } catch {
    return undefined;
  }
  const next = f(key);
  if (next === key) return undefined;
  const enc = next
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
  return `/${m[1]}/${enc}${qs !== undefined ? `?${qs}` : ''}`;
}

function rfc2047Decoded(v: string): string | undefined {
  const m = /^=\?UTF-8\?B\?(.*)\?=$/i.exec(v);
  return m ? Buffer.from(m[1] ?? '', 'base64').toString('latin1') : undefined;
}

export const OBJECT_RW_FAULTS: Fault[] = [
  {
    id: 'object-rw/range-malformed-served',
    area: 'object',
    operation: 'GetObject',
    description: 'GetObject serves a malformed or reversed Range (bytes=1-0, 0-1, bytes=-) as its first byte (206) instead of ignoring it',
    only: ['GetObject/range-malformed-ignored', 'GetObject/range-multiple-ignored'],
    onRequest: (req) => {
      if (operationOf(req) !== 'GetObject') return;
      const r = headerOf(req, 'range');
      if (r !== undefined && malformedRange(r)) req.headers.range = 'bytes=0-0';
    },
  },
  {
    id: 'object-rw/range-suffix-zero-served',
    area: 'object',
    operation: 'GetObject',
    description: 'GetObject answers Range: bytes=-0 with the whole object (200) instead of 416 InvalidRange',
    only: ['GetObject/range-suffix-zero'],
    onRequest: (req) => {
      if (operationOf(req) === 'GetObject' && headerOf(req, 'range') === 'bytes=-0') delete req.headers.range;
    },
  },
  {
    id: 'object-rw/empty-object-range-served',
    area: 'object',
    operation: 'GetObject',
    description: 'GetObject answers Range: bytes=0- of a 0-byte object with 200 (the empty body) instead of 416 InvalidRange',
    only: ['GetObject/range-empty-object'],
    onResponse: (req, res) => {
      if (operationOf(req) !== 'GetObject' || res.status !== 416 || headerOf(req, 'range') !== 'bytes=0-') return;
      return { status: 200, headers: { 'content-type': 'binary/octet-stream', etag: '"d41d8cd98f00b204e9800998ecf8427e"' }, body: Buffer.alloc(0) };
    },
  },
  {
    id: 'object-rw/head-ignores-range',
    area: 'object',
    operation: 'HeadObject',
    description: 'HeadObject ignores Range (200 with the whole object\'s Content-Length, no Content-Range)',
    only: ['HeadObject/range'],
    onRequest: (req) => {
      if (operationOf(req) === 'HeadObject') delete req.headers.range;
    },
  },
  {
    id: 'object-rw/conditional-unquoted-etag-mismatch',
    area: 'object',
    operation: 'GetObject',
    description: 'GetObject compares If-Match / If-None-Match literally, so an ETag sent without its quotes never matches',
    only: ['GetObject/conditional-if-match-unquoted-etag', 'GetObject/conditional-if-none-match-unquoted-etag'],
    onRequest: (req) => {
      if (operationOf(req) !== 'GetObject') return;
      for (const h of ['if-match', 'if-none-match']) {
        const v = headerOf(req, h);
        if (v !== undefined && v !== '*' && !v.includes('"')) req.headers[h] = '"ffffffffffffffffffffffffffffffff"';
      }
    },
  },
  {
    id: 'object-rw/drops-request-id',
    area: 'object',
    operation: ['PutObject', 'GetObject', 'HeadObject'],
    description: 'PutObject, GetObject and HeadObject answers carry no x-amz-request-id / x-amz-id-2 headers',
    only: ['PutObject/request-id-headers', 'GetObject/request-id-headers', 'HeadObject/request-id-headers'],
    onResponse: dropHeaders(['PutObject', 'GetObject', 'HeadObject'], (n) => n === 'x-amz-request-id' || n === 'x-amz-id-2'),
  },
  {
    id: 'object-rw/keys-nfc-normalised',
    area: 'object',
    operation: 'PutObject',
    description: 'Object keys are Unicode-normalised (NFC) on the way in, so "café" in NFD and in NFC are one object',
    only: ['PutObject/key-unicode-not-normalised'],
    onRequest: (req) => {
      const op = operationOf(req);
      if (op !== 'PutObject' && op !== 'GetObject' && op !== 'HeadObject') return;
      const url = rewriteKey(req.url, (k) => k.normalize('NFC'));
      if (url) req.url = url;
    },
  },
  {
    id: 'object-rw/prefix-served-as-directory',
    area: 'object',
    operation: ['GetObject', 'HeadObject'],
    description: 'GET/HEAD of a missing key ending in "/" answers 200 with an empty body (a file-system directory emulated as an object)',
    only: ['GetObject/key-prefix-not-an-object', 'HeadObject/key-prefix-not-an-object'],
    onResponse: (req, res) => {
      if (!isRead(req) || res.status !== 404 || !(req.url.split('?')[0] ?? '').endsWith('/')) return;
      if (req.method !== 'HEAD' && errorCode(res) !== 'NoSuchKey') return;
      return { status: 200, headers: { 'content-type': 'application/x-directory', etag: '"d41d8cd98f00b204e9800998ecf8427e"' }, body: Buffer.alloc(0) };
    },
  },
  {
    id: 'object-rw/metadata-raw-utf8',
    area: 'object',
    operation: 'PutObject',
    description: 'RFC 2047-encoded x-amz-meta-* values are returned decoded, as raw UTF-8 bytes, instead of RFC 2047-encoded',
    only: ['PutObject/metadata-rfc2047'],
    onResponse: (req, res): ProxyResponse | undefined => {
      if (!isRead(req)) return;
      let changed = false;
      const headers = { ...res.headers };
      for (const [k, v] of Object.entries(headers)) {
        if (!k.startsWith('x-amz-meta-') || typeof v !== 'string') continue;
        const d = rfc2047Decoded(v);
        if (d !== undefined) {
          headers[k] = d;
          changed = true;
        }
      }
      return changed ? { ...res, headers } : undefined;
    },
  },
  {
    id: 'object-rw/default-content-type-application',
    area: 'object',
    operation: 'PutObject',
    description: 'An object stored without Content-Type is served as application/octet-stream instead of binary/octet-stream',
    only: ['PutObject/default-content-type'],
    onResponse: (req, res) => {
      if (!isRead(req) || res.headers['content-type'] !== 'binary/octet-stream') return;
      return { ...res, headers: { ...res.headers, 'content-type': 'application/octet-stream' } };
    },
  },
];
