/**
 * Self-tests of the client runner (offline): which `aws` can be served by a long-lived python3,
 * and that a served command gives what a process of its own gives (exit code, stdout, stderr).
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { Runtime } from '../run/runtime.ts';
import { awsCliInterpreter, clientSession, findTool, type ClientSession } from './tools.ts';

const dir = mkdtempSync(join(tmpdir(), 's3c-tools-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  chmodSync(p, 0o755);
  return p;
};

describe('awsCliInterpreter', () => {
  test('a Python script calling awscli.clidriver: its interpreter (direct or through env)', () => {
    expect(awsCliInterpreter(file('a', '#!/usr/bin/python3\nimport awscli.clidriver\nsys.exit(awscli.clidriver.main())\n'))).toBe('/usr/bin/python3');
    expect(awsCliInterpreter(file('b', '#!/usr/bin/env python3.11\nfrom awscli.clidriver import main\n'))).toBe('python3.11');
  });
  test('anything else runs as a process per command', () => {
    expect(awsCliInterpreter(file('c', '#!/bin/sh\nexec /opt/aws/dist/aws "$@"\n'))).toBeUndefined();
    expect(awsCliInterpreter(file('d', '\x7fELF\x02\x01\x01awscli.clidriver'))).toBeUndefined();
    expect(awsCliInterpreter(file('e', '#!/usr/bin/python3\nimport boto3\n'))).toBeUndefined();
    expect(awsCliInterpreter(join(dir, 'missing'))).toBeUndefined();
  });
});

const aws = findTool('aws');
const served = aws ? awsCliInterpreter(aws) : undefined;

describe.skipIf(!served)('a served aws command equals a process of its own', () => {
  // https endpoint: no relay; nothing listens on port 9, so a request fails fast and offline.
  const rt = { endpoint: 'https://127.0.0.1:9', region: 'us-east-1', pathStyle: true, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } } as Runtime;
  const run = async (perCall: boolean, args: string[], input?: string): Promise<{ code: number | null; stdout: string; stderr: string }> => {
    const before = process.env.S3C_CLIENT_PROCESS_PER_CALL;
    if (perCall) process.env.S3C_CLIENT_PROCESS_PER_CALL = '1';
    else delete process.env.S3C_CLIENT_PROCESS_PER_CALL;
    const s: ClientSession = await clientSession(rt);
    try {
      // The command's own environment reaches the CLI in both modes (one attempt: a refused connection fails at once).
      const r = await s.run('aws', args, { env: { AWS_MAX_ATTEMPTS: '1', AWS_RETRY_MODE: 'standard' }, ...(input === undefined ? {} : { input }) });
      return { code: r.code, stdout: r.stdout, stderr: r.stderr };
    } finally {
      await s.close();
      if (before === undefined) delete process.env.S3C_CLIENT_PROCESS_PER_CALL;
      else process.env.S3C_CLIENT_PROCESS_PER_CALL = before;
    }
  };

  test.each([
    ['--version', ['--version']],
    ['a usage error', ['s3', 'ls', '--no-such-flag']],
    ['an unreachable endpoint', ['--endpoint-url', 'http://127.0.0.1:9', '--cli-connect-timeout', '2', 's3', 'ls']],
    ['a command reading stdin', ['--endpoint-url', 'http://127.0.0.1:9', '--cli-connect-timeout', '2', 's3', 'cp', '-', 's3://b/k']],
  ])('%s', async (_name, args) => {
    const own = await run(true, args, args.includes('-') ? 'body' : undefined);
    const srv = await run(false, args, args.includes('-') ? 'body' : undefined);
    expect(srv.code).toBe(own.code);
    expect(srv.stdout).toBe(own.stdout);
    expect(srv.stderr.replace(/\d+\.\d+ seconds|port \d+/g, '')).toBe(own.stderr.replace(/\d+\.\d+ seconds|port \d+/g, ''));
  }, 60_000);
});
