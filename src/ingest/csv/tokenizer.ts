/**
 * A streaming RFC 4180 tokenizer: decoded text goes in chunk by chunk, records (arrays of
 * field texts) come out. Quoted fields may hold delimiters, doubled quotes and line breaks,
 * and may span chunks. Line breaks are CRLF, LF or a lone CR. Line numbers count physical
 * lines, so a line break inside a quoted field advances them.
 */

/** One record of the file. */
export interface CsvRecord {
  readonly fields: string[];
  /** 1-based physical line the record starts on. */
  readonly line: number;
  /** Set when the record is malformed (e.g. a quoted field never closed). */
  readonly error?: string;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Splits delimited text into records. Feed chunks with `push`, then call `end` once. */
export class CsvTokenizer {
  private readonly delimiter: number;
  private fields: string[] = [];
  private field = '';
  /** The current field started with a quote and its closing quote has not been seen. */
  private inQuotes = false;
  /** Inside a quoted field a quote was seen: it closes the field unless another quote follows. */
  private quotePending = false;
  /** The current field has not received any character yet. */
  private atFieldStart = true;
  /** The previous character was a CR (a following LF belongs to the same line break). */
  private afterCR = false;
  private line = 1;
  private recordLine = 1;
  private started = false;

  constructor(delimiter: string) {
    if (delimiter.length !== 1) throw new RangeError(`a delimiter is one character, got '${delimiter}'`);
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Adds decoded text; returns the records it completed. */
  push(text: string): CsvRecord[] {
    const records: CsvRecord[] = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (this.afterCR) {
        this.afterCR = false;
        if (c === LF) {
          i++;
          continue;
        }
      }
      if (this.inQuotes) {
        i = this.consumeQuoted(text, i);
        continue;
      }
      if (this.quotePending) {
        this.quotePending = false;
        if (c === QUOTE) {
          this.field += '"';
          this.inQuotes = true;
          i++;
          continue;
        }
        // Anything else after a closing quote is handled as unquoted text (lenient, like Excel).
      }
      if (!this.started) {
        this.started = true;
        this.recordLine = this.line;
      }
      if (c === this.delimiter) {
        this.endField();
        i++;
      } else if (c === LF || c === CR) {
        this.endField();
        this.emit(records);
        this.line++;
        this.afterCR = c === CR;
        i++;
      } else if (c === QUOTE && this.atFieldStart) {
        this.inQuotes = true;
        this.atFieldStart = false;
        i++;
      } else {
        i = this.consumeUnquoted(text, i);
      }
    }
    return records;
  }

  /** Reads quoted content up to the next quote (or the end of the chunk); returns the next index. */
  private consumeQuoted(text: string, from: number): number {
    const close = text.indexOf('"', from);
    const end = close < 0 ? text.length : close;
    for (let k = from; k < end; k++) {
      const c = text.charCodeAt(k);
      if (c === CR) this.line++;
      else if (c === LF && !(k > from ? text.charCodeAt(k - 1) === CR : this.afterQuotedCR)) this.line++;
    }
    if (end > from) this.afterQuotedCR = text.charCodeAt(end - 1) === CR;
    this.field += text.slice(from, end);
    if (close < 0) return text.length;
    this.inQuotes = false;
    this.quotePending = true;
    this.afterQuotedCR = false;
    return close + 1;
  }

  /** Whether quoted content so far ended with a CR (for a CRLF split across chunks). */
  private afterQuotedCR = false;

  /** Reads unquoted text up to a delimiter or line break; returns the next index. */
  private consumeUnquoted(text: string, from: number): number {
    let k = from;
    const n = text.length;
    while (k < n) {
      const c = text.charCodeAt(k);
      if (c === this.delimiter || c === LF || c === CR) break;
      k++;
    }
    this.field += text.slice(from, k);
    this.atFieldStart = false;
    return k;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.atFieldStart = true;
  }

  private emit(records: CsvRecord[]): void {
    const fields = this.fields;
    this.fields = [];
    this.started = false;
    // A blank line is no record.
    if (fields.length === 1 && fields[0] === '') return;
    records.push({ fields, line: this.recordLine });
  }

  /** Ends the input; returns the last record (text after the final line break), if any. */
  end(): CsvRecord[] {
    const records: CsvRecord[] = [];
    if (this.inQuotes) {
      this.endField();
      const fields = this.fields;
      this.fields = [];
      this.inQuotes = false;
      records.push({ fields, line: this.recordLine, error: 'a quoted field is not closed before the end of the file' });
      return records;
    }
    this.quotePending = false;
    if (this.started || this.fields.length > 0 || this.field !== '') {
      this.endField();
      this.emit(records);
    }
    return records;
  }
}
