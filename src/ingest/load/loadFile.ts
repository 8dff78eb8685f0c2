/**
 * The file loader: opens one file (plain, .gz or .zip), sniffs each content's format, runs its
 * parser with progress and cancellation, and returns one outcome per loaded file (a zip archive
 * gives one per entry). Runs in the worker and in Node.
 */
import type { CancelSignal } from '../../engine/cancel';
import { NEVER_CANCELLED } from '../../engine/cancel';
import type { ByteSource, FileFormat, ParseOutcome } from '../formats/contract';
import type { BlobLike } from '../readLines';
import { rowsByTableOf } from '../resourceLogFile';
import type { ReadTracker } from './byteSource';
import { blobByteSource, decompressChunks, gzipByteSource, newReadTracker, readHead } from './byteSource';
import { detectContainer, detectFormat, SNIFF_BYTES } from './detectFormat';
import { describeFormat, parserFor } from './parsers';
import { listZipEntries, unreadableEntryReason, zipEntrySource, ZipError } from './zip';

/** How a loaded file was stored. */
export type Compression = 'none' | 'gzip' | 'zip';

/** Progress of a file's load. */
export interface FileProgress {
  /** The file (for a zip entry, `archive.zip/path/inside`). */
  readonly name: string;
  /** Bytes of the file on disk read so far (compressed bytes for .gz / .zip). */
  readonly bytesRead: number;
  readonly totalBytes: number;
  /** Rows loaded so far from this file (all entries of an archive). */
  readonly rows: number;
}

/** Options of `loadFile`. */
export interface LoadFileOptions {
  onProgress?(progress: FileProgress): void;
  /** Checked between chunks; a cancelled load returns `cancelled: true` and its outcomes carry `error: 'cancelled'`. */
  cancel?: CancelSignal;
  /** Read in slices of this many bytes (tests use it for deterministic chunk boundaries). */
  chunkSize?: number;
  /** The name to report (e.g. a file's path inside a dropped folder); defaults to `file.name`. */
  name?: string;
}

/** What one file (or one archive entry) produced. */
export interface LoadedFile extends ParseOutcome {
  /** The file name or path (for a zip entry `archive.zip/path/inside`). */
  readonly name: string;
  /** Bytes on disk (compressed size for a .gz; uncompressed entry size for a zip entry). */
  readonly bytes: number;
  readonly compression: Compression;
  /** Rows loaded, per table. */
  readonly rowsByTable: Readonly<Record<string, number>>;
}

/** What loading one file on disk produced: one `LoadedFile` per file (per entry for a zip archive). */
export interface FileLoadOutcome {
  readonly name: string;
  readonly bytes: number;
  readonly files: readonly LoadedFile[];
  /** True when the load was cancelled (nothing of it should be kept). */
  readonly cancelled: boolean;
}

function failed(name: string, bytes: number, compression: Compression, format: FileFormat, error: string): LoadedFile {
  return { name, bytes, compression, format, tables: [], skippedCount: 0, skipped: [], extraColumns: {}, warnings: [], error, rowsByTable: {} };
}

/** `name` without a trailing `.gz` (the content's own name, which parsers may use to name a table). */
function withoutGzSuffix(name: string): string {
  return /\.gz$/i.test(name) ? name.slice(0, -3) : name;
}

interface SourceLoad {
  readonly source: ByteSource;
  readonly name: string;
  readonly bytes: number;
  readonly compression: Compression;
  readonly tracker: ReadTracker;
  /** Rows loaded by earlier entries of the same archive (for progress). */
  readonly rowsBefore: number;
  readonly totalBytes: number;
}

