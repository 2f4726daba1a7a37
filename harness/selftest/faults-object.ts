/**
 * Object faults for the self-validation (see faults.ts for the shape and helpers): plausible bugs
 * of an S3 layer's object read/write path — representation headers lost or reformatted on the way
 * out, copy metadata handled wrongly, multi-object delete answers of the wrong shape, and success
 * or error statuses of the underlying store leaking through.
 *
 * A few faults keep a little state (what a PUT wrote, where a copy went) so they can emulate a
 * server bug faithfully on the later GET/HEAD of that object; the state lives in the fault and
 * only ever sees the requests of the run that uses it.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { acceptRejected, dropHeaders, editBody, errorCode, operationOf, type Fault } from './fault-kit.ts';
import { pathOf, queryOf, type ProxyRequest, type ProxyResponse } from './proxy.ts';

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

const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
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

// ---- the catalogue --------------------------------------------------------------------------

export const OBJECT_FAULTS: Fault[] = [
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
];
