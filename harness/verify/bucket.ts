/**
 * Helpers for the bucket suites (suites/bucket, suites/naming): principals' canonical ids,
 * ACL grant normalisation, and "what can this principal do" probes used to verify ACLs by effect.
 */
import { ListBucketsCommand, type Grant, type S3Client } from '@aws-sdk/client-s3';
import { expectHeader } from '../oracle/expect.ts';
import { raw, type RawResponse } from '../transport/raw.ts';
import type { Runtime } from '../run/runtime.ts';

export const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
export const AUTHENTICATED_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';

const ids = new Map<S3Client, string>();

/** The canonical user id of a client's principal (ListBuckets → Owner.ID). */
export async function canonicalId(client: S3Client): Promise<string> {
  const known = ids.get(client);
  if (known) return known;
  const out = await client.send(new ListBucketsCommand({}));
  const id = out.Owner?.ID;
  if (!id) throw new Error('ListBuckets returned no Owner.ID: cannot name the principal in a grant');
  ids.set(client, id);
  return id;
}

/** A grant as a comparable string: `<who>:<permission>` (who = id=<canonical id> | uri=<group uri>). */
export function grantKey(g: Grant): string {
  const who = g.Grantee?.URI ? `uri=${g.Grantee.URI}` : g.Grantee?.ID ? `id=${g.Grantee.ID}` : `type=${g.Grantee?.Type ?? '?'}`;
  return `${who}:${g.Permission ?? '?'}`;
}

export function grantSet(grants: readonly Grant[] | undefined): string[] {
  return [...new Set((grants ?? []).map(grantKey))].sort();
}

/** GET /<bucket>?list-type=2 as the given principal (raw, so anonymous works too). */
export function listAs(rt: Runtime, bucket: string, auth: 'main' | 'alt' | 'none'): Promise<RawResponse> {
  return raw(rt, { method: 'GET', bucket, query: { 'list-type': '2' }, auth });
}

/** PUT /<bucket>/<key> as the given principal. */
export function putAs(rt: Runtime, bucket: string, key: string, auth: 'main' | 'alt' | 'none'): Promise<RawResponse> {
  return raw(rt, { method: 'PUT', bucket, key, body: 'x', auth });
}

/** The CreateBucketConfiguration body a region other than us-east-1 needs (none for us-east-1). */
export function locationConfigXml(location: string): string {
  return `<CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><LocationConstraint>${location}</LocationConstraint></CreateBucketConfiguration>`;
}

/**
 * The two request-identifying headers AWS puts on every answer (RESTCommonResponseHeaders):
 * x-amz-request-id and x-amz-id-2, each a non-empty token.
 */
export function expectRequestIdHeaders(res: RawResponse): void {
  expectHeader(res.headers, 'x-amz-request-id', /^\S+$/);
  expectHeader(res.headers, 'x-amz-id-2', /^\S+$/);
}

/** Upper bound of a bucket-listing settle: bucket listings are eventually consistent after create/delete. */
export const BUCKET_SETTLE_MS = 5000;

/**
 * Poll `probe` until `settled` holds or the bound passes (200 ms, doubling, within `maxMs`, at least
 * the target's S3C_LIST_SETTLE_MS window); returns the last observation, for the check to judge.
 */
export async function settle<T>(rt: Runtime, probe: () => Promise<T>, settled: (v: T) => boolean, maxMs = BUCKET_SETTLE_MS): Promise<T> {
  const deadline = Date.now() + Math.max(maxMs, rt.listSettleMs);
  let wait = 200;
  let v = await probe();
  while (!settled(v) && Date.now() + wait <= deadline) {
    await new Promise((r) => setTimeout(r, wait));
    wait *= 2;
    v = await probe();
  }
  return v;
}

/**
 * The runtime for requests about a bucket in another region: signed for that region, and on an AWS
 * endpoint sent to that region's endpoint (elsewhere the same endpoint).
 */
export function regionalRuntime(rt: Runtime, region: string): Runtime {
  const u = new URL(rt.endpoint);
  const aws = /(^|\.)amazonaws\.com$/.test(u.hostname);
  return { ...rt, region, ...(aws ? { endpoint: `${u.protocol}//s3.${region}.amazonaws.com` } : {}) };
}
