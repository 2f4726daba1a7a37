/**
 * The AWS SDK for Java, as the provider's guide shows it: its `AwsSdkExapmple` class (SDK v1:
 * endpoint configuration, path-style access, chunked encoding disabled) and the same calls through
 * the SDK v2 (path-style). One small program (fixtures/clients/java, one shaded jar) runs one call
 * per process; each check judges what it did through the suite's own SDK. The jar needs Maven
 * Central to build: where that is unreachable (this project's own CI machine) the checks are
 * skipped with that reason, and the java-clients job of .github/workflows/ci.yml runs them.
 */
import { join } from 'node:path';
import { createBucket, doc, expectEqual, expectMatch, newBucketName, adoptBucket, providerDoc, step, operation } from '../../harness/api/index.ts';
import { javaClientJar, missingJavaClient } from '../../harness/api/clients.ts';
import { clientSetup, expectExit0, expectFile, expectGone, expectStored, headBucket, headObject, putSeeded, seeded, writeLocal } from './support.ts';
import { createHash } from 'node:crypto';

// Every check skips without the jar (skipIf), and the file's bucket and session are made only when a
// check of the file runs: no jar, no bucket and no session.
const op = operation('JavaSdk', {
  buckets: { bucket: { hint: 'java' } },
  setup: clientSetup((cli, rt) => ({
    java: async (sdk: 'v1' | 'v2', call: string, ...args: string[]): Promise<string[]> => {
      const r = await cli.run('java', ['-jar', javaClientJar(), sdk, call, ...args], {
        timeoutMs: 240_000,
        env: { S3C_ENDPOINT: cli.endpoint, S3C_REGION: rt.region },
      });
      expectExit0(`Java SDK ${sdk} ${call}`, r);
      return r.stdout.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    },
  })),
});
const { rt } = op;
const GUIDE = 'NHN Cloud Object Storage, Amazon S3 Compatible API Guide, "Java SDK"';
const guide = (quote: string) => providerDoc(GUIDE, quote);
const V1 = 'https://docs.aws.amazon.com/sdk-for-java/v1/developer-guide/examples-s3.html';
const V2 = 'https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/examples-s3.html';
const skipIf = (): string | undefined => missingJavaClient();

const md5Etag = (b: Buffer): string => `"${createHash('md5').update(b).digest('hex')}"`;

