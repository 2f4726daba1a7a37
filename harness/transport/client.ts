/**
 * S3 clients for checks: @aws-sdk/client-s3 with path style per config, no retries
 * (maxAttempts 1: SDK retries hide clock-skew and throttling behaviour), checksums only when
 * required, a Content-MD5 middleware for operations Swift's s3api insists on it for, and the
 * instrumented HTTP handler (counters, wire log, time-outs).
 */
import { createHash } from 'node:crypto';
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import type { BuildMiddleware, MetadataBearer } from '@smithy/types';
import { HttpRequest } from '@smithy/protocol-http';
import { InstrumentedHandler } from './http.ts';
import type { Runtime } from '../run/runtime.ts';
import type { Credentials } from '../config/targets.ts';
import { registerSecret } from './wire.ts';

/** Operations whose request must carry Content-MD5 on Swift s3api (S3 marks them httpChecksumRequired). */
const MD5_OPERATIONS = new Set(['DeleteObjectsCommand', 'PutBucketAclCommand', 'PutObjectAclCommand']);

function contentMd5Middleware(): BuildMiddleware<object, MetadataBearer> {
  return (next, context) => async (args) => {
    const req = args.request;
    const name = (context as { commandName?: string }).commandName ?? '';
    if (MD5_OPERATIONS.has(name) && HttpRequest.isInstance(req)) {
      const body = req.body as unknown;
      if ((typeof body === 'string' || body instanceof Uint8Array) && !hasHeader(req.headers, 'content-md5')) {
        req.headers['content-md5'] = createHash('md5').update(body).digest('base64');
      }
    }
    return next(args);
  };
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((k) => k.toLowerCase() === name);
}

export interface ClientOptions {
  /** Which principal: the main user (default), the second user, or explicit keys. */
  as?: 'main' | 'alt' | Credentials;
  /** Use the SDK's current default integrity behaviour (CRC32, aws-chunked trailers). */
  sdkDefaultChecksums?: boolean;
  region?: string;
  pathStyle?: boolean;
}

const handlers = new Map<number, InstrumentedHandler>();
function handlerFor(timeoutMs: number): InstrumentedHandler {
  let h = handlers.get(timeoutMs);
  if (!h) {
    h = new InstrumentedHandler({ requestTimeoutMs: timeoutMs });
    handlers.set(timeoutMs, h);
  }
  return h;
}

export function credentialsFor(rt: Runtime, as: ClientOptions['as']): Credentials {
  if (as === undefined || as === 'main') return rt.credentials;
  if (as === 'alt') {
    if (!rt.alt) throw new Error('no second user configured (S3C_ALT_ACCESS_KEY_ID / S3C_ALT_SECRET_ACCESS_KEY)');
    return rt.alt;
  }
  return as;
}

export function makeClient(rt: Runtime, opts: ClientOptions = {}): S3Client {
  const creds = credentialsFor(rt, opts.as);
  registerSecret(creds.secretAccessKey);
  registerSecret(creds.sessionToken);
  const when = opts.sdkDefaultChecksums ? 'WHEN_SUPPORTED' : 'WHEN_REQUIRED';
  const config: S3ClientConfig = {
    endpoint: rt.endpoint,
    region: opts.region ?? rt.region,
    forcePathStyle: opts.pathStyle ?? rt.pathStyle,
    credentials: creds,
    maxAttempts: 1,
    requestChecksumCalculation: when,
    responseChecksumValidation: when,
    requestHandler: handlerFor(rt.requestTimeoutMs),
    logger: { debug() {}, info() {}, warn() {}, error() {} },
  };
  const client = new S3Client(config);
  client.middlewareStack.add(contentMd5Middleware(), { step: 'build', name: 's3cContentMd5', priority: 'low' });
  return client;
}

const clientCache = new Map<string, S3Client>();

/** A cached client per principal for the running worker. */
export function s3(rt: Runtime, as: 'main' | 'alt' = 'main'): S3Client {
  const key = `${as}`;
  let c = clientCache.get(key);
  if (!c) {
    c = makeClient(rt, { as });
    clientCache.set(key, c);
  }
  return c;
}

export function sharedHandler(rt: Runtime): InstrumentedHandler {
  return handlerFor(rt.requestTimeoutMs);
}
