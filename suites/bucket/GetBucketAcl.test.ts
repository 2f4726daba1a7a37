import { beforeAll } from 'vitest';
import { check, createBucket, expectEqual, expectHeader, expectRawError, expectStatus, fail, newBucketName, raw, runtime } from '../../harness/api/index.ts';
import { canonicalId } from '../../harness/api/bucket.ts';

const REF = 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketAcl.html';
const ERRORS = 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList';
const rt = runtime();
let bucket: string;
beforeAll(async () => {
  bucket = await createBucket(rt, { hint: 'gacl' });
});

type X = Record<string, unknown>;
const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

check(
  {
    id: 'GetBucketAcl/success-shape',
    operation: 'GetBucketAcl',
    spec: `${REF}#API_GetBucketAcl_ResponseSyntax`,
    level: 'required',
    title: 'GET ?acl of a new bucket → 200 AccessControlPolicy: Owner/ID, one Grant: CanonicalUser owner FULL_CONTROL',
    feature: 'acl',
  },
  async ({ s3 }) => {
    const owner = await canonicalId(s3);
    const res = await raw(rt, { method: 'GET', bucket, query: { acl: '' } });
    expectStatus(res, 200, 'GetBucketAcl');
    expectHeader(res.headers, 'x-amz-request-id', /^\S+$/);
    const doc = res.xml()?.AccessControlPolicy as X | undefined;
    if (!doc) return fail('body', '<AccessControlPolicy>', res.text().slice(0, 200));
    expectEqual('Owner/ID', (doc.Owner as X | undefined)?.ID, owner);
    const grants = asArray((doc.AccessControlList as X | undefined)?.Grant as X | X[] | undefined);
    expectEqual('number of grants', grants.length, 1);
    const g = grants[0] as X;
    const grantee = g.Grantee as X | undefined;
    expectEqual('Grantee xsi:type', grantee?.['@xsi:type'], 'CanonicalUser');
    expectEqual('Grantee/ID', grantee?.ID, owner);
    expectEqual('Permission', g.Permission, 'FULL_CONTROL');
  },
);

check(
  { id: 'GetBucketAcl/no-such-bucket', operation: 'GetBucketAcl', spec: ERRORS, level: 'required', title: 'GET /<missing bucket>?acl → 404 NoSuchBucket', feature: 'acl' },
  async () => {
    expectRawError(await raw(rt, { method: 'GET', bucket: newBucketName(rt, 'missing'), query: { acl: '' } }), { status: 404, code: 'NoSuchBucket' }, 'GetBucketAcl');
  },
);

check(
  {
    id: 'GetBucketAcl/other-owner-denied',
    operation: 'GetBucketAcl',
    spec: ERRORS,
    level: 'required',
    title: "the second user's GET ?acl of a private bucket → 403 AccessDenied",
    feature: 'acl',
    needs: ['alt'],
  },
  async () => {
    expectRawError(await raw(rt, { method: 'GET', bucket, query: { acl: '' }, auth: 'alt' }), { status: 403, code: 'AccessDenied' }, 'GetBucketAcl by the second user');
  },
);
