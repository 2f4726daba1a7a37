/**
 * Is the target still there? A bounded, unsigned probe of the endpoint: any HTTP answer
 * (even 403) means alive; connection refused, reset or time-out means dead.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Runtime } from '../run/runtime.ts';

export function probeOnce(endpoint: string, timeoutMs = 3000): Promise<boolean> {
  return new Promise((resolve) => {
    let u: URL;
    try {
      u = new URL(endpoint);
    } catch {
      resolve(false);
      return;
    }
    const req = (u.protocol === 'https:' ? httpsRequest : httpRequest)(u, { method: 'HEAD', timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('timeout', () => req.destroy(new Error('probe time-out')));
    req.on('error', () => resolve(false));
    req.end();
  });
}

/** Alive if any of `tries` probes, spaced `gapMs` apart, gets an answer. */
export async function probeTarget(rt: Pick<Runtime, 'endpoint'>, tries = 3, gapMs = 500): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (await probeOnce(rt.endpoint)) return true;
    if (i < tries - 1) await new Promise((r) => setTimeout(r, gapMs));
  }
  return false;
}
