/**
 * The credentials API contract: always against the local fake (which follows the guide), and
 * against the real identity service when S3C_NHN_* are set (the real service is not reachable
 * from the development machine; CI's regions workflow sets them).
 */
import { describe, expect, test } from 'vitest';
import { resolveNhn } from '../config/config.ts';
import { runCredentialsContract } from './contract.ts';
import { startFakeIdentity } from './fake-identity.ts';

describe('credentials API contract', () => {
  test('the fake follows the documented shapes (issue 200, list, delete 204, unknown 404, bad token 401)', async () => {
    const fake = await startFakeIdentity();
    try {
      const results = await runCredentialsContract({ identityUrl: fake.url, tenantId: fake.tenantId, username: fake.username, password: fake.password });
      expect(results.map((r) => r.id)).toEqual([
        'Credentials/issue-shape',
        'Credentials/issue-scoped',
        'Credentials/list-shape',
        'Credentials/list-includes-issued',
        'Credentials/invalid-token',
        'Credentials/delete-204',
        'Credentials/delete-removes',
        'Credentials/delete-unknown-404',
      ]);
      expect(results.filter((r) => r.verdict !== 'pass')).toEqual([]);
      expect(fake.credentials.size).toBe(0);
    } finally {
      await fake.close();
    }
  });

  test('a service answering the wrong shapes fails the contract with expected vs observed', async () => {
    const fake = await startFakeIdentity();
    try {
      // The DELETE answers 200 with a body instead of 204 (the request is still passed through).
      const results = await runCredentialsContract({ identityUrl: fake.url, tenantId: fake.tenantId, userId: fake.userId, token: fake.token }, async (url, init) => {
        const res = await fetch(url, init);
        if (init.method === 'DELETE' && res.status === 204) return { status: 200, text: async () => '{"ok":true}' };
        return res;
      });
      const del = results.find((r) => r.id === 'Credentials/delete-204');
      expect(del).toMatchObject({ verdict: 'fail', expected: '204, empty body', observed: '200 {"ok":true}' });
      // Everything else is as documented.
      expect(results.filter((r) => r.verdict === 'fail').map((r) => r.id)).toEqual(['Credentials/delete-204']);
    } finally {
      await fake.close();
    }
  });

  const real = resolveNhn(process.env);
  test.runIf(real !== undefined)('the real identity service (S3C_NHN_* set) answers the documented shapes', async () => {
    const results = await runCredentialsContract(real as NonNullable<typeof real>);
    expect(results.filter((r) => r.verdict !== 'pass')).toEqual([]);
  });
});
