/**
 * `evaluate` plugins: one dispatch table (`PLUGIN_LOWERINGS`, whose names are
 * `SUPPORTED_EVALUATE_PLUGINS`) over the `lowerPlugins*.ts` files. Here: `bag_unpack(column [, prefix])` with an output schema
 * (`T | evaluate bag_unpack(d) : (a:long, b:string)`), lowered to a `project`: every output
 * column is the bag's slot of that name (minus the prefix) converted to the column's type
 * (bag-unpack-plugin.md: with a schema and no `*`, only the schema's columns are returned; `: (*, ...)`
 * keeps the input's columns first, see `lowerBagUnpackWithStar`). Without an output
 * schema the columns come from the data (`lowerPluginsBagUnpack.ts`).
 */
import type { Expr, NamedExpr, Tabular } from '../plan';
import type { ScalarType } from '../types/scalarType';
import type { SourceSpan } from '../errors';
import { DYNAMIC_ACCESS_FUNCTION } from '../functions/dynamicAccess';
import type { KExpression } from './kustoTypes';
import type { KEvaluateOperator } from './kustoSeriesTypes';
import { lowerBagUnpackFromData, lowerBagUnpackWithStar } from './lowerPluginsBagUnpack';
import { lowerIpv4Lookup } from './lowerPluginsIpv4Lookup';
import { lowerPivot } from './lowerPluginsPivot';
import { lowerRowsNear } from './lowerPluginsRowsNear';
import { lowerDcountIntersect } from './lowerPluginsDcountIntersect';
import { WINDOW_PLUGIN_NAMES, lowerWindowPlugin } from './lowerPluginsWindow';
import { lowerNarrow } from './lowerPluginsNarrow';
import { type LoweringContext, failUnsupported, isNode, kindName, listItems, schemaOf, separatedItems, spanOf } from './nodes';

/** The conversion function that turns a dynamic value into each column type. */
function conversionOf(type: ScalarType): string | null {
  switch (type) {
    case 'bool': return 'tobool';
    case 'int': return 'toint';
    case 'long': return 'tolong';
    case 'real': return 'todouble';
    case 'decimal': return 'todecimal';
    case 'datetime': return 'todatetime';
    case 'timespan': return 'totimespan';
    case 'string': return 'tostring';
    case 'guid': return 'toguid';
    case 'dynamic': return null;
    default: {
      const never: never = type;
      return never;
    }
  }
}

/** `tostring(bag["key"])` (or the conversion of `type`): a bag's slot as a column of `type`. */
export function property(bag: Expr, key: string, type: ScalarType, span: SourceSpan): Expr {
  const access: Expr = {
    kind: 'call', name: DYNAMIC_ACCESS_FUNCTION, type: 'dynamic', span,
    args: [bag, { kind: 'literal', type: 'string', value: key, span }],
  };
  const convert = conversionOf(type);
  return convert === null ? access : { kind: 'call', name: convert, args: [access], type, span };
}

function lowerBagUnpack(ctx: LoweringContext, pipe: KExpression, operator: KEvaluateOperator, input: Tabular): Tabular {
  const call = operator.FunctionCall;
  const args = separatedItems(call.ArgumentList.Expressions);
  if (operator.Schema === null) return lowerBagUnpackFromData(ctx, pipe, operator, input);
  if (args.length > 2) return failUnsupported('bag_unpack with columnsConflict or ignoredProperties', args[2]);
  const column = args[0];
  if (column === undefined || !isNode(column, 'NameReference')) return failUnsupported('bag_unpack of an expression', column ?? call);
  const bagColumn = input.schema.find((c) => c.name === column.SimpleName);
  if (bagColumn === undefined) return failUnsupported('bag_unpack of this column', column);
  let prefix = '';
  if (args.length === 2) {
    if (kindName(args[1]) !== 'StringLiteralExpression') return failUnsupported('bag_unpack with a computed prefix', args[1]);
    prefix = args[1].LiteralValueInfo?.ValueText ?? '';
  }
  const span = spanOf(operator);
  const bag: Expr = { kind: 'column', name: bagColumn.name, type: bagColumn.type, span };
  const schema = schemaOf(pipe);
  // Every listed output column is a slot of the bag.
  const columns: NamedExpr[] = schema.map((c) => {
    const key = prefix !== '' && c.name.startsWith(prefix) ? c.name.slice(prefix.length) : c.name;
    return { name: c.name, expr: property(bag, key, c.type, span) };
  });
  const schemaSpan = spanOf(operator.Schema);
  if (/^:?\s*\(\s*\*/.test(ctx.text.slice(schemaSpan.start, schemaSpan.start + schemaSpan.length))) {
    return lowerBagUnpackWithStar(pipe, operator.Schema, input, bagColumn.name, columns, schema);
  }
  return { kind: 'pipe', input, operator: { op: 'project', columns }, schema, span };
}

/** How one plugin's `T | evaluate plugin(...)` lowers. */
type PluginLowering = (ctx: LoweringContext, pipe: KExpression, operator: KEvaluateOperator, input: Tabular) => Tabular;

/** The dispatch of `lowerEvaluate`: every plugin the engine implements, by name. */
const PLUGIN_LOWERINGS: ReadonlyMap<string, PluginLowering> = new Map<string, PluginLowering>([
  ['bag_unpack', lowerBagUnpack],
  ['narrow', lowerNarrow],
  ['ipv4_lookup', lowerIpv4Lookup],
  ['pivot', lowerPivot],
  ['rows_near', lowerRowsNear],
  ['dcount_intersect', lowerDcountIntersect],
  ...WINDOW_PLUGIN_NAMES.map((name): [string, PluginLowering] => [name, (ctx, pipe, operator, input) => lowerWindowPlugin(ctx, pipe, operator, input, name)]),
]);

/**
 * The `evaluate` plugins the engine implements: the keys of `lowerEvaluate`'s own dispatch, so the
 * KQL coverage table cannot drift from what runs.
 */
export const SUPPORTED_EVALUATE_PLUGINS: ReadonlySet<string> = new Set(PLUGIN_LOWERINGS.keys());

/** `T | evaluate plugin(...)` for the plugins in `SUPPORTED_EVALUATE_PLUGINS`; any other answers "not supported yet". */
export function lowerEvaluate(ctx: LoweringContext, pipe: KExpression, operator: KEvaluateOperator, input: Tabular): Tabular {
  if (listItems(operator.Parameters).some((p) => !p.Name.SimpleName.toLowerCase().startsWith('hint.'))) {
    return failUnsupported('evaluate parameters', operator.EvaluateKeyword);
  }
  const name = operator.FunctionCall.Name.SimpleName;
  const lowering = PLUGIN_LOWERINGS.get(name);
  if (lowering === undefined) return failUnsupported(`evaluate ${name}`, operator.FunctionCall.Name);
  return lowering(ctx, pipe, operator, input);
}
