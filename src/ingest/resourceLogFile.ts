/**
 * The raw resource-log parser: `PT1H.json` JSON Lines (one record per line; a line may also be
 * an Event Hub `{"records":[...]}` envelope) and the legacy whole-file `{"records":[...]}` form
 * (shared/docs/acr-logs.md §2). The bytes are read as a stream, line by line. Fields with no
 * documented column are kept as extra columns (see `RowCollector`).
 */
import type { CancelSignal } from '../engine/cancel';
import type { Table } from '../engine/table/table';
import type { ByteSource, FileFormat, FormatParser, ParseContext, ParseOutcome } from './formats/contract';
import type { BlobLike, NumberedLine } from './readLines';
import { readLineBatchesFrom, ReadCancelled } from './readLines';
import type { RecordMapper, SkippedLine } from './rowCollector';
import { RowCollector } from './rowCollector';
import { isJsonObject } from './fieldLookup';
import { blobByteSource } from './load/byteSource';

/** Progress of one file's load, reported once per chunk read. */
export interface LoadProgress {
  readonly bytesRead: number;
  readonly totalBytes: number;
  /** Rows loaded so far. */
  readonly rows: number;
}

/** Formats this loader produces (`unknown`/`empty` come with an `error`). */
export type ResourceLogFormat = Extract<FileFormat, 'resource-log-jsonl' | 'resource-log-records' | 'unknown' | 'empty'>;

