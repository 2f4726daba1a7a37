import { CreateBucketCommand, GetBucketAclCommand, type BucketLocationConstraint } from '@aws-sdk/client-s3';
import { adoptBucket, check, createBucket, expectEqual, expectHeader, expectRawError, expectS3Error, expectStatus, newBucketName, raw, runtime, step } from '../../harness/api/index.ts';
import { ALL_USERS, canonicalId, grantSet } from '../../harness/api/bucket.ts';

const REF = 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html';
const ERRORS = 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList';
const rt = runtime();

check(
  {
    id: 'CreateBucket/success',
    operation: 'CreateBucket',
    spec: `${REF}#API_CreateBucket_ResponseSyntax`,
    level: 'required',
    title: 'PUT /<new bucket> → 200, Location: /<bucket>, x-amz-request-id, and the bucket exists (HeadBucket 200)',
  },
  async () => {
    const name = newBucketName(rt);
    adoptBucket(rt, name);
    const res = await raw(rt, { method: 'PUT', bucket: name });
    expectStatus(res, 200, 'CreateBucket');
    expectHeader(res.headers, 'x-amz-request-id', /^\S+$/);
    const head = await raw(rt, { method: 'HEAD', bucket: name });
    expectStatus(head, 200, 'HeadBucket after CreateBucket');
    // Path style: "A forward slash followed by the name of the bucket". Asserted last: a server
    // known to omit it (expectations) still has every other field checked.
    expectHeader(res.headers, 'location', rt.pathStyle ? `/${name}` : /\S/);
  },
);

check(
  {
    id: 'CreateBucket/duplicate-same-owner',
    operation: 'CreateBucket',
    spec: `${REF}#API_CreateBucket_Errors`,
    level: 'required',
    title: 'CreateBucket on a bucket you own → 409 BucketAlreadyOwnedByYou (200 also allowed in us-east-1)',
  },
  async ({ s3 }) => {
    const name = newBucketName(rt);
    adoptBucket(rt, name);
    await step('CreateBucket', s3.send(new CreateBucketCommand({ Bucket: name })));
    const res = await raw(rt, { method: 'PUT', bucket: name });
    if (rt.region === 'us-east-1' && res.status === 200) return; // us-east-1 legacy: the existing bucket is kept, 200
    expectRawError(res, { status: 409, code: 'BucketAlreadyOwnedByYou' }, 'second CreateBucket');
  },
);

check(
  {
    id: 'CreateBucket/already-exists-other-owner',
    operation: 'CreateBucket',
    spec: `${REF}#API_CreateBucket_Errors`,
    level: 'required',
    title: "the second user creates a name the main user owns → 409 BucketAlreadyExists",
    needs: ['alt'],
  },
  async ({ alt }) => {
    const name = await createBucket(rt, { hint: 'taken' });
    await expectS3Error(alt().send(new CreateBucketCommand({ Bucket: name })), { status: 409, code: 'BucketAlreadyExists' }, 'CreateBucket by the second user');
  },
);

check(
  {
    id: 'CreateBucket/invalid-location-constraint',
    operation: 'CreateBucket',
    spec: ERRORS,
    level: 'required',
    title: 'CreateBucketConfiguration with an unknown LocationConstraint → 400 InvalidLocationConstraint',
  },
  async ({ s3 }) => {
    const name = newBucketName(rt, 'loc');
    adoptBucket(rt, name);
    await expectS3Error(
      s3.send(new CreateBucketCommand({ Bucket: name, CreateBucketConfiguration: { LocationConstraint: 'zz-nowhere-9' as BucketLocationConstraint } })),
      { status: 400, code: 'InvalidLocationConstraint' },
    );
  },
);

check(
  {
    id: 'CreateBucket/location-region-mismatch',
    operation: 'CreateBucket',
    spec: ERRORS,
    level: 'required',
    title: "LocationConstraint of another region than the endpoint's → 400 IllegalLocationConstraintException | InvalidLocationConstraint",
  },
  async ({ s3 }) => {
    const other = rt.region === 'eu-west-1' ? 'ap-northeast-2' : 'eu-west-1';
    const name = newBucketName(rt, 'loc');
    adoptBucket(rt, name);
    await expectS3Error(
      s3.send(new CreateBucketCommand({ Bucket: name, CreateBucketConfiguration: { LocationConstraint: other as BucketLocationConstraint } })),
      { status: 400, code: ['IllegalLocationConstraintException', 'InvalidLocationConstraint'] },
    );
  },
);

check(
  {
    id: 'CreateBucket/malformed-configuration',
    operation: 'CreateBucket',
    spec: ERRORS,
    level: 'required',
    title: 'CreateBucket with a body that is not well-formed XML → 400 MalformedXML',
  },
  async () => {
    const name = newBucketName(rt, 'xml');
    adoptBucket(rt, name);
    const res = await raw(rt, { method: 'PUT', bucket: name, body: '<CreateBucketConfiguration><LocationConstraint>' });
    expectRawError(res, { status: 400, code: 'MalformedXML' }, 'CreateBucket');
  },
);

check(
  {
    id: 'CreateBucket/invalid-name',
    operation: 'CreateBucket',
    spec: `${REF}#API_CreateBucket_RequestSyntax`,
    level: 'required',
    title: 'PUT /<name with uppercase and "_"> (sent raw) → 400 InvalidBucketName (one example; every rule: CreateBucket/name-rule-*)',
  },
  async () => {
    const name = `Bad_${rt.runId}`;
    const res = await raw({ ...rt, pathStyle: true }, { method: 'PUT', bucket: name });
    if (res.status === 200) await raw({ ...rt, pathStyle: true }, { method: 'DELETE', bucket: name });
    expectRawError(res, { status: 400, code: 'InvalidBucketName' }, 'CreateBucket');
  },
);

check(
  {
    id: 'CreateBucket/canned-acl-public-read',
    operation: 'CreateBucket',
    spec: `${REF}#API_CreateBucket_RequestSyntax`,
    level: 'required',
    title: 'PUT /<new bucket> with x-amz-acl: public-read → 200; GetBucketAcl shows owner FULL_CONTROL + AllUsers READ',
    feature: 'acl',
  },
  async ({ s3 }) => {
    const name = newBucketName(rt, 'cacl');
    adoptBucket(rt, name);
    const res = await raw(rt, { method: 'PUT', bucket: name, headers: { 'x-amz-acl': 'public-read' } });
    expectStatus(res, 200, 'CreateBucket with x-amz-acl: public-read');
    const owner = await canonicalId(s3);
    const got = await step('GetBucketAcl', s3.send(new GetBucketAclCommand({ Bucket: name })));
    expectEqual('grants of the new bucket', grantSet(got.Grants), [`id=${owner}:FULL_CONTROL`, `uri=${ALL_USERS}:READ`].sort());
  },
);
