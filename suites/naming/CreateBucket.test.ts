/**
 * Bucket naming: the core rules (length, characters, first/last character, adjacent periods,
 * IP addresses), one property per rule: names breaking exactly that rule → 400 InvalidBucketName.
 * The reserved AWS prefixes and suffixes are in ReservedPrefixes/ReservedSuffixes.test.ts, valid
 * names in ValidNames.test.ts (files run in parallel).
 * Model and generators: harness/oracle/naming.ts (harness/api/naming.ts), fixtures/arbitraries/bucket-names.ts.
 */
import { doc, recorded, operation } from '../../harness/api/index.ts';
import { expectBucketNameRejected, lengthBoundaries, MAX_INVALID_RUNS } from '../../harness/api/naming.ts';
import { bucketNameBreaking } from '../../fixtures/arbitraries/bucket-names.ts';

const op = operation('CreateBucket');
const { rt } = op;
const RULES_URL = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html';

op.property(
  {
    id: 'CreateBucket/name-rule-length',
    spec: `${RULES_URL}#general-purpose-bucket-names`,
    level: 'required',
    title: 'name breaking only "length" (3 to 63 characters; 2 and 64 pinned) → 400 InvalidBucketName, no bucket',
    evidence: [doc(RULES_URL, 'Bucket names must be between 3 (min) and 63 (max) characters long.')],
    maxRuns: MAX_INVALID_RUNS,
    examples: lengthBoundaries(rt.runId),
  },
  { b: bucketNameBreaking('length', rt.runId) },
  async ({ b }) => {
    await expectBucketNameRejected(rt, b.name);
  },
);

op.property(
  {
    id: 'CreateBucket/name-rule-charset',
    spec: `${RULES_URL}#general-purpose-bucket-names`,
    level: 'required',
    title: 'name breaking only "charset" (an uppercase letter, "_" or "~" inside) → 400 InvalidBucketName, no bucket',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_uppercase_bucket_name#uppercase-bucket', '400 InvalidBucketName for a name with uppercase letters'),
      doc(RULES_URL, 'Bucket names can consist only of lowercase letters, numbers, periods (.), and hyphens (-).'),
    ],
    maxRuns: MAX_INVALID_RUNS,
  },
  { b: bucketNameBreaking('charset', rt.runId) },
  async ({ b }) => {
    await expectBucketNameRejected(rt, b.name);
  },
);

op.property(
  {
    id: 'CreateBucket/name-rule-start-end',
    spec: `${RULES_URL}#general-purpose-bucket-names`,
    level: 'required',
    title: 'name breaking only "start-end" (begins or ends with "-" or ".") → 400 InvalidBucketName, no bucket',
    evidence: [doc(RULES_URL, 'Bucket names must begin and end with a letter or number.')],
    maxRuns: MAX_INVALID_RUNS,
  },
  { b: bucketNameBreaking('start-end', rt.runId) },
  async ({ b }) => {
    await expectBucketNameRejected(rt, b.name);
  },
);

op.property(
  {
    id: 'CreateBucket/name-rule-adjacent-periods',
    spec: `${RULES_URL}#general-purpose-bucket-names`,
    level: 'required',
    title: 'name breaking only "adjacent-periods" (".." inside) → 400 InvalidBucketName, no bucket',
    evidence: [doc(RULES_URL, 'Bucket names must not contain two adjacent periods.')],
    maxRuns: MAX_INVALID_RUNS,
  },
  { b: bucketNameBreaking('adjacent-periods', rt.runId) },
  async ({ b }) => {
    await expectBucketNameRejected(rt, b.name);
  },
);

op.property(
  {
    id: 'CreateBucket/name-rule-ip-address',
    spec: `${RULES_URL}#general-purpose-bucket-names`,
    level: 'required',
    title: 'name breaking only "ip-address" (a dotted-quad IPv4 address) → 400 InvalidBucketName, no bucket',
    evidence: [doc(RULES_URL, 'Bucket names must not be formatted as an IP address (for example, 192.168.5.4).')],
    maxRuns: MAX_INVALID_RUNS,
  },
  { b: bucketNameBreaking('ip-address', rt.runId) },
  async ({ b }) => {
    await expectBucketNameRejected(rt, b.name);
  },
);
