/**
 * The own signer against the AWS S3 documentation's worked examples (example keys, bucket
 * examplebucket, 2013-05-24) and against @smithy/signature-v4 on generated requests.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { canonicalQuery, canonicalUri, presign, sha256Hex, signHeaders, signingKey, trimAll, uriEncode, EMPTY_SHA256 } from './signer.ts';
import { chunkSignature, framedLength, signChunked } from './chunked.ts';
import { signV2 } from './sigv2.ts';
import { encodeKey } from '../transport/raw.ts';

const KEYS = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const DATE = new Date('2013-05-24T00:00:00Z');
const SCOPE = { date: DATE, region: 'us-east-1', service: 's3' };
const HOST = 'examplebucket.s3.amazonaws.com';

// https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html#example-signature-calculations
describe('AWS worked examples: header auth, payload in a single chunk', () => {
  it('GET Object (Range)', () => {
    const out = signHeaders({ method: 'GET', path: '/test.txt', headers: { host: HOST, range: 'bytes=0-9' } }, KEYS, SCOPE, { payloadHash: EMPTY_SHA256 });
    expect(out.signedHeaders).toBe('host;range;x-amz-content-sha256;x-amz-date');
    expect(out.stringToSign).toBe(
      'AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972',
    );
    expect(out.signature).toBe('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
    expect(out.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  it('PUT Object (key test$file.text, storage class, Date header)', () => {
    const body = 'Welcome to Amazon S3.';
    expect(sha256Hex(body)).toBe('44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072');
    const out = signHeaders(
      { method: 'PUT', path: `/${encodeKey('test$file.text')}`, headers: { host: HOST, date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-storage-class': 'REDUCED_REDUNDANCY' } },
      KEYS, SCOPE, { payloadHash: sha256Hex(body) },
    );
    expect(out.canonicalRequest.split('\n')[1]).toBe('/test%24file.text');
    expect(out.signature).toBe('98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd');
  });

  it('GET Bucket lifecycle (?lifecycle)', () => {
    const out = signHeaders({ method: 'GET', path: '/', query: { lifecycle: null }, headers: { host: HOST } }, KEYS, SCOPE, { payloadHash: EMPTY_SHA256 });
    expect(out.canonicalRequest.split('\n')[2]).toBe('lifecycle=');
    expect(out.signature).toBe('fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543');
  });

  it('GET Bucket (List Objects) with ?max-keys=2&prefix=J', () => {
    const out = signHeaders({ method: 'GET', path: '/', query: { prefix: 'J', 'max-keys': '2' }, headers: { host: HOST } }, KEYS, SCOPE, { payloadHash: EMPTY_SHA256 });
    expect(out.canonicalRequest.split('\n')[2]).toBe('max-keys=2&prefix=J');
    expect(out.signature).toBe('34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7');
  });
});

// https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html#query-string-auth-v4-signing-example
describe('AWS worked example: presigned URL', () => {
  it('GET /test.txt, expires 86400', () => {
    const out = presign({ method: 'GET', path: '/test.txt', headers: { host: HOST } }, KEYS, SCOPE, { expiresIn: 86400 });
    expect(out.canonicalRequest).toBe(
      'GET\n/test.txt\nX-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host\nhost:examplebucket.s3.amazonaws.com\n\nhost\nUNSIGNED-PAYLOAD',
    );
    expect(out.signature).toBe('aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404');
  });
});

// https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html#example-signature-calculations-streaming
describe('AWS worked example: chunked upload (STREAMING-AWS4-HMAC-SHA256-PAYLOAD)', () => {
  const data = Buffer.alloc(66560, 'a');
  const up = signChunked(
    { method: 'PUT', path: '/examplebucket/chunkObject.txt', headers: { host: 's3.amazonaws.com', 'x-amz-storage-class': 'REDUCED_REDUNDANCY' } },
    data, KEYS, SCOPE, { chunkSize: 65536 },
  );
  it('content-length of the framed body is 66824', () => {
    expect(up.headers['content-length']).toBe('66824');
    expect(up.body.length).toBe(66824);
  });
  it('seed signature', () => expect(up.seedSignature).toBe('4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9'));
  it('chunk signatures (64 KiB, 1 KiB, final 0 bytes)', () => {
    expect(up.chunkSignatures).toEqual([
      'ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648',
      '0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497',
      'b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9',
    ]);
  });
  it('framing: hex(size);chunk-signature=…\\r\\n data \\r\\n', () => {
    expect(up.body.subarray(0, 88).toString()).toBe('10000;chunk-signature=ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648\r\n');
    expect(up.body.subarray(up.body.length - 88).toString()).toBe('\r\n0;chunk-signature=b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9\r\n\r\n');
  });
  it('a changed chunk changes its signature', () => {
    const key = signingKey(KEYS.secretAccessKey, SCOPE);
    expect(chunkSignature(key, SCOPE, up.seedSignature, Buffer.alloc(65536, 'b'))).not.toBe(up.chunkSignatures[0]);
  });
});

describe('trailer form (STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER)', () => {
  it('frames the trailer after the 0-byte chunk, signed, with a matching content-length', () => {
    const trailers = { 'x-amz-checksum-crc32c': 'sOO8/Q==' };
    const up = signChunked({ method: 'PUT', path: '/b/k', headers: { host: 'h' } }, Buffer.alloc(10000, 'a'), KEYS, SCOPE, { chunkSize: 8192, trailers });
    expect(up.headers['x-amz-content-sha256']).toBe('STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER');
    expect(up.headers['x-amz-trailer']).toBe('x-amz-checksum-crc32c');
    expect(up.body.length).toBe(framedLength(10000, 8192, trailers));
    expect(up.headers['content-length']).toBe(String(up.body.length));
    const tail = up.body.toString('latin1');
    expect(tail).toMatch(/\r\n0;chunk-signature=[0-9a-f]{64}\r\nx-amz-checksum-crc32c:sOO8\/Q==\r\nx-amz-trailer-signature:[0-9a-f]{64}\r\n\r\n$/);
    expect(up.trailerSignature).toMatch(/^[0-9a-f]{64}$/);
  });
});

// https://docs.aws.amazon.com/AmazonS3/latest/API/RESTAuthentication.html#RESTAuthenticationExamples
describe('AWS worked example: SigV2', () => {
  it('Object GET (awsexamplebucket1, puppy.jpg)', () => {
    const out = signV2({ method: 'GET', path: '/awsexamplebucket1/photos/puppy.jpg', headers: { host: 'awsexamplebucket1.us-west-1.s3.amazonaws.com', date: 'Tue, 27 Mar 2007 19:36:42 +0000' } }, KEYS);
    expect(out.stringToSign).toBe('GET\n\n\nTue, 27 Mar 2007 19:36:42 +0000\n/awsexamplebucket1/photos/puppy.jpg');
    expect(out.authorization).toBe('AWS AKIAIOSFODNN7EXAMPLE:qgk2+6Sv9/oM7G3qLEjTH1a1l1g=');
  });
});

describe('encoding rules', () => {
  it('UriEncode keeps only unreserved characters', () => {
    expect(uriEncode("a b+c%d~e/f*'é")).toBe('a%20b%2Bc%25d~e%2Ff%2A%27%C3%A9');
    expect(uriEncode('a/b', true)).toBe('a/b');
  });
  it('canonical URI: encoded once, not normalised (S3)', () => {
    expect(canonicalUri('/b/a%20b/%7e//c')).toBe('/b/a%20b/~//c');
    expect(canonicalUri('/b/./x/../y')).toBe('/b/./x/../y');
    expect(canonicalUri(`/b/${encodeKey('%41+ é')}`)).toBe('/b/%2541%2B%20%C3%A9');
  });
  it('canonical query: sorted by encoded name', () => {
    // raw order '-' < ':' but encoded '%3A' < '-'
    expect(canonicalQuery({ 'a-': '1', 'a:': '2', b: null, A: 'x y' })).toBe('A=x%20y&a%3A=2&a-=1&b=');
  });
  it('trimall', () => expect(trimAll('  a   b \t c  ')).toBe('a b c'));
});

/** The same request signed by @smithy/signature-v4 (S3 settings: no double escaping). */
async function smithySignature(method: string, path: string, query: Record<string, string | string[]>, headers: Record<string, string>, payloadHash: string): Promise<string> {
  const s = new SignatureV4({ credentials: KEYS, region: 'us-east-1', service: 's3', sha256: Sha256, uriEscapePath: false, applyChecksum: false });
  const req = new HttpRequest({ method, protocol: 'https:', hostname: HOST, path, query, headers: { ...headers, 'x-amz-content-sha256': payloadHash } });
  const signed = (await s.sign(req, { signingDate: DATE })) as HttpRequest;
  const auth = signed.headers.authorization ?? '';
  return /Signature=([0-9a-f]{64})/.exec(auth)?.[1] ?? auth;
}

