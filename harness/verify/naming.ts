/**
 * One property per bucket naming rule (harness/naming.ts): names breaking exactly that rule,
 * sent raw (path style: the SDK validates some names itself), must be 400 InvalidBucketName.
 *
 * Each invalid name costs one request; names that cannot hold the run id (1-2 characters, IP
 * addresses) cost a HEAD first, so that a wrongly accepted name is deleted only when this run
 * created it. A server that creates a bucket with an invalid name fails the check and the bucket
 * is deleted at once (adopted for the end-of-run cleanup if that DELETE fails).
 */
import { property } from '../check.ts';
import { adoptBucket, isRunBucket } from '../buckets.ts';
import { expectRawError, fail } from '../expect.ts';
import { NAMING_RULES_SPEC, type RuleInfo } from '../naming.ts';
import { raw, type RawResponse } from '../raw.ts';
import type { Runtime } from '../runtime.ts';
import { bucketNameBreaking } from '../../fixtures/arbitraries/bucket-names.ts';

/** Rules the provider's guide lists, plus AWS's adjacent-periods rule; the others reserve names for AWS features. */
const REQUIRED = new Set(['length', 'charset', 'start-end', 'adjacent-periods', 'ip-address', 'xn-prefix']);
/** Request budget: invalid names cost one request each. */
export const MAX_INVALID_RUNS = 10;

const ok = (r: RawResponse) => r.status >= 200 && r.status < 300;

/** PUT /<name> (path style) must be 400 InvalidBucketName; a bucket created anyway is deleted and the check fails. */
export async function expectBucketNameRejected(rt: Runtime, name: string): Promise<void> {
  const pathRt: Runtime = { ...rt, pathStyle: true };
  const ours = isRunBucket(rt, name);
  let absentBefore = ours;
  if (!ours) {
    const h = await raw(pathRt, { method: 'HEAD', bucket: name });
    absentBefore = h.status === 404 || h.status === 400;
  }
  const res = await raw(pathRt, { method: 'PUT', bucket: name });
  if (ok(res)) {
    let cleanup = 'left alone: it existed before this request';
    if (absentBefore) {
      const del = await raw(pathRt, { method: 'DELETE', bucket: name });
      cleanup = ok(del) || del.status === 404 ? 'deleted again' : `DELETE answered ${del.status}`;
      if (!ok(del) && del.status !== 404 && ours) adoptBucket(rt, name);
    }
    fail(`CreateBucket "${name}": the target created a bucket with an invalid name (${cleanup})`, '400 InvalidBucketName', `${res.status} (bucket created)`);
  }
  expectRawError(res, { status: 400, code: 'InvalidBucketName' }, `CreateBucket "${name}"`);
}

/** Pinned first runs of the length rule: exactly 64 characters (the run id inside) and exactly 2. */
function lengthBoundaries(runId: string): Array<{ b: { rule: 'length'; name: string } }> {
  return [{ b: { rule: 'length', name: `${runId}-${'x'.repeat(63 - runId.length)}` } }, { b: { rule: 'length', name: 'ab' } }];
}

/** Declare `CreateBucket/name-rule-<rule>` for each rule. */
export function namingRuleChecks(rt: Runtime, rules: readonly RuleInfo[]): void {
  for (const info of rules) {
    const wording = info.text.replace(/\s*\(.*\)\.?$/, '').replace(/\.$/, '');
    property(
      {
        id: `CreateBucket/name-rule-${info.rule}`,
        operation: 'CreateBucket',
        spec: NAMING_RULES_SPEC,
        level: REQUIRED.has(info.rule) ? 'required' : 'optional',
        title: `name breaking only "${info.rule}" (${wording}) → 400 InvalidBucketName, no bucket`.slice(0, 160),
        maxRuns: MAX_INVALID_RUNS,
        ...(info.rule === 'length' ? { examples: lengthBoundaries(rt.runId) } : {}),
      },
      { b: bucketNameBreaking(info.rule, rt.runId) },
      async ({ b }) => {
        await expectBucketNameRejected(rt, b.name);
      },
    );
  }
}