/** Sniffs and parses one source; never throws. */
async function loadSource(load: SourceLoad, cancel: CancelSignal, onProgress: LoadFileOptions['onProgress']): Promise<LoadedFile> {
  const { source, name, bytes, compression, tracker } = load;
  let rows = 0;
  let decodedBytes = 0;
  const report = (): void =>
    onProgress?.({ name, bytesRead: compression === 'none' ? decodedBytes : tracker.rawBytesRead, totalBytes: load.totalBytes, rows: load.rowsBefore + rows });
  try {
    const { head, complete } = await readHead(source, SNIFF_BYTES);
    if (cancel.isCancelled()) return failed(name, bytes, compression, 'unknown', 'cancelled');
    const detection = detectFormat(head, source.name, complete);
    if (detection.error !== undefined) return failed(name, bytes, compression, detection.format, detection.error);
    const parser = parserFor(detection.format);
    if (parser === null) return failed(name, bytes, compression, detection.format, `not supported yet: ${describeFormat(detection.format)} files`);
    const outcome = await parser(source, {
      onBytes: (n) => {
        decodedBytes = n;
        report();
      },
      onRows: (n) => {
        rows = n;
        report();
      },
      cancel,
    });
    const warnings = [...outcome.warnings, ...tracker.problems];
    if (cancel.isCancelled() || outcome.error === 'cancelled') return failed(name, bytes, compression, outcome.format, 'cancelled');
    if (outcome.error !== undefined) return { ...outcome, tables: [], warnings, name, bytes, compression, rowsByTable: {} };
    return { ...outcome, warnings, name, bytes, compression, rowsByTable: rowsByTableOf(outcome.tables) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return failed(name, bytes, compression, 'unknown', e instanceof ZipError ? message : `could not read the file: ${message}`);
  }
}

async function loadZip(file: BlobLike, name: string, options: LoadFileOptions, cancel: CancelSignal): Promise<FileLoadOutcome> {
  let entries;
  try {
    entries = await listZipEntries(file);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { name, bytes: file.size, cancelled: false, files: [failed(name, file.size, 'zip', 'unknown', message)] };
  }
  if (entries.some((e) => e.path === '[Content_Types].xml')) {
    return { name, bytes: file.size, cancelled: false, files: [failed(name, file.size, 'zip', 'unknown', 'an Office document (e.g. an Excel workbook); export it as CSV')] };
  }
  if (entries.length === 0) return { name, bytes: file.size, cancelled: false, files: [failed(name, file.size, 'zip', 'empty', 'the ZIP archive holds no files')] };
  const files: LoadedFile[] = [];
  let rowsBefore = 0;
  for (const entry of entries) {
    if (cancel.isCancelled()) return { name, bytes: file.size, cancelled: true, files };
    const entryName = `${name}/${entry.path}`;
    const unreadable = unreadableEntryReason(entry);
    if (unreadable !== null) {
      files.push(failed(entryName, entry.size, 'zip', 'unknown', unreadable));
      continue;
    }
    const tracker = newReadTracker();
    const isGz = /\.gz$/i.test(entry.path);
    let source = zipEntrySource(file, entry, entry.path, { chunkSize: options.chunkSize, tracker });
    if (isGz) {
      // A .gz inside a zip (rare, but storage tools do it): decompress the entry's bytes as well.
      const inner = source;
      const gzTracker = tracker;
      source = {
        name: withoutGzSuffix(entry.path),
        size: null,
        chunks: () => decompressChunks(inner.chunks(), 'gzip', gzTracker),
      };
    }
    const loaded = await loadSource({ source, name: entryName, bytes: entry.size, compression: 'zip', tracker, rowsBefore, totalBytes: file.size }, cancel, options.onProgress);
    files.push(loaded);
    rowsBefore += Object.values(loaded.rowsByTable).reduce((a, b) => a + b, 0);
    if (loaded.error === 'cancelled') return { name, bytes: file.size, cancelled: true, files };
  }
  return { name, bytes: file.size, cancelled: false, files };
}

/**
 * Loads one file: detects its container (gzip / zip by magic bytes) and each content's format,
 * and parses it. Never throws: unreadable or wrong files come back as outcomes with an `error`.
 */
export async function loadFile(file: BlobLike & { readonly name: string }, options: LoadFileOptions = {}): Promise<FileLoadOutcome> {
  const name = options.name ?? file.name;
  const cancel = options.cancel ?? NEVER_CANCELLED;
  let magic: Uint8Array;
  try {
    magic = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { name, bytes: file.size, cancelled: false, files: [failed(name, file.size, 'none', 'unknown', `could not read the file: ${message}`)] };
  }
  const container = detectContainer(magic);
  if (container === 'zip') return loadZip(file, name, options, cancel);
  const tracker = newReadTracker();
  const source =
    container === 'gzip'
      ? gzipByteSource(file, withoutGzSuffix(name), { chunkSize: options.chunkSize, tracker })
      : blobByteSource(file, name, { chunkSize: options.chunkSize, tracker });
  const loaded = await loadSource(
    { source, name, bytes: file.size, compression: container === 'gzip' ? 'gzip' : 'none', tracker, rowsBefore: 0, totalBytes: file.size },
    cancel,
    options.onProgress,
  );
  return { name, bytes: file.size, files: [loaded], cancelled: loaded.error === 'cancelled' };
}
