/**
 * Test helpers for the JSON parsers: byte sources with chosen chunk sizes, a recording
 * parse context. DOM- and Node-free (type-checks with the worker configuration).
 */
import type { CancelSignal } from '../../engine/cancel';
import { NEVER_CANCELLED } from '../../engine/cancel';
import type { ByteSource, ParseContext } from '../formats/contract';

/** A source over `bytes` (or UTF-8 text) delivered in chunks of `chunkSize` bytes (whole when omitted). */
export function bytesSource(content: Uint8Array | string, name: string, chunkSize?: number): ByteSource {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return {
    name,
    size: bytes.length,
    async *chunks() {
      const step = chunkSize ?? Math.max(1, bytes.length);
      for (let offset = 0; offset < bytes.length; offset += step) yield bytes.slice(offset, offset + step);
    },
  };
}

/** A context that records what the parser reported. */
export function recordingContext(cancel: CancelSignal = NEVER_CANCELLED): ParseContext & { bytes: number[]; rows: number[] } {
  const bytes: number[] = [];
  const rows: number[] = [];
  return { bytes, rows, cancel, onBytes: (n) => bytes.push(n), onRows: (n) => rows.push(n) };
}
