// suites/object/DeleteObject.test.ts (abridged): the shape of every check file.
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { doc, expectEqual, expectRawError, expectS3Error, expectStatus, newBucketName, operation, raw, recorded, step } from '../../harness/api/index.ts';
import { putObjectRaw } from '../../harness/api/object.ts';

// The file context: the operation (every id of the file starts with it; `spec: '#anchor'` resolves
// against its reference page), the running target (op.rt), and the file's buckets as a vitest
// fixture of scope 'file': <prefix>-<runId>-<n>, made when the file's first check runs, emptied and
// deleted after the file. `setup` adds more per-file resources (a client session…) with their close.
const op = operation('DeleteObject', { buckets: { bucket: { hint: 'del' } } });
const { rt } = op; // endpoint, region, keys, features, seed

op.check(
  {
    id: 'DeleteObject/success', // <Operation>/<slug>: stable, never renamed, never reused; the operation is the prefix
    spec: '#API_DeleteObject_ResponseSyntax', // an anchor on the operation's reference page, or a full AWS URL
    level: 'required', // required | optional (docs/EVIDENCE.md: a required check needs aws-recorded or aws-doc)
    title: 'DELETE of an existing key → 204 No Content, and a later GET → 404 NoSuchKey',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObject.html', 'If the object you want to delete is in a bucket where the bucket versioning configuration is Unversioned, Amazon S3 permanently deletes the object.'),
    ],
  },
  async ({ bucket }) => {
    const key = 'del/é +key';
    await putObjectRaw(rt, bucket, key, 'bye');
    const res = await raw(rt, { method: 'DELETE', bucket, key });
    expectStatus(res, 204, 'DELETE of an existing key');
    expectEqual('DELETE 204 body length', res.body.length, 0);
    expectRawError(await raw(rt, { method: 'GET', bucket, key }), { status: 404, code: 'NoSuchKey' }, 'GET after DELETE');
  },
);

op.check(
  {
    id: 'DeleteObject/missing-key',
    spec: '#API_DeleteObject_ResponseSyntax',
    level: 'required',
    title: 'DELETE of a key that does not exist → 204 No Content (not an error)',
    evidence: [recorded('tests/aws/services/s3/test_s3_api.py::TestS3ObjectCRUD::test_delete_object#delete-nonexistent-object')],
  },
  async ({ s3, bucket }) => {
    const out = await step('DeleteObject (SDK) of a missing key', s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'never/existed' })));
    expectEqual('DeleteObject status', out.$metadata.httpStatusCode, 204);
  },
);

op.check(
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
