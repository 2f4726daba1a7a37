/**
 * PutBucketAcl: canned ACLs, grants by header and by XML body, each read back (GetBucketAcl)
 * and verified by effect: what the second user and an anonymous request may then do.
 */
import { createHash } from 'node:crypto';
import { GetBucketAclCommand, PutBucketAclCommand, type BucketCannedACL } from '@aws-sdk/client-s3';
import { beforeAll } from 'vitest';
import { check, createBucket, expectEqual, expectRawError, expectStatus, newBucketName, raw, runtime, step } from '../../harness/api/index.ts';
import { ALL_USERS, AUTHENTICATED_USERS, canonicalId, grantSet, listAs, putAs } from '../../harness/api/bucket.ts';

const REF = 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketAcl.html';
const CANNED = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl';
const ERRORS = 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList';
const rt = runtime();
let bucket: string;
beforeAll(async () => {
  bucket = await createBucket(rt, { hint: 'pacl' });
});

/** The grants each canned ACL gives, besides the owner's FULL_CONTROL. */
const CANNED_GRANTS: Record<string, string[]> = {
  private: [],
  'public-read': [`uri=${ALL_USERS}:READ`],
  'public-read-write': [`uri=${ALL_USERS}:READ`, `uri=${ALL_USERS}:WRITE`],
  'authenticated-read': [`uri=${AUTHENTICATED_USERS}:READ`],
};
/** Whether the second user / an anonymous request may list the bucket under each canned ACL. */
const CAN_LIST: Record<string, { alt: boolean; anon: boolean }> = {
  private: { alt: false, anon: false },
  'public-read': { alt: true, anon: true },
  'public-read-write': { alt: true, anon: true },
  'authenticated-read': { alt: true, anon: false },
};

for (const acl of Object.keys(CANNED_GRANTS)) {
  check(
    { id: `PutBucketAcl/canned-${acl}`, operation: 'PutBucketAcl', spec: CANNED, level: 'required', title: `x-amz-acl: ${acl} → 200; GetBucketAcl shows exactly its grants`, feature: 'acl' },
    async ({ s3 }) => {
      await step(`PutBucketAcl ${acl}`, s3.send(new PutBucketAclCommand({ Bucket: bucket, ACL: acl as BucketCannedACL })));
      const owner = await canonicalId(s3);
      const got = await step('GetBucketAcl', s3.send(new GetBucketAclCommand({ Bucket: bucket })));
      expectEqual('grants', grantSet(got.Grants), [`id=${owner}:FULL_CONTROL`, ...(CANNED_GRANTS[acl] ?? [])].sort());
    },
  );
  const can = CAN_LIST[acl] as { alt: boolean; anon: boolean };
  check(
    {
      id: `PutBucketAcl/canned-${acl}-effect-alt`,
      operation: 'PutBucketAcl',
      spec: CANNED,
      level: 'required',
      title: `under ${acl} the second user ${can.alt ? 'can' : 'cannot (403 AccessDenied)'} list the bucket`,
      feature: 'acl',
      needs: ['alt'],
    },
    async ({ s3 }) => {
      await step(`PutBucketAcl ${acl}`, s3.send(new PutBucketAclCommand({ Bucket: bucket, ACL: acl as BucketCannedACL })));
      const res = await listAs(rt, bucket, 'alt');
      if (can.alt) expectStatus(res, 200, 'ListObjectsV2 by the second user');
      else expectRawError(res, { status: 403, code: 'AccessDenied' }, 'ListObjectsV2 by the second user');
      if (acl === 'public-read-write') expectStatus(await putAs(rt, bucket, 'by-alt', 'alt'), 200, 'PutObject by the second user (WRITE granted)');
      if (acl === 'public-read') expectRawError(await putAs(rt, bucket, 'by-alt', 'alt'), { status: 403, code: 'AccessDenied' }, 'PutObject by the second user (no WRITE)');
    },
  );
  check(
    {
      id: `PutBucketAcl/canned-${acl}-effect-anonymous`,
      operation: 'PutBucketAcl',
      spec: CANNED,
      level: 'required',
      title: `under ${acl} an anonymous request ${can.anon ? 'can' : 'cannot (403 AccessDenied)'} list the bucket`,
      feature: 'acl',
    },
    async ({ s3 }) => {
      await step(`PutBucketAcl ${acl}`, s3.send(new PutBucketAclCommand({ Bucket: bucket, ACL: acl as BucketCannedACL })));
      const res = await listAs(rt, bucket, 'none');
      if (can.anon) expectStatus(res, 200, 'anonymous ListObjectsV2');
      else expectRawError(res, { status: 403, code: 'AccessDenied' }, 'anonymous ListObjectsV2');
    },
  );
}

