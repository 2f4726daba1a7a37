/**
 * Multipart helpers for suites/multipart: spec links, the multipart ETag formula, upload steps
 * that verify what they get back, and a streamed "the object is exactly these bytes" check.
 */
import { createHash } from 'node:crypto';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  ListBucketsCommand,
  UploadPartCommand,
  type CompletedPart,
  type CompleteMultipartUploadCommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import { compareStream, totalSize, type Body, type Segment } from '../../fixtures/data/bodies.ts';
import { expectEqual, fail, isServiceError, observeError, step, type Observed } from '../expect.ts';
import { isTransportError } from '../http.ts';

export const API = 'https://docs.aws.amazon.com/AmazonS3/latest/API/';
export const ERRORS = `${API}ErrorResponses.html#ErrorCodeList`;
export const ref = (op: string, anchor?: 'Errors' | 'ResponseSyntax' | 'ResponseElements' | 'RequestSyntax' | 'RequestParameters' | 'Examples'): string =>
  `${API}API_${op}.html${anchor ? `#API_${op}_${anchor}` : ''}`;
/** User guide: part numbers 1-10,000, parts ≥ 5 MiB except the last. */
export const LIMITS = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html';
/** User guide: the multipart ETag is the MD5 of the concatenated binary part MD5s, suffixed with -<count>. */
export const CHECKSUMS = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html#large-object-checksums';

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
