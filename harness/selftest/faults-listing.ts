/**
 * Faults of the listing area added with the depth checks (see faults.ts for the shape of a fault):
 * a gateway that rewrites key names in listings, wrong URL encoding, missing request-id headers,
 * parameters accepted or not echoed.
 */
import { dropHeaders, editBody, operationOf, type Fault } from './fault-kit.ts';
import { queryOf } from './proxy.ts';

/** Rewrite every <tag>value</tag> of the body. */
function editElements(xml: string, tag: string, f: (v: string) => string): string {
  return xml.replace(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'), (_m, v: string) => `<${tag}>${f(v)}</${tag}>`);
}

export const LISTING_FAULTS: Fault[] = [
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
];
