/**
 * aws-chunked uploads framed by the own signer: signed chunks (STREAMING-AWS4-HMAC-SHA256-PAYLOAD),
 * signed chunks with a signed trailer, and the unsigned trailer form the SDKs send by default
 * (STREAMING-UNSIGNED-PAYLOAD-TRAILER); what a target must store and what it must refuse.
 */
import { crc32 } from 'node:zlib';
import { CreateMultipartUploadCommand, GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { doc, expectEqual, expectHeader, expectRawError, expectS3Error, expectStatus, peer, recorded, s3, step, operation } from '../../harness/api/index.ts';
import { sendChunked } from '../../harness/api/sigv4.ts';
import { body, expectBytes, md5Etag } from './support.ts';

const op = operation('SigV4Streaming', { buckets: { bucket: { hint: 'stream' } } });
const { rt } = op;

async function readBack(bucket: string, key: string): Promise<{ data: Buffer; length: number | undefined }> {
  const out = await step('GetObject (read-back)', s3(rt).send(new GetObjectCommand({ Bucket: bucket, Key: key })));
  const data = Buffer.from(await (out.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
  return { data, length: out.ContentLength };
}

async function expectAbsent(bucket: string, key: string): Promise<void> {
  await expectS3Error(s3(rt).send(new HeadObjectCommand({ Bucket: bucket, Key: key })), { status: 404 }, `HeadObject ${JSON.stringify(key)} after the rejected upload (nothing stored)`);
}

/** The base64 CRC32 of `data` as x-amz-checksum-crc32 carries it. */
function crc32b64(data: Uint8Array): string {
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc32(data) >>> 0);
  return sum.toString('base64');
}

/** Flip one byte of `b` at `i`. */
function flip(b: Buffer, i: number): void {
  b[i] = (b[i] as number) ^ 0x01;
}

// ---- accepted ---------------------------------------------------------------------------------

op.check(
  {
    id: 'SigV4Streaming/put-accepted',
    spec: '#sigv4-chunked-body-definition',
    level: 'required',
    feature: 'streamingSigv4',
    title: 'PUT of 70000 bytes in signed 64 KiB chunks → 200; GET returns the decoded 70000 bytes, not the chunk framing',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html', 'For all requests, you must include the x-amz-decoded-content-length header, specifying the size of the object in bytes.'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html', 'You can send data in fixed size or variable size chunks.'),
    ],
  },
  async ({ bucket }) => {
    const data = body(rt, 70000, 'streaming');
    const res = await sendChunked(rt, { method: 'PUT', bucket, key: 'stream/ok' }, data, { chunkSize: 65536 });
    expectStatus(res, 200, 'chunked PUT');
    const back = await readBack(bucket, 'stream/ok');
    expectEqual('Content-Length of the stored object', back.length, 70000);
    expectBytes('GetObject', back.data, data);
  },
);

op.check(
  {
    id: 'SigV4Streaming/etag-of-decoded',
    spec: '#sigv4-chunked-body-definition',
    level: 'required',
    feature: 'streamingSigv4',
    title: 'signed-chunk PUT of 20000 bytes → the ETag answered is the MD5 of the 20000 decoded bytes, not of the framed body',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_Object.html', 'Objects created by the PUT Object, POST Object, or Copy operation, or through the AWS Management Console, and are encrypted by SSE-S3 or plaintext, have ETags that are an MD5 digest of their object data.'),
    ],
  },
  async ({ bucket }) => {
    const data = body(rt, 20000, 'streaming-etag');
    const res = await sendChunked(rt, { method: 'PUT', bucket, key: 'stream/etag' }, data, { chunkSize: 8192 });
    expectStatus(res, 200, 'chunked PUT');
    expectHeader(res.headers, 'etag', md5Etag(data));
  },
);

