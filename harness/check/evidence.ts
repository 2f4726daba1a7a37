/**
 * Evidence as data: every check says why its expected outcome is what AWS S3 does
 * (docs/EVIDENCE.md). Three kinds:
 * - `aws-recorded`: a response recorded from real AWS S3 (fixtures/data/aws-recorded/s3.json,
 *   copied from ../shared/aws-recorded), cited as `<test>#<snapshot name>`;
 * - `aws-doc`: a sentence of an AWS documentation page that states the behaviour, quoted short;
 * - `peer-observed`: a public report (issue, test suite comment) of what AWS answered;
 * - `provider-doc`: a sentence of a provider's own guide (clients area: the documented usage).
 * Policy: a `required` check needs `aws-recorded` or `aws-doc` evidence.
 */
import type { Level } from './meta.ts';

export type Evidence =
  | { kind: 'aws-recorded'; ref: string; note?: string }
  | { kind: 'aws-doc'; ref: string; quote: string }
  | { kind: 'peer-observed'; ref: string; note: string }
  | { kind: 'provider-doc'; ref: string; quote: string };

export type EvidenceKind = Evidence['kind'];
export const EVIDENCE_KINDS: readonly EvidenceKind[] = ['aws-recorded', 'aws-doc', 'peer-observed', 'provider-doc'];

/** A response recorded from real AWS: `<test>#<snapshot name>` as in fixtures/data/aws-recorded/s3.json. */
export function recorded(ref: string, note?: string): Evidence {
  return note === undefined ? { kind: 'aws-recorded', ref } : { kind: 'aws-recorded', ref, note };
}

/** A sentence of an AWS page (docs.aws.amazon.com) that states the behaviour. */
export function doc(ref: string, quote: string): Evidence {
  return { kind: 'aws-doc', ref, quote };
}

/** A public report of what AWS answered (an issue thread, a peer suite's comment or recording). */
export function peer(ref: string, note: string): Evidence {
  return { kind: 'peer-observed', ref, note };
}

/** A provider's own documentation of a usage (the NHN guide for the clients area). */
export function providerDoc(ref: string, quote: string): Evidence {
  return { kind: 'provider-doc', ref, quote };
}

const RECORDED_REF = /^tests\/aws\/services\/s3\/[\w/.-]+\.py::[^#]+#[^#]+$/;
const AWS_DOC = /^https:\/\/docs\.aws\.amazon\.com\//;
const URL_RE = /^https:\/\/\S+$/;

/** What is wrong with a check's evidence under the policy (empty: nothing). */
export function evidenceProblems(level: Level, evidence: readonly Evidence[]): string[] {
  const out: string[] = [];
  if (evidence.length === 0) return ['no evidence: say why the expected outcome is what AWS does'];
  for (const e of evidence) {
    switch (e.kind) {
      case 'aws-recorded':
        if (!RECORDED_REF.test(e.ref)) out.push(`aws-recorded ref "${e.ref}" is not <test>#<snapshot name>`);
        break;
      case 'aws-doc':
        if (!AWS_DOC.test(e.ref)) out.push(`aws-doc ref must be a docs.aws.amazon.com URL, got "${e.ref}"`);
        if (!e.quote.trim() || e.quote.length > 400) out.push('aws-doc quote must be 1-400 characters');
        break;
      case 'peer-observed':
        if (!URL_RE.test(e.ref)) out.push(`peer-observed ref must be a URL, got "${e.ref}"`);
        if (!e.note.trim()) out.push('peer-observed needs a note saying what AWS answered');
        break;
      case 'provider-doc':
        if (!e.quote.trim()) out.push('provider-doc needs a quote');
        break;
      default:
        out.push(`unknown evidence kind ${(e as { kind: string }).kind}`);
    }
  }
  if (level === 'required' && !evidence.some((e) => e.kind === 'aws-recorded' || e.kind === 'aws-doc')) {
    out.push('a required check needs aws-recorded or aws-doc evidence (else make it optional)');
  }
  return out;
}

/** Where AWS defines the envelope of every REST error answer (the `<Op>/error-envelope` checks). */
export const ERROR_ENVELOPE_SPEC = 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#RESTErrorResponses';

/** Why every error answer has AWS's envelope: two AWS pages and a recorded AWS error body. */
export const ERROR_ENVELOPE_EVIDENCE: readonly Evidence[] = [
  doc(
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingRESTError.html',
    'If a REST request results in an error, the HTTP reply has: An XML error document as the response body; Content-Type: application/xml; An appropriate 3xx, 4xx, or 5xx HTTP status code',
  ),
  doc(
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingRESTError.html',
    'Following are response headers returned by all operations: x-amz-request-id: A unique ID assigned to each request by the system. … x-amz-id-2: A special token that will help us to troubleshoot problems.',
  ),
  doc('https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html', 'RequestId: ID of the request associated with the error'),
  recorded('tests/aws/services/s3/test_s3.py::TestS3PresignedUrl::test_s3_presigned_url_expired[s3v4]#expired-exception', 'an AWS error body: Code, Message, RequestId and HostId'),
];

/**
 * Why a NoSuchBucket error names the requested bucket in <BucketName> on every operation: AWS did so
 * in every recording of the error (27 over 20 operations, validated 2026); these four span a
 * bucket read, a bucket delete, an object batch and a copy.
 */
export const NO_SUCH_BUCKET_NAMED_EVIDENCE: readonly Evidence[] = [
  recorded('tests/aws/services/s3/test_s3.py::TestS3::test_bucket_exists#get-bucket-not-exists', 'GetBucketAcl of "bucket-not-exists": BucketName "bucket-not-exists", the name requested'),
  recorded('tests/aws/services/s3/test_s3.py::TestS3::test_delete_bucket_no_such_bucket#expected_error', 'DeleteBucket of "does-not-exist-localstack-test": BucketName is that name'),
  recorded('tests/aws/services/s3/test_s3.py::TestS3::test_delete_non_existing_keys_in_non_existing_bucket#error-non-existent-bucket', 'DeleteObjects in a missing bucket: BucketName = the requested bucket'),
  recorded('tests/aws/services/s3/test_s3.py::TestS3::test_get_object_no_such_bucket#expected_error', 'GetObject of a missing bucket: BucketName = the requested bucket'),
];
