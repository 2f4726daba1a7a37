/**
 * boto3 (Debian python3-boto3) used as the provider's guide shows: its `Boto3Example` class
 * (a client with region, endpoint and keys), plus the transfer manager's upload_file and
 * download_file above the multipart threshold. One python3 process per file runs every call. The guide's class is run as printed, except for
 * its delete() typo (`Key=keys`, a NameError as printed), and path-style addressing where the
 * target uses it (botocore's `addressing_style`).
 */
import { join } from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { adoptBucket, createBucket, doc, expectEqual, fail, newBucketName, providerDoc, step, operation, type Runtime } from '../../harness/api/index.ts';
import { missingBoto3, pythonSession, type ClientSession, type PythonSession } from '../../harness/api/clients.ts';
import { clientSetup, expectExit0, expectFile, expectGone, expectMultipartEtag, expectStored, headBucket, headObject, MiB, putSeeded, seeded, writeLocal } from './support.ts';

const op = operation('Boto3', {
  buckets: { bucket: { hint: 'boto3' } },
  setup: clientSetup(async (cli, rt) => botoRunner(cli, rt), ({ py }) => py.close()),
});
const { rt } = op;
const GUIDE = 'NHN Cloud Object Storage, Amazon S3 Compatible API Guide, "AWS SDK for Python (Boto3)"';
const PY_GUIDE = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/example_s3_Scenario_GettingStarted_section.html';
const BOTO = 'https://boto3.amazonaws.com/v1/documentation/api/latest/reference/services/s3/client/';
// Decided when the file is collected (skipIf is read as each check is registered): without an
// importable boto3 every check of the file is skipped with the reason, none runs and fails.
const reason = await missingBoto3();
const skipIf = (): string | undefined => reason;

/** The guide's class (verbatim but for the typo noted above), built anew for every call. */
const SCRIPT = `
import io, json, os, sys
import boto3
from botocore.config import Config

class Boto3Example(object):
    _REGION = os.environ['S3C_REGION']
    _ENDPOINT = os.environ['S3C_ENDPOINT']
    _ACCESS = os.environ['AWS_ACCESS_KEY_ID']
    _SECRET = os.environ['AWS_SECRET_ACCESS_KEY']

    def __init__(self):
        self.s3 = boto3.client(service_name='s3',
                               region_name=self._REGION,
                               endpoint_url=self._ENDPOINT,
                               aws_access_key_id=self._ACCESS,
                               aws_secret_access_key=self._SECRET,
                               config=Config(s3={'addressing_style': os.environ['S3C_ADDRESSING']}))

    def create_bucket(self, bucket_name):
        return self.s3.create_bucket(Bucket=bucket_name)

    def list_buckets(self):
        response = self.s3.list_buckets()
        return response.get('Buckets')

    def list_objs(self, bucket_name):
        response = self.s3.list_objects_v2(Bucket=bucket_name)
        return response.get('Contents')

    def delete_bucket(self, bucket_name):
        return self.s3.delete_bucket(Bucket=bucket_name)

    def upload(self, bucket_name, key, filename):
        with open(filename, 'rb') as fd:
            return self.s3.put_object(Bucket=bucket_name, Key=key, Body=fd)

    def download(self, bucket_name, key, filename):
        response = self.s3.get_object(Bucket=bucket_name, Key=key)

        with io.FileIO(filename, 'w') as fd:
            for chunk in response['Body']:
                fd.write(chunk)
        response.pop('Body')

        return response

    def delete(self, bucket_name, key):
        return self.s3.delete_object(Bucket=bucket_name, Key=key)

def dispatch(call):
    ex = Boto3Example()
    name, args = call['name'], call['args']
    if name == 'upload_file':
        ex.s3.upload_file(*args)
        return None
    if name == 'download_file':
        ex.s3.download_file(*args)
        return None
    return getattr(ex, name)(*args)
`;

