/**
 * PutBucketAcl: canned ACLs, grants by header and by XML body, each read back (GetBucketAcl)
 * and verified by effect: what the second user and an anonymous request may then do; and the
 * request errors AWS answers (recorded: test_s3_bucket_acl_exceptions).
 */
import { createHash } from 'node:crypto';
import { GetBucketAclCommand, PutBucketAclCommand, type BucketCannedACL, type S3Client } from '@aws-sdk/client-s3';
import { doc, expectEqual, expectRawError, expectStatus, newBucketName, peer, raw, recorded, step, type RawResponse, operation, expectErrorEnvelope, ERROR_ENVELOPE_EVIDENCE, ERROR_ENVELOPE_SPEC, NO_SUCH_BUCKET_NAMED_EVIDENCE, expectErrorFields } from '../../harness/api/index.ts';
import { ALL_USERS, AUTHENTICATED_USERS, canonicalId, expectRequestIdHeaders, grantSet, listAs, putAs } from '../../harness/api/bucket.ts';

const CANNED = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl';
const ACL_OVERVIEW = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html';
const ERRORS = 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList';
const op = operation('PutBucketAcl', { buckets: { bucket: { hint: 'pacl', acl: true } } });
const { rt } = op;

const md5 = (s: string) => createHash('md5').update(s).digest('base64');

/** PUT /<bucket>?acl with these headers and optional XML body (Content-MD5 added for a body). */
function putAcl(target: string, headers: Record<string, string>, body?: string, auth: 'main' | 'alt' = 'main'): Promise<RawResponse> {
  const h = body === undefined ? headers : { ...headers, 'content-md5': md5(body), 'content-type': 'application/xml' };
  return raw(rt, { method: 'PUT', bucket: target, query: { acl: '' }, headers: h, ...(body === undefined ? {} : { body }), auth });
}

const setCanned = (s3: S3Client, bucket: string, acl: string) =>
  step(`PutBucketAcl ${acl}`, s3.send(new PutBucketAclCommand({ Bucket: bucket, ACL: acl as BucketCannedACL })));

/** Each canned ACL: its grants besides the owner's FULL_CONTROL, what the second user / anonymous may list, and the check ids (literal `id:` strings, as the id scan expects). */
const CANNED_CASES = [
  {
    acl: 'private',
    grants: [] as string[],
    alt: false,
    anon: false,
    ids: { grants: { id: 'PutBucketAcl/canned-private' }, alt: { id: 'PutBucketAcl/canned-private-effect-alt' }, anon: { id: 'PutBucketAcl/canned-private-effect-anonymous' } },
    quote: 'private: Owner gets FULL_CONTROL. No one else has access rights (default).',
  },
  {
    acl: 'public-read',
    grants: [`uri=${ALL_USERS}:READ`],
    alt: true,
    anon: true,
    ids: { grants: { id: 'PutBucketAcl/canned-public-read' }, alt: { id: 'PutBucketAcl/canned-public-read-effect-alt' }, anon: { id: 'PutBucketAcl/canned-public-read-effect-anonymous' } },
    quote: 'public-read: Owner gets FULL_CONTROL. The AllUsers group gets READ access.',
  },
  {
    acl: 'public-read-write',
    grants: [`uri=${ALL_USERS}:READ`, `uri=${ALL_USERS}:WRITE`],
    alt: true,
    anon: true,
    ids: { grants: { id: 'PutBucketAcl/canned-public-read-write' }, alt: { id: 'PutBucketAcl/canned-public-read-write-effect-alt' }, anon: { id: 'PutBucketAcl/canned-public-read-write-effect-anonymous' } },
    quote: 'public-read-write: Owner gets FULL_CONTROL. The AllUsers group gets READ and WRITE access.',
  },
  {
    acl: 'authenticated-read',
    grants: [`uri=${AUTHENTICATED_USERS}:READ`],
    alt: true,
    anon: false,
    ids: {
      grants: { id: 'PutBucketAcl/canned-authenticated-read' },
      alt: { id: 'PutBucketAcl/canned-authenticated-read-effect-alt' },
      anon: { id: 'PutBucketAcl/canned-authenticated-read-effect-anonymous' },
    },
    quote: 'authenticated-read: Owner gets FULL_CONTROL. The AuthenticatedUsers group gets READ access.',
  },
];

