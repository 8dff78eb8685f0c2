/** Pure helpers that shape `FileLoadSummary`s for display. */
import type { FileLoadSummary } from '../../worker/protocol';

/** One field of a file kept as an extra column of its table. */
export interface ExtraColumn {
  readonly table: string;
  readonly column: string;
  /** Rows that carried the field. */
  readonly rows: number;
}

/** The extra columns of a file, flattened and sorted by table, then most frequent first. */
export function extraColumnList(summary: FileLoadSummary): ExtraColumn[] {
  return Object.entries(summary.extraColumns ?? summary.unmappedFields ?? {})
    .flatMap(([table, columns]) => Object.entries(columns).map(([column, rows]) => ({ table, column, rows })))
    .sort((a, b) => a.table.localeCompare(b.table) || b.rows - a.rows || a.column.localeCompare(b.column));
}

/** Tables that received rows from the file, with their row counts, in the summary's order. */
export function tablesWithRows(summary: FileLoadSummary): { readonly table: string; readonly rows: number }[] {
  return Object.entries(summary.rowsByTable)
    .filter(([, rows]) => rows > 0)
    .map(([table, rows]) => ({ table, rows }));
}

/** Totals over the summaries of one load (a folder or many files). */
export interface LoadTotals {
  readonly files: number;
  readonly loaded: number;
  readonly duplicates: number;
  readonly failed: number;
  /** Rows per table over all files, tables in order of first appearance. */
  readonly rowsByTable: readonly { readonly table: string; readonly rows: number }[];
}

/** Sums a load's summaries: files loaded, skipped as duplicates, failed, and rows per table. */
export function loadTotals(summaries: readonly FileLoadSummary[]): LoadTotals {
  const rows = new Map<string, number>();
  let loaded = 0;
  let duplicates = 0;
  let failed = 0;
  for (const s of summaries) {
    if (s.duplicateOf !== undefined) duplicates++;
    else if (s.error !== undefined) failed++;
    else loaded++;
    for (const { table, rows: n } of tablesWithRows(s)) rows.set(table, (rows.get(table) ?? 0) + n);
  }
  return { files: summaries.length, loaded, duplicates, failed, rowsByTable: [...rows].map(([table, n]) => ({ table, rows: n })) };
}
