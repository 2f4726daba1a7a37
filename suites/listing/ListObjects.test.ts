/**
 * ListObjects, version 1 (GET /<bucket>), judged against the listing model (harness/listing/model.ts)
 * over the file's fixed key set (harness/listing/suite.ts). Every judgement compares the core of the
 * listing (keys in UTF-8 order, CommonPrefixes, IsTruncated, continuation); a check adds the fields
 * its title names (`aspects`), so each response field has its own check.
 */
import { AbortMultipartUploadCommand, CreateMultipartUploadCommand, ListObjectsCommand } from '@aws-sdk/client-s3';
import { doc, expectEqual, expectHeader, expectRawError, expectS3Error, newBucketName, peer, raw, recorded, step, operation, expectErrorEnvelope, ERROR_ENVELOPE_EVIDENCE, ERROR_ENVELOPE_SPEC } from '../../harness/api/index.ts';
import {
  DIR_KEY_BASE,
  DIR_KEYS,
  ECHO_ASPECTS,
  GATEWAY_BASE,
  GATEWAY_KEYS,
  listingFixture,
  MODEL_EXAMPLES,
  modelArbs,
  PREFIX_ORDER_BASE,
  PREFIX_ORDER_KEYS,
  XML_UNSAFE_KEY,
  type KeyStore,
  type ModelInput,
} from '../../harness/api/listing.ts';

const op = operation('ListObjects');
const { rt } = op;
const fx = listingFixture('v1');

const API = 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjects.html';
const ORDER_DOC = doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/ListingKeysUsingAPIs.html', 'List results are always returned in UTF-8 binary order.');

