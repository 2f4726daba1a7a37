/**
 * s3cmd (Debian): put, get, ls, del, a multipart put, and SigV2 where the target claims it.
 * Configured through its own ~/.s3cfg in the session's HOME (path-style: host_bucket = host_base).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectMatch, peer, operation, type Runtime } from '../../harness/api/index.ts';
import { missingTool, type ClientSession, type ToolResult } from '../../harness/api/clients.ts';
import { clientSetup, expectExit0, expectFile, expectGone, expectMultipartEtag, expectStored, headObject, MiB, putSeeded, seeded, writeLocal } from './support.ts';

const op = operation('S3cmd', {
  buckets: { bucket: { hint: 's3cmd' } },
  setup: clientSetup((cli, rt) => {
    writeS3cfg(cli, rt);
    return { s3cmd: (args: string[], timeoutMs = 240_000): Promise<ToolResult> => cli.run('s3cmd', ['-c', join(cli.dir, '.s3cfg'), ...args], { timeoutMs }) };
  }),
});
const { rt } = op;
const USAGE = 'https://s3tools.org/usage';
const works = peer('https://s3tools.org/s3cmd', 'S3cmd is a free command line tool and client for uploading, retrieving and managing data in Amazon S3');
const skipIf = (): string | undefined => missingTool('s3cmd');

function writeS3cfg(cli: ClientSession, rt: Runtime): void {
  const u = new URL(cli.endpoint);
  const creds = rt.credentials;
  writeFileSync(
    join(cli.dir, '.s3cfg'),
    [
      '[default]',
      `access_key = ${creds.accessKeyId}`,
      `secret_key = ${creds.secretAccessKey}`,
      ...(creds.sessionToken ? [`access_token = ${creds.sessionToken}`] : []),
      `host_base = ${u.host}`,
      `host_bucket = ${rt.pathStyle ? u.host : `%(bucket)s.${u.host}`}`,
      `bucket_location = ${rt.region}`,
      `use_https = ${u.protocol === 'https:' ? 'True' : 'False'}`,
      'signature_v2 = False',
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
}

op.check(
  { id: 'S3cmd/put-get', timeoutMs: 300_000, spec: USAGE, level: 'optional', skipIf, title: 's3cmd put of a file, then s3cmd get → the object and the downloaded file hold the same bytes', evidence: [works] },
  async ({ s3, bucket, cli, s3cmd }) => {
    const data = seeded(rt, 200_000, 'pg');
    expectExit0('s3cmd put', await s3cmd(['put', writeLocal(cli.dir, 'pg.bin', data), `s3://${bucket}/pg.bin`]));
    await expectStored(s3, bucket, 'pg.bin', data);
    const out = join(cli.dir, 'pg-out.bin');
    expectExit0('s3cmd get', await s3cmd(['get', '--force', `s3://${bucket}/pg.bin`, out]));
    expectFile(out, data);
  },
);

op.check(
  { id: 'S3cmd/ls', timeoutMs: 300_000, spec: USAGE, level: 'optional', skipIf, title: 's3cmd ls s3://<bucket>/<prefix> → lists the objects with their sizes and the DIR prefixes', evidence: [works] },
  async ({ s3, bucket, s3cmd }) => {
    await putSeeded(s3, bucket, 'ls/one', seeded(rt, 777, 'l1'));
    await putSeeded(s3, bucket, 'ls/sub/two', seeded(rt, 1, 'l2'));
    const r = await s3cmd(['ls', `s3://${bucket}/ls/`]);
    expectExit0('s3cmd ls', r);
    expectMatch('s3cmd ls: the prefix', r.stdout, new RegExp(`DIR\\s+s3://${bucket}/ls/sub/`));
    expectMatch('s3cmd ls: the object and its size', r.stdout, new RegExp(`\\s777\\s+s3://${bucket}/ls/one`));
  },
);

op.check(
  { id: 'S3cmd/del', timeoutMs: 300_000, spec: USAGE, level: 'optional', skipIf, title: 's3cmd del s3://<bucket>/<key> → the object is gone (HeadObject 404)', evidence: [works] },
  async ({ s3, bucket, s3cmd }) => {
    await putSeeded(s3, bucket, 'del/k', seeded(rt, 5, 'del'));
    expectExit0('s3cmd del', await s3cmd(['del', `s3://${bucket}/del/k`]));
    await expectGone('HeadObject after s3cmd del', () => headObject(s3, bucket, 'del/k'));
  },
);

op.check(
  { id: 'S3cmd/multipart-put', timeoutMs: 300_000, spec: USAGE, level: 'optional', skipIf, title: 's3cmd put of a 6 MiB file in 5 MiB chunks (multipart, two parts) → the bytes, multipart ETag', evidence: [works] },
  async ({ s3, bucket, cli, s3cmd }) => {
    const data = seeded(rt, 6 * MiB, 'mp');
    expectExit0('s3cmd put --multipart-chunk-size-mb=5', await s3cmd(['put', '--multipart-chunk-size-mb=5', writeLocal(cli.dir, 'mp.bin', data), `s3://${bucket}/mp.bin`]));
    expectMultipartEtag(await expectStored(s3, bucket, 'mp.bin', data), 2);
  },
);

op.check(
  { id: 'S3cmd/signature-v2', timeoutMs: 300_000, spec: USAGE, level: 'optional', feature: 'sigv2', skipIf, title: 's3cmd --signature-v2 put, then get → the same bytes (targets that claim SigV2)', evidence: [works] },
  async ({ s3, bucket, cli, s3cmd }) => {
    const data = seeded(rt, 1000, 'v2');
    expectExit0('s3cmd --signature-v2 put', await s3cmd(['--signature-v2', 'put', writeLocal(cli.dir, 'v2.bin', data), `s3://${bucket}/v2.bin`]));
    await expectStored(s3, bucket, 'v2.bin', data);
    const out = join(cli.dir, 'v2-out.bin');
    expectExit0('s3cmd --signature-v2 get', await s3cmd(['--signature-v2', 'get', '--force', `s3://${bucket}/v2.bin`, out]));
    expectFile(out, data);
  },
);
