/**
 * Test support for the CSV parser: in-memory byte sources with chosen chunk sizes and a
 * parse context that records progress. DOM-free.
 */
import type { CancelSignal } from '../../engine/cancel';
import type { ByteSource, ParseContext } from '../formats/contract';

/** A source over `bytes`, delivered in chunks of `chunkSize` bytes (all at once when omitted). */
export function bytesSource(bytes: Uint8Array, name: string, chunkSize?: number): ByteSource {
  return {
    name,
    size: bytes.byteLength,
    async *chunks() {
      const step = chunkSize ?? Math.max(1, bytes.byteLength);
      for (let offset = 0; offset < bytes.byteLength; offset += step) yield bytes.slice(offset, offset + step);
    },
  };
}

/** A source over UTF-8 `text`. */
export function textSource(text: string, name = 'data.csv', chunkSize?: number): ByteSource {
  return bytesSource(new TextEncoder().encode(text), name, chunkSize);
}

/** A context that records what the parser reported; `cancelAfterChunks` cancels after that many byte reports. */
export function recordingContext(cancelAfterChunks?: number): ParseContext & { bytes: number[]; rows: number[] } {
  const bytes: number[] = [];
  const rows: number[] = [];
  const cancel: CancelSignal = { isCancelled: () => cancelAfterChunks !== undefined && bytes.length >= cancelAfterChunks };
  return { bytes, rows, cancel, onBytes: (n) => bytes.push(n), onRows: (n) => rows.push(n) };
}
