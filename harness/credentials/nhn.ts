/**
 * NHN Cloud identity API client for short-lived S3 (OS-EC2) credentials.
 *
 * Contract: the provider's "Amazon S3 Compatible API Guide", section "S3 API Credentials"
 * (../shared/docs/s3-compatible-api-guide.md):
 *   POST   {identity}/v2.0/users/{user-id}/credentials/OS-EC2          body {"tenant_id"} → {"credential":{access,secret,tenant_id,user_id,trust_id}}
 *   GET    {identity}/v2.0/users/{user-id}/credentials/OS-EC2          → {"credentials":[…]}
 *   DELETE {identity}/v2.0/users/{user-id}/credentials/OS-EC2/{access} → 204, no body
 * all with `X-Auth-Token`; "up to 3 credentials can be issued per project for each user".
 * Tokens (Object Storage API guide, "Authentication Token Issuance", Keystone v2):
 *   POST {identity}/v2.0/tokens  {"auth":{"tenantId","passwordCredentials":{"username","password"}}}
 *   → {"access":{"token":{"id","expires",…},"user":{"id",…}}}; the user UUID is access.user.id.
 * The guide does not state the POST credential status; 200 and 201 are both accepted.
 */

export const DEFAULT_IDENTITY_URL = 'https://api-identity.infrastructure.cloud.toast.com';
/** Credentials per user per project (the guide's note). */
export const CREDENTIAL_LIMIT = 3;

export interface NhnSettings {
  /** Base URL of the identity service, without /v2.0. */
  identityUrl: string;
  tenantId: string;
  /** User UUID (access.user.id of a token); read from the token response when a password is given. */
  userId?: string;
  /** A token id (X-Auth-Token). */
  token?: string;
  /** NHN Cloud ID (e-mail) and the Object Storage API password, to obtain a token. */
  username?: string;
  password?: string;
}

export interface Ec2Credential {
  access: string;
  secret: string;
  tenant_id: string;
  user_id: string;
  trust_id: string | null;
}

export class NhnIdentityError extends Error {
  readonly status: number | undefined;
  constructor(message: string, status?: number) {
    super(message);
    this.name = 'NhnIdentityError';
    this.status = status;
  }
}

/**
 * The 3-credential limit is reached: lists the existing access keys — masked to their first 4
 * characters, the project's rule for printing keys — and never their secrets. `existing` keeps
 * the full keys for code that deletes a leftover.
 */
export class CredentialLimitError extends NhnIdentityError {
  readonly existing: string[];
  constructor(userId: string, tenantId: string, existing: string[], status?: number) {
    super(
      `NHN identity: user ${userId} already has ${existing.length} S3 credentials in project ${tenantId} ` +
        `(the limit is ${CREDENTIAL_LIMIT} per user per project), so the run cannot issue its own. ` +
        `Existing access keys: ${existing.map((k) => `${k.slice(0, 4)}…`).join(', ')}. Delete one that no run or person uses ` +
        `(DELETE /v2.0/users/${userId}/credentials/OS-EC2/<access>, or the console's S3 API credentials page) and run again.`,
      status,
    );
    this.name = 'CredentialLimitError';
    this.existing = existing;
  }
}

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<{
  status: number;
  text(): Promise<string>;
}>;

interface Answer {
  status: number;
  text: string;
  json: unknown;
}

function keystoneMessage(a: Answer): string {
  const e = (a.json as { error?: { message?: unknown } } | undefined)?.error;
  if (e && typeof e.message === 'string') return e.message;
  return a.text.slice(0, 200);
}

export function isEc2Credential(x: unknown): x is Ec2Credential {
  if (typeof x !== 'object' || x === null) return false;
  const c = x as Record<string, unknown>;
  return (
    typeof c.access === 'string' &&
    typeof c.secret === 'string' &&
    typeof c.tenant_id === 'string' &&
    typeof c.user_id === 'string' &&
    (c.trust_id === null || typeof c.trust_id === 'string')
  );
}

export class NhnIdentity {
  private readonly base: string;
  private token: string | undefined;
  private userId: string | undefined;
  private readonly fetchImpl: FetchLike;

  constructor(
    private readonly settings: NhnSettings,
    fetchImpl?: FetchLike,
  ) {
    this.base = settings.identityUrl.replace(/\/+$/, '');
    this.token = settings.token;
    this.userId = settings.userId;
    this.fetchImpl = fetchImpl ?? ((url, init) => fetch(url, init));
    if (!settings.token && !(settings.username && settings.password)) {
      throw new NhnIdentityError('NHN identity: give a token (S3C_NHN_AUTH_TOKEN) or S3C_NHN_USERNAME and S3C_NHN_API_PASSWORD');
    }
  }

