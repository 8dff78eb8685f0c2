/**
 * Loads a raw resource-log file: `PT1H.json` JSON Lines (one record per line; a line may
 * also be an Event Hub `{"records":[...]}` envelope) or the legacy whole-file
 * `{"records":[...]}` form (shared/docs/acr-logs.md §2). The file is read as a stream.
 */
import type { CancelSignal } from '../engine/cancel';
import type { Table } from '../engine/table/table';
import type { BlobLike, NumberedLine } from './readLines';
import { readLineBatches, ReadCancelled } from './readLines';
import type { SkippedLine } from './rowCollector';
import { RowCollector } from './rowCollector';
import { isJsonObject } from './fieldLookup';

/** Progress of one file's load, reported once per chunk read. */
export interface LoadProgress {
  readonly bytesRead: number;
  readonly totalBytes: number;
  /** Rows loaded so far. */
  readonly rows: number;
}

/** Formats this loader recognises; `unknown`/`empty` come with an `error`. */
export type ResourceLogFormat = 'json-lines' | 'records-json' | 'unknown' | 'empty';

/** What loading one file produced. */
export interface LoadResult {
  readonly format: ResourceLogFormat;
  /** This file's rows, one table per Log Analytics table it fed (none when `error` is set). */
  readonly tables: Table[];
  /** Rows loaded, per table. */
  readonly rowsByTable: Record<string, number>;
  /** Lines that could not be loaded: all counted, the first 20 listed. */
  readonly skippedCount: number;
  readonly skipped: SkippedLine[];
  /** Per table, per raw field name: how many records carried a field that no column takes. */
  readonly unmappedFields: Record<string, Record<string, number>>;
  /** A file-level problem (not a resource-log file, empty, unreadable, cancelled); nothing was loaded. */
  readonly error?: string;
}

/** Options of `loadResourceLogFile`. */
export interface LoadOptions {
  onProgress?(progress: LoadProgress): void;
  /** Checked between chunks; a cancelled load returns an `error` and no rows. */
  cancel?: CancelSignal;
  /** Read the file in slices of this many bytes instead of the platform's stream chunks. */
  chunkSize?: number;
  /** Largest legacy `{"records":[...]}` file parsed as one JSON document (default 64 MiB). */
  maxRecordsDocumentBytes?: number;
}

