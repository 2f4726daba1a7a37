/**
 * rclone (Debian): copy a directory up and `rclone check` it (hash comparison), and a multipart
 * upload. Configured only through RCLONE_CONFIG_* variables (no config file with keys).
 */
import { peer, operation } from '../../harness/api/index.ts';
import { missingTool, type ToolResult } from '../../harness/api/clients.ts';
import { clientSetup, expectExit0, expectMultipartEtag, expectStored, MiB, seeded, writeLocal } from './support.ts';
import { join } from 'node:path';

const op = operation('Rclone', {
  buckets: { bucket: { hint: 'rclone' } },
  setup: clientSetup((cli, rt) => ({
    rclone: (args: string[]): Promise<ToolResult> => {
      const c = rt.credentials;
      return cli.run('rclone', ['--config', '/dev/null', ...args], {
        timeoutMs: 240_000,
        env: {
          RCLONE_CONFIG_S3C_TYPE: 's3',
          RCLONE_CONFIG_S3C_PROVIDER: 'Other',
          RCLONE_CONFIG_S3C_ACCESS_KEY_ID: c.accessKeyId,
          RCLONE_CONFIG_S3C_SECRET_ACCESS_KEY: c.secretAccessKey,
          ...(c.sessionToken ? { RCLONE_CONFIG_S3C_SESSION_TOKEN: c.sessionToken } : {}),
          RCLONE_CONFIG_S3C_ENDPOINT: cli.endpoint,
          RCLONE_CONFIG_S3C_REGION: rt.region,
          RCLONE_CONFIG_S3C_FORCE_PATH_STYLE: rt.pathStyle ? 'true' : 'false',
        },
      });
    },
  })),
});
const { rt } = op;
const DOCS = 'https://rclone.org/s3/';
const works = peer('https://rclone.org/s3/', 'The S3 backend can be used with a number of different providers: AWS S3, … (rclone documents Amazon S3 as its first S3 provider)');
const skipIf = (): string | undefined => missingTool('rclone');

op.check(
  { id: 'Rclone/copy-and-check', timeoutMs: 300_000, spec: DOCS, level: 'optional', skipIf, title: 'rclone copy <dir> s3c:<bucket>/<prefix>, then rclone check (sizes and MD5 hashes) → identical', evidence: [works] },
  async ({ s3, bucket, cli, rclone }) => {
    const files = { 'a.txt': seeded(rt, 100, 'r1'), 'sub/b.bin': seeded(rt, 200_000, 'r2') };
    for (const [rel, d] of Object.entries(files)) writeLocal(cli.dir, `rc/${rel}`, d);
    expectExit0('rclone copy', await rclone(['copy', join(cli.dir, 'rc'), `s3c:${bucket}/rc`]));
    expectExit0('rclone check', await rclone(['check', join(cli.dir, 'rc'), `s3c:${bucket}/rc`]));
    for (const [rel, d] of Object.entries(files)) await expectStored(s3, bucket, `rc/${rel}`, d);
  },
);

op.check(
  { id: 'Rclone/multipart-upload', timeoutMs: 300_000, spec: DOCS, level: 'optional', skipIf, title: 'rclone copyto of a 6 MiB file with 5 MiB chunks (multipart, two parts) → the bytes, multipart ETag', evidence: [works] },
  async ({ s3, bucket, cli, rclone }) => {
    const data = seeded(rt, 6 * MiB, 'rmp');
    const args = ['copyto', '--s3-upload-cutoff', '5M', '--s3-chunk-size', '5M', writeLocal(cli.dir, 'rmp.bin', data), `s3c:${bucket}/rmp.bin`];
    expectExit0('rclone copyto (multipart)', await rclone(args));
    expectMultipartEtag(await expectStored(s3, bucket, 'rmp.bin', data), 2);
  },
);
