/**
 * Requests without any authentication: refused on a private bucket and object (the default ACL is
 * `private`: only the owner has access), served where a canned ACL grants AllUsers access.
 */
import { DeleteObjectCommand, HeadObjectCommand, PutBucketAclCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { adoptBucket, createBucket, destroyBucket, doc, expectEqual, expectRawError, expectS3Error, expectStatus, newBucketName, peer, raw, recorded, s3, step, operation } from '../../harness/api/index.ts';
import { body, expectBytes } from './support.ts';

const op = operation('Anonymous', {
  buckets: { bucket: { hint: 'anon', acl: true } },
  setup: async ({ rt, bucket }) => {
    const probe = body(rt, 64, 'anon-public');
    await step('PutObject (private object)', s3(rt).send(new PutObjectCommand({ Bucket: bucket, Key: 'private.txt', Body: 'private' })));
    /** A public-read bucket (created only when the target claims ACLs). */
    let publicRead: string | undefined;
    /** A public-read-write bucket (likewise). */
    let publicWrite: string | undefined;
    if (rt.features.acl) {
      publicRead = await createBucket(rt, { hint: 'anon-pr', acl: true });
      await step('PutBucketAcl public-read', s3(rt).send(new PutBucketAclCommand({ Bucket: publicRead, ACL: 'public-read' })));
      await step('PutObject public-read', s3(rt).send(new PutObjectCommand({ Bucket: publicRead, Key: 'public.txt', Body: probe, ACL: 'public-read' })));
      await step('PutObject public-read (in the private bucket)', s3(rt).send(new PutObjectCommand({ Bucket: bucket, Key: 'public.txt', Body: probe, ACL: 'public-read' })));
      await step('PutObject (private object in a public-read bucket)', s3(rt).send(new PutObjectCommand({ Bucket: publicRead, Key: 'private.txt', Body: 'private' })));
      publicWrite = await createBucket(rt, { hint: 'anon-prw', acl: true });
      await step('PutBucketAcl public-read-write', s3(rt).send(new PutBucketAclCommand({ Bucket: publicWrite, ACL: 'public-read-write' })));
    }
    return { value: { probe, publicRead, publicWrite } };
  },
});
const { rt } = op;

// ---- refused ------------------------------------------------------------------------------------

op.check(
  {
    id: 'Anonymous/get-private-object',
    spec: '#canned-acl',
    level: 'required',
    title: 'unauthenticated GET of an object in a private bucket → 403 AccessDenied',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html', 'Owner gets FULL_CONTROL. No one else has access rights (default).'),
    ],
  },
  async ({ bucket }) => {
    expectRawError(await raw(rt, { method: 'GET', bucket, key: 'private.txt', auth: 'none' }), { status: 403, code: 'AccessDenied' });
  },
);

op.check(
  {
    id: 'Anonymous/get-missing-key-private-bucket',
    spec: '#canned-acl',
    level: 'required',
    title: 'unauthenticated GET of a missing key in a private bucket (no s3:ListBucket) → 403 AccessDenied, not 404',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html', 'If you don’t have the s3:ListBucket permission, Amazon S3 returns an HTTP status code 403 Access Denied error.'),
    ],
  },
  async ({ bucket }) => {
    expectRawError(await raw(rt, { method: 'GET', bucket, key: 'no-such-key.txt', auth: 'none' }), { status: 403, code: 'AccessDenied' });
  },
);

op.check(
  {
    id: 'Anonymous/list-private-bucket',
    spec: '#canned-acl',
    level: 'required',
    title: 'unauthenticated GET (ListObjects) of a private bucket → 403 AccessDenied',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html', 'Owner gets FULL_CONTROL. No one else has access rights (default).'),
    ],
  },
  async ({ bucket }) => {
    expectRawError(await raw(rt, { method: 'GET', bucket, auth: 'none' }), { status: 403, code: 'AccessDenied' });
  },
);

op.check(
  {
    id: 'Anonymous/list-v2-private-bucket',
    spec: '#canned-acl',
    level: 'required',
    title: 'unauthenticated GET ?list-type=2 (ListObjectsV2) of a private bucket → 403 AccessDenied',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html', 'Owner gets FULL_CONTROL. No one else has access rights (default).'),
    ],
  },
  async ({ bucket }) => {
    expectRawError(await raw(rt, { method: 'GET', bucket, query: { 'list-type': '2' }, auth: 'none' }), { status: 403, code: 'AccessDenied' });
  },
);

