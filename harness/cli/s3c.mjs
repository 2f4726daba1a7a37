/* global process */
/**
 * The CLI's entry point (`npm run conformance`): `node harness/cli/s3c.mjs [options] [filters]`.
 *
 * The dependencies the main process needs (vitest's node API, the SDK, the report libraries) are
 * loaded by Node itself first, and only then is tsx registered for the project's own TypeScript:
 * under tsx's loader hooks every module of node_modules goes through them too, and vitest/node alone
 * took 2.1 s instead of 0.5 s. Loaded once, a module is not loaded again when the TypeScript imports
 * it. The run is this process (no wrapper that relays signals); `node --import tsx
 * harness/cli/conformance.ts` is the same run, started ~1.5 s slower.
 */
// Until conformance.ts installs its own handlers (which clean up), a signal ends a run that has not
// started: nothing exists yet to clean up.
const interim = (sig) => {
  process.stderr.write(`\ns3c: ${sig}: stopped before the run started; nothing to clean up\n`);
  process.exit(130);
};
process.on('SIGINT', interim);
process.on('SIGTERM', interim);

await Promise.all(
  [
    'vitest/node',
    'vitest',
    '@aws-sdk/client-s3',
    '@smithy/node-http-handler',
    '@smithy/signature-v4',
    '@smithy/protocol-http',
    'yaml',
    'fast-xml-parser',
    'eta',
    'commander',
    'allure-vitest/reporter',
    'allure-js-commons/sdk/reporter',
  ].map((m) => import(m)),
);
const { register } = await import('tsx/esm/api');
register();
await import('./conformance.ts');
