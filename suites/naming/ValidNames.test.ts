/**
 * Bucket naming, the accepting side: every valid name is created and the bucket works.
 * Valid names always contain the run id (isRunBucket), are adopted before creation and deleted
 * at once. Valid names of exactly 3 characters cannot hold the 9-character run id and are never
 * created: that boundary is covered by the model's offline tests and the 2-character rejection.
 */
import { CreateBucketCommand, DeleteBucketCommand, DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { adoptBucket, doc, expectEqual, recorded, step, operation } from '../../harness/api/index.ts';
import { validBucketName } from '../../fixtures/arbitraries/bucket-names.ts';

const op = operation('CreateBucket');
const { rt } = op;
const pad = (s: string, n: number) => (s + 'x'.repeat(n)).slice(0, n);

op.property(
  {
    id: 'CreateBucket/name-valid-accepted',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html#general-purpose-bucket-names',
    level: 'required',
    title: 'any valid name (dots, hyphens, digits, up to 63 chars) → created; HeadBucket 200, object round trip, DeleteBucket 204',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html', 'Bucket names can consist only of lowercase letters, numbers, periods (.), and hyphens (-).'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_bucket_name_with_dots#list-objects', 'a bucket whose name holds dots is created and listed (200)'),
    ],
    maxRuns: 4,
    // Pinned boundaries: the shortest name that holds the run id, and exactly 63 characters.
    examples: [{ name: rt.runId }, { name: pad(`a.b-c.${rt.runId}-9`, 63) }],
  },
  { name: validBucketName(rt.runId) },
  async ({ name }, { s3 }) => {
    adoptBucket(rt, name);
    const created = await step(`CreateBucket "${name}"`, s3.send(new CreateBucketCommand({ Bucket: name })));
    expectEqual(`CreateBucket "${name}" status`, created.$metadata.httpStatusCode, 200);
    const head = await step(`HeadBucket "${name}"`, s3.send(new HeadBucketCommand({ Bucket: name })));
    expectEqual(`HeadBucket "${name}" status`, head.$metadata.httpStatusCode, 200);
    const body = `body of ${name}`;
    await step(`PutObject into "${name}"`, s3.send(new PutObjectCommand({ Bucket: name, Key: 'k', Body: body })));
    const got = await step(`GetObject from "${name}"`, s3.send(new GetObjectCommand({ Bucket: name, Key: 'k' })));
    expectEqual(`GetObject body from "${name}"`, await got.Body?.transformToString(), body);
    await step(`DeleteObject in "${name}"`, s3.send(new DeleteObjectCommand({ Bucket: name, Key: 'k' })));
    const del = await step(`DeleteBucket "${name}"`, s3.send(new DeleteBucketCommand({ Bucket: name })));
    expectEqual(`DeleteBucket "${name}" status`, del.$metadata.httpStatusCode, 204);
  },
);
