/**
 * `evaluate rolling_percentile(...)`, `sliding_window_counts(...)`, `activity_counts_metrics(...)`
 * and `active_users_count(...)`, lowered to one `window-plugin` node each
 * (`operators/plugins/windowPlugins.ts`). The binder checks the arguments (column names where the
 * pages ask for columns, summable constants elsewhere) and computes the output schema; the
 * arguments after the fixed ones are the dimension columns. `rolling_percentile`'s index column is
 * handed over as `bin(IndexColumn, BinSize)`, so its bins are the engine's `bin()`.
 */
import type { Expr, Tabular, WindowPlugin } from '../plan';
import type { KExpression } from './kustoTypes';
import type { KEvaluateOperator } from './kustoSeriesTypes';
import { lowerScalar } from './lowerScalar';
import { type LoweringContext, failUnsupported, schemaOf, separatedItems, spanOf } from './nodes';

/** The plugins this file lowers, with their number of fixed (non-dimension) arguments. */
const FIXED_ARGUMENTS = {
  rolling_percentile: 5,
  sliding_window_counts: 6,
  activity_counts_metrics: 5,
  active_users_count: 8,
} as const;

/** A plugin `lowerWindowPlugin` handles. */
export type WindowPluginName = keyof typeof FIXED_ARGUMENTS;

/** The names of the plugins `lowerWindowPlugin` handles. */
export const WINDOW_PLUGIN_NAMES = Object.keys(FIXED_ARGUMENTS) as readonly WindowPluginName[];

/** An argument that must name a column of the input. */
function columnArgument(ctx: LoweringContext, arg: KExpression): Expr {
  const expr = lowerScalar(ctx, arg);
  return expr.kind === 'column' ? expr : failUnsupported('a window plugin argument other than a column name', arg);
}

function pluginOf(name: WindowPluginName, args: readonly Expr[], column: (i: number) => Expr, indexType: Expr['type']): WindowPlugin {
  switch (name) {
    case 'rolling_percentile': {
      const index = column(2);
      const binnedIndex: Expr = { kind: 'call', name: 'bin', args: [index, args[3]], type: indexType, span: index.span };
      return { name, value: column(0), percent: args[1], binnedIndex, binSize: args[3], binsPerWindow: args[4] };
    }
    case 'sliding_window_counts':
      return { name, id: column(0), timeline: column(1), start: args[2], end: args[3], lookback: args[4], bin: args[5] };
    case 'activity_counts_metrics':
      return { name, id: column(0), timeline: column(1), start: args[2], end: args[3], step: args[4] };
    case 'active_users_count':
      return {
        name, id: column(0), timeline: column(1), start: args[2], end: args[3],
        lookback: args[4], period: args[5], activePeriods: args[6], bin: args[7],
      };
    default: {
      const never: never = name;
      return never;
    }
  }
}

/** Lowers `T | evaluate <window plugin>(...)` as the module comment describes. */
export function lowerWindowPlugin(ctx: LoweringContext, pipe: KExpression, operator: KEvaluateOperator, input: Tabular, name: WindowPluginName): Tabular {
  const call = operator.FunctionCall;
  if (operator.Schema !== null) return failUnsupported(`${name} with an output schema`, operator.Schema);
  const syntax = separatedItems(call.ArgumentList.Expressions);
  const fixed = FIXED_ARGUMENTS[name];
  if (syntax.length < fixed) return failUnsupported(`${name} with fewer than ${fixed} arguments`, call);
  const args = syntax.slice(0, fixed).map((a) => lowerScalar(ctx, a));
  const column = (i: number): Expr => (args[i].kind === 'column' ? args[i] : failUnsupported(`${name} argument ${i + 1} other than a column name`, syntax[i]));
  const dims = syntax.slice(fixed).map((a) => columnArgument(ctx, a));
  const schema = schemaOf(pipe);
  if (schema.length < 1 + dims.length + 1) return failUnsupported(`${name} with this output schema`, call);
  const plugin = pluginOf(name, args, column, schema[0].type);
  return { kind: 'pipe', input, operator: { op: 'window-plugin', plugin, dims }, schema, span: spanOf(operator) };
}
