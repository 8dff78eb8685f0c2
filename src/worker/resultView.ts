/**
 * Views of a kept query result: the rows matching a search text, in the order of one sorted
 * column. Computed over the whole result in the worker, as index vectors (no row objects).
 */
import type { Column, ResultTable } from '../engine';
import { formatValue } from '../engine/types/format';
import { sortPositionsByColumn } from '../engine/operators/sort';

/** A sort of a result by one column. */
export interface ResultSort {
  /** Index of the column in the result table. */
  readonly column: number;
  readonly descending: boolean;
}

/** How a view orders and filters a result: no sort and an empty search is the result itself. */
export interface ResultViewSpec {
  readonly sort: ResultSort | null;
  /** Case-insensitive text that some cell of a row must contain (over the formatted values). */
  readonly search: string;
}

/** Marks the rows of `column` whose formatted text contains `needle` (already lower-case). */
function markMatches(column: Column, needle: string, matched: Uint8Array): void {
  switch (column.kind) {
    case 'string': {
      // One test per distinct string, then a lookup per row.
      const hit = column.dict.map((s) => s.toLowerCase().includes(needle));
      const { codes } = column;
      for (let r = 0; r < codes.length; r++) if (matched[r] === 0 && codes[r] >= 0 && hit[codes[r]]) matched[r] = 1;
      return;
    }
    case 'number':
    case 'dynamic':
      for (let r = 0; r < column.length; r++) if (matched[r] === 0 && formatValue(column, r).toLowerCase().includes(needle)) matched[r] = 1;
      return;
    default: {
      const never: never = column;
      return never;
    }
  }
}

/** Rows of `table` in which some cell's formatted text contains `search`, case-insensitively. */
export function searchPositions(table: ResultTable, search: string): Int32Array {
  const needle = search.toLowerCase();
  const matched = new Uint8Array(table.rowCount);
  for (const column of table.data) markMatches(column, needle, matched);
  let count = 0;
  for (let r = 0; r < matched.length; r++) count += matched[r];
  const positions = new Int32Array(count);
  let next = 0;
  for (let r = 0; r < matched.length; r++) if (matched[r] === 1) positions[next++] = r;
  return positions;
}

/**
 * The rows of `table` under `spec`, as positions in the table; null when the view is the
 * table itself (no search, no sort).
 */
export function viewPositions(table: ResultTable, spec: ResultViewSpec): Int32Array | null {
  const searching = spec.search.trim() !== '';
  if (!searching && spec.sort === null) return null;
  const positions = searching ? searchPositions(table, spec.search.trim()) : Int32Array.from({ length: table.rowCount }, (_, i) => i);
  if (spec.sort !== null) {
    const column = table.data[spec.sort.column];
    if (column === undefined) throw new Error(`the result has no column ${spec.sort.column}`);
    sortPositionsByColumn(column, positions, spec.sort.descending);
  }
  return positions;
}
