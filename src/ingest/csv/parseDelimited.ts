/**
 * CSV and TSV files as `FormatParser`s: Log Analytics portal exports (known tables keep
 * their documented schema) and any other delimited file (types inferred). The file is
 * read as a stream of chunks, decoded as UTF-8 (a byte order mark is dropped).
 */
import type { ByteSource, FileFormat, FormatParser, ParseContext, ParseOutcome } from '../formats/contract';
import { CsvLoad } from './csvLoad';
import type { CsvRecord } from './tokenizer';
import { CsvTokenizer } from './tokenizer';

/** Options of `parseDelimited`. */
export interface DelimitedOptions {
  /** `,` (CSV), tab (TSV), or `auto`: tab when the first line holds more tabs than commas. */
  readonly delimiter: ',' | '\t' | 'auto';
  /** Data rows held back to decide the day/month order of portal datetimes (default 1000). */
  readonly orderSampleRows?: number;
  /** Non-empty values per column that decide an inferred type (default 1000). */
  readonly typeSampleSize?: number;
}

/** Default number of rows that decide the day/month order. */
export const DEFAULT_ORDER_SAMPLE_ROWS = 1000;

function failed(format: FileFormat, error: string): ParseOutcome {
  return { format, tables: [], skippedCount: 0, skipped: [], extraColumns: {}, warnings: [], error };
}

/** The delimiter the first line suggests. */
function sniffDelimiter(firstLine: string): ',' | '\t' {
  let tabs = 0;
  let commas = 0;
  for (let i = 0; i < firstLine.length; i++) {
    const c = firstLine.charCodeAt(i);
    if (c === 9) tabs++;
    else if (c === 44) commas++;
  }
  return tabs > commas ? '\t' : ',';
}

/** Largest first line held while sniffing the delimiter; past it, the text so far decides. */
const MAX_SNIFF_CHARS = 1 << 20;

/**
 * Parses delimited text from `source` (RFC 4180 quoting; CRLF, LF or CR line breaks; the first
 * record is the header). Rows whose field count differs from the header's are skipped with
 * their line number. Never throws: read failures and cancellation come back as `error`.
 */
export async function parseDelimited(source: ByteSource, context: ParseContext, options: DelimitedOptions): Promise<ParseOutcome> {
  const decoder = new TextDecoder('utf-8');
  let tokenizer: CsvTokenizer | null = null;
  let load: CsvLoad | null = null;
  let sniffed = '';
  let first = true;

  const start = (delimiter: ',' | '\t'): void => {
    tokenizer = new CsvTokenizer(delimiter);
    load = new CsvLoad({
      fileName: source.name,
      delimiter,
      orderSampleRows: Math.max(1, options.orderSampleRows ?? DEFAULT_ORDER_SAMPLE_ROWS),
      typeSampleSize: options.typeSampleSize,
    });
  };
  const take = (records: CsvRecord[]): void => {
    for (const r of records) load?.add(r);
  };
  const feed = (text: string, final: boolean): void => {
    let t = text;
    if (first && t.length > 0) {
      first = false;
      // Why: TextDecoder drops a leading BOM already; a BOM that survived (double-encoded) is not data either.
      if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
    }
    if (tokenizer === null) {
      if (options.delimiter !== 'auto') start(options.delimiter);
      else {
        sniffed += t;
        const lineEnd = sniffed.search(/[\r\n]/);
        if (lineEnd < 0 && !final && sniffed.length < MAX_SNIFF_CHARS) return;
        start(sniffDelimiter(lineEnd < 0 ? sniffed : sniffed.slice(0, lineEnd)));
        t = sniffed;
        sniffed = '';
      }
    }
    const active = tokenizer as CsvTokenizer | null;
    if (active === null) return;
    take(active.push(t));
    if (final) take(active.end());
  };

  let bytes = 0;
  try {
    for await (const chunk of source.chunks()) {
      if (context.cancel.isCancelled()) return failed(currentFormat(load, options), 'cancelled');
      bytes += chunk.byteLength;
      feed(decoder.decode(chunk, { stream: true }), false);
      context.onBytes(bytes);
      context.onRows(rowsOf(load));
    }
    if (context.cancel.isCancelled()) return failed(currentFormat(load, options), 'cancelled');
    feed(decoder.decode(), true);
  } catch (e) {
    return failed(currentFormat(load, options), `could not read the file: ${e instanceof Error ? e.message : String(e)}`);
  }
  const finished = load as CsvLoad | null;
  if (finished === null) return failed('empty', 'the file is empty');
  const outcome = finished.finish();
  context.onRows(finished.rows);
  return outcome;
}

function rowsOf(load: CsvLoad | null): number {
  return load === null ? 0 : load.rows;
}

function currentFormat(load: CsvLoad | null, options: DelimitedOptions): FileFormat {
  if (load !== null && load.hasHeader) return load.format;
  return options.delimiter === '\t' ? 'tsv' : 'csv';
}

/** CSV (or TSV, when the first line holds more tabs than commas): portal exports and any other delimited file. */
export const parseCsv: FormatParser = (source, context) => parseDelimited(source, context, { delimiter: 'auto' });

/** Tab-separated values. */
export const parseTsv: FormatParser = (source, context) => parseDelimited(source, context, { delimiter: '\t' });
