/** Verifiers of the multipart area. */
export * from '../verify/multipart.ts';
