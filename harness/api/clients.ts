/** Real clients: find, configure and run an installed S3 client against the target. */
export * from '../clients/tools.ts';
