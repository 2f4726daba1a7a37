/**
 * What a reader calls a target: a display name and a one-line description, from the target's
 * profile (harness/config/targets.ts) or from S3C_TARGET_NAME / S3C_TARGET_DESCRIPTION — never a host name.
 */
import { PROFILES } from '../config/targets.ts';
import type { RunInfo } from './schema.ts';

type Env = Readonly<Record<string, string | undefined>>;

/** displayName/description for RunInfo, given the run's target and profile names. */
export function targetNames(target: string, profile: string, env: Env = process.env): { displayName: string; description: string } {
  const p = PROFILES[profile] ?? PROFILES[target];
  const named = env.S3C_TARGET_NAME?.trim();
  const described = env.S3C_TARGET_DESCRIPTION?.trim();
  const generic = !p || profile === 'env';
  const displayName = named || (generic ? (looksLikeHost(target) ? 'unnamed S3 endpoint' : target) : p.name);
  const description = described || (generic ? 'an S3 endpoint given by AWS_ENDPOINT_URL_S3 (set S3C_TARGET_NAME and S3C_TARGET_DESCRIPTION to name it)' : p.description);
  return { displayName, description };
}

/** A target name derived from an endpoint host ("127-0-0-1-4569", "s3-example-com"). */
export function looksLikeHost(name: string): boolean {
  return /^\d{1,3}-\d{1,3}-\d{1,3}-\d{1,3}(-\d+)?$/.test(name) || /-(com|net|org|io|cloud)(-\d+)?$/.test(name) || /^localhost(-\d+)?$/.test(name);
}

/** The name to show for a run (older runs carry no displayName). */
export function displayNameOf(run: Pick<RunInfo, 'target' | 'displayName' | 'profile'>): string {
  if (run.displayName) return run.displayName;
  return looksLikeHost(run.target) ? `unnamed ${run.profile === 'env' ? 'S3 endpoint' : run.profile}` : run.target;
}
