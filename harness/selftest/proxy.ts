/**
 * A fault-injecting HTTP proxy for the suite's self-validation: it sits between the suite and a
 * real local server and breaks one behaviour at a time (harness/selftest/faults/). It forwards
 * the Host header unchanged (SigV4 signs it) and buffers bodies, so a fault can rewrite status,
 * headers and body of a request or a response.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import { LOCAL_SECRETS, resign } from './resign.ts';

export interface ProxyRequest {
  method: string;
  /** Path with the raw (still encoded) query string. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface ProxyResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface FaultHooks {
  /** Change the request before it is forwarded; return a response to answer without forwarding. */
  onRequest?: (req: ProxyRequest) => ProxyResponse | void;
  /** Change the upstream answer before it reaches the suite. */
  onResponse?: (req: ProxyRequest, res: ProxyResponse) => ProxyResponse | void;
}

export interface RunningProxy {
  port: number;
  endpoint: string;
  /** Requests whose answer the active fault changed. */
  hits: () => number;
  setFault: (hooks: FaultHooks | undefined) => void;
  close: () => Promise<void>;
}

/** Query parameters of a request path (raw names, decoded values). */
export function queryOf(url: string): URLSearchParams {
  const i = url.indexOf('?');
  return new URLSearchParams(i < 0 ? '' : url.slice(i + 1));
}

/** Path segments: [bucket, key] of a path-style request. */
export function pathOf(url: string): { bucket?: string; key?: string } {
  const path = url.split('?')[0] ?? '/';
  const m = /^\/([^/]+)(?:\/(.*))?$/.exec(path);
  if (!m) return {};
  return { bucket: m[1], ...(m[2] !== undefined && m[2] !== '' ? { key: decodeURIComponent(m[2]) } : {}) };
}

/**
 * `resignWith`: secret keys by access key id, to re-sign a request a fault changed (default: the
 * local reference servers' keys).
 */
export function startProxy(upstream: string, hooks?: FaultHooks, resignWith: Readonly<Record<string, string>> = LOCAL_SECRETS): Promise<RunningProxy> {
  const up = new URL(upstream);
  let active = hooks;
  let hits = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const preq: ProxyRequest = { method: req.method ?? 'GET', url: req.url ?? '/', headers: { ...req.headers }, body: Buffer.concat(chunks) };
      const fault = active;
      const before = JSON.stringify([preq.method, preq.url, preq.headers, preq.body.length]);
      const early = fault?.onRequest?.(preq);
      const changedRequest = before !== JSON.stringify([preq.method, preq.url, preq.headers, preq.body.length]);
      if (early) {
        hits++;
        send(early);
        return;
      }
      const headers = { ...preq.headers };
      if (headers['content-length'] !== undefined || preq.body.length > 0) headers['content-length'] = String(preq.body.length);
      delete headers['transfer-encoding'];
      // A changed request is re-signed (a fault of what a server ignores, not of its signature check).
      if (changedRequest) resign({ ...preq, headers }, resignWith);
      const upReq = httpRequest(
        { hostname: up.hostname, port: up.port, method: preq.method, path: preq.url, headers },
        (upRes) => {
          const rchunks: Buffer[] = [];
          upRes.on('data', (c: Buffer) => rchunks.push(c));
          upRes.on('end', () => {
            let pres: ProxyResponse = { status: upRes.statusCode ?? 502, headers: { ...upRes.headers }, body: Buffer.concat(rchunks) };
            const changed = fault?.onResponse?.(preq, pres);
            if (changed) pres = changed;
            if (changed || changedRequest) hits++;
            send(pres, preq.method === 'HEAD');
          });
          upRes.on('error', () => res.destroy());
        },
      );
      upReq.on('error', () => {
        if (res.headersSent) {
          res.destroy();
          return;
        }
        res.writeHead(502);
        res.end();
      });
      upReq.end(preq.body);
    });
    function send(r: ProxyResponse, head = false): void {
      if (res.headersSent || res.destroyed) return;
      const h: IncomingHttpHeaders = { ...r.headers };
      delete h['transfer-encoding'];
      if (!head) h['content-length'] = String(r.body.length);
      res.writeHead(r.status, h as Record<string, string | string[]>);
      res.end(head ? undefined : r.body);
    }
  });
  server.keepAliveTimeout = 5000;
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      resolve({
        port,
        endpoint: `http://127.0.0.1:${port}`,
        hits: () => hits,
        setFault: (h) => {
          active = h;
          hits = 0;
        },
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    }),
  );
}
