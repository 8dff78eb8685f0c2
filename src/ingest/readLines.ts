/**
 * Streaming text input: reads a Blob chunk by chunk, decodes UTF-8 across chunk
 * boundaries and splits it into numbered lines, without ever holding the whole file.
 */
import type { CancelSignal } from '../engine/cancel';

/** A Blob-like input: what `File` and `Blob` both provide. */
export type BlobLike = Pick<Blob, 'size' | 'stream' | 'slice'>;

/**
 * Yields the bytes of `blob` chunk by chunk. With `chunkSize` the blob is read in slices of
 * that many bytes (deterministic boundaries, used by tests and to bound memory);
 * otherwise chunks come as the platform's `blob.stream()` delivers them.
 */
export async function* readChunks(blob: BlobLike, chunkSize?: number): AsyncGenerator<Uint8Array> {
  if (chunkSize !== undefined) {
    if (!(chunkSize > 0)) throw new RangeError(`chunkSize must be positive, got ${chunkSize}`);
    for (let offset = 0; offset < blob.size; offset += chunkSize) {
      const buffer = await blob.slice(offset, Math.min(blob.size, offset + chunkSize)).arrayBuffer();
      yield new Uint8Array(buffer);
    }
    return;
  }
  const reader = blob.stream().getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      if (value !== undefined && value.byteLength > 0) yield value;
    }
  } finally {
    // A consumer that stops early (wrong format, cancel) must not leave the file being read.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** One line of the input: its text (without the line break) and 1-based number. */
export interface NumberedLine {
  readonly text: string;
  readonly line: number;
}

/**
 * Splits decoded text chunks into lines. Accepts LF and CRLF (a lone CR inside a line is
 * kept); a line split across chunks is joined. Feed chunks with `push`, then call `end`.
 */
export class LineSplitter {
  private pending = '';
  private lineNumber = 0;

  /** Adds a chunk of text; returns the lines it completed. */
  push(text: string): NumberedLine[] {
    const lines: NumberedLine[] = [];
    let start = 0;
    let data = this.pending + text;
    // Why: strip a UTF-8 byte order mark (Excel and some tools write one) before line 1.
    if (this.lineNumber === 0 && data.charCodeAt(0) === 0xfeff) data = data.slice(1);
    for (;;) {
      const lf = data.indexOf('\n', start);
      if (lf < 0) break;
      const end = lf > start && data.charCodeAt(lf - 1) === 13 ? lf - 1 : lf;
      lines.push({ text: data.slice(start, end), line: ++this.lineNumber });
      start = lf + 1;
    }
    this.pending = data.slice(start);
    return lines;
  }

  /** Flushes the last line (text after the final line break), if any. */
  end(): NumberedLine[] {
    if (this.pending === '') return [];
    const last = this.pending.endsWith('\r') ? this.pending.slice(0, -1) : this.pending;
    this.pending = '';
    return [{ text: last, line: ++this.lineNumber }];
  }
}

/** Progress of reading one input. */
export interface ReadProgress {
  readonly bytesRead: number;
  readonly totalBytes: number;
}

/** Thrown when a read is cancelled through its `CancelSignal`. */
export class ReadCancelled extends Error {
  constructor() {
    super('Loading was cancelled');
  }
}

/**
 * Reads `blob` as UTF-8 and yields batches of complete lines, one batch per chunk read,
 * together with the bytes read so far. Checks `cancel` between chunks.
 */
export async function* readLineBatches(
  blob: BlobLike,
  options: { chunkSize?: number; cancel?: CancelSignal } = {},
): AsyncGenerator<{ lines: NumberedLine[]; progress: ReadProgress }> {
  for await (const { lines, bytesRead } of readLineBatchesFrom(readChunks(blob, options.chunkSize), options.cancel)) {
    yield { lines, progress: { bytesRead, totalBytes: blob.size } };
  }
}

/**
 * Decodes a stream of UTF-8 byte chunks and yields batches of complete lines, one batch per
 * chunk (the last batch holds the final line), with the bytes consumed so far.
 * Throws `ReadCancelled` when `cancel` fires between chunks.
 */
export async function* readLineBatchesFrom(
  chunks: AsyncIterable<Uint8Array>,
  cancel?: CancelSignal,
): AsyncGenerator<{ lines: NumberedLine[]; bytesRead: number }> {
  const decoder = new TextDecoder('utf-8');
  const splitter = new LineSplitter();
  let bytesRead = 0;
  for await (const chunk of chunks) {
    if (cancel?.isCancelled()) throw new ReadCancelled();
    bytesRead += chunk.byteLength;
    yield { lines: splitter.push(decoder.decode(chunk, { stream: true })), bytesRead };
  }
  const tail = splitter.push(decoder.decode());
  yield { lines: [...tail, ...splitter.end()], bytesRead };
}
