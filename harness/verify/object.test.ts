import { describe, expect, test } from 'vitest';
import { checksumOf } from './object.ts';

// Test vectors are AWS's own answers (../shared/aws-recorded/s3.json, localstack's snapshots of real S3).
describe('x-amz-checksum-* values', () => {
  test('CRC64NVME of "test-checksum" is what AWS answered (test_s3_get_object_checksum[CRC64NVME]#put-object)', () => {
    expect(checksumOf('crc64nvme', Buffer.from('test-checksum'))).toBe('1f2xscCCZCU=');
  });

  test('CRC32, CRC32C, SHA1 and SHA256 of "test-checksum" are the values AWS answered (test_s3_get_object_checksum[…]#put-object)', () => {
    const body = Buffer.from('test-checksum');
    expect(checksumOf('crc32', body)).toBe('lVk/nw==');
    expect(checksumOf('crc32c', body)).toBe('Fz3epA==');
    expect(checksumOf('sha1', body)).toBe('jbXkHAsXUrubtL3dqDQ4w+7WXc0=');
    expect(checksumOf('sha256', body)).toBe('1YQo81vx2VFUl0q5ccWISq8AkSBQQ0WO80S82TmfdIQ=');
  });
});
