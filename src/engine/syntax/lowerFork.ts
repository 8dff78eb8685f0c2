/**
 * `fork` (fork-operator.md) and `facet` (facet-operator.md): operators whose result is several
 * tables. Kusto.Language types such a pipe as a group of tables, so it is lowered at the level of
 * query statements: the input becomes one `shared` plan node (evaluated once per run) and every
 * result table becomes one statement over it.
 * - `fork`: one table per subquery, in order, named by `name=(...)` or by the subquery's final
 *   `as Name`, otherwise `GenericResult` (the page's tab name for unnamed subqueries).
 * - `facet by c1, c2 [with (pipe)]`: the `with` subquery's table first (named `GenericResult` as an
 *   unnamed fork result), then per column `summarize count_c = count() by c` over the whole input,
 *   named after the column; the binder gives the columns (`c`, `count_c`).
 * Each subquery reads the input through the implicit-input placeholder, as `mv-apply` subqueries do.
 */
import type { Tabular } from '../plan';
import type { ColumnSchema } from '../table/column';
import type { BridgeList, KExpression, KTypeSymbol } from './kustoTypes';
import { isOperators4Node, type KFacetOperator, type KForkOperator } from './kustoOperators4Types';
import { shareTabular } from './lowerLet';
import { withImplicitInput } from './lowerMvApply';
import { lowerScalar } from './lowerScalar';
import { type LoweringContext, failInternal, failUnsupported, isNode, listItems, scalarTypeOfSymbol, separatedItems, spanOf } from './nodes';

/** One result table of a `fork` or `facet` statement. */
export interface MultiResultTable {
  readonly body: Tabular;
  readonly name: string;
}

/** Lowers a tabular expression (the engine's `lowerTabular`, passed in to keep the module graph acyclic). */
type LowerTabular = (ctx: LoweringContext, expr: KExpression) => Tabular;

/** The name Kusto gives an unnamed subquery result (fork-operator.md's result tabs). */
export const UNNAMED_SUBQUERY_RESULT = 'GenericResult';

let forkInputCount = 0;

/** The name a subquery gives its result with a final `| as Name`, if any. */
function finalAsName(expr: KExpression): string | undefined {
  let current = expr;
  while (isNode(current, 'ParenthesizedExpression')) current = current.Expression;
  return isNode(current, 'PipeExpression') && isNode(current.Operator, 'AsOperator') ? current.Operator.Name.SimpleName : undefined;
}

/** True when `operator` is `fork` or `facet`: a pipe that yields several tables. */
export function isMultiResultOperator(operator: KExpression): boolean {
  return isOperators4Node(operator, 'ForkOperator') || isOperators4Node(operator, 'FacetOperator');
}

/** A group of tables, as the binder types `fork` and `facet` (`GroupSymbol`). */
interface KGroupType extends KTypeSymbol {
  readonly Members?: BridgeList<KTypeSymbol>;
}

/** The columns of the `index`-th table of the binder's group type for a `facet` pipe. */
function groupMemberSchema(pipe: KExpression, index: number, at: KExpression): ColumnSchema[] {
  const group = pipe.ResultType as KGroupType | null;
  const member = listItems(group?.Members)[index];
  if (member?.Columns === undefined) return failInternal('facet: the binder gave no table for this column', at);
  return listItems(member.Columns).map((c) => {
    const type = scalarTypeOfSymbol(c.Type);
    return type === undefined ? failInternal(`facet: column ${c.Name} has no scalar type`, at) : { name: c.Name, type };
  });
}

function lowerFork(ctx: LoweringContext, operator: KForkOperator, input: Tabular, lower: LowerTabular): MultiResultTable[] {
  return listItems(operator.Expressions).map((branch) => {
    const body = withImplicitInput(input, () => lower(ctx, branch.Expression));
    const name = branch.NameEquals?.Name.SimpleName ?? finalAsName(branch.Expression) ?? UNNAMED_SUBQUERY_RESULT;
    return { body, name };
  });
}

function lowerFacet(ctx: LoweringContext, pipe: KExpression, operator: KFacetOperator, input: Tabular, lower: LowerTabular): MultiResultTable[] {
  const tables: MultiResultTable[] = [];
  const withClause = operator.WithClause;
  if (withClause !== null) {
    const subquery = isOperators4Node(withClause, 'FacetWithExpressionClause') ? withClause.Expression
      : isOperators4Node(withClause, 'FacetWithOperatorClause') ? withClause.Operator : null;
    if (subquery === null) return failUnsupported('facet with this clause', withClause);
    tables.push({ body: withImplicitInput(input, () => lower(ctx, subquery)), name: finalAsName(subquery) ?? UNNAMED_SUBQUERY_RESULT });
  }
  const firstFacet = withClause === null ? 0 : 1;
  separatedItems(operator.Expressions).forEach((expr, i) => {
    const schema = groupMemberSchema(pipe, firstFacet + i, expr);
    if (schema.length !== 2) return failInternal('facet: the binder gave other than two columns', expr);
    const [key, count] = schema;
    const span = spanOf(expr);
    const rowCtx = { ...ctx, rowColumns: input.schema };
    tables.push({
      name: key.name,
      body: {
        kind: 'pipe', input, schema, span,
        operator: {
          op: 'summarize',
          aggregates: [{ fn: 'count', args: [], name: count.name, type: count.type, span }],
          by: [{ name: key.name, expr: lowerScalar(rowCtx, expr) }],
        },
      },
    });
  });
  return tables;
}

/**
 * A query statement `T | fork ...` or `T | facet ...` as its result tables, or null for any other
 * statement body.
 */
export function lowerMultiResultStatement(ctx: LoweringContext, body: KExpression, lower: LowerTabular): MultiResultTable[] | null {
  if (!isNode(body, 'PipeExpression')) return null;
  const operator = body.Operator;
  if (!isMultiResultOperator(operator)) return null;
  const input = shareTabular(`$fork_input_${++forkInputCount}$`, lower(ctx, body.Expression));
  if (isOperators4Node(operator, 'ForkOperator')) return lowerFork(ctx, operator, input, lower);
  if (isOperators4Node(operator, 'FacetOperator')) return lowerFacet(ctx, body, operator, input, lower);
  return null;
}