/** boto3 is loaded once for the file (harness pythonSession, its process started by the first call); each call builds the guide's class anew. */
function botoRunner(cli: ClientSession, rt: Runtime): { py: PythonSession; boto: (name: string, ...args: string[]) => Promise<unknown> } {
  const py = pythonSession(cli, SCRIPT, { S3C_REGION: rt.region, S3C_ENDPOINT: cli.endpoint, S3C_ADDRESSING: rt.pathStyle ? 'path' : 'virtual' });
  return {
    py,
    boto: async (name, ...args) => {
      const r = await py.call({ name, args }, 240_000);
      expectExit0(`boto3 ${name}`, r);
      try {
        return JSON.parse(r.stdout.trim().split('\n').pop() ?? 'null') as unknown;
      } catch {
        return fail(`boto3 ${name}: unreadable output`, 'one JSON line', r.stdout.slice(-200));
      }
    },
  };
}

const guide = (quote: string) => providerDoc(GUIDE, quote);

op.check(
  { id: 'Boto3/guide-create-bucket', timeoutMs: 300_000, spec: `${BOTO}create_bucket.html`, level: 'required', skipIf, title: "the guide's create_bucket(name) → the bucket exists (HeadBucket 200)",
    evidence: [doc(PY_GUIDE, 'Create a bucket and upload a file to it.'), guide('return self.s3.create_bucket(Bucket=bucket_name)')] },
  async ({ s3, boto }) => {
    const name = newBucketName(rt, 'botomb');
    adoptBucket(rt, name);
    await boto('create_bucket', name);
    await step('HeadBucket of the bucket boto3 made', headBucket(s3, name));
  },
);