op.check(
  {
    id: 'SigV4Streaming/content-encoding-not-stored',
    spec: '#sigv4-chunked-body-definition',
    level: 'optional',
    feature: 'streamingSigv4',
    title: 'signed-chunk PUT with Content-Encoding: aws-chunked → HEAD of the object shows no aws-chunked Content-Encoding',
    evidence: [
      peer('https://github.com/aws/aws-sdk-java-v2/issues/5769#issuecomment-2594242699', 'an AWS engineer states that S3 removes aws-chunked from the Content-Encoding it stores'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3PutObjectChecksum::test_s3_checksum_with_content_encoding#get-object', 'an SDK upload with Content-Encoding gzip and a checksum: the object answers ContentEncoding "gzip" only'),
    ],
  },
  async ({ bucket }) => {
    const data = body(rt, 9000, 'streaming-ce');
    expectStatus(await sendChunked(rt, { method: 'PUT', bucket, key: 'stream/ce' }, data, { chunkSize: 8192 }), 200, 'chunked PUT');
    const head = await step('HeadObject', s3(rt).send(new HeadObjectCommand({ Bucket: bucket, Key: 'stream/ce' })));
    expectEqual('ContentEncoding of the stored object', head.ContentEncoding?.includes('aws-chunked') ? head.ContentEncoding : undefined, undefined);
  },
);

op.check(
  {
    id: 'SigV4Streaming/trailer-checksum',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming-trailers.html',
    level: 'optional',
    feature: 'streamingSigv4',
    title: 'signed chunks with a signed x-amz-checksum-crc32 trailer (STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER) → 200, bytes stored',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming-trailers.html', 'The trailing headers are included as their own chunk and sent after the final chunk with a payload of 0 bytes.'),
    ],
  },
  async ({ bucket }) => {
    const data = body(rt, 20000, 'streaming-trailer');
    const res = await sendChunked(rt, { method: 'PUT', bucket, key: 'stream/trailer' }, data, { chunkSize: 8192, trailers: { 'x-amz-checksum-crc32': crc32b64(data) } });
    expectStatus(res, 200, 'chunked PUT with trailer');
    expectBytes('GetObject', (await readBack(bucket, 'stream/trailer')).data, data);
  },
);

op.check(
  {
    id: 'SigV4Streaming/unsigned-trailer-accepted',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-auth-using-authorization-header.html',
    level: 'required',
    feature: 'streamingSigv4',
    title: 'STREAMING-UNSIGNED-PAYLOAD-TRAILER upload (plain chunks, x-amz-checksum-crc32 trailer, the SDK default) → 200, decoded bytes stored',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-auth-using-authorization-header.html', 'Use this when sending an unsigned payload over multiple chunks. In this case you also have a trailing header after the chunk is uploaded.'),
    ],
  },
  async ({ bucket }) => {
    const data = body(rt, 20000, 'streaming-unsigned');
    const res = await sendChunked(rt, { method: 'PUT', bucket, key: 'stream/unsigned' }, data, { chunkSize: 8192, unsigned: true, trailers: { 'x-amz-checksum-crc32': crc32b64(data) } });
    expectStatus(res, 200, 'unsigned-trailer PUT');
    const back = await readBack(bucket, 'stream/unsigned');
    expectEqual('Content-Length of the stored object', back.length, 20000);
    expectBytes('GetObject', back.data, data);
  },
);

// ---- rejected ---------------------------------------------------------------------------------

op.check(
  {
    id: 'SigV4Streaming/tampered-chunk',
    spec: '#sigv4-chunked-body-definition',
    level: 'optional',
    feature: 'streamingSigv4',
    title: 'a chunk changed after its chunk-signature was computed → 403 SignatureDoesNotMatch, nothing stored',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html', 'Each chunk signature calculation includes the signature of the previous chunk.'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'The request signature we calculated does not match the signature you provided. Check your AWS secret access key and signing method.'),
    ],
  },
  async ({ bucket }) => {
    const data = body(rt, 70000, 'streaming-tamper');
    const res = await sendChunked(rt, { method: 'PUT', bucket, key: 'stream/tampered' }, data, {
      chunkSize: 65536,
      // Flip one byte inside the second chunk's data (after the first chunk and the second header).
      tamper: (b) => flip(b, b.length - 200),
    });
    expectRawError(res, { status: 403, code: 'SignatureDoesNotMatch' });
    await expectAbsent(bucket, 'stream/tampered');
  },
);

