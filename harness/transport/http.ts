/**
 * One HTTP path for everything the suite sends (SDK and raw requests): counts requests and
 * bytes, records the redacted wire exchange, applies the time-out, and retries throttling
 * answers (503 SlowDown, 429) with backoff — counted and reported, never hidden.
 */
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { HttpResponse, type HttpRequest } from '@smithy/protocol-http';
import type { HttpHandlerOptions } from '@smithy/types';
import { previewBody, recordExchange, redactHeaders, redactUrl, type Exchange } from './wire.ts';

export interface Counters {
  requests: number;
  bytesSent: number;
  bytesReceived: number;
  throttleRetries: number;
  transportErrors: number;
  /** Throttled answers (503 SlowDown, 429) that outlasted the retries and reached the caller. */
  throttledAnswers: number;
}

export const counters: Counters = { requests: 0, bytesSent: 0, bytesReceived: 0, throttleRetries: 0, transportErrors: 0, throttledAnswers: 0 };

export function snapshotCounters(): Counters {
  return { ...counters };
}
export function diffCounters(a: Counters, b: Counters): Counters {
  return {
    requests: b.requests - a.requests,
    bytesSent: b.bytesSent - a.bytesSent,
    bytesReceived: b.bytesReceived - a.bytesReceived,
    throttleRetries: b.throttleRetries - a.throttleRetries,
    transportErrors: b.transportErrors - a.transportErrors,
    throttledAnswers: b.throttledAnswers - a.throttledAnswers,
  };
}

/** A transport-level failure: the target did not answer. Verdict `error`, not `fail`. */
export class TransportError extends Error {
  readonly code: string;
  constructor(message: string, code: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransportError';
    this.code = code;
  }
}

const TRANSPORT_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
  'TimeoutError', 'RequestTimeout', 'UND_ERR_SOCKET', 'ERR_STREAM_PREMATURE_CLOSE', 'ECONNABORTED',
]);

export function isTransportError(e: unknown): boolean {
  if (e instanceof TransportError) return true;
  if (typeof e !== 'object' || e === null) return false;
  const o = e as { code?: unknown; name?: unknown; $metadata?: unknown; cause?: unknown };
  if (o.$metadata !== undefined && (o as { $response?: unknown }).$response !== undefined) return false;
  if (typeof o.code === 'string' && TRANSPORT_CODES.has(o.code)) return true;
  if (typeof o.name === 'string' && TRANSPORT_CODES.has(o.name)) return true;
  if (o.name === 'AbortError') return true;
  return o.cause !== undefined && o.cause !== e && isTransportError(o.cause);
}

function bodyBytes(body: unknown): { bytes: number; preview?: string; replayable: boolean } {
  if (body === undefined || body === null) return { bytes: 0, replayable: true };
  if (typeof body === 'string') return { bytes: Buffer.byteLength(body), preview: previewBody(body), replayable: true };
  if (body instanceof Uint8Array) return { bytes: body.byteLength, preview: previewBody(body), replayable: true };
  return { bytes: -1, preview: '<stream>', replayable: false };
}

class CountingStream extends Transform {
  private seen = 0;
  private readonly head: Buffer[] = [];
  private headLen = 0;
  constructor(private readonly done: (bytes: number, head: Buffer) => void) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.seen += chunk.length;
    counters.bytesReceived += chunk.length;
    if (this.headLen < 2048) {
      this.head.push(chunk);
      this.headLen += chunk.length;
    }
    cb(null, chunk);
  }
  override _flush(cb: TransformCallback): void {
    this.done(this.seen, Buffer.concat(this.head));
    cb();
  }
}

const BUFFER_LIMIT = 1024 * 1024;

function shouldBuffer(status: number, headers: Record<string, string>): boolean {
  if (status >= 300) return true;
  const type = headers['content-type'] ?? '';
  const len = Number(headers['content-length'] ?? 'NaN');
  if (/xml|json|html|text\/plain/i.test(type) && (Number.isNaN(len) || len <= BUFFER_LIMIT)) return true;
  return !Number.isNaN(len) && len <= 4096;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks);
}

export interface InstrumentedOptions {
  requestTimeoutMs: number;
  /** Retries for 503 SlowDown / 429 (replayable bodies only). */
  throttleRetries?: number;
}

export function fullUrl(request: HttpRequest): string {
  const q = request.query ?? {};
  const qs = Object.entries(q)
    .flatMap(([k, v]) =>
      v === null || v === undefined
        ? [encodeURIComponent(k)]
        : (Array.isArray(v) ? v : [v]).map((x) => `${encodeURIComponent(k)}=${encodeURIComponent(x)}`),
    )
    .join('&');
  const port = request.port ? `:${request.port}` : '';
  return `${request.protocol}//${request.hostname}${port}${request.path}${qs ? `?${qs}` : ''}`;
}

/**
 * Wraps NodeHttpHandler. Implements the smithy HttpHandler interface, so the SDK and the raw
 * path share it.
 */
