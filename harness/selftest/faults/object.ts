/**
 * The faults of the object area (PutObject, GetObject, HeadObject, CopyObject, DeleteObject,
 * DeleteObjects): plausible bugs of an S3 layer's object read/write path — representation headers
 * lost or reformatted on the way out, Range and conditional handling, Unicode key handling,
 * directory emulation, copy-source parsing and copy metadata handled wrongly, multi-object delete
 * answers of the wrong shape, request-id headers, and success or error statuses of the underlying
 * store leaking through. See kit.ts for the shape of a fault.
 *
 * A few faults keep a little state (what a PUT wrote, where a copy went) so they can emulate a
 * server bug faithfully on the later GET/HEAD of that object; the state lives in the fault and
 * only ever sees the requests of the run that uses it.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { acceptRejected, dropErrorElement, dropHeaders, editBody, editElements, editErrorAnswers, errorCode, ok, operationOf, recode, stripRequestHeader, withoutHeader, xmlEscape, type Fault } from './kit.ts';
import { pathOf, queryOf, type ProxyRequest, type ProxyResponse } from '../proxy.ts';

/**
 * The PutObject checks that can be judged through the proxy: all but the raw-socket checks of the
 * HTTP framing (PutObject/expect-100-continue*, PutObject/missing-content-length), which the
 * proxy's own HTTP server answers itself (it sends 100 Continue before forwarding and re-frames
 * the body), so they say nothing about the server behind it.
 */
const PUT_OBJECT_THROUGH_PROXY = [
  'PutObject/round-trip',
  'PutObject/key',
  'PutObject/metadata',
  'PutObject/default-content-type',
  'PutObject/content-md5',
  'PutObject/bad-digest',
  'PutObject/checksum',
  'PutObject/if-',
  'PutObject/overwrite',
  'PutObject/no-such-bucket',
  'PutObject/expected-bucket-owner',
  'PutObject/request-id',
  'PutObject/sdk-default',
];

/** "bucket/decoded key" of a path-style object request. */
function objectPath(req: Pick<ProxyRequest, 'url'>): string {
  const { bucket, key } = pathOf(req.url);
  return `${bucket ?? ''}/${key ?? ''}`;
}

