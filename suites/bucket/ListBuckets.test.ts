import { CreateBucketCommand, DeleteBucketCommand, ListBucketsCommand } from '@aws-sdk/client-s3';
import fc from 'fast-check';
import {
  adoptBucket,
  doc,
  expectEqual,
  expectMatch,
  expectRawError,
  expectStatus,
  expectTrue,
  fail,
  ISO_TIMESTAMP,
  newBucketName,
  raw,
  recorded,
  step,
  type QueryValue,
  operation,
} from '../../harness/api/index.ts';
import { expectRequestIdHeaders, settle } from '../../harness/api/bucket.ts';

const LIST_BUCKETS = 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListBuckets.html';
const op = operation('ListBuckets', {
  buckets: { bucket: { hint: 'list' }, bucket2: { hint: 'list2' } },
  // The client's clock when the file's buckets were made (just after: the buckets are made before setup).
  setup: async () => ({ value: { createdAt: Date.now() } }),
});
const { rt } = op;

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
interface XBucket {
  Name?: string;
  CreationDate?: string;
  BucketRegion?: string;
}
interface XResult {
  Owner?: { ID?: string };
  Buckets?: { Bucket?: XBucket | XBucket[] } | string;
  ContinuationToken?: string;
  Prefix?: string;
}

async function listPage(query: Record<string, QueryValue> = {}): Promise<XResult & { buckets: XBucket[] }> {
  const res = await raw(rt, { method: 'GET', query });
  expectStatus(res, 200, `ListBuckets${Object.keys(query).length ? ` ?${Object.keys(query).join('&')}` : ''}`);
  const doc = res.xml()?.ListAllMyBucketsResult as XResult | undefined;
  if (!doc) return fail('ListBuckets body', '<ListAllMyBucketsResult>', res.text().slice(0, 200));
  return { ...doc, buckets: typeof doc.Buckets === 'object' ? asArray(doc.Buckets.Bucket) : [] };
}

async function listed(): Promise<XBucket[]> {
  return (await listPage()).buckets;
}

/** The listing once it names every one of `names` (bounded settle: bucket listings lag create/delete). */
async function listedWith(names: string[], query: Record<string, QueryValue> = {}) {
  return settle(rt, () => listPage(query), (p) => names.every((n) => p.buckets.some((b) => b.Name === n)));
}

op.check(
  {
    id: 'ListBuckets/success-shape',
    spec: '#API_ListBuckets_ResponseSyntax',
    level: 'required',
    title: 'GET / → 200 ListAllMyBucketsResult: Owner/ID, Buckets/Bucket with Name and ISO 8601 CreationDate, incl. the new bucket',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_delete_bucket_with_content#list-buckets', 'Buckets/Bucket with Name and CreationDate, Owner/ID')],
  },
  async ({ bucket }) => {
    const page = await listedWith([bucket]);
    expectMatch('Owner/ID', page.Owner?.ID, /\S/);
    const mine = page.buckets.find((b) => b.Name === bucket);
    if (!mine) return fail('the bucket created by this file', `<Bucket><Name>${bucket}</Name>…`, 'absent');
    expectMatch(`CreationDate of ${bucket}`, mine.CreationDate, ISO_TIMESTAMP);
  },
);

op.check(
  {
    id: 'ListBuckets/request-id-headers',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html',
    level: 'required',
    title: 'GET / → 200 with x-amz-request-id and x-amz-id-2',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html', 'x-amz-request-id: A value created by Amazon S3 that uniquely identifies the request.'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_create_bucket_head_bucket#head_bucket_filtered_header', 'AWS answers carry x-amz-id-2 and x-amz-request-id'),
    ],
  },
  async () => {
    const res = await raw(rt, { method: 'GET' });
    expectStatus(res, 200, 'ListBuckets');
    expectRequestIdHeaders(res);
  },
);

op.check(
  {
    id: 'ListBuckets/owner-is-bucket-owner',
    spec: '#API_ListBuckets_ResponseElements',
    level: 'required',
    title: "ListBuckets Owner/ID is the sender's canonical ID: the Owner/ID GetBucketAcl shows for a bucket the sender created",
    feature: 'acl',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_bucket_exists#get-bucket-acl', 'GetBucketAcl Owner/ID is the owner id'),
      doc(LIST_BUCKETS, 'Owner: The owner of the buckets listed.'),
    ],
  },
  async ({ bucket }) => {
    const list = await raw(rt, { method: 'GET' });
    expectStatus(list, 200, 'ListBuckets');
    const listedOwner = (list.xml()?.ListAllMyBucketsResult as XResult | undefined)?.Owner?.ID;
    const acl = await raw(rt, { method: 'GET', bucket, query: { acl: '' } });
    expectStatus(acl, 200, 'GetBucketAcl of the bucket this file created');
    const owner = (acl.xml()?.AccessControlPolicy as { Owner?: { ID?: string } } | undefined)?.Owner?.ID;
    expectMatch('GetBucketAcl Owner/ID', owner, /\S/);
    expectEqual('ListBuckets Owner/ID (= the bucket owner GetBucketAcl names)', listedOwner, owner);
  },
);