const DEFAULT_MAX_RECORDS_DOCUMENT_BYTES = 64 * 1024 * 1024;
/** How much leading text (without white space) format detection looks at. */
const SNIFF_CHARS = 64;
const RECORDS_PREFIX = /^\{\s*"records"\s*:/;

/** True for an object that looks like a resource-log record or a `{"records":[...]}` envelope. */
function isRecordLike(value: unknown): boolean {
  if (!isJsonObject(value)) return false;
  return Object.keys(value).some((k) => {
    const key = k.toLowerCase();
    return key === 'time' || key === 'category' || key === 'metricname' || key === 'resourceid' || key === 'records';
  });
}

function errorResult(format: ResourceLogFormat, error: string): LoadResult {
  return { format, tables: [], rowsByTable: {}, skippedCount: 0, skipped: [], unmappedFields: {}, error };
}

function successResult(format: ResourceLogFormat, collector: RowCollector): LoadResult {
  const tables = collector.finish();
  const rowsByTable: Record<string, number> = {};
  for (const t of tables) rowsByTable[t.name] = t.rowCount;
  return { format, tables, rowsByTable, skippedCount: collector.skippedCount, skipped: collector.skipped, unmappedFields: collector.unmappedFields };
}

/** Why a text that is not a resource-log file is not one, for the file-level error. */
function notResourceLogReason(leading: string): string {
  if (leading.startsWith('[')) return 'it is a JSON array (Log Analytics, Data Explorer and az CLI exports are not supported yet)';
  if (/^\{\s*"tables"\s*:/i.test(leading)) return 'it looks like a Log Analytics or Data Explorer query response (not supported yet)';
  if (leading.startsWith('{')) return 'no line holds a resource-log record (a JSON object with time and category or metricName)';
  return 'it is not JSON (CSV exports are not supported yet)';
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
    if (isRecordLike(value)) this.sawRecord = true;
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

/**
 * Loads one raw resource-log file into tables (one per Log Analytics table it feeds).
 * Never throws for bad input: malformed lines are skipped and counted, and a file that is
 * not a resource-log file (or is empty, unreadable, cancelled) yields an `error` and no rows.
 */
export async function loadResourceLogFile(file: BlobLike & { readonly name?: string }, options: LoadOptions = {}): Promise<LoadResult> {
  const collector = new RowCollector();
  const jsonLines = new JsonLinesParser(collector);
  const maxDocumentBytes = options.maxRecordsDocumentBytes ?? DEFAULT_MAX_RECORDS_DOCUMENT_BYTES;
  let format: ResourceLogFormat | undefined;
  let leading = '';
  const held: NumberedLine[] = [];
  /** A `{"records":[...]}` file too large to parse whole: read as one envelope per line, if it is that. */
  let largeRecordsFile = false;

  try {
    for await (const { lines, progress } of readLineBatches(file, options)) {
      for (const line of lines) {
        if (format === 'json-lines') {
          jsonLines.add(line);
          continue;
        }
        held.push(line);
        // Only the first characters decide the format; a huge first line is not copied whole.
        if (format === undefined && leading.length < SNIFF_CHARS) leading += line.text.slice(0, 4 * SNIFF_CHARS).replace(/\s+/g, '');
      }
      if (format === undefined && leading.length >= SNIFF_CHARS) format = decide(leading);
      if (format === 'unknown') return errorResult('unknown', `not a resource-log file: ${notResourceLogReason(leading)}`);
      if (format === 'records-json' && file.size > maxDocumentBytes) {
        largeRecordsFile = true;
        format = 'json-lines';
      }
      if (format === 'json-lines' && held.length > 0) held.splice(0).forEach((l) => jsonLines.add(l));
      options.onProgress?.({ bytesRead: progress.bytesRead, totalBytes: progress.totalBytes, rows: collector.rows });
    }
  } catch (e) {
    if (e instanceof ReadCancelled) return errorResult(format ?? 'unknown', e.message);
    return errorResult(format ?? 'unknown', `could not read the file: ${e instanceof Error ? e.message : String(e)}`);
  }

  if (largeRecordsFile && !jsonLines.firstLineIsEnvelope) {
    const limit = maxDocumentBytes >= 1048576 ? `${Math.round(maxDocumentBytes / 1048576)} MiB` : `${maxDocumentBytes} bytes`;
    return errorResult('records-json', `not supported yet: a {"records":[...]} document larger than ${limit} (one envelope per line is fine)`);
  }
  const result = finishLoad(format ?? decide(leading), leading, held, collector, jsonLines);
  if (result.error === undefined) options.onProgress?.({ bytesRead: file.size, totalBytes: file.size, rows: collector.rows });
  return result;
}

function finishLoad(format: ResourceLogFormat, leading: string, held: NumberedLine[], collector: RowCollector, jsonLines: JsonLinesParser): LoadResult {
  switch (format) {
    case 'unknown':
      return errorResult('unknown', `not a resource-log file: ${notResourceLogReason(leading)}`);
    case 'empty':
      return errorResult('empty', 'the file is empty');
    case 'records-json':
      return loadRecordsDocument(held, collector, jsonLines, leading);
    case 'json-lines':
      held.splice(0).forEach((l) => jsonLines.add(l));
      if (!jsonLines.sawRecord) return errorResult('unknown', `not a resource-log file: ${notResourceLogReason(leading)}`);
      return successResult('json-lines', collector);
    default: {
      const never: never = format;
      return never;
    }
  }
}

/** The format the leading text (white space removed) shows. */
function decide(leading: string): ResourceLogFormat {
  if (leading === '') return 'empty';
  if (RECORDS_PREFIX.test(leading)) return 'records-json';
  if (leading.startsWith('{')) return 'json-lines';
  return 'unknown';
}

/**
 * The legacy whole-file `{"records":[...]}` form. When the text is not one JSON document
 * (e.g. an Event Hub capture with one envelope per line), it is read as JSON Lines instead.
 */
function loadRecordsDocument(lines: readonly NumberedLine[], collector: RowCollector, jsonLines: JsonLinesParser, leading: string): LoadResult {
  let document: unknown;
  try {
    document = JSON.parse(lines.map((l) => l.text).join('\n'));
  } catch {
    lines.forEach((l) => jsonLines.add(l));
    if (!jsonLines.sawRecord) return errorResult('unknown', `not a resource-log file: ${notResourceLogReason(leading)}`);
    return successResult('json-lines', collector);
  }
  const records = isJsonObject(document) ? document['records'] : undefined;
  if (!Array.isArray(records)) return errorResult('unknown', 'not a resource-log file: "records" is not an array');
  records.forEach((record, i) => collector.add(record, i + 1, `record ${i + 1}: `));
  return successResult('records-json', collector);
}
