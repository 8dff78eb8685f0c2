/**
 * `lookup [kind=leftouter|inner] (Right) on keys` (lookup-operator.md) on the plan's `join`:
 * a `join` of the same kind whose right key columns get hidden names, then a `project` to the
 * binder's lookup schema — the left columns, then the right columns other than its keys (renamed
 * by the binder on clashes: `Value1`). So the keys appear once, as the docs say, and the join
 * kernel does the matching (null keys never match; an unmatched left row keeps nulls on the right
 * in `leftouter`).
 */
import type { JoinKey, JoinKind, NamedExpr, Tabular } from '../plan';
import type { ColumnSchema } from '../table/column';
import type { KExpression } from './kustoTypes';
import type { KLookupOperator } from './kustoOperators2Types';
import { collectKeys } from './lowerJoin';
import { type LoweringContext, failUnsupported, isNode, listItems, schemaOf, separatedItems, spanOf } from './nodes';

function lookupKind(operator: KLookupOperator): JoinKind {
  let kind: JoinKind = 'leftouter';
  for (const parameter of listItems(operator.Parameters)) {
    const name = parameter.Name.SimpleName;
    if (name.toLowerCase().startsWith('hint.')) continue;
    const value = parameter.Expression.GetFirstToken()?.Text ?? '';
    if (name === 'kind' && (value === 'leftouter' || value === 'inner')) kind = value;
    else failUnsupported(`lookup ${name}=${value}`, parameter);
  }
  return kind;
}

/** `T | lookup ...`; `lowerRight` lowers the right-hand tabular expression. */
export function lowerLookup(
  ctx: LoweringContext, pipe: KExpression, operator: KLookupOperator, input: Tabular,
  lowerRight: (ctx: LoweringContext, expr: KExpression) => Tabular,
): Tabular {
  const kind = lookupKind(operator);
  const clause = operator.LookupClause;
  if (!isNode(clause, 'JoinOnClause')) return failUnsupported('lookup ... where', clause);
  const keys: JoinKey[] = [];
  for (const condition of separatedItems(clause.Expressions)) collectKeys(condition, keys);
  if (keys.length === 0) return failUnsupported('lookup without keys', clause);
  const right = lowerRight(ctx, operator.Expression);
  const schema = schemaOf(pipe);
  const span = spanOf(operator);
  const rightKeys = new Set(keys.map((k) => k.right));
  // The lookup schema lists the right's non-key columns, in order, after the left's.
  let next = input.schema.length;
  const rightNames: ColumnSchema[] = right.schema.map((c, i) => {
    if (rightKeys.has(c.name)) return { name: `$lookup_key_${i}`, type: c.type };
    const named = schema[next++] as ColumnSchema | undefined;
    if (named === undefined) return failUnsupported('lookup with this right side', operator.Expression);
    return { name: named.name, type: c.type };
  });
  if (next !== schema.length) return failUnsupported('lookup with this right side', operator.Expression);
  const joinSchema = [...input.schema, ...rightNames];
  const joined: Tabular = { kind: 'pipe', input, operator: { op: 'join', kind, right, keys }, schema: joinSchema, span };
  const columns: NamedExpr[] = schema.map((c) => ({ name: c.name, expr: { kind: 'column', name: c.name, type: c.type, span } }));
  return { kind: 'pipe', input: joined, operator: { op: 'project', columns }, schema, span };
}
