/**
 * `summarize aggregates by keys`: rows are grouped (keys become dense ids without building the
 * key columns where possible, see grouping.ts and keyIds.ts), then every aggregate runs over the
 * whole batch through the init/add/result protocol. The output key columns are the key
 * expressions evaluated on each group's first row only (keys are read chunk by chunk, see
 * keyReaders.ts). An aggregate argument written twice is evaluated once. Output: the keys,
 * then the aggregates.
 * Without keys there is exactly one row, even for an empty input.
 */
import type { AggregateCall, Expr, NamedExpr } from '../plan';
import type { Column } from '../table/column';
import { EngineFailure, unsupported } from '../errors';
import { evaluateKeepingExact } from '../functions/evaluate';
import { hasExactValues } from '../table/exactLong';
import { EXACT_LONG_AGGREGATES } from '../aggregates/exactLongAggregates';
import { pollCancel } from '../functions/vector';
import { AGGREGATES } from '../aggregates/registry';
import type { RelColumn, Relation, RunContext } from './relation';
import { columnSource, denseColumn, selectPositions } from './relation';
import type { Grouping } from './grouping';
import { groupByReaders } from './grouping';
import { keyReaderOf } from './keyReaders';

/** Functions whose calls must not be shared: two `rand()` are two draws. */
const NOT_SHARED: ReadonlySet<string> = new Set(['rand', 'new_guid']);

/** A literal's value as key text: numbers exactly (NaN, infinities, -0 included), 64-bit long literals by their digits, others as JSON. */
function literalKey(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? 'n:-0' : `n:${String(value)}`;
  if (typeof value === 'bigint') return `b:${value.toString()}`;
  return `j:${JSON.stringify(value)}`;
}

/**
 * A text equal for structurally equal expressions (spans ignored), or null when the expression
 * must not be shared (it calls a function in `NOT_SHARED`).
 */
function expressionKey(expr: Expr): string | null {
  const all = (exprs: readonly Expr[]): string | null => {
    const keys = exprs.map(expressionKey);
    return keys.includes(null) ? null : keys.join(',');
  };
  const wrap = (head: string, inner: string | null): string | null => (inner === null ? null : `${head}(${inner})`);
  switch (expr.kind) {
    case 'literal':
      return `lit:${expr.type}:${literalKey(expr.value)}`;
    case 'column':
      return `col:${expr.type}:${JSON.stringify(expr.name)}`;
    case 'unary':
      return wrap(`un:${expr.type}:${expr.op}`, expressionKey(expr.operand));
    case 'binary':
      return wrap(`bin:${expr.type}:${expr.op}`, all([expr.left, expr.right]));
    case 'in':
      return wrap(`in:${expr.type}:${expr.negated}:${expr.caseInsensitive}`, all([expr.operand, ...expr.values]));
    case 'between':
      return wrap(`between:${expr.type}:${expr.negated}`, all([expr.operand, expr.low, expr.high]));
    case 'call':
      return NOT_SHARED.has(expr.name) ? null : wrap(`call:${expr.type}:${expr.name}`, all(expr.args));
    default: {
      const never: never = expr;
      return never;
    }
  }
}

/** Groups the relation's rows by the key expressions. */
export function groupByExprs(relation: Relation, keys: readonly NamedExpr[], run: RunContext): Grouping {
  const source = columnSource(relation, run);
  const readers = keys.map((k) => {
    pollCancel(run.cancel);
    return keyReaderOf(k.expr, relation, source, run.cancel);
  });
  return groupByReaders(readers, relation.rowCount, run.cancel);
}

/**
 * The key columns of the groups: each key expression evaluated over the groups' first rows
 * (a key of exact 64-bit longs keeps its exact values).
 */
export function groupKeyColumns(relation: Relation, keys: readonly NamedExpr[], grouping: Grouping, run: RunContext): RelColumn[] {
  const firsts = selectPositions(relation, grouping.firstRows.slice(0, grouping.groupCount));
  const source = columnSource(firsts, run);
  return keys.map((k) => denseColumn(k.name, evaluateKeepingExact(k.expr, source), firsts.rowCount));
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
  // `avg(todouble(x)), percentile(todouble(x), 95)`: an argument written twice is evaluated once.
  const evaluated = new Map<string, Column>();
  const argument = (expr: Expr): Column => {
    const key = expressionKey(expr);
    if (key === null) return evaluateKeepingExact(expr, source);
    let column = evaluated.get(key);
    if (column === undefined) {
      column = evaluateKeepingExact(expr, source);
      evaluated.set(key, column);
    }
    return column;
  };
  aggregates.forEach((call, i) => {
    pollCancel(run.cancel);
    const impl = impls[i];
    const args = call.args.map(argument);
    // Exact 64-bit longs reach only the aggregates that read them exactly.
    const wide = args.findIndex(hasExactValues);
    if (wide >= 0 && !EXACT_LONG_AGGREGATES.has(call.fn)) {
      throw new EngineFailure(unsupported(`${call.fn}() of long values beyond ±2^53`, call.args[wide].span));
    }
    const state: unknown = impl.init(groupCount);
    impl.add(state, grouping.groupIds, n, args, run.cancel);
    columns.push({ name: call.name, data: impl.result(state, groupCount, call.type), rows: null });
  });
  return { rowCount: groupCount, columns };
}