for (const c of CANNED_CASES) {
  const evidence = [doc(ACL_OVERVIEW, c.quote)];
  if (c.acl === 'public-read') evidence.push(recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_bucket_acl#get-bucket-acl'));
  if (c.acl === 'private') evidence.push(recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_bucket_acl#get-bucket-canned-acl'));
  op.check(
    { id: c.ids.grants.id, spec: CANNED, level: 'required', title: `x-amz-acl: ${c.acl} → 200; GetBucketAcl shows exactly its grants`, feature: 'acl', evidence },
    async ({ s3, bucket }) => {
      await setCanned(s3, bucket, c.acl);
      const owner = await canonicalId(s3);
      const got = await step('GetBucketAcl', s3.send(new GetBucketAclCommand({ Bucket: bucket })));
      expectEqual('grants', grantSet(got.Grants), [`id=${owner}:FULL_CONTROL`, ...c.grants].sort());
    },
  );
  op.check(
    {
      id: c.ids.alt.id,
      spec: CANNED,
      level: 'required',
      title: `under ${c.acl} the second user ${c.alt ? 'can' : 'cannot (403 AccessDenied)'} list the bucket`,
      feature: 'acl',
      needs: ['alt'],
      evidence: [doc(ACL_OVERVIEW, c.quote), doc(ACL_OVERVIEW, 'READ: Allows grantee to list the objects in the bucket.')],
    },
    async ({ s3, bucket }) => {
      await setCanned(s3, bucket, c.acl);
      const res = await listAs(rt, bucket, 'alt');
      if (c.alt) expectStatus(res, 200, 'ListObjectsV2 by the second user');
      else expectRawError(res, { status: 403, code: 'AccessDenied' }, 'ListObjectsV2 by the second user');
    },
  );
  op.check(
    {
      id: c.ids.anon.id,
      spec: CANNED,
      level: 'required',
      title: `under ${c.acl} an anonymous request ${c.anon ? 'can' : 'cannot (403 AccessDenied)'} list the bucket`,
      feature: 'acl',
      evidence: [doc(ACL_OVERVIEW, c.quote), doc(ACL_OVERVIEW, 'READ: Allows grantee to list the objects in the bucket.')],
    },
    async ({ s3, bucket }) => {
      await setCanned(s3, bucket, c.acl);
      const res = await listAs(rt, bucket, 'none');
      if (c.anon) expectStatus(res, 200, 'anonymous ListObjectsV2');
      else expectRawError(res, { status: 403, code: 'AccessDenied' }, 'anonymous ListObjectsV2');
    },
  );
}

op.check(
  {
    id: 'PutBucketAcl/canned-public-read-write-effect-alt-write',
    spec: CANNED,
    level: 'required',
    title: 'under public-read-write the second user can PUT an object (200)',
    feature: 'acl',
    needs: ['alt'],
    evidence: [
      doc(ACL_OVERVIEW, 'public-read-write: Owner gets FULL_CONTROL. The AllUsers group gets READ and WRITE access.'),
      doc(ACL_OVERVIEW, 'WRITE: Allows grantee to create new objects in the bucket.'),
    ],
  },
  async ({ s3, bucket }) => {
    await setCanned(s3, bucket, 'public-read-write');
    expectStatus(await putAs(rt, bucket, 'by-alt', 'alt'), 200, 'PutObject by the second user (WRITE granted)');
  },
);

op.check(
  {
    id: 'PutBucketAcl/canned-public-read-effect-alt-no-write',
    spec: CANNED,
    level: 'required',
    title: 'under public-read the second user cannot PUT an object (403 AccessDenied)',
    feature: 'acl',
    needs: ['alt'],
    evidence: [doc(ACL_OVERVIEW, 'public-read: Owner gets FULL_CONTROL. The AllUsers group gets READ access.')],
  },
  async ({ s3, bucket }) => {
    await setCanned(s3, bucket, 'public-read');
    expectRawError(await putAs(rt, bucket, 'by-alt', 'alt'), { status: 403, code: 'AccessDenied' }, 'PutObject by the second user (no WRITE)');
  },
);

op.check(
  {
    id: 'PutBucketAcl/request-id-headers',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html',
    level: 'required',
    title: 'PUT /<bucket>?acl (x-amz-acl: private) → 200 with x-amz-request-id and x-amz-id-2',
    feature: 'acl',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html', 'x-amz-request-id: A value created by Amazon S3 that uniquely identifies the request.'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_create_bucket_head_bucket#head_bucket_filtered_header', 'AWS answers carry x-amz-id-2 and x-amz-request-id'),
    ],
  },
  async ({ bucket }) => {
    const res = await putAcl(bucket, { 'x-amz-acl': 'private' });
    expectStatus(res, 200, 'PutBucketAcl');
    expectRequestIdHeaders(res);
  },
);

op.check(
  {
    id: 'PutBucketAcl/grant-headers',
    spec: '#API_PutBucketAcl_RequestSyntax',
    level: 'required',
    title: 'x-amz-grant-full-control (owner) + x-amz-grant-read (second user) → exactly those grants (GetBucketAcl)',
    feature: 'acl',
    needs: ['alt'],
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_bucket_acl#get-bucket-grant-acl', 'a grant header replaces the ACL with exactly its grants'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketAcl.html', 'x-amz-grant-read: Allows grantee to list the objects in the bucket.'),
    ],
  },
  async ({ s3, alt, bucket }) => {
    const owner = await canonicalId(s3);
    const other = await canonicalId(alt());
    await step('PutBucketAcl with grant headers', s3.send(new PutBucketAclCommand({ Bucket: bucket, GrantFullControl: `id="${owner}"`, GrantRead: `id="${other}"` })));
    const got = await step('GetBucketAcl', s3.send(new GetBucketAclCommand({ Bucket: bucket })));
    expectEqual('grants', grantSet(got.Grants), [`id=${owner}:FULL_CONTROL`, `id=${other}:READ`].sort());
  },
);

op.check(
  {
    id: 'PutBucketAcl/grant-headers-effect-alt',
    spec: '#API_PutBucketAcl_RequestSyntax',
    level: 'required',
    title: 'after x-amz-grant-read for the second user, the second user can list (200) but not write (403 AccessDenied)',
    feature: 'acl',
    needs: ['alt'],
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketAcl.html', 'x-amz-grant-read: Allows grantee to list the objects in the bucket.'),
      doc(ACL_OVERVIEW, 'WRITE: Allows grantee to create new objects in the bucket.'),
    ],
  },
  async ({ s3, alt, bucket }) => {
    const owner = await canonicalId(s3);
    const other = await canonicalId(alt());
    await step('PutBucketAcl with grant headers', s3.send(new PutBucketAclCommand({ Bucket: bucket, GrantFullControl: `id="${owner}"`, GrantRead: `id="${other}"` })));
    expectStatus(await listAs(rt, bucket, 'alt'), 200, 'ListObjectsV2 by the second user (READ granted)');
    expectRawError(await putAs(rt, bucket, 'by-alt', 'alt'), { status: 403, code: 'AccessDenied' }, 'PutObject by the second user (no WRITE)');
  },
);