const SPECIAL = [' ', '+', '%', '~', '/', '*', "'", '(', ')', '!', '&', '=', '?', '#', 'é', '한', '😀', ':', ',', '$', '@'];
const text = (min: number, max: number) =>
  fc.array(fc.oneof(fc.constantFrom(...SPECIAL), fc.constantFrom(...'abcXYZ019-_.'.split(''))), { minLength: min, maxLength: max }).map((a) => a.join(''));
const headerName = fc.stringMatching(/^x-amz-meta-[a-z0-9]{1,8}$/);
const headerValue = fc.array(fc.constantFrom('a', 'B', '1', ' ', '  ', '\t', ',', ';', '=', '"', '/'), { minLength: 1, maxLength: 12 }).map((a) => a.join(''));

describe('agrees with @smithy/signature-v4 on generated requests', () => {
  it('random methods, keys with special characters, query parameters, spaced and repeated headers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'PUT', 'POST', 'DELETE', 'HEAD'),
        text(1, 20),
        fc.dictionary(text(1, 8), fc.oneof(text(0, 8), fc.array(text(0, 6), { minLength: 1, maxLength: 3 })), { maxKeys: 5 }),
        fc.dictionary(headerName, fc.oneof(headerValue, fc.array(headerValue, { minLength: 2, maxLength: 3 })), { maxKeys: 4 }),
        fc.constantFrom(EMPTY_SHA256, 'UNSIGNED-PAYLOAD'),
        async (method, key, query, headers, payloadHash) => {
          const path = `/bucket/${encodeKey(key)}`;
          const ours = signHeaders({ method, path, query, headers: { host: HOST, ...headers } }, KEYS, { ...SCOPE }, { payloadHash });
          // On the wire a repeated header is one comma-joined field; smithy takes that form.
          const joined: Record<string, string> = { host: HOST, 'x-amz-date': '20130524T000000Z' };
          for (const [k, v] of Object.entries(headers)) joined[k] = typeof v === 'string' ? v : v.map(trimAll).join(',');
          const theirs = await smithySignature(method, path, query, joined, payloadHash);
          expect(ours.signature).toBe(theirs);
        },
      ),
      { numRuns: 300, seed: 20130524 },
    );
  });
});

