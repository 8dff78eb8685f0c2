/**
 * `union` parameters (union-operator.md): `kind=outer` (the default), `withsource=Column` (each
 * leg gets a first column with its source's name: the table, `let` or view name the leg reads,
 * or the name its last `as` gives it; for `(T | where ...)` the `T` at its start) and
 * `isfuzzy=true` (legs naming nothing known are left out, as the binder's warning says; at least
 * one must remain).
 * `hint.*` parameters are execution hints and ignored.
 */
import type { Tabular } from '../plan';
import type { ColumnSchema } from '../table/column';
import type { KExpression, KUnionOperator } from './kustoTypes';
import { type LoweringContext, failUnsupported, isNode, listItems, schemaOf, separatedItems, spanOf } from './nodes';

/** What a `union`'s parameters ask for. */
export interface UnionOptions {
  /** `withsource=` / `source=`: the name of the source column, or null. */
  readonly withSource: string | null;
  readonly fuzzy: boolean;
}

/** Reads and checks a `union`'s parameters (anything else is `E_UNSUPPORTED`). */
export function unionOptions(union: KUnionOperator): UnionOptions {
  let withSource: string | null = null;
  let fuzzy = false;
  for (const parameter of listItems(union.Parameters)) {
    const name = parameter.Name.SimpleName.toLowerCase();
    const value = parameter.Expression.GetFirstToken()?.Text ?? '';
    if (name.startsWith('hint.')) continue;
    // Why `kind=inner` stays unsupported: the binder (Kusto.Language 11.5.3) still lists every
    // leg's columns for it, so the result would have the outer schema.
    if (name === 'kind' && value === 'outer') continue;
    if (name === 'withsource' || name === 'source') withSource = value;
    else if (name === 'isfuzzy' && (value === 'true' || value === 'false')) fuzzy = value === 'true';
    else failUnsupported(value === '' ? name : `${name}=${value}`, parameter);
  }
  return { withSource, fuzzy };
}

/** The name `withsource` reports for a leg: the table, `let` or view name it reads from. */
function sourceNameOf(expr: KExpression): string | null {
  if (isNode(expr, 'ParenthesizedExpression')) return sourceNameOf(expr.Expression);
  if (isNode(expr, 'PipeExpression')) {
    // `(range ... | as T1)`: the name the leg gives itself.
    return isNode(expr.Operator, 'AsOperator') ? expr.Operator.Name.SimpleName : sourceNameOf(expr.Expression);
  }
  if (isNode(expr, 'NameReference')) return expr.SimpleName;
  if (isNode(expr, 'FunctionCallExpression')) return expr.Name.SimpleName;
  return null;
}

/** True for a leg `isfuzzy=true` leaves out: a name that refers to nothing known. */
function isUnresolved(expr: KExpression): boolean {
  if (isNode(expr, 'ParenthesizedExpression')) return isUnresolved(expr.Expression);
  if (isNode(expr, 'PipeExpression')) return isUnresolved(expr.Expression);
  return isNode(expr, 'NameReference') && expr.ReferencedSymbol === null;
}

/** The union's leg expressions that are read (`isfuzzy=true` leaves out unknown names). */
function legExpressions(union: KUnionOperator, options: UnionOptions): KExpression[] {
  return separatedItems(union.Expressions).filter((leg) => !(options.fuzzy && isUnresolved(leg)));
}

/** `leg` with the `withsource` column (a constant string) added. */
export function withSourceColumn(leg: Tabular, column: string, legExpr: KExpression): Tabular {
  const name = sourceNameOf(legExpr);
  if (name === null) return failUnsupported('withsource with this union leg', legExpr);
  const span = spanOf(legExpr);
  return {
    kind: 'pipe', input: leg, span, schema: [{ name: column, type: 'string' }, ...leg.schema.filter((c) => c.name !== column)],
    operator: { op: 'extend', columns: [{ name: column, expr: { kind: 'literal', type: 'string', value: name, span } }] },
  };
}

/**
 * The union's output columns as the Kusto service names them (union-operator.md, "Source columns
 * types mismatch"): a name the legs use with several types becomes `Name_type`, and when that
 * collides with a leg's own column name (`x_long`), the own name keeps it and the suffixed one is
 * numbered (`x_long1`). Kusto.Language 11.5.3 numbers the other one (its `x_long` is the suffixed
 * `x`), so where the two disagree the service's names win; the columns, their order and types are
 * the binder's. Any other disagreement keeps the binder's schema.
 */
