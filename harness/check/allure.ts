/** Allure labels from a check's metadata (only when the run writes Allure results). */
import { runtime } from '../run/runtime.ts';
import type { S3cMeta } from './meta.ts';

export async function allureLabels(m: S3cMeta): Promise<void> {
  const allure = await import('allure-js-commons');
  await allure.epic(m.area);
  await allure.feature(m.operation);
  await allure.story(m.id);
  await allure.link(m.spec, 'AWS API reference');
  for (const e of m.evidence) await allure.label('evidence', e.kind);
  await allure.severity(m.level === 'required' ? 'critical' : 'normal');
  await allure.label('level', m.level);
  await allure.parameter('target', runtime().target);
}

