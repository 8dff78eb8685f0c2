/**
 * `scan [with_match_id=Id] [declare (c: type [= default], ...)] with (step ...;)` (scan-operator.md)
 * to the plan's `scan` operator (executed by `operators/scan.ts`). Supported: `output=all` (the
 * default) and `output=none`; `output=last`, the `order by` / `partition by` clauses and other
 * parameters are `E_UNSUPPORTED`.
 */
import type { Expr, NamedExpr, ScanDeclaredColumn, ScanStep, Tabular } from '../plan';
import type { ScalarType } from '../types/scalarType';
import { convertCapture } from '../operators/parseValues';
import type { KExpression, KNode } from './kustoTypes';
import type { KScanOperator, KScanStep } from './kustoOperators2Types';
import { lowerScalar } from './lowerScalar';
import { withScanSteps } from './scanScope';
import { type LoweringContext, failUnsupported, isNode, listItems, scalarTypeOfSymbol, schemaOf, separatedItems, spanOf } from './nodes';

function outputOf(ctx: LoweringContext, step: KScanStep): ScanStep['output'] {
  if (step.ScanStepOutput === null) return 'all';
  const span = spanOf(step.ScanStepOutput);
  const value = /output\s*=\s*(\w+)/i.exec(ctx.text.slice(span.start, span.start + span.length))?.[1]?.toLowerCase();
  if (value === 'all' || value === 'none') return value;
  return failUnsupported(`scan output=${value ?? ''}`, step.ScanStepOutput);
}

/**
 * A declared column's default value. The binder leaves literals in `declare (...)` untyped, so a
 * literal is read as the declared type (as `parse` reads its captures).
 */
function lowerDefault(ctx: LoweringContext, value: KExpression, type: ScalarType): Expr {
  const text = value.IsLiteral ? value.LiteralValueInfo?.ValueText ?? null : null;
  if (text === null || scalarTypeOfSymbol(value.ResultType) !== undefined) return lowerScalar(ctx, value);
  const converted = text.trim().toLowerCase() === 'null' ? null : convertCapture(type, text);
  if (converted === undefined) return failUnsupported('scan declare default of this form', value);
  return { kind: 'literal', type, value: converted, span: spanOf(value) };
}

/** True when `pipe` is a query statement's whole expression (nothing reads its columns after it). */
function isQueryResult(pipe: KExpression): boolean {
  const parent = (pipe as KExpression & { readonly Parent: KNode | null }).Parent;
  return parent !== null && isNode(parent, 'ExpressionStatement');
}

/** `T | scan ...`. */
export function lowerScan(ctx: LoweringContext, pipe: KExpression, operator: KScanOperator, input: Tabular): Tabular {
  let matchId: string | null = null;
  for (const parameter of listItems(operator.Parameters)) {
    const name = parameter.Name.SimpleName.toLowerCase();
    if (name === 'with_match_id') matchId = parameter.Expression.GetFirstToken()?.Text ?? null;
    else if (!name.startsWith('hint.')) failUnsupported(`scan ${parameter.Name.SimpleName}`, parameter);
  }
  // Why: without `with_match_id` the binder (Kusto.Language 11.5.3) still lists a `match_id`
  // column, which later operators' schemas carry too. When the scan's result is the query's
  // result it is left out, as Kusto does; otherwise the kernel fills it so the plan stays
  // consistent with the binder's schemas downstream.
  let schema = schemaOf(pipe);
  if (matchId === null && schema.some((c) => c.name === 'match_id')) {
    if (isQueryResult(pipe)) schema = schema.filter((c) => c.name !== 'match_id');
    else matchId = 'match_id';
  }
  if (operator.OrderByClause !== null) failUnsupported('scan order by', operator.OrderByClause);
  if (operator.PartitionByClause !== null) failUnsupported('scan partition by', operator.PartitionByClause);
  const typeOf = new Map(schema.map((c) => [c.name, c.type]));
  const declared: ScanDeclaredColumn[] = separatedItems(operator.DeclareClause?.Declarations).map((d) => {
    const name = d.NameAndType.Name.SimpleName;
    const type = typeOf.get(name);
    if (type === undefined) return failUnsupported(`scan declare ${name}`, d);
    return { name, type, defaultValue: d.DefaultValue === null ? null : lowerDefault(ctx, d.DefaultValue.Value, type) };
  });
  const stepNodes = listItems(operator.Steps);
  const stepIndex = new Map(stepNodes.map((s, i) => [s.Name.SimpleName, i]));
  const steps: ScanStep[] = withScanSteps(stepIndex, () => stepNodes.map((step) => {
    const assignments: NamedExpr[] = separatedItems(step.ComputationClause?.Assignments).map((a) => ({
      name: a.Name.SimpleName, expr: lowerScalar(ctx, a.Expression),
    }));
    return { name: step.Name.SimpleName, output: outputOf(ctx, step), condition: lowerScalar(ctx, step.Condition), assignments };
  }));
  return { kind: 'pipe', input, operator: { op: 'scan', matchId, declared, steps }, schema, span: spanOf(operator) };
}
