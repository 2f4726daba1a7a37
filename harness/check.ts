/** Moved to harness/check/ (split by job); this path re-exports it until every importer has moved. */
export * from './check/index.ts';