function policyXml(owner: string | undefined, grants: Array<{ id: string; permission: string }>): string {
  const g = grants
    .map(
      (x) =>
        `<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>${x.id}</ID></Grantee><Permission>${x.permission}</Permission></Grant>`,
    )
    .join('');
  const ownerXml = owner === undefined ? '' : `<Owner><ID>${owner}</ID></Owner>`;
  return `<?xml version="1.0" encoding="UTF-8"?><AccessControlPolicy xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${ownerXml}<AccessControlList>${g}</AccessControlList></AccessControlPolicy>`;
}

op.check(
  {
    id: 'PutBucketAcl/grant-xml-body',
    spec: '#API_PutBucketAcl_RequestSyntax',
    level: 'required',
    title: 'AccessControlPolicy body (owner FULL_CONTROL, second user READ) → 200, exactly those grants (GetBucketAcl)',
    feature: 'acl',
    needs: ['alt'],
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_bucket_acl#get-bucket-acp-acl', 'an AccessControlPolicy body sets exactly its grants')],
  },
  async ({ s3, alt, bucket }) => {
    const owner = await canonicalId(s3);
    const other = await canonicalId(alt());
    const body = policyXml(owner, [
      { id: owner, permission: 'FULL_CONTROL' },
      { id: other, permission: 'READ' },
    ]);
    expectStatus(await putAcl(bucket, {}, body), 200, 'PutBucketAcl with an AccessControlPolicy body');
    const got = await step('GetBucketAcl', s3.send(new GetBucketAclCommand({ Bucket: bucket })));
    expectEqual('grants', grantSet(got.Grants), [`id=${owner}:FULL_CONTROL`, `id=${other}:READ`].sort());
  },
);

op.check(
  {
    id: 'PutBucketAcl/content-md5-mismatch',
    spec: '#API_PutBucketAcl_RequestSyntax',
    level: 'required',
    title: 'AccessControlPolicy body (owner FULL_CONTROL) whose Content-MD5 is well-formed but not the MD5 of the body → 400 BadDigest',
    feature: 'acl',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketAcl.html', 'This header must be used as a message integrity check to verify that the request body was not corrupted in transit.'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'BadDigest | The Content-MD5 or checksum value that you specified did not match what was received. | 400 Bad Request'),
      peer('https://github.com/versity/versitygw/issues/1526', 'AWS answers a bucket-subresource PUT (PutBucketTagging) whose Content-MD5 is malformed with InvalidDigest: it checks the header on bucket configuration bodies too'),
    ],
  },
  async ({ s3, bucket }) => {
    // The plainest valid body (the owner's FULL_CONTROL, what private sets), so only its digest is wrong.
    const body = policyXml(await canonicalId(s3), [{ id: await canonicalId(s3), permission: 'FULL_CONTROL' }]);
    const res = await raw(rt, { method: 'PUT', bucket, query: { acl: '' }, body, headers: { 'content-type': 'application/xml', 'content-md5': md5(`${body} `) } });
    expectRawError(res, { status: 400, code: 'BadDigest' }, 'PutBucketAcl with a Content-MD5 of other bytes');
  },
);

op.check(
  {
    id: 'PutBucketAcl/grant-xml-body-effect-alt',
    spec: '#API_PutBucketAcl_RequestSyntax',
    level: 'required',
    title: 'after an AccessControlPolicy body granting the second user READ, the second user can list the bucket (200)',
    feature: 'acl',
    needs: ['alt'],
    evidence: [doc(ACL_OVERVIEW, 'READ: Allows grantee to list the objects in the bucket.')],
  },
  async ({ s3, alt, bucket }) => {
    const owner = await canonicalId(s3);
    const other = await canonicalId(alt());
    const body = policyXml(owner, [
      { id: owner, permission: 'FULL_CONTROL' },
      { id: other, permission: 'READ' },
    ]);
    expectStatus(await putAcl(bucket, {}, body), 200, 'PutBucketAcl with an AccessControlPolicy body');
    expectStatus(await listAs(rt, bucket, 'alt'), 200, 'ListObjectsV2 by the second user (READ granted)');
  },
);

op.check(
  {
    id: 'PutBucketAcl/malformed-acl',
    spec: ERRORS,
    level: 'required',
    title: 'AccessControlPolicy that does not validate (a Grant without Grantee) → 400 MalformedACLError',
    feature: 'acl',
    evidence: [
      recorded(`tests/aws/services/s3/test_s3.py::TestS3::test_s3_bucket_acl_exceptions#put-bucket-acp-acl-6`, 'a Grantee of a bad type: 400 MalformedACLError'),
      doc(ERRORS, 'MalformedACLError: The XML you provided was not well-formed or did not validate against our published schema. 400 Bad Request'),
    ],
  },
  async ({ s3, bucket }) => {
    const owner = await canonicalId(s3);
    const body = `<?xml version="1.0" encoding="UTF-8"?><AccessControlPolicy xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>${owner}</ID></Owner><AccessControlList><Grant><Permission>READ</Permission></Grant></AccessControlList></AccessControlPolicy>`;
    expectRawError(await putAcl(bucket, {}, body), { status: 400, code: 'MalformedACLError' }, 'PutBucketAcl');
  },
);

