/**
 * What the current @aws-sdk/client-s3 sends by default (requestChecksumCalculation
 * WHEN_SUPPORTED): an x-amz-checksum-crc32 header for buffered bodies, and for stream bodies an
 * aws-chunked upload with a trailing checksum. Many S3-compatible servers broke on it in 2025;
 * these optional checks show whether a provider accepts what the SDK sends out of the box.
 */
import { Readable } from 'node:stream';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { beforeAll } from 'vitest';
import { check, createBucket, expectEqual, makeClient, runtime, step } from '../../harness/api/index.ts';
import { API, expectBytes, expectGetMatches, quotedMd5 } from '../../harness/api/object.ts';
import { bytesFromSeed } from '../../fixtures/arbitraries/object.ts';

const REF = `${API}API_PutObject.html#API_PutObject_RequestSyntax`;
const CHECKSUMS = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html';
const rt = runtime();
let bucket: string;
let sdk: S3Client;
beforeAll(async () => {
  bucket = await createBucket(rt, { hint: 'sdkdef' });
  sdk = makeClient(rt, { sdkDefaultChecksums: true });
});

check(
  {
    id: 'PutObject/sdk-default-crc32-buffer',
    operation: 'PutObject',
    spec: REF,
    level: 'optional',
    title: 'SDK defaults, Buffer body (x-amz-checksum-crc32 header) → 200, ETag = MD5, stored byte for byte',
  },
  async () => {
    const body = bytesFromSeed(10_000, 31);
    const out = await step('PutObject with SDK default checksums', sdk.send(new PutObjectCommand({ Bucket: bucket, Key: 'crc32-buffer', Body: body })));
    expectEqual('PutObject ETag', out.ETag, quotedMd5(body));
    await expectGetMatches(rt, bucket, 'crc32-buffer', { body });
  },
);

check(
  {
    id: 'PutObject/sdk-default-aws-chunked-stream',
    operation: 'PutObject',
    spec: CHECKSUMS,
    level: 'optional',
    title: 'SDK defaults, stream body (aws-chunked, trailing x-amz-checksum-crc32) → 200, and the object is the payload, not the chunk framing',
  },
  async () => {
    const body = bytesFromSeed(70_000, 32);
    const out = await step(
      'PutObject (stream body) with SDK default checksums',
      sdk.send(new PutObjectCommand({ Bucket: bucket, Key: 'crc32-stream', Body: Readable.from([body.subarray(0, 30_000), body.subarray(30_000)]), ContentLength: body.length })),
    );
    expectEqual('PutObject ETag', out.ETag, quotedMd5(body));
    await expectGetMatches(rt, bucket, 'crc32-stream', { body });
  },
);

check(
  {
    id: 'GetObject/sdk-default-response-validation',
    operation: 'GetObject',
    spec: CHECKSUMS,
    level: 'optional',
    title: 'SDK defaults (response checksum validation on): GET of an object uploaded with a CRC32 checksum succeeds and returns the bytes',
  },
  async () => {
    const body = bytesFromSeed(5000, 33);
    await step('PutObject with SDK default checksums', sdk.send(new PutObjectCommand({ Bucket: bucket, Key: 'crc32-get', Body: body })));
    const out = await step('GetObject with SDK default checksums', sdk.send(new GetObjectCommand({ Bucket: bucket, Key: 'crc32-get', ChecksumMode: 'ENABLED' })));
    const got = await step('read the body (validates the checksum when one is returned)', (out.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
    expectBytes('GetObject body', got, body);
  },
);
