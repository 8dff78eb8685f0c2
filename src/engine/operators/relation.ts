/**
 * A relation: what flows between operators. Columns are shared, never copied: each column is
 * either dense (row i is row i of its data) or read through an index vector (`rows`) — which is
 * how `where`, `take` and `sort` produce selections instead of copies. Columns of one relation
 * all have `rowCount` rows but may use different index vectors (e.g. after `extend`).
 */
import type { Column, ColumnSchema } from '../table/column';
import type { Table } from '../table/table';
import { compactStringColumn, gatherColumn, retypeColumn } from '../table/gather';
import type { ColumnSource } from '../functions/evaluate';
import type { CancelSignal } from '../cancel';
import type { TimeRange } from '../timeScope';
import { EngineFailure, internalError } from '../errors';
import type { SourceSpan } from '../errors';
import { broadcast } from '../functions/vector';

/** One named column of a relation. */
export interface RelColumn {
  readonly name: string;
  readonly data: Column;
  /** Row i of this column is `data` row `rows[i]`; null means row i is `data` row i. */
  readonly rows: Int32Array | null;
}

/** Columns plus a row count; see the module comment. */
export interface Relation {
  readonly rowCount: number;
  readonly columns: readonly RelColumn[];
}

/** Context of one plan execution (internal form of `ExecContext`). */
export interface RunContext {
  readonly nowTicks: number;
  readonly cancel: CancelSignal;
  /** The run's time range, applied to catalog-table scans (see `timeScope.ts`); undefined for none. */
  readonly timeRange?: TimeRange;
}

/** A loaded table as a relation (no copy). */
export function relationOfTable(table: Table): Relation {
  return { rowCount: table.rowCount, columns: table.schema.map((s, i) => ({ name: s.name, data: table.columns[i], rows: null })) };
}

/** The column's values as a dense column of the relation's rows (gathers through `rows`). */
export function readColumn(column: RelColumn): Column {
  return column.rows === null ? column.data : gatherColumn(column.data, column.rows);
}

/** A dense relation column holding `data` (constants are broadcast to `rowCount`). */
export function denseColumn(name: string, data: Column, rowCount: number): RelColumn {
  return { name, data: broadcast(data, rowCount), rows: null };
}

/**
 * Keeps rows `positions` (indices into the relation's rows, in the order given).
 * Index vectors are composed, never the data copied; columns sharing an index vector share the result.
 */
export function selectPositions(relation: Relation, positions: Int32Array): Relation {
  const composed = new Map<Int32Array, Int32Array>();
  const columns = relation.columns.map((c) => {
    if (c.rows === null) return { name: c.name, data: c.data, rows: positions };
    let rows = composed.get(c.rows);
    if (rows === undefined) {
      const base = c.rows;
      rows = new Int32Array(positions.length);
      for (let i = 0; i < positions.length; i++) rows[i] = base[positions[i]];
      composed.set(c.rows, rows);
    }
    return { name: c.name, data: c.data, rows };
  });
  return { rowCount: positions.length, columns };
}

/** Positions 0..count-1. */
export function firstPositions(count: number): Int32Array {
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) out[i] = i;
  return out;
}

/** Reads a relation's columns by name for expression evaluation, gathering each at most once. */
export function columnSource(relation: Relation, run: RunContext): ColumnSource {
  const cache = new Map<string, Column>();
  const byName = new Map(relation.columns.map((c) => [c.name, c]));
  return {
    rowCount: relation.rowCount,
    nowTicks: run.nowTicks,
    cancel: run.cancel,
    column(name) {
      let column = cache.get(name);
      if (column === undefined) {
        const rc = byName.get(name);
        if (rc === undefined) return undefined;
        column = readColumn(rc);
        cache.set(name, column);
      }
      return column;
    },
  };
}

/**
 * Orders and types a relation's columns as the binder's schema says (names and types are
 * authoritative). A schema column the relation lacks is an engine bug.
 */
export function conformTo(relation: Relation, schema: readonly ColumnSchema[], span: SourceSpan | null): Relation {
  const byName = new Map(relation.columns.map((c) => [c.name, c]));
  const columns = schema.map((s) => {
    const c = byName.get(s.name);
    if (c === undefined) throw new EngineFailure(internalError(`operator output lacks column '${s.name}'`, span));
    if (c.data.type === s.type) return c;
    const data = retypeColumn(c.data, s.type);
    if (data === null) throw new EngineFailure(internalError(`column '${s.name}' is ${c.data.type}, binder expected ${s.type}`, span));
    return { name: c.name, data, rows: c.rows };
  });
  return { rowCount: relation.rowCount, columns };
}

/** A relation column as a compact result column (gathered; string dictionaries hold only used entries). */
export function compactColumn(column: RelColumn): Column {
  const data = readColumn(column);
  if (data.kind === 'string' && (column.rows !== null || data.dict.length > data.length)) return compactStringColumn(data);
  return data;
}