// ---- an empty bucket (runs before the fixture is uploaded) ---------------------------------
op.check(
  {
    id: 'ListObjects/empty-bucket',
    spec: '#API_ListObjects_ResponseElements',
    level: 'required',
    title: 'listing an empty bucket → 200, no Contents, no CommonPrefixes, IsTruncated false',
    evidence: [recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjects::test_s3_list_objects_empty_marker#list-objects')],
  },
  async (c) => {
    if (fx.uploaded()) c.note('the fixture was already uploaded (filtered run): listing an empty prefix instead');
    const store: KeyStore = new Map();
    await fx.judgeStore(c, store, fx.uploaded() ? { prefix: 'no-such-prefix/' } : {});
  },
);

op.check(
  {
    id: 'ListObjects/no-such-bucket',
    spec: '#API_ListObjects_Errors',
    level: 'required',
    title: 'listing a bucket that does not exist → 404 NoSuchBucket',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_bucket_does_not_exist#list_object')],
  },
  async (c) => {
    const missing = newBucketName(rt, 'missing');
    await fx.settledRun(() => expectS3Error(c.s3.send(new ListObjectsCommand({ Bucket: missing })), { status: 404, code: 'NoSuchBucket' }));
  },
);

op.check(
  {
    id: 'ListObjects/no-such-bucket-names-bucket',
    spec: '#API_ListObjects_Errors',
    level: 'required',
    title: 'the NoSuchBucket error of a listing names the missing bucket in <BucketName>, exactly',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_bucket_does_not_exist#list_object', 'BucketName = the requested bucket (masked <bucket-name:1>)'), recorded('tests/aws/services/s3/test_s3.py::TestS3::test_bucket_does_not_exist#list_object_vhost', 'the same, virtual-hosted style')],
  },
  async () => {
    const missing = newBucketName(rt, 'missing');
    const res = await raw(rt, { method: 'GET', bucket: missing, query: {} });
    expectRawError(res, { status: 404, code: 'NoSuchBucket' }, 'listing of a missing bucket');
    expectEqual('<Error><BucketName>', res.error()?.bucketName, missing);
  },
);

// ---- the fixture -----------------------------------------------------------------------------
op.check(
  {
    id: 'ListObjects/utf8-binary-order',
    spec: '#API_ListObjects_ResponseElements',
    level: 'required',
    title: 'all keys, no delimiter → Contents in UTF-8 binary order (é < Ａ < 😀), not UTF-16 order',
    evidence: [ORDER_DOC, recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjects::test_list_objects_marker_common_prefixes#list-objects-all-keys')],
  },
  (c) => fx.judge(c, {}),
);

op.check(
  {
    id: 'ListObjects/key-prefix-order',
    spec: '#API_ListObjects_ResponseElements',
    level: 'required',
    title: 'a key sorts before the keys it is a prefix of: k < k- < k-b < k/ < k/b < kb (UTF-8 binary order)',
    evidence: [ORDER_DOC, recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjectsV2::test_list_objects_v2_continuation_token_safe_chars#list-objects-v2-rest', 'ListObjectsV2 of the same store: "test key/" before "test key//", "test%123" before "test%123/"')],
  },
  (c) => fx.judgeExtra(c, PREFIX_ORDER_KEYS.map((k) => PREFIX_ORDER_BASE + k), [{ prefix: PREFIX_ORDER_BASE }]),
);

op.check(
  {
    id: 'ListObjects/entry-fields',
    spec: '#API_ListObjects_ResponseSyntax',
    level: 'required',
    title: 'each Contents entry carries Key, Size, ETag (quoted MD5), LastModified (ISO 8601, upload time) and StorageClass STANDARD',
    evidence: [recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjects::test_list_objects_next_marker#list-objects-all')],
  },
  (c) => fx.judge(c, { prefix: 'a', aspects: ['entry'] }),
);

op.check(
  {
    id: 'ListObjects/owner',
    spec: '#API_ListObjects_ResponseSyntax',
    level: 'required',
    title: "each Contents entry carries Owner with the bucket owner's canonical ID (as ListBuckets shows it)",
    evidence: [recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjects::test_list_objects_next_marker#list-objects-all', 'every entry has Owner/ID')],
  },
  (c) => fx.judge(c, { prefix: 'a', aspects: ['owner'] }),
);

op.check(
  {
    id: 'ListObjects/max-keys-pagination',
    spec: '#API_ListObjects_RequestSyntax',
    level: 'required',
    title: 'max-keys=3 → pages of at most 3 keys, IsTruncated true until the last page, each page continuing the last (marker = last Key)',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjects::test_list_objects_next_marker#list-objects-rest', 'max-keys=1, no delimiter: truncated, no NextMarker'),
      doc(`${API}#API_ListObjects_ResponseElements`, 'If the response does not include the NextMarker element and it is truncated, you can use the value of the last Key element in the response as the marker parameter in the subsequent request to get the next set of object keys.'),
    ],
  },
  (c) => fx.judge(c, { maxKeys: 3 }),
);

op.check(
  {
    id: 'ListObjects/delimiter-common-prefixes',
    spec: '#API_ListObjects_ResponseElements',
    level: 'required',
    title: 'delimiter=/ → keys below a / are rolled up into CommonPrefixes (a/, b/, 😀/), the others listed',
    evidence: [recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjects::test_list_objects_with_prefix[/]#list-objects')],
  },
  (c) => fx.judge(c, { delimiter: '/' }),
);

op.check(
  {
    id: 'ListObjects/next-marker-delimiter',
    spec: '#API_ListObjects_ResponseElements',
    level: 'required',
    title: 'delimiter=/ max-keys=1 → a common prefix counts as one entry; NextMarker is the last key or common prefix of the page',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjects::test_list_objects_marker_common_prefixes#list-objects-start', 'NextMarker folder/aSubfolder/ (a common prefix)'),
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjects::test_list_objects_marker_common_prefixes#list-objects-next-1'),
      doc(`${API}#API_ListObjects_ResponseElements`, 'Each rolled-up result counts as only one return against the MaxKeys value.'),
    ],
  },
  (c) => fx.judge(c, { delimiter: '/', maxKeys: 1, aspects: ['nextMarker'] }),
);

op.check(
  {
    id: 'ListObjects/prefix-and-delimiter',
    spec: '#API_ListObjects_ResponseElements',
    level: 'required',
    title: 'prefix=a/ delimiter=/ → the level below a/ only: a/1, a/3 and the common prefix a/2/',
    evidence: [recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjects::test_list_objects_with_prefix[/]#list-objects')],
  },
  (c) => fx.judge(c, { prefix: 'a/', delimiter: '/' }),
);

op.check(
  {
    id: 'ListObjects/prefix-not-directory-boundary',
    spec: '#API_ListObjects_RequestSyntax',
    level: 'required',
    title: 'prefix=a/2 (not ending in the delimiter) → matched as a plain string: common prefix a/2/',
    evidence: [recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjects::test_list_objects_with_prefix[%2F]#list-objects-no-encoding', 'prefix=test delimiter=/ → CommonPrefixes test/')],
  },
  (c) => fx.judge(c, { prefix: 'a/2', delimiter: '/' }),
);

op.check(
  {
    id: 'ListObjects/other-delimiter',
    spec: '#API_ListObjects_RequestSyntax',
    level: 'required',
    title: 'delimiter=- (not /) → keys rolled up at the first - after the prefix (d-)',
    evidence: [doc(`${API}#API_ListObjects_RequestSyntax`, 'A delimiter is a character that you use to group keys.')],
  },
  (c) => fx.judge(c, { delimiter: '-' }),
);

op.check(
  {
    id: 'ListObjects/delimiter-not-in-keys',
    spec: '#API_ListObjects_RequestSyntax',
    level: 'required',
    title: 'a delimiter no key contains (#) → every key listed as itself, no CommonPrefixes',
    evidence: [recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjects::test_list_objects_with_prefix[%2F]#list-objects', 'delimiter "%2F" (in no key): the key is listed, no CommonPrefixes')],
  },
  (c) => fx.judge(c, { delimiter: '#' }),
);

op.check(
  {
    id: 'ListObjects/delimiter-empty',
    spec: '#API_ListObjects_RequestSyntax',
    level: 'required',
    title: 'delimiter= (empty) → as if no delimiter: every key listed, no CommonPrefixes',
    evidence: [recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjects::test_list_objects_with_prefix[]#list-objects', 'Delimiter="" → the key below test/foo/ is listed, no CommonPrefixes')],
  },
  (c) => fx.judge(c, { prefix: 'a/', delimiter: '' }),
);

op.check(
  {
    id: 'ListObjects/prefix-no-match',
    spec: '#API_ListObjects_RequestSyntax',
    level: 'required',
    title: 'a prefix no key starts with (z/z/z, below the existing key z) → 200, no Contents, no CommonPrefixes, IsTruncated false',
    evidence: [doc(`${API}#API_ListObjects_RequestSyntax`, 'Limits the response to keys that begin with the specified prefix.')],
  },
  (c) => fx.judge(c, { prefix: 'z/z/z', delimiter: '/' }),
);

op.check(
  {
    id: 'ListObjects/prefix',
    spec: '#API_ListObjects_RequestSyntax',
    level: 'required',
    title: 'prefix=a/ (no delimiter) → exactly the keys that begin with a/, in UTF-8 order; Prefix echoed',
    evidence: [
      doc(`${API}#API_ListObjects_RequestSyntax`, 'Limits the response to keys that begin with the specified prefix.'),
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjectsV2::test_list_objects_v2_with_prefix#list-objects-v2-1', 'prefix test/: the three keys below test/, Prefix echoed'),
    ],
  },
  (c) => fx.judge(c, { prefix: 'a/', aspects: ['params'] }),
);

op.check(
  {
    id: 'ListObjects/prefix-empty',
    spec: '#API_ListObjects_RequestSyntax',
    level: 'required',
    title: 'prefix= (empty) → as if no prefix: every key listed',
    evidence: [recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjects::test_s3_list_objects_empty_marker#list-objects', 'Prefix "" in the answer: an empty prefix is no prefix')],
  },
  (c) => fx.judge(c, { prefix: '' }),
);

op.check(
  {
    id: 'ListObjects/prefix-is-a-key',
    spec: '#API_ListObjects_RequestSyntax',
    level: 'required',
    title: 'prefix=q/d/ delimiter=/ where q/d/ is itself a key → q/d/ and q/d/b listed as keys, q/d/c/ as the common prefix',
    evidence: [doc(`${API}#API_ListObjects_RequestSyntax`, 'Limits the response to keys that begin with the specified prefix.')],
  },
  (c) => fx.judgeExtra(c, DIR_KEYS, [{ prefix: `${DIR_KEY_BASE}d/`, delimiter: '/' }]),
);

op.check(
  {
    id: 'ListObjects/no-pending-uploads',
    spec: '#API_ListObjects_ResponseElements',
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
    id: 'ListObjects/marker',
    spec: '#API_ListObjects_RequestSyntax',
    level: 'required',
    title: 'marker=a/2/x → only keys after it in UTF-8 order; Marker echoed',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjects::test_list_objects_next_marker#list-objects-rest', 'Marker echoed, the keys after it listed'),
      doc(`${API}#API_ListObjects_RequestSyntax`, 'Marker is where you want Amazon S3 to start listing from. Amazon S3 starts listing after this specified key.'),
    ],
  },
  (c) => fx.judge(c, { after: 'a/2/x', aspects: ['params'] }),
);

op.check(
  {
    id: 'ListObjects/marker-utf8-order',
    spec: '#API_ListObjects_RequestSyntax',
    level: 'required',
    title: 'marker=Ａ (U+FF21) → the key 😀/x, after it in UTF-8 order (before it in UTF-16), is listed',
    evidence: [ORDER_DOC, doc(`${API}#API_ListObjects_RequestSyntax`, 'Marker can be any key in the bucket.')],
  },
  (c) => fx.judge(c, { after: '\uff21' }),
);

op.check(
  {
    id: 'ListObjects/marker-control-character',
    spec: '#API_ListObjects_RequestSyntax',
    level: 'required',
    title: 'marker=\\n (U+000A, before every printable key) → compared as bytes: every key listed',
    evidence: [ORDER_DOC, doc(`${API}#API_ListObjects_RequestSyntax`, 'Amazon S3 starts listing after this specified key. Marker can be any key in the bucket.')],
  },
  (c) => fx.judge(c, { after: '\n', maxKeys: 20 }),
);

op.check(
  {
    id: 'ListObjects/marker-common-prefix',
    spec: '#API_ListObjects_RequestSyntax',
    level: 'required',
    title: 'marker=a/ with delimiter=/ → the common prefix a/ and its keys are skipped',
    evidence: [recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjects::test_list_objects_marker_common_prefixes#list-objects-next-1', 'marker folder/aSubfolder/ (the common prefix): the listing continues at folder/file1')],
  },
  (c) => fx.judge(c, { after: 'a/', delimiter: '/' }),
);

op.check(
  {
    id: 'ListObjects/marker-inside-common-prefix',
    spec: '#API_ListObjects_RequestSyntax',
    level: 'required',
    title: 'marker=a/2/x (inside the group a/2/) with prefix=a/ delimiter=/ → a/2/ is not listed again: only a/3 follows',
    evidence: [recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjects::test_list_objects_marker_common_prefixes#list-objects-manual-first-file', 'marker folder/aSubfolder/subFile1: folder/aSubfolder/ skipped, folder/file1 next')],
  },
  (c) => fx.judge(c, { prefix: 'a/', delimiter: '/', after: 'a/2/x' }),
);

op.check(
  {
    id: 'ListObjects/marker-after-last-key',
    spec: '#API_ListObjects_RequestSyntax',
    level: 'required',
    title: 'a marker after every key (prefix=a/, marker=a/9) → 200, no Contents, IsTruncated false',
    evidence: [doc(`${API}#API_ListObjects_RequestSyntax`, 'Amazon S3 starts listing after this specified key. Marker can be any key in the bucket.')],
  },
  (c) => fx.judge(c, { prefix: 'a/', after: 'a/9' }),
);

op.check(
  {
    id: 'ListObjects/marker-empty',
    spec: '#API_ListObjects_RequestSyntax',
    level: 'required',
    title: 'marker= (empty) with prefix=a max-keys=2 → as if no marker: the listing starts at the first key',
    evidence: [recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjects::test_list_objects_next_marker#list-objects-marker-empty')],
  },
  (c) => fx.judge(c, { prefix: 'a', after: '', maxKeys: 2 }),
);

op.check(
  {
    id: 'ListObjects/request-echo',
    spec: '#API_ListObjects_ResponseElements',
    level: 'required',
    title: 'prefix, delimiter, marker and max-keys sent → Name (the bucket), Prefix, Delimiter, Marker and MaxKeys echoed as sent',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjects::test_list_objects_marker_common_prefixes#list-objects-next-1', 'Delimiter /, Marker, MaxKeys 1, Name, Prefix folder/ echoed'),
      doc(`${API}#API_ListObjects_ResponseElements`, 'Marker is included in the response if it was sent with the request.'),
    ],
  },
  (c) => fx.judge(c, { prefix: 'a/', delimiter: '/', after: 'a/1', maxKeys: 2, aspects: ['name', 'maxKeys', 'params'] }),
);

op.check(
  {
    id: 'ListObjects/defaults',
    spec: '#API_ListObjects_ResponseElements',
    level: 'required',
    title: 'no parameters → Name, MaxKeys 1000, Prefix and Marker empty (or absent), no Delimiter, no EncodingType',
    evidence: [recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjects::test_list_objects_with_prefix[%2F]#list-objects-no-encoding', 'raw request without encoding-type or max-keys: MaxKeys 1000, empty Marker, no EncodingType')],
  },
  (c) => fx.judge(c, { aspects: ECHO_ASPECTS }),
);

op.check(
  {
    id: 'ListObjects/max-keys-zero',
    spec: '#API_ListObjects_RequestSyntax',
    level: 'required',
    title: 'max-keys=0 → 200, no entries, IsTruncated false, MaxKeys 0',
    evidence: [
      doc(`${API}#API_ListObjects_RequestSyntax`, 'Sets the maximum number of keys returned in the response. By default, the action returns up to 1,000 key names. The response might contain fewer keys but will never contain more.'),
      peer('https://github.com/faiscadev/fakecloud/pull/2003', 'AWS answers max-keys=0 with no entries and IsTruncated=false (ceph/s3-tests test_bucket_list_maxkeys_zero asserts the same)'),
    ],
  },
  (c) => fx.judge(c, { maxKeys: 0, aspects: ['maxKeys'] }),
);

op.check(
  {
    id: 'ListObjects/max-keys-above-1000',
    spec: '#API_ListObjects_RequestSyntax',
    level: 'required',
    title: 'max-keys=5000 → accepted (capped at 1000): every key listed, MaxKeys echoed as 5000 or 1000',
    evidence: [doc(`${API}#API_ListObjects_RequestSyntax`, 'By default, the action returns up to 1,000 key names. The response might contain fewer keys but will never contain more.')],
  },
  (c) => fx.judge(c, { rawMaxKeys: '5000', aspects: ['maxKeys'] }),
);

op.check(
  {
    id: 'ListObjects/negative-max-keys',
    spec: '#API_ListObjects_RequestSyntax',
    level: 'optional',
    title: 'max-keys=-1 → 400 InvalidArgument',
    evidence: [peer('https://github.com/versity/versitygw/blob/main/tests/integration/group-tests.go', 'versitygw ListObjects_invalid_max_keys (max-keys=-5) expects 400 InvalidArgument, as AWS answers')],
  },
  async () => {
    await fx.settledRun(async () => expectRawError(await fx.list({ maxKeys: -1 }), { status: 400, code: 'InvalidArgument' }));
  },
);

op.check(
  {
    id: 'ListObjects/max-keys-not-integer',
    spec: '#API_ListObjects_RequestSyntax',
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
    id: 'ListObjects/encoding-type-url',
    spec: '#API_ListObjects_RequestSyntax',
    level: 'required',
    title: 'encoding-type=url → keys, prefixes, delimiter and markers URL-encoded (a space as + or %20), EncodingType=url echoed',
    evidence: [
      doc('https://docs.aws.amazon.com/AmazonS3/latest/API/RESTBucketGET.html', 'If you specify the encoding-type request parameter, Amazon S3 includes this element in the response, and returns encoded key name values in the following response elements: Delimiter, Marker, Prefix, NextMarker, Key.'),
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjects::test_list_objects_with_prefix[%2F]#list-objects', 'Delimiter %2F comes back encoded as %252F'),
      peer('https://github.com/brekkylab/backlot/issues/178', 'measured on AWS: key "a b.txt" is listed as a+b.txt, "a+b.txt" as a%2Bb.txt, "100%.csv" as 100%25.csv'),
    ],
  },
  async (c) => {
    await fx.judge(c, { encodingType: 'url', delimiter: '/', maxKeys: 3, aspects: ['params', 'encodingType', 'nextMarker'] });
    await fx.judge(c, { encodingType: 'url', prefix: 'c d', after: 'b/2/z', aspects: ['params', 'encodingType', 'nextMarker'] });
  },
);

op.check(
  {
    id: 'ListObjects/encoding-type-url-xml-unsafe-key',
    spec: '#API_ListObjects_RequestSyntax',
    level: 'required',
    title: 'a key with U+0001 (not allowed in XML 1.0) is listed correctly with encoding-type=url',
    evidence: [doc(`${API}#API_ListObjects_RequestSyntax`, "the XML 1.0 parser can't parse certain characters, such as characters with an ASCII value from 0 to 10. For characters that aren't supported in XML 1.0, you can add this parameter to request that Amazon S3 encode the keys in the response.")],
  },
  (c) => fx.judgeExtra(c, [XML_UNSAFE_KEY], [{ prefix: 'u/', encodingType: 'url' }]),
);

op.check(
  {
    id: 'ListObjects/encoding-type-invalid',
    spec: '#API_ListObjects_RequestSyntax',
    level: 'required',
    title: 'encoding-type=value (not url) → 400 InvalidArgument, ArgumentName encoding-type',
    evidence: [recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjectsV2::test_list_ops_encoding_type_validation[list_objects]#list_objects-error-wrong-value')],
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
    id: 'ListObjects/encoding-type-invalid-names-value',
    spec: '#API_ListObjects_RequestSyntax',
    level: 'required',
    title: 'encoding-type=value (not url) → 400 InvalidArgument with <ArgumentValue>value</ArgumentValue> (the value sent)',
    evidence: [
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjectsV2::test_list_ops_encoding_type_validation[list_objects]#list_objects-error-wrong-value', 'ArgumentName encoding-type, ArgumentValue value'),
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
    id: 'ListObjects/encoding-type-empty',
    spec: '#API_ListObjects_RequestSyntax',
    level: 'required',
    title: 'encoding-type= (empty) → 400 InvalidArgument',
    evidence: [recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjectsV2::test_list_ops_encoding_type_validation[list_objects]#list_objects-error-empty-value')],
  },
  async () => {
    await fx.settledRun(async () => expectRawError(await fx.list({ encodingType: '' }), { status: 400, code: 'InvalidArgument' }));
  },
);

// ---- keys that break gateways ----------------------------------------------------------------
op.check(
  {
    id: 'ListObjects/key-bytes-exact',
    spec: '#API_ListObjects_ResponseElements',
    level: 'required',
    title: 'keys with %, %25, %20, +, space, //, a trailing / and NFC vs NFD é → listed byte for byte as stored, as distinct keys',
    evidence: [
      recorded('tests/aws/services/s3/test_s3.py::TestS3::test_copy_object_special_character#list-object-copy-dest-special-char', 'keys "test key//", "test+key", "file%2Fname", "a/%F0%9F%98%80/" listed as stored'),
      doc('https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html', 'The name for a key is a sequence of Unicode characters whose UTF-8 encoding is at most 1,024 bytes long.'),
    ],
  },
  (c) => fx.judgeExtra(c, GATEWAY_KEYS, [{ prefix: GATEWAY_BASE }]),
);

op.check(
  {
    id: 'ListObjects/key-bytes-exact-url',
    spec: '#API_ListObjects_ResponseElements',
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
    id: 'ListObjects/request-id',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html',
    level: 'required',
    title: 'a ListObjects answer carries x-amz-request-id',
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
    id: 'ListObjects/id-2',
    spec: 'https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html',
    level: 'required',
    title: 'a ListObjects answer carries x-amz-id-2',
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
    id: 'ListObjects/result-namespace',
    spec: '#API_ListObjects_ResponseSyntax',
    level: 'required',
    title: 'the <ListBucketResult> root carries xmlns="http://s3.amazonaws.com/doc/2006-03-01/"',
    evidence: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_bucket_name_with_dots#request-path-url-content', 'a path-style GET of the bucket: ListBucketResult @xmlns http://s3.amazonaws.com/doc/2006-03-01/')],
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
    id: 'ListObjects/model',
    spec: '#API_ListObjects_ResponseElements',
    level: 'required',
    title: 'random key set (≤16 keys, UTF-8, delimiters at several depths) × random prefix/delimiter/max-keys/marker queries → equal to the model page by page',
    evidence: [
      ORDER_DOC,
      doc(`${API}#API_ListObjects_ResponseElements`, 'Each rolled-up result counts as only one return against the MaxKeys value.'),
      recorded('tests/aws/services/s3/test_s3_list_operations.py::TestS3ListObjects::test_list_objects_marker_common_prefixes#list-objects-start'),
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
    id: 'ListObjects/error-envelope',
    spec: ERROR_ENVELOPE_SPEC,
    level: 'required',
    title: "GET of a missing bucket, 404 NoSuchBucket → AWS's error envelope: request ids, application/xml, Code, Message, RequestId",
    evidence: [...ERROR_ENVELOPE_EVIDENCE],
  },
  async () => {
    const missing = newBucketName(rt, 'missing');
    const res = await raw(rt, { method: 'GET', bucket: missing });
    expectErrorEnvelope(res, { status: 404, code: 'NoSuchBucket' }, 'ListObjects of a missing bucket');
  },
);
