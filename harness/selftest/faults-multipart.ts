/**
 * Faults of the multipart area added with the depth checks (see faults.ts for the shape of a fault):
 * an upload id not bound to its key, copy ranges not validated, a ranged copy answering the whole
 * source's ETag, metadata of the initiation lost, request-id headers dropped, encoding-type ignored,
 * an initiator naming someone else.
 */
import { acceptRejected, dropHeaders, editBody, type Fault } from './fault-kit.ts';
import type { Operation } from '../check/operations.ts';

const MPU_OPS: Operation[] = ['CreateMultipartUpload', 'UploadPart', 'UploadPartCopy', 'CompleteMultipartUpload', 'AbortMultipartUpload', 'ListParts', 'ListMultipartUploads'];

export const MULTIPART_FAULTS: Fault[] = [
  {
    id: 'multipart3/upload-id-not-bound-to-key',
    area: 'multipart',
    operation: 'UploadPart',
    description: 'UploadPart does not check that the upload id belongs to the key (404 NoSuchUpload turned into 200)',
    only: ['UploadPart/key-mismatch'],
    onResponse: acceptRejected(['UploadPart'], ['NoSuchUpload'], 404),
  },
  {
    id: 'multipart3/copy-range-not-validated',
    area: 'multipart',
    operation: 'UploadPartCopy',
    description: 'UploadPartCopy accepts malformed x-amz-copy-source-range values (400 InvalidArgument turned into 200)',
    only: ['UploadPartCopy/range-without-unit', 'UploadPartCopy/range-reversed'],
    onResponse: acceptRejected(['UploadPartCopy'], ['InvalidArgument'], 400),
  },
  {
    id: 'multipart3/copy-range-etag-wrong',
    area: 'multipart',
    operation: 'UploadPartCopy',
    description: 'CopyPartResult carries an ETag that is not the MD5 of the copied bytes',
    only: ['UploadPartCopy/range-etag-is-range-md5', 'UploadPartCopy/whole-source'],
    onResponse: editBody(['UploadPartCopy'], (xml) => xml.replace(/<ETag>[^<]*<\/ETag>/, '<ETag>&quot;00000000000000000000000000000000&quot;</ETag>')),
  },
  {
    id: 'multipart3/initiation-metadata-lost',
    area: 'multipart',
    operation: 'CreateMultipartUpload',
    description: 'the Cache-Control and x-amz-meta-* given at CreateMultipartUpload are missing from the completed object (HEAD)',
    only: ['CreateMultipartUpload/user-metadata-on-object', 'CreateMultipartUpload/cache-control-on-object'],
    onResponse: dropHeaders(['HeadObject'], (n) => n.startsWith('x-amz-meta-') || n === 'cache-control'),
  },
  {
    id: 'multipart3/no-request-id',
    area: 'multipart',
    operation: MPU_OPS,
    description: 'the answers of the multipart operations carry no x-amz-request-id',
    only: [
      'CreateMultipartUpload/request-id-headers',
      'UploadPart/request-id-headers',
      'UploadPartCopy/request-id-headers',
      'CompleteMultipartUpload/request-id-headers',
      'AbortMultipartUpload/request-id-headers',
      'ListParts/request-id-headers',
      'ListMultipartUploads/request-id-headers',
    ],
    onResponse: dropHeaders(MPU_OPS, (n) => n === 'x-amz-request-id'),
  },
  {
    id: 'multipart3/list-uploads-encoding-type-ignored',
    area: 'multipart',
    operation: 'ListMultipartUploads',
    description: 'ListMultipartUploads with encoding-type=url omits <EncodingType> (the client then does not decode the keys)',
    only: ['ListMultipartUploads/encoding-type-url'],
    onResponse: editBody(['ListMultipartUploads'], (xml) => xml.replace(/<EncodingType>[^<]*<\/EncodingType>/, '')),
  },
  {
    id: 'multipart3/initiator-is-someone-else',
    area: 'multipart',
    operation: ['ListParts', 'ListMultipartUploads'],
    description: 'ListParts / ListMultipartUploads name another principal as the upload’s Initiator',
    only: ['ListParts/initiator-owner', 'ListMultipartUploads/initiator'],
    onResponse: editBody(['ListParts', 'ListMultipartUploads'], (xml) => xml.replace(/(<Initiator>\s*<ID>)[^<]*(<\/ID>)/g, '$1someone-else$2')),
  },
];
