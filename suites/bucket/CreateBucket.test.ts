import { CreateBucketCommand, GetBucketAclCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { adoptBucket, createBucket, doc, expectEqual, expectHeader, expectRawError, expectS3Error, expectStatus, newBucketName, peer, raw, recorded, step, operation, expectErrorEnvelope, expectErrorFields, ERROR_ENVELOPE_EVIDENCE, ERROR_ENVELOPE_SPEC } from '../../harness/api/index.ts';
import { ALL_USERS, canonicalId, expectRequestIdHeaders, grantSet, listAs, locationConfigXml, regionalRuntime } from '../../harness/api/bucket.ts';

const ERRORS = 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList';
const op = operation('CreateBucket');
const { rt } = op;
/** What AWS answers an unusable LocationConstraint with: the us-east-1 (global) endpoint and a regional endpoint differ. */
const BAD_LOCATION_CODE = rt.region === 'us-east-1' ? 'InvalidLocationConstraint' : 'IllegalLocationConstraintException';

op.check(
  {
    id: 'CreateBucket/success',
    spec: '#API_CreateBucket_ResponseSyntax',
    level: 'required',
    title: 'PUT /<new bucket> → 200, and the bucket exists (HeadBucket 200)',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_create_bucket_head_bucket#create_bucket'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_create_bucket_head_bucket#head_bucket'),
    ],
  },
  async () => {
    const name = newBucketName(rt);
    adoptBucket(rt, name);
    const res = await raw(rt, { method: 'PUT', bucket: name });
    expectStatus(res, 200, 'CreateBucket');
    const head = await raw(rt, { method: 'HEAD', bucket: name });
    expectStatus(head, 200, 'HeadBucket after CreateBucket');
  },
);

op.check(
  {
    id: 'CreateBucket/location-header',
    spec: '#API_CreateBucket_ResponseSyntax',
    level: 'required',
    title: 'PUT /<new bucket> → Location header: "/<bucket>" in us-east-1 (elsewhere "/<bucket>" or a URL naming the bucket)',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_create_bucket_head_bucket#create_bucket', 'us-east-1: Location "/<bucket>"'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_create_bucket_head_bucket#create_bucket_location_constraint', 'another region: Location "http://<bucket>.<host>/"'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html', 'A forward slash followed by the name of the bucket.'),
    ],
  },
  async () => {
    const name = newBucketName(rt);
    adoptBucket(rt, name);
    const res = await raw(rt, { method: 'PUT', bucket: name });
    expectStatus(res, 200, 'CreateBucket');
    const escaped = name.replace(/\./g, '\\.');
    expectHeader(res.headers, 'location', rt.region === 'us-east-1' ? `/${name}` : new RegExp(`^(/${escaped}|https?://[^/]*${escaped}[^/]*/?|https?://[^/]+/${escaped}/?)$`));
  },
);

op.check(
  {
    id: 'CreateBucket/request-id-headers',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html',
    level: 'required',
    title: 'PUT /<new bucket> → 200 with x-amz-request-id and x-amz-id-2',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html', 'x-amz-request-id: A value created by Amazon S3 that uniquely identifies the request.'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_create_bucket_head_bucket#head_bucket_filtered_header', 'AWS answers carry x-amz-id-2 and x-amz-request-id'),
    ],
  },
  async () => {
    const name = newBucketName(rt);
    adoptBucket(rt, name);
    const res = await raw(rt, { method: 'PUT', bucket: name });
    expectStatus(res, 200, 'CreateBucket');
    expectRequestIdHeaders(res);
  },
);

op.check(
  {
    id: 'CreateBucket/duplicate-same-owner',
    spec: '#API_CreateBucket_Errors',
    level: 'required',
    title: 'CreateBucket on a bucket you own → 409 BucketAlreadyOwnedByYou (200 also allowed in us-east-1)',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_create_bucket_with_existing_name#create-bucket-us-west-1'),
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3BucketObjectTagging::test_create_bucket_with_tags_us_east_1_idempotency#create-bucket-with-no-tags', 'us-east-1: a repeated plain CreateBucket answers 200'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html', 'For legacy compatibility, if you re-create an existing bucket that you already own in the North Virginia Region, Amazon S3 returns 200 OK and resets the bucket access control lists (ACLs).'),
    ],
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

op.check(
  {
    id: 'CreateBucket/duplicate-same-owner-names-bucket',
    spec: '#API_CreateBucket_Errors',
    level: 'required',
    title: 'CreateBucket on a bucket you own → the 409 BucketAlreadyOwnedByYou names that bucket in <BucketName> (a 200 in us-east-1 is AWS legacy, not judged)',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_create_bucket_with_existing_name#create-bucket-us-west-1', 'BucketName <bucket-name:1>: the masked name of the bucket the test created twice'),
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3BucketObjectTagging::test_create_bucket_with_tags_us_east_1_idempotency#create-bucket-different-tags', 'us-east-1: a 409 carries BucketName too'),
      recorded('tests/aws/services/s3/test_s3_api.py::TestS3BucketObjectTagging::test_create_bucket_with_tags_us_east_1_idempotency#create-bucket-with-no-tags', 'us-east-1: a repeated plain CreateBucket answers 200'),
    ],
  },
  async ({ s3 }) => {
    const name = newBucketName(rt);
    adoptBucket(rt, name);
    await step('CreateBucket', s3.send(new CreateBucketCommand({ Bucket: name })));
    const res = await raw(rt, { method: 'PUT', bucket: name });
    if (rt.region === 'us-east-1' && res.status === 200) return; // us-east-1 legacy: 200, no error to read
    expectRawError(res, { status: 409, code: 'BucketAlreadyOwnedByYou' }, 'second CreateBucket');
    expectEqual('Error/BucketName', res.error()?.bucketName, name);
  },
);

