/**
 * `partition by Column (subquery)` (partition-operator.md): the input's rows are split by the
 * column's value (in order of first appearance; nulls form a partition too), the subquery runs
 * once per partition over that partition's rows — its implicit input is the catalog table
 * `subtable`, which the executor provides per call — and the results are unioned by column name.
 */
import type { Expr, Operator, Tabular } from '../plan';
import type { ColumnSchema } from '../table/column';
import type { Table } from '../table/table';
import type { SourceSpan } from '../errors';
import { EngineFailure, internalError } from '../errors';
import { evaluate } from '../functions/evaluate';
import { POLL_MASK, at, broadcast, pollCancel } from '../functions/vector';
import type { Relation, RunContext } from './relation';
import { columnSource, compactColumn, selectPositions } from './relation';
import { applyUnion } from './union';

/** Runs `subquery` with `table` as its implicit input and returns its result. */
export type PartitionRunner = (subquery: Tabular, table: Table) => Relation;

/** Row positions per distinct key value, in order of first appearance. */
function partitionsOf(relation: Relation, by: Expr, run: RunContext): Int32Array[] {
  const keys = broadcast(evaluate(by, columnSource(relation, run)), relation.rowCount);
  const groups = new Map<unknown, number[]>();
  for (let i = 0; i < relation.rowCount; i++) {
    if ((i & POLL_MASK) === 0) pollCancel(run.cancel);
    const value = at(keys, i);
    const key = value !== null && typeof value === 'object' ? JSON.stringify(value) : value;
    let group = groups.get(key);
    if (group === undefined) {
      group = [];
      groups.set(key, group);
    }
    group.push(i);
  }
  return [...groups.values()].map((g) => Int32Array.from(g));
}

/** Applies `partition`; `schema` is the binder's output schema. */
export function applyPartition(
  relation: Relation, operator: Extract<Operator, { op: 'partition' }>, schema: readonly ColumnSchema[], run: RunContext, span: SourceSpan, runSubquery: PartitionRunner,
): Relation {
  const results: Relation[] = [];
  for (const positions of partitionsOf(relation, operator.by, run)) {
    pollCancel(run.cancel);
    const part = selectPositions(relation, positions);
    const byName = new Map(part.columns.map((c) => [c.name, c]));
    const columns = operator.subtable.schema.map((s) => {
      const column = byName.get(s.name);
      if (column === undefined) throw new EngineFailure(internalError(`partition input lacks column '${s.name}'`, span));
      return compactColumn(column);
    });
    const table: Table = { name: operator.subtable.name, schema: operator.subtable.schema, rowCount: part.rowCount, columns };
    results.push(runSubquery(operator.subquery, table));
  }
  return applyUnion(results, schema, run, span);
}
