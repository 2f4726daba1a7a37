/**
 * The faults of the listing area (ListObjects, ListObjectsV2): a field of the ListBucketResult
 * document wrong or missing, entries out of order, pagination that lies or never advances, a
 * request parameter ignored or not echoed, key names rewritten or wrongly URL-encoded (a
 * normalising gateway), request-id headers dropped. See kit.ts for the shape of a fault.
 */
import { dropErrorElement, dropHeaders, editBody, editElements, editErrorAnswers, errorCode, operationOf, reverseElements, s3Error, stripQueryParam, withoutElement, xmlEscape, type Fault } from './kit.ts';
import { queryOf, type ProxyRequest } from '../proxy.ts';

const noQuery = (req: ProxyRequest, p: string): boolean => !queryOf(req.url).has(p);

export const LISTING_FAULTS: Fault[] = [
  // ---- the first catalogue (listing/…) ----------------------------------------------------------
  {
    id: 'listing/ignores-max-keys',
    area: 'listing',
    operation: 'ListObjectsV2',
    description: 'ListObjectsV2 ignores max-keys',
    only: ['ListObjectsV2/'],
    onRequest: stripQueryParam(['ListObjectsV2'], 'max-keys'),
  },
  {
    id: 'listing/unsorted',
    area: 'listing',
    operation: 'ListObjectsV2',
    description: 'ListObjectsV2 returns Contents in reverse order',
    only: ['ListObjectsV2/'],
    onResponse: editBody(['ListObjectsV2'], (xml) => reverseElements(xml, 'Contents')),
  },
  {
    id: 'listing/v1-unsorted',
    area: 'listing',
    operation: 'ListObjects',
    description: 'ListObjects (v1) returns Contents in reverse order',
    only: ['ListObjects/'],
    onResponse: editBody(['ListObjects'], (xml) => reverseElements(xml, 'Contents')),
  },
  {
    id: 'listing/drops-common-prefixes',
    area: 'listing',
    operation: 'ListObjects',
    description: 'ListObjects drops CommonPrefixes',
    only: ['ListObjects/'],
    onResponse: editBody(['ListObjects'], (xml) => xml.replace(/<CommonPrefixes>[\s\S]*?<\/CommonPrefixes>/g, '')),
  },
  {
    id: 'listing/lies-is-truncated',
    area: 'listing',
    operation: 'ListObjectsV2',
    description: 'ListObjectsV2 says IsTruncated=false on a truncated page',
    only: ['ListObjectsV2/'],
    onResponse: editBody(['ListObjectsV2'], (xml) => xml.replace('<IsTruncated>true</IsTruncated>', '<IsTruncated>false</IsTruncated>')),
  },
  {
    id: 'listing/repeats-continuation-token',
    area: 'listing',
    operation: 'ListObjectsV2',
    description: 'ListObjectsV2 hands back the continuation token it was given (pagination never advances)',
    only: ['ListObjectsV2/'],
    onResponse: editBody(['ListObjectsV2'], (xml, req) => {
      const given = queryOf(req.url).get('continuation-token');
      if (!given) return xml;
      const esc = given.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      return xml.replace(/<NextContinuationToken>[^<]*<\/NextContinuationToken>/, `<NextContinuationToken>${esc}</NextContinuationToken>`);
    }),
  },
  // ---- second round (listing2/…) ----------------------------------------------------------------
  {
    id: 'listing2/v2-keycount-off-by-one',
    area: 'listing',
    operation: 'ListObjectsV2',
    description: 'ListObjectsV2 reports KeyCount one higher than the entries returned',
    only: ['ListObjectsV2/'],
    onResponse: editBody(['ListObjectsV2'], (xml) => editElements(xml, 'KeyCount', (v) => String(Number(v) + 1))),
  },
  {
    id: 'listing2/v1-drops-owner',
    area: 'listing',
    operation: 'ListObjects',
    description: 'ListObjects (v1) omits Owner from every Contents entry',
    only: ['ListObjects/'],
    onResponse: editBody(['ListObjects'], (xml) => xml.replace(/(<Contents>[\s\S]*?)<Owner>[\s\S]*?<\/Owner>/g, '$1')),
  },
  {
    id: 'listing2/v2-owner-without-fetch-owner',
    area: 'listing',
    operation: 'ListObjectsV2',
    description: 'ListObjectsV2 returns Owner in every entry although fetch-owner was not requested',
    only: ['ListObjectsV2/'],
    onResponse: editBody(['ListObjectsV2'], (xml, req) =>
      noQuery(req, 'fetch-owner') ? xml.replace(/<\/Contents>/g, '<Owner><ID>fault-owner</ID><DisplayName>fault-owner</DisplayName></Owner></Contents>') : xml,
    ),
  },
  {
    id: 'listing2/v1-etag-unquoted',
    area: 'listing',
    operation: 'ListObjects',
    description: 'ListObjects (v1) returns ETag without the surrounding double quotes',
    only: ['ListObjects/'],
    onResponse: editBody(['ListObjects'], (xml) => editElements(xml, 'ETag', (v) => v.replace(/&quot;|"/g, ''))),
  },
  {
    id: 'listing2/v2-last-modified-local-time',
    area: 'listing',
    operation: 'ListObjectsV2',
    description: 'ListObjectsV2 writes LastModified in local time (UTC+9) but labels it Z',
    only: ['ListObjectsV2/'],
    onResponse: editBody(['ListObjectsV2'], (xml) =>
      editElements(xml, 'LastModified', (v) => {
        const t = Date.parse(v);
        return Number.isNaN(t) ? v : new Date(t + 9 * 3_600_000).toISOString();
      }),
    ),
  },
  {
    id: 'listing2/v1-last-modified-http-date',
    area: 'listing',
    operation: 'ListObjects',
    description: 'ListObjects (v1) writes LastModified as an HTTP date (RFC 1123) instead of ISO 8601',
    only: ['ListObjects/'],
    onResponse: editBody(['ListObjects'], (xml) =>
      editElements(xml, 'LastModified', (v) => {
        const t = Date.parse(v);
        return Number.isNaN(t) ? v : new Date(t).toUTCString();
      }),
    ),
  },
  {
    id: 'listing2/v2-storage-class-missing',
    area: 'listing',
    operation: 'ListObjectsV2',
    description: 'ListObjectsV2 omits StorageClass from the entries',
    only: ['ListObjectsV2/'],
    onResponse: editBody(['ListObjectsV2'], (xml) => xml.replace(/<StorageClass>[^<]*<\/StorageClass>/g, '')),
  },
  {
    id: 'listing2/v1-no-next-marker-with-delimiter',
    area: 'listing',
    operation: 'ListObjects',
    description: 'ListObjects (v1) omits NextMarker on a truncated page although a delimiter was given',
    only: ['ListObjects/'],
    onResponse: editBody(['ListObjects'], (xml) => xml.replace(/<NextMarker>[^<]*<\/NextMarker>/, '')),
  },
  {
    id: 'listing2/v2-start-after-not-echoed',
    area: 'listing',
    operation: 'ListObjectsV2',
    description: 'ListObjectsV2 honours start-after but does not echo StartAfter',
    only: ['ListObjectsV2/'],
    onResponse: editBody(['ListObjectsV2'], (xml) => xml.replace(/<StartAfter>[^<]*<\/StartAfter>/, '')),
  },
  {
    id: 'listing2/v1-encoding-type-not-echoed',
    area: 'listing',
    operation: 'ListObjects',
    description: 'ListObjects (v1) URL-encodes with encoding-type=url but does not echo EncodingType',
    only: ['ListObjects/'],
    onResponse: editBody(['ListObjects'], (xml) => xml.replace(/<EncodingType>[^<]*<\/EncodingType>/, '')),
  },
  {
    id: 'listing2/v1-ignores-marker',
    area: 'listing',
    operation: 'ListObjects',
    description: 'ListObjects (v1) ignores marker (always lists from the start)',
    only: ['ListObjects/'],
    onRequest: (req) => {
      if (operationOf(req) !== 'ListObjects') return;
      const [path, qs] = req.url.split('?');
      if (!qs) return;
      const kept = qs.split('&').filter((p) => p.split('=')[0] !== 'marker');
      req.url = kept.length ? `${path}?${kept.join('&')}` : (path ?? '/');
    },
  },
  {
    id: 'listing2/v2-max-keys-echo-default',
    area: 'listing',
    operation: 'ListObjectsV2',
    description: 'ListObjectsV2 honours max-keys but always echoes MaxKeys 1000',
    only: ['ListObjectsV2/'],
    onResponse: editBody(['ListObjectsV2'], (xml) => editElements(xml, 'MaxKeys', () => '1000')),
  },
  {
    id: 'listing2/v2-size-zero',
    area: 'listing',
    operation: 'ListObjectsV2',
    description: 'ListObjectsV2 reports Size 0 for every object',
    only: ['ListObjectsV2/'],
    onResponse: editBody(['ListObjectsV2'], (xml) => editElements(xml, 'Size', () => '0')),
  },
  {
    id: 'listing2/v2-url-keys-not-encoded',
    area: 'listing',
    operation: 'ListObjectsV2',
    description: 'ListObjectsV2 with encoding-type=url echoes EncodingType but returns the Keys raw (not URL-encoded)',
    only: ['ListObjectsV2/'],
    onResponse: editBody(['ListObjectsV2'], (xml, req) =>
      queryOf(req.url).get('encoding-type') === 'url'
        ? editElements(xml, 'Key', (v) => {
            try {
              // eslint-disable-next-line no-control-regex
              return xmlEscape(decodeURIComponent(v)).replace(/[\u0000-\u0008]/g, '');
            } catch {
              return v;
            }
          })
        : xml,
    ),
  },
  {
    id: 'listing2/v1-name-wrong',
    area: 'listing',
    operation: 'ListObjects',
    description: 'ListObjects (v1) reports the account/container path as Name instead of the bucket name',
    only: ['ListObjects/'],
    onResponse: editBody(['ListObjects'], (xml) => editElements(xml, 'Name', (v) => `AUTH_test/${v}`)),
  },
  {
    id: 'listing2/v2-no-such-bucket-no-such-key',
    area: 'listing',
    operation: 'ListObjectsV2',
    description: 'ListObjectsV2 of a missing bucket answers 404 NoSuchKey instead of NoSuchBucket',
    only: ['ListObjectsV2/'],
    onResponse: (req, res) => (operationOf(req) === 'ListObjectsV2' && errorCode(res) === 'NoSuchBucket' ? s3Error(404, 'NoSuchKey') : undefined),
  },
  // ---- depth checks (listing3/…) ----------------------------------------------------------------
  {
    id: 'listing3/v1-keys-nfc-normalised',
    area: 'listing',
    operation: 'ListObjects',
    description: 'ListObjects (v1) returns key names normalised to Unicode NFC (a key stored in NFD is listed as another key)',
    only: ['ListObjects/key-bytes-exact'],
    onResponse: editBody(['ListObjects'], (xml) => editElements(xml, 'Key', (v) => v.normalize('NFC'))),
  },
  {
    id: 'listing3/v2-double-slash-collapsed',
    area: 'listing',
    operation: 'ListObjectsV2',
    description: 'ListObjectsV2 collapses "//" in key names to "/" (a path-normalising gateway)',
    only: ['ListObjectsV2/key-bytes-exact'],
    onResponse: editBody(['ListObjectsV2'], (xml) => editElements(xml, 'Key', (v) => v.replace(/\/{2,}/g, '/').replace(/(%2F){2,}/gi, '%2F'))),
  },
  {
    id: 'listing3/v1-url-plus-not-encoded',
    area: 'listing',
    operation: 'ListObjects',
    description: 'ListObjects (v1) with encoding-type=url writes a literal "+" raw instead of %2B (a client decodes it as a space)',
    only: ['ListObjects/key-bytes-exact-url'],
    onResponse: editBody(['ListObjects'], (xml, req) => (queryOf(req.url).get('encoding-type') === 'url' ? editElements(xml, 'Key', (v) => v.replace(/%2B/gi, '+')) : xml)),
  },
  {
    id: 'listing3/v2-no-request-id',
    area: 'listing',
    operation: 'ListObjectsV2',
    description: 'ListObjectsV2 answers without an x-amz-request-id header',
    only: ['ListObjectsV2/request-id'],
    onResponse: dropHeaders(['ListObjectsV2'], (n) => n === 'x-amz-request-id'),
  },
  {
    id: 'listing3/v1-no-id-2',
    area: 'listing',
    operation: 'ListObjects',
    description: 'ListObjects (v1) answers without an x-amz-id-2 header',
    only: ['ListObjects/id-2'],
    onResponse: dropHeaders(['ListObjects'], (n) => n === 'x-amz-id-2'),
  },
  {
    id: 'listing3/v2-encoding-type-unvalidated',
    area: 'listing',
    operation: 'ListObjectsV2',
    description: 'ListObjectsV2 ignores an encoding-type other than url instead of answering 400 InvalidArgument',
    only: ['ListObjectsV2/encoding-type-invalid'],
    onRequest: (req) => {
      if (operationOf(req) !== 'ListObjectsV2') return;
      const [path, qs] = req.url.split('?');
      if (!qs) return;
      const kept = qs.split('&').filter((p) => !(p.startsWith('encoding-type=') && p !== 'encoding-type=url'));
      req.url = kept.length ? `${path}?${kept.join('&')}` : (path ?? '/');
    },
  },
  {
    id: 'listing3/v1-marker-not-echoed',
    area: 'listing',
    operation: 'ListObjects',
    description: 'ListObjects (v1) honours marker but answers an empty Marker element',
    only: ['ListObjects/request-echo', 'ListObjects/marker'],
    onResponse: editBody(['ListObjects'], (xml) => xml.replace(/<Marker>[^<]*<\/Marker>/, '<Marker></Marker>')),
  },
  {
    id: 'listing3/v2-continuation-token-not-echoed',
    area: 'listing',
    operation: 'ListObjectsV2',
    description: 'ListObjectsV2 honours continuation-token but leaves ContinuationToken out of the answer',
    only: ['ListObjectsV2/continuation-token-echo'],
    onResponse: editBody(['ListObjectsV2'], (xml) => xml.replace(/<ContinuationToken>[^<]*<\/ContinuationToken>/, '')),
  },
  {
    id: 'listing3/v1-marker-slash-dropped',
    area: 'listing',
    operation: 'ListObjects',
    description: 'ListObjects (v1) with a delimiter drops the trailing "/" of the marker, so the common prefix equal to the marker (a/) is listed again',
    only: ['ListObjects/marker-common-prefix'],
    onRequest: (req) => {
      if (operationOf(req) !== 'ListObjects') return;
      const q = queryOf(req.url);
      const marker = q.get('marker');
      if (!marker || !q.get('delimiter') || !marker.endsWith('/')) return;
      // marker "a/" (a common prefix) → "a" : the group a/ is listed again
      req.url = req.url.replace(/([?&]marker=)[^&]*/, `$1${encodeURIComponent(marker.slice(0, -1))}`);
    },
  },
  // ---- the sixth catalogue (listing6/…): the fields naming an InvalidArgument -------------------
  {
    id: 'listing6/v1-encoding-type-value-dropped',
    area: 'listing',
    operation: 'ListObjects',
    description: 'the InvalidArgument error of ListObjects for a bad encoding-type carries no <ArgumentValue>',
    only: ['ListObjects/encoding-type-invalid-names-value'],
    onResponse: (req, res) =>
      operationOf(req) === 'ListObjects' && errorCode(res) === 'InvalidArgument' ? { ...res, body: Buffer.from(res.body.toString('utf8').replace(/<ArgumentValue>[^<]*<\/ArgumentValue>/, '')) } : undefined,
  },
  {
    id: 'listing6/v2-encoding-type-value-dropped',
    area: 'listing',
    operation: 'ListObjectsV2',
    description: 'the InvalidArgument error of ListObjectsV2 for a bad encoding-type carries no <ArgumentValue>',
    only: ['ListObjectsV2/encoding-type-invalid-names-value'],
    onResponse: (req, res) =>
      operationOf(req) === 'ListObjectsV2' && errorCode(res) === 'InvalidArgument' ? { ...res, body: Buffer.from(res.body.toString('utf8').replace(/<ArgumentValue>[^<]*<\/ArgumentValue>/, '')) } : undefined,
  },
  {
    id: 'listing7/result-namespace-dropped',
    area: 'listing',
    operation: ['ListObjects', 'ListObjectsV2'],
    description: 'the <ListBucketResult> root of a listing carries no xmlns (the S3 namespace)',
    only: ['ListObjects/result-namespace', 'ListObjectsV2/result-namespace'],
    onResponse: editBody(['ListObjects', 'ListObjectsV2'], (xml) => xml.replace(/<ListBucketResult\s+xmlns="[^"]*"/, '<ListBucketResult')),
  },
  {
    id: 'listing7/no-such-bucket-unnamed',
    area: 'listing',
    operation: ['ListObjects', 'ListObjectsV2'],
    description: 'the NoSuchBucket error of a listing carries no <BucketName>',
    only: ['ListObjects/no-such-bucket-names-bucket', 'ListObjectsV2/no-such-bucket-names-bucket'],
    onResponse: dropErrorElement(['ListObjects', 'ListObjectsV2'], 'NoSuchBucket', 'BucketName'),
  },
  // ---- the error envelope (listing8/…) ----------------------------------------------------------
  {
    id: 'listing8/error-no-message',
    area: 'listing',
    operation: ['ListObjects', 'ListObjectsV2'],
    description: 'the error answers of the listings carry no <Message>',
    only: ['ListObjects/error-envelope', 'ListObjectsV2/error-envelope'],
    onResponse: editErrorAnswers(['ListObjects', 'ListObjectsV2'], (res) => withoutElement(res, 'Message')),
  },
];
