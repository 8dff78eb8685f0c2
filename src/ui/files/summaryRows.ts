/** Pure helpers that shape a `FileLoadSummary` for display. */
import type { FileLoadSummary } from '../../worker/protocol';

/** One field of a file that no column of its table takes. */
export interface UnmappedField {
  readonly table: string;
  readonly field: string;
  /** Records that carried the field. */
  readonly records: number;
}

/** The unmapped fields of a file, flattened and sorted by table, then most frequent first. */
export function unmappedFieldList(summary: FileLoadSummary): UnmappedField[] {
  return Object.entries(summary.unmappedFields ?? {})
    .flatMap(([table, fields]) => Object.entries(fields).map(([field, records]) => ({ table, field, records })))
    .sort((a, b) => a.table.localeCompare(b.table) || b.records - a.records || a.field.localeCompare(b.field));
}

/** Tables that received rows from the file, with their row counts, in the summary's order. */
export function tablesWithRows(summary: FileLoadSummary): { readonly table: string; readonly rows: number }[] {
  return Object.entries(summary.rowsByTable)
    .filter(([, rows]) => rows > 0)
    .map(([table, rows]) => ({ table, rows }));
}
