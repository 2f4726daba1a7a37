/**
 * Signed-chunk uploads (STREAMING-AWS4-HMAC-SHA256-PAYLOAD), framed and signed by the own signer.
 */
import { crc32 } from 'node:zlib';
import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll } from 'vitest';
import { check, createBucket, expectEqual, expectRawError, expectS3Error, expectStatus, runtime, s3, step } from '../../harness/api/index.ts';
import { sendChunked } from '../../harness/api/sigv4.ts';
import { body, expectBytes, SPEC } from './support.ts';

const rt = runtime();
let bucket: string;
beforeAll(async () => {
  bucket = await createBucket(rt, { hint: 'stream' });
});

async function readBack(key: string): Promise<{ data: Buffer; length: number | undefined }> {
  const out = await step('GetObject (read-back)', s3(rt).send(new GetObjectCommand({ Bucket: bucket, Key: key })));
  const data = Buffer.from(await (out.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
  return { data, length: out.ContentLength };
}

check(
  { id: 'SigV4Streaming/put-accepted', operation: 'SigV4Streaming', spec: `${SPEC.streaming}#sigv4-chunked-body-definition`, level: 'required', feature: 'streamingSigv4',
    title: 'PUT of 70000 bytes in signed 64 KiB chunks → 200; GET returns the decoded 70000 bytes, not the chunk framing' },
  async () => {
    const data = body(rt, 70000, 'streaming');
    const res = await sendChunked(rt, { method: 'PUT', bucket, key: 'stream/ok' }, data, { chunkSize: 65536 });
    expectStatus(res, 200, 'chunked PUT');
    const back = await readBack('stream/ok');
    expectEqual('Content-Length of the stored object', back.length, 70000);
    expectBytes('GetObject', back.data, data);
  },
);

check(
  { id: 'SigV4Streaming/tampered-chunk', operation: 'SigV4Streaming', spec: `${SPEC.streaming}#sigv4-chunked-body-definition`, level: 'required', feature: 'streamingSigv4',
    title: 'a chunk changed after its chunk-signature was computed → 403 SignatureDoesNotMatch, nothing stored' },
  async () => {
    const data = body(rt, 70000, 'streaming-tamper');
    const res = await sendChunked(rt, { method: 'PUT', bucket, key: 'stream/tampered' }, data, {
      chunkSize: 65536,
      // Flip one byte inside the second chunk's data (after the first chunk and the second header).
      tamper: (b) => {
        const i = b.length - 200;
        b[i] = (b[i] as number) ^ 0xff;
      },
    });
    expectRawError(res, { status: 403, code: 'SignatureDoesNotMatch' });
    await expectS3Error(s3(rt).send(new HeadObjectCommand({ Bucket: bucket, Key: 'stream/tampered' })), { status: 404 }, 'HeadObject after the rejected upload');
  },
);

check(
  { id: 'SigV4Streaming/trailer-checksum', operation: 'SigV4Streaming', spec: SPEC.trailers, level: 'optional', feature: 'streamingSigv4',
    title: 'signed chunks with a signed x-amz-checksum-crc32 trailer (STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER) → 200, bytes stored' },
  async () => {
    const data = body(rt, 20000, 'streaming-trailer');
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc32(data) >>> 0);
    const res = await sendChunked(rt, { method: 'PUT', bucket, key: 'stream/trailer' }, data, { chunkSize: 8192, trailers: { 'x-amz-checksum-crc32': sum.toString('base64') } });
    expectStatus(res, 200, 'chunked PUT with trailer');
    expectBytes('GetObject', (await readBack('stream/trailer')).data, data);
  },
);
