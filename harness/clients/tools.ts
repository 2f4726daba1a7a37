/**
 * Real clients (suites/clients): find an installed tool, give it the target and the run's keys
 * without ever printing them, run it with a time-out, and record what it did as the check's wire
 * exchange (the command line, its exit code, the redacted tail of its output). For an http target
 * the client talks through a counting TCP relay on 127.0.0.1, so its requests and bytes are counted
 * like every check's; an https target is reached directly (its traffic is not counted).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { counters } from '../transport/http.ts';
import type { Runtime } from '../run/runtime.ts';
import { scratchRoot } from '../run/scratch.ts';
import { recordExchange, scrub } from '../transport/wire.ts';

/** The Debian package that brings each tool (installed by .ci/run; `S3C_<TOOL>_BIN` overrides the path). */
export const TOOL_PACKAGES = { aws: 'awscli', python3: 'python3-boto3', s3cmd: 's3cmd', rclone: 'rclone', java: 'default-jre-headless' } as const;
export type Tool = keyof typeof TOOL_PACKAGES;

/**
 * The tool's path: `S3C_<TOOL>_BIN`, else the Debian package's /usr/bin one (the pinned, packaged
 * version, not whatever a Python environment put first on PATH), else the first on PATH.
 */
export function findTool(tool: Tool, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const override = env[`S3C_${tool.toUpperCase()}_BIN`];
  if (override) return existsSync(override) ? override : undefined;
  const debian = `/usr/bin/${tool}`;
  if (existsSync(debian)) return debian;
  for (const dir of (env.PATH ?? '').split(delimiter)) if (dir && existsSync(join(dir, tool))) return join(dir, tool);
  return undefined;
}

/** A skip reason when the tool is missing (for a check's `skipIf`). */
export function missingTool(tool: Tool): string | undefined {
  return findTool(tool) ? undefined : `${tool} is not installed (Debian package ${TOOL_PACKAGES[tool]}; .ci/run installs it)`;
}

/**
 * The Java SDK client (fixtures/clients/java: the guide's v1 class and the v2 SDK in one jar), built
 * with Maven where Maven Central is reachable: `S3C_JAVA_CLIENT_JAR`, else the build's own output.
 */
export function javaClientJar(env: NodeJS.ProcessEnv = process.env): string {
  return env.S3C_JAVA_CLIENT_JAR ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'clients', 'java', 'target', 's3c-java-client.jar');
}

/** Why the Java SDK checks cannot run here (no Java, or the jar not built), or undefined. */
export function missingJavaClient(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const jar = javaClientJar(env);
  if (!existsSync(jar)) {
    return `the Java SDK client is not built (${jar}): it needs Maven Central, which this machine cannot reach; the java-clients job of .github/workflows/ci.yml builds it (mvn -f fixtures/clients/java package) and runs these checks`;
  }
  return missingTool('java');
}

/** boto3 for the Debian python3 (or S3C_PYTHON3_BIN): a skip reason when it cannot be imported. */
let boto3Checked: string | undefined | null = null;
export async function missingBoto3(): Promise<string | undefined> {
  if (boto3Checked !== null) return boto3Checked;
  const py = findTool('python3');
  if (!py) return (boto3Checked = missingTool('python3'));
  // find_spec locates the package without importing it (~30 ms, not the ~0.7 s of CPU an import costs).
  const r = await execTool(py, ['-c', 'import importlib.util, sys; sys.exit(0 if importlib.util.find_spec("boto3") else 1)'], {}, 30_000, false);
  boto3Checked = r.code === 0 ? undefined : `boto3 cannot be imported by ${py} (Debian package python3-boto3)`;
  return boto3Checked;
}

export interface ToolResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** A tool's run as the check's wire exchange: the command, its exit code, the redacted tail of its output. */
function recordToolRun(command: string, res: ToolResult, timeoutMs: number): void {
  const tail = (t: string): string => scrub(t.length > 1500 ? `…${t.slice(-1500)}` : t);
  recordExchange({
    request: { method: 'EXEC', url: scrub(command), headers: {} },
    response: { status: res.code ?? -1, headers: {}, bodyPreview: `${tail(res.stdout)}${res.stderr ? `\n[stderr]\n${tail(res.stderr)}` : ''}` },
    ...(res.code === null ? { error: `killed after ${timeoutMs} ms` } : {}),
    ms: res.ms,
  });
}