check(
  {
    id: 'PutBucketAcl/grant-headers',
    operation: 'PutBucketAcl',
    spec: `${REF}#API_PutBucketAcl_RequestSyntax`,
    level: 'required',
    title: 'x-amz-grant-full-control (owner) + x-amz-grant-read (second user) → exactly those grants; the second user can list, not write',
    feature: 'acl',
    needs: ['alt'],
  },
  async ({ s3, alt }) => {
    const owner = await canonicalId(s3);
    const other = await canonicalId(alt());
    await step('PutBucketAcl with grant headers', s3.send(new PutBucketAclCommand({ Bucket: bucket, GrantFullControl: `id="${owner}"`, GrantRead: `id="${other}"` })));
    const got = await step('GetBucketAcl', s3.send(new GetBucketAclCommand({ Bucket: bucket })));
    expectEqual('grants', grantSet(got.Grants), [`id=${owner}:FULL_CONTROL`, `id=${other}:READ`].sort());
    expectStatus(await listAs(rt, bucket, 'alt'), 200, 'ListObjectsV2 by the second user (READ granted)');
    expectRawError(await putAs(rt, bucket, 'by-alt', 'alt'), { status: 403, code: 'AccessDenied' }, 'PutObject by the second user (no WRITE)');
  },
);

function policyXml(owner: string, grants: Array<{ id: string; permission: string }>): string {
  const g = grants
    .map(
      (x) =>
        `<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>${x.id}</ID></Grantee><Permission>${x.permission}</Permission></Grant>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><AccessControlPolicy xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>${owner}</ID></Owner><AccessControlList>${g}</AccessControlList></AccessControlPolicy>`;
}

const md5 = (s: string) => createHash('md5').update(s).digest('base64');

check(
  {
    id: 'PutBucketAcl/grant-xml-body',
    operation: 'PutBucketAcl',
    spec: `${REF}#API_PutBucketAcl_RequestSyntax`,
    level: 'required',
    title: 'AccessControlPolicy body (owner FULL_CONTROL, second user READ) → exactly those grants; second user lists, anonymous 403',
    feature: 'acl',
    needs: ['alt'],
  },
  async ({ s3, alt }) => {
    const owner = await canonicalId(s3);
    const other = await canonicalId(alt());
    const body = policyXml(owner, [
      { id: owner, permission: 'FULL_CONTROL' },
      { id: other, permission: 'READ' },
    ]);
    const res = await raw(rt, { method: 'PUT', bucket, query: { acl: '' }, body, headers: { 'content-md5': md5(body), 'content-type': 'application/xml' } });
    expectStatus(res, 200, 'PutBucketAcl with an AccessControlPolicy body');
    const got = await step('GetBucketAcl', s3.send(new GetBucketAclCommand({ Bucket: bucket })));
    expectEqual('grants', grantSet(got.Grants), [`id=${owner}:FULL_CONTROL`, `id=${other}:READ`].sort());
    expectStatus(await listAs(rt, bucket, 'alt'), 200, 'ListObjectsV2 by the second user (READ granted)');
  },
);

check(
  {
    id: 'PutBucketAcl/malformed-acl',
    operation: 'PutBucketAcl',
    spec: ERRORS,
    level: 'required',
    title: 'AccessControlPolicy that does not validate (a Grant without Grantee) → 400 MalformedACLError',
    feature: 'acl',
  },
  async ({ s3 }) => {
    const owner = await canonicalId(s3);
    const body = `<?xml version="1.0" encoding="UTF-8"?><AccessControlPolicy xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>${owner}</ID></Owner><AccessControlList><Grant><Permission>READ</Permission></Grant></AccessControlList></AccessControlPolicy>`;
    const res = await raw(rt, { method: 'PUT', bucket, query: { acl: '' }, body, headers: { 'content-md5': md5(body), 'content-type': 'application/xml' } });
    expectRawError(res, { status: 400, code: 'MalformedACLError' }, 'PutBucketAcl');
  },
);

check(
  { id: 'PutBucketAcl/no-such-bucket', operation: 'PutBucketAcl', spec: ERRORS, level: 'required', title: 'PUT /<missing bucket>?acl → 404 NoSuchBucket', feature: 'acl' },
  async () => {
    const res = await raw(rt, { method: 'PUT', bucket: newBucketName(rt, 'missing'), query: { acl: '' }, headers: { 'x-amz-acl': 'private' } });
    expectRawError(res, { status: 404, code: 'NoSuchBucket' }, 'PutBucketAcl');
  },
);

check(
  {
    id: 'PutBucketAcl/other-owner-denied',
    operation: 'PutBucketAcl',
    spec: ERRORS,
    level: 'required',
    title: "the second user's PutBucketAcl on a private bucket → 403 AccessDenied",
    feature: 'acl',
    needs: ['alt'],
  },
  async ({ s3 }) => {
    await step('PutBucketAcl private', s3.send(new PutBucketAclCommand({ Bucket: bucket, ACL: 'private' })));
    const res = await raw(rt, { method: 'PUT', bucket, query: { acl: '' }, headers: { 'x-amz-acl': 'public-read-write' }, auth: 'alt' });
    expectRawError(res, { status: 403, code: 'AccessDenied' }, 'PutBucketAcl by the second user');
  },
);
