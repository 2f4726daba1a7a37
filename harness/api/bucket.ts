/** Verifiers of the bucket area. */
export * from '../verify/bucket.ts';
