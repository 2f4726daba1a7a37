/** Setup of the e2e, faults and containers projects: each file's temporary directories are removed when it ends. */
import { afterAll, beforeEach } from 'vitest';
import { keepE2eTempDirs, sweepE2eTempDirs } from './tempdirs.ts';

beforeEach(({ onTestFailed }) => onTestFailed(() => keepE2eTempDirs()));
afterAll(() => {
  sweepE2eTempDirs();
});
