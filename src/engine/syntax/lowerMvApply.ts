/**
 * `mv-apply [with_itemindex=I] items [limit N] on (subquery)` (mv-apply-operator.md) to the
 * plan's `mv-apply`: the expansion becomes an `mv-expand` operator, and the subquery is
 * lowered with its implicit input bound to a placeholder table — the subtable of expanded rows,
 * whose columns are the input's, each expanded column retyped in place (new names appended,
 * then the item index). `context_id` is `E_UNSUPPORTED`.
 */
import type { MvApplyOperator, MvExpandOperator, MvExpansion, Tabular } from '../plan';
import type { ColumnSchema } from '../table/column';
import type { ScalarType } from '../types/scalarType';
import { parseScalarType } from '../types/scalarType';
import type { KExpression, KNode } from './kustoTypes';
import type { KMvApplyOperator } from './kustoSeriesTypes';
import { kustoLanguage } from './kustoLibrary';
import { splitNamed } from './lowerColumns';
import { lowerScalar } from './lowerScalar';
import { type LoweringContext, failUnsupported, listItems, schemaOf, separatedItems, spanOf } from './nodes';

/** Implicit inputs of the subqueries being lowered (innermost last). */
const implicitInputs: Tabular[] = [];
let subtableCount = 0;

/** The implicit input of the `mv-apply` subquery being lowered, or null outside one. */
export function currentImplicitInput(): Tabular | null {
  return implicitInputs.length === 0 ? null : implicitInputs[implicitInputs.length - 1];
}

/**
 * Runs `body` with `input` as the implicit input of the subquery it lowers (as `mv-apply` does
 * for its own subquery); `partition` uses it for its subquery too.
 */
export function withImplicitInput<T>(input: Tabular, body: () => T): T {
  implicitInputs.push(input);
  try {
    return body();
  } finally {
    implicitInputs.pop();
  }
}

/** The element type of `to typeof(t)` (dynamic without it). */
function itemType(ctx: LoweringContext, toTypeOf: KNode | null): ScalarType {
  if (toTypeOf === null) return 'dynamic';
  const span = spanOf(toTypeOf);
  const match = /typeof\s*\(\s*(\w+)\s*\)/.exec(ctx.text.slice(span.start, span.start + span.length));
  const type = match === null ? undefined : parseScalarType(match[1]);
  if (type === undefined) return failUnsupported(`mv-apply to ${match?.[1] ?? 'this type'}`, toTypeOf);
  return type;
}

/**
 * The expansion (as `mv-expand` does it) and the subtable's schema: the input's columns with
 * the expanded ones retyped in place or appended, then the item index.
 */
function lowerExpansion(ctx: LoweringContext, operator: KMvApplyOperator, input: readonly ColumnSchema[]): { expand: MvExpandOperator; schema: ColumnSchema[] } {
  const schema = input.map((c) => ({ ...c }));
  let itemIndex: string | null = null;
  for (const parameter of listItems(operator.Parameters)) {
    const name = parameter.Name.SimpleName.toLowerCase();
    if (name.startsWith('hint.')) continue;
    if (name !== 'with_itemindex') return failUnsupported(`mv-apply ${name}`, parameter);
    const index = parameter.Expression as KExpression & { SimpleName?: string };
    itemIndex = index.SimpleName ?? index.GetFirstToken()?.Text ?? null;
  }
  const expansions: MvExpansion[] = separatedItems(operator.Expressions).map((item) => {
    const { explicitName, expr } = splitNamed(item.Expression);
    const name = explicitName ?? kustoLanguage().KustoFacts.GetExpressionResultName(expr, null) ?? null;
    if (name === null || name === '') return failUnsupported('mv-apply of an unnamed expression', item);
    const type = itemType(ctx, item.ToTypeOf);
    const existing = schema.findIndex((c) => c.name === name);
    if (existing >= 0) schema[existing] = { name, type };
    else schema.push({ name, type });
    return { name, expr: lowerScalar(ctx, expr), type };
  });
  if (itemIndex !== null) schema.push({ name: itemIndex, type: 'long' });
  const limitClause = operator.RowLimitClause;
  const limit = limitClause === null ? null : lowerScalar(ctx, limitClause.RowLimit);
  return { expand: { op: 'mv-expand', expansions, bagAsArray: false, itemIndex, limit }, schema };
}

/** `T | mv-apply ...`. `lowerSubquery` lowers the subquery (a tabular expression). */
export function lowerMvApply(
  ctx: LoweringContext, pipe: KExpression, operator: KMvApplyOperator, input: Tabular,
  lowerSubquery: (ctx: LoweringContext, expr: KExpression) => Tabular,
): Tabular {
  if (operator.ContextIdClause !== null) return failUnsupported('mv-apply context_id', operator.ContextIdClause);
  const { expand, schema } = lowerExpansion(ctx, operator, input.schema);
  const span = spanOf(operator);
  const name = `$mv_apply_subtable_${++subtableCount}$`;
  implicitInputs.push({ kind: 'table', name, schema, span });
  let subquery: Tabular;
  try {
    subquery = lowerSubquery(ctx, operator.Subquery.Expression);
  } finally {
    implicitInputs.pop();
  }
  const op: MvApplyOperator = { op: 'mv-apply', expand, subtable: { name, schema }, subquery };
  return { kind: 'pipe', input, operator: op, schema: schemaOf(pipe), span };
}
