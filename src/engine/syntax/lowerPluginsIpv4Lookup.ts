/**
 * `T | evaluate ipv4_lookup(Lookup, SourceIPv4Key, IPv4LookupKey [, ExtraKey ...] [, return_unmatched])`
 * (ipv4-lookup-plugin.md) to an `ipv4-lookup` node (`operators/plugins/ipv4Lookup.ts`). The binder's
 * schema lists the input's columns, then the lookup's columns other than the extra keys (renamed on
 * clashes: `ip1`), which is how the output names of the lookup columns are read.
 */
import type { Ipv4LookupOperator, Tabular } from '../plan';
import type { KExpression } from './kustoTypes';
import type { KEvaluateOperator } from './kustoSeriesTypes';
import { lowerScalar } from './lowerScalar';
import { type LoweringContext, failUnsupported, isNode, schemaOf, separatedItems, spanOf } from './nodes';

/** The column a key argument names (a plain column reference of type string for the IPv4 keys). */
function columnName(arg: KExpression | undefined, fallback: KExpression): string {
  if (arg === undefined || !isNode(arg, 'NameReference')) return failUnsupported('ipv4_lookup with a computed key', arg ?? fallback);
  return arg.SimpleName;
}

/** `true`/`false` (positional, or `return_unmatched = ...`). */
function returnUnmatchedOf(ctx: LoweringContext, arg: KExpression): boolean {
  const value = lowerScalar(ctx, isNode(arg, 'SimpleNamedExpression') ? arg.Expression : arg);
  if (value.kind === 'literal' && typeof value.value === 'boolean') return value.value;
  return failUnsupported('ipv4_lookup with a computed return_unmatched', arg);
}

/** Lowers `T | evaluate ipv4_lookup(...)` as the module comment describes. */
export function lowerIpv4Lookup(ctx: LoweringContext, pipe: KExpression, operator: KEvaluateOperator, input: Tabular): Tabular {
  const call = operator.FunctionCall;
  const args = separatedItems(call.ArgumentList.Expressions);
  if (args.length < 3) return failUnsupported('ipv4_lookup with fewer than 3 arguments', call);
  const last = args[args.length - 1];
  // Extra keys are column references; anything else last is the flag (`true`, `return_unmatched = true`).
  const hasFlag = args.length > 3 && !isNode(last, 'NameReference');
  const returnUnmatched = hasFlag ? returnUnmatchedOf(ctx, last) : false;
  const lookup = ctx.lets.lower.tabular(ctx, args[0]);
  const sourceKey = columnName(args[1], call);
  const lookupKey = columnName(args[2], call);
  const extraKeys = args.slice(3, hasFlag ? -1 : undefined).map((arg) => columnName(arg, call));
  const isString = (schema: readonly { name: string; type: string }[], name: string) => schema.some((c) => c.name === name && c.type === 'string');
  if (!isString(input.schema, sourceKey)) return failUnsupported('ipv4_lookup of a key that is not a string column', args[1]);
  if (!isString(lookup.schema, lookupKey)) return failUnsupported('ipv4_lookup of a key that is not a string column', args[2]);
  const schema = schemaOf(pipe);
  // The binder lists the lookup's non-extra-key columns, in order, after the input's.
  let next = input.schema.length;
  const lookupNames = lookup.schema.map((c) => (extraKeys.includes(c.name) ? null : schema[next++]?.name ?? null));
  if (next !== schema.length || lookupNames.filter((n) => n !== null).length !== lookup.schema.length - extraKeys.length) {
    return failUnsupported('ipv4_lookup with this lookup table', args[0]);
  }
  const node: Ipv4LookupOperator = { op: 'ipv4-lookup', lookup, sourceKey, lookupKey, extraKeys, lookupNames, returnUnmatched };
  return { kind: 'pipe', input, operator: node, schema, span: spanOf(operator) };
}
