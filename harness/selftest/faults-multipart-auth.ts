/**
 * Multipart and auth faults for the self-validation (see faults.ts for the shape and helpers):
 * plausible bugs of an S3 layer's multipart bookkeeping and of its request authentication.
 */
import { acceptRejected, dropHeaders, editBody, errorCode, operationOf, stripRequestHeader, type Fault } from './fault-kit.ts';
import { queryOf, type ProxyRequest, type ProxyResponse } from './proxy.ts';

/** Replace the first element <tag>…</tag> (or <tag/>) of an XML body. */
function replaceElement(xml: string, tag: string, value: string | null): string {
  const re = new RegExp(`<${tag}>[^<]*</${tag}>|<${tag}\\s*/>`);
  return xml.replace(re, value === null ? '' : `<${tag}>${value}</${tag}>`);
}

/** Rewrite an error answer's code (and optionally its status). */
function recode(res: ProxyResponse, code: string, status = res.status): ProxyResponse {
  return { ...res, status, body: Buffer.from(res.body.toString('utf8').replace(/<Code>[^<]*<\/Code>/, `<Code>${code}</Code>`)) };
}

const unsignedRequest = (req: ProxyRequest): boolean => req.headers.authorization === undefined && !queryOf(req.url).has('X-Amz-Signature') && !queryOf(req.url).has('Signature');

