/**
 * Named target profiles: where a target lives, how it is addressed and which optional
 * features it claims. Profiles are data; the harness decides what to start from `server`.
 *
 * NHN endpoints and regions come from the provider's "Amazon S3 Compatible API Guide"
 * (../shared/docs/s3-compatible-api-guide.md, "AWS SDK" section).
 */

/** Local servers: the embedded s3rver, the Debian reference servers, and container emulators (fixtures/containers). */
export type LocalServer = 'embedded' | 'swift' | 'rgw' | 'minio' | 'localstack' | 's3mock' | 'swift-s3api' | 'ceph-rgw';

/** Optional features a target may claim. A check tied to an unclaimed feature is skipped with that reason. */
export interface Features {
  /** PutBucketAcl / GetBucketAcl with S3 grant semantics. */
  acl: boolean;
  /** Legacy `Authorization: AWS access:signature` (SigV2). */
  sigv2: boolean;
  /** STREAMING-AWS4-HMAC-SHA256-PAYLOAD signed-chunk uploads. */
  streamingSigv4: boolean;
  /** ListParts, ListMultipartUploads, UploadPartCopy. */
  multipartExtras: boolean;
  /**
   * S3 Object Ownership (AWS since April 2023): new buckets are BucketOwnerEnforced (ACLs disabled) with
   * Block Public Access on. Buckets of ACL checks are then created with ObjectOwnership=ObjectWriter
   * and their public access block removed (docs: "Controlling ownership of objects").
   */
  ownershipControls?: boolean;
}

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface Profile {
  name: string;
  description: string;
  /** Fixed endpoint for remote targets; local targets get theirs when started. */
  endpoint?: string;
  region: string;
  pathStyle: boolean;
  server?: LocalServer;
  /** Built-in keys of a local reference server (never used for remote targets). */
  localCredentials?: { main: Credentials; alt?: Credentials };
  features: Features;
  /** Listing settle window for eventually-consistent listings (ms, 0 = off). */
  listSettleMs?: number;
  /** Whether the target is a real, billed account: the CLI prints an estimate and asks for budgets. */
  remote: boolean;
  /**
   * Another target whose expectations (expectations/<that target>) this one shares: the same server
   * and versions in another wrapping (e.g. swift-container runs swift-local's server in a container).
   */
  expectationsOf?: string;
}

const ALL: Features = { acl: true, sigv2: true, streamingSigv4: true, multipartExtras: true };

function nhn(region: 'KR1' | 'KR2' | 'JP1' | 'US1', host: string): Profile {
  return {
    name: `nhn-${region.toLowerCase()}`,
    description: `NHN Cloud Object Storage ${region} (S3-compatible API on OpenStack Swift)`,
    endpoint: `https://${host}`,
    region,
    pathStyle: true,
    features: { ...ALL },
    remote: true,
  };
}

export const PROFILES: Readonly<Record<string, Profile>> = {
  embedded: {
    name: 'embedded',
    description: 's3rver (npm) started by the harness on 127.0.0.1 with a temporary directory',
    region: 'us-east-1',
    pathStyle: true,
    server: 'embedded',
    localCredentials: { main: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } },
    features: { acl: false, sigv2: true, streamingSigv4: true, multipartExtras: false },
    remote: false,
  },
  'swift-local': {
    name: 'swift-local',
    description: 'OpenStack Swift (Debian) + s3api (s3_acl=true) + tempauth on 127.0.0.1',
    region: 'us-east-1',
    pathStyle: true,
    server: 'swift',
    localCredentials: {
      main: { accessKeyId: 'test:tester', secretAccessKey: 'testing' },
      alt: { accessKeyId: 'test:tester3', secretAccessKey: 'testing3' },
    },
    features: { ...ALL },
    remote: false,
  },
  'rgw-local': {
    name: 'rgw-local',
    description: 'Ceph radosgw (Debian) with one memstore OSD on 127.0.0.1',
    region: 'us-east-1',
    pathStyle: true,
    server: 'rgw',
    localCredentials: {
      main: { accessKeyId: 'testkey', secretAccessKey: 'testsecret' },
      alt: { accessKeyId: 'testkey2', secretAccessKey: 'testsecret2' },
    },
    features: { ...ALL },
    remote: false,
  },
  // The reference servers in images this project builds (`npm run images`), started with testcontainers.
  'swift-container': {
    name: 'swift-container',
    description: 'swift-local in a container: Swift (Debian) + s3api (s3_acl=true) + tempauth; needs a Docker engine and `npm run images`',
    region: 'us-east-1',
    pathStyle: true,
    server: 'swift-s3api',
    localCredentials: {
      main: { accessKeyId: 'test:tester', secretAccessKey: 'testing' },
      alt: { accessKeyId: 'test:tester3', secretAccessKey: 'testing3' },
    },
    features: { ...ALL },
    remote: false,
    expectationsOf: 'swift-local',
  },
  'rgw-container': {
    name: 'rgw-container',
    description: 'rgw-local in a container: Ceph radosgw (Debian) with one memstore OSD; needs a Docker engine and `npm run images`',
    region: 'us-east-1',
    pathStyle: true,
    server: 'ceph-rgw',
    localCredentials: {
      main: { accessKeyId: 'testkey', secretAccessKey: 'testsecret' },
      alt: { accessKeyId: 'testkey2', secretAccessKey: 'testsecret2' },
    },
    features: { ...ALL },
    remote: false,
    expectationsOf: 'rgw-local',
  },
  // Container emulators (testcontainers, pinned images: fixtures/containers/index.ts). Need a Docker engine.
  minio: {
    name: 'minio',
    description: 'MinIO in a container (testcontainers); needs a Docker engine',
    region: 'us-east-1',
    pathStyle: true,
    server: 'minio',
    localCredentials: { main: { accessKeyId: 's3cminioadmin', secretAccessKey: 's3cminiosecret' } },
    // MinIO has no S3 ACLs (bucket policies instead): PutBucketAcl answers NotImplemented.
    features: { ...ALL, acl: false },
    remote: false,
  },
  localstack: {
    name: 'localstack',
    description: 'LocalStack (S3 service) in a container (testcontainers); needs a Docker engine',
    region: 'us-east-1',
    pathStyle: true,
    server: 'localstack',
    localCredentials: { main: { accessKeyId: 'test', secretAccessKey: 'test' } },
    features: { ...ALL },
    remote: false,
  },
  s3mock: {
    name: 's3mock',
    description: 'Adobe S3Mock in a container (testcontainers); needs a Docker engine',
    region: 'us-east-1',
    pathStyle: true,
    server: 's3mock',
    // S3Mock does not verify signatures: any keys are accepted.
    localCredentials: { main: { accessKeyId: 's3mock', secretAccessKey: 's3mocksecret' } },
    features: { ...ALL },
    remote: false,
  },
  'nhn-kr1': nhn('KR1', 'api-storage.cloud.toast.com'),
  'nhn-kr2': nhn('KR2', 'kr2-api-storage.cloud.toast.com'),
  'nhn-jp1': nhn('JP1', 'jp1-api-storage.cloud.toast.com'),
  'nhn-us1': nhn('US1', 'us1-api-storage.cloud.toast.com'),
  aws: {
    name: 'aws',
    description: 'Amazon S3 itself (region from AWS_REGION, default us-east-1)',
    region: 'us-east-1',
    pathStyle: false,
    // SigV2 is refused for buckets created after June 2020; ACLs need ObjectWriter ownership on new buckets.
    features: { ...ALL, sigv2: false, ownershipControls: true },
    remote: true,
  },
};

export const PROFILE_NAMES = Object.keys(PROFILES);
