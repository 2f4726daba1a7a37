/**
 * Configuration: AWS SDK standard variables first, project options under S3C_.
 * `resolveConfig` is pure (env in, Config out) and throws ConfigError with the variable's name.
 */
import { availableParallelism } from 'node:os';
import { PROFILES, PROFILE_NAMES, type Credentials, type Features, type Profile } from './targets.ts';
import { DEFAULT_IDENTITY_URL, type NhnSettings } from '../credentials/nhn.ts';

export class ConfigError extends Error {
  readonly variable: string;
  constructor(variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
    this.variable = variable;
  }
}

export interface Config {
  /** Target name: a profile name, or the name given for an env-defined endpoint. */
  target: string;
  profile: Profile;
  /** Endpoint URL; undefined for a local server not started yet, or for real AWS. */
  endpoint?: string;
  region: string;
  pathStyle: boolean;
  /** Undefined: resolved later by the SDK's own provider chain (AWS_PROFILE). */
  credentials?: Credentials;
  alt?: Credentials;
  awsProfile?: string;
  bucketPrefix: string;
  seed?: number;
  numRuns: number;
  reportDir: string;
  concurrency: number;
  requestTimeoutMs: number;
  listSettleMs: number;
  maxRequests?: number;
  features: Features;
  /** S3C_NHN_*: issue a fresh S3 credential through NHN's identity API before the run, delete it after. */
  nhn?: NhnSettings;
  /**
   * Ambient AWS_* variables the zero-config run did not use (it stays on the embedded server: a remote
   * target is used only when named by S3C_TARGET or an endpoint). The CLI says so in one line.
   */
  ignored?: string[];
}

/** Ambient variables that would point the SDK at an account, ignored by the zero-config (embedded) run. */
const AMBIENT_ACCOUNT_VARS = ['AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_DEFAULT_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION'];

export type Env = Readonly<Record<string, string | undefined>>;

const BUCKET_PREFIX_RE = /^[a-z0-9][a-z0-9-]{0,19}$/;