op.check(
  {
    id: 'PutBucketAcl/acp-missing-owner',
    spec: ERRORS,
    level: 'required',
    title: 'AccessControlPolicy body without <Owner> → 400 MalformedACLError',
    feature: 'acl',
    evidence: [recorded(`tests/aws/services/s3/test_s3.py::TestS3::test_s3_bucket_acl_exceptions#put-bucket-acp-acl-1`)],
  },
  async ({ s3, bucket }) => {
    const owner = await canonicalId(s3);
    expectRawError(await putAcl(bucket, {}, policyXml(undefined, [{ id: owner, permission: 'FULL_CONTROL' }])), { status: 400, code: 'MalformedACLError' }, 'PutBucketAcl');
  },
);

op.check(
  {
    id: 'PutBucketAcl/acp-invalid-permission',
    spec: ERRORS,
    level: 'required',
    title: 'AccessControlPolicy body with Permission "WRONG-PERMISSION" → 400 MalformedACLError',
    feature: 'acl',
    evidence: [recorded(`tests/aws/services/s3/test_s3.py::TestS3::test_s3_bucket_acl_exceptions#put-bucket-acp-acl-2`)],
  },
  async ({ s3, bucket }) => {
    const owner = await canonicalId(s3);
    expectRawError(await putAcl(bucket, {}, policyXml(owner, [{ id: owner, permission: 'WRONG-PERMISSION' }])), { status: 400, code: 'MalformedACLError' }, 'PutBucketAcl');
  },
);

op.check(
  {
    id: 'PutBucketAcl/acp-unknown-id',
    spec: ERRORS,
    level: 'required',
    title: 'AccessControlPolicy body granting CanonicalUser ID "wrong-id" → 400 InvalidArgument',
    feature: 'acl',
    evidence: [recorded(`tests/aws/services/s3/test_s3.py::TestS3::test_s3_bucket_acl_exceptions#put-bucket-acp-acl-5`)],
  },
  async ({ s3, bucket }) => {
    const owner = await canonicalId(s3);
    expectRawError(await putAcl(bucket, {}, policyXml(owner, [{ id: 'wrong-id', permission: 'FULL_CONTROL' }])), { status: 400, code: 'InvalidArgument' }, 'PutBucketAcl');
  },
);

op.check(
  {
    id: 'PutBucketAcl/acp-unknown-id-names-argument',
    spec: ERRORS,
    level: 'required',
    title: 'the InvalidArgument for a body granting CanonicalUser ID "wrong-id" names <ArgumentName>CanonicalUser/ID and <ArgumentValue>wrong-id',
    feature: 'acl',
    evidence: [recorded(`tests/aws/services/s3/test_s3.py::TestS3::test_s3_bucket_acl_exceptions#put-bucket-acp-acl-5`, 'ArgumentName "CanonicalUser/ID", ArgumentValue "wrong-id"')],
  },
  async ({ s3, bucket }) => {
    const res = await putAcl(bucket, {}, policyXml(await canonicalId(s3), [{ id: 'wrong-id', permission: 'FULL_CONTROL' }]));
    expectRawError(res, { status: 400, code: 'InvalidArgument' }, 'PutBucketAcl');
    expectErrorFields(res, { ArgumentName: 'CanonicalUser/ID', ArgumentValue: 'wrong-id' });
  },
);

const FAKE_GROUP = 'http://acs.amazonaws.com/groups/s3/FakeGroup';

/** An AccessControlPolicy body (owner `owner`) granting FULL_CONTROL to the group with this URI. */
function groupPolicyXml(owner: string, uri: string): string {
  const grant = `<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group"><URI>${uri}</URI></Grantee><Permission>FULL_CONTROL</Permission></Grant>`;
  return `<?xml version="1.0" encoding="UTF-8"?><AccessControlPolicy xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>${owner}</ID></Owner><AccessControlList>${grant}</AccessControlList></AccessControlPolicy>`;
}

op.check(
  {
    id: 'PutBucketAcl/acp-invalid-group-uri',
    spec: ERRORS,
    level: 'required',
    title: 'AccessControlPolicy body granting a Group whose URI is no S3 group (…/groups/s3/FakeGroup) → 400 InvalidArgument',
    feature: 'acl',
    evidence: [recorded(`tests/aws/services/s3/test_s3.py::TestS3::test_s3_bucket_acl_exceptions#put-bucket-acp-acl-4`, '400 InvalidArgument "Invalid group uri"')],
  },
  async ({ s3, bucket }) => {
    expectRawError(await putAcl(bucket, {}, groupPolicyXml(await canonicalId(s3), FAKE_GROUP)), { status: 400, code: 'InvalidArgument' }, 'PutBucketAcl');
  },
);

