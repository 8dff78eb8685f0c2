/**
 * `mv-apply items on (subquery)` (mv-apply-operator.md): every input row is expanded as
 * `mv-expand` expands it (one pass over the whole input, through `applyMvExpand`), the subquery
 * runs once per input row over that row's subtable (also when the subtable is empty), and each
 * result row gets the input row's other columns. The subquery's implicit input is the catalog
 * table `subtable` of the plan, which the executor provides per row (see `runSubquery`).
 */
import type { MvApplyOperator, Tabular } from '../plan';
import type { Column, ColumnSchema, NumericColumn } from '../table/column';
import type { Table } from '../table/table';
import { concatColumns, nullColumn } from '../table/gather';
import { EngineFailure, internalError } from '../errors';
import { pollCancel } from '../functions/vector';
import type { RelColumn, Relation, RunContext } from './relation';
import { compactColumn, selectPositions } from './relation';
import { applyMvExpand } from './mvExpand';

/** The column that carries each expanded row's input row number through the expansion. */
const ROW_COLUMN = '$mv_apply_row$';

/** Runs `subquery` with `table` as its implicit input and returns its result. */
export type SubqueryRunner = (subquery: Tabular, table: Table) => Relation;

function rowNumbers(count: number): NumericColumn {
  return { kind: 'number', type: 'long', data: Float64Array.from({ length: count }, (_, i) => i), nulls: null, length: count };
}

/** Applies `mv-apply`; `schema` is the binder's output schema of the operator. */
export function applyMvApply(relation: Relation, operator: MvApplyOperator, schema: readonly ColumnSchema[], run: RunContext, runSubquery: SubqueryRunner): Relation {
  const withRows: Relation = { rowCount: relation.rowCount, columns: [...relation.columns, { name: ROW_COLUMN, data: rowNumbers(relation.rowCount), rows: null }] };
  const expanded = applyMvExpand(withRows, operator.expand, run);
  const rowColumn = expanded.columns.find((c) => c.name === ROW_COLUMN);
  if (rowColumn === undefined) throw new EngineFailure(internalError('mv-apply lost its row numbers'));
  const rowOf = compactColumn(rowColumn) as NumericColumn;
  const subColumns = operator.subtable.schema.map((s) => {
    const column = expanded.columns.find((c) => c.name === s.name);
    if (column === undefined) throw new EngineFailure(internalError(`mv-apply subtable lacks column '${s.name}'`));
    return column;
  });
  const results: Relation[] = [];
  const sourceRows: number[] = [];
  let start = 0;
  for (let row = 0; row < relation.rowCount; row++) {
    pollCancel(run.cancel);
    let end = start;
    while (end < expanded.rowCount && rowOf.data[end] === row) end++;
    const positions = Int32Array.from({ length: end - start }, (_, i) => start + i);
    const part = selectPositions({ rowCount: expanded.rowCount, columns: subColumns }, positions);
    const table: Table = {
      name: operator.subtable.name, schema: operator.subtable.schema, rowCount: part.rowCount,
      columns: part.columns.map((c) => compactColumn(c)),
    };
    const result = runSubquery(operator.subquery, table);
    results.push(result);
    for (let i = 0; i < result.rowCount; i++) sourceRows.push(row);
    start = end;
  }
  const repeated = selectPositions(relation, Int32Array.from(sourceRows));
  const columns: RelColumn[] = schema.map(({ name, type }) => {
    if (sourceRows.length === 0) return { name, data: nullColumn(type, 0), rows: null };
    const fromSubquery = results.length > 0 && results.every((r) => r.columns.some((c) => c.name === name));
    if (!fromSubquery) {
      const column = repeated.columns.find((c) => c.name === name);
      if (column === undefined) throw new EngineFailure(internalError(`mv-apply output lacks column '${name}'`));
      return column;
    }
    const parts: Column[] = results.map((r) => compactColumn(r.columns.find((c) => c.name === name) as RelColumn));
    return { name, data: concatColumns(parts[0].type, parts), rows: null };
  });
  return { rowCount: sourceRows.length, columns };
}