op.check(
  {
    id: 'CreateBucket/already-exists-other-owner',
    spec: '#API_CreateBucket_Errors',
    level: 'required',
    title: 'the second user creates a name the main user owns → 409 BucketAlreadyExists',
    needs: ['alt'],
    evidence: [doc(ERRORS, 'BucketAlreadyExists: The requested bucket name is not available. The bucket namespace is shared by all users of the system. 409 Conflict')],
  },
  async ({ alt }) => {
    const name = await createBucket(rt, { hint: 'taken' });
    await expectS3Error(alt().send(new CreateBucketCommand({ Bucket: name })), { status: 409, code: 'BucketAlreadyExists' }, 'CreateBucket by the second user');
  },
);

op.check(
  {
    id: 'CreateBucket/invalid-location-constraint',
    spec: ERRORS,
    level: 'required',
    title: 'unknown LocationConstraint → 400 InvalidLocationConstraint (us-east-1) | IllegalLocationConstraintException (a regional endpoint)',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_create_bucket_with_invalid_location_constraint[us-east-1-foo]#us-east-1-location-constraint-foo-error'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_create_bucket_with_invalid_location_constraint[eu-west-1-bar]#eu-west-1-location-constraint-bar-error'),
    ],
  },
  async () => {
    const name = newBucketName(rt, 'loc');
    adoptBucket(rt, name);
    const res = await raw(rt, { method: 'PUT', bucket: name, body: locationConfigXml('zz-nowhere-9') });
    expectRawError(res, { status: 400, code: BAD_LOCATION_CODE }, 'CreateBucket');
  },
);

op.check(
  {
    id: 'CreateBucket/location-us-east-1-explicit',
    spec: ERRORS,
    level: 'required',
    title: 'LocationConstraint "us-east-1" given explicitly → 400 InvalidLocationConstraint (us-east-1) | IllegalLocationConstraintException (elsewhere)',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_create_bucket_with_invalid_location_constraint[us-east-1-us-east-1]#us-east-1-location-constraint-us-east-1-error'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_different_location_constraint#create-bucket-constraint-us-east-1'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_different_location_constraint#create-bucket-us-west-1-constraint-to-us-east-1', 'a regional endpoint: IllegalLocationConstraintException'),
    ],
  },
  async () => {
    const name = newBucketName(rt, 'loc');
    adoptBucket(rt, name);
    const res = await raw(rt, { method: 'PUT', bucket: name, body: locationConfigXml('us-east-1') });
    expectRawError(res, { status: 400, code: BAD_LOCATION_CODE }, 'CreateBucket');
  },
);

op.check(
  {
    id: 'CreateBucket/location-region-mismatch',
    spec: ERRORS,
    level: 'required',
    title: "LocationConstraint of another region → us-east-1: 200, bucket created there; a regional endpoint: 400 IllegalLocationConstraintException",
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_create_bucket_head_bucket#create_bucket_location_constraint', 'us-east-1 endpoint, another region: 200'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_different_location_constraint#create-bucket-us-east-2-constraint-to-us-west-1'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html', 'If you send your CreateBucket request to the s3.amazonaws.com global endpoint, the request goes to the us-east-1 Region.'),
    ],
  },
  async () => {
    const other = rt.region === 'eu-west-1' ? 'ap-northeast-2' : 'eu-west-1';
    const name = newBucketName(rt, 'loc');
    adoptBucket(rt, name); // registered before it can exist: never left behind
    const res = await raw(rt, { method: 'PUT', bucket: name, body: locationConfigXml(other) });
    if (res.status >= 200 && res.status < 300) {
      // Created (in the other region): delete it now, signed for that region, else as usual (end-of-run cleanup too).
      const del = await raw(regionalRuntime(rt, other), { method: 'DELETE', bucket: name });
      if (del.status !== 204 && del.status !== 404) await raw(rt, { method: 'DELETE', bucket: name });
    }
    if (rt.region === 'us-east-1') expectStatus(res, 200, `CreateBucket with LocationConstraint ${other} on the us-east-1 endpoint`);
    else expectRawError(res, { status: 400, code: 'IllegalLocationConstraintException' }, 'CreateBucket');
  },
);