op.check(
  {
    id: 'PutBucketAcl/acp-invalid-group-uri-names-argument',
    spec: ERRORS,
    level: 'required',
    title: 'the InvalidArgument for a body granting an unknown Group URI names <ArgumentName>Group/URI and the URI in <ArgumentValue>',
    feature: 'acl',
    evidence: [recorded(`tests/aws/services/s3/test_s3.py::TestS3::test_s3_bucket_acl_exceptions#put-bucket-acp-acl-4`, 'ArgumentName "Group/URI", ArgumentValue "http://acs.amazonaws.com/groups/s3/FakeGroup"')],
  },
  async ({ s3, bucket }) => {
    const res = await putAcl(bucket, {}, groupPolicyXml(await canonicalId(s3), FAKE_GROUP));
    expectRawError(res, { status: 400, code: 'InvalidArgument' }, 'PutBucketAcl');
    expectErrorFields(res, { ArgumentName: 'Group/URI', ArgumentValue: FAKE_GROUP });
  },
);

op.check(
  {
    id: 'PutBucketAcl/invalid-canned-acl',
    spec: ERRORS,
    level: 'required',
    title: 'x-amz-acl: fake-acl → 400 InvalidArgument',
    feature: 'acl',
    evidence: [recorded(`tests/aws/services/s3/test_s3.py::TestS3::test_s3_bucket_acl_exceptions#put-bucket-canned-acl`)],
  },
  async ({ bucket }) => {
    expectRawError(await putAcl(bucket, { 'x-amz-acl': 'fake-acl' }), { status: 400, code: 'InvalidArgument' }, 'PutBucketAcl');
  },
);

op.check(
  {
    id: 'PutBucketAcl/invalid-canned-acl-argument',
    spec: ERRORS,
    level: 'required',
    title: 'x-amz-acl: fake-acl → 400 InvalidArgument with <ArgumentName>x-amz-acl and <ArgumentValue>fake-acl',
    feature: 'acl',
    evidence: [recorded(`tests/aws/services/s3/test_s3.py::TestS3::test_s3_bucket_acl_exceptions#put-bucket-canned-acl`, 'ArgumentName "x-amz-acl", ArgumentValue "fake-acl"')],
  },
  async ({ bucket }) => {
    const res = await putAcl(bucket, { 'x-amz-acl': 'fake-acl' });
    expectRawError(res, { status: 400, code: 'InvalidArgument' }, 'PutBucketAcl');
    expectErrorFields(res, { ArgumentName: 'x-amz-acl', ArgumentValue: 'fake-acl' });
  },
);

op.check(
  {
    id: 'PutBucketAcl/canned-and-grant-headers',
    spec: ERRORS,
    level: 'required',
    title: 'x-amz-acl together with an x-amz-grant-* header → 400 InvalidRequest',
    feature: 'acl',
    evidence: [recorded(`tests/aws/services/s3/test_s3.py::TestS3::test_s3_bucket_acl_exceptions#put-bucket-two-type-acl`, 'Specifying both Canned ACLs and Header Grants is not allowed')],
  },
  async ({ s3, bucket }) => {
    const owner = await canonicalId(s3);
    expectRawError(await putAcl(bucket, { 'x-amz-acl': 'private', 'x-amz-grant-read': `id="${owner}"` }), { status: 400, code: 'InvalidRequest' }, 'PutBucketAcl');
  },
);

op.check(
  {
    id: 'PutBucketAcl/canned-and-body',
    spec: ERRORS,
    level: 'required',
    title: 'x-amz-acl together with an AccessControlPolicy body → 400 UnexpectedContent',
    feature: 'acl',
    evidence: [recorded(`tests/aws/services/s3/test_s3.py::TestS3::test_s3_bucket_acl_exceptions#put-bucket-two-type-acl-acp`)],
  },
  async ({ s3, bucket }) => {
    const owner = await canonicalId(s3);
    expectRawError(await putAcl(bucket, { 'x-amz-acl': 'private' }, policyXml(owner, [{ id: owner, permission: 'FULL_CONTROL' }])), { status: 400, code: 'UnexpectedContent' }, 'PutBucketAcl');
  },
);

op.check(
  {
    id: 'PutBucketAcl/grant-unknown-id',
    spec: ERRORS,
    level: 'required',
    title: 'x-amz-grant-write: id="wrong-id" (no such canonical user) → 400 InvalidArgument',
    feature: 'acl',
    evidence: [recorded(`tests/aws/services/s3/test_s3.py::TestS3::test_s3_bucket_acl_exceptions#put-bucket-grant-acl-wrong-id`, 'Invalid id')],
  },
  async ({ bucket }) => {
    expectRawError(await putAcl(bucket, { 'x-amz-grant-write': 'id="wrong-id"' }), { status: 400, code: 'InvalidArgument' }, 'PutBucketAcl');
  },
);

op.check(
  {
    id: 'PutBucketAcl/grant-unknown-id-names-argument',
    spec: ERRORS,
    level: 'required',
    title: 'the InvalidArgument for x-amz-grant-write: id="wrong-id" names <ArgumentName>id and <ArgumentValue>wrong-id',
    feature: 'acl',
    evidence: [recorded(`tests/aws/services/s3/test_s3.py::TestS3::test_s3_bucket_acl_exceptions#put-bucket-grant-acl-wrong-id`, 'ArgumentName "id", ArgumentValue "wrong-id"')],
  },
  async ({ bucket }) => {
    const res = await putAcl(bucket, { 'x-amz-grant-write': 'id="wrong-id"' });
    expectRawError(res, { status: 400, code: 'InvalidArgument' }, 'PutBucketAcl');
    expectErrorFields(res, { ArgumentName: 'id', ArgumentValue: 'wrong-id' });
  },
);