op.check(
  {
    id: 'SigV4Streaming/tampered-trailer-signature',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming-trailers.html',
    level: 'optional',
    feature: 'streamingSigv4',
    title: 'signed chunks whose x-amz-trailer-signature does not match the trailer → 403 SignatureDoesNotMatch, nothing stored',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming-trailers.html', 'The trailing headers are included as their own chunk and sent after the final chunk with a payload of 0 bytes.'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'The request signature we calculated does not match the signature you provided. Check your AWS secret access key and signing method.'),
    ],
  },
  async ({ bucket }) => {
    const data = body(rt, 9000, 'streaming-trailer-sig');
    const res = await sendChunked(rt, { method: 'PUT', bucket, key: 'stream/trailer-sig' }, data, {
      chunkSize: 8192,
      trailers: { 'x-amz-checksum-crc32': crc32b64(data) },
      tamper: (b) => {
        const at = b.lastIndexOf('x-amz-trailer-signature:') + 'x-amz-trailer-signature:'.length;
        b[at] = b[at] === 0x30 ? 0x31 : 0x30; // another hex digit
      },
    });
    expectRawError(res, { status: 403, code: 'SignatureDoesNotMatch' });
    await expectAbsent(bucket, 'stream/trailer-sig');
  },
);

op.check(
  {
    id: 'SigV4Streaming/unsigned-trailer-bad-digest',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-auth-using-authorization-header.html',
    level: 'required',
    feature: 'streamingSigv4',
    title: 'STREAMING-UNSIGNED-PAYLOAD-TRAILER upload whose x-amz-checksum-crc32 trailer is the CRC32 of other bytes → 400 BadDigest, nothing stored',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3PutObjectChecksum::test_put_object_checksum[CRC32]#put-wrong-checksum-value', 'a CRC32 that does not match the body: 400 BadDigest "The CRC32 you specified did not match the calculated checksum."'),
      peer('https://github.com/versity/versitygw/blob/main/tests/integration/unsigned_streaming_payload_trailer.go', 'UnsignedStreamingPayloadTrailer_incorrect_trailing_checksum: a wrong trailing checksum → 400 BadDigest'),
    ],
  },
  async ({ bucket }) => {
    const data = body(rt, 9000, 'streaming-bad-digest');
    const res = await sendChunked(rt, { method: 'PUT', bucket, key: 'stream/bad-digest' }, data, { chunkSize: 8192, unsigned: true, trailers: { 'x-amz-checksum-crc32': crc32b64(Buffer.from('other bytes')) } });
    expectRawError(res, { status: 400, code: 'BadDigest' });
    await expectAbsent(bucket, 'stream/bad-digest');
  },
);

op.check(
  {
    id: 'SigV4Streaming/signed-trailer-bad-digest',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming-trailers.html',
    level: 'optional',
    feature: 'streamingSigv4',
    title: 'signed chunks with a correctly signed x-amz-checksum-crc32 trailer that is the CRC32 of other bytes → 400 BadDigest, nothing stored',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3PutObjectChecksum::test_put_object_checksum[CRC32]#put-wrong-checksum-value', 'a CRC32 that does not match the body: 400 BadDigest "The CRC32 you specified did not match the calculated checksum."'),
      peer('https://github.com/versity/versitygw/blob/main/tests/integration/signed_streaming_payload_trailer.go', 'SignedStreamingPayloadTrailer_bad_digest: a wrong trailing checksum → 400 BadDigest'),
    ],
  },
  async ({ bucket }) => {
    const data = body(rt, 9000, 'streaming-signed-bad-digest');
    const res = await sendChunked(rt, { method: 'PUT', bucket, key: 'stream/signed-bad-digest' }, data, { chunkSize: 8192, trailers: { 'x-amz-checksum-crc32': crc32b64(Buffer.from('other bytes')) } });
    expectRawError(res, { status: 400, code: 'BadDigest' });
    await expectAbsent(bucket, 'stream/signed-bad-digest');
  },
);

