/**
 * `evaluate bag_unpack(column [, prefix] [, columnsConflict] [, ignoredProperties])` without an
 * output schema. Its columns depend on the data, so the plan cannot list them: it is lowered to a
 * `bag-unpack` node (`operators/plugins/bagUnpack.ts` computes the columns at execution) only
 * when it is the last operator of a query statement, where nothing reads its columns by name.
 * Anywhere else (followed by more operators, in a `let`, a function, a join side) it stays
 * `not supported yet`: the binder (Kusto.Language 11.5.3) accepts any column name after it, so a
 * later `where Name == ...` could not be checked or typed.
 *
 * With an output schema that starts with `*` (`: (*, Name:string, Age:long)`), the output is the
 * input's columns except the unpacked one, then the listed columns (bag-unpack-plugin.md). The
 * binder (11.5.3) types that form as the listed columns only, so later operators could not see the
 * kept columns: it is lowered, like the form without a schema, only as a statement's last operator.
 */
import type { BagUnpackOperator, NamedExpr, Tabular } from '../plan';
import type { ColumnSchema } from '../table/column';
import type { KExpression, KNode } from './kustoTypes';
import type { KEvaluateOperator } from './kustoSeriesTypes';
import { lowerScalar } from './lowerScalar';
import { type LoweringContext, failUnsupported, isNode, kindName, separatedItems, spanOf } from './nodes';

/** True when `pipe` is a query statement's whole expression in the query's own text. */
export function isStatementResult(pipe: KExpression): boolean {
  const parent = (pipe as KExpression & { readonly Parent: KNode | null }).Parent;
  // Why the tree check: a user function's expansion is a tree of its own whose body is a statement too.
  return parent !== null && isNode(parent, 'ExpressionStatement') && (pipe.Tree === null || pipe.Tree.Original === null);
}

/** The constant string an argument holds, or a failure naming `what`. */
function stringArgument(arg: KExpression, what: string): string {
  if (kindName(arg) !== 'StringLiteralExpression') return failUnsupported(`bag_unpack with a computed ${what}`, arg);
  return arg.LiteralValueInfo?.ValueText ?? '';
}

function conflictOf(arg: KExpression): BagUnpackOperator['conflict'] {
  const value = stringArgument(arg, 'columnsConflict');
  if (value === 'error' || value === 'replace_source' || value === 'keep_source') return value;
  return failUnsupported(`bag_unpack columnsConflict='${value}'`, arg);
}

function ignoredOf(ctx: LoweringContext, arg: KExpression): string[] {
  const expr = lowerScalar(ctx, arg);
  if (expr.kind === 'literal' && (expr.value === null || Array.isArray(expr.value))) {
    const values = expr.value ?? [];
    if (values.every((v): v is string => typeof v === 'string')) return values;
  }
  return failUnsupported('bag_unpack ignoredProperties other than a constant array of names', arg);
}

/** Lowers `T | evaluate bag_unpack(...)` (no output schema) as the module comment describes. */
export function lowerBagUnpackFromData(ctx: LoweringContext, pipe: KExpression, operator: KEvaluateOperator, input: Tabular): Tabular {
  const call = operator.FunctionCall;
  if (!isStatementResult(pipe)) {
    return failUnsupported('bag_unpack without an output schema ": (column:type, ...)" before other operators', call.Name);
  }
  const args = separatedItems(call.ArgumentList.Expressions);
  const column = args[0];
  if (column === undefined || !isNode(column, 'NameReference')) return failUnsupported('bag_unpack of an expression', column ?? call);
  if (!input.schema.some((c) => c.name === column.SimpleName && c.type === 'dynamic')) return failUnsupported('bag_unpack of this column', column);
  let prefix = '';
  let conflict: BagUnpackOperator['conflict'] = 'error';
  let ignored: string[] = [];
  const positional = ['prefix', 'columnsConflict', 'ignoredProperties'];
  args.slice(1).forEach((arg, i) => {
    const named = isNode(arg, 'SimpleNamedExpression');
    const name = named ? arg.Name.SimpleName : positional[i];
    const value = named ? arg.Expression : arg;
    switch (name) {
      case 'OutputColumnPrefix':
      case 'prefix':
        prefix = stringArgument(value, 'prefix');
        break;
      case 'columnsConflict':
        conflict = conflictOf(value);
        break;
      case 'ignoredProperties':
        ignored = ignoredOf(ctx, value);
        break;
      default:
        failUnsupported(`bag_unpack argument ${name ?? ''}`, arg);
    }
  });
  const span = spanOf(operator);
  const operatorNode: BagUnpackOperator = { op: 'bag-unpack', column: column.SimpleName, prefix, conflict, ignored };
  // The known part of the schema; the executor adds the unpacked columns from the data.
  const schema = input.schema.filter((c) => c.name !== column.SimpleName);
  return { kind: 'pipe', input, operator: operatorNode, schema, span };
}

/**
 * `T | evaluate bag_unpack(bag) : (*, a:type, ...)`: `T`'s columns except `bag`, then `listed`
 * (computed by `slots`, one per listed column). A listed column named like a kept input column is
 * `E_UNSUPPORTED` (the page only says the output then holds two columns of that name).
 */
export function lowerBagUnpackWithStar(
  pipe: KExpression, schemaNode: KNode, input: Tabular, bag: string, slots: readonly NamedExpr[], listed: readonly ColumnSchema[],
): Tabular {
  if (!isStatementResult(pipe)) return failUnsupported('bag_unpack output schema with * before other operators', schemaNode);
  const span = spanOf(schemaNode);
  const kept = input.schema.filter((c) => c.name !== bag);
  const clash = listed.find((c) => kept.some((k) => k.name === c.name));
  if (clash !== undefined) return failUnsupported(`bag_unpack output schema with * and an input column named ${clash.name}`, schemaNode);
  const columns: NamedExpr[] = [
    ...kept.map((c): NamedExpr => ({ name: c.name, expr: { kind: 'column', name: c.name, type: c.type, span } })),
    ...slots,
  ];
  return { kind: 'pipe', input, operator: { op: 'project', columns }, schema: [...kept, ...listed], span };
}
