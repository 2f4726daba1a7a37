/**
 * ListObjectsV2 (GET /<bucket>?list-type=2), judged against the listing model
 * (harness/listing/model.ts) over the file's fixed key set (harness/listing/suite.ts). Every
 * judgement compares the core of the listing (keys in UTF-8 order, CommonPrefixes, IsTruncated,
 * continuation tokens); a check adds the fields its title names (`aspects`), so each response
 * field has its own check.
 */
import { AbortMultipartUploadCommand, CreateMultipartUploadCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { doc, expectEqual, expectHeader, expectRawError, expectS3Error, fail, newBucketName, peer, raw, recorded, step, operation, expectErrorEnvelope, ERROR_ENVELOPE_EVIDENCE, ERROR_ENVELOPE_SPEC } from '../../harness/api/index.ts';
import {
  DIR_KEY_BASE,
  DIR_KEYS,
  ECHO_ASPECTS,
  FIXTURE_KEYS,
  GATEWAY_BASE,
  GATEWAY_KEYS,
  listingFixture,
  listPage,
  MODEL_EXAMPLES,
  modelArbs,
  parseListing,
  PREFIX_ORDER_BASE,
  PREFIX_ORDER_KEYS,
  XML_UNSAFE_KEY,
  type KeyStore,
  type ModelInput,
} from '../../harness/api/listing.ts';

const op = operation('ListObjectsV2');
const { rt } = op;
const fx = listingFixture('v2');

const API = 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html';
const ORDER_DOC = doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/ListingKeysUsingAPIs.html', 'List results are always returned in UTF-8 binary order.');
const FETCH_OWNER_DOC = doc(`${API}#API_ListObjectsV2_RequestSyntax`, 'The owner field is not present in ListObjectsV2 by default. If you want to return the owner field with each key in the result, then set the FetchOwner field to true.');
const START_AFTER_DOC = doc(`${API}#API_ListObjectsV2_RequestSyntax`, 'StartAfter is where you want Amazon S3 to start listing from. Amazon S3 starts listing after this specified key. StartAfter can be any key in the bucket.');

// ---- an empty bucket (runs before the fixture is uploaded) ---------------------------------
op.check(
  {
    id: 'ListObjectsV2/empty-bucket',
    spec: '#API_ListObjectsV2_ResponseElements',
    level: 'required',
    title: 'listing an empty bucket → 200, no Contents, no CommonPrefixes, IsTruncated false',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_empty_bucket_fixture#list-obj-after-empty')],
  },
  async (c) => {
    if (fx.uploaded()) c.note('the fixture was already uploaded (filtered run): listing an empty prefix instead');
    const store: KeyStore = new Map();
    await fx.judgeStore(c, store, fx.uploaded() ? { prefix: 'no-such-prefix/' } : {});
  },
);

op.check(
  {
    id: 'ListObjectsV2/no-such-bucket',
    spec: '#API_ListObjectsV2_Errors',
    level: 'required',
    title: 'listing a bucket that does not exist → 404 NoSuchBucket',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList', 'NoSuchBucket | The specified bucket does not exist. | 404 Not Found'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_bucket_does_not_exist#list_object', 'the listing of a missing bucket'),
    ],
  },
  async (c) => {
    const missing = newBucketName(rt, 'missing');
    await fx.settledRun(() => expectS3Error(c.s3.send(new ListObjectsV2Command({ Bucket: missing })), { status: 404, code: 'NoSuchBucket' }));
  },
);

op.check(
  {
    id: 'ListObjectsV2/no-such-bucket-names-bucket',
    spec: '#API_ListObjectsV2_Errors',
    level: 'required',
    title: 'the NoSuchBucket error of a listing names the missing bucket in <BucketName>, exactly',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_bucket_does_not_exist#list_object', 'the listing of a missing bucket: BucketName = the requested bucket (masked <bucket-name:1>)'), recorded('tests/aws/services/s3/test_s3.py::TestS3::test_bucket_exists#get-bucket-not-exists', 'GetBucketAcl of "bucket-not-exists": BucketName "bucket-not-exists", the name requested')],
  },
  async () => {
    const missing = newBucketName(rt, 'missing');
    const res = await raw(rt, { method: 'GET', bucket: missing, query: { 'list-type': '2' } });
    expectRawError(res, { status: 404, code: 'NoSuchBucket' }, 'listing of a missing bucket');
    expectEqual('<Error><BucketName>', res.error()?.bucketName, missing);
  },
);

