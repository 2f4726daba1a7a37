import { Sha256 } from '@aws-crypto/sha256-js';
import { expect, test } from 'vitest';
import { NodeSha256 } from './sha256.ts';

const hex = (u: Uint8Array): string => Buffer.from(u).toString('hex');

test('NodeSha256 gives the digests of @aws-crypto/sha256-js (hash and HMAC, string and byte keys, reset)', async () => {
  for (const secret of [undefined, 'AWS4secret', new Uint8Array([1, 2, 3, 250])]) {
    const a = new NodeSha256(secret);
    const b = new Sha256(secret);
    for (const chunk of [new Uint8Array(0), Buffer.from('GET\n/\n'), new Uint8Array(70_000).fill(7)]) {
      a.update(chunk);
      b.update(chunk);
    }
    expect(hex(await a.digest())).toBe(hex(await b.digest()));
    a.reset();
    a.update(Buffer.from('x'));
    const c = new Sha256(secret);
    c.update(Buffer.from('x'));
    expect(hex(await a.digest())).toBe(hex(await c.digest()));
  }
});
