/**
 * Multipart helpers for suites/multipart: the multipart ETag formula, upload steps
 * that verify what they get back, and a streamed "the object is exactly these bytes" check.
 */
import { createHash } from 'node:crypto';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  ListBucketsCommand,
  PutBucketAclCommand,
  UploadPartCommand,
  type CompletedPart,
  type CompleteMultipartUploadCommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import { compareStream, totalSize, type Body, type Segment } from '../../fixtures/data/bodies.ts';
import { expectEqual, expectErrorFields, expectRawError, expectStatus, fail, isServiceError, observeError, step, type Observed } from '../oracle/expect.ts';
import { isTransportError } from '../transport/http.ts';
import { raw, type RawResponse } from '../transport/raw.ts';
import type { Runtime } from '../run/runtime.ts';
import { checksumOf, type ChecksumAlgorithm } from './object.ts';

export const MIN_PART = 5 * 1024 * 1024;

/** `"md5(concat(md5(part_i)))-<count>"` from the parts' binary MD5s, in part-number order. */
export function multipartEtag(partMd5s: readonly Buffer[]): string {
  const h = createHash('md5');
  for (const m of partMd5s) h.update(m);
  return `"${h.digest('hex')}-${partMd5s.length}"`;
}

export async function createUpload(s3: S3Client, bucket: string, key: string): Promise<string> {
  const out = await step('CreateMultipartUpload', s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key })));
  if (!out.UploadId) fail('CreateMultipartUpload: UploadId', 'a non-empty UploadId', out.UploadId);
  return out.UploadId;
}

/** Upload one part (streamed); its ETag must be the quoted MD5 of the part. Returns the ETag. */
export async function uploadPart(s3: S3Client, bucket: string, key: string, uploadId: string, partNumber: number, b: Body): Promise<string> {
  const out = await step(
    `UploadPart #${partNumber} (${b.size} bytes)`,
    s3.send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId: uploadId, PartNumber: partNumber, Body: b.stream(), ContentLength: b.size })),
  );
  expectEqual(`UploadPart #${partNumber} ETag (quoted MD5 of the part)`, out.ETag, b.etag());
  return out.ETag as string;
}

export async function completeUpload(s3: S3Client, bucket: string, key: string, uploadId: string, parts: CompletedPart[]): Promise<CompleteMultipartUploadCommandOutput> {
  return step(
    `CompleteMultipartUpload (${parts.length} part(s))`,
    s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId, MultipartUpload: { Parts: parts } })),
  );
}

/** Abort, ignoring every answer: cleanup of an upload a check left behind. */
export async function abortQuietly(s3: S3Client, bucket: string, key: string, uploadId: string): Promise<void> {
  await s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId })).catch(() => undefined);
}

/** GET the object and compare its bytes with the expected segments, streamed. Returns the GET's ETag. */
export async function expectObjectBytes(s3: S3Client, bucket: string, key: string, expected: readonly Segment[]): Promise<string | undefined> {
  const out = await step(`GetObject ${JSON.stringify(key)}`, s3.send(new GetObjectCommand({ Bucket: bucket, Key: key })));
  const stream = out.Body as AsyncIterable<unknown> | undefined;
  if (!stream) return fail('GetObject body', `${totalSize(expected)} bytes`, '(no body)');
  const c = await compareStream(stream, expected);
  if (c.mismatchAt !== undefined) {
    fail(
      `GetObject ${JSON.stringify(key)}: the body is not the concatenation of the completed parts`,
      `${totalSize(expected)} bytes, the parts' bytes in part-number order`,
      `${c.size} bytes, first difference at byte ${c.mismatchAt}`,
    );
  }
  return out.ETag;
}