/** What loading one file produced (`ParseOutcome` plus rows per table). */
export interface LoadResult extends ParseOutcome {
  readonly format: ResourceLogFormat;
  /** Rows loaded, per table. */
  readonly rowsByTable: Record<string, number>;
  /** Same as `extraColumns` (the name this result had before fields were kept). */
  readonly unmappedFields: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** Options of the resource-log parser. */
export interface ResourceLogOptions {
  /** Largest legacy `{"records":[...]}` file parsed as one JSON document (default 64 MiB). */
  maxRecordsDocumentBytes?: number;
  /** Maps a record to a row (defaults to `mapRecord`: ACR tables and AzureMetrics). */
  mapRecord?: RecordMapper;
}

/** Options of `loadResourceLogFile`. */
export interface LoadOptions extends ResourceLogOptions {
  onProgress?(progress: LoadProgress): void;
  /** Checked between chunks; a cancelled load returns an `error` and no rows. */
  cancel?: CancelSignal;
  /** Read the file in slices of this many bytes instead of the platform's stream chunks. */
  chunkSize?: number;
}

const DEFAULT_MAX_RECORDS_DOCUMENT_BYTES = 64 * 1024 * 1024;
/** How much leading text (without white space) format detection looks at. */
const SNIFF_CHARS = 64;
const RECORDS_PREFIX = /^\{\s*"records"\s*:/;
/** Bytes and rows read before the columns are sized for the whole file from them. */
const SIZING_SAMPLE_BYTES = 1 << 20;
const SIZING_SAMPLE_ROWS = 256;

/** True for an object that looks like a resource-log record or a `{"records":[...]}` envelope. */
function isRecordLike(value: unknown): boolean {
  if (!isJsonObject(value)) return false;
  return Object.keys(value).some((k) => {
    const key = k.toLowerCase();
    return key === 'time' || key === 'category' || key === 'metricname' || key === 'resourceid' || key === 'records';
  });
}

function errorOutcome(format: ResourceLogFormat, error: string): ParseOutcome {
  return { format, tables: [], skippedCount: 0, skipped: [], extraColumns: {}, warnings: [], error };
}

function successOutcome(format: ResourceLogFormat, collector: RowCollector): ParseOutcome {
  return {
    format,
    tables: collector.finish(),
    skippedCount: collector.skippedCount,
    skipped: collector.skipped,
    extraColumns: collector.extraColumns,
    warnings: collector.warnings,
  };
}

/** Why a text that is not a resource-log file is not one, for the file-level error. */
function notResourceLogReason(leading: string): string {
  if (leading.startsWith('[')) return 'it is a JSON array, not resource-log records';
  if (/^\{\s*"tables"\s*:/i.test(leading)) return 'it looks like a Log Analytics or Data Explorer query response';
  if (leading.startsWith('{')) return 'no line holds a resource-log record (a JSON object with time and category or metricName)';
  return 'it is not JSON (CSV exports are loaded by the CSV parser)';
}

/** Feeds JSON Lines into the collector; remembers whether any line was record-shaped. */
class JsonLinesParser {
  sawRecord = false;
  /** Whether the first non-blank line was a whole `{"records":[...]}` envelope (undefined before it). */
  firstLineIsEnvelope: boolean | undefined;
  constructor(private readonly collector: RowCollector) {}

  add(line: NumberedLine): void {
    const text = line.text.trim();
    if (text === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      this.firstLineIsEnvelope ??= false;
      this.collector.skip(line.line, 'not valid JSON');
      return;
    }
    if (!this.sawRecord && isRecordLike(value)) this.sawRecord = true;
    const records = isJsonObject(value) ? value['records'] : undefined;
    this.firstLineIsEnvelope ??= Array.isArray(records);
    if (Array.isArray(records)) {
      // An Event Hub envelope on one line: every entry is a record.
      records.forEach((record, i) => this.collector.add(record, line.line, `record ${i + 1}: `));
      return;
    }
    this.collector.add(value, line.line);
  }
}

/** The format the leading text (white space removed) shows. */
function decide(leading: string): ResourceLogFormat {
  if (leading === '') return 'empty';
  if (RECORDS_PREFIX.test(leading)) return 'resource-log-records';
  if (leading.startsWith('{')) return 'resource-log-jsonl';
  return 'unknown';
}

/**
 * A resource-log `FormatParser`. Never throws for bad input: malformed lines are skipped and
 * counted, and a source that is not a resource-log file (or is empty, cancelled) yields an
 * `error` and no rows.
 */
export function createResourceLogParser(options: ResourceLogOptions = {}): FormatParser {
  return (source, context) => parseResourceLogSource(source, context, options);
}

/** The resource-log parser with default options. */
export const parseResourceLog: FormatParser = createResourceLogParser();

async function parseResourceLogSource(source: ByteSource, context: ParseContext, options: ResourceLogOptions): Promise<ParseOutcome> {
  const collector = new RowCollector(options.mapRecord);
  const jsonLines = new JsonLinesParser(collector);
  const maxDocumentBytes = options.maxRecordsDocumentBytes ?? DEFAULT_MAX_RECORDS_DOCUMENT_BYTES;
  let format: ResourceLogFormat | undefined;
  let leading = '';
  const held: NumberedLine[] = [];
  let heldChars = 0;
  /** A `{"records":[...]}` file too large to parse whole: read as one envelope per line, if it is that. */
  let largeRecordsFile = false;
  let sized = false;

  try {
    for await (const { lines, bytesRead } of readLineBatchesFrom(source.chunks(), context.cancel)) {
      for (const line of lines) {
        if (format === 'resource-log-jsonl') {
          jsonLines.add(line);
          continue;
        }
        held.push(line);
        heldChars += line.text.length;
        // Only the first characters decide the format; a huge first line is not copied whole.
        if (format === undefined && leading.length < SNIFF_CHARS) leading += line.text.slice(0, 4 * SNIFF_CHARS).replace(/\s+/g, '');
      }
      if (format === undefined && leading.length >= SNIFF_CHARS) format = decide(leading);
      if (format === 'unknown') return errorOutcome('unknown', `not a resource-log file: ${notResourceLogReason(leading)}`);
      if (format === 'resource-log-records' && ((source.size ?? 0) > maxDocumentBytes || heldChars > maxDocumentBytes)) {
        largeRecordsFile = true;
        format = 'resource-log-jsonl';
      }
      if (format === 'resource-log-jsonl' && held.length > 0) {
        held.splice(0).forEach((l) => jsonLines.add(l));
        heldChars = 0;
      }
      if (!sized && source.size !== null && (bytesRead >= SIZING_SAMPLE_BYTES || bytesRead >= source.size) && collector.rows >= SIZING_SAMPLE_ROWS) {
        // Columns sized once from the rows per byte so far, instead of doubling as rows arrive.
        collector.expectRows((collector.rows * source.size) / bytesRead);
        sized = true;
      }
      context.onBytes(bytesRead);
      context.onRows(collector.rows);
    }
  } catch (e) {
    if (e instanceof ReadCancelled) return errorOutcome(format ?? 'unknown', 'cancelled');
    return errorOutcome(format ?? 'unknown', `could not read the file: ${e instanceof Error ? e.message : String(e)}`);
  }

  if (largeRecordsFile && !jsonLines.firstLineIsEnvelope) {
    const limit = maxDocumentBytes >= 1048576 ? `${Math.round(maxDocumentBytes / 1048576)} MiB` : `${maxDocumentBytes} bytes`;
    return errorOutcome('resource-log-records', `not supported yet: a {"records":[...]} document larger than ${limit} (one envelope per line is fine)`);
  }
  const outcome = finishParse(format ?? decide(leading), leading, held, collector, jsonLines);
  context.onRows(collector.rows);
  return outcome;
}

function finishParse(format: ResourceLogFormat, leading: string, held: NumberedLine[], collector: RowCollector, jsonLines: JsonLinesParser): ParseOutcome {
  switch (format) {
    case 'unknown':
      return errorOutcome('unknown', `not a resource-log file: ${notResourceLogReason(leading)}`);
    case 'empty':
      return errorOutcome('empty', 'the file is empty');
    case 'resource-log-records':
      return parseRecordsDocument(held, collector, jsonLines, leading);
    case 'resource-log-jsonl':
      held.splice(0).forEach((l) => jsonLines.add(l));
      if (!jsonLines.sawRecord) return errorOutcome('unknown', `not a resource-log file: ${notResourceLogReason(leading)}`);
      return successOutcome('resource-log-jsonl', collector);
    default: {
      const never: never = format;
      return never;
    }
  }
}

/**
 * The legacy whole-file `{"records":[...]}` form. When the text is not one JSON document
 * (e.g. an Event Hub capture with one envelope per line), it is read as JSON Lines instead.
 */
function parseRecordsDocument(lines: readonly NumberedLine[], collector: RowCollector, jsonLines: JsonLinesParser, leading: string): ParseOutcome {
  let document: unknown;
  try {
    document = JSON.parse(lines.map((l) => l.text).join('\n'));
  } catch {
    lines.forEach((l) => jsonLines.add(l));
    if (!jsonLines.sawRecord) return errorOutcome('unknown', `not a resource-log file: ${notResourceLogReason(leading)}`);
    return successOutcome('resource-log-jsonl', collector);
  }
  const records = isJsonObject(document) ? document['records'] : undefined;
  if (!Array.isArray(records)) return errorOutcome('unknown', 'not a resource-log file: "records" is not an array');
  records.forEach((record, i) => collector.add(record, i + 1, `record ${i + 1}: `));
  return successOutcome('resource-log-records', collector);
}

/** Rows per table of a list of tables. */
export function rowsByTableOf(tables: readonly Table[]): Record<string, number> {
  const rows: Record<string, number> = {};
  for (const t of tables) rows[t.name] = (rows[t.name] ?? 0) + t.rowCount;
  return rows;
}

/**
 * Loads one raw resource-log file (a Blob/File) with the resource-log parser: a convenience
 * for callers that know the file is a resource log. `loadFile` (in `./load`) detects the format.
 */
export async function loadResourceLogFile(file: BlobLike & { readonly name?: string }, options: LoadOptions = {}): Promise<LoadResult> {
  const source = blobByteSource(file, file.name ?? 'PT1H.json', { chunkSize: options.chunkSize });
  let bytesRead = 0;
  const outcome = await createResourceLogParser(options)(source, {
    onBytes: (bytes) => (bytesRead = bytes),
    onRows: (rows) => options.onProgress?.({ bytesRead, totalBytes: file.size, rows }),
    cancel: options.cancel ?? { isCancelled: () => false },
  });
  const format = outcome.format as ResourceLogFormat;
  return { ...outcome, format, rowsByTable: rowsByTableOf(outcome.tables), unmappedFields: outcome.extraColumns };
}

export type { SkippedLine };
