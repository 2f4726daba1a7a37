/** The listing model, paginator, wire judge and shared fixture (keys, bucket, model property inputs) of the ListObjects and ListObjectsV2 suites. */
export * from '../listing/model.ts';
export * from '../listing/paginate.ts';
export * from '../listing/judge.ts';
export * from '../listing/wire.ts';
export * from '../listing/suite.ts';