function execTool(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number, record: boolean, input?: string): Promise<ToolResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    if (input !== undefined) child.stdin?.end(input);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => (stderr += String(e)));
    child.on('close', (code) => {
      clearTimeout(timer);
      const res: ToolResult = { code, stdout, stderr, ms: Date.now() - started };
      if (record) recordToolRun([cmd, ...args].join(' '), res, timeoutMs);
      resolve(res);
    });
  });
}

/** What a python server answers for one call: what a separate process would have given. */
interface ServedRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A long-lived python3 process that serves calls one at a time: a JSON line in, `\x1e` + a JSON line
 * `{code, stdout, stderr}` out (output before the marker is ignored). Calls are queued; a call that
 * outlives its time-out kills the process (code null), and the next call starts a new one.
 */
function pythonServer(interpreter: string, script: string, env: NodeJS.ProcessEnv): { serve: (call: unknown, timeoutMs: number) => Promise<ToolResult>; close: () => void } {
  let child: ReturnType<typeof spawn> | undefined;
  let pending: ((r: ServedRun) => void) | undefined;
  let buffered = '';
  let stderr = '';
  let queue: Promise<unknown> = Promise.resolve();
  const start = (): ReturnType<typeof spawn> => {
    const c = spawn(interpreter, ['-c', script], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    buffered = '';
    stderr = '';
    c.stdout?.on('data', (d: Buffer) => {
      buffered += d.toString();
      const at = buffered.indexOf('\x1e');
      const nl = at >= 0 ? buffered.indexOf('\n', at) : -1;
      if (nl < 0) return;
      const line = buffered.slice(at + 1, nl);
      buffered = buffered.slice(nl + 1);
      const done = pending;
      pending = undefined;
      done?.(JSON.parse(line) as ServedRun);
    });
    c.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    c.on('error', (e) => (stderr += String(e)));
    c.on('close', (code) => {
      if (child === c) child = undefined;
      const done = pending;
      pending = undefined;
      done?.({ code: code ?? null, stdout: buffered, stderr: stderr || 'the python process ended' });
    });
    return c;
  };
  const one = (call: unknown, timeoutMs: number): Promise<ToolResult> => {
    const started = Date.now();
    child ??= start();
    const c = child;
    return new Promise<ToolResult>((resolve) => {
      const timer = setTimeout(() => c.kill('SIGKILL'), timeoutMs);
      pending = (r) => {
        clearTimeout(timer);
        resolve({ ...r, ms: Date.now() - started });
      };
      c.stdin?.write(`${JSON.stringify(call)}\n`);
    });
  };
  return {
    serve: (call, timeoutMs) => {
      const run = queue.then(() => one(call, timeoutMs));
      queue = run.catch(() => undefined);
      return run;
    },
    close: () => {
      child?.stdin?.end();
      child?.kill();
      child = undefined;
    },
  };
}

/**
 * A long-lived Python process for a file's library calls (boto3): the interpreter and the library
 * are loaded once per file, not once per check — a python3 start with boto3 costs ~0.7 s of CPU,
 * the largest part of a small call. `script` defines `dispatch(call)`; each `call()` sends one
 * JSON line and gets back what a separate process would have given (its exit code — 0, or 1 with
 * the traceback — its output and the call's result as the last line of that output), recorded as
 * the check's wire exchange. A call that outlives its time-out kills the process; the next call
 * starts a new one.
 */
export interface PythonSession {
  call: (call: { name: string; args: unknown[] }, timeoutMs?: number) => Promise<ToolResult>;
  close: () => void;
}

const PY_SERVE = `
import contextlib, io, json, sys, traceback
def _serve():
    out = sys.stdout
    for line in sys.stdin:
        call = json.loads(line)
        buf = io.StringIO()
        try:
            with contextlib.redirect_stdout(buf):
                result = dispatch(call)
            res = {'code': 0, 'stdout': buf.getvalue() + json.dumps(result, default=str) + '\\n', 'stderr': ''}
        except BaseException:
            res = {'code': 1, 'stdout': buf.getvalue(), 'stderr': traceback.format_exc()}
        out.write('\\x1e' + json.dumps(res) + '\\n')
        out.flush()
_serve()
`;

export function pythonSession(session: ClientSession, script: string, env: NodeJS.ProcessEnv = {}): PythonSession {
  const py = findTool('python3');
  const server = py ? pythonServer(py, `${script}\n${PY_SERVE}`, { ...session.env, ...env }) : undefined;
  return {
    call: async (call, timeoutMs = 240_000) => {
      if (!server) throw new Error(missingTool('python3'));
      const res = await server.serve(call, timeoutMs);
      recordToolRun(`python3 (one process per file) ${call.name}(${call.args.map((a) => JSON.stringify(a)).join(', ')})`, res, timeoutMs);
      return res;
    },
    close: () => server?.close(),
  };
}

/**
 * The AWS CLI, served by one python3 process per client session: `/usr/bin/aws` is a Python
 * script whose whole work is `sys.exit(awscli.clidriver.main())`; the server runs that same entry
 * point once per call, with the call's argv, environment (the session's, plus the call's) and stdin,
 * and the call's own stdout and stderr, so each call builds a new CLI driver and botocore session as
 * a new process would. What it saves is the interpreter start and the imports: ~1 s of CPU per
 * command, most of a small command's cost. The traffic, the CLI's code and the exit code are the
 * CLI's own. Used when the installed `aws` is such a script (Debian's awscli, pip's); any other
 * `aws` (a frozen binary), or S3C_CLIENT_PROCESS_PER_CALL=1, runs one process per call.
 */
const AWS_SERVE = `
import io, json, os, sys, traceback
if os.environ.get('LC_CTYPE', '') == 'UTF-8':
    os.environ['LC_CTYPE'] = 'en_US.UTF-8'
import awscli.clidriver
_BASE = dict(os.environ)
def _serve():
    chan_in, chan_out, real_err = sys.stdin, sys.stdout, sys.stderr
    for line in chan_in:
        call = json.loads(line)
        os.environ.clear()
        os.environ.update(_BASE)
        os.environ.update(call.get('env') or {})
        out = io.TextIOWrapper(io.BytesIO(), encoding='utf-8', errors='replace', write_through=True)
        err = io.TextIOWrapper(io.BytesIO(), encoding='utf-8', errors='replace', write_through=True)
        sys.stdin = io.TextIOWrapper(io.BytesIO((call.get('input') or '').encode('utf-8')), encoding='utf-8')
        sys.stdout, sys.stderr = out, err
        sys.argv = ['aws'] + call['args']
        try:
            rc = awscli.clidriver.main()
            code = 0 if rc is None else rc if isinstance(rc, int) else 1
        except SystemExit as e:
            code = 0 if e.code is None else e.code if isinstance(e.code, int) else 1
        except BaseException:
            traceback.print_exc()
            code = 1
        finally:
            sys.stdin, sys.stdout, sys.stderr = chan_in, chan_out, real_err
        res = {'code': code & 0xff, 'stdout': out.buffer.getvalue().decode('utf-8', 'replace'), 'stderr': err.buffer.getvalue().decode('utf-8', 'replace')}
        chan_out.write('\\x1e' + json.dumps(res) + '\\n')
        chan_out.flush()
_serve()
`;

/** The interpreter of an `aws` that is a Python script calling awscli.clidriver, or undefined. */
export function awsCliInterpreter(path: string): string | undefined {
  let head: string;
  try {
    head = readFileSync(path, 'latin1').slice(0, 4096);
  } catch {
    return undefined;
  }
  const shebang = /^#!\s*(\S+)(?:[ \t]+(\S+))?/.exec(head);
  if (!shebang?.[1] || !/awscli\.clidriver/.test(head)) return undefined;
  const interpreter = /(^|\/)env$/.test(shebang[1]) ? shebang[2] : shebang[1];
  return interpreter && /python/.test(interpreter) ? interpreter : undefined;
}

/** A counting TCP relay from 127.0.0.1 to an http endpoint: bytes exactly, requests by request line. */
export interface Relay {
  endpoint: string;
  close: () => Promise<void>;
}

const REQUEST_LINE = /(?:^|\r\n)(?:GET|PUT|POST|HEAD|DELETE|OPTIONS) \S+ HTTP\/1\.[01]\r\n/g;

export async function startRelay(endpoint: string): Promise<Relay> {
  const up = new URL(endpoint);
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = createConnection({ host: up.hostname, port: Number(up.port || 80) });
    open.add(client);
    open.add(upstream);
    let carry = '';
    client.on('data', (d: Buffer) => {
      counters.bytesSent += d.length;
      const text = carry + d.toString('latin1');
      let end = 0;
      for (const m of text.matchAll(REQUEST_LINE)) {
        counters.requests++;
        end = (m.index ?? 0) + m[0].length;
      }
      // Keep a tail for a request line split across chunks, never one already counted.
      carry = text.slice(Math.max(end, text.length - 64));
    });
    upstream.on('data', (d: Buffer) => (counters.bytesReceived += d.length));
    client.pipe(upstream).pipe(client);
    const end = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end);
    upstream.on('error', end);
    client.on('close', end);
    upstream.on('close', end);
    client.once('close', () => open.delete(client));
    upstream.once('close', () => open.delete(upstream));
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  const port = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    // A client's idle kept-alive connections would hold server.close() until the client drops them
    // (seconds): the session is over, so they are closed here.
    close: () =>
      new Promise<void>((res) => {
        server.close(() => res());
        for (const s of open) s.destroy();
      }),
  };
}

