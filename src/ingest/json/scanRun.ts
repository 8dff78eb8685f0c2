/**
 * Runs a `JsonScanner` over a `ByteSource` (progress, cancel, read errors) and turns how
 * the scan ended into a `ParseOutcome`: rows read before a syntax error or a truncation
 * are kept, and the problem is listed with its line.
 */
import type { Table } from '../../engine/table/table';
import type { ByteSource, FileFormat, ParseContext, ParseOutcome } from '../formats/contract';
import type { SkippedLine } from '../rowCollector';
import { MAX_LISTED_SKIPPED } from '../rowCollector';
import type { JsonScanFailure, JsonScanner } from './scanner';

/** How reading a source ended. */
export type ScanEnd =
  | { readonly kind: 'complete' }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly failure: JsonScanFailure }
  | { readonly kind: 'unreadable'; readonly message: string };

/** The error text of a cancelled parse (see `ParseContext.cancel`). */
export const CANCELLED = 'cancelled';

/**
 * Feeds every chunk of `source` to `scanner`, reporting bytes and rows after each chunk and
 * polling the cancel signal between chunks. Stops at the first failure of a non-recovering scan.
 */
export async function runScan(source: ByteSource, scanner: JsonScanner, context: ParseContext, rows: () => number): Promise<ScanEnd> {
  let bytes = 0;
  try {
    for await (const chunk of source.chunks()) {
      if (context.cancel.isCancelled()) return { kind: 'cancelled' };
      bytes += chunk.byteLength;
      const ok = scanner.push(chunk);
      context.onBytes(bytes);
      context.onRows(rows());
      if (!ok) break;
    }
  } catch (e) {
    return { kind: 'unreadable', message: e instanceof Error ? e.message : String(e) };
  }
  if (context.cancel.isCancelled()) return { kind: 'cancelled' };
  const failure = scanner.finish();
  context.onRows(rows());
  return failure === null ? { kind: 'complete' } : { kind: 'failed', failure };
}

/** Skipped lines (all counted, the first 20 listed) and notes of one file. */
export class OutcomeNotes {
  readonly skipped: SkippedLine[] = [];
  skippedCount = 0;
  readonly warnings: string[] = [];

  /** Records a line or element that could not be loaded. */
  skip(line: number, reason: string): void {
    this.skippedCount++;
    if (this.skipped.length < MAX_LISTED_SKIPPED) this.skipped.push({ line, reason });
  }

  /** Adds a note for the summary (once per distinct text). */
  warn(text: string): void {
    if (!this.warnings.includes(text)) this.warnings.push(text);
  }
}

/** What a parser hands over when its scan is done. */
export interface ParsedContent {
  readonly tables: () => Table[];
  readonly rowCount: number;
  readonly extraColumns: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** The file-level error when the scan completed but nothing loadable was found. */
  readonly emptyError?: string;
}

/** An outcome that loaded nothing. */
export function errorOutcome(format: FileFormat, error: string, notes?: OutcomeNotes): ParseOutcome {
  return {
    format,
    tables: [],
    skippedCount: notes?.skippedCount ?? 0,
    skipped: notes?.skipped ?? [],
    extraColumns: {},
    warnings: notes?.warnings ?? [],
    error,
  };
}

/**
 * The outcome of a scan. A syntax error or a truncation after some rows keeps those rows,
 * lists the problem as a skipped line and says so in a warning; before any row it is the
 * file's error.
 */
export function outcomeOf(format: FileFormat, end: ScanEnd, notes: OutcomeNotes, content: ParsedContent): ParseOutcome {
  switch (end.kind) {
    case 'cancelled':
      return errorOutcome(format, CANCELLED);
    case 'unreadable':
      return errorOutcome(format, `could not read the file: ${end.message}`);
    case 'failed': {
      const { failure } = end;
      const where = `line ${failure.line}`;
      if (content.rowCount === 0) return errorOutcome(format, `not valid JSON at ${where}: ${failure.message}`, notes);
      notes.skip(failure.line, failure.message);
      const rows = content.rowCount === 1 ? '1 row' : `${content.rowCount} rows`;
      notes.warn(
        failure.kind === 'truncated'
          ? `the file is truncated (${failure.message}); the ${rows} read before ${where} were loaded`
          : `the file stops being valid JSON at ${where} (${failure.message}); the ${rows} read before it were loaded`,
      );
      break;
    }
    case 'complete':
      if (content.emptyError !== undefined && content.rowCount === 0) return errorOutcome(format, content.emptyError, notes);
      break;
    default: {
      const never: never = end;
      return never;
    }
  }
  return {
    format,
    tables: content.tables(),
    skippedCount: notes.skippedCount,
    skipped: notes.skipped,
    extraColumns: content.extraColumns,
    warnings: notes.warnings,
  };
}
