/**
 * SHA-256 (and HMAC-SHA-256 with a secret) for @smithy/signature-v4 from node:crypto: the
 * pure-JavaScript @aws-crypto/sha256-js it was given before cost about a second of CPU per run
 * in the raw-request path. Same interface (the smithy Checksum), same digests.
 */
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import type { Checksum, SourceData } from '@smithy/types';

function bytes(d: SourceData): Buffer | string {
  if (typeof d === 'string') return d;
  if (d instanceof ArrayBuffer) return Buffer.from(d);
  return Buffer.from(d.buffer, d.byteOffset, d.byteLength);
}

export class NodeSha256 implements Checksum {
  private readonly secret: SourceData | undefined;
  private h: Hash | Hmac;

  constructor(secret?: SourceData) {
    this.secret = secret;
    this.h = this.fresh();
  }

  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(this.secret));
  }

  update(chunk: Uint8Array): void {
    this.h.update(bytes(chunk));
  }

  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.h.digest()));
  }

  reset(): void {
    this.h = this.fresh();
  }
}
