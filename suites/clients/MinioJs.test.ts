/**
 * minio-js (npm `minio`, pinned): putObject of a stream, fPutObject above its part size
 * (multipart), listObjectsV2, and a presigned GET fetched with plain HTTP.
 */
import { Readable } from 'node:stream';
import { Client } from 'minio';
import { createBucket, expectEqual, fail, peer, step, operation } from '../../harness/api/index.ts';
import { clientSetup, clientStep, expectMultipartEtag, expectStored, md5, MiB, putSeeded, seeded, writeLocal } from './support.ts';

const op = operation('MinioJs', {
  buckets: { bucket: { hint: 'minio' } },
  setup: clientSetup((cli, rt) => {
    const u = new URL(cli.endpoint);
    const mc = new Client({
      endPoint: u.hostname,
      ...(u.port ? { port: Number(u.port) } : {}),
      useSSL: u.protocol === 'https:',
      accessKey: rt.credentials.accessKeyId,
      secretKey: rt.credentials.secretAccessKey,
      ...(rt.credentials.sessionToken ? { sessionToken: rt.credentials.sessionToken } : {}),
      region: rt.region,
      pathStyle: rt.pathStyle,
      partSize: 5 * MiB,
    });
    return { mc };
  }),
});
const { rt } = op;
const API = 'https://min.io/docs/minio/linux/developers/javascript/API.html';
const works = peer('https://github.com/minio/minio-js', 'MinIO JavaScript Library for Amazon S3 Compatible Cloud Storage (its README: works with any Amazon S3 compatible object storage, AWS S3 included)');

op.check(
  { id: 'MinioJs/put-stream', timeoutMs: 300_000, spec: API, level: 'optional', title: 'minio-js putObject of a stream (size unknown to the client) → the object holds the streamed bytes', evidence: [works] },
  async ({ s3, bucket, mc }) => {
    const data = seeded(rt, 300_000, 'ms');
    await clientStep('minio putObject (stream)', mc.putObject(bucket, 'stream.bin', Readable.from([data.subarray(0, 240_000), data.subarray(240_000)])));
    await expectStored(s3, bucket, 'stream.bin', data);
  },
);

op.check(
  { id: 'MinioJs/fput-multipart', timeoutMs: 300_000, spec: API, level: 'optional', title: 'minio-js fPutObject of a 6 MiB file above its 5 MiB part size (multipart, two parts) → the bytes, multipart ETag', evidence: [works] },
  async ({ s3, bucket, cli, mc }) => {
    const data = seeded(rt, 6 * MiB, 'mf');
    await clientStep('minio fPutObject', mc.fPutObject(bucket, 'fput.bin', writeLocal(cli.dir, 'fput.bin', data)));
    expectMultipartEtag(await expectStored(s3, bucket, 'fput.bin', data), 2);
  },
);

op.check(
  { id: 'MinioJs/list-objects-v2', timeoutMs: 300_000, spec: API, level: 'optional', title: 'minio-js listObjectsV2 (recursive) → every key with its size', evidence: [works] },
  async ({ s3, mc }) => {
    const name = await createBucket(rt, { hint: 'minils' });
    await putSeeded(s3, name, 'a', seeded(rt, 1, 'la'));
    await putSeeded(s3, name, 'p/b', seeded(rt, 22, 'lb'));
    const seen: string[] = [];
    await clientStep(
      'minio listObjectsV2',
      new Promise<void>((res, rej) => {
        const st = mc.listObjectsV2(name, '', true);
        st.on('data', (o: { name?: string; size?: number }) => seen.push(`${o.name}:${o.size}`));
        st.on('error', rej);
        st.on('end', () => res());
      }),
    );
    expectEqual('listObjectsV2 keys and sizes', seen, ['a:1', 'p/b:22']);
  },
);

op.check(
  { id: 'MinioJs/presigned-get', timeoutMs: 300_000, spec: API, level: 'optional', title: 'minio-js presignedGetObject, fetched with plain HTTP (no client) → 200 and the bytes', evidence: [works] },
  async ({ s3, bucket, mc }) => {
    const data = seeded(rt, 5000, 'mp');
    await putSeeded(s3, bucket, 'presigned.bin', data);
    const url = await clientStep('minio presignedGetObject', mc.presignedGetObject(bucket, 'presigned.bin', 300));
    const res = await step('GET of the presigned URL', fetch(url));
    expectEqual('status of the presigned GET', res.status, 200);
    const got = Buffer.from(await res.arrayBuffer());
    if (!got.equals(data)) fail('the presigned GET body differs from the object', `${data.length} bytes, md5 ${md5(data)}`, `${got.length} bytes, md5 ${md5(got)}`);
  },
);

