/**
 * The conditional-request table shared by GetObject and HeadObject (RFC 7232 §6 precedence as
 * the GetObject/HeadObject pages document it). Dates are relative to the object's Last-Modified
 * and never in the future (a future If-Modified-Since is invalid and ignored under RFC 7232).
 */
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
}

export const CONDITIONALS: readonly ConditionalRow[] = [
  { slug: 'if-match-true', title: 'If-Match: <its ETag>', ifMatch: 'etag', status: 200 },
  { slug: 'if-match-star', title: 'If-Match: *', ifMatch: '*', status: 200, level: 'optional' },
  { slug: 'if-match-false', title: 'If-Match: <another ETag>', ifMatch: 'other', status: 412 },
  { slug: 'if-none-match-true', title: 'If-None-Match: <another ETag>', ifNoneMatch: 'other', status: 200 },
  { slug: 'if-none-match-false', title: 'If-None-Match: <its ETag>', ifNoneMatch: 'etag', status: 304 },
  { slug: 'if-modified-since-true', title: 'If-Modified-Since: a day before Last-Modified', ifModifiedSince: 'day-before', status: 200 },
  { slug: 'if-modified-since-false', title: 'If-Modified-Since: its Last-Modified', ifModifiedSince: 'lm', status: 304 },
  { slug: 'if-unmodified-since-true', title: 'If-Unmodified-Since: its Last-Modified', ifUnmodifiedSince: 'lm', status: 200 },
  { slug: 'if-unmodified-since-false', title: 'If-Unmodified-Since: a day before Last-Modified', ifUnmodifiedSince: 'day-before', status: 412 },
  { slug: 'if-match-true-if-unmodified-since-false', title: 'If-Match true + If-Unmodified-Since false (If-Match wins)', ifMatch: 'etag', ifUnmodifiedSince: 'day-before', status: 200 },
  { slug: 'if-none-match-false-if-modified-since-true', title: 'If-None-Match false + If-Modified-Since true (If-None-Match wins)', ifNoneMatch: 'etag', ifModifiedSince: 'day-before', status: 304 },
  { slug: 'if-none-match-true-if-modified-since-false', title: 'If-None-Match true + If-Modified-Since false (If-Modified-Since ignored)', ifNoneMatch: 'other', ifModifiedSince: 'lm', status: 200, level: 'optional' },
  { slug: 'if-match-false-if-none-match-true', title: 'If-Match false + If-None-Match true (If-Match first)', ifMatch: 'other', ifNoneMatch: 'other', status: 412, level: 'optional' },
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
