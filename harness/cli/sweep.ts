/**
 * `npm run sweep [-- --older-than 1h] [--dry-run]`: delete what crashed runs left behind —
 * buckets named `<S3C_BUCKET_PREFIX>-<runId>-<n>` whose run started longer ago than
 * --older-than. Buckets without the prefix, or whose run id cannot be read, are never touched.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { ListBucketsCommand } from '@aws-sdk/client-s3';
import { destroyBucket, parseBucketName, runIdTime } from '../run/buckets.ts';
import { makeClient } from '../transport/client.ts';
import { describeConfig, resolveConfigForCli } from '../config/config.ts';
import type { Runtime } from '../run/runtime.ts';

/** Ports the project's start scripts use for the local reference servers. */
const LOCAL_ENDPOINTS: Record<string, string> = { 'swift-local': 'http://127.0.0.1:8080', 'rgw-local': 'http://127.0.0.1:7480' };

export function parseDuration(text: string): number {
  const m = /^(\d+)(ms|s|m|h|d)?$/.exec(text.trim());
  if (!m) throw new InvalidArgumentError(`"${text}" is not a duration (e.g. 90s, 30m, 1h, 2d, 0)`);
  const n = Number(m[1]);
  const unit = m[2] ?? 's';
  const mult = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[unit] as number;
  return n * mult;
}

export interface SweepPlan {
  delete: Array<{ name: string; runId: string; ageMs: number }>;
  keep: Array<{ name: string; why: string }>;
}

/** Which buckets a sweep deletes: pure, so it is tested offline. */
export function planSweep(names: readonly string[], prefix: string, olderThanMs: number, now = Date.now()): SweepPlan {
  const plan: SweepPlan = { delete: [], keep: [] };
  for (const name of names) {
    const parsed = parseBucketName(name, prefix);
    if (!parsed) {
      plan.keep.push({ name, why: `not named ${prefix}-<runId>-<n>` });
      continue;
    }
    const t = runIdTime(parsed.runId);
    if (!t) {
      plan.keep.push({ name, why: 'run id has no readable time' });
      continue;
    }
    const ageMs = now - t.getTime();
    if (ageMs >= olderThanMs) plan.delete.push({ name, runId: parsed.runId, ageMs });
    else plan.keep.push({ name, why: `younger than the limit (${Math.round(ageMs / 1000)} s)` });
  }
  return plan;
}

function fmtAge(ms: number): string {
  const m = Math.floor(ms / 60_000);
  return m >= 60 ? `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m` : `${m}m`;
}

async function main(argv: string[]): Promise<number> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const program = new Command('sweep')
    .description("Delete leftover buckets of crashed runs (only buckets with this project's prefix)")
    .option('--older-than <duration>', 'minimum age of the run that made the bucket', parseDuration, 3_600_000)
    .option('--dry-run', 'list what would be deleted, delete nothing')
    .exitOverride();
  try {
    program.parse(argv);
  } catch (e) {
    return (e as { exitCode?: number }).exitCode === 0 ? 0 : 2;
  }
  const opts = program.opts<{ olderThan: number; dryRun?: boolean }>();
  const cfg = resolveConfigForCli(process.env);
  if (!cfg) return 2;
  const endpoint = cfg.endpoint ?? LOCAL_ENDPOINTS[cfg.target];
  if (!endpoint || !cfg.credentials) {
    process.stdout.write(`s3c sweep: nothing to sweep for target ${cfg.target} (no persistent endpoint)\n`);
    return 0;
  }
  const runDir = mkdtempSync(join(tmpdir(), 's3c-sweep-'));
  const base: Runtime = {
    target: cfg.target,
    profile: cfg.profile.name,
    endpoint,
    region: cfg.region,
    pathStyle: cfg.pathStyle,
    credentials: cfg.credentials,
    features: cfg.features,
    remote: cfg.profile.remote,
    runId: '',
    bucketPrefix: cfg.bucketPrefix,
    seed: 0,
    numRuns: 0,
    reportDir: runDir,
    runDir,
    requestTimeoutMs: cfg.requestTimeoutMs,
    listSettleMs: 0,
    startedAt: new Date().toISOString(),
    toolVersion: '',
  };
  process.stdout.write(`s3c sweep: ${describeConfig({ ...cfg, endpoint })} prefix=${cfg.bucketPrefix}- older-than=${fmtAge(opts.olderThan)}\n`);
  const listed = await makeClient(base).send(new ListBucketsCommand({}));
  const names = (listed.Buckets ?? []).map((b) => b.Name).filter((n): n is string => !!n);
  const plan = planSweep(names, cfg.bucketPrefix, opts.olderThan);
  const ours = plan.keep.filter((k) => k.name.startsWith(`${cfg.bucketPrefix}-`));
  process.stdout.write(`s3c sweep: ${names.length} buckets listed; ${plan.delete.length} to delete; ${ours.length} of ours kept; ${names.length - plan.delete.length - ours.length} not ours (untouched)\n`);
  for (const d of plan.delete) process.stdout.write(`  delete ${d.name} (run ${d.runId}, ${fmtAge(d.ageMs)} old)\n`);
  let failed = 0;
  if (!opts.dryRun) {
    for (const d of plan.delete) {
      const ok = await destroyBucket({ ...base, runId: d.runId }, d.name).catch(() => false);
      if (!ok) {
        failed++;
        process.stderr.write(`  could not delete ${d.name}\n`);
      }
    }
    process.stdout.write(`s3c sweep: deleted ${plan.delete.length - failed}, failed ${failed}\n`);
  }
  rmSync(runDir, { recursive: true, force: true });
  return failed ? 1 : 0;
}

if (process.argv[1] && /sweep\.ts$/.test(process.argv[1])) {
  main(process.argv).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`s3c sweep: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
