import type { Column, DynamicValue } from './column';

/** A cell read out of a column: number (datetime/timespan as ticks), boolean, string, JSON value or null. */
export type CellValue = number | boolean | string | DynamicValue | null;

/** Reads row `row` of `column` as a plain value. */
export function cellOf(column: Column, row: number): CellValue {
  switch (column.kind) {
    case 'number': {
      if (column.nulls !== null && column.nulls[row] === 1) return null;
      const v = column.data[row];
      return column.type === 'bool' ? v !== 0 : v;
    }
    case 'string': {
      const code = column.codes[row];
      return code < 0 ? null : column.dict[code];
    }
    case 'dynamic':
      return column.values[row];
    default: {
      const never: never = column;
      return never;
    }
  }
}

/** Reads a columnar table as row arrays (for tests and small results). */
export function rowsOf(table: { readonly data: readonly Column[]; readonly rowCount: number } | { readonly columns: readonly Column[]; readonly rowCount: number }): CellValue[][] {
  const columns = 'data' in table ? table.data : table.columns;
  const rows: CellValue[][] = [];
  for (let r = 0; r < table.rowCount; r++) rows.push(columns.map((c) => cellOf(c, r)));
  return rows;
}
