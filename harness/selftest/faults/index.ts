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
 * Every fault of every area, area by area (each area module keeps the order its faults were written
 * in). The sample run (npm run selftest:faults:sample) takes the first fault of each operation.
 */
export const FAULTS: Fault[] = unique([...OBJECT_FAULTS, ...BUCKET_FAULTS, ...NAMING_FAULTS, ...LISTING_FAULTS, ...MULTIPART_FAULTS, ...AUTH_FAULTS]);

function unique(faults: Fault[]): Fault[] {
  const seen = new Set<string>();
  for (const f of faults) {
    if (seen.has(f.id)) throw new Error(`harness/selftest/faults: two faults have the id ${f.id}`);
    seen.add(f.id);
  }
  return faults;
}
