/**
 * `summarize aggregates by keys`: rows are grouped (keys become dense ids without building the
 * key columns where possible, see grouping.ts and keyIds.ts), then every aggregate runs over the
 * whole batch through the init/add/result protocol. The output key columns are the key
 * expressions evaluated on each group's first row only. Output: the keys, then the aggregates.
 * Without keys there is exactly one row, even for an empty input.
 */
import type { AggregateCall, NamedExpr } from '../plan';
import { EngineFailure, unsupported } from '../errors';
import { evaluate } from '../functions/evaluate';
import { pollCancel } from '../functions/vector';
import { AGGREGATES } from '../aggregates/registry';
import type { RelColumn, Relation, RunContext } from './relation';
import { columnSource, denseColumn, selectPositions } from './relation';
import type { Grouping } from './grouping';
import { groupByIds } from './grouping';
import { keyIdsOf } from './keyIds';

/** Groups the relation's rows by the key expressions. */
export function groupByExprs(relation: Relation, keys: readonly NamedExpr[], run: RunContext): Grouping {
  const source = columnSource(relation, run);
  const ids = keys.map((k) => {
    pollCancel(run.cancel);
    return keyIdsOf(k.expr, relation, source, run.cancel);
  });
  return groupByIds(ids, relation.rowCount, run.cancel);
}

/** The key columns of the groups: each key expression evaluated over the groups' first rows. */
export function groupKeyColumns(relation: Relation, keys: readonly NamedExpr[], grouping: Grouping, run: RunContext): RelColumn[] {
  const firsts = selectPositions(relation, grouping.firstRows.slice(0, grouping.groupCount));
  const source = columnSource(firsts, run);
  return keys.map((k) => denseColumn(k.name, evaluate(k.expr, source), firsts.rowCount));
}

/** Applies `summarize`. */
export function applySummarize(relation: Relation, aggregates: readonly AggregateCall[], by: readonly NamedExpr[], run: RunContext): Relation {
  const source = columnSource(relation, run);
  const n = relation.rowCount;
  // Resolve the aggregates first so an unsupported one fails before any work.
  const impls = aggregates.map((call) => {
    const impl = AGGREGATES.get(call.fn);
    if (impl === undefined) throw new EngineFailure(unsupported(`aggregate ${call.fn}()`, call.span));
    return impl;
  });
  const grouping = groupByExprs(relation, by, run);
  const groupCount = by.length === 0 ? 1 : grouping.groupCount;
  const columns: RelColumn[] = groupKeyColumns(relation, by, grouping, run);
  aggregates.forEach((call, i) => {
    pollCancel(run.cancel);
    const impl = impls[i];
    const args = call.args.map((a) => evaluate(a, source));
    const state: unknown = impl.init(groupCount);
    impl.add(state, grouping.groupIds, n, args, run.cancel);
    columns.push({ name: call.name, data: impl.result(state, groupCount, call.type), rows: null });
  });
  return { rowCount: groupCount, columns };
}
