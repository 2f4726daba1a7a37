import { describe, expect, test } from 'vitest';
import { completeXml, compositeChecksum } from './multipart.ts';

describe('multipart checksums', () => {
  test('the COMPOSITE checksum of three CRC32 parts is what AWS answered (test_complete_multipart_parts_checksum_composite[CRC32]#complete-multipart-checksum)', () => {
    expect(compositeChecksum('crc32', ['NRU+Sw==', 'NRU+Sw==', 'TBHN8A=='])).toBe('5FRUiw==-3');
  });
  test('the COMPOSITE checksum of three SHA256 parts is what AWS answered ([SHA256]#complete-multipart-checksum)', () => {
    const a = 'DjU70AB1bON8k0n0fVHv2PJQVWcA/jWsITp6ti20Tbs=';
    expect(compositeChecksum('sha256', [a, a, 'vyy1imj2hNlaO3jvj2Ycmk5bCegsyPnMiMzpBSjK6yc='])).toBe('9o++y6AejqboiJ7MZCx0fahK2Vu5YC/qnNhhYsCLciI=-3');
  });
  test('the COMPOSITE checksum of one CRC32C part is what AWS answered (test_get_object_part_checksum[COMPOSITE]#complete-multipart-checksum)', () => {
    expect(compositeChecksum('crc32c', ['fwuu0Q=='])).toBe('sZB91Q==-1');
  });
  test("a part's checksums are elements of its <Part>", () => {
    expect(completeXml([{ PartNumber: 1, ETag: '"e"', checksums: { ChecksumCRC32: 'NSRBwg==' } }])).toContain('<Part><PartNumber>1</PartNumber><ETag>&quot;e&quot;</ETag><ChecksumCRC32>NSRBwg==</ChecksumCRC32></Part>');
  });
});
