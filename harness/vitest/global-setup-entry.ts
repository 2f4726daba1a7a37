/**
 * vitest's globalSetup entry for the conformance project. The CLI has loaded the real setup
 * (global-setup.ts) already, through its own loader, and hands it over on globalThis: named here
 * directly, vitest would transform and load that module tree a second time (seconds of start-up).
 * Run without the CLI (`vitest --project conformance`), the entry imports it itself.
 */
import type { TestProject } from 'vitest/node';

type Setup = (project: TestProject) => Promise<() => Promise<void>>;
declare global {
  var __s3cGlobalSetup: Setup | undefined;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const impl = globalThis.__s3cGlobalSetup ?? (await import('./global-setup.ts')).default;
  return impl(project);
}