const IDLE_SOCKET_MS = 4000;

export class InstrumentedHandler {
  readonly metadata = { handlerProtocol: 'http/1.1' };
  private readonly inner: NodeHttpHandler;
  private readonly opts: InstrumentedOptions;

  constructor(opts: InstrumentedOptions) {
    this.opts = opts;
    this.inner = new NodeHttpHandler({
      // The time-out is one of inactivity, body included. The SDK's requestTimeout only warns (unless
      // throwOnRequestTimeout) and ends with the headers, so a server that stalls mid-body held a check
      // until vitest's own time-out (minutes). Inactivity, not total time: a long upload that is
      // moving is fine.
      socketTimeout: opts.requestTimeoutMs,
      connectionTimeout: Math.min(opts.requestTimeoutMs, 10000),
      // An idle kept-alive socket is dropped after 4 s: Node servers close theirs after 5 s
      // (s3rver's "Keep-Alive: timeout=5", which Node's agent ignores without its own timeout), and a
      // request sent on a socket the server is closing at that moment dies with "socket hang up" —
      // a transport error no server should be charged with.
      httpAgent: { keepAlive: true, maxSockets: 16, timeout: IDLE_SOCKET_MS },
      httpsAgent: { keepAlive: true, maxSockets: 16, timeout: IDLE_SOCKET_MS },
    });
  }

  updateHttpClientConfig(): void {}
  httpHandlerConfigs(): Record<string, never> {
    return {};
  }
  destroy(): void {
    this.inner.destroy();
  }

  async handle(request: HttpRequest, options: HttpHandlerOptions = {}): Promise<{ response: HttpResponse }> {
    const retries = this.opts.throttleRetries ?? 4;
    const body = bodyBytes(request.body);
    for (let attempt = 0; ; attempt++) {
      const res = await this.once(request, options, body);
      const throttled = res.response.statusCode === 429 || (res.response.statusCode === 503 && res.throttle);
      if (!throttled || !body.replayable || attempt >= retries) {
        if (throttled) counters.throttledAnswers++;
        return { response: res.response };
      }
      counters.throttleRetries++;
      const delay = Math.min(8000, 200 * 2 ** attempt) * (0.5 + Math.random() / 2);
      await new Promise((r) => setTimeout(r, delay));
    }
  }

  private async once(
    request: HttpRequest,
    options: HttpHandlerOptions,
    body: { bytes: number; preview?: string },
  ): Promise<{ response: HttpResponse; throttle: boolean }> {
    const started = Date.now();
    counters.requests++;
    if (body.bytes > 0) counters.bytesSent += body.bytes;
    const ex: Exchange = {
      request: {
        method: request.method,
        url: redactUrl(fullUrl(request)),
        headers: redactHeaders(request.headers),
        ...(body.preview !== undefined ? { bodyPreview: body.preview } : {}),
        bodyBytes: body.bytes,
      },
      ms: 0,
    };
    recordExchange(ex);
    let response: HttpResponse;
    try {
      ({ response } = await this.inner.handle(request, options));
    } catch (e) {
      ex.ms = Date.now() - started;
      ex.error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      counters.transportErrors++;
      const code = (e as { code?: string; name?: string }).code ?? (e as { name?: string }).name ?? 'UNKNOWN';
      throw new TransportError(`no answer from the target: ${ex.error}`, code, { cause: e });
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(response.headers)) headers[k.toLowerCase()] = String(v);
    ex.response = { status: response.statusCode, headers: redactHeaders(headers) };
    ex.ms = Date.now() - started;
    const stream = response.body as Readable | undefined;
    let throttle = false;
    if (stream && typeof (stream as Readable).pipe === 'function') {
      if (request.method === 'HEAD' || shouldBuffer(response.statusCode, headers)) {
        let buf: Buffer;
        try {
          buf = await readAll(stream);
        } catch (e) {
          ex.error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
          counters.transportErrors++;
          throw new TransportError(`the target's answer broke off: ${ex.error}`, 'ECONNRESET', { cause: e });
        }
        counters.bytesReceived += buf.length;
        ex.response.bodyPreview = previewBody(buf);
        ex.response.bodyBytes = buf.length;
        // A HEAD answer has no body to name SlowDown: a 503 to a HEAD is throttling as well.
        throttle = response.statusCode === 503 && (request.method === 'HEAD' || /SlowDown/.test(buf.toString('utf8', 0, 512)));
        response = new HttpResponse({ statusCode: response.statusCode, reason: response.reason, headers: response.headers, body: Readable.from([buf]) });
      } else {
        const counted = new CountingStream((n, head) => {
          if (ex.response) {
            ex.response.bodyBytes = n;
            ex.response.bodyPreview = previewBody(head);
          }
        });
        stream.on('error', (err) => counted.destroy(err));
        response = new HttpResponse({ statusCode: response.statusCode, reason: response.reason, headers: response.headers, body: stream.pipe(counted) });
      }
    }
    return { response, throttle };
  }
}