op.check(
  {
    id: 'PutBucketAcl/grant-invalid-group-uri',
    spec: ERRORS,
    level: 'required',
    title: 'x-amz-grant-write: uri="http://acs.amazonaws.com/groups/s3/FakeGroup" → 400 InvalidArgument',
    feature: 'acl',
    evidence: [recorded(`tests/aws/services/s3/test_s3.py::TestS3::test_s3_bucket_acl_exceptions#put-bucket-grant-acl-fake-uri`, 'Invalid group uri')],
  },
  async ({ bucket }) => {
    expectRawError(await putAcl(bucket, { 'x-amz-grant-write': 'uri="http://acs.amazonaws.com/groups/s3/FakeGroup"' }), { status: 400, code: 'InvalidArgument' }, 'PutBucketAcl');
  },
);

op.check(
  {
    id: 'PutBucketAcl/grant-invalid-group-uri-names-argument',
    spec: ERRORS,
    level: 'required',
    title: 'the InvalidArgument for x-amz-grant-write naming a group that does not exist names <ArgumentName>uri and the URI in <ArgumentValue>',
    feature: 'acl',
    evidence: [recorded(`tests/aws/services/s3/test_s3.py::TestS3::test_s3_bucket_acl_exceptions#put-bucket-grant-acl-fake-uri`, 'ArgumentName "uri", ArgumentValue "http://acs.amazonaws.com/groups/s3/FakeGroup"')],
  },
  async ({ bucket }) => {
    const res = await putAcl(bucket, { 'x-amz-grant-write': `uri="${FAKE_GROUP}"` });
    expectRawError(res, { status: 400, code: 'InvalidArgument' }, 'PutBucketAcl');
    expectErrorFields(res, { ArgumentName: 'uri', ArgumentValue: FAKE_GROUP });
  },
);

op.check(
  {
    id: 'PutBucketAcl/grant-bad-format',
    spec: ERRORS,
    level: 'required',
    title: 'x-amz-grant-write: fakekey="1234" (no id/uri/emailAddress) → 400 InvalidArgument',
    feature: 'acl',
    evidence: [recorded(`tests/aws/services/s3/test_s3.py::TestS3::test_s3_bucket_acl_exceptions#put-bucket-grant-acl-fake-key`, 'Argument format not recognized')],
  },
  async ({ bucket }) => {
    expectRawError(await putAcl(bucket, { 'x-amz-grant-write': 'fakekey="1234"' }), { status: 400, code: 'InvalidArgument' }, 'PutBucketAcl');
  },
);

op.check(
  {
    id: 'PutBucketAcl/grant-bad-format-argument',
    spec: ERRORS,
    level: 'required',
    title: 'x-amz-grant-write: fakekey="1234" → 400 InvalidArgument with <ArgumentName>x-amz-grant-write and <ArgumentValue>fakekey="1234"',
    feature: 'acl',
    evidence: [recorded(`tests/aws/services/s3/test_s3.py::TestS3::test_s3_bucket_acl_exceptions#put-bucket-grant-acl-fake-key`, 'ArgumentName "x-amz-grant-write", ArgumentValue fakekey="1234" (the header value sent)')],
  },
  async ({ bucket }) => {
    const res = await putAcl(bucket, { 'x-amz-grant-write': 'fakekey="1234"' });
    expectRawError(res, { status: 400, code: 'InvalidArgument' }, 'PutBucketAcl');
    expectErrorFields(res, { ArgumentName: 'x-amz-grant-write', ArgumentValue: 'fakekey="1234"' });
  },
);

op.check(
  {
    id: 'PutBucketAcl/nothing-specified',
    spec: ERRORS,
    level: 'required',
    title: 'PUT ?acl with no x-amz-acl, no grant header and no body → 400 MissingSecurityHeader',
    feature: 'acl',
    evidence: [recorded(`tests/aws/services/s3/test_s3.py::TestS3::test_s3_bucket_acl_exceptions#put-bucket-empty`, 'MissingHeaderName x-amz-acl')],
  },
  async ({ bucket }) => {
    expectRawError(await putAcl(bucket, {}), { status: 400, code: 'MissingSecurityHeader' }, 'PutBucketAcl');
  },
);

op.check(
  {
    id: 'PutBucketAcl/nothing-specified-names-header',
    spec: ERRORS,
    level: 'required',
    title: 'the MissingSecurityHeader error of PUT ?acl with nothing specified names <MissingHeaderName>x-amz-acl',
    feature: 'acl',
    evidence: [recorded(`tests/aws/services/s3/test_s3.py::TestS3::test_s3_bucket_acl_exceptions#put-bucket-empty`, 'MissingHeaderName "x-amz-acl"')],
  },
  async ({ bucket }) => {
    const res = await putAcl(bucket, {});
    expectRawError(res, { status: 400, code: 'MissingSecurityHeader' }, 'PutBucketAcl');
    expectEqual('<Error><MissingHeaderName>', res.error()?.missingHeaderName, 'x-amz-acl');
  },
);

op.check(
  {
    id: 'PutBucketAcl/no-such-bucket',
    spec: ERRORS,
    level: 'required',
    title: 'PUT /<missing bucket>?acl → 404 NoSuchBucket',
    feature: 'acl',
    evidence: [doc(ERRORS, 'NoSuchBucket: The specified bucket does not exist. 404 Not Found')],
  },
  async () => {
    expectRawError(await putAcl(newBucketName(rt, 'missing'), { 'x-amz-acl': 'private' }), { status: 404, code: 'NoSuchBucket' }, 'PutBucketAcl');
  },
);

