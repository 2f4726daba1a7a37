/**
 * The faults of the naming area: CreateBucket's bucket-name rules (an invalid name accepted, or
 * refused with the wrong error code). See kit.ts for the shape of a fault.
 */
import { acceptRejected, errorCode, operationOf, s3Error, type Fault } from './kit.ts';
import { pathOf } from '../proxy.ts';

export const NAMING_FAULTS: Fault[] = [
  // ---- the first catalogue (naming/…) -----------------------------------------------------------
  {
    id: 'naming/accepts-invalid-name',
    area: 'naming',
    operation: 'CreateBucket',
    description: 'CreateBucket accepts invalid names (400 InvalidBucketName turned into 200)',
    only: ['CreateBucket/'],
    onResponse: acceptRejected(['CreateBucket'], ['InvalidBucketName'], 400),
  },
  // ---- second round (bucket2/…) -----------------------------------------------------------------
  {
    id: 'bucket2/accepts-64-char-name',
    area: 'naming',
    operation: 'CreateBucket',
    description: 'CreateBucket accepts a 64-character name (off-by-one in the length rule)',
    only: ['CreateBucket/name-rule-length'],
    onResponse: acceptRejected(['CreateBucket'], ['InvalidBucketName'], 400, (req) => (pathOf(req.url).bucket ?? '').length === 64),
  },
  {
    id: 'bucket2/invalid-name-wrong-code',
    area: 'naming',
    operation: 'CreateBucket',
    description: 'CreateBucket refuses an invalid name with 400 InvalidArgument instead of InvalidBucketName',
    only: ['CreateBucket/name-rule-', 'CreateBucket/invalid-name'],
    onResponse: (req, res) => (operationOf(req) === 'CreateBucket' && errorCode(res) === 'InvalidBucketName' ? s3Error(400, 'InvalidArgument') : undefined),
  },
];