op.check(
  {
    id: 'Anonymous/put-private-bucket',
    spec: '#canned-acl',
    level: 'required',
    title: 'unauthenticated PUT of an object into a private bucket → 403 AccessDenied, nothing stored',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html', 'Owner gets FULL_CONTROL. No one else has access rights (default).'),
    ],
  },
  async ({ bucket }) => {
    expectRawError(await raw(rt, { method: 'PUT', bucket, key: 'anon-put.txt', body: 'x', auth: 'none' }), { status: 403, code: 'AccessDenied' });
    await expectS3Error(s3(rt).send(new HeadObjectCommand({ Bucket: bucket, Key: 'anon-put.txt' })), { status: 404 }, 'HeadObject after the rejected PUT');
  },
);

op.check(
  {
    id: 'Anonymous/empty-authorization',
    spec: '#canned-acl',
    level: 'optional',
    title: 'PUT into a private bucket with an empty Authorization header (treated as anonymous) → 403 AccessDenied, nothing stored',
    evidence: [
      peer('https://github.com/ceph/s3-tests/blob/master/s3tests/functional/test_headers.py', 'test_object_create_bad_authorization_empty / test_bucket_create_bad_authorization_empty: Authorization "" → 403 AccessDenied'),
    ],
  },
  async ({ bucket }) => {
    expectRawError(await raw(rt, { method: 'PUT', bucket, key: 'anon-empty-auth.txt', body: 'x', auth: 'none', headers: { authorization: '' } }), { status: 403, code: 'AccessDenied' });
    await expectS3Error(s3(rt).send(new HeadObjectCommand({ Bucket: bucket, Key: 'anon-empty-auth.txt' })), { status: 404 }, 'HeadObject after the rejected PUT');
  },
);

op.check(
  {
    id: 'Anonymous/create-bucket',
    spec: '#canned-acl',
    level: 'required',
    title: 'unauthenticated CreateBucket → 403 AccessDenied, and the bucket does not exist afterwards',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html', 'Anonymous requests are never allowed to create buckets.'),
    ],
  },
  async () => {
    const name = newBucketName(rt, 'anon-create');
    adoptBucket(rt, name); // cleaned up should a lax target create it
    expectRawError(await raw(rt, { method: 'PUT', bucket: name, auth: 'none' }), { status: 403, code: 'AccessDenied' });
    const head = await raw(rt, { method: 'HEAD', bucket: name });
    expectEqual(`HeadBucket ${name} after the rejected CreateBucket (status)`, head.status, 404);
  },
);

// ---- granted by a canned ACL --------------------------------------------------------------------

op.check(
  {
    id: 'Anonymous/get-public-read-object',
    spec: '#canned-acl',
    level: 'required',
    feature: 'acl',
    title: 'unauthenticated GET of an object with ACL public-read → 200 with the bytes',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_get_object_with_anon_credentials#get_object', 'an unsigned GetObject of a public-read object: 200 with the body')],
  },
  async ({ publicRead, probe }) => {
    const res = await raw(rt, { method: 'GET', bucket: publicRead, key: 'public.txt', auth: 'none' });
    expectStatus(res, 200, 'anonymous GET of a public-read object');
    expectBytes('anonymous GET', res.body, probe);
  },
);

op.check(
  {
    id: 'Anonymous/get-public-object-private-bucket',
    spec: '#canned-acl',
    level: 'required',
    feature: 'acl',
    title: 'unauthenticated GET of a public-read object in a private bucket → 200 with the bytes (the object ACL grants the read)',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html', 'Owner gets FULL_CONTROL. The AllUsers group (see Who is a grantee?) gets READ access.'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_get_object_with_anon_credentials#get_object', 'an unsigned GetObject of a public-read object: 200 with the body'),
    ],
  },
  async ({ bucket, probe }) => {
    const res = await raw(rt, { method: 'GET', bucket, key: 'public.txt', auth: 'none' });
    expectStatus(res, 200, 'anonymous GET of a public-read object in a private bucket');
    expectBytes('anonymous GET', res.body, probe);
  },
);

