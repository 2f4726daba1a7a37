/**
 * Faults of the object-copy-delete area added with the depth checks (see faults.ts for the shape of a fault):
 * plausible bugs of an S3 layer's CopyObject / DeleteObject / DeleteObjects path — copy-source parsing and
 * decoding, the copy-onto-itself rule, conditional deletes, the multi-delete integrity header, the error for a
 * missing bucket, the request-id headers. Answers are rewritten (not requests), so SigV4 signatures stay valid.
 */
import { acceptRejected, dropHeaders, errorCode, operationOf, type Fault } from './fault-kit.ts';
import type { ProxyRequest, ProxyResponse } from './proxy.ts';

const headerOf = (req: ProxyRequest, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
};

function s3Error(status: number, code: string, message: string): ProxyResponse {
  return {
    status,
    headers: { 'content-type': 'application/xml', 'x-amz-request-id': 'fault', 'x-amz-id-2': 'fault' },
    body: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message><RequestId>fault</RequestId></Error>`),
  };
}

/** A CopyObject whose x-amz-copy-source matches `test` is answered 404 NoSuchKey (a server that decodes the source wrongly). */
function copySourceMisdecoded(id: string, description: string, only: string[], test: (src: string) => boolean): Fault {
  return {
    id,
    area: 'object',
    operation: 'CopyObject',
    description,
    only,
    onResponse: (req, res) => {
      if (operationOf(req) !== 'CopyObject' || res.status !== 200) return undefined;
      const src = headerOf(req, 'x-amz-copy-source') ?? '';
      return test(src) ? s3Error(404, 'NoSuchKey', 'The specified key does not exist.') : undefined;
    },
  };
}

export const OBJECT_COPY_DELETE_FAULTS: Fault[] = [
  {
    id: 'object-cd/copy-bad-source-no-such-bucket',
    area: 'object',
    operation: 'CopyObject',
    description: 'CopyObject with an x-amz-copy-source that has no "/" (no key) answers 404 NoSuchBucket instead of 400 InvalidArgument',
    only: ['CopyObject/malformed-copy-source'],
    onResponse: (req, res) => {
      if (operationOf(req) !== 'CopyObject' || errorCode(res) !== 'InvalidArgument') return undefined;
      const src = (headerOf(req, 'x-amz-copy-source') ?? '').replace(/^\//, '');
      return src.includes('/') ? undefined : s3Error(404, 'NoSuchBucket', 'The specified bucket does not exist');
    },
  },
  {
    id: 'object-cd/copy-onto-itself-accepted',
    area: 'object',
    operation: 'CopyObject',
    description: 'CopyObject onto itself without REPLACE is accepted (400 InvalidRequest turned into 200)',
    only: ['CopyObject/onto-itself'],
    onResponse: acceptRejected(['CopyObject'], ['InvalidRequest'], 400),
  },
  copySourceMisdecoded(
    'object-cd/copy-source-plus-as-space',
    'CopyObject decodes "%2B" in x-amz-copy-source as a space (form decoding), so the source key with "+" is not found',
    ['CopyObject/source-key-plus'],
    (src) => /%2B/i.test(src),
  ),
  copySourceMisdecoded(
    'object-cd/copy-source-double-decoded',
    'CopyObject URL-decodes x-amz-copy-source twice, so a source key holding "%" is not found',
    ['CopyObject/source-key-percent'],
    (src) => /%25/i.test(src),
  ),
  copySourceMisdecoded(
    'object-cd/copy-source-nfc-normalized',
    'CopyObject normalises the x-amz-copy-source key to NFC, so the NFD spelling of a key is not found',
    ['CopyObject/source-key-unicode-normalization'],
    (src) => /%CC%81/i.test(src),
  ),
  {
    id: 'object-cd/delete-if-match-ignored',
    area: 'object',
    operation: 'DeleteObject',
    description: 'DeleteObject with a failing If-Match answers 204 instead of 412 PreconditionFailed',
    only: ['DeleteObject/if-match'],
    onResponse: (req, res) =>
      operationOf(req) === 'DeleteObject' && res.status === 412 ? { status: 204, headers: { 'x-amz-request-id': 'fault', 'x-amz-id-2': 'fault' }, body: Buffer.alloc(0) } : undefined,
  },
  {
    id: 'object-cd/request-id-2-dropped',
    area: 'object',
    operation: ['CopyObject', 'DeleteObject', 'DeleteObjects'],
    description: 'CopyObject, DeleteObject and DeleteObjects answers carry no x-amz-id-2 header',
    only: ['CopyObject/request-id-headers', 'DeleteObject/request-id-headers', 'DeleteObjects/request-id-headers'],
    onResponse: dropHeaders(['CopyObject', 'DeleteObject', 'DeleteObjects'], (n) => n === 'x-amz-id-2'),
  },
  {
    id: 'object-cd/multi-delete-without-md5-accepted',
    area: 'object',
    operation: 'DeleteObjects',
    description: 'DeleteObjects without Content-MD5 or a checksum header is accepted (400 turned into 200)',
    only: ['DeleteObjects/missing-content-md5'],
    onResponse: acceptRejected(['DeleteObjects'], ['InvalidRequest', 'MissingContentMD5'], 400, (req) => headerOf(req, 'content-md5') === undefined),
  },
  {
    id: 'object-cd/multi-delete-missing-bucket-200',
    area: 'object',
    operation: 'DeleteObjects',
    description: 'DeleteObjects on a missing bucket answers 200 with an empty <DeleteResult> instead of 404 NoSuchBucket',
    only: ['DeleteObjects/no-such-bucket'],
    onResponse: acceptRejected(['DeleteObjects'], ['NoSuchBucket'], 404),
  },
];
