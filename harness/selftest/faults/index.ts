/**
 * The fault catalogue of the self-validation: each fault breaks one S3 behaviour in the proxy
 * (harness/selftest/proxy.ts), names the operation whose checks must then fail, and the check
 * id prefixes to run for it. At least one fault per area, more where the area is large.
 *
 * One module per area (object.ts, bucket.ts, naming.ts, listing.ts, multipart.ts, auth.ts), each
 * exporting its faults; the shape of a fault and the helpers to write one are in kit.ts, which this
 * module re-exports.
 */
import type { Fault } from './kit.ts';
import { AUTH_FAULTS } from './auth.ts';
import { BUCKET_FAULTS } from './bucket.ts';
import { LISTING_FAULTS } from './listing.ts';
import { MULTIPART_FAULTS } from './multipart.ts';
import { NAMING_FAULTS } from './naming.ts';
import { OBJECT_FAULTS } from './object.ts';

export * from './kit.ts';

/**
 * The order of FAULTS, by id: the order the faults were written in (the first catalogue, then each
 * later round, which added faults to several areas), not grouped by area. It matters: the sample
 * run (npm run selftest:faults:sample, harness/e2e/faults.test.ts) takes the first fault of each
 * operation, and the report lists the faults in this order. A new fault is appended here; each
 * fault of the area modules must be listed exactly once (checked when this module loads).
 */
