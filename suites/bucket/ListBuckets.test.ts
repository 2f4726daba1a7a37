import { CreateBucketCommand, DeleteBucketCommand, ListBucketsCommand } from '@aws-sdk/client-s3';
import { beforeAll } from 'vitest';
import fc from 'fast-check';
import { adoptBucket, check, createBucket, expectEqual, expectHeader, expectMatch, expectStatus, expectTrue, fail, ISO_TIMESTAMP, newBucketName, property, raw, runtime, step } from '../../harness/api/index.ts';

const REF = 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListBuckets.html';
const rt = runtime();
let bucket: string;
let createdAt: number;
beforeAll(async () => {
  createdAt = Date.now();
  bucket = await createBucket(rt, { hint: 'list' });
});

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
interface XBucket {
  Name?: string;
  CreationDate?: string;
}

async function listed(): Promise<XBucket[]> {
  const res = await raw(rt, { method: 'GET' });
  expectStatus(res, 200, 'ListBuckets');
  const doc = res.xml()?.ListAllMyBucketsResult as { Buckets?: { Bucket?: XBucket | XBucket[] } | string } | undefined;
  if (!doc) fail('ListBuckets body', '<ListAllMyBucketsResult>', res.text().slice(0, 200));
  return typeof doc.Buckets === 'object' ? asArray(doc.Buckets.Bucket) : [];
}

check(
  {
    id: 'ListBuckets/success-shape',
    operation: 'ListBuckets',
    spec: `${REF}#API_ListBuckets_ResponseSyntax`,
    level: 'required',
    title: 'GET / → 200 ListAllMyBucketsResult: Owner/ID, Buckets/Bucket with Name and ISO 8601 CreationDate, incl. the new bucket',
  },
  async () => {
    const res = await raw(rt, { method: 'GET' });
    expectStatus(res, 200, 'ListBuckets');
    const doc = res.xml()?.ListAllMyBucketsResult as { Owner?: { ID?: string }; Buckets?: { Bucket?: XBucket | XBucket[] } } | undefined;
    if (!doc) return fail('ListBuckets body', '<ListAllMyBucketsResult>', res.text().slice(0, 200));
    expectMatch('Owner/ID', doc.Owner?.ID, /\S/);
    const mine = asArray(doc.Buckets?.Bucket).find((b) => b.Name === bucket);
    if (!mine) return fail('the bucket created by this file', `<Bucket><Name>${bucket}</Name>…`, 'absent');
    expectMatch(`CreationDate of ${bucket}`, mine.CreationDate, ISO_TIMESTAMP);
    expectHeader(res.headers, 'x-amz-request-id', /^\S+$/);
  },
);

check(
  {
    id: 'ListBuckets/owner-is-bucket-owner',
    operation: 'ListBuckets',
    spec: `${REF}#API_ListBuckets_ResponseElements`,
    level: 'required',
    title: "ListBuckets Owner/ID is the sender's canonical ID: the Owner/ID GetBucketAcl shows for a bucket the sender created",
    feature: 'acl',
  },
  async () => {
    const list = await raw(rt, { method: 'GET' });
    expectStatus(list, 200, 'ListBuckets');
    const listed = (list.xml()?.ListAllMyBucketsResult as { Owner?: { ID?: string } } | undefined)?.Owner?.ID;
    const acl = await raw(rt, { method: 'GET', bucket, query: { acl: '' } });
    expectStatus(acl, 200, 'GetBucketAcl of the bucket this file created');
    const owner = (acl.xml()?.AccessControlPolicy as { Owner?: { ID?: string } } | undefined)?.Owner?.ID;
    expectMatch('GetBucketAcl Owner/ID', owner, /\S/);
    expectEqual('ListBuckets Owner/ID (= the bucket owner GetBucketAcl names)', listed, owner);
  },
);

check(
  {
    id: 'ListBuckets/creation-date',
    operation: 'ListBuckets',
    spec: `${REF}#API_ListBuckets_ResponseElements`,
    level: 'optional',
    title: "a new bucket's CreationDate is its creation time (within 10 minutes of the client's clock)",
  },
  async () => {
    const mine = (await listed()).find((b) => b.Name === bucket);
    const t = mine?.CreationDate ? Date.parse(mine.CreationDate) : NaN;
    expectTrue('CreationDate near the creation time', Math.abs(t - createdAt) < 600_000, `about ${new Date(createdAt).toISOString()}`, mine?.CreationDate);
  },
);

check(
  {
    id: 'ListBuckets/only-own-buckets',
    operation: 'ListBuckets',
    spec: `${REF}#API_ListBuckets_ResponseSyntax`,
    level: 'required',
    title: "the second user's ListBuckets does not list the main user's bucket",
    needs: ['alt'],
  },
  async ({ alt }) => {
    const out = await step('ListBuckets by the second user', alt().send(new ListBucketsCommand({})));
    const names = (out.Buckets ?? []).map((b) => b.Name);
    expectEqual(`"${bucket}" in the second user's list`, names.includes(bucket), false);
  },
);

const tag = `lp${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
let seq = 0;

property(
  {
    id: 'ListBuckets/tracks-create-delete',
    operation: 'ListBuckets',
    spec: `${REF}#API_ListBuckets_ResponseSyntax`,
    level: 'required',
    title: "after any sequence of CreateBucket/DeleteBucket, ListBuckets holds exactly this run's live buckets of the sequence",
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
    const names = new Set((await listed()).map((b) => b.Name));
    const present = all.filter((n) => names.has(n)).sort();
    expectEqual('buckets of this sequence in ListBuckets', present, [...live].sort());
    for (const name of live) await step(`DeleteBucket ${name}`, s3.send(new DeleteBucketCommand({ Bucket: name })));
  },
);