// ---- the fixture -----------------------------------------------------------------------------
op.check(
  {
    id: 'ListObjectsV2/utf8-binary-order',
    spec: '#API_ListObjectsV2_ResponseElements',
    level: 'required',
    title: 'all keys, no delimiter → Contents in UTF-8 binary order (é < Ａ < 😀), not UTF-16 order',
    evidence: [ORDER_DOC, recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjectsV2::test_list_objects_v2_continuation_start_after#list-objects-v2-max-5', 'test_0, test_1, test_10, test_11, test_2: byte order')],
  },
  (c) => fx.judge(c, {}),
);

op.check(
  {
    id: 'ListObjectsV2/key-prefix-order',
    spec: '#API_ListObjectsV2_ResponseElements',
    level: 'required',
    title: 'a key sorts before the keys it is a prefix of: k < k- < k-b < k/ < k/b < kb (UTF-8 binary order)',
    evidence: [ORDER_DOC, recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjectsV2::test_list_objects_v2_continuation_token_safe_chars#list-objects-v2-rest', '"test key/" before "test key//", "test%123" before "test%123/"')],
  },
  (c) => fx.judgeExtra(c, PREFIX_ORDER_KEYS.map((k) => PREFIX_ORDER_BASE + k), [{ prefix: PREFIX_ORDER_BASE }]),
);

op.check(
  {
    id: 'ListObjectsV2/entry-fields',
    spec: '#API_ListObjectsV2_ResponseSyntax',
    level: 'required',
    title: 'each Contents entry carries Key, Size, ETag (quoted MD5), LastModified (ISO 8601, upload time) and StorageClass STANDARD',
    evidence: [recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjectsV2::test_list_objects_v2_with_prefix#list-objects-v2-1')],
  },
  (c) => fx.judge(c, { prefix: 'a', aspects: ['entry'] }),
);

op.check(
  {
    id: 'ListObjectsV2/no-owner-by-default',
    spec: '#API_ListObjectsV2_RequestSyntax',
    level: 'required',
    title: 'without fetch-owner → no Contents entry carries Owner',
    evidence: [FETCH_OWNER_DOC, recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjectsV2::test_list_objects_v2_with_prefix#list-objects-v2-1', 'no Owner in the entries')],
  },
  (c) => fx.judge(c, { prefix: 'a', aspects: ['owner'] }),
);

op.check(
  {
    id: 'ListObjectsV2/fetch-owner',
    spec: '#API_ListObjectsV2_RequestSyntax',
    level: 'required',
    title: "fetch-owner=true → every entry carries Owner with the owner's canonical ID",
    evidence: [FETCH_OWNER_DOC],
  },
  (c) => fx.judge(c, { prefix: 'a/', fetchOwner: true, aspects: ['owner'] }),
);

op.check(
  {
    id: 'ListObjectsV2/max-keys-pagination',
    spec: '#API_ListObjectsV2_RequestSyntax',
    level: 'required',
    title: 'max-keys=3 → pages of at most 3 keys, IsTruncated true until the last page, each page continuing the last',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjectsV2::test_list_objects_v2_continuation_start_after#list-objects-v2-max-5'),
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjectsV2::test_list_objects_v2_continuation_start_after#list-objects-v2-rest'),
    ],
  },
  (c) => fx.judge(c, { maxKeys: 3 }),
);

op.check(
  {
    id: 'ListObjectsV2/key-count',
    spec: '#API_ListObjectsV2_ResponseElements',
    level: 'required',
    title: 'KeyCount = the number of keys plus common prefixes on the page (delimiter=/)',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjectsV2::test_list_objects_v2_with_prefix_and_delimiter#list-objects-v2-1', 'two CommonPrefixes, no Contents: KeyCount 2'),
      doc(`${API}#API_ListObjectsV2_ResponseElements`, 'KeyCount is the number of keys returned with this request.'),
    ],
  },
  (c) => fx.judge(c, { delimiter: '/', aspects: ['keyCount'] }),
);

op.check(
  {
    id: 'ListObjectsV2/delimiter-common-prefixes',
    spec: '#API_ListObjectsV2_ResponseElements',
    level: 'required',
    title: 'delimiter=/ → keys below a / are rolled up into CommonPrefixes (a/, b/, 😀/), the others listed',
    evidence: [recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjectsV2::test_list_objects_v2_with_prefix_and_delimiter#list-objects-v2-1')],
  },
  (c) => fx.judge(c, { delimiter: '/' }),
);

op.check(
  {
    id: 'ListObjectsV2/delimiter-max-keys',
    spec: '#API_ListObjectsV2_ResponseElements',
    level: 'required',
    title: 'delimiter=/ max-keys=1 → a common prefix counts as one entry; KeyCount and NextContinuationToken per page',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjectsV2::test_list_objects_v2_continuation_common_prefixes#list-objects-v2-start', 'one CommonPrefix, KeyCount 1, IsTruncated, a token'),
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjectsV2::test_list_objects_v2_continuation_common_prefixes#list-objects-v2-end', 'last page: no NextContinuationToken'),
      doc(`${API}#API_ListObjectsV2_ResponseElements`, 'Each rolled-up result counts as only one return against the MaxKeys value.'),
    ],
  },
  (c) => fx.judge(c, { delimiter: '/', maxKeys: 1, aspects: ['keyCount'] }),
);

op.check(
  {
    id: 'ListObjectsV2/prefix-and-delimiter',
    spec: '#API_ListObjectsV2_ResponseElements',
    level: 'required',
    title: 'prefix=a/ delimiter=/ → the level below a/ only: a/1, a/3 and the common prefix a/2/',
    evidence: [recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjectsV2::test_list_objects_v2_with_prefix_and_delimiter#list-objects-v2-1')],
  },
  (c) => fx.judge(c, { prefix: 'a/', delimiter: '/' }),
);

op.check(
  {
    id: 'ListObjectsV2/prefix-not-directory-boundary',
    spec: '#API_ListObjectsV2_RequestSyntax',
    level: 'required',
    title: 'prefix=a/2 (not ending in the delimiter) → matched as a plain string: common prefix a/2/',
    evidence: [recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjectsV2::test_list_objects_v2_with_prefix_and_delimiter#list-objects-v2-2', 'prefix test/foo delimiter / → CommonPrefixes test/foo/')],
  },
  (c) => fx.judge(c, { prefix: 'a/2', delimiter: '/' }),
);

op.check(
  {
    id: 'ListObjectsV2/other-delimiter',
    spec: '#API_ListObjectsV2_RequestSyntax',
    level: 'required',
    title: 'delimiter=- (not /) → keys rolled up at the first - after the prefix (d-)',
    evidence: [doc(`${API}#API_ListObjectsV2_RequestSyntax`, 'A delimiter is a character that you use to group keys.')],
  },
  (c) => fx.judge(c, { delimiter: '-' }),
);

op.check(
  {
    id: 'ListObjectsV2/delimiter-not-in-keys',
    spec: '#API_ListObjectsV2_RequestSyntax',
    level: 'required',
    title: 'a delimiter no key contains (#) → every key listed as itself, no CommonPrefixes',
    evidence: [
      doc(`${API}#API_ListObjectsV2_ResponseElements`, 'CommonPrefixes contains all (if there are any) keys between Prefix and the next occurrence of the string specified by a delimiter.'),
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjects::test_list_objects_with_prefix[%2F]#list-objects', 'ListObjects (v1) with a delimiter in no key: the key listed, no CommonPrefixes'),
    ],
  },
  (c) => fx.judge(c, { delimiter: '#' }),
);

op.check(
  {
    id: 'ListObjectsV2/delimiter-empty',
    spec: '#API_ListObjectsV2_RequestSyntax',
    level: 'required',
    title: 'delimiter= (empty) → as if no delimiter: every key listed, no CommonPrefixes',
    evidence: [recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjects::test_list_objects_with_prefix[]#list-objects', 'ListObjects (v1) with Delimiter="": the key below test/foo/ listed, no CommonPrefixes')],
  },
  (c) => fx.judge(c, { prefix: 'a/', delimiter: '' }),
);

op.check(
  {
    id: 'ListObjectsV2/prefix-no-match',
    spec: '#API_ListObjectsV2_RequestSyntax',
    level: 'required',
    title: 'a prefix no key starts with (z/z/z, below the existing key z) → 200, no Contents, no CommonPrefixes, IsTruncated false',
    evidence: [doc(`${API}#API_ListObjectsV2_RequestSyntax`, 'Limits the response to keys that begin with the specified prefix.')],
  },
  (c) => fx.judge(c, { prefix: 'z/z/z', delimiter: '/' }),
);

op.check(
  {
    id: 'ListObjectsV2/prefix',
    spec: '#API_ListObjectsV2_RequestSyntax',
    level: 'required',
    title: 'prefix=a/ (no delimiter) → exactly the keys that begin with a/, in UTF-8 order; Prefix echoed',
    evidence: [
      doc(`${API}#API_ListObjectsV2_RequestSyntax`, 'Limits the response to keys that begin with the specified prefix.'),
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjectsV2::test_list_objects_v2_with_prefix#list-objects-v2-1', 'prefix test/: the three keys below test/, Prefix echoed'),
    ],
  },
  (c) => fx.judge(c, { prefix: 'a/', aspects: ['params'] }),
);

op.check(
  {
    id: 'ListObjectsV2/prefix-empty',
    spec: '#API_ListObjectsV2_RequestSyntax',
    level: 'required',
    title: 'prefix= (empty) → as if no prefix: every key listed',
    evidence: [recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjects::test_s3_list_objects_empty_marker#list-objects', 'Prefix "" in the answer: an empty prefix is no prefix')],
  },
  (c) => fx.judge(c, { prefix: '' }),
);

op.check(
  {
    id: 'ListObjectsV2/prefix-is-a-key',
    spec: '#API_ListObjectsV2_RequestSyntax',
    level: 'required',
    title: 'prefix=q/d/ delimiter=/ where q/d/ is itself a key → q/d/ and q/d/b listed as keys, q/d/c/ as the common prefix',
    evidence: [doc(`${API}#API_ListObjectsV2_RequestSyntax`, 'Limits the response to keys that begin with the specified prefix.')],
  },
  (c) => fx.judgeExtra(c, DIR_KEYS, [{ prefix: `${DIR_KEY_BASE}d/`, delimiter: '/' }]),
);

op.check(
  {
    id: 'ListObjectsV2/no-pending-uploads',
    spec: '#API_ListObjectsV2_ResponseElements',
    level: 'required',
    title: 'an in-progress multipart upload of mp/x → neither the key nor the common prefix mp/ is listed',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html', "General purpose bucket - For general purpose buckets, ListObjectsV2 doesn't return prefixes that are related only to in-progress multipart uploads."),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpuoverview.html', 'When you complete a multipart upload, Amazon S3 creates an object by concatenating the parts in ascending order based on the part number.'),
    ],
  },
  async (c) => {
    const Bucket = fx.bucket();
    const up = await step('CreateMultipartUpload mp/x', c.s3.send(new CreateMultipartUploadCommand({ Bucket, Key: 'mp/x' })));
    try {
      const none: KeyStore = new Map();
      await fx.judgeStore(c, none, { prefix: 'mp/' });
      await fx.judgeStore(c, none, { prefix: 'mp', delimiter: '/' });
    } finally {
      await c.s3.send(new AbortMultipartUploadCommand({ Bucket, Key: 'mp/x', UploadId: up.UploadId })).catch(() => undefined);
    }
  },
);

op.check(
  {
    id: 'ListObjectsV2/start-after',
    spec: '#API_ListObjectsV2_RequestSyntax',
    level: 'required',
    title: 'start-after=a/2/x → only keys after it in UTF-8 order; StartAfter echoed',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjectsV2::test_list_objects_v2_continuation_start_after#list-objects-start-after', 'start-after test_7: test_8, test_9; StartAfter echoed'),
      START_AFTER_DOC,
    ],
  },
  (c) => fx.judge(c, { after: 'a/2/x', aspects: ['params'] }),
);

op.check(
  {
    id: 'ListObjectsV2/start-after-utf8-order',
    spec: '#API_ListObjectsV2_RequestSyntax',
    level: 'required',
    title: 'start-after=Ａ (U+FF21) → the key 😀/x, after it in UTF-8 order (before it in UTF-16), is listed',
    evidence: [ORDER_DOC, START_AFTER_DOC],
  },
  (c) => fx.judge(c, { after: '\uff21' }),
);

op.check(
  {
    id: 'ListObjectsV2/start-after-common-prefix',
    spec: '#API_ListObjectsV2_RequestSyntax',
    level: 'required',
    title: 'start-after=a/ with delimiter=/ → the common prefix a/ and its keys are skipped',
    evidence: [START_AFTER_DOC, recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjects::test_list_objects_marker_common_prefixes#list-objects-next-1', 'ListObjects (v1): a marker equal to the common prefix skips it')],
  },
  (c) => fx.judge(c, { after: 'a/', delimiter: '/' }),
);

op.check(
  {
    id: 'ListObjectsV2/start-after-after-last-key',
    spec: '#API_ListObjectsV2_RequestSyntax',
    level: 'required',
    title: 'a start-after after every key (prefix=a/, start-after=a/9) → 200, no Contents, KeyCount 0, IsTruncated false',
    evidence: [START_AFTER_DOC],
  },
  (c) => fx.judge(c, { prefix: 'a/', after: 'a/9', aspects: ['keyCount'] }),
);

op.check(
  {
    id: 'ListObjectsV2/start-after-with-continuation-token',
    spec: '#API_ListObjectsV2_RequestSyntax',
    level: 'required',
    title: 'continuation-token with start-after=z → the token wins: the listing continues after page 1, start-after is ignored',
    evidence: [recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjectsV2::test_list_objects_v2_continuation_start_after#list-objects-start-after-token', 'start-after test_7 + the token of page 1: test_3 … test_9 listed')],
  },
  async (c) => {
    await fx.withFixture(c);
    await fx.settledRun(async () => {
      const first = parseListing(await fx.list({ maxKeys: 3 }), 'ListObjectsV2 max-keys=3 page 1');
      const token = first.NextContinuationToken;
      if (!token) return fail('ListObjectsV2 max-keys=3 page 1: NextContinuationToken', `a token (${FIXTURE_KEYS.length} keys, max-keys=3)`, '(absent)');
      const w = parseListing(await fx.list({ token, after: 'z' }), 'ListObjectsV2 continuation-token + start-after=z');
      const want = listPage(FIXTURE_KEYS, { after: listPage(FIXTURE_KEYS, { maxKeys: 3 }).lastEntry ?? '' });
      expectEqual('Contents keys (continued from the token, start-after ignored)', w.contents.map((e) => e.Key), want.contents);
      expectEqual('IsTruncated', w.IsTruncated, 'false');
    });
  },
);

op.check(
  {
    id: 'ListObjectsV2/continuation-token-echo',
    spec: '#API_ListObjectsV2_ResponseElements',
    level: 'required',
    title: 'a page requested with continuation-token → ContinuationToken echoes it; the first page has none',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjectsV2::test_list_objects_v2_continuation_common_prefixes#list-objects-v2-next-1'),
      doc(`${API}#API_ListObjectsV2_ResponseElements`, 'If ContinuationToken was sent with the request, it is included in the response.'),
    ],
  },
  (c) => fx.judge(c, { maxKeys: 4, aspects: ['token'] }),
);

op.check(
  {
    id: 'ListObjectsV2/request-echo',
    spec: '#API_ListObjectsV2_ResponseElements',
    level: 'required',
    title: 'prefix, delimiter, start-after and max-keys sent → Name (the bucket), Prefix, Delimiter, StartAfter and MaxKeys echoed as sent',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjectsV2::test_list_objects_v2_continuation_start_after#list-objects-start-after', 'StartAfter test_7, MaxKeys 2, Name, Prefix echoed'),
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjectsV2::test_list_objects_v2_with_prefix_and_delimiter#list-objects-v2-1', 'Delimiter / and Prefix test/ echoed'),
    ],
  },
  (c) => fx.judge(c, { prefix: 'a/', delimiter: '/', after: 'a/1', maxKeys: 2, aspects: ['name', 'maxKeys', 'params'] }),
);

op.check(
  {
    id: 'ListObjectsV2/defaults',
    spec: '#API_ListObjectsV2_ResponseElements',
    level: 'required',
    title: 'no parameters → Name, MaxKeys 1000, Prefix empty (or absent), no Delimiter, StartAfter, ContinuationToken or EncodingType',
    evidence: [recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjectsV2::test_list_objects_v2_with_prefix#list-objects-v2-no-encoding', 'raw request without encoding-type or max-keys: MaxKeys 1000, no EncodingType')],
  },
  (c) => fx.judge(c, { aspects: ECHO_ASPECTS }),
);

op.check(
  {
    id: 'ListObjectsV2/max-keys-zero',
    spec: '#API_ListObjectsV2_RequestSyntax',
    level: 'required',
    title: 'max-keys=0 → 200, no entries, IsTruncated false, MaxKeys 0',
    evidence: [
      doc(`${API}#API_ListObjectsV2_RequestSyntax`, 'Sets the maximum number of keys returned in the response. By default, the action returns up to 1,000 key names. The response might contain fewer keys but will never contain more.'),
      peer('https://github.com/faiscadev/fakecloud/pull/2003', 'AWS answers max-keys=0 with KeyCount=0, IsTruncated=false and no token (ceph/s3-tests test_bucket_list_maxkeys_zero asserts the same)'),
    ],
  },
  (c) => fx.judge(c, { maxKeys: 0, aspects: ['maxKeys'] }),
);

op.check(
  {
    id: 'ListObjectsV2/max-keys-above-1000',
    spec: '#API_ListObjectsV2_RequestSyntax',
    level: 'required',
    title: 'max-keys=5000 → accepted (capped at 1000): every key listed, MaxKeys echoed as 5000 or 1000',
    evidence: [doc(`${API}#API_ListObjectsV2_RequestSyntax`, 'By default, the action returns up to 1,000 key names. The response might contain fewer keys but will never contain more.')],
  },
  (c) => fx.judge(c, { rawMaxKeys: '5000', aspects: ['maxKeys'] }),
);

op.check(
  {
    id: 'ListObjectsV2/negative-max-keys',
    spec: '#API_ListObjectsV2_RequestSyntax',
    level: 'optional',
    title: 'max-keys=-1 → 400 InvalidArgument',
    evidence: [peer('https://github.com/versity/versitygw/blob/main/tests/integration/group-tests.go', 'versitygw ListObjectsV2 with a negative max-keys expects 400 InvalidArgument, as AWS answers')],
  },
  async () => {
    await fx.settledRun(async () => expectRawError(await fx.list({ maxKeys: -1 }), { status: 400, code: 'InvalidArgument' }));
  },
);

op.check(
  {
    id: 'ListObjectsV2/max-keys-not-integer',
    spec: '#API_ListObjectsV2_RequestSyntax',
    level: 'optional',
    title: 'max-keys=blah (not an integer) → 400 InvalidArgument',
    evidence: [peer('https://github.com/ceph/s3-tests/blob/master/s3tests_boto3/functional/test_s3.py', 'test_bucket_list_maxkeys_invalid: max-keys=blah → 400 InvalidArgument')],
  },
  async () => {
    await fx.settledRun(async () => expectRawError(await fx.list({ maxKeys: 'blah' }), { status: 400, code: 'InvalidArgument' }));
  },
);

op.check(
  {
    id: 'ListObjectsV2/invalid-continuation-token',
    spec: '#API_ListObjectsV2_RequestSyntax',
    level: 'required',
    title: 'a continuation-token the service did not issue → 400 InvalidArgument',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjectsV2::test_list_objects_v2_continuation_start_after#exc-continuation-token', 'recorded for an empty token: 400 InvalidArgument "The continuation token provided is incorrect"'),
      doc(`${API}#API_ListObjectsV2_RequestSyntax`, 'ContinuationToken indicates to Amazon S3 that the list is being continued on this bucket with a token. ContinuationToken is obfuscated and is not a real key.'),
    ],
  },
  async () => {
    await fx.settledRun(async () => expectRawError(await fx.list({ token: '!!not-a-token!!' }), { status: 400, code: 'InvalidArgument' }));
  },
);

op.check(
  {
    id: 'ListObjectsV2/empty-continuation-token',
    spec: '#API_ListObjectsV2_RequestSyntax',
    level: 'required',
    title: 'continuation-token= (empty) → 400 InvalidArgument, ArgumentName continuation-token',
    evidence: [recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjectsV2::test_list_objects_v2_continuation_start_after#exc-continuation-token')],
  },
  async () => {
    await fx.settledRun(async () => {
      const res = await fx.list({ token: '' });
      expectRawError(res, { status: 400, code: 'InvalidArgument' });
      expectEqual('Error/ArgumentName', res.error()?.argumentName, 'continuation-token');
    });
  },
);

op.check(
  {
    id: 'ListObjectsV2/encoding-type-url',
    spec: '#API_ListObjectsV2_RequestSyntax',
    level: 'required',
    title: 'encoding-type=url → keys, prefixes, delimiter and StartAfter URL-encoded (a space as + or %20), EncodingType=url echoed',
    evidence: [
      doc(`${API}#API_ListObjectsV2_ResponseElements`, 'If you specify the encoding-type request parameter, Amazon S3 includes this element in the response, and returns encoded key name values in the following response elements: Delimiter, Prefix, Key, and StartAfter.'),
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjectsV2::test_list_objects_v2_continuation_token_safe_chars#list-objects-start-after-url-type', 'StartAfter date%3D2026-02-01/ and Keys date%3D2026-03-01/: encoded'),
      peer('https://github.com/brekkylab/backlot/issues/178', 'measured on AWS: key "a b.txt" is listed as a+b.txt, "a+b.txt" as a%2Bb.txt, "100%.csv" as 100%25.csv'),
    ],
  },
  async (c) => {
    await fx.judge(c, { encodingType: 'url', delimiter: '/', maxKeys: 3, aspects: ['params', 'encodingType'] });
    await fx.judge(c, { encodingType: 'url', prefix: 'c d', after: 'b/2/z', aspects: ['params', 'encodingType'] });
  },
);

op.check(
  {
    id: 'ListObjectsV2/encoding-type-url-xml-unsafe-key',
    spec: '#API_ListObjectsV2_RequestSyntax',
    level: 'required',
    title: 'a key with U+0001 (not allowed in XML 1.0) is listed correctly with encoding-type=url',
    evidence: [doc(`${API}#API_ListObjectsV2_RequestSyntax`, "the XML 1.0 parser can't parse certain characters, such as characters with an ASCII value from 0 to 10. For characters that aren't supported in XML 1.0, you can add this parameter to request that Amazon S3 encode the keys in the response.")],
  },
  (c) => fx.judgeExtra(c, [XML_UNSAFE_KEY], [{ prefix: 'u/', encodingType: 'url' }]),
);

op.check(
  {
    id: 'ListObjectsV2/encoding-type-invalid',
    spec: '#API_ListObjectsV2_RequestSyntax',
    level: 'required',
    title: 'encoding-type=value (not url) → 400 InvalidArgument, ArgumentName encoding-type',
    evidence: [recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjectsV2::test_list_ops_encoding_type_validation[list_objects_v2]#list_objects_v2-error-wrong-value')],
  },
  async () => {
    await fx.settledRun(async () => {
      const res = await fx.list({ encodingType: 'value' });
      expectRawError(res, { status: 400, code: 'InvalidArgument' });
      expectEqual('Error/ArgumentName', res.error()?.argumentName, 'encoding-type');
    });
  },
);

op.check(
  {
    id: 'ListObjectsV2/encoding-type-invalid-names-value',
    spec: '#API_ListObjectsV2_RequestSyntax',
    level: 'required',
    title: 'encoding-type=value (not url) → 400 InvalidArgument with <ArgumentValue>value</ArgumentValue> (the value sent)',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjectsV2::test_list_ops_encoding_type_validation[list_objects_v2]#list_objects_v2-error-wrong-value', 'ArgumentName encoding-type, ArgumentValue value'),
    ],
  },
  async () => {
    await fx.settledRun(async () => {
      const res = await fx.list({ encodingType: 'value' });
      expectRawError(res, { status: 400, code: 'InvalidArgument' });
      expectEqual('Error/ArgumentValue', res.error()?.argumentValue, 'value');
    });
  },
);

op.check(
  {
    id: 'ListObjectsV2/encoding-type-empty',
    spec: '#API_ListObjectsV2_RequestSyntax',
    level: 'required',
    title: 'encoding-type= (empty) → 400 InvalidArgument',
    evidence: [recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjectsV2::test_list_ops_encoding_type_validation[list_objects_v2]#list_objects_v2-error-empty-value')],
  },
  async () => {
    await fx.settledRun(async () => expectRawError(await fx.list({ encodingType: '' }), { status: 400, code: 'InvalidArgument' }));
  },
);

// ---- keys that break gateways ----------------------------------------------------------------
op.check(
  {
    id: 'ListObjectsV2/key-bytes-exact',
    spec: '#API_ListObjectsV2_ResponseElements',
    level: 'required',
    title: 'keys with %, %25, %20, +, space, //, a trailing / and NFC vs NFD é → listed byte for byte as stored, as distinct keys',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_copy_object_special_character#list-object-copy-dest-special-char', 'keys "test key//", "test+key", "file%2Fname", "a/%F0%9F%98%80/" listed as stored'),
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_put_get_object_special_character[test%percent]#list-object-special-char'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html', 'The name for a key is a sequence of Unicode characters whose UTF-8 encoding is at most 1,024 bytes long.'),
    ],
  },
  (c) => fx.judgeExtra(c, GATEWAY_KEYS, [{ prefix: GATEWAY_BASE }]),
);

op.check(
  {
    id: 'ListObjectsV2/key-bytes-exact-url',
    spec: '#API_ListObjectsV2_ResponseElements',
    level: 'required',
    title: 'the same keys with encoding-type=url → each decodes to exactly the stored bytes (a space as + or %20, a literal + as %2B)',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjectsV2::test_list_objects_v2_continuation_token_safe_chars#list-objects-v2-rest', 'with encoding-type=url: "test key//", "test%123", "test%percent" decode to the stored keys'),
      peer('https://github.com/brekkylab/backlot/issues/178', 'measured on AWS: "a b.txt" → a+b.txt, "a+b.txt" → a%2Bb.txt, "100%.csv" → 100%25.csv'),
    ],
  },
  (c) => fx.judgeExtra(c, GATEWAY_KEYS, [{ prefix: GATEWAY_BASE, encodingType: 'url' }]),
);

// ---- headers -----------------------------------------------------------------------------------
op.check(
  {
    id: 'ListObjectsV2/request-id',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html',
    level: 'required',
    title: 'a ListObjectsV2 answer carries x-amz-request-id',
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html', 'x-amz-request-id: A value created by Amazon S3 that uniquely identifies the request.')],
  },
  async () => {
    const res = await fx.list({ maxKeys: 1 });
    expectEqual('status', res.status, 200);
    expectHeader(res.headers, 'x-amz-request-id', /^\S+$/);
  },
);

op.check(
  {
    id: 'ListObjectsV2/id-2',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html',
    level: 'required',
    title: 'a ListObjectsV2 answer carries x-amz-id-2',
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html', 'x-amz-id-2: A special token that is used together with the x-amz-request-id header to help AWS troubleshoot problems.')],
  },
  async () => {
    const res = await fx.list({ maxKeys: 1 });
    expectEqual('status', res.status, 200);
    expectHeader(res.headers, 'x-amz-id-2', /^\S+$/);
  },
);

op.check(
  {
    id: 'ListObjectsV2/result-namespace',
    spec: '#API_ListObjectsV2_ResponseSyntax',
    level: 'optional',
    title: 'the <ListBucketResult> root carries xmlns="http://s3.amazonaws.com/doc/2006-03-01/"',
    evidence: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html#API_ListObjectsV2_Examples', 'Sample Response: <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'), recorded('tests/aws/services/s3/test_s3.py::TestS3::test_bucket_name_with_dots#request-path-url-content', 'the same root element of a version-1 listing carries the namespace')],
  },
  async () => {
    const res = await fx.list({ maxKeys: 1 });
    expectEqual('status', res.status, 200);
    const root = res.xml()?.ListBucketResult as Record<string, unknown> | undefined;
    expectEqual('<ListBucketResult xmlns>', root?.['@xmlns'], 'http://s3.amazonaws.com/doc/2006-03-01/');
  },
);

// ---- the model property ------------------------------------------------------------------------
op.property<ModelInput>(
  {
    id: 'ListObjectsV2/model',
    spec: '#API_ListObjectsV2_ResponseElements',
    level: 'required',
    title: 'random key set (≤16 keys, UTF-8, delimiters at several depths) × random prefix/delimiter/max-keys/start-after queries → equal to the model page by page',
    evidence: [
      ORDER_DOC,
      doc(`${API}#API_ListObjectsV2_ResponseElements`, 'Each rolled-up result counts as only one return against the MaxKeys value.'),
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjectsV2::test_list_objects_v2_continuation_common_prefixes#list-objects-v2-start'),
    ],
    maxRuns: 5,
    examples: MODEL_EXAMPLES,
    timeBudgetMs: rt.remote ? 120_000 : 30_000,
  },
  modelArbs(),
  (input, c) => fx.modelRun(input, c),
);

op.check(
  {
    id: 'ListObjectsV2/error-envelope',
    spec: ERROR_ENVELOPE_SPEC,
    level: 'required',
    title: "GET ?list-type=2 of a missing bucket, 404 NoSuchBucket → AWS's error envelope: request ids, application/xml, Code, Message, RequestId",
    evidence: [...ERROR_ENVELOPE_EVIDENCE],
  },
  async () => {
    const missing = newBucketName(rt, 'missing');
    const res = await raw(rt, { method: 'GET', bucket: missing, query: { 'list-type': '2' } });
    expectErrorEnvelope(res, { status: 404, code: 'NoSuchBucket' }, 'ListObjectsV2 of a missing bucket');
  },
);