export function serviceUnionSchema(binder: readonly ColumnSchema[], legs: readonly (readonly ColumnSchema[])[]): readonly ColumnSchema[] {
  const typesByName = new Map<string, string[]>();
  for (const leg of legs) {
    for (const column of leg) {
      const types = typesByName.get(column.name) ?? [];
      if (!types.includes(column.type)) types.push(column.type);
      typesByName.set(column.name, types);
    }
  }
  const own = new Set([...typesByName].filter(([, types]) => types.length === 1).map(([name]) => name));
  const used = new Set(own);
  const named: ColumnSchema[] = [];
  for (const [name, types] of typesByName) {
    if (types.length === 1) {
      named.push({ name, type: types[0] as ColumnSchema['type'] });
      continue;
    }
    for (const type of types) {
      const base = `${name}_${type}`;
      let candidate = base;
      for (let n = 1; used.has(candidate); n++) candidate = `${base}${n}`;
      used.add(candidate);
      named.push({ name: candidate, type: type as ColumnSchema['type'] });
    }
  }
  const samePlaces = named.length === binder.length && named.every((c, i) => c.type === binder[i].type);
  const sameNames = new Set(named.map((c) => c.name)).size === new Set(binder.map((c) => c.name)).size
    && named.every((c) => binder.some((b) => b.name === c.name));
  const renamed = named.some((c, i) => c.name !== binder[i].name);
  return samePlaces && sameNames && renamed ? named : binder;
}

/** The lowered legs of `union` (after its parameters), with `withsource`/`isfuzzy` applied. */
export function lowerUnionLegs(
  ctx: LoweringContext, union: KUnionOperator, lowerTabular: (ctx: LoweringContext, expr: KExpression) => Tabular,
): Tabular[] {
  const options = unionOptions(union);
  const legs = legExpressions(union, options);
  if (legs.length === 0) return failUnsupported('union isfuzzy=true without any known leg', union);
  return legs.map((leg) => {
    const lowered = lowerTabular(ctx, leg);
    return options.withSource === null ? lowered : withSourceColumn(lowered, options.withSource, leg);
  });
}

/**
 * `T | union withsource=C U, ...`: the piped input is a leg too, so it needs the source column.
 * Also `T | union U` whose column names the service gives differently from the binder
 * (`serviceUnionSchema`). Null otherwise (the plain piped `union` operator handles it).
 */
export function lowerPipedUnionWithSource(
  ctx: LoweringContext, pipe: KExpression & { readonly Expression: KExpression }, union: KUnionOperator, input: Tabular,
  lowerTabular: (ctx: LoweringContext, expr: KExpression) => Tabular,
): Tabular | null {
  const options = unionOptions(union);
  const binder = schemaOf(pipe);
  // The legs' schemas from the binder, so the legs are lowered only when this function lowers the union.
  const sourceColumn: ColumnSchema[] = options.withSource === null ? [] : [{ name: options.withSource, type: 'string' }];
  const legSchemas = [input.schema, ...legExpressions(union, options).map(schemaOf)].map((leg) => [...sourceColumn, ...leg]);
  const schema = serviceUnionSchema(binder, legSchemas);
  if (options.withSource === null && schema === binder) return null;
  const first = options.withSource === null ? input : withSourceColumn(input, options.withSource, pipe.Expression);
  return { kind: 'union', inputs: [first, ...lowerUnionLegs(ctx, union, lowerTabular)], schema, span: spanOf(union) };
}

/** `union T, U, ...` as a source: its legs, with the service's column names (`serviceUnionSchema`). */
export function lowerUnionSource(
  ctx: LoweringContext, union: KUnionOperator, lowerTabular: (ctx: LoweringContext, expr: KExpression) => Tabular,
): Tabular {
  const inputs = lowerUnionLegs(ctx, union, lowerTabular);
  return { kind: 'union', inputs, schema: serviceUnionSchema(schemaOf(union), inputs.map((leg) => leg.schema)), span: spanOf(union) };
}