op.check(
  {
    id: 'Anonymous/list-public-read-bucket',
    spec: '#canned-acl',
    level: 'required',
    feature: 'acl',
    title: 'unauthenticated ListObjects of a bucket with ACL public-read → 200 listing its keys',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html', 'Owner gets FULL_CONTROL. The AllUsers group (see Who is a grantee?) gets READ access.'),
    ],
  },
  async ({ publicRead }) => {
    const res = await raw(rt, { method: 'GET', bucket: publicRead, auth: 'none' });
    expectStatus(res, 200, 'anonymous ListObjects of a public-read bucket');
    const contents = (res.xml()?.ListBucketResult as { Contents?: unknown } | undefined)?.Contents;
    const keys = (Array.isArray(contents) ? contents : contents ? [contents] : []).map((c) => (c as { Key?: string }).Key).sort();
    expectEqual('ListBucketResult keys', keys, ['private.txt', 'public.txt']);
  },
);

op.check(
  {
    id: 'Anonymous/get-private-object-public-bucket',
    spec: '#canned-acl',
    level: 'required',
    feature: 'acl',
    title: 'unauthenticated GET of a private object in a public-read bucket → 403 AccessDenied (the bucket ACL does not grant object reads)',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html', 'Owner gets FULL_CONTROL. No one else has access rights (default).'),
    ],
  },
  async ({ publicRead }) => {
    expectRawError(await raw(rt, { method: 'GET', bucket: publicRead, key: 'private.txt', auth: 'none' }), { status: 403, code: 'AccessDenied' });
  },
);

op.check(
  {
    id: 'Anonymous/get-missing-key-public-bucket',
    spec: '#canned-acl',
    level: 'required',
    feature: 'acl',
    title: 'unauthenticated GET of a missing key in a public-read bucket (AllUsers may list) → 404 NoSuchKey',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html', 'If you have the s3:ListBucket permission on the bucket, Amazon S3 returns an HTTP status code 404 Not Found error.'),
    ],
  },
  async ({ publicRead }) => {
    expectRawError(await raw(rt, { method: 'GET', bucket: publicRead, key: 'no-such-key.txt', auth: 'none' }), { status: 404, code: 'NoSuchKey' });
  },
);

op.check(
  {
    id: 'Anonymous/put-public-read-write-bucket',
    spec: '#canned-acl',
    level: 'required',
    feature: 'acl',
    title: 'unauthenticated PUT into a bucket with ACL public-read-write → 200, the owner reads the bytes back',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html', 'Owner gets FULL_CONTROL. The AllUsers group gets READ and WRITE access. Granting this on a bucket is generally not recommended.'),
    ],
  },
  async ({ publicWrite }) => {
    const data = body(rt, 64, 'anon-write');
    const res = await raw(rt, { method: 'PUT', bucket: publicWrite, key: 'anon.txt', body: data, auth: 'none' });
    expectStatus(res, 200, 'anonymous PUT into a public-read-write bucket');
    const back = await raw(rt, { method: 'GET', bucket: publicWrite, key: 'anon.txt' });
    expectStatus(back, 200, 'GetObject by the owner');
    expectBytes('GetObject', back.body, data);
    await step('DeleteObject (cleanup)', s3(rt).send(new DeleteObjectCommand({ Bucket: publicWrite, Key: 'anon.txt' })));
  },
);

op.check(
  {
    id: 'Anonymous/get-deleted-bucket',
    spec: '#canned-acl',
    level: 'optional',
    feature: 'acl',
    title: 'unauthenticated GET of an object in a bucket that was deleted → 404 NoSuchBucket',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'The specified bucket does not exist.'),
      peer('https://github.com/ceph/s3-tests/blob/master/s3tests/functional/test_s3.py', 'test_object_raw_get_bucket_gone: anonymous GET after the public-read bucket is deleted → 404 NoSuchBucket'),
    ],
  },
  async () => {
    const gone = await createBucket(rt, { hint: 'anon-gone', acl: true });
    await step('PutBucketAcl public-read', s3(rt).send(new PutBucketAclCommand({ Bucket: gone, ACL: 'public-read' })));
    await destroyBucket(rt, gone);
    expectRawError(await raw(rt, { method: 'GET', bucket: gone, key: 'public.txt', auth: 'none' }), { status: 404, code: 'NoSuchBucket' });
  },
);