/** "bucket/decoded key" named by x-amz-copy-source (leading "/" optional, ?versionId dropped). */
function copySourcePath(req: ProxyRequest): string | undefined {
  const h = req.headers['x-amz-copy-source'];
  if (typeof h !== 'string') return undefined;
  const s = (h.split('?')[0] ?? '').replace(/^\//, '');
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const header = (h: IncomingHttpHeaders, name: string): string | undefined => {
  const v = h[name];
  return Array.isArray(v) ? v.join(', ') : v;
};

function metaOf(h: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (k.startsWith('x-amz-meta-') && v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function withMeta(res: ProxyResponse, meta: Record<string, string>, contentType?: string): ProxyResponse {
  const headers: IncomingHttpHeaders = {};
  for (const [k, v] of Object.entries(res.headers)) if (!k.startsWith('x-amz-meta-')) headers[k] = v;
  Object.assign(headers, meta);
  if (contentType !== undefined) headers['content-type'] = contentType;
  return { ...res, headers };
}

const isRead = (req: ProxyRequest): boolean => {
  const op = operationOf(req);
  return op === 'GetObject' || op === 'HeadObject';
};

function setHeader(res: ProxyResponse, name: string, value: string): ProxyResponse {
  return { ...res, headers: { ...res.headers, [name]: value } };
}

const xmlUnescape = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, d: string) => String.fromCodePoint(parseInt(d, 16)))
    .replace(/&amp;/g, '&');

/** The <Key> values of a DeleteObjects request body. */
function requestKeys(req: ProxyRequest): string[] {
  return [...req.body.toString('utf8').matchAll(/<Key>([\s\S]*?)<\/Key>/g)].map((m) => xmlUnescape(m[1] ?? ''));
}

/** CopyObject answers an IMF-fixdate instead of the ISO 8601 timestamp in <LastModified>. */
function httpDateLastModified(xml: string): string {
  return xml.replace(/<LastModified>([^<]+)<\/LastModified>/, (_m, iso: string) => {
    const d = new Date(iso);
    return `<LastModified>${Number.isNaN(d.getTime()) ? iso : d.toUTCString()}</LastModified>`;
  });
}

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

/** An S3 error document with a RequestId element and both request-id headers (the kit's s3Error has neither). */
function s3Error(status: number, code: string, message: string): ProxyResponse {
  return {
    status,
    headers: { 'content-type': 'application/xml', 'x-amz-request-id': 'fault', 'x-amz-id-2': 'fault' },
    body: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message><RequestId>fault</RequestId></Error>`),
  };
}

/** A CopyObject whose x-amz-copy-source matches `test` is answered 404 NoSuchKey (a server that decodes the source wrongly). */
function copySourceMisdecoded(id: string, description: string, only: string[], test: (src: string) => boolean): Fault {
  return {
    id,
    area: 'object',
    operation: 'CopyObject',
    description,
    only,
    onResponse: (req, res) => {
      if (operationOf(req) !== 'CopyObject' || res.status !== 200) return undefined;
      const src = headerOf(req, 'x-amz-copy-source') ?? '';
      return test(src) ? s3Error(404, 'NoSuchKey', 'The specified key does not exist.') : undefined;
    },
  };
}

// ---- stateful faults ------------------------------------------------------------------------

/** CopyObject with MetadataDirective REPLACE keeps the source's metadata and Content-Type. */
function copyReplaceIgnored(): Fault {
  const written = new Map<string, { meta: Record<string, string>; type?: string }>();
  const copies = new Map<string, { meta: Record<string, string>; type?: string }>();
  return {
    id: 'object2/copy-replace-ignored',
    area: 'object',
    operation: 'CopyObject',
    description: 'CopyObject with x-amz-metadata-directive REPLACE copies the source metadata and Content-Type instead of the request ones',
    only: ['CopyObject/onto-itself-replace', 'CopyObject/metadata-directive'],
    onResponse: (req, res) => {
      const op = operationOf(req);
      if (op === 'PutObject' && res.status === 200) {
        const type = header(req.headers, 'content-type');
        written.set(objectPath(req), { meta: metaOf(req.headers), ...(type !== undefined ? { type } : {}) });
        copies.delete(objectPath(req));
        return undefined;
      }
      if (op === 'CopyObject' && res.status === 200) {
        const src = copySourcePath(req);
        const old = src !== undefined ? written.get(src) : undefined;
        if (header(req.headers, 'x-amz-metadata-directive')?.toUpperCase() === 'REPLACE' && old) copies.set(objectPath(req), old);
        return undefined;
      }
      if (isRead(req) && res.status === 200) {
        const old = copies.get(objectPath(req));
        if (old) return withMeta(res, old.meta, old.type ?? 'binary/octet-stream');
      }
      return undefined;
    },
  };
}

/** CopyObject with MetadataDirective COPY (or none) applies the x-amz-meta-* sent with the request. */
function copyDirectiveCopyTakesRequestMeta(): Fault {
  const copies = new Map<string, Record<string, string>>();
  return {
    id: 'object2/copy-directive-copy-takes-request-meta',
    area: 'object',
    operation: 'CopyObject',
    description: 'CopyObject with MetadataDirective COPY merges the request x-amz-meta-* into the copy instead of ignoring them',
    only: ['CopyObject/metadata-directive'],
    onResponse: (req, res) => {
      const op = operationOf(req);
      if (op === 'CopyObject' && res.status === 200) {
        const directive = header(req.headers, 'x-amz-metadata-directive')?.toUpperCase() ?? 'COPY';
        const meta = metaOf(req.headers);
        if (directive === 'COPY' && Object.keys(meta).length) copies.set(objectPath(req), meta);
        return undefined;
      }
      if (isRead(req) && res.status === 200) {
        const meta = copies.get(objectPath(req));
        if (meta) return { ...res, headers: { ...res.headers, ...meta } };
      }
      return undefined;
    },
  };
}

/** A copy (MetadataDirective COPY) loses the source's Content-Type. */
function copyDropsContentType(): Fault {
  const copies = new Set<string>();
  return {
    id: 'object2/copy-drops-content-type',
    area: 'object',
    operation: 'CopyObject',
    description: 'CopyObject (MetadataDirective COPY) does not copy Content-Type: the copy is served as binary/octet-stream',
    only: ['CopyObject/same-bucket'],
    onResponse: (req, res) => {
      const op = operationOf(req);
      if (op === 'CopyObject' && res.status === 200 && header(req.headers, 'x-amz-metadata-directive')?.toUpperCase() !== 'REPLACE') {
        copies.add(objectPath(req));
        return undefined;
      }
      if (op === 'PutObject') copies.delete(objectPath(req));
      if (isRead(req) && res.status === 200 && copies.has(objectPath(req))) return setHeader(res, 'content-type', 'binary/octet-stream');
      return undefined;
    },
  };
}

/** Missing keys are reported as <Error><Code>NoSuchKey</Code> instead of <Deleted>. */
function deleteObjectsErrorsForMissing(): Fault {
  const existing = new Set<string>();
  return {
    id: 'object2/delete-objects-errors-for-missing',
    area: 'object',
    operation: 'DeleteObjects',
    description: 'DeleteObjects reports keys that did not exist as <Error> NoSuchKey instead of <Deleted>',
    only: ['DeleteObjects/verbose', 'DeleteObjects/quiet'],
    onResponse: (req, res) => {
      const op = operationOf(req);
      if ((op === 'PutObject' || op === 'CopyObject') && res.status === 200) {
        existing.add(objectPath(req));
        return undefined;
      }
      if (op !== 'DeleteObjects' || res.status !== 200) return undefined;
      const bucket = pathOf(req.url).bucket ?? '';
      const xml = res.body.toString('utf8');
      let changed = false;
      const out = xml.replace(/<Deleted>([\s\S]*?)<\/Deleted>/g, (whole, inner: string) => {
        const key = xmlUnescape(/<Key>([\s\S]*?)<\/Key>/.exec(inner)?.[1] ?? '');
        if (existing.has(`${bucket}/${key}`)) return whole;
        changed = true;
        return `<Error><Key>${xmlEscape(key)}</Key><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>`;
      });
      for (const k of requestKeys(req)) existing.delete(`${bucket}/${k}`);
      return changed ? { ...res, body: Buffer.from(out) } : undefined;
    },
  };
}

export const OBJECT_FAULTS: Fault[] = [
  // ---- the first catalogue (object/…) -----------------------------------------------------------
  {
    id: 'object/put-wrong-etag',
    area: 'object',
    operation: 'PutObject',
    description: 'PutObject answers an ETag that is not the MD5 of the body',
    only: PUT_OBJECT_THROUGH_PROXY,
    onResponse: (req, res) => (operationOf(req) === 'PutObject' && res.status === 200 ? { ...res, headers: { ...res.headers, etag: '"0123456789abcdef0123456789abcdef"' } } : undefined),
  },
  {
    id: 'object/get-ignores-range',
    area: 'object',
    operation: 'GetObject',
    description: 'GetObject ignores Range and answers 200 with the whole object',
    only: ['GetObject/'],
    onRequest: stripRequestHeader(['GetObject'], 'range'),
  },
  {
    id: 'object/get-corrupts-byte',
    area: 'object',
    operation: 'GetObject',
    description: 'GetObject flips one byte of a body of 2 bytes or more',
    only: ['GetObject/'],
    onResponse: (req, res) => {
      if (operationOf(req) !== 'GetObject' || res.status >= 300 || res.body.length < 2) return;
      const body = Buffer.from(res.body);
      body[body.length >> 1] = (body[body.length >> 1] as number) ^ 0x01;
      return { ...res, body };
    },
  },
  {
    id: 'object/head-drops-last-modified',
    area: 'object',
    operation: 'HeadObject',
    description: 'HeadObject omits Last-Modified and user metadata',
    only: ['HeadObject/'],
    onResponse: dropHeaders(['HeadObject'], (n) => n === 'last-modified' || n.startsWith('x-amz-meta-')),
  },
  {
    id: 'object/put-ignores-content-md5',
    area: 'object',
    operation: 'PutObject',
    description: 'PutObject does not verify Content-MD5 (a wrong digest is accepted)',
    only: PUT_OBJECT_THROUGH_PROXY,
    onRequest: stripRequestHeader(['PutObject'], 'content-md5'),
  },
  {
    id: 'object/no-such-key-wrong-code',
    area: 'object',
    operation: 'GetObject',
    description: 'A missing key answers 404 NoSuchBucket instead of NoSuchKey',
    only: ['GetObject/'],
    onResponse: (req, res) =>
      operationOf(req) === 'GetObject' && errorCode(res) === 'NoSuchKey' ? { ...res, body: Buffer.from(res.body.toString('utf8').replace(/<Code>NoSuchKey<\/Code>/, '<Code>NoSuchBucket</Code>')) } : undefined,
  },
  {
    id: 'object/delete-missing-404',
    area: 'object',
    operation: 'DeleteObject',
    description: 'DeleteObject of a missing key answers 404 NoSuchKey instead of 204',
    only: ['DeleteObject/'],
    onResponse: (req, res) => {
      if (operationOf(req) !== 'DeleteObject' || res.status !== 204) return;
      return { status: 404, headers: { 'content-type': 'application/xml' }, body: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>fault</Message></Error>') };
    },
  },
  {
    id: 'object/copy-ignores-source-conditionals',
    area: 'object',
    operation: 'CopyObject',
    description: 'CopyObject ignores x-amz-copy-source-if-match / if-none-match',
    only: ['CopyObject/'],
    onRequest: (req) => {
      if (operationOf(req) !== 'CopyObject') return;
      delete req.headers['x-amz-copy-source-if-match'];
      delete req.headers['x-amz-copy-source-if-none-match'];
      delete req.headers['x-amz-copy-source-if-modified-since'];
      delete req.headers['x-amz-copy-source-if-unmodified-since'];
    },
  },
  {
    id: 'object/delete-objects-drops-deleted',
    area: 'object',
    operation: 'DeleteObjects',
    description: 'DeleteObjects omits one <Deleted> entry from a verbose answer',
    only: ['DeleteObjects/'],
    onResponse: editBody(['DeleteObjects'], (xml) => xml.replace(/<Deleted>[\s\S]*?<\/Deleted>/, '')),
  },
  {
    id: 'object/get-conditional-ignored',
    area: 'object',
    operation: 'GetObject',
    description: 'GetObject ignores If-None-Match / If-Match (answers 200 where 304/412 is due)',
    only: ['GetObject/'],
    onRequest: (req) => {
      if (operationOf(req) !== 'GetObject') return;
      delete req.headers['if-none-match'];
      delete req.headers['if-match'];
      delete req.headers['if-modified-since'];
      delete req.headers['if-unmodified-since'];
    },
  },
  // ---- second round (object2/…) -----------------------------------------------------------------
  // GetObject: representation headers
  {
    id: 'object2/get-content-type-default',
    area: 'object',
    operation: 'GetObject',
    description: 'GetObject answers Content-Type binary/octet-stream whatever type was stored (HEAD is right)',
    only: ['GetObject/stored-headers'],
    onResponse: (req, res) => {
      if (operationOf(req) !== 'GetObject' || res.status >= 300 || queryOf(req.url).has('response-content-type')) return;
      return header(res.headers, 'content-type') === 'binary/octet-stream' ? undefined : setHeader(res, 'content-type', 'binary/octet-stream');
    },
  },
  {
    id: 'object2/get-charset-appended',
    area: 'object',
    operation: 'GetObject',
    description: 'GetObject appends "; charset=utf-8" to a stored Content-Type without a charset (a web framework default)',
    only: ['GetObject/stored-headers', 'GetObject/range'],
    onResponse: (req, res) => {
      const ct = header(res.headers, 'content-type');
      if (operationOf(req) !== 'GetObject' || res.status >= 300 || ct === undefined || /charset=/i.test(ct)) return;
      return setHeader(res, 'content-type', `${ct}; charset=utf-8`);
    },
  },
  {
    id: 'object2/get-drops-user-metadata',
    area: 'object',
    operation: 'GetObject',
    description: 'GetObject omits the x-amz-meta-* headers (HEAD returns them)',
    only: ['GetObject/stored-headers'],
    onResponse: dropHeaders(['GetObject'], (n) => n.startsWith('x-amz-meta-')),
  },
  {
    id: 'object2/get-drops-standard-headers',
    area: 'object',
    operation: 'GetObject',
    description: 'GetObject omits the stored Content-Language, Content-Disposition, Cache-Control and Expires (HEAD returns them)',
    only: ['GetObject/stored-headers'],
    onResponse: (req, res) => {
      if (queryOf(req.url).has('response-content-language')) return undefined;
      return dropHeaders(['GetObject'], (n) => ['content-language', 'content-disposition', 'cache-control', 'expires'].includes(n))?.(req, res);
    },
  },
  {
    id: 'object2/get-last-modified-iso',
    area: 'object',
    operation: 'GetObject',
    description: 'GetObject writes Last-Modified as ISO 8601 (2024-01-02T03:04:05.000Z) instead of an RFC 7231 IMF-fixdate',
    only: ['GetObject/stored-headers'],
    onResponse: (req, res) => {
      const lm = header(res.headers, 'last-modified');
      if (operationOf(req) !== 'GetObject' || lm === undefined) return;
      const d = new Date(lm);
      return Number.isNaN(d.getTime()) ? undefined : setHeader(res, 'last-modified', d.toISOString());
    },
  },
  {
    id: 'object2/get-etag-weak',
    area: 'object',
    operation: 'GetObject',
    description: 'GetObject answers a weak ETag (W/"…"), as a compressing middleware would',
    only: ['GetObject/stored-headers', 'GetObject/range'],
    onResponse: (req, res) => {
      const etag = header(res.headers, 'etag');
      if (operationOf(req) !== 'GetObject' || res.status >= 300 || etag === undefined || etag.startsWith('W/')) return;
      return setHeader(res, 'etag', `W/${etag}`);
    },
  },
  // GetObject: ranges, overrides, errors
  {
    id: 'object2/range-total-unknown',
    area: 'object',
    operation: 'GetObject',
    description: 'A 206 answer writes Content-Range "bytes a-b/*" (unknown total) instead of the object size',
    only: ['GetObject/range'],
    onResponse: (req, res) => {
      const cr = header(res.headers, 'content-range');
      if (operationOf(req) !== 'GetObject' || res.status !== 206 || cr === undefined) return;
      return setHeader(res, 'content-range', cr.replace(/\/\d+$/, '/*'));
    },
  },
  {
    id: 'object2/range-416-without-code',
    area: 'object',
    operation: 'GetObject',
    description: 'An unsatisfiable range answers 416 with an empty body (no InvalidRange error document)',
    only: ['GetObject/range'],
    onResponse: (req, res) => (operationOf(req) === 'GetObject' && res.status === 416 ? { status: 416, headers: { 'content-range': 'bytes */100' }, body: Buffer.alloc(0) } : undefined),
  },
  {
    id: 'object2/response-overrides-ignored',
    area: 'object',
    operation: 'GetObject',
    description: 'GetObject ignores response-content-type and response-content-disposition (answers the stored values)',
    only: ['GetObject/response-header-overrides'],
    onResponse: (req, res) => {
      const q = queryOf(req.url);
      if (operationOf(req) !== 'GetObject' || res.status >= 300 || !q.has('response-content-type')) return;
      const headers = { ...res.headers, 'content-type': 'binary/octet-stream' };
      delete headers['content-disposition'];
      return { ...res, headers };
    },
  },
  {
    id: 'object2/no-such-key-status-400',
    area: 'object',
    operation: 'GetObject',
    description: 'A missing key answers the NoSuchKey document with HTTP 400 instead of 404',
    only: ['GetObject/no-such-key'],
    onResponse: (req, res) => (operationOf(req) === 'GetObject' && errorCode(res) === 'NoSuchKey' ? { ...res, status: 400 } : undefined),
  },
  // HeadObject
  {
    id: 'object2/head-content-length-plus-one',
    area: 'object',
    operation: 'HeadObject',
    description: 'HeadObject reports Content-Length one byte larger than the object',
    only: ['HeadObject/same-headers-as-get'],
    onResponse: (req, res) => {
      const cl = header(res.headers, 'content-length');
      if (operationOf(req) !== 'HeadObject' || res.status !== 200 || cl === undefined) return;
      return setHeader(res, 'content-length', String(Number(cl) + 1));
    },
  },
  {
    id: 'object2/head-etag-unquoted',
    area: 'object',
    operation: 'HeadObject',
    description: 'HeadObject answers the ETag without the surrounding double quotes (GET quotes it)',
    only: ['HeadObject/same-headers-as-get'],
    onResponse: (req, res) => {
      const etag = header(res.headers, 'etag');
      if (operationOf(req) !== 'HeadObject' || res.status !== 200 || etag === undefined || !etag.includes('"')) return;
      return setHeader(res, 'etag', etag.replace(/"/g, ''));
    },
  },
  {
    id: 'object2/head-drops-representation-headers',
    area: 'object',
    operation: 'HeadObject',
    description: 'HeadObject omits the stored Content-Language, Content-Encoding and Expires (GET returns them)',
    only: ['HeadObject/same-headers-as-get'],
    onResponse: dropHeaders(['HeadObject'], (n) => ['content-language', 'content-encoding', 'expires'].includes(n)),
  },
  {
    id: 'object2/head-missing-403',
    area: 'object',
    operation: 'HeadObject',
    description: 'HEAD of a missing key answers 403 instead of 404 (permission checked as if the key existed)',
    only: ['HeadObject/no-such-key'],
    onResponse: (req, res) => (operationOf(req) === 'HeadObject' && res.status === 404 ? { ...res, status: 403 } : undefined),
  },
  // PutObject, DeleteObject
  {
    id: 'object2/put-201-created',
    area: 'object',
    operation: 'PutObject',
    description: "PutObject answers 201 Created (the backing store's status leaks through) instead of 200",
    only: ['PutObject/content-md5', 'PutObject/round-trip-body'],
    onResponse: (req, res) => (operationOf(req) === 'PutObject' && res.status === 200 ? { ...res, status: 201 } : undefined),
  },
  {
    id: 'object2/delete-200-ok',
    area: 'object',
    operation: 'DeleteObject',
    description: 'DeleteObject answers 200 OK instead of 204 No Content',
    only: ['DeleteObject/'],
    onResponse: (req, res) => (operationOf(req) === 'DeleteObject' && res.status === 204 ? { ...res, status: 200 } : undefined),
  },
  // CopyObject
  copyReplaceIgnored(),
  {
    id: 'object2/copy-accepts-unknown-directive',
    area: 'object',
    operation: 'CopyObject',
    description: 'CopyObject accepts an x-amz-metadata-directive other than COPY/REPLACE (400 InvalidArgument turned into 200)',
    only: ['CopyObject/metadata-directive'],
    onResponse: acceptRejected(['CopyObject'], ['InvalidArgument'], 400),
  },
  copyDirectiveCopyTakesRequestMeta(),
  copyDropsContentType(),
  {
    id: 'object2/copy-last-modified-http-date',
    area: 'object',
    operation: 'CopyObject',
    description: '<CopyObjectResult><LastModified> is an HTTP date (RFC 7231) instead of an ISO 8601 timestamp',
    only: ['CopyObject/same-bucket', 'CopyObject/metadata-directive'],
    onResponse: editBody(['CopyObject'], httpDateLastModified),
  },
  // DeleteObjects
  {
    id: 'object2/delete-objects-quiet-leaks-deleted',
    area: 'object',
    operation: 'DeleteObjects',
    description: 'DeleteObjects in Quiet mode still lists every key as <Deleted>',
    only: ['DeleteObjects/quiet'],
    onResponse: editBody(['DeleteObjects'], (xml, req) => {
      if (!/<Quiet>\s*true\s*<\/Quiet>/i.test(req.body.toString('utf8')) || xml.includes('<Deleted>')) return xml;
      const entries = requestKeys(req)
        .map((k) => `<Deleted><Key>${xmlEscape(k)}</Key></Deleted>`)
        .join('');
      return xml.replace(/<DeleteResult([^>]*)\/>/, '<DeleteResult$1></DeleteResult>').replace('</DeleteResult>', `${entries}</DeleteResult>`);
    }),
  },
  deleteObjectsErrorsForMissing(),
  {
    id: 'object2/delete-objects-ignores-content-md5',
    area: 'object',
    operation: 'DeleteObjects',
    description: 'DeleteObjects does not verify Content-MD5 (400 BadDigest turned into 200 with an empty DeleteResult)',
    only: ['DeleteObjects/content-md5'],
    onResponse: acceptRejected(['DeleteObjects'], ['BadDigest'], 400),
  },
  {
    id: 'object2/delete-objects-keys-url-encoded',
    area: 'object',
    operation: 'DeleteObjects',
    description: 'DeleteObjects writes the <Deleted><Key> values URL-encoded although no encoding-type was requested',
    only: ['DeleteObjects/verbose', 'DeleteObjects/xml-special-keys'],
    onResponse: editBody(['DeleteObjects'], (xml) =>
      xml.replace(/<Deleted>([\s\S]*?)<\/Deleted>/g, (_w, inner: string) => `<Deleted>${inner.replace(/<Key>([\s\S]*?)<\/Key>/, (_m, k: string) => `<Key>${encodeURIComponent(xmlUnescape(k))}</Key>`)}</Deleted>`),
    ),
  },
  // ---- depth checks: PutObject, GetObject, HeadObject (object-rw/…) -----------------------------
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
  // ---- depth checks: CopyObject, DeleteObject, DeleteObjects (object-cd/…) ----------------------
  {
    id: 'object-cd/copy-bad-source-no-such-bucket',
    area: 'object',
    operation: 'CopyObject',
    description: 'CopyObject with an x-amz-copy-source that has no "/" (no key) answers 404 NoSuchBucket instead of 400 InvalidArgument',
    only: ['CopyObject/malformed-copy-source'],
    onResponse: (req, res) => {
      if (operationOf(req) !== 'CopyObject' || errorCode(res) !== 'InvalidArgument') return undefined;
      const src = (headerOf(req, 'x-amz-copy-source') ?? '').replace(/^\//, '');
      return src.includes('/') ? undefined : s3Error(404, 'NoSuchBucket', 'The specified bucket does not exist');
    },
  },
  {
    id: 'object-cd/copy-onto-itself-accepted',
    area: 'object',
    operation: 'CopyObject',
    description: 'CopyObject onto itself without REPLACE is accepted (400 InvalidRequest turned into 200)',
    only: ['CopyObject/onto-itself'],
    onResponse: acceptRejected(['CopyObject'], ['InvalidRequest'], 400),
  },
  copySourceMisdecoded(
    'object-cd/copy-source-plus-as-space',
    'CopyObject decodes "%2B" in x-amz-copy-source as a space (form decoding), so the source key with "+" is not found',
    ['CopyObject/source-key-plus'],
    (src) => /%2B/i.test(src),
  ),
  copySourceMisdecoded(
    'object-cd/copy-source-double-decoded',
    'CopyObject URL-decodes x-amz-copy-source twice, so a source key holding "%" is not found',
    ['CopyObject/source-key-percent'],
    (src) => /%25/i.test(src),
  ),
  copySourceMisdecoded(
    'object-cd/copy-source-nfc-normalized',
    'CopyObject normalises the x-amz-copy-source key to NFC, so the NFD spelling of a key is not found',
    ['CopyObject/source-key-unicode-normalization'],
    (src) => /%CC%81/i.test(src),
  ),
  {
    id: 'object-cd/delete-if-match-ignored',
    area: 'object',
    operation: 'DeleteObject',
    description: 'DeleteObject with a failing If-Match answers 204 instead of 412 PreconditionFailed',
    only: ['DeleteObject/if-match'],
    onResponse: (req, res) =>
      operationOf(req) === 'DeleteObject' && res.status === 412 ? { status: 204, headers: { 'x-amz-request-id': 'fault', 'x-amz-id-2': 'fault' }, body: Buffer.alloc(0) } : undefined,
  },
  {
    id: 'object-cd/request-id-2-dropped',
    area: 'object',
    operation: ['CopyObject', 'DeleteObject', 'DeleteObjects'],
    description: 'CopyObject, DeleteObject and DeleteObjects answers carry no x-amz-id-2 header',
    only: ['CopyObject/request-id-headers', 'DeleteObject/request-id-headers', 'DeleteObjects/request-id-headers'],
    onResponse: dropHeaders(['CopyObject', 'DeleteObject', 'DeleteObjects'], (n) => n === 'x-amz-id-2'),
  },
  {
    id: 'object-cd/multi-delete-without-md5-accepted',
    area: 'object',
    operation: 'DeleteObjects',
    description: 'DeleteObjects without Content-MD5 or a checksum header is accepted (400 turned into 200)',
    only: ['DeleteObjects/missing-content-md5'],
    onResponse: acceptRejected(['DeleteObjects'], ['InvalidRequest', 'MissingContentMD5'], 400, (req) => headerOf(req, 'content-md5') === undefined),
  },
  {
    id: 'object-cd/multi-delete-missing-bucket-200',
    area: 'object',
    operation: 'DeleteObjects',
    description: 'DeleteObjects on a missing bucket answers 200 with an empty <DeleteResult> instead of 404 NoSuchBucket',
    only: ['DeleteObjects/no-such-bucket'],
    onResponse: acceptRejected(['DeleteObjects'], ['NoSuchBucket'], 404),
  },
  {
    id: 'object3/get-drops-accept-ranges',
    area: 'object',
    operation: 'GetObject',
    description: 'GetObject answers carry no Accept-Ranges: bytes',
    only: ['GetObject/accept-ranges'],
    upstream: 'rgw', // Swift's s3api sends no Accept-Ranges (a known deviation)
    onResponse: dropHeaders(['GetObject'], (n) => n === 'accept-ranges'),
  },
  {
    id: 'object3/head-drops-accept-ranges',
    area: 'object',
    operation: 'HeadObject',
    description: 'HeadObject answers carry no Accept-Ranges: bytes',
    only: ['HeadObject/accept-ranges'],
    upstream: 'rgw', // Swift's s3api sends no Accept-Ranges (a known deviation)
    onResponse: dropHeaders(['HeadObject'], (n) => n === 'accept-ranges'),
  },
  {
    id: 'object4/no-such-bucket-names-key',
    area: 'object',
    operation: 'GetObject',
    description: 'the NoSuchBucket error of a GET names the requested key in <BucketName> instead of the bucket',
    only: ['GetObject/no-such-bucket-names-bucket'],
    onResponse: (req, res) => {
      if (operationOf(req) !== 'GetObject' || errorCode(res) !== 'NoSuchBucket') return;
      const xml = res.body.toString('utf8');
      const out = xml.replace(/<BucketName>[^<]*<\/BucketName>/, `<BucketName>${xmlEscape(pathOf(req.url).key ?? '')}</BucketName>`);
      return out === xml ? undefined : { ...res, body: Buffer.from(out) };
    },
  },
  {
    id: 'object4/bad-digest-calculated-is-sent',
    area: 'object',
    operation: 'PutObject',
    description: 'the BadDigest error of a PUT reports the Content-MD5 sent as <CalculatedDigest> (not the MD5 of the body received)',
    only: ['PutObject/content-md5-mismatch-digests'],
    onResponse: (req, res) => {
      const sent = header(req.headers, 'content-md5');
      if (operationOf(req) !== 'PutObject' || errorCode(res) !== 'BadDigest' || sent === undefined) return;
      const xml = res.body.toString('utf8').replace(/<CalculatedDigest>[^<]*<\/CalculatedDigest>|<ExpectedDigest>[^<]*<\/ExpectedDigest>/g, '');
      const out = xml.replace('</Code>', `</Code><CalculatedDigest>${xmlEscape(sent)}</CalculatedDigest><ExpectedDigest>${xmlEscape(sent)}</ExpectedDigest>`);
      return { ...res, body: Buffer.from(out) };
    },
  },
  {
    id: 'object4/invalid-digest-echoes-decoded',
    area: 'object',
    operation: 'PutObject',
    description: 'the InvalidDigest error of a PUT echoes the Content-MD5 as decoded (hex of the base64 bytes) rather than as sent',
    only: ['PutObject/content-md5-malformed-names-value'],
    onResponse: (req, res) => {
      const sent = header(req.headers, 'content-md5');
      if (operationOf(req) !== 'PutObject' || errorCode(res) !== 'InvalidDigest' || sent === undefined) return;
      const decoded = Buffer.from(sent, 'base64').toString('hex');
      const xml = res.body.toString('utf8').replace(/<Content-MD5>[^<]*<\/Content-MD5>/, '');
      return { ...res, body: Buffer.from(xml.replace('</Code>', `</Code><Content-MD5>${xmlEscape(decoded)}</Content-MD5>`)) };
    },
  },
  {
    id: 'object4/put-precondition-names-wrong-condition',
    area: 'object',
    operation: 'PutObject',
    description: 'the 412 of a PUT with If-None-Match: * names If-Match in <Condition>',
    only: ['PutObject/if-none-match-precondition-names-condition'],
    upstream: 'rgw', // Swift's s3api answers 501 to conditional PUTs (a known deviation)
    onResponse: (req, res) => {
      if (operationOf(req) !== 'PutObject' || errorCode(res) !== 'PreconditionFailed') return;
      const xml = res.body.toString('utf8').replace(/<Condition>[^<]*<\/Condition>/, '');
      return { ...res, body: Buffer.from(xml.replace('</Code>', '</Code><Condition>If-Match</Condition>')) };
    },
  },
  {
    id: 'object4/copy-no-such-key-names-destination',
    area: 'object',
    operation: 'CopyObject',
    description: 'the NoSuchKey error of a copy from a missing source names the destination key in <Key>',
    only: ['CopyObject/missing-source-key-names-key'],
    onResponse: (req, res) => {
      if (operationOf(req) !== 'CopyObject' || errorCode(res) !== 'NoSuchKey') return;
      const dst = xmlEscape(pathOf(req.url).key ?? '');
      const xml = res.body.toString('utf8');
      const out = /<Key>[^<]*<\/Key>/.test(xml) ? xml.replace(/<Key>[^<]*<\/Key>/, `<Key>${dst}</Key>`) : xml.replace('</Code>', `</Code><Key>${dst}</Key>`);
      return out === xml ? undefined : { ...res, body: Buffer.from(out) };
    },
  },
  {
    id: 'object5/copy-if-match-refused',
    area: 'object',
    operation: 'CopyObject',
    description: "a copy with If-Match answers 412 PreconditionFailed even when it names the destination's current ETag",
    only: ['CopyObject/if-match-true'],
    upstream: 'rgw', // Swift's s3api answers 501 to conditional copies (a known deviation)
    onRequest: (req) => (operationOf(req) === 'CopyObject' && req.headers['if-match'] !== undefined ? s3Error(412, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold') : undefined),
  },
  {
    id: 'object5/copy-if-none-match-refused',
    area: 'object',
    operation: 'CopyObject',
    description: 'a copy with If-None-Match: * answers 412 PreconditionFailed even when the destination key does not exist',
    only: ['CopyObject/if-none-match-star-new-destination'],
    upstream: 'rgw', // Swift's s3api answers 501 to conditional copies (a known deviation)
    onRequest: (req) => (operationOf(req) === 'CopyObject' && req.headers['if-none-match'] !== undefined ? s3Error(412, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold') : undefined),
  },
  {
    id: 'object5/copy-conditional-write-accepted',
    area: 'object',
    operation: 'CopyObject',
    description: 'a copy with If-Match: *, If-None-Match: <an ETag>, or both answers 200 with a CopyObjectResult instead of 501 NotImplemented',
    only: ['CopyObject/if-none-match-etag-not-implemented', 'CopyObject/if-match-star-not-implemented', 'CopyObject/if-match-and-if-none-match-not-implemented'],
    onRequest: (req) =>
      operationOf(req) === 'CopyObject' && (req.headers['if-match'] !== undefined || req.headers['if-none-match'] !== undefined)
        ? ok({}, '<?xml version="1.0" encoding="UTF-8"?><CopyObjectResult><LastModified>2026-01-01T00:00:00.000Z</LastModified><ETag>"d41d8cd98f00b204e9800998ecf8427e"</ETag></CopyObjectResult>')
        : undefined,
  },
  {
    id: 'object5/put-both-conditions-accepted',
    area: 'object',
    operation: 'PutObject',
    description: 'a PUT with both If-Match and If-None-Match answers 200 instead of 501 NotImplemented',
    only: ['PutObject/if-match-and-if-none-match-not-implemented'],
    onRequest: (req) => (operationOf(req) === 'PutObject' && req.headers['if-match'] !== undefined && req.headers['if-none-match'] !== undefined ? ok({ etag: '"d41d8cd98f00b204e9800998ecf8427e"' }) : undefined),
  },
  {
    id: 'object5/standard-storage-class-header',
    area: 'object',
    operation: ['GetObject', 'HeadObject'],
    description: 'GET and HEAD of a Standard object answer x-amz-storage-class: STANDARD (AWS sends the header for every class but Standard)',
    only: ['GetObject/no-storage-class-standard', 'HeadObject/no-storage-class-standard'],
    onResponse: (req, res) => {
      const o = operationOf(req);
      if ((o !== 'GetObject' && o !== 'HeadObject') || res.status >= 300 || res.headers['x-amz-storage-class'] !== undefined) return;
      return { ...res, headers: { ...res.headers, 'x-amz-storage-class': 'STANDARD' } };
    },
  },
  {
    id: 'object5/invalid-storage-class-as-invalid-argument',
    area: 'object',
    operation: 'PutObject',
    description: 'a PUT with a storage class the server does not have answers 400 InvalidArgument instead of InvalidStorageClass',
    only: ['PutObject/invalid-storage-class'],
    onResponse: (req, res) => (operationOf(req) === 'PutObject' && errorCode(res) === 'InvalidStorageClass' ? recode(res, 'InvalidArgument') : undefined),
  },
  {
    id: 'object5/date-header-iso',
    area: 'object',
    operation: ['GetObject', 'HeadObject', 'PutObject'],
    description: 'the Date header of object answers is in ISO 8601 form ("2026-12-01T12:00:00Z"), not IMF-fixdate',
    only: ['GetObject/date-header', 'GetObject/error-date-header', 'HeadObject/date-header', 'PutObject/date-header'],
    onResponse: (req, res) => {
      const o = operationOf(req);
      if (o !== 'GetObject' && o !== 'HeadObject' && o !== 'PutObject') return;
      return { ...res, headers: { ...res.headers, date: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') } };
    },
  },
  // ---- the error envelope (object6/…) -----------------------------------------------------------
  {
    id: 'object6/error-html',
    area: 'object',
    operation: ['PutObject', 'DeleteObject', 'DeleteObjects', 'CopyObject'],
    description: 'the error answers of PutObject, DeleteObject, DeleteObjects and CopyObject say Content-Type: text/html',
    only: ['PutObject/error-envelope', 'DeleteObject/error-envelope', 'DeleteObjects/error-envelope', 'CopyObject/error-envelope'],
    onResponse: editErrorAnswers(['PutObject', 'DeleteObject', 'DeleteObjects', 'CopyObject'], (res) => ({ ...res, headers: { ...res.headers, 'content-type': 'text/html; charset=UTF-8' } })),
  },
  {
    id: 'object6/head-error-no-request-id',
    area: 'object',
    operation: 'HeadObject',
    description: 'the 404 answer to a HEAD of a missing key carries no x-amz-request-id header',
    only: ['HeadObject/error-envelope'],
    onResponse: editErrorAnswers(['HeadObject'], (res) => withoutHeader(res, 'x-amz-request-id')),
  },
  {
    id: 'object6/no-such-bucket-unnamed',
    area: 'object',
    operation: ['PutObject', 'DeleteObject', 'DeleteObjects', 'CopyObject'],
    description: 'the NoSuchBucket errors of PutObject, DeleteObject, DeleteObjects and CopyObject carry no <BucketName>',
    only: ['PutObject/no-such-bucket-names-bucket', 'DeleteObject/no-such-bucket-names-bucket', 'DeleteObjects/no-such-bucket-names-bucket', 'CopyObject/no-such-bucket-names-bucket'],
    onResponse: dropErrorElement(['PutObject', 'DeleteObject', 'DeleteObjects', 'CopyObject'], 'NoSuchBucket', 'BucketName'),
  },
  {
    id: 'object6/copy-result-stale-last-modified',
    area: 'object',
    operation: 'CopyObject',
    description: "the <LastModified> of a CopyObject answer is a year old (the source's, or a stale clock)",
    only: ['CopyObject/result-last-modified-current'],
    onResponse: editBody(['CopyObject'], (xml) => editElements(xml, 'LastModified', (v) => v.replace(/^(\d{4})/, (y) => String(Number(y) - 1)))),
  },
  {
    id: 'object7/put-invalid-acl-ignored',
    area: 'object',
    operation: 'PutObject',
    description: 'PutObject ignores an x-amz-acl that names no canned ACL (fake-acl) and stores the object',
    only: ['PutObject/invalid-canned-acl'],
    onRequest: (req) => {
      if (operationOf(req) === 'PutObject' && req.headers['x-amz-acl'] === 'fake-acl') delete req.headers['x-amz-acl'];
    },
  },
  {
    id: 'object7/invalid-acl-unnamed',
    area: 'object',
    operation: 'PutObject',
    description: 'the InvalidArgument error for x-amz-acl: fake-acl carries no <ArgumentName>',
    only: ['PutObject/invalid-canned-acl-names-argument'],
    onResponse: dropErrorElement(['PutObject'], 'InvalidArgument', 'ArgumentName'),
  },
  {
    id: 'object7/version-null-refused',
    area: 'object',
    operation: 'GetObject',
    description: 'GetObject refuses ?versionId=null in a bucket without versioning with 404 NoSuchVersion',
    only: ['GetObject/version-id-null-unversioned'],
    onResponse: (req) => (operationOf(req) === 'GetObject' && queryOf(req.url).get('versionId') === 'null' ? s3Error(404, 'NoSuchVersion', 'The specified version does not exist.') : undefined),
  },
  {
    id: 'object8/swift-native-headers-honoured',
    area: 'object',
    operation: 'PutObject',
    description: "an S3 layer over Swift passes Swift's own object controls (X-Copy-From, X-Object-Manifest, X-Symlink-Target, X-Static-Large-Object) through: the object then serves another object's data (CVE-2026-71191)",
    only: ['PutObject/swift-copy-from-ignored', 'PutObject/swift-object-manifest-ignored', 'PutObject/swift-symlink-target-ignored', 'PutObject/swift-static-large-object-ignored'],
    onResponse: (() => {
      // The paths written with a native header; their GET answers the data of another object.
      const native = new Set<string>();
      const NATIVE = ['x-copy-from', 'x-object-manifest', 'x-symlink-target', 'x-static-large-object'];
      return (req: ProxyRequest, res: ProxyResponse): ProxyResponse | undefined => {
        const path = req.url.split('?')[0] ?? '';
        const op = operationOf(req);
        if (op === 'PutObject' && res.status === 200 && NATIVE.some((h) => req.headers[h] !== undefined)) native.add(path);
        if (op === 'GetObject' && res.status === 200 && native.has(path)) return { ...res, body: Buffer.from('the data of another object') };
        return undefined;
      };
    })(),
  },
];
