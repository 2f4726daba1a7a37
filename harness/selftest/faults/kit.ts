/**
 * The building blocks of faults: recognising a request's S3 operation and rewriting requests and
 * answers, plus the few helpers several area catalogues share. Used by the area catalogues
 * (faults/<area>.ts) and re-exported by faults/index.ts.
 */
import type { Area, Operation } from '../../check/operations.ts';
import { pathOf, queryOf, type FaultHooks, type ProxyRequest, type ProxyResponse } from '../proxy.ts';

export interface Fault extends FaultHooks {
  id: string;
  area: Area;
  /** Checks of this operation (or of one of these) must fail when the fault is active. */
  operation: Operation | Operation[];
  description: string;
  /** Check id prefixes to run (npm run conformance -- --only …). */
  only: string[];
  /**
   * The server behind the proxy (default: Swift). RGW where the checks the fault must break are a
   * known deviation of Swift: there they fail with or without the fault, and prove nothing.
   */
  upstream?: 'swift' | 'rgw';
}

/** Which S3 operation a (path-style) request is. */
export function operationOf(req: Pick<ProxyRequest, 'method' | 'url' | 'headers'>): Operation | 'Unknown' {
  const { bucket, key } = pathOf(req.url);
  const q = queryOf(req.url);
  const copy = req.headers['x-amz-copy-source'] !== undefined;
  const m = req.method;
  if (!bucket) return m === 'GET' ? 'ListBuckets' : 'Unknown';
  if (key === undefined) {
    if (q.has('acl')) return m === 'PUT' ? 'PutBucketAcl' : 'GetBucketAcl';
    if (q.has('location')) return 'GetBucketLocation';
    if (q.has('uploads')) return 'ListMultipartUploads';
    if (q.has('delete') && m === 'POST') return 'DeleteObjects';
    if (m === 'PUT') return 'CreateBucket';
    if (m === 'HEAD') return 'HeadBucket';
    if (m === 'DELETE') return 'DeleteBucket';
    if (m === 'GET') return q.get('list-type') === '2' ? 'ListObjectsV2' : 'ListObjects';
    return 'Unknown';
  }
  if (q.has('uploadId')) {
    if (m === 'PUT') return copy ? 'UploadPartCopy' : 'UploadPart';
    if (m === 'POST') return 'CompleteMultipartUpload';
    if (m === 'DELETE') return 'AbortMultipartUpload';
    if (m === 'GET') return 'ListParts';
  }
  if (q.has('uploads') && m === 'POST') return 'CreateMultipartUpload';
  if (m === 'PUT') return copy ? 'CopyObject' : 'PutObject';
  if (m === 'GET') return 'GetObject';
  if (m === 'HEAD') return 'HeadObject';
  if (m === 'DELETE') return 'DeleteObject';
  return 'Unknown';
}

/** The access key of a SigV4 (header or query) or SigV2 request. */
export function accessKeyOf(req: Pick<ProxyRequest, 'url' | 'headers'>): string | undefined {
  const auth = req.headers.authorization;
  const v4 = typeof auth === 'string' ? /Credential=([^/,\s]+)\//.exec(auth) : null;
  if (v4?.[1]) return v4[1];
  const v2 = typeof auth === 'string' ? /^AWS ([^:]+):/.exec(auth) : null;
  if (v2?.[1]) return v2[1];
  const q = queryOf(req.url).get('X-Amz-Credential');
  return q ? q.split('/')[0] : undefined;
}

export function errorCode(res: ProxyResponse): string | undefined {
  return /<Code>([^<]+)<\/Code>/.exec(res.body.toString('utf8'))?.[1];
}

export function ok(headers: Record<string, string> = {}, body = ''): ProxyResponse {
  return { status: 200, headers: { 'content-type': 'application/xml', 'x-amz-request-id': 'fault', ...headers }, body: Buffer.from(body) };
}

/** Remove every <tag> element from the error answers with this code of these operations (an error that no longer names what AWS names). */
export function dropErrorElement(ops: Operation[], code: string, tag: string): FaultHooks['onResponse'] {
  return (req, res) => {
    if (!ops.includes(operationOf(req) as Operation) || errorCode(res) !== code) return;
    return withoutElement(res, tag);
  };
}

/** Edit the error answers (status ≥ 300) of these operations; `edit` returns the changed answer, or undefined. */
export function editErrorAnswers(ops: Operation[], edit: (res: ProxyResponse) => ProxyResponse | undefined): FaultHooks['onResponse'] {
  return (req, res) => (res.status >= 300 && ops.includes(operationOf(req) as Operation) ? edit(res) : undefined);
}

