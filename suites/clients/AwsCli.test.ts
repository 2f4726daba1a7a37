/**
 * The AWS CLI (Debian awscli, v2) as the provider's guide tells its users to run it:
 * `aws --endpoint-url={endpoint} s3 {command} s3://{bucket}`. Each check runs the real CLI in a
 * bucket of the run and judges what it did through the suite's own SDK.
 */
import { join } from 'node:path';
import { adoptBucket, createBucket, doc, expectEqual, expectMatch, newBucketName, providerDoc, step, operation } from '../../harness/api/index.ts';
import { missingTool } from '../../harness/api/clients.ts';
import { awsCli, clientSetup, expectExit0, expectFile, expectGone, expectStored, headBucket, headObject, MiB, putSeeded, seeded, writeLocal } from './support.ts';
import { createHash } from 'node:crypto';

const op = operation('AwsCli', { buckets: { bucket: { hint: 'awscli' } }, setup: clientSetup(awsCli) });
const { rt } = op;
const GUIDE = 'NHN Cloud Object Storage, Amazon S3 Compatible API Guide, "AWS Command Line Interface (CLI)"';
const guide = providerDoc(GUIDE, 'aws --endpoint-url={endpoint} s3 {command} s3://{bucket}');
const CLI = 'https://docs.aws.amazon.com/cli/latest/reference/';
const skipIf = (): string | undefined => missingTool('aws');

op.check(
  { id: 'AwsCli/s3-mb', timeoutMs: 300_000, spec: `${CLI}s3/mb.html`, level: 'required', skipIf, title: 'aws s3 mb s3://<new bucket> → exit 0, and the bucket exists (HeadBucket 200)',
    evidence: [doc(`${CLI}s3/mb.html`, 'Creates an S3 bucket.'), guide] },
  async ({ s3, aws }) => {
    const name = newBucketName(rt, 'climb');
    adoptBucket(rt, name);
    expectExit0('aws s3 mb', await aws(['s3', 'mb', `s3://${name}`]));
    await step('HeadBucket of the bucket the CLI made', headBucket(s3, name));
  },
);

op.check(
  { id: 'AwsCli/s3-ls', timeoutMs: 300_000, spec: `${CLI}s3/ls.html`, level: 'required', skipIf, title: 'aws s3 ls → exit 0, and the listing names the run\'s bucket',
    evidence: [doc(`${CLI}s3/ls.html`, 'List S3 objects and common prefixes under a prefix or all S3 buckets.'), guide] },
  async ({ bucket, aws }) => {
    const r = await aws(['s3', 'ls']);
    expectExit0('aws s3 ls', r);
    expectMatch('aws s3 ls output', r.stdout, new RegExp(`\\s${bucket}\\n`));
  },
);

op.check(
  { id: 'AwsCli/s3-ls-bucket', timeoutMs: 300_000, spec: `${CLI}s3/ls.html`, level: 'required', skipIf, title: 'aws s3 ls s3://<bucket>/<prefix> → the objects with their sizes and the common prefixes (PRE)',
    evidence: [doc(`${CLI}s3/ls.html`, 'List S3 objects and common prefixes under a prefix or all S3 buckets.'), guide] },
  async ({ s3, bucket, aws }) => {
    await putSeeded(s3, bucket, 'ls/a.bin', seeded(rt, 1234, 'ls-a'));
    await putSeeded(s3, bucket, 'ls/dir/b.bin', seeded(rt, 10, 'ls-b'));
    const r = await aws(['s3', 'ls', `s3://${bucket}/ls/`]);
    expectExit0('aws s3 ls s3://bucket/ls/', r);
    expectMatch('aws s3 ls: the common prefix', r.stdout, /^\s+PRE dir\/$/m);
    expectMatch('aws s3 ls: the object and its size', r.stdout, /\s1234 a\.bin$/m);
  },
);

op.check(
  { id: 'AwsCli/s3-cp-upload', timeoutMs: 300_000, spec: `${CLI}s3/cp.html`, level: 'required', skipIf, title: 'aws s3 cp <file> s3://<bucket>/<key> (1 MiB) → the object holds the file\'s bytes, ETag its MD5',
    evidence: [doc(`${CLI}s3/cp.html`, 'Copies a local file or S3 object to another location locally or in S3.'), guide] },
  async ({ s3, bucket, cli, aws }) => {
    const data = seeded(rt, MiB, 'cp-up');
    const file = writeLocal(cli.dir, 'up.bin', data);
    expectExit0('aws s3 cp (upload)', await aws(['s3', 'cp', file, `s3://${bucket}/cp/up.bin`]));
    const etag = await expectStored(s3, bucket, 'cp/up.bin', data);
    expectEqual('ETag of a single-part upload', etag, `"${createHash('md5').update(data).digest('hex')}"`);
  },
);

op.check(
  { id: 'AwsCli/s3-cp-download', timeoutMs: 300_000, spec: `${CLI}s3/cp.html`, level: 'required', skipIf, title: 'aws s3 cp s3://<bucket>/<key> <file> (1 MiB) → the file holds the object\'s bytes',
    evidence: [doc(`${CLI}s3/cp.html`, 'Copies a local file or S3 object to another location locally or in S3.'), guide] },
  async ({ s3, bucket, cli, aws }) => {
    const data = seeded(rt, MiB, 'cp-down');
    await putSeeded(s3, bucket, 'cp/down.bin', data);
    const out = join(cli.dir, 'down.bin');
    expectExit0('aws s3 cp (download)', await aws(['s3', 'cp', `s3://${bucket}/cp/down.bin`, out]));
    expectFile(out, data);
  },
);

op.check(
  { id: 'AwsCli/s3-rm', timeoutMs: 300_000, spec: `${CLI}s3/rm.html`, level: 'required', skipIf, title: 'aws s3 rm s3://<bucket>/<key> → exit 0, and the object is gone (HeadObject 404)',
    evidence: [doc(`${CLI}s3/rm.html`, 'Deletes an S3 object.'), guide] },
  async ({ s3, bucket, aws }) => {
    await putSeeded(s3, bucket, 'rm/k', seeded(rt, 100, 'rm'));
    expectExit0('aws s3 rm', await aws(['s3', 'rm', `s3://${bucket}/rm/k`]));
    await expectGone('HeadObject of the removed key', () => headObject(s3, bucket, 'rm/k'));
  },
);

op.check(
  { id: 'AwsCli/s3-rb', timeoutMs: 300_000, spec: `${CLI}s3/rb.html`, level: 'required', skipIf, title: 'aws s3 rb s3://<empty bucket> → exit 0, and the bucket is gone (HeadBucket 404)',
    evidence: [doc(`${CLI}s3/rb.html`, 'Deletes an empty S3 bucket.')] },
  async ({ s3, aws }) => {
    const name = await createBucket(rt, { hint: 'clirb' });
    expectExit0('aws s3 rb', await aws(['s3', 'rb', `s3://${name}`]));
    await expectGone('HeadBucket of the removed bucket', () => headBucket(s3, name));
  },
);
