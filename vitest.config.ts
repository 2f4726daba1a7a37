import { defineConfig } from 'vitest/config';

/**
 * Five projects:
 * - `selftest`: the harness's own tests, offline, beside the code they test (harness/, fixtures/).
 * - `e2e`: the end-to-end tests of the CLI (harness/e2e/), against real local servers.
 *   `npm test` runs these two.
 * - `faults`: the self-validation (harness/e2e/faults.test.ts): every fault of the catalogue, injected
 *   by a proxy in front of Swift, must make a check fail (`npm run selftest:faults`, which .ci/run calls).
 * - `containers`: the container targets against the Debian-package servers (`npm run
 *   selftest:containers`, which .ci/run calls once the images are built).
 * - `conformance`: the checks in suites/, run against the target (`npm run conformance`).
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const concurrency = Number(process.env.S3C_CONCURRENCY ?? 4);

export default defineConfig({
  test: {
    teardownTimeout: 120_000,
    // Transformed modules are cached on disk between runs (node_modules/.experimental-vitest-cache):
    // a warm run skips most of the TypeScript transform work of the main process (docs/BENCH.md).
    experimental: { fsModuleCache: true },
    reporters: [
      // `npm run conformance` (S3C_CLI=1): the project's own console; vitest's goes to the run's vitest.log.
      process.env.S3C_CLI === '1' ? './harness/vitest/console.ts' : 'default',
      './harness/vitest/reporter.ts',
      // Allure results for conformance runs (the CLI sets S3C_ALLURE_RESULTS=allure-results/<target>).
      ...(process.env.S3C_ALLURE_RESULTS
        ? [['allure-vitest/reporter', { resultsDir: process.env.S3C_ALLURE_RESULTS, environmentInfo: { target: process.env.S3C_ALLURE_TARGET ?? '' } }] as [string, Record<string, unknown>]]
        : []),
      // JUnit XML for CI systems (the CLI points S3C_JUNIT_FILE at a partial file and moves it to reports/<target>/<runId>/junit.xml when complete).
      ...(process.env.S3C_JUNIT_FILE ? [['junit', { outputFile: process.env.S3C_JUNIT_FILE }] as [string, Record<string, unknown>]] : []),
    ],
    projects: [
      {
        test: {
          name: 'selftest',
          include: ['harness/**/*.test.ts', 'fixtures/**/*.test.ts'],
          exclude: ['harness/e2e/**', 'node_modules/**'],
          testTimeout: 30_000,
          // Two files at a time, with the e2e files (one pool; vitest's default on 2 cores is 1).
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['harness/e2e/**/*.test.ts'],
          setupFiles: ['./harness/e2e/setup.ts'],
          exclude: ['harness/e2e/faults.test.ts', 'harness/e2e/containers.test.ts', 'node_modules/**'],
          // Every CLI run an e2e test starts is killed after 5 min (harness/e2e/run.ts); a test holds at
          // most a few runs.
          testTimeout: 600_000,
          hookTimeout: 600_000,
          // Two files at a time, with the selftest files (one pool): much of an e2e test is waiting
          // (time-outs, a stalled or dead server, preflight limits), and each run has its own run id,
          // buckets and ports.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'faults',
          include: ['harness/e2e/faults.test.ts'],
          setupFiles: ['./harness/e2e/setup.ts'],
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'containers',
          include: ['harness/e2e/containers.test.ts'],
          setupFiles: ['./harness/e2e/setup.ts'],
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'conformance',
          include: ['suites/**/*.test.ts'],
          globalSetup: ['./harness/vitest/global-setup-entry.ts'],
          setupFiles: ['./harness/vitest/setup.ts'],
          pool: 'forks',
          isolate: false,
          maxWorkers: Number.isFinite(concurrency) && concurrency > 0 ? concurrency : 4,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