op.check(
  {
    id: 'SigV4Streaming/small-chunk',
    spec: '#sigv4-chunked-body-definition',
    level: 'optional',
    feature: 'streamingSigv4',
    title: 'signed chunks of 1000 bytes before the last one (minimum 8 KiB) → 400 InvalidChunkSizeError, nothing stored',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html', 'Chunk size must be at least 8 KB. We recommend a chunk size of a least 64 KB for better performance.'),
      peer('https://github.com/versity/versitygw/blob/main/tests/integration/signed_streaming_payload.go', 'SignedStreamingPayload_invalid_chunk_size: non-final chunks under 8192 bytes → 400 InvalidChunkSizeError "Only the last chunk is allowed to have a size less than 8192 bytes"'),
    ],
  },
  async ({ bucket }) => {
    const data = body(rt, 20000, 'streaming-small-chunk');
    const res = await sendChunked(rt, { method: 'PUT', bucket, key: 'stream/small-chunk' }, data, { chunkSize: 1000 });
    expectRawError(res, { status: 400, code: 'InvalidChunkSizeError' });
    await expectAbsent(bucket, 'stream/small-chunk');
  },
);

const LENGTHS = [
  { id: 'SigV4Streaming/decoded-length-larger', declared: 9010, what: 'larger' },
  { id: 'SigV4Streaming/decoded-length-smaller', declared: 8990, what: 'smaller' },
];
for (const l of LENGTHS) {
  op.check(
    {
      id: l.id,
      spec: '#sigv4-chunked-body-definition',
      level: 'optional',
      feature: 'streamingSigv4',
      title: `signed chunks carrying 9000 bytes with x-amz-decoded-content-length ${l.declared} (${l.what}) → 400 IncompleteBody, nothing stored`,
      evidence: [
        doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html', 'For all requests, you must include the x-amz-decoded-content-length header, specifying the size of the object in bytes.'),
        peer('https://github.com/versity/versitygw/blob/main/tests/integration/signed_streaming_payload.go', 'SignedStreamingPayload_decoded_content_length_mismatch: 8 or 12 bytes sent with x-amz-decoded-content-length 10 → 400 IncompleteBody'),
      ],
    },
    async ({ bucket }) => {
      const key = `stream/length-${l.what}`;
      const data = body(rt, 9000, `streaming-length-${l.what}`);
      const res = await sendChunked(rt, { method: 'PUT', bucket, key }, data, { chunkSize: 8192, decodedLength: l.declared });
      expectRawError(res, { status: 400, code: 'IncompleteBody' });
      await expectAbsent(bucket, key);
    },
  );
}

op.check(
  {
    id: 'SigV4Streaming/malformed-framing',
    spec: '#sigv4-chunked-body-definition',
    level: 'optional',
    feature: 'streamingSigv4',
    title: 'signed chunks whose first chunk header uses ":" instead of ";chunk-signature=" separator → 400 IncompleteBody, nothing stored',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html', 'string(IntHexBase(chunk-size)) + ";chunk-signature=" + signature + \\r\\n + chunk-data + \\r\\n'),
      peer('https://github.com/versity/versitygw/blob/main/tests/integration/signed_streaming_payload.go', 'SignedStreamingPayload_invalid_encoding: a chunk header with a wrong delimiter, a missing chunk-signature or a short signature → 400 IncompleteBody'),
    ],
  },
  async ({ bucket }) => {
    const data = body(rt, 9000, 'streaming-framing');
    const res = await sendChunked(rt, { method: 'PUT', bucket, key: 'stream/framing' }, data, {
      chunkSize: 8192,
      tamper: (b) => {
        const at = b.indexOf(';chunk-signature=');
        b[at] = 0x3a; // ':'
      },
    });
    expectRawError(res, { status: 400, code: 'IncompleteBody' });
    await expectAbsent(bucket, 'stream/framing');
  },
);

