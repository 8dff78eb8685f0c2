/**
 * The run of a whole query: its statements in order (one result table each), `toscalar`
 * sub-queries evaluated on first use, and `shared` plan nodes (`let` values, `materialize()`,
 * `as` names) evaluated once for the whole run, across statements.
 *
 * Why module-level state: a shared node may be reached from any operator, and threading a memo
 * through every `RunContext` and operator would touch them all. The engine runs one query at a
 * time, synchronously, and the state is set and restored around the run.
 */
import type { QueryPlan, RenderSpec, Tabular } from '../plan';
import type { Catalog } from '../table/table';
import type { Column } from '../table/column';
import type { ResultTable } from '../result';
import { EngineFailure, internalError } from '../errors';
import { nullColumn, repeatRow } from '../table/gather';
import { withScalarResolver } from '../functions/toScalar';

let activeMemo: Map<Tabular, unknown> | null = null;

/** The value of a shared node: computed on its first use in the run, then reused. */
export function sharedResult<T>(node: Tabular, compute: () => T): T {
  const memo = activeMemo;
  if (memo === null) return compute();
  if (memo.has(node)) return memo.get(node) as T;
  const value = compute();
  memo.set(node, value);
  return value;
}

/** The parts of an execution result this module reads and builds. */
interface StatementResult {
  tables: ResultTable[];
  render?: RenderSpec;
}

/** Executes one single-statement plan (the executor's `executePlan`, passed in to keep the graph acyclic). */
type ExecuteOne<C> = (plan: QueryPlan, catalog: Catalog, ctx: C) => StatementResult;

/**
 * Executes every statement of `plan` in order; the result has one table per statement, named as
 * the plan says, and the `render` of the last statement that has one.
 */
export function executeStatements<C>(plan: QueryPlan, catalog: Catalog, ctx: C, executeOne: ExecuteOne<C>): StatementResult {
  const statements = plan.statements ?? [{ body: plan.body, name: 'PrimaryResult' }];
  const scalars = new Map((plan.scalars ?? []).map((s) => [s.id, s.input]));
  const scalarValues = new Map<number, Column>();
  const resolve = (id: number, span: { start: number; length: number }): Column => {
    const known = scalarValues.get(id);
    if (known !== undefined) return known;
    const input = scalars.get(id);
    if (input === undefined) throw new EngineFailure(internalError(`no toscalar sub-query ${id}`, span));
    const table = executeOne({ body: input }, catalog, ctx).tables[0];
    const value = table.rowCount > 0 ? repeatRow(table.data[0], 0, 1) : nullColumn(table.columns[0].type, 1);
    scalarValues.set(id, value);
    return value;
  };
  const previous = activeMemo;
  activeMemo = new Map();
  try {
    return withScalarResolver(resolve, () => {
      const tables: ResultTable[] = [];
      let render: RenderSpec | undefined;
      for (const statement of statements) {
        const result = executeOne({ body: statement.body }, catalog, ctx);
        tables.push({ ...result.tables[0], name: statement.name });
        render = result.render ?? render;
      }
      return render === undefined ? { tables } : { tables, render };
    });
  } finally {
    activeMemo = previous;
  }
}
