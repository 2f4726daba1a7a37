/**
 * Global setup of the conformance project (runs once, in vitest's main process): resolve the
 * configuration, start the target's local server when the profile has one, make the run id
 * and seed, check the target answers, and provide the runtime to the test workers.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { S3Client } from '@aws-sdk/client-s3';
import { ConfigError, describeConfig, resolveConfig, type Config } from '../config/config.ts';
import { newRunId } from '../run/buckets.ts';
import { preflight } from '../run/preflight.ts';
import { runState } from './run-state.ts';
import type { Runtime } from '../run/runtime.ts';
import type { Credentials } from '../config/targets.ts';
import { takeEmbedded, type StartedServer } from '../../fixtures/servers/embedded.ts';
import { startScripted } from '../../fixtures/servers/scripted.ts';
import { registerSecret } from '../transport/wire.ts';
import { isContainerKind, startContainer } from '../../fixtures/containers/index.ts';
import { NhnIdentityError } from '../credentials/nhn.ts';
import { provisionNhn, type Provisioned } from '../credentials/provision.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function toolVersion(): string {
  return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

declare global {
  var __s3cRuntime: Runtime | undefined;
}

async function sdkCredentials(cfg: Config): Promise<Credentials> {
  if (cfg.credentials) return cfg.credentials;
  // AWS_PROFILE: the SDK's own shared-config loading.
  const c = new S3Client({ region: cfg.region });
  const got = await c.config.credentials();
  c.destroy();
  return { accessKeyId: got.accessKeyId, secretAccessKey: got.secretAccessKey, ...(got.sessionToken ? { sessionToken: got.sessionToken } : {}) };
}

async function sdkEndpoint(cfg: Config): Promise<string> {
  if (cfg.endpoint) return cfg.endpoint;
  if (cfg.profile.name === 'aws' || cfg.awsProfile) {
    const { loadSharedConfigFiles } = await import('@smithy/shared-ini-file-loader');
    const files = await loadSharedConfigFiles();
    const prof = files.configFile?.[cfg.awsProfile ?? 'default'];
    const fromIni = prof?.endpoint_url;
    if (typeof fromIni === 'string' && fromIni) return fromIni.replace(/\/+$/, '');
    return cfg.region === 'us-east-1' ? 'https://s3.amazonaws.com' : `https://s3.${cfg.region}.amazonaws.com`;
  }
  throw new ConfigError('AWS_ENDPOINT_URL_S3', 'is not set');
}

function listRuntime(cfg: Config): Runtime {
  const rt: Runtime = {
    target: cfg.target,
    profile: cfg.profile.name,
    endpoint: cfg.endpoint ?? 'http://127.0.0.1:9',
    region: cfg.region,
    pathStyle: cfg.pathStyle,
    credentials: cfg.credentials ?? { accessKeyId: 'list', secretAccessKey: 'list' },
    features: cfg.features,
    remote: cfg.profile.remote,
    runId: 'list',
    bucketPrefix: cfg.bucketPrefix,
    seed: 0,
    numRuns: cfg.numRuns,
    reportDir: resolve(ROOT, cfg.reportDir, cfg.target),
    runDir: mkdtempSync(join(tmpdir(), 's3c-list-')),
    requestTimeoutMs: cfg.requestTimeoutMs,
    listSettleMs: cfg.listSettleMs,
    startedAt: new Date().toISOString(),
    toolVersion: toolVersion(),
  };
  if (cfg.alt) rt.alt = cfg.alt;
  return rt;
}

/** The global setup; a failure is also recorded for the CLI, which prints it as one line. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  try {
    return await setupRun(project);
  } catch (e) {
    const st = runState();
    st.setupError ??= (e instanceof Error ? e.message : String(e)).split('\n')[0];
    throw e;
  }
}

async function setupRun(project: TestProject): Promise<() => Promise<void>> {
  let cfg: Config;
  try {
    cfg = resolveConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) throw new Error(`s3c: configuration error: ${e.message}`, { cause: e });
    throw e;
  }
  if (process.env.S3C_LIST_ONLY === '1') {
    // `--list`: the checks are collected, never run: no server, no preflight, no credentials needed.
    const rt = listRuntime(cfg);
    globalThis.__s3cRuntime = rt;
    project.provide('s3c', rt);
    return async () => undefined;
  }
  let server: StartedServer | undefined;
  let endpoint = cfg.endpoint;
  const kind = cfg.profile.server;
  if (kind && endpoint === undefined) {
    if (isContainerKind(kind)) {
      try {
        server = await startContainer(kind, (cfg.credentials ?? cfg.profile.localCredentials?.main) as Credentials);
      } catch (e) {
        // One clear line (e.g. no Docker engine), not a stack trace.
        throw new Error((e as Error).message, { cause: e });
      }
    } else {
      server = kind === 'embedded' ? await takeEmbedded() : await startScripted(kind);
    }
    endpoint = server.endpoint;
  }
  endpoint ??= await sdkEndpoint(cfg);
  const reportDir = resolve(ROOT, cfg.reportDir, cfg.target);
  // NHN: a credential of the run's own, deleted at teardown (and on every failure below).
  let provisioned: Provisioned | undefined;
  if (cfg.nhn && !cfg.credentials) {
    try {
      mkdirSync(reportDir, { recursive: true });
      provisioned = await provisionNhn(cfg.nhn, reportDir);
    } catch (e) {
      await server?.stop();
      if (e instanceof NhnIdentityError) throw new Error(e.message, { cause: e });
      throw e;
    }
    registerSecret(provisioned.credentials.secretAccessKey);
    cfg.credentials = provisioned.credentials;
    process.stdout.write(`s3c: NHN credential ${provisioned.access.slice(0, 4)}… issued for this run (deleted when it ends)\n`);
  }
  const release = async (): Promise<void> => {
    if (!provisioned) return;
    const line = await provisioned.release().catch(
      (e: unknown) => `s3c: could not delete NHN credential ${provisioned?.access.slice(0, 4)}…: ${(e as Error).message} (state kept in ${provisioned?.stateFile})`,
    );
    process.stdout.write(`${line}\n`);
  };
  const credentials = await sdkCredentials(cfg);
  registerSecret(credentials.secretAccessKey);
  registerSecret(credentials.sessionToken);
  registerSecret(cfg.alt?.secretAccessKey);

  // Preflight (the CLI did it already when the endpoint and keys were known before the start).
  if (process.env.S3C_PREFLIGHT_DONE !== endpoint) {
    const pf = await preflight({ endpoint, region: cfg.region, credentials });
    if (!pf.ok) {
      await server?.stop();
      await release();
      runState().preflightFailure = pf.message;
      throw new Error(`s3c: preflight: ${pf.message}`);
    }
    if (pf.note) process.stdout.write(`s3c: preflight: ${pf.note}\n`);
  }
  mkdirSync(reportDir, { recursive: true });

  const seed = cfg.seed ?? (Math.floor(Math.random() * 2 ** 31) | 0);
  const runDir = mkdtempSync(join(tmpdir(), 's3c-run-'));
  const rt: Runtime = {
    target: cfg.target,
    profile: cfg.profile.name,
    endpoint,
    region: cfg.region,
    pathStyle: cfg.pathStyle,
    credentials,
    features: cfg.features,
    remote: cfg.profile.remote,
    runId: process.env.S3C_RUN_ID ?? newRunId(),
    bucketPrefix: cfg.bucketPrefix,
    seed,
    numRuns: cfg.numRuns,
    reportDir,
    runDir,
    requestTimeoutMs: cfg.requestTimeoutMs,
    listSettleMs: cfg.listSettleMs,
    startedAt: new Date().toISOString(),
    toolVersion: toolVersion(),
  };
  if (cfg.alt) rt.alt = cfg.alt;
  if (cfg.maxRequests !== undefined) rt.maxRequests = cfg.maxRequests;
  const replay = process.env.S3C_REPLAY_PATH;
  if (replay) rt.replayPath = replay;
  globalThis.__s3cRuntime = rt;
  project.provide('s3c', rt);
  process.stdout.write(
    `s3c: ${describeConfig({ ...cfg, endpoint })} runId=${rt.runId} seed=${seed} (replay with S3C_SEED=${seed})` +
      `${rt.listSettleMs ? ` listSettleMs=${rt.listSettleMs}` : ''}\n`,
  );
  return async () => {
    await server?.stop();
    await release();
  };
}
