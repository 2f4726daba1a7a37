/**
 * The conditional-request table shared by GetObject and HeadObject (RFC 7232 §6 precedence as
 * the GetObject/HeadObject pages document it). Dates are relative to the object's Last-Modified
 * and never in the future (a future If-Modified-Since is invalid and ignored under RFC 7232).
 * Each row carries its evidence for GET and for HEAD: AWS's recorded answers where a recording
 * covers the stimulus, else the sentence of the GetObject/HeadObject page that states it.
 */
import { doc, peer, recorded, type Evidence } from '../../harness/api/index.ts';

export interface ConditionalRow {
  slug: string;
  title: string;
  ifMatch?: 'etag' | 'other' | '*';
  ifNoneMatch?: 'etag' | 'other';
  ifModifiedSince?: 'lm' | 'day-before';
  ifUnmodifiedSince?: 'lm' | 'day-before';
  status: 200 | 304 | 412;
  /** optional: follows from RFC 7232 §6, which the S3 pages defer to, but is not spelled out there. */
  level?: 'optional';
  evidence: { get: Evidence[]; head: Evidence[] };
}

export const CONDITIONALS: readonly ConditionalRow[] = [
  {
    slug: 'if-match-true',
    title: 'If-Match: <its ETag>',
    ifMatch: 'etag',
    status: 200,
    evidence: {
      get: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_get_object_headers#if_match_1', '200')],
      head: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_get_object_preconditions[head_object]#obj-success', 'all four conditions true (If-Match its ETag) → 200')],
    },
  },
  {
    slug: 'if-match-star',
    title: 'If-Match: *',
    ifMatch: '*',
    status: 200,
    level: 'optional',
    evidence: {
      get: [peer('https://www.rfc-editor.org/rfc/rfc7232#section-3.1', 'RFC 7232 §3.1: If-Match "*" is true when a current representation exists; the S3 pages refer to RFC 7232')],
      head: [peer('https://www.rfc-editor.org/rfc/rfc7232#section-3.1', 'RFC 7232 §3.1: If-Match "*" is true when a current representation exists; the S3 pages refer to RFC 7232')],
    },
  },
  {
    slug: 'if-match-false',
    title: 'If-Match: <another ETag>',
    ifMatch: 'other',
    status: 412,
    evidence: {
      get: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_precondition_failed_error#get-object-if-match', '412 PreconditionFailed')],
      head: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_get_object_preconditions[head_object]#precondition-if-match', '412 with no body')],
    },
  },
  {
    slug: 'if-none-match-true',
    title: 'If-None-Match: <another ETag>',
    ifNoneMatch: 'other',
    status: 200,
    evidence: {
      get: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_get_object_headers#if_none_match_1', '200')],
      head: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_get_object_preconditions[head_object]#obj-success', 'If-None-Match "etag123" → 200')],
    },
  },
  {
    slug: 'if-none-match-false',
    title: 'If-None-Match: <its ETag>',
    ifNoneMatch: 'etag',
    status: 304,
    evidence: {
      get: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_get_object_headers#if_none_match_err_1', '304 Not Modified')],
      head: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_get_object_preconditions[head_object]#precondition-if-none-match', '304')],
    },
  },
  {
    slug: 'if-modified-since-true',
    title: 'If-Modified-Since: a day before Last-Modified',
    ifModifiedSince: 'day-before',
    status: 200,
    evidence: {
      get: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_get_object_preconditions[get_object]#obj-success', 'If-Modified-Since a day before → 200')],
      head: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_get_object_preconditions[head_object]#obj-success', 'If-Modified-Since a day before → 200')],
    },
  },
  {
    slug: 'if-modified-since-false',
    title: 'If-Modified-Since: its Last-Modified',
    ifModifiedSince: 'lm',
    status: 304,
    evidence: {
      get: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_get_object_preconditions[get_object]#precondition-if-modified-since-is-object', '304')],
      head: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_get_object_preconditions[head_object]#precondition-if-modified-since-is-object', '304')],
    },
  },
  {
    slug: 'if-unmodified-since-true',
    title: 'If-Unmodified-Since: its Last-Modified',
    ifUnmodifiedSince: 'lm',
    status: 200,
    evidence: {
      get: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_get_object_preconditions[get_object]#precondition-if-unmodified-since-is-object', '200')],
      head: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_get_object_preconditions[head_object]#precondition-if-unmodified-since-is-object', '200')],
    },
  },
  {
    slug: 'if-unmodified-since-false',
    title: 'If-Unmodified-Since: a day before Last-Modified',
    ifUnmodifiedSince: 'day-before',
    status: 412,
    evidence: {
      get: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_get_object_preconditions[get_object]#precondition-if-unmodified-since', '412 PreconditionFailed, Condition If-Unmodified-Since')],
      head: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_get_object_preconditions[head_object]#precondition-if-unmodified-since', '412')],
    },
  },
  {
    slug: 'if-match-true-if-unmodified-since-false',
    title: 'If-Match true + If-Unmodified-Since false (If-Match wins)',
    ifMatch: 'etag',
    ifUnmodifiedSince: 'day-before',
    status: 200,
    evidence: {
      get: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html', 'If-Match condition evaluates to true, and; If-Unmodified-Since condition evaluates to false; then, S3 returns 200 OK and the data requested.')],
      head: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html', 'If-Match condition evaluates to true, and; If-Unmodified-Since condition evaluates to false; then Amazon S3 returns 200 OK and the data requested.')],
    },
  },
  {
    slug: 'if-none-match-false-if-modified-since-true',
    title: 'If-None-Match false + If-Modified-Since true (If-None-Match wins)',
    ifNoneMatch: 'etag',
    ifModifiedSince: 'day-before',
    status: 304,
    evidence: {
      get: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html', 'If-None-Match condition evaluates to false, and; If-Modified-Since condition evaluates to true; then, S3 returns 304 Not Modified status code.')],
      head: [doc('https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html', 'If-None-Match condition evaluates to false, and; If-Modified-Since condition evaluates to true; then Amazon S3 returns the 304 Not Modified response code.')],
    },
  },
  {
    slug: 'if-none-match-true-if-modified-since-false',
    title: 'If-None-Match true + If-Modified-Since false (If-Modified-Since ignored)',
    ifNoneMatch: 'other',
    ifModifiedSince: 'lm',
    status: 200,
    level: 'optional',
    evidence: {
      get: [peer('https://www.rfc-editor.org/rfc/rfc7232#section-3.3', 'RFC 7232 §3.3: a recipient MUST ignore If-Modified-Since if the request contains an If-None-Match header field')],
      head: [peer('https://www.rfc-editor.org/rfc/rfc7232#section-3.3', 'RFC 7232 §3.3: a recipient MUST ignore If-Modified-Since if the request contains an If-None-Match header field')],
    },
  },
  {
    slug: 'if-match-false-if-none-match-true',
    title: 'If-Match false + If-None-Match true (If-Match first)',
    ifMatch: 'other',
    ifNoneMatch: 'other',
    status: 412,
    level: 'optional',
    evidence: {
      get: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_get_object_preconditions[get_object]#precondition-if-match', 'If-Match is evaluated first: 412 Condition If-Match even with the other three conditions present')],
      head: [recorded('tests/aws/services/s3/test_s3.py::TestS3::test_s3_get_object_preconditions[head_object]#precondition-if-match', 'If-Match is evaluated first: 412')],
    },
  },
];

const OTHER_ETAG = '"00000000000000000000000000000000"';

export function conditionalHeaders(row: ConditionalRow, etag: string, lastModified: string): Record<string, string> {
  const lm = new Date(lastModified);
  const dayBefore = new Date(lm.getTime() - 86_400_000).toUTCString();
  const date = (d: 'lm' | 'day-before'): string => (d === 'lm' ? lm.toUTCString() : dayBefore);
  const h: Record<string, string> = {};
  if (row.ifMatch) h['if-match'] = row.ifMatch === 'etag' ? etag : row.ifMatch === '*' ? '*' : OTHER_ETAG;
  if (row.ifNoneMatch) h['if-none-match'] = row.ifNoneMatch === 'etag' ? etag : OTHER_ETAG;
  if (row.ifModifiedSince) h['if-modified-since'] = date(row.ifModifiedSince);
  if (row.ifUnmodifiedSince) h['if-unmodified-since'] = date(row.ifUnmodifiedSince);
  return h;
}
