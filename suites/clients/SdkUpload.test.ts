/**
 * The AWS SDK for JavaScript's own `@aws-sdk/lib-storage` Upload: a parallel multipart upload with
 * the SDK's default integrity settings (the current SDKs send CRC32 checksums by default).
 */
import { Upload } from '@aws-sdk/lib-storage';
import { doc, makeClient, operation } from '../../harness/api/index.ts';
import { clientStep, expectMultipartEtag, expectStored, MiB, seeded } from './support.ts';

const op = operation('SdkUpload', { buckets: { bucket: { hint: 'libstor' } } });
const { rt } = op;
const LIB = 'https://docs.aws.amazon.com/AWSJavaScriptSDK/v3/latest/Package/-aws-sdk-lib-storage/';

op.check(
  { id: 'SdkUpload/parallel-multipart', timeoutMs: 300_000, spec: LIB, level: 'required',
    title: 'lib-storage Upload of 6 MiB in 5 MiB parts (two, sent concurrently: queueSize 4), SDK default checksums → the bytes, multipart ETag',
    evidence: [
      doc(LIB, 'Upload allows for easy and efficient uploading of buffers, blobs, or streams, using a configurable amount of concurrency to perform multipart uploads where possible.'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html', 'Completes a multipart upload by assembling previously uploaded parts.'),
    ] },
  async ({ s3, bucket }) => {
    const data = seeded(rt, 6 * MiB, 'lib');
    const client = makeClient(rt, { sdkDefaultChecksums: true });
    const up = new Upload({ client, params: { Bucket: bucket, Key: 'lib.bin', Body: data }, partSize: 5 * MiB, queueSize: 4, leavePartsOnError: false });
    await clientStep('lib-storage Upload.done()', up.done());
    expectMultipartEtag(await expectStored(s3, bucket, 'lib.bin', data), 2);
  },
);