function nonEmpty(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

function parseUrl(variable: string, value: string): string {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new ConfigError(variable, `"${value}" is not a URL (expected http(s)://host[:port])`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new ConfigError(variable, `"${value}" is not an http(s) URL`);
  }
  if (u.search || u.hash) throw new ConfigError(variable, `"${value}" must not carry a query or fragment`);
  return value.replace(/\/+$/, '');
}

function parseBool(env: Env, name: string, dflt: boolean): boolean {
  const v = nonEmpty(env, name);
  if (v === undefined) return dflt;
  if (/^(1|true|yes|on)$/i.test(v)) return true;
  if (/^(0|false|no|off)$/i.test(v)) return false;
  throw new ConfigError(name, `"${v}" is not a boolean (use true or false)`);
}

function parseInt10(env: Env, name: string, dflt: number | undefined, min: number, max: number): number | undefined {
  const v = nonEmpty(env, name);
  if (v === undefined) return dflt;
  if (!/^-?\d+$/.test(v)) throw new ConfigError(name, `"${v}" is not an integer`);
  const n = Number(v);
  if (n < min || n > max) throw new ConfigError(name, `${n} is out of range (${min}..${max})`);
  return n;
}

function pairFrom(env: Env, idVar: string, secretVar: string, tokenVar?: string): Credentials | undefined {
  const id = nonEmpty(env, idVar);
  const secret = nonEmpty(env, secretVar);
  if (id === undefined && secret === undefined) return undefined;
  if (id === undefined) throw new ConfigError(idVar, `is missing while ${secretVar} is set`);
  if (secret === undefined) throw new ConfigError(secretVar, `is missing while ${idVar} is set`);
  const token = tokenVar ? nonEmpty(env, tokenVar) : undefined;
  return token ? { accessKeyId: id, secretAccessKey: secret, sessionToken: token } : { accessKeyId: id, secretAccessKey: secret };
}

function targetNameFromUrl(url: string): string {
  return new URL(url).host.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** S3C_NHN_* variables; undefined when none is set. */
export function resolveNhn(env: Env): NhnSettings | undefined {
  const names = ['S3C_NHN_TENANT_ID', 'S3C_NHN_USER_ID', 'S3C_NHN_AUTH_TOKEN', 'S3C_NHN_USERNAME', 'S3C_NHN_API_PASSWORD'];
  if (!names.some((n) => nonEmpty(env, n) !== undefined)) return undefined;
  const tenantId = nonEmpty(env, 'S3C_NHN_TENANT_ID');
  if (tenantId === undefined) throw new ConfigError('S3C_NHN_TENANT_ID', 'is not set while other S3C_NHN_* variables are (the project\'s tenant id, from the API Endpoint dialog)');
  const identityUrl = parseUrl('S3C_NHN_IDENTITY_URL', nonEmpty(env, 'S3C_NHN_IDENTITY_URL') ?? DEFAULT_IDENTITY_URL);
  const token = nonEmpty(env, 'S3C_NHN_AUTH_TOKEN');
  const username = nonEmpty(env, 'S3C_NHN_USERNAME');
  const password = nonEmpty(env, 'S3C_NHN_API_PASSWORD');
  const userId = nonEmpty(env, 'S3C_NHN_USER_ID');
  if ((username === undefined) !== (password === undefined)) {
    throw new ConfigError(username === undefined ? 'S3C_NHN_USERNAME' : 'S3C_NHN_API_PASSWORD', 'S3C_NHN_USERNAME and S3C_NHN_API_PASSWORD go together');
  }
  if (token === undefined && username === undefined) {
    throw new ConfigError('S3C_NHN_AUTH_TOKEN', 'is not set: NHN credential provisioning needs a token, or S3C_NHN_USERNAME and S3C_NHN_API_PASSWORD');
  }
  if (userId === undefined && username === undefined) {
    throw new ConfigError('S3C_NHN_USER_ID', 'is not set: with a token alone the user UUID (access.user.id of the token) is needed');
  }
  const s: NhnSettings = { identityUrl, tenantId };
  if (userId !== undefined) s.userId = userId;
  if (token !== undefined) s.token = token;
  if (username !== undefined) s.username = username;
  if (password !== undefined) s.password = password;
  return s;
}

export function resolveConfig(env: Env): Config {
  const endpointVar = nonEmpty(env, 'AWS_ENDPOINT_URL_S3') !== undefined ? 'AWS_ENDPOINT_URL_S3' : 'AWS_ENDPOINT_URL';
  const endpointRaw = nonEmpty(env, endpointVar);
  const endpointEnv = endpointRaw === undefined ? undefined : parseUrl(endpointVar, endpointRaw);
  const targetName = nonEmpty(env, 'S3C_TARGET');
  // Zero-config (no S3C_TARGET, no endpoint): the embedded server, whatever ambient AWS_* variables say.
  const zeroConfig = targetName === undefined && endpointEnv === undefined;
  const ignored = zeroConfig ? AMBIENT_ACCOUNT_VARS.filter((n) => nonEmpty(env, n) !== undefined) : [];
  if (zeroConfig) env = Object.fromEntries(Object.entries(env).filter(([k]) => !AMBIENT_ACCOUNT_VARS.includes(k)));
  const awsProfile = nonEmpty(env, 'AWS_PROFILE');

  let profile: Profile;
  let target: string;
  if (targetName !== undefined) {
    const p = PROFILES[targetName];
    if (!p) throw new ConfigError('S3C_TARGET', `unknown profile "${targetName}" (known: ${PROFILE_NAMES.join(', ')})`);
    profile = p;
    target = p.name;
  } else if (endpointEnv !== undefined) {
    // An endpoint given by env: a generic remote target.
    profile = {
      name: 'env',
      description: 'endpoint from the environment',
      region: 'us-east-1',
      pathStyle: true,
      features: { acl: true, sigv2: true, streamingSigv4: true, multipartExtras: true },
      remote: true,
    };
    const named = nonEmpty(env, 'S3C_TARGET_NAME');
    if (named !== undefined && !/^[a-z0-9][a-z0-9._-]{0,62}$/.test(named)) {
      throw new ConfigError('S3C_TARGET_NAME', `"${named}" must be lowercase letters, digits, ".", "_" or "-"`);
    }
    target = named ?? targetNameFromUrl(endpointEnv);
  } else {
    profile = PROFILES.embedded as Profile;
    target = 'embedded';
  }

  const local = profile.server !== undefined;
  // A local server's endpoint is known once it starts; env may still override it (a server already running).
  const endpoint = endpointEnv ?? profile.endpoint;
  const region = nonEmpty(env, 'AWS_REGION') ?? nonEmpty(env, 'AWS_DEFAULT_REGION') ?? profile.region;
  if (!/^[A-Za-z0-9-]{2,32}$/.test(region)) throw new ConfigError('AWS_REGION', `"${region}" is not a region name`);

  let credentials = pairFrom(env, 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN');
  let alt = pairFrom(env, 'S3C_ALT_ACCESS_KEY_ID', 'S3C_ALT_SECRET_ACCESS_KEY');
  if (local && profile.localCredentials) {
    // Local reference servers have fixed keys; env keys apply only when the endpoint is overridden too.
    if (endpointEnv === undefined || credentials === undefined) credentials = profile.localCredentials.main;
    if (alt === undefined) alt = profile.localCredentials.alt;
  }
  const nhn = resolveNhn(env);
  if (nhn && (local || credentials !== undefined)) {
    throw new ConfigError(
      'S3C_NHN_TENANT_ID',
      local ? `NHN credential provisioning does not apply to the local target "${target}"` : 'is set together with AWS_ACCESS_KEY_ID: use either fixed keys or NHN credential provisioning',
    );
  }
  if (credentials === undefined && awsProfile === undefined && nhn === undefined) {
    throw new ConfigError(
      'AWS_ACCESS_KEY_ID',
      `is not set: target "${target}" needs credentials (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE)`,
    );
  }
  if (!local && endpoint === undefined && profile.name !== 'aws' && awsProfile === undefined) {
    throw new ConfigError('AWS_ENDPOINT_URL_S3', `is not set: target "${target}" has no endpoint`);
  }

  const bucketPrefix = nonEmpty(env, 'S3C_BUCKET_PREFIX') ?? 's3c';
  if (!BUCKET_PREFIX_RE.test(bucketPrefix)) {
    throw new ConfigError('S3C_BUCKET_PREFIX', `"${bucketPrefix}" must be 1-20 lowercase letters, digits or "-", starting with a letter or digit`);
  }
  const seed = parseInt10(env, 'S3C_SEED', undefined, -2147483648, 2147483647);
  const numRuns = parseInt10(env, 'S3C_NUM_RUNS', profile.remote ? 5 : 20, 1, 100000) as number;
  const reportDir = nonEmpty(env, 'S3C_REPORT_DIR') ?? 'reports';
  // 6 files in parallel, except on the embedded server: a run against it is CPU-bound (s3rver is
  // a Node process on the same cores), and one file per core (2 to 4) is faster there (2 cores:
  // 29 s against 31-34 s), while Swift and RGW, which wait more than they compute, gain from more
  // (rgw-local, 2 cores: 60 s with 2, 45 s with 4; 6 against 4, interleaved: 0.94× the wall time;
  // swift-local, CPU-bound on its own processes: 1.01×). A remote target waits still more. docs/BENCH.md.
  const concurrency = parseInt10(env, 'S3C_CONCURRENCY', profile.server === 'embedded' ? Math.min(4, Math.max(2, availableParallelism())) : 6, 1, 64) as number;
  const requestTimeoutMs = parseInt10(env, 'S3C_REQUEST_TIMEOUT_MS', 30000, 100, 600000) as number;
  const listSettleMs = parseInt10(env, 'S3C_LIST_SETTLE_MS', profile.listSettleMs ?? 0, 0, 600000) as number;
  const maxRequests = parseInt10(env, 'S3C_MAX_REQUESTS', undefined, 1, 100000000);
  const pathStyle = parseBool(env, 'S3C_PATH_STYLE', profile.pathStyle);

  const cfg: Config = {
    target,
    profile,
    region,
    pathStyle,
    bucketPrefix,
    numRuns,
    reportDir,
    concurrency,
    requestTimeoutMs,
    listSettleMs,
    features: { ...profile.features },
  };
  if (endpoint !== undefined) cfg.endpoint = endpoint;
  if (credentials !== undefined) cfg.credentials = credentials;
  if (alt !== undefined) cfg.alt = alt;
  if (awsProfile !== undefined) cfg.awsProfile = awsProfile;
  if (seed !== undefined) cfg.seed = seed;
  if (maxRequests !== undefined) cfg.maxRequests = maxRequests;
  if (nhn !== undefined) cfg.nhn = nhn;
  if (ignored.length) cfg.ignored = ignored;
  return cfg;
}

/**
 * resolveConfig for the command-line tools: a ConfigError becomes one line on stderr and
 * `undefined` (the caller exits 2); anything else is thrown.
 */
export function resolveConfigForCli(env: Env): Config | undefined {
  try {
    return resolveConfig(env);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    process.stderr.write(`s3c: configuration error: ${e.message}\n`);
    return undefined;
  }
}

/** The only form in which an access key may be printed: its first 4 characters. */
export function maskKey(accessKeyId: string): string {
  return `${accessKeyId.slice(0, 4)}…`;
}

/** A printable description of a config, with no secret. */
export function describeConfig(cfg: Config): string {
  const who = cfg.credentials ? maskKey(cfg.credentials.accessKeyId) : cfg.nhn ? '(NHN, issued for this run)' : `AWS_PROFILE=${cfg.awsProfile ?? ''}`;
  return [
    `target=${cfg.target}`,
    `endpoint=${cfg.endpoint ?? (cfg.profile.server ? '(local, starting)' : '(SDK default)')}`,
    `region=${cfg.region}`,
    `pathStyle=${String(cfg.pathStyle)}`,
    `key=${who}`,
    `alt=${cfg.alt ? maskKey(cfg.alt.accessKeyId) : 'none'}`,
  ].join(' ');
}