/** The request must fail with one of the statuses and the code (for a contract that allows several statuses). */
export async function expectS3ErrorIn(p: Promise<unknown>, statuses: readonly number[], code: string | readonly string[], what = 'request'): Promise<Observed> {
  const codes = typeof code === 'string' ? [code] : code;
  const want = `${statuses.join(' | ')} ${codes.join(' | ')}`;
  let result: unknown;
  try {
    result = await p;
  } catch (e) {
    if (isTransportError(e) || !isServiceError(e)) throw e;
    const o = observeError(e);
    if (o.status === undefined || !statuses.includes(o.status) || !codes.includes(o.code ?? '')) {
      fail(`${what}: wrong error`, want, `${o.status ?? '?'} ${o.code ?? ''}${o.message ? ` (${o.message.slice(0, 160)})` : ''}`, o.status === 501);
    }
    return o;
  }
  const status = (result as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;
  return fail(`${what}: the target accepted a request the contract rejects`, want, `${status ?? '2xx'} success`);
}

/** The canonical user ID of the main user (ListBuckets Owner.ID). */
export async function ownerId(s3: S3Client): Promise<string | undefined> {
  const out = await step('ListBuckets (owner id)', s3.send(new ListBucketsCommand({})));
  return out.Owner?.ID;
}

/** A fresh random upload id that no server issued. */
export function unknownUploadId(): string {
  return `s3c${createHash('sha256').update(`${Date.now()}-${Math.random()}`).digest('hex').slice(0, 40)}`;
}

/**
 * CompleteMultipartUploadResult/Location: "the URI that identifies the newly created object" — an
 * absolute http(s) URI naming the bucket and the key, path style (`/bucket/key`) or virtual-hosted
 * style (`bucket.<host>/key`). A Location that names the object but lacks the scheme fails with its
 * own message, so that a known "no scheme" deviation cannot hide a Location naming another object.
 */
export function expectLocation(location: string | undefined, bucket: string, key: string): void {
  const want = `an absolute http(s) URI of the object: http(s)://<host>/${bucket}/${key} or http(s)://${bucket}.<host>/${key}`;
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(location ?? '');
  let url: URL;
  try {
    url = new URL(hasScheme ? (location ?? '') : `http://${location ?? ''}`);
  } catch {
    return fail('CompleteMultipartUploadResult/Location is not a URI', want, location);
  }
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    path = url.pathname;
  }
  const pathStyle = path === `/${bucket}/${key}`;
  const virtualHost = url.hostname.startsWith(`${bucket}.`) && path === `/${key}`;
  if (!(pathStyle || virtualHost) || url.hostname === '') fail('CompleteMultipartUploadResult/Location does not name the new object', want, location);
  if (!hasScheme || !/^https?:$/.test(url.protocol)) fail('CompleteMultipartUploadResult/Location has no http(s) scheme', want, location);
}

/**
 * Initiator/ID of a multipart upload: "If the principal is an AWS account, it provides the Canonical
 * User ID. If the principal is an IAM User, it provides a user ARN value" (API_Initiator). Accepts
 * the caller's canonical id or an IAM/STS principal ARN (a run with IAM or role credentials).
 */
export const PRINCIPAL_ARN = /^arn:aws[a-z-]*:(iam|sts)::\d{12}:\S+$/;
export function expectInitiatorId(what: string, observed: string | undefined, canonicalId: string | undefined): void {
  if (observed !== undefined && observed !== '' && (observed === canonicalId || PRINCIPAL_ARN.test(observed))) return;
  fail(what, `the initiator's canonical user id (${canonicalId ?? '?'}) or its IAM user ARN (arn:aws:iam::<account>:user/<name>)`, observed);
}

/** x-amz-request-id and x-amz-id-2 on an answer (common response headers of every S3 operation). */
export function expectRequestIdHeaders(res: RawResponse, what: string): void {
  const id = res.headers['x-amz-request-id'];
  const id2 = res.headers['x-amz-id-2'];
  if (!id) fail(`${what}: header x-amz-request-id`, 'a non-empty request id', id ?? '(absent)');
  if (!id2) fail(`${what}: header x-amz-id-2`, 'a non-empty extended request id', id2 ?? '(absent)');
}

/** The body of a CompleteMultipartUpload request. */
/** A part of a CompleteMultipartUpload document; `checksums` adds its <ChecksumCRC32>… elements (name → value). */
export interface CompletePart {
  PartNumber: number;
  ETag: string;
  checksums?: Readonly<Record<string, string>>;
}

export function completeXml(parts: ReadonlyArray<CompletePart>): string {
  const sums = (p: CompletePart): string => Object.entries(p.checksums ?? {}).map(([name, v]) => `<${name}>${v}</${name}>`).join('');
  const ps = parts.map((p) => `<Part><PartNumber>${p.PartNumber}</PartNumber><ETag>${p.ETag.replace(/"/g, '&quot;')}</ETag>${sums(p)}</Part>`).join('');
  return `<CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${ps}</CompleteMultipartUpload>`;
}

/**
 * CompleteMultipartUpload sent as a raw request: the parts' document by hand and the headers under the
 * check's control (its error fields, conditional headers, malformed bodies are the stimulus).
 */
export function completeRaw(rt: Runtime, bucket: string, key: string, uploadId: string, parts: ReadonlyArray<CompletePart>, headers: Record<string, string> = {}): Promise<RawResponse> {
  return raw(rt, { method: 'POST', bucket, key, query: { uploadId }, headers: { 'content-type': 'application/xml', ...headers }, body: completeXml(parts) });
}

/**
 * An upload of `key` for the length of `fn`: created, handed to `fn`, aborted afterwards whatever `fn`
 * did (an abort of an upload that `fn` completed fails quietly).
 */
export async function withUpload<T>(s3: S3Client, bucket: string, key: string, fn: (uploadId: string) => Promise<T>): Promise<T> {
  const id = await createUpload(s3, bucket, key);
  try {
    return await fn(id);
  } finally {
    await abortQuietly(s3, bucket, key, id);
  }
}

