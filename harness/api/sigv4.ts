/** SigV4/SigV2 signing and sending for the auth suites (the project's own signer). */
export * from '../sigv4/signer.ts';
export * from '../sigv4/send.ts';
export * from '../sigv4/clock.ts';
