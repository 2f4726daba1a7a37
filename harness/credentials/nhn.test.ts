/**
 * The NHN credential client and provisioning against the local fake identity service
 * (fake-identity.ts follows the guide's requests and responses).
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { resolveNhn, resolveConfig, ConfigError } from '../config/config.ts';
import { startFakeIdentity, type FakeIdentity } from './fake-identity.ts';
import { CredentialLimitError, DEFAULT_IDENTITY_URL, NhnIdentity, NhnIdentityError } from './nhn.ts';
import { findStateFiles, provisionNhn, releaseStateFiles } from './provision.ts';

let fake: FakeIdentity | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const tokenSettings = (f: FakeIdentity) => ({ identityUrl: f.url, tenantId: f.tenantId, userId: f.userId, token: f.token });
const passwordSettings = (f: FakeIdentity) => ({ identityUrl: f.url, tenantId: f.tenantId, username: f.username, password: f.password });

describe('NhnIdentity against the fake', () => {
  test('issue → list → delete with the documented requests and shapes', async () => {
    fake = await startFakeIdentity();
    const id = new NhnIdentity(tokenSettings(fake));
    const c = await id.issue();
    expect(c).toMatchObject({ tenant_id: fake.tenantId, user_id: fake.userId, trust_id: null });
    expect(c.access).toMatch(/^[0-9a-f]{32}$/);
    expect((await id.list()).map((x) => x.access)).toEqual([c.access]);
    expect(await id.delete(c.access)).toBe(true);
    expect(await id.list()).toEqual([]);
    const post = fake.requests.find((r) => r.method === 'POST');
    expect(post).toEqual({ method: 'POST', path: `/v2.0/users/${fake.userId}/credentials/OS-EC2`, token: fake.token, body: { tenant_id: fake.tenantId } });
    expect(fake.requests.find((r) => r.method === 'DELETE')?.path).toBe(`/v2.0/users/${fake.userId}/credentials/OS-EC2/${c.access}`);
  });

  test('username + API password: POST /v2.0/tokens (Keystone v2), the user UUID from access.user.id', async () => {
    fake = await startFakeIdentity();
    const id = new NhnIdentity(passwordSettings(fake));
    const c = await id.issue();
    expect(c.user_id).toBe(fake.userId);
    expect(fake.requests[0]).toMatchObject({
      method: 'POST',
      path: '/v2.0/tokens',
      token: undefined,
      body: { auth: { tenantId: fake.tenantId, passwordCredentials: { username: fake.username, password: fake.password } } },
    });
    await id.delete(c.access);
  });

  test('a wrong API password → a clear error naming the variables', async () => {
    fake = await startFakeIdentity();
    const id = new NhnIdentity({ ...passwordSettings(fake), password: 'wrong' });
    await expect(id.issue()).rejects.toThrow(/token request for ci@example.com refused \(401.*S3C_NHN_API_PASSWORD/);
  });

  test('the 3-credential limit: says so and lists the existing access keys, never the secrets', async () => {
    const preloaded = [{ access: 'a'.repeat(32), secret: 'SECRET1' }, { access: 'b'.repeat(32), secret: 'SECRET2' }, { access: 'c'.repeat(32), secret: 'SECRET3' }];
    fake = await startFakeIdentity({ preloaded });
    const err = await new NhnIdentity(tokenSettings(fake)).issue().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CredentialLimitError);
    const msg = (err as Error).message;
    expect(msg).toMatch(/already has 3 S3 credentials in project .* \(the limit is 3 per user per project\)/);
    for (const p of preloaded) expect(msg).toContain(`${p.access.slice(0, 4)}…`);
    for (const p of preloaded) expect(msg).not.toContain(p.access.slice(0, 5));
    expect(msg).not.toMatch(/SECRET/);
    expect((err as CredentialLimitError).existing).toEqual(preloaded.map((p) => p.access));
    expect(fake.requests.some((r) => r.method === 'POST')).toBe(false);
  });

  test('credentials of another project do not count toward this project\'s limit', async () => {
    fake = await startFakeIdentity({ preloaded: [1, 2, 3].map((n) => ({ access: `other${n}`, tenant_id: 'another-project' })) });
    const id = new NhnIdentity(tokenSettings(fake));
    const c = await id.issue();
    await id.delete(c.access);
  });

  test('the limit reached between list and issue (POST refused) still gives the limit message', async () => {
    fake = await startFakeIdentity({ preloaded: [{ access: 'x1' }, { access: 'x2' }] });
    const f = fake;
    let sneaked = false;
    const id = new NhnIdentity(tokenSettings(f), async (url, init) => {
      if (init.method === 'POST' && !sneaked) {
        sneaked = true;
        f.credentials.set('x3', { access: 'x3', secret: 's', tenant_id: f.tenantId, user_id: f.userId, trust_id: null });
      }
      return fetch(url, init);
    });
    await expect(id.issue()).rejects.toThrow(/Existing access keys: x1…, x2…, x3…/);
  });

  test('an expired token (401): a clear message with a token alone; a fresh token with a password', async () => {
    fake = await startFakeIdentity();
    fake.expireToken(fake.token);
    const err = await new NhnIdentity(tokenSettings(fake)).list().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NhnIdentityError);
    expect((err as NhnIdentityError).status).toBe(401);
    expect((err as Error).message).toMatch(/token was rejected \(401 .*\): it expired or is invalid/);
    const id = new NhnIdentity({ ...tokenSettings(fake), ...passwordSettings(fake) });
    expect(await id.list()).toEqual([]);
    expect(fake.requests.filter((r) => r.path === '/v2.0/tokens')).toHaveLength(1);
  });

  test('delete of an unknown access key → 404 → false', async () => {
    fake = await startFakeIdentity();
    expect(await new NhnIdentity(tokenSettings(fake)).delete('0'.repeat(32))).toBe(false);
  });

  test('no token and no password → error at construction', () => {
    expect(() => new NhnIdentity({ identityUrl: DEFAULT_IDENTITY_URL, tenantId: 't' })).toThrow(/S3C_NHN_AUTH_TOKEN/);
  });

  test('an unreachable identity service → a one-line error', async () => {
    await expect(new NhnIdentity({ identityUrl: 'http://127.0.0.1:1', tenantId: 't', userId: 'u', token: 'x' }).list()).rejects.toThrow(/no answer/);
  });
});

describe('provisioning', () => {
  test('issue → state file (no secret) → release deletes it; release is idempotent', async () => {
    fake = await startFakeIdentity();
    const dir = mkdtempSync(join(tmpdir(), 's3c-nhn-'));
    const p = await provisionNhn(passwordSettings(fake), dir);
    expect(fake.credentials.size).toBe(1);
    expect(p.credentials.secretAccessKey).toBe(fake.credentials.get(p.access)?.secret);
    const state = readFileSync(p.stateFile, 'utf8');
    expect(state).toContain(p.access);
    expect(state).not.toContain(p.credentials.secretAccessKey);
    expect(findStateFiles(dir)).toEqual([p.stateFile]);
    expect(await p.release()).toMatch(/deleted/);
    expect(await p.release()).toMatch(/deleted/);
    expect(fake.credentials.size).toBe(0);
    expect(existsSync(p.stateFile)).toBe(false);
  });

  test('a state file left by a killed run is released by releaseStateFiles', async () => {
    fake = await startFakeIdentity();
    const dir = mkdtempSync(join(tmpdir(), 's3c-nhn-'));
    await provisionNhn(passwordSettings(fake), join(dir, 'nhn-kr1'));
    const files = findStateFiles(dir);
    expect(files).toHaveLength(1);
    expect(await releaseStateFiles(files, { username: fake.username, password: fake.password })).toEqual([expect.stringMatching(/^deleted NHN credential/)]);
    expect(fake.credentials.size).toBe(0);
    expect(findStateFiles(dir)).toEqual([]);
  });
});

describe('S3C_NHN_* configuration', () => {
  const base = { S3C_TARGET: 'nhn-kr1', S3C_NHN_TENANT_ID: 'tenant' };
  test('token + user id, default identity URL; keys come from provisioning', () => {
    const c = resolveConfig({ ...base, S3C_NHN_AUTH_TOKEN: 'tok', S3C_NHN_USER_ID: 'uuid' });
    expect(c.nhn).toEqual({ identityUrl: DEFAULT_IDENTITY_URL, tenantId: 'tenant', token: 'tok', userId: 'uuid' });
    expect(c.credentials).toBeUndefined();
  });
  test('username + API password; identity URL override', () => {
    expect(resolveNhn({ ...base, S3C_NHN_USERNAME: 'u@x', S3C_NHN_API_PASSWORD: 'p', S3C_NHN_IDENTITY_URL: 'http://127.0.0.1:5000/' })).toEqual({
      identityUrl: 'http://127.0.0.1:5000', tenantId: 'tenant', username: 'u@x', password: 'p',
    });
  });
  test.each([
    [{ S3C_NHN_AUTH_TOKEN: 'tok' }, 'S3C_NHN_TENANT_ID'],
    [{ ...base }, 'S3C_NHN_AUTH_TOKEN'],
    [{ ...base, S3C_NHN_AUTH_TOKEN: 'tok' }, 'S3C_NHN_USER_ID'],
    [{ ...base, S3C_NHN_USERNAME: 'u' }, 'S3C_NHN_API_PASSWORD'],
    [{ ...base, S3C_NHN_AUTH_TOKEN: 'tok', S3C_NHN_USER_ID: 'u', AWS_ACCESS_KEY_ID: 'AKIA', AWS_SECRET_ACCESS_KEY: 's' }, 'S3C_NHN_TENANT_ID'],
    [{ S3C_NHN_TENANT_ID: 't', S3C_NHN_AUTH_TOKEN: 'tok', S3C_NHN_USER_ID: 'u' }, 'S3C_NHN_TENANT_ID'],
  ])('%o → ConfigError naming %s', (env, variable) => {
    const e = (() => {
      try {
        resolveConfig(env);
      } catch (x) {
        return x;
      }
      return undefined;
    })();
    expect(e).toBeInstanceOf(ConfigError);
    expect((e as ConfigError).variable).toBe(variable);
  });
  test('no S3C_NHN_* → no provisioning', () => {
    expect(resolveNhn({ S3C_TARGET: 'embedded' })).toBeUndefined();
  });
});
