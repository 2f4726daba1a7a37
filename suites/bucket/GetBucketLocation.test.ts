import { beforeAll } from 'vitest';
import { check, createBucket, expectEqual, expectHeader, expectRawError, expectStatus, fail, newBucketName, raw, runtime } from '../../harness/api/index.ts';

const REF = 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketLocation.html';
const rt = runtime();
let bucket: string;
beforeAll(async () => {
  bucket = await createBucket(rt, { hint: 'loc' });
});

check(
  {
    id: 'GetBucketLocation/success',
    operation: 'GetBucketLocation',
    spec: `${REF}#API_GetBucketLocation_ResponseSyntax`,
    level: 'required',
    title: 'GET /<bucket>?location → 200 <LocationConstraint>: empty for us-east-1, else the region',
  },
  async () => {
    const res = await raw(rt, { method: 'GET', bucket, query: { location: '' } });
    expectStatus(res, 200, 'GetBucketLocation');
    const doc = res.xml();
    if (!doc || !('LocationConstraint' in doc)) fail('response body', '<LocationConstraint> document', res.text().slice(0, 200));
    const v = doc.LocationConstraint;
    const text = typeof v === 'string' ? v : typeof v === 'object' && v !== null ? String((v as Record<string, unknown>)['#text'] ?? '') : '';
    expectEqual('LocationConstraint', text, rt.region === 'us-east-1' ? '' : rt.region);
    expectHeader(res.headers, 'x-amz-request-id', /^\S+$/);
  },
);

check(
  { id: 'GetBucketLocation/no-such-bucket', operation: 'GetBucketLocation', spec: `${REF}#API_GetBucketLocation_Errors`, level: 'required', title: 'GET /<missing bucket>?location → 404 NoSuchBucket' },
  async () => {
    const res = await raw(rt, { method: 'GET', bucket: newBucketName(rt, 'missing'), query: { location: '' } });
    expectRawError(res, { status: 404, code: 'NoSuchBucket' }, 'GetBucketLocation');
  },
);

check(
  {
    id: 'GetBucketLocation/other-owner-denied',
    operation: 'GetBucketLocation',
    spec: `${REF}#API_GetBucketLocation_Errors`,
    level: 'required',
    title: "the second user's GET ?location of a private bucket → 403 AccessDenied",
    needs: ['alt'],
  },
  async () => {
    const res = await raw(rt, { method: 'GET', bucket, query: { location: '' }, auth: 'alt' });
    expectRawError(res, { status: 403, code: 'AccessDenied' }, 'GetBucketLocation by the second user');
  },
);