/** The answer without one header (undefined when it had none). */
export function withoutHeader(res: ProxyResponse, name: string): ProxyResponse | undefined {
  if (res.headers[name] === undefined) return undefined;
  const headers = { ...res.headers };
  delete headers[name];
  return { ...res, headers };
}

/** The answer without any <tag> element of its XML body (undefined when it had none). */
export function withoutElement(res: ProxyResponse, tag: string): ProxyResponse | undefined {
  const xml = res.body.toString('utf8');
  const out = xml.replace(new RegExp(`<${tag}>[^<]*</${tag}>`, 'g'), '');
  return out === xml ? undefined : { ...res, body: Buffer.from(out) };
}

/** Answer success where the target rejected with one of these codes (a server that "accepts" what it must refuse). */
export function acceptRejected(ops: Operation[] | 'any', codes: string[], status?: number, when?: (req: ProxyRequest) => boolean): FaultHooks['onResponse'] {
  return (req, res) => {
    if (ops !== 'any' && !ops.includes(operationOf(req) as Operation)) return;
    if (when && !when(req)) return;
    if (req.method === 'HEAD') return status !== undefined && res.status === status ? ok() : undefined;
    const code = errorCode(res);
    if (code !== undefined && codes.includes(code) && (status === undefined || res.status === status)) {
      return ok({ etag: '"d41d8cd98f00b204e9800998ecf8427e"' }, req.method === 'GET' ? '' : '');
    }
    return undefined;
  };
}

export function editBody(ops: Operation[], edit: (xml: string, req: ProxyRequest) => string): FaultHooks['onResponse'] {
  return (req, res) => {
    if (!ops.includes(operationOf(req) as Operation) || res.status >= 300) return;
    const xml = res.body.toString('utf8');
    const out = edit(xml, req);
    if (out === xml) return;
    return { ...res, body: Buffer.from(out) };
  };
}

export function dropHeaders(ops: Operation[], names: (n: string) => boolean): FaultHooks['onResponse'] {
  return (req, res) => {
    if (!ops.includes(operationOf(req) as Operation)) return;
    const headers = { ...res.headers };
    let changed = false;
    for (const k of Object.keys(headers)) {
      if (names(k)) {
        delete headers[k];
        changed = true;
      }
    }
    return changed ? { ...res, headers } : undefined;
  };
}

export function stripRequestHeader(ops: Operation[], name: string): FaultHooks['onRequest'] {
  return (req) => {
    if (ops.includes(operationOf(req) as Operation)) delete req.headers[name];
  };
}

export function stripQueryParam(ops: Operation[], param: string): FaultHooks['onRequest'] {
  return (req) => {
    if (!ops.includes(operationOf(req) as Operation)) return;
    const [path, qs] = req.url.split('?');
    if (!qs) return;
    const parts = qs.split('&').filter((p) => p.split('=')[0] !== param);
    req.url = parts.length ? `${path}?${parts.join('&')}` : (path ?? '/');
  };
}

export function reverseElements(xml: string, tag: string): string {
  const re = new RegExp(`<${tag}>[\\s\\S]*?</${tag}>`, 'g');
  const items = xml.match(re);
  if (!items || items.length < 2) return xml;
  const reversed = [...items].reverse();
  let i = 0;
  return xml.replace(re, () => reversed[i++] as string);
}

// ---- helpers several area catalogues share ------------------------------------------------

export const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Rewrite every <tag>value</tag> of the body. */
export function editElements(xml: string, tag: string, f: (v: string) => string): string {
  return xml.replace(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'), (_m, v: string) => `<${tag}>${f(v)}</${tag}>`);
}

/** An S3 error document answer (without a RequestId element; bucket.ts and object.ts build theirs with one). */
export function s3Error(status: number, code: string): ProxyResponse {
  return {
    status,
    headers: { 'content-type': 'application/xml', 'x-amz-request-id': 'fault' },
    body: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>fault</Message></Error>`),
  };
}

/** Rewrite an error answer's code (and optionally its status). */
export function recode(res: ProxyResponse, code: string, status = res.status): ProxyResponse {
  return { ...res, status, body: Buffer.from(res.body.toString('utf8').replace(/<Code>[^<]*<\/Code>/, `<Code>${code}</Code>`)) };
}