describe('presign agrees with @smithy/signature-v4 presign', () => {
  it('random keys and query parameters', async () => {
    const s = new SignatureV4({ credentials: KEYS, region: 'us-east-1', service: 's3', sha256: Sha256, uriEscapePath: false, applyChecksum: false });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('GET', 'PUT', 'HEAD', 'DELETE'), text(1, 20), fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), text(0, 8), { maxKeys: 3 }), fc.integer({ min: 1, max: 604800 }),
        async (method, key, query, expiresIn) => {
          const path = `/bucket/${encodeKey(key)}`;
          // smithy (as the S3 presigner uses it) keeps x-amz-content-sha256 as a signed header.
          const ours = presign({ method, path, query, headers: { host: HOST, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } }, KEYS, SCOPE, { expiresIn, signedHeaders: ['x-amz-content-sha256'] });
          const req = new HttpRequest({ method, protocol: 'https:', hostname: HOST, path, query, headers: { host: HOST, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } });
          const theirs = (await s.presign(req, { signingDate: DATE, expiresIn, unhoistableHeaders: new Set(['x-amz-content-sha256']) })) as HttpRequest;
          expect(ours.signature).toBe(theirs.query['X-Amz-Signature']);
        }),
      { numRuns: 100, seed: 86400 },
    );
  });
});

