/**
 * ListObjects, version 1 (GET /<bucket>): the checks are declared in harness/listing/suite.ts,
 * shared with ListObjectsV2, and judged against the listing model (harness/listing/model.ts).
 */
import { listingChecks } from '../../harness/api/listing.ts';

listingChecks('v1');