op.check(
  {
    id: 'PutBucketAcl/other-owner-denied',
    spec: ERRORS,
    level: 'required',
    title: "the second user's PutBucketAcl on a private bucket → 403 AccessDenied",
    feature: 'acl',
    needs: ['alt'],
    evidence: [doc(ACL_OVERVIEW, 'private: Owner gets FULL_CONTROL. No one else has access rights (default).'), doc(ERRORS, 'AccessDenied: Access Denied. 403 Forbidden')],
  },
  async ({ s3, bucket }) => {
    await setCanned(s3, bucket, 'private');
    expectRawError(await putAcl(bucket, { 'x-amz-acl': 'public-read-write' }, undefined, 'alt'), { status: 403, code: 'AccessDenied' }, 'PutBucketAcl by the second user');
  },
);

op.check(
  {
    id: 'PutBucketAcl/acp-invalid-owner-id',
    spec: ERRORS,
    level: 'required',
    title: 'AccessControlPolicy body whose Owner/ID is "wrong-id" → 400 InvalidArgument',
    feature: 'acl',
    evidence: [recorded(`tests/aws/services/s3/test_s3.py::TestS3::test_s3_bucket_acl_exceptions#put-bucket-acp-acl-3`, 'Invalid id (ArgumentName CanonicalUser/ID)')],
  },
  async ({ s3, bucket }) => {
    const owner = await canonicalId(s3);
    expectRawError(await putAcl(bucket, {}, policyXml('wrong-id', [{ id: owner, permission: 'FULL_CONTROL' }])), { status: 400, code: 'InvalidArgument' }, 'PutBucketAcl');
  },
);

op.check(
  {
    id: 'PutBucketAcl/acp-invalid-grantee-type',
    spec: ERRORS,
    level: 'required',
    title: 'AccessControlPolicy body with a Grantee of xsi:type "BadType" → 400 MalformedACLError',
    feature: 'acl',
    evidence: [recorded(`tests/aws/services/s3/test_s3.py::TestS3::test_s3_bucket_acl_exceptions#put-bucket-acp-acl-6`)],
  },
  async ({ s3, bucket }) => {
    const owner = await canonicalId(s3);
    const body = policyXml(owner, [{ id: owner, permission: 'FULL_CONTROL' }]).replace('xsi:type="CanonicalUser"', 'xsi:type="BadType"');
    expectRawError(await putAcl(bucket, {}, body), { status: 400, code: 'MalformedACLError' }, 'PutBucketAcl');
  },
);