op.check(
  {
    id: 'SigV4Streaming/trailer-without-x-amz-trailer',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming-trailers.html',
    level: 'optional',
    feature: 'streamingSigv4',
    title: 'signed chunks with a trailer but no x-amz-trailer header announcing it → 400 MalformedTrailerError, nothing stored',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming-trailers.html', 'You must set x-amz-trailer to indicate the contents your are including in your trailing header.'),
      peer('https://github.com/versity/versitygw/blob/main/tests/integration/signed_streaming_payload_trailer.go', 'SignedStreamingPayloadTrailer_missing_x_amz_trailer_header: → 400 MalformedTrailerError'),
    ],
  },
  async ({ bucket }) => {
    const data = body(rt, 9000, 'streaming-no-x-amz-trailer');
    const res = await sendChunked(rt, { method: 'PUT', bucket, key: 'stream/no-trailer-header' }, data, {
      chunkSize: 8192,
      trailers: { 'x-amz-checksum-crc32': crc32b64(data) },
      omitTrailerHeader: true,
    });
    expectRawError(res, { status: 400, code: 'MalformedTrailerError' });
    await expectAbsent(bucket, 'stream/no-trailer-header');
  },
);

op.check(
  {
    id: 'SigV4Streaming/malformed-trailer',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming-trailers.html',
    level: 'optional',
    feature: 'streamingSigv4',
    title: 'STREAMING-UNSIGNED-PAYLOAD-TRAILER upload whose trailer line has no ":" ("x-amz-checksum-crc32=…") → 400 MalformedTrailerError, nothing stored',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming-trailers.html', 'You must set x-amz-trailer to indicate the contents your are including in your trailing header.'),
      peer('https://github.com/versity/versitygw/blob/main/tests/integration/unsigned_streaming_payload_trailer.go', 'UnsignedStreaminPayloadTrailer_malformed_trailer: a trailer that is not well-formed → 400 MalformedTrailerError'),
    ],
  },
  async ({ bucket }) => {
    const data = body(rt, 9000, 'streaming-malformed-trailer');
    const res = await sendChunked(rt, { method: 'PUT', bucket, key: 'stream/malformed-trailer' }, data, {
      chunkSize: 8192,
      unsigned: true,
      trailers: { 'x-amz-checksum-crc32': crc32b64(data) },
      tamper: (b) => {
        const at = b.lastIndexOf('x-amz-checksum-crc32:') + 'x-amz-checksum-crc32'.length;
        b[at] = 0x3d; // '='
      },
    });
    expectRawError(res, { status: 400, code: 'MalformedTrailerError' });
    await expectAbsent(bucket, 'stream/malformed-trailer');
  },
);

op.check(
  {
    id: 'SigV4Streaming/unsigned-trailer-empty-body',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-auth-using-authorization-header.html',
    level: 'optional',
    feature: 'streamingSigv4',
    title: 'STREAMING-UNSIGNED-PAYLOAD-TRAILER upload of 0 bytes (only the final chunk and the trailer) → 200, an empty object',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-auth-using-authorization-header.html', 'Use this when sending an unsigned payload over multiple chunks. In this case you also have a trailing header after the chunk is uploaded.'),
      peer('https://github.com/versity/versitygw/blob/main/tests/integration/unsigned_streaming_payload_trailer.go', 'UnsignedStreamingPayloadTrailer_no_payload_trailer_only_headers: an empty payload with a trailer is stored as an empty object'),
    ],
  },
  async ({ bucket }) => {
    const data = Buffer.alloc(0);
    const res = await sendChunked(rt, { method: 'PUT', bucket, key: 'stream/empty' }, data, { chunkSize: 8192, unsigned: true, trailers: { 'x-amz-checksum-crc32': crc32b64(data) } });
    expectStatus(res, 200, 'unsigned-trailer PUT of 0 bytes');
    const back = await readBack(bucket, 'stream/empty');
    expectEqual('Content-Length of the stored object', back.length, 0);
  },
);