op.check(
  {
    id: 'CreateBucket/malformed-configuration',
    spec: ERRORS,
    level: 'required',
    title: 'CreateBucket with a body that is not well-formed XML → 400 MalformedXML',
    evidence: [doc(ERRORS, 'MalformedXML: The XML you provided was not well-formed or did not validate against our published schema. 400 Bad Request')],
  },
  async () => {
    const name = newBucketName(rt, 'xml');
    adoptBucket(rt, name);
    const res = await raw(rt, { method: 'PUT', bucket: name, body: '<CreateBucketConfiguration><LocationConstraint>' });
    expectRawError(res, { status: 400, code: 'MalformedXML' }, 'CreateBucket');
  },
);

op.check(
  {
    id: 'CreateBucket/invalid-name',
    spec: '#API_CreateBucket_RequestSyntax',
    level: 'required',
    title: 'PUT /<name with uppercase and "_"> (sent raw) → 400 InvalidBucketName (one example; every rule: CreateBucket/name-rule-*)',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_uppercase_bucket_name#uppercase-bucket')],
  },
  async () => {
    const name = `Bad_${rt.runId}`;
    const res = await raw({ ...rt, pathStyle: true }, { method: 'PUT', bucket: name });
    if (res.status === 200) await raw({ ...rt, pathStyle: true }, { method: 'DELETE', bucket: name });
    expectRawError(res, { status: 400, code: 'InvalidBucketName' }, 'CreateBucket');
  },
);

op.check(
  {
    id: 'CreateBucket/invalid-name-names-bucket',
    spec: '#API_CreateBucket_RequestSyntax',
    level: 'required',
    title: 'the InvalidBucketName error names the requested name, as sent, in <BucketName>',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_uppercase_bucket_name#uppercase-bucket', 'BucketName <bucket-name:1>: the requested upper-case name (masked by exact value)')],
  },
  async () => {
    const name = `Bad_${rt.runId}-named`;
    const res = await raw({ ...rt, pathStyle: true }, { method: 'PUT', bucket: name });
    if (res.status === 200) await raw({ ...rt, pathStyle: true }, { method: 'DELETE', bucket: name });
    expectRawError(res, { status: 400, code: 'InvalidBucketName' }, 'CreateBucket');
    expectEqual('<Error><BucketName>', res.error()?.bucketName, name);
  },
);

op.check(
  {
    id: 'CreateBucket/canned-acl-public-read',
    spec: '#API_CreateBucket_RequestSyntax',
    level: 'required',
    title: 'PUT /<new bucket> with x-amz-acl: public-read → 200; GetBucketAcl shows owner FULL_CONTROL + AllUsers READ',
    feature: 'acl',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_bucket_acl#get-bucket-acl', 'public-read: owner FULL_CONTROL + AllUsers READ'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html', 'public-read: Owner gets FULL_CONTROL. The AllUsers group gets READ access.'),
    ],
    skipIf: (r) =>
      r.features.ownershipControls
        ? 'a new bucket on this target has Block Public Access on (account setting): a public ACL cannot be given at creation; PutBucketAcl/canned-public-read covers the grants'
        : undefined,
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

op.check(
  {
    id: 'CreateBucket/grant-headers',
    spec: '#API_CreateBucket_RequestSyntax',
    level: 'required',
    title: 'PUT /<new bucket> with x-amz-grant-read for the second user → 200; GetBucketAcl shows exactly that grant; the second user can list',
    feature: 'acl',
    needs: ['alt'],
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html', 'x-amz-grant-read: Allows grantee to list the objects in the bucket.'),
      peer('https://github.com/ceph/s3-tests/blob/master/s3tests_boto3/functional/test_s3.py', 'test_bucket_header_acl_grants: a bucket created with grant headers has exactly those grants'),
    ],
  },
  async ({ s3, alt }) => {
    const owner = await canonicalId(s3);
    const other = await canonicalId(alt());
    const name = newBucketName(rt, 'gacl');
    adoptBucket(rt, name);
    const headers: Record<string, string> = { 'x-amz-grant-read': `id="${other}"`, 'x-amz-grant-full-control': `id="${owner}"` };
    if (rt.features.ownershipControls) headers['x-amz-object-ownership'] = 'ObjectWriter';
    const res = await raw(rt, { method: 'PUT', bucket: name, headers });
    expectStatus(res, 200, 'CreateBucket with grant headers');
    const got = await step('GetBucketAcl', s3.send(new GetBucketAclCommand({ Bucket: name })));
    expectEqual('grants of the new bucket', grantSet(got.Grants), [`id=${owner}:FULL_CONTROL`, `id=${other}:READ`].sort());
    expectStatus(await listAs(rt, name, 'alt'), 200, 'ListObjectsV2 by the second user (READ granted at creation)');
  },
);