export const MULTIPART_AUTH_FAULTS: Fault[] = [
  // ---- multipart --------------------------------------------------------------------------
  {
    id: 'multipart2/create-drops-key',
    area: 'multipart',
    operation: 'CreateMultipartUpload',
    description: 'InitiateMultipartUploadResult omits the <Key> element',
    only: ['CreateMultipartUpload/'],
    onResponse: editBody(['CreateMultipartUpload'], (xml) => replaceElement(xml, 'Key', null)),
  },
  {
    id: 'multipart2/upload-part-ignores-content-md5',
    area: 'multipart',
    operation: 'UploadPart',
    description: 'UploadPart does not verify Content-MD5 (a part whose digest does not match is stored)',
    only: ['UploadPart/'],
    onRequest: stripRequestHeader(['UploadPart'], 'content-md5'),
  },
  {
    id: 'multipart2/upload-part-etag-unquoted',
    area: 'multipart',
    operation: 'UploadPart',
    description: 'UploadPart answers the part ETag without the surrounding double quotes',
    only: ['UploadPart/'],
    onResponse: (req, res) => {
      const etag = res.headers.etag;
      if (operationOf(req) !== 'UploadPart' || res.status !== 200 || typeof etag !== 'string') return;
      return { ...res, headers: { ...res.headers, etag: etag.replace(/"/g, '') } };
    },
  },
  {
    id: 'multipart2/list-parts-default-max-parts',
    area: 'multipart',
    operation: 'ListParts',
    description: 'ListParts without max-parts reports <MaxParts> as the number of parts returned instead of the default 1000',
    only: ['ListParts/'],
    onResponse: editBody(['ListParts'], (xml, req) => {
      if (queryOf(req.url).has('max-parts')) return xml;
      const n = (xml.match(/<Part>/g) ?? []).length;
      return replaceElement(xml, 'MaxParts', String(n));
    }),
  },
  {
    id: 'multipart2/list-parts-truncated-lies',
    area: 'multipart',
    operation: 'ListParts',
    description: 'ListParts says IsTruncated=false on a truncated page',
    only: ['ListParts/'],
    onResponse: editBody(['ListParts'], (xml) => xml.replace('<IsTruncated>true</IsTruncated>', '<IsTruncated>false</IsTruncated>')),
  },
  {
    id: 'multipart2/list-uploads-markers-not-echoed',
    area: 'multipart',
    operation: 'ListMultipartUploads',
    description: 'ListMultipartUploads does not echo key-marker / upload-id-marker in <KeyMarker> / <UploadIdMarker>',
    only: ['ListMultipartUploads/'],
    onResponse: editBody(['ListMultipartUploads'], (xml) => replaceElement(replaceElement(xml, 'KeyMarker', null), 'UploadIdMarker', null)),
  },
  {
    id: 'multipart2/list-uploads-drops-initiated',
    area: 'multipart',
    operation: 'ListMultipartUploads',
    description: 'ListMultipartUploads Upload entries lack <Initiated>',
    only: ['ListMultipartUploads/'],
    onResponse: editBody(['ListMultipartUploads'], (xml) => xml.replace(/<Initiated>[^<]*<\/Initiated>/g, '')),
  },
  {
    id: 'multipart2/list-uploads-default-max-uploads',
    area: 'multipart',
    operation: 'ListMultipartUploads',
    description: 'ListMultipartUploads without max-uploads reports <MaxUploads> 0 instead of the default 1000',
    only: ['ListMultipartUploads/'],
    onResponse: editBody(['ListMultipartUploads'], (xml, req) => (queryOf(req.url).has('max-uploads') ? xml : replaceElement(xml, 'MaxUploads', '0'))),
  },
  {
    id: 'multipart2/complete-wrong-location',
    area: 'multipart',
    operation: 'CompleteMultipartUpload',
    description: 'CompleteMultipartUploadResult <Location> names the bucket only, not the new object',
    only: ['CompleteMultipartUpload/'],
    onResponse: editBody(['CompleteMultipartUpload'], (xml) => xml.replace(/<Location>([^<]*?)\/[^/<]+<\/Location>/, '<Location>$1</Location>')),
  },
  {
    id: 'multipart2/no-such-upload-as-no-such-key',
    area: 'multipart',
    operation: 'UploadPart',
    description: 'an unknown upload id answers 404 NoSuchKey instead of NoSuchUpload (UploadPart, Abort, Complete)',
    only: ['UploadPart/', 'AbortMultipartUpload/'],
    onResponse: (req, res) => {
      const op = operationOf(req);
      if ((op === 'UploadPart' || op === 'AbortMultipartUpload' || op === 'CompleteMultipartUpload') && errorCode(res) === 'NoSuchUpload') return recode(res, 'NoSuchKey');
      return undefined;
    },
  },
  {
    id: 'multipart2/abort-unknown-204',
    area: 'multipart',
    operation: 'AbortMultipartUpload',
    description: 'AbortMultipartUpload of an unknown or already aborted upload answers 204',
    only: ['AbortMultipartUpload/'],
    onResponse: (req, res) => (operationOf(req) === 'AbortMultipartUpload' && errorCode(res) === 'NoSuchUpload' ? { status: 204, headers: {}, body: Buffer.alloc(0) } : undefined),
  },
  {
    id: 'multipart2/copy-part-drops-last-modified',
    area: 'multipart',
    operation: 'UploadPartCopy',
    description: 'CopyPartResult lacks <LastModified>',
    only: ['UploadPartCopy/'],
    onResponse: editBody(['UploadPartCopy'], (xml) => xml.replace(/<LastModified>[^<]*<\/LastModified>/, '')),
  },
  {
    id: 'multipart2/copy-missing-source-no-such-upload',
    area: 'multipart',
    operation: 'UploadPartCopy',
    description: 'UploadPartCopy from a missing source key answers 404 NoSuchUpload instead of NoSuchKey',
    only: ['UploadPartCopy/'],
    onResponse: (req, res) => (operationOf(req) === 'UploadPartCopy' && errorCode(res) === 'NoSuchKey' ? recode(res, 'NoSuchUpload') : undefined),
  },
  {
    id: 'multipart2/part-number-zero-accepted',
    area: 'multipart',
    operation: 'UploadPart',
    description: 'UploadPart accepts part numbers outside 1-10,000 (400 InvalidArgument turned into 200)',
    only: ['UploadPart/'],
    onResponse: acceptRejected(['UploadPart'], ['InvalidArgument'], 400),
  },
  // ---- auth --------------------------------------------------------------------------------
  {
    id: 'auth2/skew-as-400',
    area: 'auth',
    operation: 'SigV4',
    description: 'RequestTimeTooSkewed is answered with status 400 instead of 403',
    only: ['SigV4/date-skew'],
    onResponse: (req, res) => (errorCode(res) === 'RequestTimeTooSkewed' ? { ...res, status: 400 } : undefined),
  },
  {
    id: 'auth2/future-date-accepted',
    area: 'auth',
    operation: 'SigV4',
    description: 'only past-dated requests are checked for skew: a request dated 16 minutes in the future is accepted',
    only: ['SigV4/date-skew'],
    onResponse: acceptRejected('any', ['RequestTimeTooSkewed'], 403, (req) => {
      const d = String(req.headers['x-amz-date'] ?? '');
      const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(d);
      return m !== null && Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) > Date.now();
    }),
  },
  {
    id: 'auth2/missing-date-wrong-code',
    area: 'auth',
    operation: 'SigV4',
    description: 'a SigV4 request without any date is answered 400 AuthorizationHeaderMalformed instead of 403 AccessDenied',
    only: ['SigV4/missing-date'],
    onResponse: (req, res) =>
      req.headers['x-amz-date'] === undefined && req.headers.date === undefined && String(req.headers.authorization ?? '').startsWith('AWS4-') && res.status >= 400
        ? recode(res, 'AuthorizationHeaderMalformed', 400)
        : undefined,
  },
  {
    id: 'auth2/unsigned-payload-rejected',
    area: 'auth',
    operation: 'SigV4',
    description: 'x-amz-content-sha256: UNSIGNED-PAYLOAD is refused with 403 SignatureDoesNotMatch',
    only: ['SigV4/unsigned-payload'],
    onRequest: (req) =>
      req.headers['x-amz-content-sha256'] === 'UNSIGNED-PAYLOAD' && req.headers.authorization !== undefined
        ? { status: 403, headers: { 'content-type': 'application/xml' }, body: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Error><Code>SignatureDoesNotMatch</Code><Message>fault</Message></Error>') }
        : undefined,
  },
  {
    id: 'auth2/presigned-wrong-signature-accepted',
    area: 'auth',
    operation: 'SigV4Presigned',
    description: 'a presigned URL with a wrong signature is accepted (SignatureDoesNotMatch turned into 200)',
    only: ['SigV4Presigned/'],
    onResponse: acceptRejected('any', ['SignatureDoesNotMatch'], 403, (req) => queryOf(req.url).has('X-Amz-Signature')),
  },
  {
    id: 'auth2/presigned-expires-limit-ignored',
    area: 'auth',
    operation: 'SigV4Presigned',
    description: 'X-Amz-Expires above 604800 is accepted (any rejection of such a URL turned into 200 with the object)',
    only: ['SigV4Presigned/expires-too-long'],
    onResponse: (req, res) => (Number(queryOf(req.url).get('X-Amz-Expires') ?? 0) > 604800 && res.status >= 400 ? { status: 200, headers: { 'content-type': 'text/plain' }, body: Buffer.from('fault') } : undefined),
  },
  {
    id: 'auth2/sigv2-wrong-signature-accepted',
    area: 'auth',
    operation: 'SigV2',
    description: 'a SigV2 request with a wrong signature is accepted (SignatureDoesNotMatch turned into 200)',
    only: ['SigV2/'],
    onResponse: acceptRejected('any', ['SignatureDoesNotMatch'], 403, (req) => String(req.headers.authorization ?? '').startsWith('AWS ')),
  },
  {
    id: 'auth2/anonymous-private-readable',
    area: 'auth',
    operation: 'Anonymous',
    description: 'an unauthenticated GET of a private object answers 200 with a body',
    only: ['Anonymous/'],
    onResponse: (req, res) =>
      unsignedRequest(req) && req.method === 'GET' && pathHasKey(req.url) && res.status >= 400 ? { status: 200, headers: { 'content-type': 'text/plain' }, body: Buffer.from('private') } : undefined,
  },
  {
    id: 'auth2/unsigned-payload-skips-signature',
    area: 'auth',
    operation: 'SigV4',
    description: 'the signature of a request with x-amz-content-sha256: UNSIGNED-PAYLOAD is not verified (SignatureDoesNotMatch turned into 200)',
    only: ['SigV4/unsigned-payload'],
    onResponse: acceptRejected('any', ['SignatureDoesNotMatch'], 403, (req) => req.headers['x-amz-content-sha256'] === 'UNSIGNED-PAYLOAD'),
  },
  {
    id: 'auth2/sigv2-skew-ignored',
    area: 'auth',
    operation: 'SigV2',
    description: 'the Date of a SigV2 request is not checked for skew (RequestTimeTooSkewed turned into 200)',
    only: ['SigV2/'],
    onResponse: acceptRejected('any', ['RequestTimeTooSkewed'], 403, (req) => String(req.headers.authorization ?? '').startsWith('AWS ')),
  },
  {
    id: 'auth2/error-without-code',
    area: 'auth',
    operation: 'SigV4',
    description: 'auth errors carry an empty <Code/> element (status kept)',
    only: ['SigV4/wrong-secret', 'SigV4/signed-header-changed'],
    onResponse: (req, res) => (errorCode(res) === 'SignatureDoesNotMatch' ? { ...res, body: Buffer.from(res.body.toString('utf8').replace(/<Code>[^<]*<\/Code>/, '<Code></Code>')) } : undefined),
  },
  {
    id: 'auth2/head-drops-etag-presigned',
    area: 'auth',
    operation: 'SigV4Presigned',
    description: 'a presigned HEAD answers without ETag',
    only: ['SigV4Presigned/head'],
    onResponse: (req, res) => (queryOf(req.url).has('X-Amz-Signature') ? dropHeaders(['HeadObject'], (n) => n === 'etag')?.(req, res) : undefined),
  },
];

function pathHasKey(url: string): boolean {
  const path = url.split('?')[0] ?? '/';
  return /^\/[^/]+\/.+/.test(path);
}
