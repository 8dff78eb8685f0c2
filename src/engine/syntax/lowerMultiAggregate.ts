/**
 * Aggregates that yield several columns: `arg_max(x, a, b)`, `arg_min(x, *)`, `take_any(a, b)`,
 * `take_any(*)` (also under `(n1, n2) = ...`). The plan's `AggregateCall` has one output
 * column, so one call becomes one call per output column, named and typed by the binder:
 * - `arg_max(x, v...)`: `arg_max` with args `[x]` for the first column, `[x, v]` for each other
 *   (every column picks the same row, see `aggregates/argExtreme.ts`);
 * - `take_any(v...)` with several columns or `*`: the internal first-row aggregate per column.
 * A `*` stands for the input columns the binder lists in its place (matched by name).
 */
import type { AggregateCall, Expr } from '../plan';
import type { ColumnSchema } from '../table/column';
import { TAKE_ANY_ROW } from '../aggregates/firstRow';
import type { KExpression, KFunctionCallExpression } from './kustoTypes';
import { lowerScalar } from './lowerScalar';
import { type LoweringContext, failUnsupported, isNode, separatedItems, spanOf } from './nodes';

/** The per-output-column value expressions of the call's arguments (a `*` expands to several). */
function valueColumns(
  ctx: LoweringContext, args: readonly KExpression[], outputs: readonly ColumnSchema[], input: readonly ColumnSchema[], call: KFunctionCallExpression,
): Expr[] {
  const starCount = outputs.length - args.filter((a) => !isNode(a, 'StarExpression')).length;
  const values: Expr[] = [];
  for (const arg of args) {
    if (!isNode(arg, 'StarExpression')) {
      values.push(lowerScalar(ctx, arg));
      continue;
    }
    const span = spanOf(arg);
    for (let k = 0; k < starCount; k++) {
      const name = outputs[values.length]?.name;
      const column = input.find((c) => c.name === name);
      if (column === undefined) return failUnsupported(`${call.Name.SimpleName}(*) with renamed columns`, arg);
      values.push({ kind: 'column', name: column.name, type: column.type, span });
    }
  }
  if (values.length !== outputs.length) return failUnsupported(`${call.Name.SimpleName} with several columns`, call.Name);
  return values;
}

/**
 * One call per output column for the multi-column aggregates, or null when `fn` is not one of
 * them (or is a one-column `take_any(x)`, which keeps its own non-null preference).
 */
export function lowerMultiColumnAggregate(
  ctx: LoweringContext, call: KFunctionCallExpression, outputs: readonly ColumnSchema[], input: readonly ColumnSchema[],
): AggregateCall[] | null {
  const fn = call.Name.SimpleName;
  const args = separatedItems(call.ArgumentList.Expressions);
  const span = spanOf(call);
  if (fn === 'arg_max' || fn === 'arg_min') {
    const [key, ...rest] = args;
    if (key === undefined || isNode(key, 'StarExpression')) return failUnsupported(`${fn}(*)`, call.Name);
    const x = lowerScalar(ctx, key);
    const first = outputs[0];
    const values = rest.length === 0 ? [] : valueColumns(ctx, rest, outputs.slice(1), input, call);
    return [
      { fn, args: [x], name: first.name, type: first.type, span },
      ...values.map((v, i) => ({ fn, args: [x, v], name: outputs[i + 1].name, type: outputs[i + 1].type, span })),
    ];
  }
  if ((fn === 'take_any' || fn === 'any') && (outputs.length > 1 || args.some((a) => isNode(a, 'StarExpression')))) {
    const values = valueColumns(ctx, args, outputs, input, call);
    return values.map((v, i) => ({ fn: TAKE_ANY_ROW, args: [v], name: outputs[i].name, type: outputs[i].type, span }));
  }
  return null;
}
