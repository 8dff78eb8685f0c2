/**
 * Byte sources: the bytes of one file as restartable chunk streams (see `ByteSource` in
 * `../formats/contract.ts`): a plain Blob/File, a gzip-compressed Blob decompressed on the fly
 * with `DecompressionStream`, or an in-memory byte array. Each source can also count the raw
 * (compressed) bytes it has read, so progress is reported against the size on disk.
 */
import type { ByteSource } from '../formats/contract';
import type { BlobLike } from '../readLines';
import { readChunks } from '../readLines';

/** Raw bytes read by a source's current read, and problems met while reading (e.g. a truncated gzip stream). */
export interface ReadTracker {
  rawBytesRead: number;
  readonly problems: string[];
}

/** A fresh tracker. */
export function newReadTracker(): ReadTracker {
  return { rawBytesRead: 0, problems: [] };
}

/** The bytes of `blob` as a source; with `chunkSize` it is read in slices of that size (tests use it). */
export function blobByteSource(blob: BlobLike, name: string, options: { chunkSize?: number; tracker?: ReadTracker } = {}): ByteSource {
  return {
    name,
    size: blob.size,
    async *chunks() {
      if (options.tracker) options.tracker.rawBytesRead = 0;
      for await (const chunk of readChunks(blob, options.chunkSize)) {
        if (options.tracker) options.tracker.rawBytesRead += chunk.byteLength;
        yield chunk;
      }
    },
  };
}

/** An in-memory byte array as a source. */
export function bytesByteSource(bytes: Uint8Array, name: string): ByteSource {
  return {
    name,
    size: bytes.byteLength,
    async *chunks() {
      if (bytes.byteLength > 0) yield bytes;
    },
  };
}

/** A ReadableStream over an async iterable (`ReadableStream.from` is not in every runtime we target). */
function streamOf(chunks: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/**
 * Decompresses a stream of compressed chunks with the platform's `DecompressionStream`.
 * A stream that ends early or is corrupt ends the output there (the bytes decoded so far are
 * kept) and records the problem in `tracker.problems`, so the parser can still load the rows read.
 */
export async function* decompressChunks(compressed: AsyncIterable<Uint8Array>, format: 'gzip', tracker?: ReadTracker): AsyncGenerator<Uint8Array> {
  const reader = streamOf(compressed).pipeThrough(new DecompressionStream(format) as unknown as ReadableWritablePair<Uint8Array, Uint8Array>).getReader();
  let finished = false;
  try {
    for (;;) {
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await reader.read();
      } catch (e) {
        finished = true;
        tracker?.problems.push(`the ${format} data is truncated or corrupt (${e instanceof Error ? e.message : String(e)}); loaded what came before`);
        return;
      }
      if (result.done) {
        finished = true;
        return;
      }
      if (result.value.byteLength > 0) yield result.value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** The decompressed bytes of a gzip-compressed Blob (size unknown until read). */
export function gzipByteSource(blob: BlobLike, name: string, options: { chunkSize?: number; tracker?: ReadTracker } = {}): ByteSource {
  const raw = blobByteSource(blob, name, options);
  return {
    name,
    size: null,
    chunks: () => {
      if (options.tracker) options.tracker.problems.length = 0;
      return decompressChunks(raw.chunks(), 'gzip', options.tracker);
    },
  };
}

/** Reads up to `limit` bytes from the start of `source` (stopping the read there); `complete` when that is the whole source. */
export async function readHead(source: ByteSource, limit: number): Promise<{ head: Uint8Array; complete: boolean }> {
  const parts: Uint8Array[] = [];
  let length = 0;
  let complete = true;
  for await (const chunk of source.chunks()) {
    if (length >= limit) {
      complete = false;
      break;
    }
    parts.push(chunk);
    length += chunk.byteLength;
  }
  if (length > limit) complete = false;
  const head = new Uint8Array(Math.min(length, limit));
  let offset = 0;
  for (const part of parts) {
    if (offset >= head.length) break;
    const take = part.subarray(0, head.length - offset);
    head.set(take, offset);
    offset += take.byteLength;
  }
  return { head, complete };
}