  private async send(method: string, path: string, body?: unknown, auth = true): Promise<Answer> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (auth) headers['X-Auth-Token'] = await this.authToken();
    let res;
    try {
      res = await this.fetchImpl(`${this.base}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    } catch (e) {
      throw new NhnIdentityError(`NHN identity: ${method} ${new URL(this.base).host}${path.replace(/OS-EC2\/.+$/, 'OS-EC2/…')}: no answer (${(e as Error).message})`);
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, text, json };
  }

  /** POST /v2.0/tokens with the API password (Keystone v2). */
  async issueToken(): Promise<{ id: string; expires: string; userId: string }> {
    const { username, password, tenantId } = this.settings;
    if (!username || !password) throw new NhnIdentityError('NHN identity: the token was rejected and no username/API password is set to obtain a new one');
    const a = await this.send('POST', '/v2.0/tokens', { auth: { tenantId, passwordCredentials: { username, password } } }, false);
    if (a.status !== 200) {
      throw new NhnIdentityError(`NHN identity: token request for ${username} refused (${a.status}: ${keystoneMessage(a)}); check S3C_NHN_USERNAME, S3C_NHN_API_PASSWORD and S3C_NHN_TENANT_ID`, a.status);
    }
    const access = (a.json as { access?: { token?: { id?: unknown; expires?: unknown }; user?: { id?: unknown } } } | undefined)?.access;
    const id = access?.token?.id;
    const userId = access?.user?.id;
    if (typeof id !== 'string' || typeof userId !== 'string') {
      throw new NhnIdentityError('NHN identity: the token answer lacks access.token.id or access.user.id', a.status);
    }
    this.token = id;
    this.userId ??= userId;
    return { id, expires: typeof access?.token?.expires === 'string' ? access.token.expires : '', userId };
  }

  private async authToken(): Promise<string> {
    if (!this.token) await this.issueToken();
    return this.token as string;
  }

  private async user(): Promise<string> {
    if (!this.userId) await this.issueToken();
    if (!this.userId) throw new NhnIdentityError('NHN identity: S3C_NHN_USER_ID is not set and no token answer named the user');
    return this.userId;
  }

  /** One request, retried once with a fresh token when the token is rejected (401) and a password is known. */
  private async authed(method: string, path: () => Promise<string>, body?: unknown): Promise<Answer> {
    let a = await this.send(method, await path(), body);
    if (a.status === 401 && this.settings.username && this.settings.password) {
      this.token = undefined;
      await this.issueToken();
      a = await this.send(method, await path(), body);
    }
    if (a.status === 401) {
      throw new NhnIdentityError(
        `NHN identity: the token was rejected (401 ${keystoneMessage(a)}): it expired or is invalid. ` +
          'Issue a new one (POST /v2.0/tokens) or set S3C_NHN_USERNAME and S3C_NHN_API_PASSWORD so the harness obtains one.',
        401,
      );
    }
    return a;
  }

  private credPath = async (access?: string): Promise<string> =>
    `/v2.0/users/${encodeURIComponent(await this.user())}/credentials/OS-EC2${access === undefined ? '' : `/${encodeURIComponent(access)}`}`;

  /** GET: every credential of the user (all projects). */
  async list(): Promise<Ec2Credential[]> {
    const a = await this.authed('GET', () => this.credPath());
    if (a.status !== 200) throw new NhnIdentityError(`NHN identity: listing credentials failed (${a.status}: ${keystoneMessage(a)})`, a.status);
    const list = (a.json as { credentials?: unknown } | undefined)?.credentials;
    if (!Array.isArray(list) || !list.every(isEc2Credential)) throw new NhnIdentityError('NHN identity: the list answer is not {"credentials":[{access,secret,tenant_id,user_id,trust_id}]}', a.status);
    return list;
  }

  /** The access keys of the user's credentials in this project. */
  async accessKeysInProject(): Promise<string[]> {
    return (await this.list()).filter((c) => c.tenant_id === this.settings.tenantId).map((c) => c.access).sort();
  }

  /** POST: a new credential for this project; a clear CredentialLimitError at the limit. */
  async issue(): Promise<Ec2Credential> {
    const before = await this.accessKeysInProject();
    if (before.length >= CREDENTIAL_LIMIT) throw new CredentialLimitError(await this.user(), this.settings.tenantId, before);
    const a = await this.authed('POST', () => this.credPath(), { tenant_id: this.settings.tenantId });
    if (a.status !== 200 && a.status !== 201) {
      // Someone may have issued one meanwhile: say so when that is the reason.
      const now = await this.accessKeysInProject().catch(() => [] as string[]);
      if (now.length >= CREDENTIAL_LIMIT) throw new CredentialLimitError(await this.user(), this.settings.tenantId, now, a.status);
      throw new NhnIdentityError(`NHN identity: issuing a credential failed (${a.status}: ${keystoneMessage(a)})`, a.status);
    }
    const c = (a.json as { credential?: unknown } | undefined)?.credential;
    if (!isEc2Credential(c)) throw new NhnIdentityError('NHN identity: the issue answer is not {"credential":{access,secret,tenant_id,user_id,trust_id}}', a.status);
    return c;
  }

  /** DELETE: 204; a 404 (already gone) is reported as `false`. */
  async delete(access: string): Promise<boolean> {
    const a = await this.authed('DELETE', () => this.credPath(access));
    if (a.status === 204) return true;
    if (a.status === 404) return false;
    throw new NhnIdentityError(`NHN identity: deleting credential ${access} failed (${a.status}: ${keystoneMessage(a)})`, a.status);
  }
}
