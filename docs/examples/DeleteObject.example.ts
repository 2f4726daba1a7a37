// suites/object/DeleteObject.test.ts (abridged): the shape of every check file.
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll } from 'vitest';
import { check, createBucket, doc, expectEqual, expectRawError, expectS3Error, expectStatus, newBucketName, raw, recorded, runtime, step } from '../../harness/api/index.ts';
import { putObjectRaw } from '../../harness/api/object.ts';

const rt = runtime(); // the running target: endpoint, region, keys, features, seed
let bucket: string;
beforeAll(async () => {
  bucket = await createBucket(rt, { hint: 'del' }); // <prefix>-<runId>-<n>: emptied and deleted after the file
});

check(
  {
    id: 'DeleteObject/success', // <Operation>/<slug>: stable, never renamed, never reused; the operation is the prefix
    spec: '#API_DeleteObject_ResponseSyntax', // an anchor on the operation's reference page, or a full AWS URL
    level: 'required', // required | optional (docs/EVIDENCE.md: a required check needs aws-recorded or aws-doc)
    title: 'DELETE of an existing key → 204 No Content, and a later GET → 404 NoSuchKey',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObject.html', 'If the object you want to delete is in a bucket where the bucket versioning configuration is Unversioned, Amazon S3 permanently deletes the object.'),
    ],
  },
  async () => {
    const key = 'del/é +key';
    await putObjectRaw(rt, bucket, key, 'bye');
    const res = await raw(rt, { method: 'DELETE', bucket, key });
    expectStatus(res, 204, 'DELETE of an existing key');
    expectEqual('DELETE 204 body length', res.body.length, 0);
    expectRawError(await raw(rt, { method: 'GET', bucket, key }), { status: 404, code: 'NoSuchKey' }, 'GET after DELETE');
  },
);

check(
  {
    id: 'DeleteObject/missing-key',
    spec: '#API_DeleteObject_ResponseSyntax',
    level: 'required',
    title: 'DELETE of a key that does not exist → 204 No Content (not an error)',
    evidence: [recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectCRUD::test_delete_object#delete-nonexistent-object')],
  },
  async ({ s3 }) => {
    const out = await step('DeleteObject (SDK) of a missing key', s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'never/existed' })));
    expectEqual('DeleteObject status', out.$metadata.httpStatusCode, 204);
  },
);

check(
  {
    id: 'DeleteObject/no-such-bucket',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList',
    level: 'required',
    title: 'DELETE of a key in a bucket that does not exist → 404 NoSuchBucket',
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'NoSuchBucket: The specified bucket does not exist. 404 Not Found')],
  },
  async ({ s3 }) => {
    await expectS3Error(s3.send(new DeleteObjectCommand({ Bucket: newBucketName(rt, 'missing'), Key: 'k' })), { status: 404, code: 'NoSuchBucket' });
  },
);
