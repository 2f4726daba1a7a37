/**
 * A run's own NHN S3 credential: issued before the run, deleted after it (global-setup
 * teardown, also after a failed or interrupted run). The access key (never the secret) and the
 * identity settings needed to delete it are written to a state file, so a job killed hard
 * still gets it deleted by `tsx harness/credentials/cli.ts release <dir>` (CI's `if: always()` step).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Credentials } from '../config/targets.ts';
import { NhnIdentity, type FetchLike, type NhnSettings } from './nhn.ts';

export const STATE_PREFIX = '.nhn-credential-';

export interface CredentialState {
  identityUrl: string;
  tenantId: string;
  userId: string;
  access: string;
  issuedAt: string;
}

export interface Provisioned {
  credentials: Credentials;
  access: string;
  stateFile: string;
  /** Delete the credential (idempotent). Resolves to a line to print. */
  release(): Promise<string>;
}

export async function provisionNhn(settings: NhnSettings, stateDir: string, fetchImpl?: FetchLike): Promise<Provisioned> {
  const id = new NhnIdentity(settings, fetchImpl);
  const c = await id.issue();
  mkdirSync(stateDir, { recursive: true });
  const stateFile = join(stateDir, `${STATE_PREFIX}${c.access}.json`);
  const state: CredentialState = { identityUrl: settings.identityUrl, tenantId: c.tenant_id, userId: c.user_id, access: c.access, issuedAt: new Date().toISOString() };
  writeFileSync(stateFile, `${JSON.stringify(state, null, 2)}\n`);
  let released: Promise<string> | undefined;
  return {
    credentials: { accessKeyId: c.access, secretAccessKey: c.secret },
    access: c.access,
    stateFile,
    release: () =>
      (released ??= (async () => {
        const gone = await id.delete(c.access);
        rmSync(stateFile, { force: true });
        return gone ? `s3c: NHN credential ${c.access.slice(0, 4)}… deleted` : `s3c: NHN credential ${c.access.slice(0, 4)}… was already gone (404)`;
      })()),
  };
}

/** State files left in a directory (recursively one level: reports/<target>/). */
export function findStateFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const n of readdirSync(dir, { withFileTypes: true })) {
    if (n.isFile() && n.name.startsWith(STATE_PREFIX) && n.name.endsWith('.json')) out.push(join(dir, n.name));
    else if (n.isDirectory()) {
      for (const m of readdirSync(join(dir, n.name))) if (m.startsWith(STATE_PREFIX) && m.endsWith('.json')) out.push(join(dir, n.name, m));
    }
  }
  return out.sort();
}

/** Delete the credentials named by left-over state files; auth from `auth` (token or username/password). */
export async function releaseStateFiles(
  files: readonly string[],
  auth: Pick<NhnSettings, 'token' | 'username' | 'password'>,
  fetchImpl?: FetchLike,
): Promise<string[]> {
  const lines: string[] = [];
  for (const f of files) {
    const s = JSON.parse(readFileSync(f, 'utf8')) as CredentialState;
    const id = new NhnIdentity({ identityUrl: s.identityUrl, tenantId: s.tenantId, userId: s.userId, ...auth }, fetchImpl);
    const gone = await id.delete(s.access);
    rmSync(f, { force: true });
    lines.push(gone ? `deleted NHN credential ${s.access.slice(0, 4)}… (left by an interrupted run)` : `NHN credential ${s.access.slice(0, 4)}… was already gone`);
  }
  return lines;
}
