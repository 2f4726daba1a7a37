import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from './cli.ts';
import { startFakeIdentity } from './fake-identity.ts';
import { provisionNhn } from './provision.ts';

describe('credentials CLI against the fake', () => {
  test('exec: the command gets its own credential (and no S3C_NHN_*), deleted afterwards; its exit code is kept', async () => {
    const fake = await startFakeIdentity();
    try {
      const env = { PATH: process.env.PATH, S3C_NHN_IDENTITY_URL: fake.url, S3C_NHN_TENANT_ID: fake.tenantId, S3C_NHN_USERNAME: fake.username, S3C_NHN_API_PASSWORD: fake.password };
      const out = join(mkdtempSync(join(tmpdir(), 's3c-exec-')), 'seen');
      const script = `require('fs').writeFileSync(${JSON.stringify(out)}, [process.env.AWS_ACCESS_KEY_ID, process.env.AWS_SECRET_ACCESS_KEY, process.env.S3C_NHN_TENANT_ID ?? 'none'].join('|')); process.exit(3)`;
      expect(await main(['exec', '--', process.execPath, '-e', script], env)).toBe(3);
      const [access, secret, nhn] = readFileSync(out, 'utf8').split('|');
      expect(access).toMatch(/^[0-9a-f]{32}$/);
      expect(secret).toMatch(/^[0-9a-f]{32}$/);
      expect(nhn).toBe('none');
      expect(fake.requests.filter((r) => r.method === 'DELETE').map((r) => r.path.split('/').pop())).toEqual([access]);
      expect(fake.credentials.size).toBe(0);
    } finally {
      await fake.close();
    }
  });

  test('release: deletes what a killed run left; nothing left → says so', async () => {
    const fake = await startFakeIdentity();
    try {
      const dir = mkdtempSync(join(tmpdir(), 's3c-rel-'));
      const p = await provisionNhn({ identityUrl: fake.url, tenantId: fake.tenantId, userId: fake.userId, token: fake.token }, join(dir, 'nhn-kr1'));
      const env = { S3C_NHN_IDENTITY_URL: fake.url, S3C_NHN_TENANT_ID: fake.tenantId, S3C_NHN_USER_ID: fake.userId, S3C_NHN_AUTH_TOKEN: fake.token };
      expect(await main(['release', dir], env)).toBe(0);
      expect(fake.credentials.size).toBe(0);
      expect(existsSync(p.stateFile)).toBe(false);
      expect(await main(['release', dir], {})).toBe(0);
    } finally {
      await fake.close();
    }
  });

  test('contract: exit 0 against the fake; configuration errors exit 2', async () => {
    const fake = await startFakeIdentity();
    try {
      expect(await main(['contract'], { S3C_NHN_IDENTITY_URL: fake.url, S3C_NHN_TENANT_ID: fake.tenantId, S3C_NHN_USER_ID: fake.userId, S3C_NHN_AUTH_TOKEN: fake.token })).toBe(0);
      expect(await main(['contract'], {})).toBe(2);
      expect(await main(['nope'], {})).toBe(2);
    } finally {
      await fake.close();
    }
  });
});
