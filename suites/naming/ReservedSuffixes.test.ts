/** Bucket naming: AWS's reserved suffixes (-s3alias, --ol-s3, .mrap, --x-s3, --table-s3), one property per rule. */
import { doc, operation } from '../../harness/api/index.ts';
import { expectBucketNameRejected, MAX_INVALID_RUNS } from '../../harness/api/naming.ts';
import { bucketNameBreaking } from '../../fixtures/arbitraries/bucket-names.ts';

const op = operation('CreateBucket');
const { rt } = op;
const RULES_URL = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html';

op.property(
  {
    id: 'CreateBucket/name-rule-s3alias-suffix',
    spec: `${RULES_URL}#general-purpose-bucket-names`,
    level: 'optional',
    title: 'name breaking only "s3alias-suffix" (ends with -s3alias) → 400 InvalidBucketName, no bucket',
    evidence: [doc(RULES_URL, 'Bucket names must not end with the suffix -s3alias. This suffix is reserved for access point alias names.')],
    maxRuns: MAX_INVALID_RUNS,
  },
  { b: bucketNameBreaking('s3alias-suffix', rt.runId) },
  async ({ b }) => {
    await expectBucketNameRejected(rt, b.name);
  },
);

op.property(
  {
    id: 'CreateBucket/name-rule-ol-s3-suffix',
    spec: `${RULES_URL}#general-purpose-bucket-names`,
    level: 'optional',
    title: 'name breaking only "ol-s3-suffix" (ends with --ol-s3) → 400 InvalidBucketName, no bucket',
    evidence: [doc(RULES_URL, 'Bucket names must not end with the suffix --ol-s3. This suffix is reserved for Object Lambda Access Point alias names.')],
    maxRuns: MAX_INVALID_RUNS,
  },
  { b: bucketNameBreaking('ol-s3-suffix', rt.runId) },
  async ({ b }) => {
    await expectBucketNameRejected(rt, b.name);
  },
);

op.property(
  {
    id: 'CreateBucket/name-rule-mrap-suffix',
    spec: `${RULES_URL}#general-purpose-bucket-names`,
    level: 'optional',
    title: 'name breaking only "mrap-suffix" (ends with .mrap) → 400 InvalidBucketName, no bucket',
    evidence: [doc(RULES_URL, 'Bucket names must not end with the suffix .mrap. This suffix is reserved for Multi-Region Access Point names.')],
    maxRuns: MAX_INVALID_RUNS,
  },
  { b: bucketNameBreaking('mrap-suffix', rt.runId) },
  async ({ b }) => {
    await expectBucketNameRejected(rt, b.name);
  },
);

op.property(
  {
    id: 'CreateBucket/name-rule-x-s3-suffix',
    spec: `${RULES_URL}#general-purpose-bucket-names`,
    level: 'optional',
    title: 'name breaking only "x-s3-suffix" (ends with --x-s3) → 400 InvalidBucketName, no bucket',
    evidence: [doc(RULES_URL, 'Bucket names must not end with the suffix --x-s3.')],
    maxRuns: MAX_INVALID_RUNS,
  },
  { b: bucketNameBreaking('x-s3-suffix', rt.runId) },
  async ({ b }) => {
    await expectBucketNameRejected(rt, b.name);
  },
);

op.property(
  {
    id: 'CreateBucket/name-rule-table-s3-suffix',
    spec: `${RULES_URL}#general-purpose-bucket-names`,
    level: 'optional',
    title: 'name breaking only "table-s3-suffix" (ends with --table-s3) → 400 InvalidBucketName, no bucket',
    evidence: [doc(RULES_URL, 'Bucket names must not end with the suffix --table-s3.')],
    maxRuns: MAX_INVALID_RUNS,
  },
  { b: bucketNameBreaking('table-s3-suffix', rt.runId) },
  async ({ b }) => {
    await expectBucketNameRejected(rt, b.name);
  },
);