op.check(
  {
    id: 'ListBuckets/creation-date',
    spec: '#API_ListBuckets_ResponseElements',
    level: 'optional',
    title: "a new bucket's CreationDate is its creation time (within 10 minutes of the client's clock)",
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_Bucket.html', 'CreationDate: Date the bucket was created.')],
  },
  async ({ bucket, createdAt }) => {
    const mine = (await listedWith([bucket])).buckets.find((b) => b.Name === bucket);
    const t = mine?.CreationDate ? Date.parse(mine.CreationDate) : NaN;
    expectTrue('CreationDate near the creation time', Math.abs(t - createdAt) < 600_000, `about ${new Date(createdAt).toISOString()}`, mine?.CreationDate);
  },
);

op.check(
  {
    id: 'ListBuckets/only-own-buckets',
    spec: '#API_ListBuckets_ResponseSyntax',
    level: 'required',
    title: "the second user's ListBuckets does not list the main user's bucket",
    needs: ['alt'],
    evidence: [doc(LIST_BUCKETS, 'Returns a list of all buckets owned by the authenticated sender of the request.')],
  },
  async ({ alt, bucket }) => {
    const out = await step('ListBuckets by the second user', alt().send(new ListBucketsCommand({})));
    const names = (out.Buckets ?? []).map((b) => b.Name);
    expectEqual(`"${bucket}" in the second user's list`, names.includes(bucket), false);
  },
);

op.check(
  {
    id: 'ListBuckets/max-buckets',
    spec: '#API_ListBuckets_RequestSyntax',
    level: 'required',
    title: 'GET /?max-buckets=1 (the account holds 2+ buckets) → exactly one Bucket and a ContinuationToken',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListBuckets::test_list_buckets_with_max_buckets#list-objects-with-max-buckets'),
      doc(LIST_BUCKETS, 'max-buckets: Maximum number of buckets to be returned in response.'),
    ],
  },
  async ({ bucket, bucket2 }) => {
    await listedWith([bucket, bucket2]);
    const page = await listPage({ 'max-buckets': '1' });
    expectEqual('number of Bucket elements', page.buckets.length, 1);
    expectMatch('ContinuationToken', page.ContinuationToken, /\S/);
  },
);

op.check(
  {
    id: 'ListBuckets/continuation-token',
    spec: '#API_ListBuckets_RequestSyntax',
    level: 'required',
    title: 'paging GET / with max-buckets and continuation-token → pages within the limit, no bucket twice, every bucket of this file, last page without token',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListBuckets::test_list_buckets_with_continuation_token#list-objects-with-continuation'),
      doc(LIST_BUCKETS, 'ContinuationToken indicates to Amazon S3 that the list is being continued on this bucket with a token.'),
    ],
  },
  async ({ bucket, bucket2 }) => {
    const all = (await listedWith([bucket, bucket2])).buckets.length;
    const per = Math.max(1, Math.ceil(all / 4));
    const seen: string[] = [];
    let token: string | undefined;
    for (let page = 0; page < 40; page++) {
      const p = await listPage({ 'max-buckets': String(per), ...(token ? { 'continuation-token': token } : {}) });
      expectTrue('a page holds at most max-buckets buckets', p.buckets.length <= per, `<= ${per} (page ${page + 1})`, p.buckets.length);
      for (const b of p.buckets) {
        if (b.Name && seen.includes(b.Name)) fail(`page ${page + 1}: bucket listed twice`, 'each bucket once', b.Name);
        if (b.Name) seen.push(b.Name);
      }
      token = p.ContinuationToken;
      if (!token) break;
      if (page === 39) fail('pagination', 'a last page without ContinuationToken within 40 pages', 'still truncated');
    }
    for (const n of [bucket, bucket2]) expectTrue(`"${n}" in the paged listing`, seen.includes(n), 'listed', 'absent');
    if (all > per) expectTrue('the listing was paged', seen.length > per, `more than ${per} buckets over several pages`, seen.length);
  },
);

op.check(
  {
    id: 'ListBuckets/prefix',
    spec: '#API_ListBuckets_RequestSyntax',
    level: 'required',
    title: "GET /?prefix=<this file's first bucket> → exactly that bucket (not its sibling), and <Prefix> echoing the prefix",
    evidence: [
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListBuckets::test_list_buckets_by_prefix_with_case_sensitivity#list-objects-by-prefix-not-empty'),
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListBuckets::test_list_buckets_by_prefix_with_case_sensitivity#list-objects-by-prefix-empty'),
      doc(LIST_BUCKETS, 'prefix: Limits the response to bucket names that begin with the specified bucket name prefix.'),
    ],
  },
  async ({ bucket }) => {
    // The sibling bucket2 exists and does not start with the first bucket's name: a server that ignores prefix lists it.
    const page = await listedWith([bucket], { prefix: bucket });
    expectEqual("buckets listed under the prefix (this file's first bucket name)", page.buckets.map((b) => b.Name), [bucket]);
    expectEqual('Prefix', page.Prefix, bucket);
  },
);

