/**
 * The engine's front end: parses and analyzes a query with the official Kusto.Language
 * parser/binder against the catalog's schema, and lowers the analyzed tree to a `QueryPlan`.
 * This folder is the only code that touches Kusto.Language.
 */
import type { PlanStatement, QueryPlan, Tabular } from '../plan';
import type { Catalog } from '../table/table';
import { EngineFailure, analysisError, emptyQueryError } from '../errors';
import { globalStateFor } from './globalState';
import { kustoLanguage } from './kustoLibrary';
import type { KExpression, KStatement } from './kustoTypes';
import { lowerTabular } from './lowerTabular';
import { lowerScalar } from './lowerScalar';
import { declareStatement } from './lowerLet';
import { topLevelScope } from './letScope';
import { undeclaredPatternsError } from './patternDeclarations';
import { lowerMultiResultStatement } from './lowerFork';
import { type LoweringContext, failUnsupported, isNode, listItems, scalarTypeOf, separatedItems, spanOf } from './nodes';

/** The name a query statement gives its result with a final `| as Name`, if any. */
function resultNameOf(body: KExpression): string | undefined {
  let expr = body;
  while (isNode(expr, 'ParenthesizedExpression')) expr = expr.Expression;
  return isNode(expr, 'PipeExpression') && isNode(expr.Operator, 'AsOperator') ? expr.Operator.Name.SimpleName : undefined;
}

/**
 * A query statement that is a scalar expression (`asin(0.5)`) runs as an implicit `print` of it:
 * one row, one column named `print_0` as `print` names an unnamed expression (the docs' function
 * pages run such statements as queries).
 */
function lowerImplicitPrint(ctx: LoweringContext, body: KExpression): Tabular {
  const span = spanOf(body);
  return {
    kind: 'source',
    source: { op: 'print', columns: [{ name: 'print_0', expr: lowerScalar(ctx, body) }] },
    schema: [{ name: 'print_0', type: scalarTypeOf(body) }],
    span,
  };
}

/**
 * Lowers the statements in order: `let` statements bind names, each query statement gives one
 * result table. Tables are named as Kusto names them: by a final `as Name`; otherwise
 * `PrimaryResult` for a single query and `Table_<i>` (counting from 0) in a batch.
 */
function lowerStatements(ctx: LoweringContext, statements: readonly KStatement[]): PlanStatement[] {
  const lowered: { body: PlanStatement['body']; name: string | undefined }[] = [];
  for (const statement of statements) {
    if (!isNode(statement, 'ExpressionStatement')) {
      declareStatement(ctx, statement);
      continue;
    }
    const body = statement.Expression;
    if (body.ResultType !== null && body.ResultType.IsScalar) {
      lowered.push({ body: lowerImplicitPrint(ctx, body), name: undefined });
      continue;
    }
    if (body.ResultType === null || !body.ResultType.IsTabular) return failUnsupported('query statement that is neither tabular nor scalar', body);
    // `fork` / `facet`: one result table per subquery or column (lowerFork.ts).
    const tables = lowerMultiResultStatement(ctx, body, lowerTabular);
    if (tables !== null) {
      lowered.push(...tables);
      continue;
    }
    lowered.push({ body: lowerTabular(ctx, body), name: resultNameOf(body) });
  }
  if (lowered.length === 0) {
    throw new EngineFailure(analysisError('The query has no tabular expression to run', spanOf(statements[statements.length - 1])));
  }
  const single = lowered.length === 1;
  return lowered.map((s, i) => ({ body: s.body, name: s.name ?? (single ? 'PrimaryResult' : `Table_${i}`) }));
}

/**
 * Parses, analyzes and lowers `text` against `catalog`.
 * Throws `EngineFailure` with `E_EMPTY` (no query), `E_ANALYSIS` (the first error diagnostic of
 * Kusto.Language, with its span and code) or `E_UNSUPPORTED` (`not supported yet: <name>`).
 */
export function lowerQuery(text: string, catalog: Catalog): QueryPlan {
  const globals = globalStateFor(catalog);
  const code = kustoLanguage().KustoCode.ParseAndAnalyze(text, globals);
  const root = code.Syntax;
  if (!isNode(root, 'QueryBlock')) throw new EngineFailure(analysisError('Not a query', spanOf(root)));
  const statements = separatedItems(root.Statements);
  if (statements.length === 0) throw new EngineFailure(emptyQueryError());
  const error = listItems(code.GetDiagnostics()).find((d) => d.Severity === 'Error');
  if (error !== undefined) {
    const span = error.HasLocation ? { start: error.Start, length: error.Length } : null;
    const patterns = error.HasLocation ? undeclaredPatternsError(root, error.Start) : null;
    throw new EngineFailure(patterns ?? analysisError(error.Message, span, error.Code));
  }
  const lets = topLevelScope({ scalar: lowerScalar, tabular: lowerTabular });
  const results = lowerStatements({ globals: code.Globals, text, lets }, statements);
  return { body: results[0].body, statements: results, scalars: lets.scalars };
}

/**
 * Loads Kusto.Language and runs one parse and analysis, so the first user query does not pay
 * the library's start-up (~0.5 s). Safe to call more than once.
 */
export function warmUpParser(): void {
  const K = kustoLanguage();
  const S = K.Symbols;
  const table = new S.TableSymbol.$ctor4('WarmUp', [
    new S.ColumnSymbol('TimeGenerated', S.ScalarTypes.GetSymbol('datetime')),
    new S.ColumnSymbol('Name', S.ScalarTypes.GetSymbol('string')),
  ]);
  const globals = K.GlobalState.Default.WithDatabase(new S.DatabaseSymbol.ctor('db', [table]));
  K.KustoCode.ParseAndAnalyze(
    'WarmUp | where Name contains "x" and TimeGenerated > ago(1h) | summarize count() by bin(TimeGenerated, 1h) | top 10 by count_',
    globals,
  ).GetDiagnostics();
}