for (const sdk of ['v1', 'v2'] as const) {
  // Literal `id:` strings (the --only scan reads them).
  const ids = {
    v1: { create: { id: 'JavaSdk/v1-create-bucket' }, list: { id: 'JavaSdk/v1-list-buckets' }, objects: { id: 'JavaSdk/v1-list-objects' }, upload: { id: 'JavaSdk/v1-upload' }, download: { id: 'JavaSdk/v1-download' }, del: { id: 'JavaSdk/v1-delete-object' }, rb: { id: 'JavaSdk/v1-delete-bucket' } },
    v2: { create: { id: 'JavaSdk/v2-create-bucket' }, list: { id: 'JavaSdk/v2-list-buckets' }, objects: { id: 'JavaSdk/v2-list-objects' }, upload: { id: 'JavaSdk/v2-upload' }, download: { id: 'JavaSdk/v2-download' }, del: { id: 'JavaSdk/v2-delete-object' }, rb: { id: 'JavaSdk/v2-delete-bucket' } },
  }[sdk];
  const ref = sdk === 'v1' ? V1 : V2;
  const level = sdk === 'v1' ? 'required' : 'optional';
  const how = sdk === 'v1' ? "the guide's" : 'SDK v2';

  op.check(
    { id: ids.create.id, timeoutMs: 300_000, spec: ref, level, skipIf, title: `Java ${how} createBucket(name) → the bucket exists (HeadBucket 200)`,
      evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html', 'Creates a new S3 bucket.'), guide('Bucket bucket = s3Client.createBucket(bucketName);')] },
    async ({ s3, java }) => {
      const name = newBucketName(rt, `j${sdk}mb`);
      adoptBucket(rt, name);
      await java(sdk, 'createBucket', name);
      await step('HeadBucket of the bucket the Java SDK made', headBucket(s3, name));
    },
  );

  op.check(
    { id: ids.list.id, timeoutMs: 300_000, spec: ref, level, skipIf, title: `Java ${how} listBuckets() → includes the run's bucket`,
      evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListBuckets.html', 'Returns a list of all buckets owned by the authenticated sender of the request.'), guide('return s3Client.listBuckets();')] },
    async ({ bucket, java }) => {
      expectEqual("the run's bucket in listBuckets()", (await java(sdk, 'listBuckets')).includes(bucket), true);
    },
  );

  op.check(
    { id: ids.objects.id, timeoutMs: 300_000, spec: ref, level, skipIf, title: `Java ${how} listObjects(bucket) (ListObjectsV2) → the keys and sizes stored`,
      evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html', 'Returns some or all (up to 1,000) of the objects in a bucket with each request.'), guide('return s3Client.listObjectsV2(bucketName);')] },
    async ({ s3, java }) => {
      const name = await createBucket(rt, { hint: `j${sdk}ls` });
      await putSeeded(s3, name, 'a', seeded(rt, 3, `${sdk}la`));
      await putSeeded(s3, name, 'b/c', seeded(rt, 5, `${sdk}lb`));
      expectEqual('listObjects keys and sizes', await java(sdk, 'listObjects', name), ['a:3', 'b/c:5']);
    },
  );

  op.check(
    { id: ids.upload.id, timeoutMs: 300_000, spec: ref, level, skipIf, title: `Java ${how} uploadObject(bucket, key, file) → the object holds the file's bytes; the returned ETag is their MD5`,
      evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html', 'Adds an object to a bucket.'), guide('PutObjectResult result = s3Client.putObject(bucketName, objKeyName, new File(filePath));')] },
    async ({ s3, bucket, cli, java }) => {
      const data = seeded(rt, 300_000, `${sdk}up`);
      const out = await java(sdk, 'uploadObject', bucket, `${sdk}/up.bin`, writeLocal(cli.dir, `${sdk}-up.bin`, data));
      await expectStored(s3, bucket, `${sdk}/up.bin`, data);
      // v1 returns the ETag without quotes, v2 with them.
      expectMatch('the ETag the SDK returned', out.pop() ?? '', new RegExp(`^"?${md5Etag(data).slice(1, -1)}"?$`));
    },
  );

  op.check(
    { id: ids.download.id, timeoutMs: 300_000, spec: ref, level, skipIf, title: `Java ${how} downloadObject(bucket, key, file) → the file holds the object's bytes`,
      evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html', 'Retrieves an object from Amazon S3.'), guide('ObjectMetadata metadata = s3Client.getObject(request, new File(filePath));')] },
    async ({ s3, bucket, cli, java }) => {
      const data = seeded(rt, 300_000, `${sdk}down`);
      await putSeeded(s3, bucket, `${sdk}/down.bin`, data);
      const file = join(cli.dir, `${sdk}-down.bin`);
      await java(sdk, 'downloadObject', bucket, `${sdk}/down.bin`, file);
      expectFile(file, data);
    },
  );

  op.check(
    { id: ids.del.id, timeoutMs: 300_000, spec: ref, level, skipIf, title: `Java ${how} deleteObject(bucket, key) → the object is gone (HeadObject 404)`,
      evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObject.html', 'Removes an object from a bucket.'), guide('s3Client.deleteObject(bucketName, objKeyName);')] },
    async ({ s3, bucket, java }) => {
      await putSeeded(s3, bucket, `${sdk}/del`, seeded(rt, 10, `${sdk}del`));
      await java(sdk, 'deleteObject', bucket, `${sdk}/del`);
      await expectGone('HeadObject after deleteObject()', () => headObject(s3, bucket, `${sdk}/del`));
    },
  );

  op.check(
    { id: ids.rb.id, timeoutMs: 300_000, spec: ref, level, skipIf, title: `Java ${how} deleteBucket(name) of an empty bucket → the bucket is gone (HeadBucket 404)`,
      evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteBucket.html', 'Deletes the S3 bucket. All objects (including all object versions and delete markers) in the bucket must be deleted before the bucket itself can be deleted.'), guide('s3Client.deleteBucket(bucketName);')] },
    async ({ s3, java }) => {
      const name = await createBucket(rt, { hint: `j${sdk}rb` });
      await java(sdk, 'deleteBucket', name);
      await expectGone('HeadBucket after deleteBucket()', () => headBucket(s3, name));
    },
  );
}
