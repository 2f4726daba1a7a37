/**
 * The AWS CLI's transfers (Debian awscli, v2): a multipart `s3 cp`, `s3 sync` both ways and
 * `s3api put-object --checksum-algorithm` — the AwsCli checks that move the most bytes, in a file of
 * their own so that they run beside the others (a file is one worker's; the CLI's ~1 s start per
 * call made the single AwsCli file the run's critical path). The CLI as the provider's guide tells
 * its users to run it:
 * `aws --endpoint-url={endpoint} s3 {command} s3://{bucket}`. Each check runs the real CLI in a
 * bucket of the run and judges what it did through the suite's own SDK.
 */
import { join } from 'node:path';
import { doc, expectEqual, step, operation } from '../../harness/api/index.ts';
import { missingTool } from '../../harness/api/clients.ts';
import { awsCli, clientSetup, expectExit0, expectFile, expectMultipartEtag, expectStored, MiB, putSeeded, seeded, writeLocal } from './support.ts';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';

const op = operation('AwsCli', { buckets: { bucket: { hint: 'awsclix' } }, setup: clientSetup(awsCli) });
const { rt } = op;
const CLI = 'https://docs.aws.amazon.com/cli/latest/reference/';
const skipIf = (): string | undefined => missingTool('aws');

op.check(
  { id: 'AwsCli/s3-cp-multipart', timeoutMs: 300_000, spec: 'https://docs.aws.amazon.com/cli/latest/topic/s3-config.html', level: 'required', skipIf,
    title: 'aws s3 cp of a 9 MiB file (above the CLI\'s 8 MiB multipart threshold: two 8 MiB-chunked parts, sent concurrently) → the object holds the bytes, multipart ETag',
    evidence: [doc('https://docs.aws.amazon.com/cli/latest/topic/s3-config.html', 'multipart_threshold - Default: 8MB; The size threshold the CLI uses for multipart transfers of individual files.')] },
  async ({ s3, bucket, cli, aws }) => {
    const data = seeded(rt, 9 * MiB, 'cp-mpu');
    const file = writeLocal(cli.dir, 'big.bin', data);
    expectExit0('aws s3 cp (9 MiB)', await aws(['s3', 'cp', file, `s3://${bucket}/cp/big.bin`], 240_000));
    expectMultipartEtag(await expectStored(s3, bucket, 'cp/big.bin', data), 2);
  },
);

op.check(
  { id: 'AwsCli/s3-sync-up', timeoutMs: 300_000, spec: `${CLI}s3/sync.html`, level: 'required', skipIf, title: 'aws s3 sync <dir> s3://<bucket>/<prefix> → one object per file (nested paths as keys), same bytes',
    evidence: [doc(`${CLI}s3/sync.html`, 'Syncs directories and S3 prefixes. Recursively copies new and updated files from the source directory to the destination.')] },
  async ({ s3, bucket, cli, aws }) => {
    const files = { 'a.txt': seeded(rt, 10, 's1'), 'sub/b.bin': seeded(rt, 70_000, 's2'), 'sub/deep/c.bin': seeded(rt, 1, 's3') };
    for (const [rel, d] of Object.entries(files)) writeLocal(cli.dir, `sync-up/${rel}`, d);
    expectExit0('aws s3 sync (up)', await aws(['s3', 'sync', join(cli.dir, 'sync-up'), `s3://${bucket}/sync/`]));
    const listed = await step('ListObjectsV2 sync/', s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'sync/' })));
    expectEqual('keys after sync', (listed.Contents ?? []).map((c) => c.Key).sort(), Object.keys(files).map((k) => `sync/${k}`).sort());
    for (const [rel, d] of Object.entries(files)) await expectStored(s3, bucket, `sync/${rel}`, d);
  },
);

op.check(
  { id: 'AwsCli/s3-sync-down', timeoutMs: 300_000, spec: `${CLI}s3/sync.html`, level: 'required', skipIf, title: 'aws s3 sync s3://<bucket>/<prefix> <dir> → one file per object (keys with / as folders), same bytes',
    evidence: [doc(`${CLI}s3/sync.html`, 'Syncs directories and S3 prefixes. Recursively copies new and updated files from the source directory to the destination.')] },
  async ({ s3, bucket, cli, aws }) => {
    const objects = { 'x.txt': seeded(rt, 5, 'd1'), 'y/z.bin': seeded(rt, 300_000, 'd2') };
    for (const [rel, d] of Object.entries(objects)) await putSeeded(s3, bucket, `syncdown/${rel}`, d);
    const dir = join(cli.dir, 'sync-down');
    expectExit0('aws s3 sync (down)', await aws(['s3', 'sync', `s3://${bucket}/syncdown/`, dir]));
    for (const [rel, d] of Object.entries(objects)) expectFile(join(dir, rel), d);
  },
);

op.check(
  { id: 'AwsCli/s3api-checksum-algorithm', timeoutMs: 300_000, spec: `${CLI}s3api/put-object.html`, level: 'required', skipIf,
    title: 'aws s3api put-object --checksum-algorithm SHA256 → exit 0, the bytes stored, ChecksumSHA256 echoed',
    evidence: [
      doc(`${CLI}s3api/put-object.html`, 'Indicates the algorithm used to create the checksum for the object when you use the SDK.'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html#API_PutObject_ResponseSyntax', 'x-amz-checksum-sha256: The Base64 encoded, 256-bit SHA256 digest of the object.'),
    ] },
  async ({ s3, bucket, cli, aws }) => {
    const data = seeded(rt, 240_000, 'cks');
    const file = writeLocal(cli.dir, 'cks.bin', data);
    const r = await aws(['s3api', 'put-object', '--bucket', bucket, '--key', 'cks/k', '--body', file, '--checksum-algorithm', 'SHA256', '--output', 'json']);
    expectExit0('aws s3api put-object --checksum-algorithm SHA256', r);
    const sha = createHash('sha256').update(data).digest('base64');
    let out: { ChecksumSHA256?: string } = {};
    try {
      out = JSON.parse(r.stdout) as { ChecksumSHA256?: string };
    } catch {
      /* judged below */
    }
    await expectStored(s3, bucket, 'cks/k', data);
    expectEqual('ChecksumSHA256 in the put-object answer', out.ChecksumSHA256, sha);
  },
);
