import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_BLOCK_BYTES, fingerprintBlob } from './fingerprint';

function bytes(length: number, seed: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('fingerprintBlob', () => {
  it('is the documented SHA-256 over the size and the 1 MiB block digests', async () => {
    const data = bytes(FINGERPRINT_BLOCK_BYTES * 2 + 10, 1);
    const size = Buffer.alloc(8);
    size.writeDoubleBE(data.length);
    const outer = createHash('sha256').update(size);
    for (let start = 0; start < data.length; start += FINGERPRINT_BLOCK_BYTES) {
      outer.update(createHash('sha256').update(data.subarray(start, start + FINGERPRINT_BLOCK_BYTES)).digest());
    }
    expect(await fingerprintBlob(new Blob([data]))).toBe(`sha256:${outer.digest('hex')}`);
  });

  it('ignores the name but sees a single changed byte anywhere, and the size', async () => {
    const data = bytes(FINGERPRINT_BLOCK_BYTES + 100, 2);
    const a = await fingerprintBlob(new File([data], 'a.json'));
    expect(await fingerprintBlob(new File([data], 'b.json'))).toBe(a);
    const changed = Uint8Array.from(data);
    changed[Math.floor(data.length / 2)] ^= 1;
    expect(await fingerprintBlob(new Blob([changed]))).not.toBe(a);
    expect(await fingerprintBlob(new Blob([data, new Uint8Array(1)]))).not.toBe(a);
    expect(await fingerprintBlob(new Blob([]))).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('stops when cancelled', async () => {
    await expect(fingerprintBlob(new Blob([bytes(10, 3)]), { cancel: { isCancelled: () => true } })).rejects.toThrow('cancelled');
  });
});
