/**
 * The engine's front end: parses and analyzes a query with the official Kusto.Language
 * parser/binder against the catalog's schema, and lowers the analyzed tree to a `QueryPlan`.
 * This folder is the only code that touches Kusto.Language.
 */
import type { QueryPlan } from '../plan';
import type { Catalog } from '../table/table';
import { EngineFailure, analysisError, emptyQueryError } from '../errors';
import { globalStateFor } from './globalState';
import { kustoLanguage } from './kustoLibrary';
import type { KExpressionStatement, KStatement } from './kustoTypes';
import { lowerTabular } from './lowerTabular';
import { failUnsupported, isNode, keywordOf, listItems, separatedItems, spanOf } from './nodes';

/** The single tabular statement of the query, or `E_UNSUPPORTED` for `let`, `set`, several queries, ... */
function singleQueryStatement(statements: readonly KStatement[]): KExpressionStatement {
  const queries: KExpressionStatement[] = [];
  for (const statement of statements) {
    if (!isNode(statement, 'ExpressionStatement')) {
      const keyword = keywordOf(statement);
      return failUnsupported(keyword.Text, keyword);
    }
    queries.push(statement);
  }
  if (queries.length > 1) return failUnsupported('multiple statements', queries[1]);
  return queries[0];
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
    throw new EngineFailure(analysisError(error.Message, span, error.Code));
  }
  const statement = singleQueryStatement(statements);
  const body = statement.Expression;
  if (body.ResultType === null || !body.ResultType.IsTabular) return failUnsupported('scalar expression as a query', body);
  return { body: lowerTabular({ globals: code.Globals, text }, body) };
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