/** A client session: the endpoint the client should use, a scratch directory, and a runner. */
export interface ClientSession {
  /** Endpoint the client is pointed at (a counting relay for http targets). */
  endpoint: string;
  dir: string;
  /** Environment with the run's keys and region; HOME and the AWS config files are the session's own. */
  env: NodeJS.ProcessEnv;
  run: (tool: Tool, args: string[], opts?: { timeoutMs?: number; env?: NodeJS.ProcessEnv; input?: string }) => Promise<ToolResult>;
  close: () => Promise<void>;
}

export async function clientSession(rt: Runtime, user: 'main' | 'alt' = 'main'): Promise<ClientSession> {
  const creds = user === 'alt' && rt.alt ? rt.alt : rt.credentials;
  const relay = rt.endpoint.startsWith('http://') ? await startRelay(rt.endpoint) : undefined;
  const endpoint = relay?.endpoint ?? rt.endpoint;
  const dir = mkdtempSync(join(scratchRoot(), 's3c-client-'));
  const awsConfig = join(dir, 'aws-config');
  writeFileSync(awsConfig, `[default]\nregion = ${rt.region}\ns3 =\n  addressing_style = ${rt.pathStyle ? 'path' : 'virtual'}\n`, { mode: 0o600 });
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    LANG: 'C.UTF-8',
    AWS_ACCESS_KEY_ID: creds.accessKeyId,
    AWS_SECRET_ACCESS_KEY: creds.secretAccessKey,
    ...(creds.sessionToken ? { AWS_SESSION_TOKEN: creds.sessionToken } : {}),
    AWS_DEFAULT_REGION: rt.region,
    AWS_REGION: rt.region,
    AWS_CONFIG_FILE: awsConfig,
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
  };
  /** The session's aws server; null: this `aws` runs as a process per command. */
  let awsServer: ReturnType<typeof pythonServer> | null | undefined;
  return {
    endpoint,
    dir,
    env,
    run: async (tool, args, opts = {}) => {
      const path = findTool(tool);
      if (!path) throw new Error(missingTool(tool));
      const timeoutMs = opts.timeoutMs ?? 240_000;
      if (tool === 'aws' && awsServer === undefined) {
        // Decided once per session: whether this `aws` can be served (its script read once).
        const interpreter = process.env.S3C_CLIENT_PROCESS_PER_CALL === '1' ? undefined : awsCliInterpreter(path);
        awsServer = interpreter ? pythonServer(interpreter, AWS_SERVE, env) : null;
      }
      if (tool !== 'aws' || !awsServer) return execTool(path, args, { ...env, ...(opts.env ?? {}) }, timeoutMs, true, opts.input);
      const res = await awsServer.serve({ args, env: opts.env ?? {}, input: opts.input ?? '' }, timeoutMs);
      recordToolRun([path, ...args].join(' '), res, timeoutMs);
      return res;
    },
    close: async () => {
      awsServer?.close();
      await relay?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
