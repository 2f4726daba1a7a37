/**
 * `tsx harness/credentials/cli.ts <command>`: NHN S3 credentials outside a run (S3C_NHN_* set).
 *   contract          run the credentials-API contract (issues one credential, deletes it); exit 1 on a failure
 *   list              the access keys of the user's credentials in the project (never secrets)
 *   release <dir...>  delete credentials whose state files an interrupted run left (CI: `if: always()`)
 *   exec -- <cmd...>  issue a credential, run <cmd> with it as AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY
 *                     (S3C_NHN_* removed), delete it when <cmd> ends or on SIGINT/SIGTERM (e.g. `npm run sweep`)
 * Exit codes: 0 done, 1 contract failure or identity error, 2 configuration error.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError, resolveNhn } from '../config/config.ts';
import { runCredentialsContract } from './contract.ts';
import { NhnIdentity, NhnIdentityError } from './nhn.ts';
import { findStateFiles, provisionNhn, releaseStateFiles } from './provision.ts';
import { registerSecret, scrub } from '../transport/wire.ts';

/** Run a command with a credential of its own; resolves to the command's exit code. */
async function execWith(nhn: NonNullable<ReturnType<typeof resolveNhn>>, command: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const p = await provisionNhn(nhn, mkdtempSync(join(tmpdir(), 's3c-nhn-exec-')));
  registerSecret(p.credentials.secretAccessKey);
  const childEnv: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) if (!k.startsWith('S3C_NHN_')) childEnv[k] = v;
  childEnv.AWS_ACCESS_KEY_ID = p.credentials.accessKeyId;
  childEnv.AWS_SECRET_ACCESS_KEY = p.credentials.secretAccessKey;
  process.stdout.write(`s3c: NHN credential ${p.access.slice(0, 4)}… issued for: ${command.join(' ')}\n`);
  try {
    return await new Promise<number>((res) => {
      const child = spawn(command[0] as string, command.slice(1), { env: childEnv, stdio: 'inherit' });
      const forward = (sig: NodeJS.Signals): void => void child.kill(sig);
      process.on('SIGINT', forward);
      process.on('SIGTERM', forward);
      child.on('error', (e) => {
        process.stderr.write(`s3c: ${scrub(e.message)}\n`);
        res(127);
      });
      child.on('close', (code, signal) => {
        process.off('SIGINT', forward);
        process.off('SIGTERM', forward);
        res(code ?? (signal ? 128 + 2 : 1));
      });
    });
  } finally {
    process.stdout.write(`${await p.release()}\n`);
  }
}

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [cmd, ...rest] = argv;
  const out = (s: string): void => void process.stdout.write(`${s}\n`);
  const err = (s: string): void => void process.stderr.write(`${s}\n`);
  if (cmd !== 'contract' && cmd !== 'list' && cmd !== 'release' && cmd !== 'exec') {
    err('usage: cli.ts contract | list | release <dir...> | exec -- <command...>');
    return 2;
  }
  try {
    if (cmd === 'release') {
      const files = rest.flatMap((d) => findStateFiles(d));
      if (!files.length) {
        out('no NHN credential left behind');
        return 0;
      }
      const nhn = resolveNhn(env);
      if (!nhn) throw new ConfigError('S3C_NHN_TENANT_ID', `is not set, but ${files.length} credential state file(s) need deleting`);
      for (const line of await releaseStateFiles(files, { ...(nhn.token ? { token: nhn.token } : {}), ...(nhn.username ? { username: nhn.username, password: nhn.password } : {}) })) out(line);
      return 0;
    }
    const nhn = resolveNhn(env);
    if (!nhn) throw new ConfigError('S3C_NHN_TENANT_ID', 'is not set (see README: NHN credentials)');
    if (cmd === 'exec') {
      const command = rest[0] === '--' ? rest.slice(1) : rest;
      if (!command.length) {
        err('usage: cli.ts exec -- <command...>');
        return 2;
      }
      return await execWith(nhn, command, env);
    }
    if (cmd === 'list') {
      const keys = await new NhnIdentity(nhn).accessKeysInProject();
      out(keys.length ? keys.join('\n') : '(none)');
      return 0;
    }
    const results = await runCredentialsContract(nhn);
    for (const r of results) out(`${r.verdict === 'pass' ? 'pass' : 'FAIL'}  ${r.id}  ${r.title}${r.verdict === 'fail' ? `\n      expected: ${r.expected}\n      observed: ${r.observed}` : ''}`);
    return results.every((r) => r.verdict === 'pass') ? 0 : 1;
  } catch (e) {
    if (e instanceof ConfigError) {
      err(`s3c: configuration error: ${e.message}`);
      return 2;
    }
    if (e instanceof NhnIdentityError) {
      err(`s3c: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
