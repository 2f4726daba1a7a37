/**
 * Shared bits of the auth suites: seeded bodies, a presigned-URL sender, byte comparison.
 */
import { createHash } from 'node:crypto';
import { HttpRequest } from '@smithy/protocol-http';
import { fail, type RawResponse, type Runtime, sendRaw } from '../../harness/api/index.ts';
import { seededBytes } from '../../fixtures/data/bodies.ts';

/** Deterministic bytes from the run's seed and a salt (bodies are generated, never stored). */
export function body(rt: Runtime, n: number, salt: string): Buffer {
  return seededBytes(rt.seed, salt, n);
}

export function md5Etag(b: Uint8Array): string {
  return `"${createHash('md5').update(b).digest('hex')}"`;
}

/** A region different from the target's, for wrong-scope checks. */
export function otherRegion(rt: Runtime): string {
  return rt.region === 'us-west-2' ? 'eu-west-1' : 'us-west-2';
}

/** Send a presigned URL (from the SDK's presigner) through the instrumented handler. */
export async function sendUrl(rt: Runtime, method: string, url: string, headers: Record<string, string> = {}, payload?: Buffer): Promise<RawResponse> {
  const u = new URL(url);
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of u.searchParams) {
    const prev = query[k];
    query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  const req = new HttpRequest({
    method,
    protocol: u.protocol,
    hostname: u.hostname,
    ...(u.port ? { port: Number(u.port) } : {}),
    path: u.pathname,
    query,
    headers: { host: u.host, ...(payload ? { 'content-length': String(payload.length) } : {}), ...headers },
    ...(payload ? { body: payload } : {}),
  });
  return sendRaw(rt, req);
}

/** The body must be exactly these bytes. */
export function expectBytes(what: string, observed: Uint8Array, expected: Uint8Array): void {
  if (Buffer.compare(Buffer.from(observed), Buffer.from(expected)) !== 0) {
    fail(`${what}: body differs`, `${expected.length} bytes, md5 ${md5Etag(expected)}`, `${observed.length} bytes, md5 ${md5Etag(observed)}`);
  }
}
