import { describe, expect, test } from 'vitest';
import { ConfigError, describeConfig, maskKey, resolveConfig } from './config.ts';

function err(env: Record<string, string>): ConfigError {
  try {
    resolveConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('resolveConfig', () => {
  test('no configuration → the embedded default with its built-in keys', () => {
    const c = resolveConfig({});
    expect(c.target).toBe('embedded');
    expect(c.profile.server).toBe('embedded');
    expect(c.endpoint).toBeUndefined();
    expect(c.credentials?.accessKeyId).toBe('S3RVER');
    expect(c.pathStyle).toBe(true);
    expect(c.bucketPrefix).toBe('s3c');
    expect(c.reportDir).toBe('reports');
    expect(c.ignored).toBeUndefined();
  });

  test('safety rail: ambient AWS_PROFILE / AWS_* keys never move the zero-config run off the embedded server', () => {
    const c = resolveConfig({ AWS_PROFILE: 'prod', AWS_ACCESS_KEY_ID: 'AKIAPROD', AWS_SECRET_ACCESS_KEY: 'prodsecret', AWS_REGION: 'eu-west-1' });
    expect(c.target).toBe('embedded');
    expect(c.profile.remote).toBe(false);
    expect(c.credentials?.accessKeyId).toBe('S3RVER');
    expect(c.awsProfile).toBeUndefined();
    expect(c.region).toBe('us-east-1');
    expect(c.ignored).toEqual(['AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION']);
    // Named, they apply.
    expect(resolveConfig({ S3C_TARGET: 'aws', AWS_PROFILE: 'prod' }).awsProfile).toBe('prod');
    expect(resolveConfig({ AWS_ENDPOINT_URL_S3: 'https://s3.example.test', AWS_ACCESS_KEY_ID: 'k', AWS_SECRET_ACCESS_KEY: 's' }).profile.remote).toBe(true);
  });

  test('files in parallel: one per core (2 to 4) on the embedded server, 6 elsewhere, S3C_CONCURRENCY wins', () => {
    const embedded = resolveConfig({}).concurrency;
    expect(embedded).toBeGreaterThanOrEqual(2);
    expect(embedded).toBeLessThanOrEqual(4);
    expect(resolveConfig({ S3C_TARGET: 'swift-local' }).concurrency).toBe(6);
    expect(resolveConfig({ AWS_ENDPOINT_URL_S3: 'https://s3.example.test', AWS_ACCESS_KEY_ID: 'k', AWS_SECRET_ACCESS_KEY: 's' }).concurrency).toBe(6);
    expect(resolveConfig({ S3C_TARGET: 'rgw-local', S3C_CONCURRENCY: '3' }).concurrency).toBe(3);
  });

  test('AWS SDK standard names: AWS_ENDPOINT_URL_S3 wins over AWS_ENDPOINT_URL', () => {
    const c = resolveConfig({
      AWS_ENDPOINT_URL_S3: 'https://s3.example.test/',
      AWS_ENDPOINT_URL: 'https://other.example.test',
      AWS_REGION: 'KR1',
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'secret-value',
      AWS_SESSION_TOKEN: 'tok',
    });
    expect(c.endpoint).toBe('https://s3.example.test');
    expect(c.region).toBe('KR1');
    expect(c.target).toBe('s3-example-test');
    expect(c.credentials).toEqual({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret-value', sessionToken: 'tok' });
    expect(resolveConfig({ AWS_ENDPOINT_URL: 'http://127.0.0.1:9000', AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'b' }).endpoint).toBe('http://127.0.0.1:9000');
  });

  test('named NHN profile: endpoint and region from the provider guide, keys from env', () => {
    const c = resolveConfig({ S3C_TARGET: 'nhn-kr2', AWS_ACCESS_KEY_ID: 'k', AWS_SECRET_ACCESS_KEY: 's' });
    expect(c.endpoint).toBe('https://kr2-api-storage.cloud.toast.com');
    expect(c.region).toBe('KR2');
    expect(c.profile.remote).toBe(true);
    expect(resolveConfig({ S3C_TARGET: 'nhn-kr1', AWS_ACCESS_KEY_ID: 'k', AWS_SECRET_ACCESS_KEY: 's' }).endpoint).toBe('https://api-storage.cloud.toast.com');
  });

  test('local reference profiles carry their second user', () => {
    const c = resolveConfig({ S3C_TARGET: 'swift-local' });
    expect(c.credentials?.accessKeyId).toBe('test:tester');
    expect(c.alt?.accessKeyId).toBe('test:tester3');
  });

  test('S3C_ALT_* define the second user', () => {
    const c = resolveConfig({ S3C_TARGET: 'nhn-jp1', AWS_ACCESS_KEY_ID: 'k', AWS_SECRET_ACCESS_KEY: 's', S3C_ALT_ACCESS_KEY_ID: 'k2', S3C_ALT_SECRET_ACCESS_KEY: 's2' });
    expect(c.alt).toEqual({ accessKeyId: 'k2', secretAccessKey: 's2' });
  });

  test('bad configuration names the variable', () => {
    const unknown = err({ S3C_TARGET: 'nope' });
    expect(unknown.variable).toBe('S3C_TARGET');
    expect(unknown.message).toContain('nhn-kr1');
    expect(unknown.message).toContain('embedded');
    expect(err({ AWS_ENDPOINT_URL_S3: 'not a url' }).variable).toBe('AWS_ENDPOINT_URL_S3');
    expect(err({ AWS_ENDPOINT_URL_S3: 'ftp://x' }).message).toContain('http');
    expect(err({ S3C_TARGET: 'nhn-us1' }).variable).toBe('AWS_ACCESS_KEY_ID');
    expect(err({ S3C_TARGET: 'nhn-us1', AWS_ACCESS_KEY_ID: 'k' }).variable).toBe('AWS_SECRET_ACCESS_KEY');
    expect(err({ S3C_PATH_STYLE: 'maybe' }).variable).toBe('S3C_PATH_STYLE');
    expect(err({ S3C_BUCKET_PREFIX: 'Bad_Prefix' }).variable).toBe('S3C_BUCKET_PREFIX');
    expect(err({ S3C_NUM_RUNS: '0' }).variable).toBe('S3C_NUM_RUNS');
    expect(err({ S3C_SEED: '1.5' }).variable).toBe('S3C_SEED');
    expect(err({ S3C_ALT_ACCESS_KEY_ID: 'x' }).variable).toBe('S3C_ALT_SECRET_ACCESS_KEY');
  });

  test('options parse', () => {
    const c = resolveConfig({ S3C_PATH_STYLE: 'false', S3C_SEED: '-42', S3C_NUM_RUNS: '7', S3C_REPORT_DIR: 'out', S3C_BUCKET_PREFIX: 'abc', S3C_LIST_SETTLE_MS: '2000', S3C_MAX_REQUESTS: '500' });
    expect(c.pathStyle).toBe(false);
    expect(c.seed).toBe(-42);
    expect(c.numRuns).toBe(7);
    expect(c.reportDir).toBe('out');
    expect(c.bucketPrefix).toBe('abc');
    expect(c.listSettleMs).toBe(2000);
    expect(c.maxRequests).toBe(500);
  });

  test('remote targets default to fewer property runs than local ones', () => {
    expect(resolveConfig({}).numRuns).toBeGreaterThan(resolveConfig({ S3C_TARGET: 'nhn-kr1', AWS_ACCESS_KEY_ID: 'k', AWS_SECRET_ACCESS_KEY: 's' }).numRuns);
  });
});

describe('printing a configuration', () => {
  test('never shows a secret, and at most 4 characters of an access key', () => {
    const c = resolveConfig({ AWS_ENDPOINT_URL_S3: 'https://e.test', AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG', S3C_ALT_ACCESS_KEY_ID: 'ALTKEY123', S3C_ALT_SECRET_ACCESS_KEY: 'altsecret' });
    const text = describeConfig(c);
    expect(text).not.toContain('wJalrXUtnFEMI');
    expect(text).not.toContain('altsecret');
    expect(text).not.toContain('AKIAIOSF');
    expect(text).toContain('AKIA…');
    expect(maskKey('abcdefgh')).toBe('abcd…');
  });
});
