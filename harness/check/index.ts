/** The check API (see docs/WRITING-CHECKS.md): metadata, check(), property(). */
export * from './meta.ts';
export { check, expectationSetForTests, type CheckContext } from './run.ts';
export { property, PropertyFailure } from './property.ts';
export { operation, type OperationFile, type FileCheckContext, type FileOptions, type FileResource } from './file.ts';
export type { CheckError, PropertyInfo } from '../report/schema.ts';
export type { Evidence } from './evidence.ts';