op.check(
  {
    id: 'ListBuckets/bucket-region',
    spec: '#API_ListBuckets_ResponseSyntax',
    level: 'required',
    title: "GET /?prefix=<bucket> → its <Bucket> carries <BucketRegion>: the bucket's region",
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_create_bucket_aws_global#list-buckets', 'BucketRegion us-east-1 for a bucket created on the global endpoint'),
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListBuckets::test_list_buckets_by_bucket_region#list-objects-by-bucket-region-not-empty'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_Bucket.html', 'BucketRegion indicates the AWS region where the bucket is located. If the request contains at least one valid parameter, it is included in the response.'),
    ],
  },
  async ({ bucket }) => {
    const page = await listedWith([bucket], { prefix: bucket });
    const mine = page.buckets.find((b) => b.Name === bucket);
    expectEqual("BucketRegion of this file's bucket", mine?.BucketRegion, rt.region);
  },
);

op.check(
  {
    id: 'ListBuckets/bucket-region-filter',
    spec: '#API_ListBuckets_RequestSyntax',
    level: 'required',
    title: "GET /?bucket-region=<the run's region> → 200 listing this file's buckets (the filter keeps the buckets of that region)",
    evidence: [
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListBuckets::test_list_buckets_by_bucket_region#list-objects-by-bucket-region-not-empty', 'bucket-region of the bucket: the bucket is listed'),
      doc(LIST_BUCKETS, 'bucket-region: Limits the response to buckets that are located in the specified AWS Region.'),
    ],
  },
  async ({ bucket, bucket2 }) => {
    await listedWith([bucket, bucket2]);
    const names = (await listPage({ 'bucket-region': rt.region })).buckets.map((b) => b.Name);
    for (const n of [bucket, bucket2]) expectTrue(`"${n}" listed with bucket-region=${rt.region}`, names.includes(n), 'listed', 'absent');
  },
);

op.check(
  {
    id: 'ListBuckets/invalid-bucket-region',
    spec: '#API_ListBuckets_RequestSyntax',
    level: 'required',
    title: 'GET /?bucket-region=eu-east-1 (not an AWS Region) → 400 InvalidArgument with <ArgumentName>bucket-region',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListBuckets::test_list_buckets_region_validation#bad-region', 'ArgumentName "bucket-region", Message "Argument value eu-east-1 is not a valid AWS Region"'),
    ],
  },
  async () => {
    const res = await raw(rt, { method: 'GET', query: { 'bucket-region': 'eu-east-1' } });
    expectRawError(res, { status: 400, code: 'InvalidArgument' }, 'ListBuckets ?bucket-region=eu-east-1');
    expectEqual('Error/ArgumentName', res.error()?.argumentName, 'bucket-region');
  },
);

const tag = `lp${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
let seq = 0;

op.property(
  {
    id: 'ListBuckets/tracks-create-delete',
    spec: '#API_ListBuckets_ResponseSyntax',
    level: 'required',
    title: "after any sequence of CreateBucket/DeleteBucket, ListBuckets (once settled, bounded) holds exactly this run's live buckets of the sequence",
    evidence: [doc(LIST_BUCKETS, 'Returns a list of all buckets owned by the authenticated sender of the request.')],
    maxRuns: 3,
  },
  // Each step: create a new bucket (true) or delete the i-th live one (a number).
  { ops: fc.array(fc.oneof(fc.constant<true>(true), fc.nat(5)), { minLength: 1, maxLength: 4 }) },
  async ({ ops }, { s3 }) => {
    seq++;
    const live: string[] = [];
    const all: string[] = [];
    for (const op of ops) {
      if (op === true || live.length === 0) {
        const name = newBucketName(rt, `${tag}-${seq}`);
        adoptBucket(rt, name);
        await step(`CreateBucket ${name}`, s3.send(new CreateBucketCommand({ Bucket: name })));
        live.push(name);
        all.push(name);
      } else {
        const [name] = live.splice(op % live.length, 1);
        await step(`DeleteBucket ${name}`, s3.send(new DeleteBucketCommand({ Bucket: name })));
      }
    }
    const expected = [...live].sort();
    const presentOf = (buckets: XBucket[]) => {
      const names = new Set(buckets.map((b) => b.Name));
      return all.filter((n) => names.has(n)).sort();
    };
    const buckets = await settle(rt, listed, (b) => JSON.stringify(presentOf(b)) === JSON.stringify(expected));
    expectEqual('buckets of this sequence in ListBuckets', presentOf(buckets), expected);
    for (const name of live) await step(`DeleteBucket ${name}`, s3.send(new DeleteBucketCommand({ Bucket: name })));
  },
);
