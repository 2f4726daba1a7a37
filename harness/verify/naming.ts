/**
 * Verifiers of the naming area: a bucket name that breaks a naming rule (harness/oracle/naming.ts), sent
 * raw (path style: the SDK validates some names itself), must be 400 InvalidBucketName. The checks
 * themselves are declared in suites/naming/ (one property per rule, ids literal there).
 *
 * Each invalid name costs one request; names that cannot hold the run id (1-2 characters, IP
 * addresses) cost a HEAD first, so that a wrongly accepted name is deleted only when this run
 * created it. A server that creates a bucket with an invalid name fails the check and the bucket
 * is deleted at once (adopted for the end-of-run cleanup if that DELETE fails).
 */
import { adoptBucket, isRunBucket } from '../run/buckets.ts';
import { expectRawError, fail } from '../oracle/expect.ts';
import { raw, type RawResponse } from '../transport/raw.ts';
import type { Runtime } from '../run/runtime.ts';

/** Request budget of a naming-rule property: invalid names cost one request each. */
export const MAX_INVALID_RUNS = 10;

const ok = (r: RawResponse) => r.status >= 200 && r.status < 300;

/** PUT /<name> (path style) must be 400 InvalidBucketName; a bucket created anyway is deleted and the check fails. */
export async function expectBucketNameRejected(rt: Runtime, name: string): Promise<void> {
  const pathRt: Runtime = { ...rt, pathStyle: true };
  const ours = isRunBucket(rt, name);
  let absentBefore = ours;
  if (!ours) {
    const h = await raw(pathRt, { method: 'HEAD', bucket: name });
    absentBefore = h.status === 404 || h.status === 400;
  }
  const res = await raw(pathRt, { method: 'PUT', bucket: name });
  if (ok(res)) {
    let cleanup = 'left alone: it existed before this request';
    if (absentBefore) {
      const del = await raw(pathRt, { method: 'DELETE', bucket: name });
      cleanup = ok(del) || del.status === 404 ? 'deleted again' : `DELETE answered ${del.status}`;
      if (!ok(del) && del.status !== 404 && ours) adoptBucket(rt, name);
    }
    fail(`CreateBucket "${name}": the target created a bucket with an invalid name (${cleanup})`, '400 InvalidBucketName', `${res.status} (bucket created)`);
  }
  expectRawError(res, { status: 400, code: 'InvalidBucketName' }, `CreateBucket "${name}"`);
}

/** Pinned first runs of the length rule: exactly 64 characters (the run id inside) and exactly 2. */
export function lengthBoundaries(runId: string): Array<{ b: { rule: 'length'; name: string } }> {
  return [{ b: { rule: 'length', name: `${runId}-${'x'.repeat(63 - runId.length)}` } }, { b: { rule: 'length', name: 'ab' } }];
}