describe('unsigned trailer form (STREAMING-UNSIGNED-PAYLOAD-TRAILER)', () => {
  it('frames plain hex(size) chunks and the trailer as the SDK encoder does, headers signed, content-length matching', () => {
    const trailers = { 'x-amz-checksum-crc32': 'AAAAAA==' };
    const up = signChunked({ method: 'PUT', path: '/b/k', headers: { host: 'h' } }, Buffer.from('hello world'), KEYS, SCOPE, { chunkSize: 8192, trailers, unsigned: true });
    expect(up.headers['x-amz-content-sha256']).toBe('STREAMING-UNSIGNED-PAYLOAD-TRAILER');
    expect(up.headers['x-amz-trailer']).toBe('x-amz-checksum-crc32');
    expect(up.headers['content-encoding']).toBe('aws-chunked');
    // @smithy getAwsChunkedEncodingStream: `${hex}\r\n` data `\r\n` … `0\r\n` `name:value\r\n` `\r\n`
    expect(up.body.toString('latin1')).toBe('b\r\nhello world\r\n0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n');
    expect(up.headers['content-length']).toBe(String(up.body.length));
    expect(up.chunkSignatures).toEqual([]);
    expect(String(up.headers.authorization)).toMatch(/SignedHeaders=[^,]*x-amz-trailer/);
  });
  it('declares another decoded length and leaves x-amz-trailer out when asked (malformed-request checks)', () => {
    const trailers = { 'x-amz-checksum-crc32': 'AAAAAA==' };
    const up = signChunked({ method: 'PUT', path: '/b/k', headers: { host: 'h' } }, Buffer.alloc(9000, 'q'), KEYS, SCOPE, { chunkSize: 8192, trailers, decodedLength: 9010, omitTrailerHeader: true });
    expect(up.headers['x-amz-decoded-content-length']).toBe('9010');
    expect(up.headers['x-amz-trailer']).toBeUndefined();
    expect(up.body.length).toBe(framedLength(9000, 8192, trailers));
  });
  it('refuses the unsigned form without trailers', () => {
    expect(() => signChunked({ method: 'PUT', path: '/b/k', headers: { host: 'h' } }, Buffer.alloc(1), KEYS, SCOPE, { chunkSize: 8192, unsigned: true })).toThrow();
  });
});

describe('chunked framing', () => {
  it('content-length always equals the framed body length', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40000 }), fc.integer({ min: 8192, max: 20000 }), fc.boolean(), fc.boolean(), (n, size, withTrailer, unsignedForm) => {
        const trailers = withTrailer ? { 'x-amz-checksum-crc32': 'AAAAAA==' } : undefined;
        const unsigned = unsignedForm && trailers !== undefined;
        const up = signChunked({ method: 'PUT', path: '/b/k', headers: { host: 'h' } }, Buffer.alloc(n, 'z'), KEYS, SCOPE, { chunkSize: size, ...(trailers ? { trailers } : {}), ...(unsigned ? { unsigned } : {}) });
        expect(up.body.length).toBe(framedLength(n, size, trailers, unsigned));
        expect(up.headers['x-amz-decoded-content-length']).toBe(String(n));
      }),
      { numRuns: 40, seed: 1 },
    );
  });
});

describe('SigV2 resource', () => {
  it('keeps sub-resources (sorted) and drops other query parameters', () => {
    const out = signV2({ method: 'GET', path: '/b/k', query: { versionId: 'v1', acl: null, 'max-keys': '2' }, headers: { date: 'D', 'x-amz-meta-b': ' 2 ', 'X-Amz-Meta-A': '1' } }, KEYS);
    expect(out.stringToSign).toBe('GET\n\n\nD\nx-amz-meta-a:1\nx-amz-meta-b:2\n/b/k?acl&versionId=v1');
  });
});
