/**
 * A local stand-in for NHN Cloud's identity service, following the documented requests and
 * responses (s3-compatible-api-guide.md, "S3 API Credentials"; Object Storage API guide,
 * "Authentication Token Issuance", Keystone v2). The real service is not reachable from here;
 * this fake is only for the harness's own tests.
 *
 * Where the guide is silent the fake follows OpenStack Keystone v2: error bodies
 * `{"error":{"code","title","message"}}`, 401 for a missing/expired/unknown token, 403 for a
 * token of another user, 404 for an unknown credential. The 3-credential limit answers 409
 * (the guide states the limit, not the status; the client does not depend on it).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Ec2Credential } from './nhn.ts';

export interface FakeIdentityOptions {
  tenantId?: string;
  userId?: string;
  username?: string;
  password?: string;
  /** Credentials issued before the test starts. */
  preloaded?: Array<Partial<Ec2Credential> & { access: string }>;
  /** Issue these keys instead of random ones (so a local S3 server accepts them in an end-to-end test). */
  issueAs?: { access: string; secret: string };
}

export interface RecordedRequest {
  method: string;
  path: string;
  token: string | undefined;
  body: unknown;
}

export interface FakeIdentity {
  url: string;
  tenantId: string;
  userId: string;
  username: string;
  password: string;
  /** A valid token for the user (as if issued earlier). */
  token: string;
  credentials: Map<string, Ec2Credential>;
  requests: RecordedRequest[];
  expireToken(id: string): void;
  close(): Promise<void>;
}

const hex = (n: number): string => randomBytes(n).toString('hex');

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status, { 'Content-Length': '0' });
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

const TITLES: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict' };
function error(res: ServerResponse, code: number, message: string): void {
  send(res, code, { error: { code, title: TITLES[code] ?? 'Error', message } });
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return Symbol.for('invalid-json');
  }
}

export async function startFakeIdentity(opts: FakeIdentityOptions = {}): Promise<FakeIdentity> {
  const tenantId = opts.tenantId ?? hex(16);
  const userId = opts.userId ?? randomUUID();
  const username = opts.username ?? 'ci@example.com';
  const password = opts.password ?? 'api-password';
  const tokens = new Map<string, { userId: string; expired: boolean }>();
  const credentials = new Map<string, Ec2Credential>();
  const requests: RecordedRequest[] = [];
  const token = hex(16);
  tokens.set(token, { userId, expired: false });
  for (const p of opts.preloaded ?? []) {
    credentials.set(p.access, { access: p.access, secret: p.secret ?? hex(16), tenant_id: p.tenant_id ?? tenantId, user_id: p.user_id ?? userId, trust_id: p.trust_id ?? null });
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    const body = await readBody(req);
    const authToken = req.headers['x-auth-token'] as string | undefined;
    requests.push({ method, path: url.pathname, token: authToken, body });

    if (url.pathname === '/v2.0/tokens') {
      if (method !== 'POST') return error(res, 405, 'Method Not Allowed');
      const auth = (body as { auth?: { tenantId?: unknown; passwordCredentials?: { username?: unknown; password?: unknown } } } | undefined)?.auth;
      if (!auth || typeof auth.tenantId !== 'string' || !auth.passwordCredentials) return error(res, 400, 'Expecting to find auth with tenantId and passwordCredentials');
      if (auth.passwordCredentials.username !== username || auth.passwordCredentials.password !== password || auth.tenantId !== tenantId) {
        return error(res, 401, 'The request you have made requires authentication.');
      }
      const id = hex(16);
      tokens.set(id, { userId, expired: false });
      const now = new Date();
      return send(res, 200, {
        access: {
          token: {
            id,
            issued_at: now.toISOString().replace('Z', ''),
            expires: new Date(now.getTime() + 12 * 3600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
            tenant: { id: tenantId, name: tenantId, description: '', enabled: true },
            audit_ids: [hex(8)],
          },
          serviceCatalog: [],
          user: { id: userId, name: username, username, roles: [{ name: 'Member' }], roles_links: [] },
          metadata: { is_admin: 0, roles: [] },
        },
      });
    }

    const m = /^\/v2\.0\/users\/([^/]+)\/credentials\/OS-EC2(?:\/([^/]+))?$/.exec(url.pathname);
    if (!m) return error(res, 404, 'The resource could not be found.');
    const t = authToken ? tokens.get(authToken) : undefined;
    if (!t || t.expired) return error(res, 401, 'The request you have made requires authentication.');
    const pathUser = decodeURIComponent(m[1] as string);
    if (pathUser !== t.userId) return error(res, 403, 'You are not authorized to perform the requested action.');
    const access = m[2] === undefined ? undefined : decodeURIComponent(m[2]);

    if (access === undefined && method === 'POST') {
      const tid = (body as { tenant_id?: unknown } | undefined)?.tenant_id;
      if (typeof tid !== 'string' || tid === '') return error(res, 400, 'Expecting to find tenant_id in request body');
      const mine = [...credentials.values()].filter((c) => c.user_id === pathUser && c.tenant_id === tid);
      if (mine.length >= 3) return error(res, 409, 'Up to 3 credentials can be issued per project for each user.');
      const c: Ec2Credential = { access: opts.issueAs?.access ?? hex(16), tenant_id: tid, secret: opts.issueAs?.secret ?? hex(16), user_id: pathUser, trust_id: null };
      credentials.set(c.access, c);
      return send(res, 200, { credential: c });
    }
    if (access === undefined && method === 'GET') {
      return send(res, 200, { credentials: [...credentials.values()].filter((c) => c.user_id === pathUser) });
    }
    if (access !== undefined && method === 'DELETE') {
      const c = credentials.get(access);
      if (!c || c.user_id !== pathUser) return error(res, 404, `Could not find credential: ${access}`);
      credentials.delete(access);
      return send(res, 204);
    }
    return error(res, 405, 'Method Not Allowed');
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => error(res, 400, (e as Error).message));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    tenantId,
    userId,
    username,
    password,
    token,
    credentials,
    requests,
    expireToken: (id) => {
      const e = tokens.get(id);
      if (e) e.expired = true;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
