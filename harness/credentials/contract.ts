/**
 * The NHN credentials API as a contract: the documented shapes (status codes, JSON fields) of
 * issue → list → delete, checked against whatever identity endpoint the settings name (the real
 * service when S3C_NHN_* are set, the local fake in the self-tests). Not S3 checks (the check
 * metadata's operations are S3 operations), so they live here and report in their own format.
 * It issues exactly one credential and deletes it; it never tries to hit the limit for real.
 */
import type { NhnSettings } from './nhn.ts';
import { NhnIdentity, isEc2Credential, type FetchLike } from './nhn.ts';

const GUIDE = 'https://docs.nhncloud.com/en/Storage/Object%20Storage/en/s3-api-guide/';

export interface ContractResult {
  id: string;
  title: string;
  spec: string;
  verdict: 'pass' | 'fail';
  expected?: string;
  observed?: string;
}

interface Raw {
  status: number;
  text: string;
  json: unknown;
}

export async function runCredentialsContract(settings: NhnSettings, fetchImpl?: FetchLike): Promise<ContractResult[]> {
  const f: FetchLike = fetchImpl ?? ((u, i) => fetch(u, i));
  const base = settings.identityUrl.replace(/\/+$/, '');
  // Resolve the token and user the same way the provisioning does.
  const client = new NhnIdentity(settings, f);
  let token = settings.token;
  let userId = settings.userId;
  if (!token || !userId) {
    const t = await client.issueToken();
    token = t.id;
    userId ??= t.userId;
  }
  const credUrl = `${base}/v2.0/users/${encodeURIComponent(userId)}/credentials/OS-EC2`;
  const call = async (method: string, url: string, tok: string, body?: unknown): Promise<Raw> => {
    const headers: Record<string, string> = { 'X-Auth-Token': tok, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await f(url, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, text, json };
  };
  const out: ContractResult[] = [];
  const record = (id: string, title: string, anchor: string, problem: { expected: string; observed: string } | undefined): void => {
    out.push({ id, title, spec: `${GUIDE}#${anchor}`, verdict: problem ? 'fail' : 'pass', ...(problem ?? {}) });
  };
  const shape = (x: unknown): string => (isEc2Credential(x) ? 'credential' : JSON.stringify(x)?.replace(/"secret":"[^"]*"/g, '"secret":"…"').slice(0, 200) ?? 'nothing');

  // Issue.
  const issued = await call('POST', credUrl, token, { tenant_id: settings.tenantId });
  const cred = (issued.json as { credential?: unknown } | undefined)?.credential;
  const okIssue = (issued.status === 200 || issued.status === 201) && isEc2Credential(cred);
  record('Credentials/issue-shape', 'POST OS-EC2 {tenant_id} → 200/201 {"credential":{access,secret,tenant_id,user_id,trust_id}}', 'obtain-s3-api-credentials', okIssue ? undefined : { expected: '200 or 201 with credential{access,secret,tenant_id,user_id,trust_id}', observed: `${issued.status} ${shape(cred ?? issued.json)}` });
  if (!okIssue || !isEc2Credential(cred)) return out;
  record(
    'Credentials/issue-scoped',
    'the issued credential names the requested project and the user of the URL',
    'obtain-s3-api-credentials',
    cred.tenant_id === settings.tenantId && cred.user_id === userId ? undefined : { expected: `tenant_id=${settings.tenantId} user_id=${userId}`, observed: `tenant_id=${cred.tenant_id} user_id=${cred.user_id}` },
  );

  try {
    // List.
    const listed = await call('GET', credUrl, token);
    const list = (listed.json as { credentials?: unknown } | undefined)?.credentials;
    const okList = listed.status === 200 && Array.isArray(list) && list.every(isEc2Credential);
    record('Credentials/list-shape', 'GET OS-EC2 → 200 {"credentials":[{access,secret,tenant_id,user_id,trust_id}…]}', 'get-s3-api-credentials', okList ? undefined : { expected: '200 with credentials[] of credential objects', observed: `${listed.status} ${shape(listed.json)}` });
    const found = Array.isArray(list) ? (list as unknown[]).find((c) => isEc2Credential(c) && c.access === cred.access) : undefined;
    record(
      'Credentials/list-includes-issued',
      'the list holds the issued credential with the same secret, project and user',
      'get-s3-api-credentials',
      isEc2Credential(found) && found.secret === cred.secret && found.tenant_id === cred.tenant_id && found.user_id === cred.user_id
        ? undefined
        : { expected: `an entry with access ${cred.access.slice(0, 4)}… and the same secret/tenant_id/user_id`, observed: found ? 'an entry whose fields differ' : 'no such entry' },
    );
    const bad = await call('GET', credUrl, `${token}-not-a-token`);
    record('Credentials/invalid-token', 'GET OS-EC2 with an invalid X-Auth-Token → 401', 'get-s3-api-credentials', bad.status === 401 ? undefined : { expected: '401', observed: String(bad.status) });
  } finally {
    // Delete (always: the contract run must not leave its credential behind).
    const del = await call('DELETE', `${credUrl}/${encodeURIComponent(cred.access)}`, token);
    record('Credentials/delete-204', 'DELETE OS-EC2/{access} → 204 with no body', 'delete-s3-api-credentials', del.status === 204 && del.text === '' ? undefined : { expected: '204, empty body', observed: `${del.status} ${del.text.slice(0, 100)}` });
  }
  const after = await call('GET', credUrl, token);
  const still = ((after.json as { credentials?: unknown[] } | undefined)?.credentials ?? []).some((c) => isEc2Credential(c) && c.access === cred.access);
  record('Credentials/delete-removes', 'after DELETE the credential is no longer listed', 'delete-s3-api-credentials', after.status === 200 && !still ? undefined : { expected: '200 without the deleted access key', observed: `${after.status}${still ? ', still listed' : ''}` });
  const again = await call('DELETE', `${credUrl}/${encodeURIComponent(cred.access)}`, token);
  record('Credentials/delete-unknown-404', 'DELETE of an unknown access key → 404', 'delete-s3-api-credentials', again.status === 404 ? undefined : { expected: '404', observed: String(again.status) });
  return out;
}