op.check(
  {
    id: 'CreateBucket/invalid-canned-acl',
    spec: '#API_CreateBucket_RequestSyntax',
    level: 'optional',
    title: 'PUT /<new bucket> with x-amz-acl: fake-acl → 400 InvalidArgument, no bucket',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_bucket_acl_exceptions#put-bucket-canned-acl', 'the same header on PutBucketAcl: 400 InvalidArgument, ArgumentName x-amz-acl'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_object_acl_exceptions#put-object-canned-acl', 'the same header on PutObject: 400 InvalidArgument'),
    ],
  },
  async () => {
    const name = newBucketName(rt, 'badacl');
    adoptBucket(rt, name);
    const res = await raw(rt, { method: 'PUT', bucket: name, headers: { 'x-amz-acl': 'fake-acl' } });
    expectRawError(res, { status: 400, code: 'InvalidArgument' }, 'CreateBucket with x-amz-acl: fake-acl');
    expectStatus(await raw(rt, { method: 'HEAD', bucket: name }), 404, 'HeadBucket after the refused CreateBucket');
  },
);

op.check(
  {
    id: 'CreateBucket/invalid-canned-acl-names-argument',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'optional',
    title: 'the InvalidArgument error of a CreateBucket with x-amz-acl: fake-acl names <ArgumentName>x-amz-acl and <ArgumentValue>fake-acl',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_bucket_acl_exceptions#put-bucket-canned-acl', 'the same header on PutBucketAcl: ArgumentName "x-amz-acl", ArgumentValue "fake-acl"'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_object_acl_exceptions#put-object-canned-acl', 'the same header on PutObject: ArgumentName "x-amz-acl", ArgumentValue "fake-acl"'),
    ],
  },
  async () => {
    const name = newBucketName(rt, 'badaclf');
    adoptBucket(rt, name);
    const res = await raw(rt, { method: 'PUT', bucket: name, headers: { 'x-amz-acl': 'fake-acl' } });
    expectRawError(res, { status: 400, code: 'InvalidArgument' }, 'CreateBucket with x-amz-acl: fake-acl');
    expectErrorFields(res, { ArgumentName: 'x-amz-acl', ArgumentValue: 'fake-acl' });
  },
);

op.check(
  {
    id: 'CreateBucket/recreate-keeps-objects',
    spec: '#API_CreateBucket_Errors',
    level: 'required',
    title: 'CreateBucket again on an own bucket holding an object (200 in us-east-1 | 409 BucketAlreadyOwnedByYou) → the object is still there',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html', 'BucketAlreadyOwnedByYou: The bucket you tried to create already exists, and you own it.'),
      peer('https://github.com/ceph/s3-tests/blob/master/s3tests_boto3/functional/test_s3.py', 'test_bucket_recreate_not_overriding: objects survive a repeated CreateBucket'),
    ],
  },
  async ({ s3 }) => {
    const name = await createBucket(rt, { hint: 'recreate' });
    await step('PutObject', s3.send(new PutObjectCommand({ Bucket: name, Key: 'kept', Body: 'kept' })));
    const again = await raw(rt, { method: 'PUT', bucket: name });
    if (!(rt.region === 'us-east-1' && again.status === 200)) expectRawError(again, { status: 409, code: 'BucketAlreadyOwnedByYou' }, 'second CreateBucket');
    const got = await raw(rt, { method: 'GET', bucket: name, key: 'kept' });
    expectStatus(got, 200, 'GetObject after the repeated CreateBucket');
    expectEqual('body of the kept object', got.text(), 'kept');
  },
);

op.check(
  {
    id: 'CreateBucket/error-envelope',
    spec: ERROR_ENVELOPE_SPEC,
    level: 'required',
    title: "PUT of an invalid name, 400 InvalidBucketName → AWS's error envelope: request ids, application/xml, Code, Message, RequestId",
    evidence: [...ERROR_ENVELOPE_EVIDENCE],
  },
  async () => {
    const name = `Bad_${rt.runId}-envelope`;
    const res = await raw({ ...rt, pathStyle: true }, { method: 'PUT', bucket: name });
    if (res.status === 200) await raw({ ...rt, pathStyle: true }, { method: 'DELETE', bucket: name });
    expectErrorEnvelope(res, { status: 400, code: 'InvalidBucketName' }, 'CreateBucket of an invalid name');
  },
);
