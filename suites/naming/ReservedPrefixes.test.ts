/** Bucket naming: AWS's reserved prefixes (xn--, sthree-, amzn-s3-demo-), one property per rule. */
import { doc, operation } from '../../harness/api/index.ts';
import { expectBucketNameRejected, MAX_INVALID_RUNS } from '../../harness/api/naming.ts';
import { bucketNameBreaking } from '../../fixtures/arbitraries/bucket-names.ts';

const op = operation('CreateBucket');
const { rt } = op;
const RULES_URL = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html';

op.property(
  {
    id: 'CreateBucket/name-rule-xn-prefix',
    spec: `${RULES_URL}#general-purpose-bucket-names`,
    level: 'required',
    title: 'name breaking only "xn-prefix" (starts with xn--) → 400 InvalidBucketName, no bucket',
    evidence: [doc(RULES_URL, 'Bucket names must not start with the prefix xn--.')],
    maxRuns: MAX_INVALID_RUNS,
  },
  { b: bucketNameBreaking('xn-prefix', rt.runId) },
  async ({ b }) => {
    await expectBucketNameRejected(rt, b.name);
  },
);

op.property(
  {
    id: 'CreateBucket/name-rule-sthree-prefix',
    spec: `${RULES_URL}#general-purpose-bucket-names`,
    level: 'optional',
    title: 'name breaking only "sthree-prefix" (starts with sthree-) → 400 InvalidBucketName, no bucket',
    evidence: [doc(RULES_URL, 'Bucket names must not start with the prefix sthree-.')],
    maxRuns: MAX_INVALID_RUNS,
  },
  { b: bucketNameBreaking('sthree-prefix', rt.runId) },
  async ({ b }) => {
    await expectBucketNameRejected(rt, b.name);
  },
);

op.property(
  {
    id: 'CreateBucket/name-rule-amzn-s3-demo-prefix',
    spec: `${RULES_URL}#general-purpose-bucket-names`,
    level: 'optional',
    title: 'name breaking only "amzn-s3-demo-prefix" (starts with amzn-s3-demo-) → 400 InvalidBucketName, no bucket',
    evidence: [doc(RULES_URL, 'Bucket names must not start with the prefix amzn-s3-demo-.')],
    maxRuns: MAX_INVALID_RUNS,
  },
  { b: bucketNameBreaking('amzn-s3-demo-prefix', rt.runId) },
  async ({ b }) => {
    await expectBucketNameRejected(rt, b.name);
  },
);
