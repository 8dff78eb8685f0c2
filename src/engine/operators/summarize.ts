/**
 * `summarize aggregates by keys`: rows are grouped (see grouping.ts), then every aggregate runs
 * over the whole batch through the init/add/result protocol. Output: the keys, then the aggregates.
 * Without keys there is exactly one row, even for an empty input.
 */
import type { AggregateCall, NamedExpr } from '../plan';
import type { Column } from '../table/column';
import { gatherColumn } from '../table/gather';
import { EngineFailure, unsupported } from '../errors';
import { evaluate } from '../functions/evaluate';
import { broadcast, pollCancel } from '../functions/vector';
import { AGGREGATES } from '../aggregates/registry';
import type { RelColumn, Relation, RunContext } from './relation';
import { columnSource } from './relation';
import { groupRows } from './grouping';

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
  const keys: Column[] = by.map((k) => broadcast(evaluate(k.expr, source), n));
  pollCancel(run.cancel);
  const grouping = groupRows(keys, n, run.cancel);
  const groupCount = by.length === 0 ? 1 : grouping.groupCount;
  const columns: RelColumn[] = by.map((k, i) => ({ name: k.name, data: gatherColumn(keys[i], grouping.firstRows), rows: null }));
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
