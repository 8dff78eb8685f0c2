/**
 * Content fingerprints, to notice the same file dropped twice.
 *
 * Decision: SHA-256 over the whole content, streamed. WebCrypto's `digest` is one-shot (no
 * incremental hashing), so the file is read in fixed 1 MiB blocks, each block is hashed, and
 * the fingerprint is the SHA-256 of the byte size followed by the block digests. Every byte
 * counts (a sampled hash of the head and tail could call two hourly append blobs that differ
 * only in the middle the same), memory stays at one block, and the file name does not count:
 * the same bytes under another name are the same rows. The raw bytes are hashed (for a .gz or
 * .zip, the compressed file), before any parsing, so a duplicate costs one read and no parse.
 */
import type { CancelSignal } from '../../engine/cancel';
import type { BlobLike } from '../readLines';

/** Size of the blocks hashed one by one. */
export const FINGERPRINT_BLOCK_BYTES = 1024 * 1024;

function hex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Thrown when a fingerprint is cancelled. */
export class FingerprintCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/**
 * The fingerprint of a Blob's content: `sha256:<hex>` over its size and its 1 MiB block digests.
 * `onBytes` reports bytes hashed so far; `cancel` is checked between blocks.
 */
export async function fingerprintBlob(blob: BlobLike, options: { cancel?: CancelSignal; onBytes?(bytes: number): void } = {}): Promise<string> {
  const blocks = Math.ceil(blob.size / FINGERPRINT_BLOCK_BYTES);
  const summary = new Uint8Array(8 + 32 * blocks);
  new DataView(summary.buffer).setFloat64(0, blob.size);
  for (let i = 0; i < blocks; i++) {
    if (options.cancel?.isCancelled()) throw new FingerprintCancelled();
    const start = i * FINGERPRINT_BLOCK_BYTES;
    const end = Math.min(blob.size, start + FINGERPRINT_BLOCK_BYTES);
    const digest = await crypto.subtle.digest('SHA-256', await blob.slice(start, end).arrayBuffer());
    summary.set(new Uint8Array(digest), 8 + 32 * i);
    options.onBytes?.(end);
  }
  return `sha256:${hex(await crypto.subtle.digest('SHA-256', summary))}`;
}