/** UploadPart sent as a raw request (headers under the check's control). */
export function uploadPartRaw(rt: Runtime, bucket: string, key: string, uploadId: string, partNumber: number, body: Buffer | string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return raw(rt, { method: 'PUT', bucket, key, query: { partNumber: String(partNumber), uploadId }, headers, body });
}

/** The x-amz-copy-source value of a key: bucket/key with each key segment percent-encoded. */
export function copySourceOf(bucket: string, key: string): string {
  return `${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * Let the second user write into `bucket` (a bucket of the main user created with `acl: true`):
 * PutBucketAcl granting FULL_CONTROL to the owner and WRITE to the second user. Returns both
 * canonical ids.
 */
export async function grantAltWrite(s3: S3Client, alt: S3Client, bucket: string): Promise<{ mainId: string; altId: string }> {
  const mainId = await ownerId(s3);
  const altId = await ownerId(alt);
  if (!mainId || !altId) return fail('ListBuckets Owner/ID of both users', 'two canonical ids', `${mainId ?? '?'} / ${altId ?? '?'}`);
  await step('PutBucketAcl (owner FULL_CONTROL, second user WRITE)', s3.send(new PutBucketAclCommand({ Bucket: bucket, GrantFullControl: `id="${mainId}"`, GrantWrite: `id="${altId}"` })));
  return { mainId, altId };
}

/**
 * CreateMultipartUpload sent as a raw request with the check's headers (x-amz-checksum-algorithm,
 * x-amz-checksum-type…): the answer must be 200 with an UploadId, which is returned.
 */
export async function createUploadRaw(rt: Runtime, bucket: string, key: string, headers: Record<string, string>): Promise<string> {
  const what = `CreateMultipartUpload with ${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join(', ')}`;
  const res = await raw(rt, { method: 'POST', bucket, key, query: { uploads: null }, headers });
  expectStatus(res, 200, what);
  const id = (res.xml()?.InitiateMultipartUploadResult as Record<string, unknown> | undefined)?.UploadId;
  return typeof id === 'string' && id ? id : fail(`${what}: <UploadId>`, 'a non-empty UploadId', res.text().slice(0, 200));
}

/** `createUploadRaw`, then `fn` with the upload id; the upload is aborted afterwards whatever happened. */
export async function withUploadRaw<T>(rt: Runtime, s3: S3Client, bucket: string, key: string, headers: Record<string, string>, fn: (uploadId: string) => Promise<T>): Promise<T> {
  const id = await createUploadRaw(rt, bucket, key, headers);
  try {
    return await fn(id);
  } finally {
    await abortQuietly(s3, bucket, key, id);
  }
}

/**
 * The COMPOSITE checksum of a completed multipart upload as AWS answers it: the algorithm's checksum
 * of the parts' binary checksums concatenated in part order, base64, then `-<number of parts>`
 * (checking-object-integrity.html, "Using part-level checksums for multipart uploads"; self-tested
 * against the values AWS answered).
 */
export function compositeChecksum(algorithm: ChecksumAlgorithm, partChecksums: readonly string[]): string {
  const joined = Buffer.concat(partChecksums.map((c) => Buffer.from(c, 'base64')));
  return `${checksumOf(algorithm, joined)}-${partChecksums.length}`;
}

/**
 * UploadPart of `data` sent with its x-amz-checksum-<algorithm>, as an SDK sends it: the answer must
 * be 200. Returns the part's ETag and the checksum sent, for the CompleteMultipartUpload document.
 */
export async function uploadPartChecksummed(rt: Runtime, bucket: string, key: string, uploadId: string, partNumber: number, data: Buffer, algorithm: ChecksumAlgorithm): Promise<{ etag: string; sum: string }> {
  const sum = checksumOf(algorithm, data);
  const res = await uploadPartRaw(rt, bucket, key, uploadId, partNumber, data, { [`x-amz-checksum-${algorithm}`]: sum, 'x-amz-sdk-checksum-algorithm': algorithm.toUpperCase() });
  expectStatus(res, 200, `UploadPart #${partNumber} with x-amz-checksum-${algorithm}`);
  return { etag: res.headers.etag ?? '', sum };
}

/**
 * An upload of `key`, then `send` with its id on `otherKey`: the answer must be 404 NoSuchUpload
 * naming that id in <UploadId> (an upload id is bound to its key). The upload is aborted afterwards.
 */
export async function expectKeyMismatchNamesUpload(rt: Runtime, s3: S3Client, bucket: string, key: string, otherKey: string, what: string, send: (otherKey: string, uploadId: string) => Promise<RawResponse>): Promise<void> {
  await withUpload(s3, bucket, key, async (id) => {
    const res = await send(otherKey, id);
    expectRawError(res, { status: 404, code: 'NoSuchUpload' }, what);
    expectErrorFields(res, { UploadId: id });
  });
}
