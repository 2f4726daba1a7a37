/** Verifiers of the object area. */
export * from '../verify/object.ts';
