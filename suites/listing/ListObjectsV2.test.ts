/**
 * ListObjectsV2 (GET /<bucket>?list-type=2): the checks are declared in harness/listing/suite.ts,
 * shared with ListObjects, and judged against the listing model (harness/listing/model.ts).
 */
import { listingChecks } from '../../harness/api/listing.ts';

listingChecks('v2');
