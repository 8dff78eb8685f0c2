/**
 * The contract between the file loader (which opens files, decompresses, sniffs the format,
 * reports progress and merges results) and the format parsers (one per file format).
 * A parser reads bytes as a stream — never the whole file into one string — and returns
 * tables with Log Analytics' column names and types.
 */
import type { CancelSignal } from '../../engine/cancel';
import type { Table } from '../../engine/table/table';
import type { SkippedLine } from '../rowCollector';

/** Every format the loader recognises. */
export type FileFormat =
  /** Storage-account `PT1H.json`: one resource-log record per line (or an Event Hub envelope per line). */
  | 'resource-log-jsonl'
  /** Legacy `PT1H.json` / Event Hub body: `{"records":[...]}`, possibly several concatenated. */
  | 'resource-log-records'
  /** Log Analytics query API response `{"tables":[{"name","columns","rows"}]}`. */
  | 'loganalytics-api'
  /** Azure Data Explorer v1 response `{"Tables":[{"TableName","Columns","Rows"}]}`. */
  | 'adx-v1'
  /** Azure Data Explorer v2 response: an array of frames. */
  | 'adx-v2'
  /** `az monitor log-analytics query -o json`: an array of row objects with `TableName`, all values strings. */
  | 'az-cli'
  /** Log Analytics portal "Export to CSV" (all columns or displayed columns). */
  | 'portal-csv'
  /** Any other CSV / TSV: types inferred. */
  | 'csv'
  | 'tsv'
  /** Any other JSON Lines / JSON array of objects: types inferred. */
  | 'ndjson'
  | 'json-array'
  /** Not loadable; the outcome carries an `error`. */
  | 'unknown'
  | 'empty';

/** The bytes of one file (already decompressed when it was .gz or a zip entry). */
export interface ByteSource {
  /** File name (for a zip entry or a folder, its path inside, e.g. `y=2024/m=05/d=01/h=13/m=00/PT1H.json`). */
  readonly name: string;
  /** Size in bytes if known (compressed sources may not know their decompressed size). */
  readonly size: number | null;
  /** The bytes, in order, in chunks of any size. Each call starts a new read from the beginning. */
  chunks(): AsyncIterable<Uint8Array>;
}

/** What a parser may report while it works. */
export interface ParseContext {
  /** Called after each chunk is consumed with the number of bytes consumed so far. */
  onBytes(bytesConsumed: number): void;
  /** Called with the number of rows produced so far (at least once per chunk). */
  onRows(rows: number): void;
  /** Polled between chunks; when it fires the parser returns an outcome with `error: 'cancelled'`. */
  readonly cancel: CancelSignal;
}

/** What parsing one file produced. */
export interface ParseOutcome {
  readonly format: FileFormat;
  /** Rows of this file, one table per destination table (none when `error` is set). */
  readonly tables: Table[];
  /** Lines/records that could not be loaded: all counted, the first 20 listed (1-based line numbers). */
  readonly skippedCount: number;
  readonly skipped: readonly SkippedLine[];
  /**
   * Fields with no column in a known table's documented schema, per table: such fields are
   * KEPT as extra columns appended after the documented ones (never silently dropped);
   * the number is how many rows carried the field.
   */
  readonly extraColumns: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Human-readable notes, e.g. "column Size held text in row 1,204: loaded as string". */
  readonly warnings: readonly string[];
  /** A file-level problem; nothing of the file was loaded. */
  readonly error?: string;
}

/** A parser of one format family. */
export type FormatParser = (source: ByteSource, context: ParseContext) => Promise<ParseOutcome>;
