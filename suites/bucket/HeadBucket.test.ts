import { beforeAll } from 'vitest';
import { check, createBucket, expectEqual, expectHeader, expectStatus, newBucketName, raw, runtime } from '../../harness/api/index.ts';

const REF = 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadBucket.html';
const rt = runtime();
let bucket: string;
beforeAll(async () => {
  bucket = await createBucket(rt, { hint: 'head' });
});

check(
  { id: 'HeadBucket/success', operation: 'HeadBucket', spec: `${REF}#API_HeadBucket_ResponseSyntax`, level: 'required', title: 'HEAD /<own bucket> → 200, x-amz-request-id, no body' },
  async () => {
    const res = await raw(rt, { method: 'HEAD', bucket });
    expectStatus(res, 200, 'HeadBucket');
    expectEqual('body length', res.body.length, 0);
    expectHeader(res.headers, 'x-amz-request-id', /^\S+$/);
  },
);

check(
  { id: 'HeadBucket/no-such-bucket', operation: 'HeadBucket', spec: `${REF}#API_HeadBucket_Errors`, level: 'required', title: 'HEAD /<missing bucket> → 404 with no body' },
  async () => {
    const res = await raw(rt, { method: 'HEAD', bucket: newBucketName(rt, 'missing') });
    expectStatus(res, 404, 'HeadBucket');
    expectEqual('body length', res.body.length, 0);
  },
);

check(
  {
    id: 'HeadBucket/other-owner-forbidden',
    operation: 'HeadBucket',
    spec: `${REF}#API_HeadBucket_Errors`,
    level: 'required',
    title: "HEAD of another owner's private bucket → 403 with no body (not 404: the bucket exists)",
    needs: ['alt'],
  },
  async () => {
    const res = await raw(rt, { method: 'HEAD', bucket, auth: 'alt' });
    expectStatus(res, 403, 'HeadBucket by the second user');
    expectEqual('body length', res.body.length, 0);
  },
);
