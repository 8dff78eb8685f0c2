/**
 * `mv-expand` to the plan's `mv-expand` operator: the expanded expressions with their output
 * names and types (from the binder), `kind=`/`bagexpansion=`, `with_itemindex=` and `limit`.
 */
import type { MvExpandOperator, MvExpansion } from '../plan';
import type { ColumnSchema } from '../table/column';
import type { KMvExpandOperator, KNamedParameter } from './kustoTypes';
import { kustoLanguage } from './kustoLibrary';
import { splitNamed } from './lowerColumns';
import { type LoweringContext, failUnsupported, isNode, listItems, scalarTypeOf, separatedItems } from './nodes';

function parameterValue(parameter: KNamedParameter): string {
  const value = parameter.Expression;
  if (isNode(value, 'NameReference')) return value.SimpleName;
  const declared = value as unknown as { SimpleName?: string };
  return declared.SimpleName ?? value.GetFirstToken()?.Text ?? '';
}

/** Lowers `mv-expand`; `output` is the binder's schema of the result. */
export function lowerMvExpand(ctx: LoweringContext, operator: KMvExpandOperator, output: readonly ColumnSchema[]): MvExpandOperator {
  let bagAsArray = false;
  let itemIndex: string | null = null;
  for (const parameter of listItems(operator.Parameters)) {
    const name = parameter.Name.SimpleName.toLowerCase();
    const value = parameterValue(parameter);
    if (name.startsWith('hint.')) continue;
    if ((name === 'kind' || name === 'bagexpansion') && (value === 'bag' || value === 'array')) bagAsArray = value === 'array';
    else if (name === 'with_itemindex') itemIndex = value;
    else failUnsupported(`mv-expand ${name}=${value}`, parameter);
  }
  const outputNames = new Set(output.map((c) => c.name));
  const expansions: MvExpansion[] = separatedItems(operator.Expressions).map((element) => {
    const { explicitName, expr } = splitNamed(element.Expression);
    const name = explicitName ?? kustoLanguage().KustoFacts.GetExpressionResultName(expr, null) ?? '';
    if (!outputNames.has(name)) return failUnsupported('mv-expand of an unnamed expression', element);
    const type = scalarTypeOf(element);
    return { name, expr: ctx.lets.lower.scalar(ctx, expr), type };
  });
  const limitClause = operator.RowLimitClause;
  const limit = limitClause === null ? null : ctx.lets.lower.scalar(ctx, limitClause.RowLimit);
  return { op: 'mv-expand', expansions, bagAsArray, itemIndex, limit };
}