op.check(
  { id: 'Boto3/guide-list-buckets', timeoutMs: 300_000, spec: `${BOTO}list_buckets.html`, level: 'required', skipIf, title: "the guide's list_buckets() → includes the run's bucket",
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListBuckets.html', 'Returns a list of all buckets owned by the authenticated sender of the request.'), guide("response = self.s3.list_buckets()")] },
  async ({ bucket, boto }) => {
    const buckets = (await boto('list_buckets')) as Array<{ Name?: string }> | null;
    expectEqual("the run's bucket in list_buckets()", (buckets ?? []).some((b) => b.Name === bucket), true);
  },
);

op.check(
  { id: 'Boto3/guide-list-objects', timeoutMs: 300_000, spec: `${BOTO}list_objects_v2.html`, level: 'required', skipIf, title: "the guide's list_objs(bucket) → the keys and sizes stored",
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html', 'Returns some or all (up to 1,000) of the objects in a bucket with each request.'), guide('response = self.s3.list_objects_v2(Bucket=bucket_name)')] },
  async ({ s3, boto }) => {
    const name = await createBucket(rt, { hint: 'botols' });
    await putSeeded(s3, name, 'a', seeded(rt, 3, 'la'));
    await putSeeded(s3, name, 'b/c', seeded(rt, 5, 'lb'));
    const contents = (await boto('list_objs', name)) as Array<{ Key?: string; Size?: number }> | null;
    expectEqual('list_objs keys and sizes', (contents ?? []).map((c) => `${c.Key}:${c.Size}`), ['a:3', 'b/c:5']);
  },
);

op.check(
  { id: 'Boto3/guide-upload', timeoutMs: 300_000, spec: `${BOTO}put_object.html`, level: 'required', skipIf, title: "the guide's upload(bucket, key, file) (put_object of a file object) → the object holds the file's bytes",
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html', 'Adds an object to a bucket.'), guide("return self.s3.put_object(Bucket=bucket_name, Key=key, Body=fd)")] },
  async ({ s3, bucket, cli, boto }) => {
    const data = seeded(rt, 300_000, 'bu');
    await boto('upload', bucket, 'guide/up.bin', writeLocal(cli.dir, 'bu.bin', data));
    await expectStored(s3, bucket, 'guide/up.bin', data);
  },
);

op.check(
  { id: 'Boto3/guide-download', timeoutMs: 300_000, spec: `${BOTO}get_object.html`, level: 'required', skipIf, title: "the guide's download(bucket, key, file) (get_object streamed to a file) → the file holds the object's bytes",
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html', 'Retrieves an object from Amazon S3.'), guide("response = self.s3.get_object(Bucket=bucket_name, Key=key)")] },
  async ({ s3, bucket, cli, boto }) => {
    const data = seeded(rt, 300_000, 'bd');
    await putSeeded(s3, bucket, 'guide/down.bin', data);
    const out = join(cli.dir, 'bd.bin');
    await boto('download', bucket, 'guide/down.bin', out);
    expectFile(out, data);
  },
);

op.check(
  { id: 'Boto3/guide-delete', timeoutMs: 300_000, spec: `${BOTO}delete_object.html`, level: 'required', skipIf, title: "the guide's delete(bucket, key) → the object is gone (HeadObject 404)",
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObject.html', 'Removes an object from a bucket.'), guide('return self.s3.delete_object(Bucket=bucket_name, Key=keys)')] },
  async ({ s3, bucket, boto }) => {
    await putSeeded(s3, bucket, 'guide/del', seeded(rt, 10, 'bdel'));
    await boto('delete', bucket, 'guide/del');
    await expectGone('HeadObject after delete()', () => headObject(s3, bucket, 'guide/del'));
  },
);

op.check(
  { id: 'Boto3/guide-delete-bucket', timeoutMs: 300_000, spec: `${BOTO}delete_bucket.html`, level: 'required', skipIf, title: "the guide's delete_bucket(name) of an empty bucket → the bucket is gone (HeadBucket 404)",
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteBucket.html', 'Deletes the S3 bucket. All objects (including all object versions and delete markers) in the bucket must be deleted before the bucket itself can be deleted.'), guide('return self.s3.delete_bucket(Bucket=bucket_name)')] },
  async ({ s3, boto }) => {
    const name = await createBucket(rt, { hint: 'botorb' });
    await boto('delete_bucket', name);
    await expectGone('HeadBucket after delete_bucket()', () => headBucket(s3, name));
  },
);

op.check(
  { id: 'Boto3/upload-file-multipart', timeoutMs: 300_000, spec: `${BOTO}upload_file.html`, level: 'required', skipIf,
    title: 'boto3 upload_file of a 9 MiB file (above the 8 MiB multipart threshold: two parts, sent concurrently) → the bytes, multipart ETag',
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html', 'In general, when your object size reaches 100 MB, you should consider using multipart uploads instead of uploading the object in a single operation.'), doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html', 'Completes a multipart upload by assembling previously uploaded parts.')] },
  async ({ s3, bucket, cli, boto }) => {
    const data = seeded(rt, 9 * MiB, 'bmpu');
    await boto('upload_file', writeLocal(cli.dir, 'bmpu.bin', data), bucket, 'tm/up.bin');
    expectMultipartEtag(await expectStored(s3, bucket, 'tm/up.bin', data), 2);
  },
);

op.check(
  { id: 'Boto3/download-file', timeoutMs: 300_000, spec: `${BOTO}download_file.html`, level: 'required', skipIf,
    title: 'boto3 download_file of a 9 MiB object (above the 8 MiB threshold: two ranged GETs in parallel) → the file holds the bytes',
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html#API_GetObject_RequestSyntax', 'Range: Downloads the specified byte range of an object.')] },
  async ({ s3, bucket, cli, boto }) => {
    const data = seeded(rt, 9 * MiB, 'bdl');
    await putSeeded(s3, bucket, 'tm/down.bin', data);
    const out = join(cli.dir, 'bdl.bin');
    await boto('download_file', bucket, 'tm/down.bin', out);
    expectFile(out, data);
  },
);

op.check(
  { id: 'Boto3/guide-list-after-upload', timeoutMs: 300_000, spec: `${BOTO}list_objects_v2.html`, level: 'required', skipIf, title: "objects uploaded with the guide's upload() are listed by its list_objs() with their sizes",
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html', 'Returns some or all (up to 1,000) of the objects in a bucket with each request.')] },
  async ({ s3, cli, boto }) => {
    const name = await createBucket(rt, { hint: 'botoul' });
    await boto('upload', name, 'one.bin', writeLocal(cli.dir, 'one.bin', seeded(rt, 42, 'ul')));
    const contents = (await boto('list_objs', name)) as Array<{ Key?: string; Size?: number }> | null;
    expectEqual('list_objs after upload', (contents ?? []).map((c) => `${c.Key}:${c.Size}`), ['one.bin:42']);
    const listed = await step('ListObjectsV2 (suite SDK)', s3.send(new ListObjectsV2Command({ Bucket: name })));
    expectEqual('suite SDK listing after upload', (listed.Contents ?? []).map((c) => c.Key), ['one.bin']);
  },
);
