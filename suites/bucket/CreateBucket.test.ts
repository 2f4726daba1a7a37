import { CreateBucketCommand, HeadBucketCommand } from '@aws-sdk/client-s3';
import { check } from '../../harness/check.ts';
import { newBucketName, adoptBucket } from '../../harness/buckets.ts';
import { expectS3Error, expectEqual, step } from '../../harness/expect.ts';
import { runtime } from '../../harness/runtime.ts';

const REF = 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html';
const rt = runtime();

check(
  {
    id: 'CreateBucket/success',
    operation: 'CreateBucket',
    spec: REF,
    level: 'required',
    title: 'PUT /<new bucket> → 200 and the bucket exists (HeadBucket 200)',
  },
  async ({ s3 }) => {
    const name = newBucketName(rt);
    adoptBucket(rt, name);
    const out = await step('CreateBucket', s3.send(new CreateBucketCommand({ Bucket: name })));
    expectEqual('CreateBucket status', out.$metadata.httpStatusCode, 200);
    const head = await step('HeadBucket', s3.send(new HeadBucketCommand({ Bucket: name })));
    expectEqual('HeadBucket status', head.$metadata.httpStatusCode, 200);
  },
);

check(
  {
    id: 'CreateBucket/duplicate-same-owner',
    operation: 'CreateBucket',
    spec: `${REF}#API_CreateBucket_Errors`,
    level: 'required',
    title: 'CreateBucket on a bucket you own → 409 BucketAlreadyOwnedByYou (200 in us-east-1)',
  },
  async ({ s3 }) => {
    const name = newBucketName(rt);
    adoptBucket(rt, name);
    await step('CreateBucket', s3.send(new CreateBucketCommand({ Bucket: name })));
    if (rt.region === 'us-east-1') {
      try {
        await s3.send(new CreateBucketCommand({ Bucket: name }));
        return;
      } catch {
        /* fall through to the error check */
      }
    }
    await expectS3Error(s3.send(new CreateBucketCommand({ Bucket: name })), { status: 409, code: 'BucketAlreadyOwnedByYou' });
  },
);