op.check(
  {
    id: 'PutBucketAcl/grant-headers-and-body',
    spec: ERRORS,
    level: 'optional',
    title: 'an x-amz-grant-* header together with an AccessControlPolicy body → 400 UnexpectedContent',
    feature: 'acl',
    evidence: [
      recorded(`tests/aws/services/s3/test_s3.py::TestS3::test_s3_bucket_acl_exceptions#put-bucket-two-type-acl-acp`, 'the canned-header variant: 400 UnexpectedContent'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketAcl.html', 'You can use either a canned ACL or specify access permissions explicitly. You cannot do both.'),
    ],
  },
  async ({ s3, bucket }) => {
    const owner = await canonicalId(s3);
    expectRawError(await putAcl(bucket, { 'x-amz-grant-read': `id="${owner}"` }, policyXml(owner, [{ id: owner, permission: 'FULL_CONTROL' }])), { status: 400, code: 'UnexpectedContent' }, 'PutBucketAcl');
  },
);

/** Each permission granted to the second user by an AccessControlPolicy body: the literal ids of its read-back and effect checks. */
const PERMISSION_CASES = [
  { permission: 'FULL_CONTROL', ids: { grants: { id: 'PutBucketAcl/grant-full-control' }, effect: { id: 'PutBucketAcl/grant-full-control-effect-alt' } }, quote: 'FULL_CONTROL: Allows grantee the READ, WRITE, READ_ACP, and WRITE_ACP permissions on the bucket.' },
  { permission: 'WRITE', ids: { grants: { id: 'PutBucketAcl/grant-write' }, effect: { id: 'PutBucketAcl/grant-write-effect-alt' } }, quote: 'WRITE: Allows grantee to create new objects in the bucket.' },
  { permission: 'READ_ACP', ids: { grants: { id: 'PutBucketAcl/grant-read-acp' }, effect: { id: 'PutBucketAcl/grant-read-acp-effect-alt' } }, quote: 'READ_ACP: Allows grantee to read the bucket ACL.' },
  { permission: 'WRITE_ACP', ids: { grants: { id: 'PutBucketAcl/grant-write-acp' }, effect: { id: 'PutBucketAcl/grant-write-acp-effect-alt' } }, quote: 'WRITE_ACP: Allows grantee to write the ACL for the applicable bucket.' },
];

async function grantToAlt(s3: S3Client, alt: () => S3Client, bucket: string, permission: string) {
  const owner = await canonicalId(s3);
  const other = await canonicalId(alt());
  const body = policyXml(owner, [
    { id: owner, permission: 'FULL_CONTROL' },
    { id: other, permission },
  ]);
  expectStatus(await putAcl(bucket, {}, body), 200, `PutBucketAcl granting the second user ${permission}`);
  return { owner, other };
}

for (const c of PERMISSION_CASES) {
  op.check(
    {
      id: c.ids.grants.id,
      spec: '#API_PutBucketAcl_RequestSyntax',
      level: 'required',
      title: `AccessControlPolicy granting the second user ${c.permission} → 200; GetBucketAcl shows exactly owner FULL_CONTROL + that grant`,
      feature: 'acl',
      needs: ['alt'],
      evidence: [doc(ACL_OVERVIEW, c.quote), recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_bucket_acl#get-bucket-acp-acl', 'an AccessControlPolicy body sets exactly its grants')],
    },
    async ({ s3, alt, bucket }) => {
      const { owner, other } = await grantToAlt(s3, alt, bucket, c.permission);
      const got = await step('GetBucketAcl', s3.send(new GetBucketAclCommand({ Bucket: bucket })));
      expectEqual('grants', grantSet(got.Grants), [`id=${owner}:FULL_CONTROL`, `id=${other}:${c.permission}`].sort());
    },
  );
  op.check(
    {
      id: c.ids.effect.id,
      spec: CANNED,
      level: 'required',
      title: `with ${c.permission} granted, the second user can ${c.permission === 'WRITE' ? 'PUT an object' : c.permission === 'READ_ACP' ? 'GET ?acl' : c.permission === 'WRITE_ACP' ? 'PUT ?acl' : 'list, PUT an object and GET ?acl'} (200)`,
      feature: 'acl',
      needs: ['alt'],
      evidence: [doc(ACL_OVERVIEW, c.quote)],
    },
    async ({ s3, alt, bucket }) => {
      const { owner, other } = await grantToAlt(s3, alt, bucket, c.permission);
      const altAcl = () => raw(rt, { method: 'GET', bucket, query: { acl: '' }, auth: 'alt' });
      if (c.permission === 'WRITE') expectStatus(await putAs(rt, bucket, 'by-alt', 'alt'), 200, 'PutObject by the second user (WRITE granted)');
      if (c.permission === 'READ_ACP') expectStatus(await altAcl(), 200, 'GetBucketAcl by the second user (READ_ACP granted)');
      if (c.permission === 'WRITE_ACP') {
        const body = policyXml(owner, [
          { id: owner, permission: 'FULL_CONTROL' },
          { id: other, permission: 'WRITE_ACP' },
        ]);
        expectStatus(await putAcl(bucket, {}, body, 'alt'), 200, 'PutBucketAcl by the second user (WRITE_ACP granted)');
      }
      if (c.permission === 'FULL_CONTROL') {
        expectStatus(await listAs(rt, bucket, 'alt'), 200, 'ListObjectsV2 by the second user (FULL_CONTROL)');
        expectStatus(await putAs(rt, bucket, 'by-alt', 'alt'), 200, 'PutObject by the second user (FULL_CONTROL)');
        expectStatus(await altAcl(), 200, 'GetBucketAcl by the second user (FULL_CONTROL)');
      }
    },
  );
}

op.check(
  {
    id: 'PutBucketAcl/revoke-all',
    spec: '#API_PutBucketAcl_RequestSyntax',
    level: 'optional',
    title: 'AccessControlPolicy with an empty AccessControlList → 200; GetBucketAcl then lists no grant',
    feature: 'acl',
    evidence: [peer('https://github.com/ceph/s3-tests/blob/master/s3tests_boto3/functional/test_s3.py', 'test_bucket_acl_revoke_all: an empty grant list is accepted and GetBucketAcl then shows no grants')],
  },
  async ({ s3, bucket }) => {
    const owner = await canonicalId(s3);
    expectStatus(await putAcl(bucket, {}, policyXml(owner, [])), 200, 'PutBucketAcl with no grants');
    const got = await step('GetBucketAcl', s3.send(new GetBucketAclCommand({ Bucket: bucket })));
    expectEqual('grants', grantSet(got.Grants), []);
    await setCanned(s3, bucket, 'private');
  },
);

op.check(
  {
    id: 'PutBucketAcl/error-envelope',
    spec: ERROR_ENVELOPE_SPEC,
    level: 'required',
    title: "PUT ?acl on a missing bucket, 404 NoSuchBucket → AWS's error envelope: request ids, application/xml, Code, Message, RequestId",
    evidence: [...ERROR_ENVELOPE_EVIDENCE],
  },
  async () => {
    const missing = newBucketName(rt, 'missing');
    const res = await raw(rt, { method: 'PUT', bucket: missing, query: { acl: '' }, headers: { 'x-amz-acl': 'private' } });
    expectErrorEnvelope(res, { status: 404, code: 'NoSuchBucket' }, 'PutBucketAcl of a missing bucket');
  },
);

op.check(
  {
    id: 'PutBucketAcl/no-such-bucket-names-bucket',
    spec: '#API_PutBucketAcl_RequestSyntax',
    level: 'required',
    title: 'the NoSuchBucket error of PUT ?acl (x-amz-acl: private) in a missing bucket names that bucket in <BucketName>, exactly',
    evidence: [...NO_SUCH_BUCKET_NAMED_EVIDENCE],
  },
  async () => {
    const missing = newBucketName(rt, 'missing');
    const res = await raw(rt, { method: 'PUT', bucket: missing, query: { acl: '' }, headers: { 'x-amz-acl': 'private' } });
    expectRawError(res, { status: 404, code: 'NoSuchBucket' }, 'PutBucketAcl in a missing bucket');
    expectEqual('<Error><BucketName>', res.error()?.bucketName, missing);
  },
);
