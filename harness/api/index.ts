/**
 * The harness surface for suites: everything a check may use comes from harness/api/ (this file
 * and the per-area verifier modules beside it). ESLint's no-restricted-imports holds suites to it,
 * so the harness can be reorganised without touching a check.
 */
export { check, property, operation, type OperationFile, type FileCheckContext, type FileOptions, type FileResource, operationOf, resolveSpec, type CheckContext, type CheckMeta, type PropertyMeta, type Level, type S3cMeta } from '../check/index.ts';
export { recorded, doc, peer, providerDoc, ERROR_ENVELOPE_EVIDENCE, ERROR_ENVELOPE_SPEC, NO_SUCH_BUCKET_NAMED_EVIDENCE, type Evidence } from '../check/evidence.ts';
export { OPERATIONS, API_BASE, type Operation, type Area } from '../check/operations.ts';
export { runtime, type Runtime } from '../run/runtime.ts';
export { createBucket, createNamedBucket, newBucketName, adoptBucket, emptyBucket, destroyBucket, isRunBucket, type CreateOptions } from '../run/buckets.ts';
export {
  ConformanceError,
  fail,
  show,
  observeError,
  isServiceError,
  expectS3Error,
  expectRawError,
  expectErrorEnvelope,
  expectErrorFields,
  expectFields,
  expectStatus,
  expectEqual,
  expectMatch,
  expectHeader,
  expectTrue,
  step,
  HTTP_DATE,
  ISO_TIMESTAMP,
  MD5_ETAG,
  type ErrorSpec,
  type Observed,
} from '../oracle/expect.ts';
export { raw, sendRaw, sign, signer, buildRequest, requestTarget, encodeKey, parseXml, parseS3Error, type RawRequest, type RawResponse, type QueryValue, type S3ErrorBody } from '../transport/raw.ts';
export { s3, makeClient, credentialsFor, sharedHandler, type ClientOptions } from '../transport/client.ts';
export type { Credentials, Features } from '../config/targets.ts';