const ORDER: string[] = [
  'object/put-wrong-etag',
  'object/get-ignores-range',
  'object/get-corrupts-byte',
  'object/head-drops-last-modified',
  'object/put-ignores-content-md5',
  'object/no-such-key-wrong-code',
  'object/delete-missing-404',
  'object/copy-ignores-source-conditionals',
  'object/delete-objects-drops-deleted',
  'object/get-conditional-ignored',
  'naming/accepts-invalid-name',
  'bucket/head-missing-200',
  'bucket/delete-non-empty',
  'bucket/list-buckets-drops-one',
  'bucket/acl-grant-dropped',
  'bucket/location-wrong',
  'listing/ignores-max-keys',
  'listing/unsorted',
  'listing/v1-unsorted',
  'listing/drops-common-prefixes',
  'listing/lies-is-truncated',
  'listing/repeats-continuation-token',
  'multipart/etag-without-part-count',
  'multipart/accepts-parts-out-of-order',
  'multipart/abort-forgets',
  'multipart/ignores-copy-range',
  'multipart/list-parts-wrong-size',
  'auth/accepts-wrong-signature',
  'auth/accepts-unknown-key',
  'auth/accepts-skewed-date',
  'auth/accepts-expired-presigned-url',
  'auth/accepts-wrong-region',
  'auth/accepts-payload-hash-mismatch',

  'object2/get-content-type-default',
  'object2/get-charset-appended',
  'object2/get-drops-user-metadata',
  'object2/get-drops-standard-headers',
  'object2/get-last-modified-iso',
  'object2/get-etag-weak',
  'object2/range-total-unknown',
  'object2/range-416-without-code',
  'object2/response-overrides-ignored',
  'object2/no-such-key-status-400',
  'object2/head-content-length-plus-one',
  'object2/head-etag-unquoted',
  'object2/head-drops-representation-headers',
  'object2/head-missing-403',
  'object2/put-201-created',
  'object2/delete-200-ok',
  'object2/copy-replace-ignored',
  'object2/copy-accepts-unknown-directive',
  'object2/copy-directive-copy-takes-request-meta',
  'object2/copy-drops-content-type',
  'object2/copy-last-modified-http-date',
  'object2/delete-objects-quiet-leaks-deleted',
  'object2/delete-objects-errors-for-missing',
  'object2/delete-objects-ignores-content-md5',
  'object2/delete-objects-keys-url-encoded',

  'listing2/v2-keycount-off-by-one',
  'listing2/v1-drops-owner',
  'listing2/v2-owner-without-fetch-owner',
  'listing2/v1-etag-unquoted',
  'listing2/v2-last-modified-local-time',
  'listing2/v1-last-modified-http-date',
  'listing2/v2-storage-class-missing',
  'listing2/v1-no-next-marker-with-delimiter',
  'listing2/v2-start-after-not-echoed',
  'listing2/v1-encoding-type-not-echoed',
  'listing2/v1-ignores-marker',
  'listing2/v2-max-keys-echo-default',
  'listing2/v2-size-zero',
  'listing2/v2-url-keys-not-encoded',
  'listing2/v1-name-wrong',
  'listing2/v2-no-such-bucket-no-such-key',

  'bucket2/head-missing-403',
  'bucket2/head-alt-200',
  'bucket2/delete-missing-204',
  'bucket2/not-empty-400',
  'bucket2/delete-200',
  'bucket2/location-missing-200',
  'bucket2/list-buckets-no-owner',
  'bucket2/list-buckets-owner-id-wrong',
  'bucket2/list-buckets-date-http-format',
  'bucket2/create-no-request-id',
  'bucket2/create-ignores-canned-acl',
  'bucket2/acl-owner-id-wrong',
  'bucket2/acl-permission-renamed',
  'bucket2/acl-xsi-type-missing',
  'bucket2/canned-public-read-ignored',
  'bucket2/acl-all-users-uri-wrong',
  'bucket2/accepts-64-char-name',
  'bucket2/invalid-name-wrong-code',

  'multipart2/create-drops-key',
  'multipart2/upload-part-ignores-content-md5',
  'multipart2/upload-part-etag-unquoted',
  'multipart2/list-parts-default-max-parts',
  'multipart2/list-parts-truncated-lies',
  'multipart2/list-uploads-markers-not-echoed',
  'multipart2/list-uploads-drops-initiated',
  'multipart2/list-uploads-default-max-uploads',
  'multipart2/complete-wrong-location',
  'multipart2/no-such-upload-as-no-such-key',
  'multipart2/abort-unknown-204',
  'multipart2/copy-part-drops-last-modified',
  'multipart2/copy-missing-source-no-such-upload',
  'multipart2/part-number-zero-accepted',

  'auth2/skew-as-400',
  'auth2/future-date-accepted',
  'auth2/missing-date-wrong-code',
  'auth2/unsigned-payload-rejected',
  'auth2/presigned-wrong-signature-accepted',
  'auth2/presigned-expires-limit-ignored',
  'auth2/sigv2-wrong-signature-accepted',
  'auth2/anonymous-private-readable',
  'auth2/unsigned-payload-skips-signature',
  'auth2/sigv2-skew-ignored',
  'auth2/error-without-code',
  'auth2/head-drops-etag-presigned',

  'bucket3/no-id-2',
  'bucket3/location-header-url',
  'bucket3/invalid-location-accepted',
  'bucket3/delete-with-upload-refused',
  'bucket3/acl-two-kinds-accepted',
  'bucket3/acl-invalid-argument-accepted',
  'bucket3/acl-grant-permission-renamed',

  'listing3/v1-keys-nfc-normalised',
  'listing3/v2-double-slash-collapsed',
  'listing3/v1-url-plus-not-encoded',
  'listing3/v2-no-request-id',
  'listing3/v1-no-id-2',
  'listing3/v2-encoding-type-unvalidated',
  'listing3/v1-marker-not-echoed',
  'listing3/v2-continuation-token-not-echoed',
  'listing3/v1-marker-slash-dropped',

  'multipart3/upload-id-not-bound-to-key',
  'multipart3/copy-range-not-validated',
  'multipart3/copy-range-etag-wrong',
  'multipart3/initiation-metadata-lost',
  'multipart3/no-request-id',
  'multipart3/list-uploads-encoding-type-ignored',
  'multipart3/initiator-is-someone-else',

  'auth3/unsigned-amz-header-accepted',
  'auth3/query-parameter-error-as-access-denied',
  'auth3/malformed-scope-as-signature-mismatch',
  'auth3/sigv2-bad-date-as-invalid-argument',

  'object-rw/range-malformed-served',
  'object-rw/range-suffix-zero-served',
  'object-rw/empty-object-range-served',
  'object-rw/head-ignores-range',
  'object-rw/conditional-unquoted-etag-mismatch',
  'object-rw/drops-request-id',
  'object-rw/keys-nfc-normalised',
  'object-rw/prefix-served-as-directory',
  'object-rw/metadata-raw-utf8',
  'object-rw/default-content-type-application',

  'object-cd/copy-bad-source-no-such-bucket',
  'object-cd/copy-onto-itself-accepted',
  'object-cd/copy-source-plus-as-space',
  'object-cd/copy-source-double-decoded',
  'object-cd/copy-source-nfc-normalized',
  'object-cd/delete-if-match-ignored',
  'object-cd/request-id-2-dropped',
  'object-cd/multi-delete-without-md5-accepted',
  'object-cd/multi-delete-missing-bucket-200',
];

/** The faults of `areas` in the order of `order` (ids), which must name each of them exactly once. */
function inOrder(areas: Fault[][], order: string[]): Fault[] {
  const byId = new Map<string, Fault>();
  for (const f of areas.flat()) {
    if (byId.has(f.id)) throw new Error(`harness/selftest/faults: two faults have the id ${f.id}`);
    byId.set(f.id, f);
  }
  const ordered = order.map((id) => {
    const f = byId.get(id);
    if (!f) throw new Error(`harness/selftest/faults/index.ts: ORDER lists ${id}, which is no fault of an area module or is listed twice`);
    byId.delete(id);
    return f;
  });
  if (byId.size > 0) throw new Error(`harness/selftest/faults/index.ts: faults missing from ORDER: ${[...byId.keys()].join(', ')}`);
  return ordered;
}

/** Every fault of every area, in ORDER. */
export const FAULTS: Fault[] = inOrder([OBJECT_FAULTS, BUCKET_FAULTS, NAMING_FAULTS, LISTING_FAULTS, MULTIPART_FAULTS, AUTH_FAULTS], ORDER);