op.check(
  {
    id: 'SigV4Streaming/unsigned-trailer-invalid-checksum',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-auth-using-authorization-header.html',
    level: 'optional',
    feature: 'streamingSigv4',
    title: 'STREAMING-UNSIGNED-PAYLOAD-TRAILER upload whose x-amz-checksum-crc32 trailer is not a base64 CRC32 ("invalid_checksum") → 400 InvalidRequest, nothing stored',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3PutObjectChecksum::test_put_object_checksum[CRC32]#put-wrong-checksum-no-b64', 'a CRC32 value that is not base64 of 4 bytes: 400 InvalidRequest "Value for x-amz-checksum-crc32 header is invalid."'),
      peer('https://github.com/versity/versitygw/blob/main/tests/integration/unsigned_streaming_payload_trailer.go', 'UnsignedStreamingPayloadTrailer_invalid_trailing_checksum: → 400 InvalidRequest "Value for x-amz-checksum-… trailing header is invalid."'),
    ],
  },
  async ({ bucket }) => {
    const data = body(rt, 9000, 'streaming-invalid-checksum');
    const res = await sendChunked(rt, { method: 'PUT', bucket, key: 'stream/invalid-checksum' }, data, { chunkSize: 8192, unsigned: true, trailers: { 'x-amz-checksum-crc32': 'invalid_checksum' } });
    expectRawError(res, { status: 400, code: 'InvalidRequest' });
    await expectAbsent(bucket, 'stream/invalid-checksum');
  },
);

op.check(
  {
    id: 'SigV4Streaming/decoded-length-invalid',
    spec: '#sigv4-chunked-body-definition',
    level: 'optional',
    feature: 'streamingSigv4',
    title: 'STREAMING-UNSIGNED-PAYLOAD-TRAILER upload with x-amz-decoded-content-length "abc" → 411 MissingContentLength, nothing stored',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html', 'For all requests, you must include the x-amz-decoded-content-length header, specifying the size of the object in bytes.'),
      peer('https://github.com/versity/versitygw/blob/main/tests/integration/unsigned_streaming_payload_trailer.go', 'UnsignedStreamingPayloadTrailer_missing_invalid_dec_content_length: a missing or non-numeric x-amz-decoded-content-length → 411 MissingContentLength'),
    ],
  },
  async ({ bucket }) => {
    const data = body(rt, 9000, 'streaming-length-invalid');
    const res = await sendChunked(rt, { method: 'PUT', bucket, key: 'stream/length-invalid' }, data, { chunkSize: 8192, unsigned: true, decodedLength: 'abc', trailers: { 'x-amz-checksum-crc32': crc32b64(data) } });
    expectRawError(res, { status: 411, code: 'MissingContentLength' });
    await expectAbsent(bucket, 'stream/length-invalid');
  },
);

op.check(
  {
    id: 'SigV4Streaming/upload-part-unsigned-trailer',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-auth-using-authorization-header.html',
    level: 'optional',
    feature: 'streamingSigv4',
    title: 'UploadPart sent as STREAMING-UNSIGNED-PAYLOAD-TRAILER (the SDK default) → 200 with ETag = MD5 of the decoded part',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-auth-using-authorization-header.html', 'Use this when sending an unsigned payload over multiple chunks. In this case you also have a trailing header after the chunk is uploaded.'),
      peer('https://github.com/versity/versitygw/blob/main/tests/integration/unsigned_streaming_payload_trailer.go', 'UnsignedStreamingPayloadTrailer_UploadPart_success_with_trailer: an UploadPart with a trailing checksum succeeds'),
    ],
  },
  async ({ bucket }) => {
    const key = 'stream/part';
    const up = await step('CreateMultipartUpload', s3(rt).send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key })));
    const data = body(rt, 9000, 'streaming-part');
    const res = await sendChunked(rt, { method: 'PUT', bucket, key, query: { partNumber: '1', uploadId: up.UploadId ?? '' } }, data, { chunkSize: 8192, unsigned: true, trailers: { 'x-amz-checksum-crc32': crc32b64(data) } });
    expectStatus(res, 200, 'unsigned-trailer UploadPart');
    expectHeader(res.headers, 'etag', md5Etag(data));
  },
);
