/**
 * Export of a whole kept result as CSV (RFC 4180) or JSON, generated in the worker in chunks
 * of about a megabyte that become the parts of one `Blob` (never one giant string).
 */
import { dynamicFromCell } from '../engine/types/dynamicValue';
import type { Column, ColumnSchema, ResultTable } from '../engine';
import { formatValue } from '../engine/types/format';
import { formatDatetime } from '../engine/types/datetime';

/** The export formats. */
export type ExportFormat = 'csv' | 'json';

/** Characters gathered before a chunk becomes a Blob part. */
const CHUNK_CHARS = 1 << 20;

/** Collects text into Blob parts of about `CHUNK_CHARS` characters. */
class ChunkWriter {
  private readonly parts: string[] = [];
  private pending: string[] = [];
  private pendingChars = 0;

  write(text: string): void {
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= CHUNK_CHARS) this.flush();
  }

  blob(type: string): Blob {
    this.flush();
    return new Blob(this.parts, { type });
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.parts.push(this.pending.join(''));
    this.pending = [];
    this.pendingChars = 0;
  }
}

/** An RFC 4180 field: quoted (with doubled quotes) when it holds a comma, quote or line break. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text of one cell: Kusto's text (7-digit UTC datetimes), dynamic as compact JSON, null empty. */
function csvCell(column: Column, row: number): string {
  if (column.kind === 'dynamic') {
    const value = column.values[row];
    return value === null ? '' : JSON.stringify(value);
  }
  return formatValue(column, row);
}

/** The JSON value of one cell: typed (numbers, booleans, ISO datetimes, nested dynamic), null as null. */
export function jsonCell(column: Column, row: number): unknown {
  // JSON has no NaN or Infinity: they travel as Kusto's text; datetimes with all 7 digits.
  return dynamicFromCell(column, row, formatDatetime);
}

/** One cell as JSON text; an exact 64-bit long is written with all its digits (JSON numbers have no size limit). */
function jsonCellText(column: Column, row: number): string {
  if (column.kind === 'number' && column.exact !== undefined && (column.nulls === null || column.nulls[row] === 0)) return column.exact[row].toString();
  return JSON.stringify(jsonCell(column, row)) ?? 'null';
}

function rowOrder(table: ResultTable, positions: Int32Array | null): { count: number; at: (i: number) => number } {
  return positions === null ? { count: table.rowCount, at: (i) => i } : { count: positions.length, at: (i) => positions[i] };
}

/** The rows `positions` (all rows in order when null) of `table` as CSV with a header row, CRLF line ends. */
export function exportCsv(table: ResultTable, positions: Int32Array | null): Blob {
  const out = new ChunkWriter();
  const columns = table.data;
  out.write(table.columns.map((c) => csvField(c.name)).join(',') + '\r\n');
  const { count, at } = rowOrder(table, positions);
  for (let i = 0; i < count; i++) {
    const row = at(i);
    let line = '';
    for (let c = 0; c < columns.length; c++) line += (c === 0 ? '' : ',') + csvField(csvCell(columns[c], row));
    out.write(line + '\r\n');
  }
  return out.blob('text/csv;charset=utf-8');
}

/** The rows `positions` (all rows in order when null) of `table` as a JSON array of objects. */
export function exportJson(table: ResultTable, positions: Int32Array | null): Blob {
  const out = new ChunkWriter();
  const keys = table.columns.map((c: ColumnSchema) => JSON.stringify(c.name));
  const columns = table.data;
  const { count, at } = rowOrder(table, positions);
  out.write('[');
  for (let i = 0; i < count; i++) {
    const row = at(i);
    let text = i === 0 ? '\n{' : ',\n{';
    for (let c = 0; c < columns.length; c++) text += `${c === 0 ? '' : ','}${keys[c]}:${jsonCellText(columns[c], row)}`;
    out.write(text + '}');
  }
  out.write(count === 0 ? ']' : '\n]\n');
  return out.blob('application/json');
}

/** Exports `table` (rows `positions`, all when null) in `format`. */
export function exportResult(table: ResultTable, positions: Int32Array | null, format: ExportFormat): Blob {
  switch (format) {
    case 'csv':
      return exportCsv(table, positions);
    case 'json':
      return exportJson(table, positions);
    default: {
      const never: never = format;
      return never;
    }
  }
}
