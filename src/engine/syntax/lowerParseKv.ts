/**
 * `parse-kv expr as (key:type, ...) with (...)` (parse-kv-operator.md), lowered to two plan
 * nodes: `extend $parse_kv$ = $parse_kv(expr, config)` (one property bag per row, parsed once
 * per distinct text) and a `project` to the binder's schema where each key is the bag's slot
 * converted to its type. Supported modes: `pair_delimiter` + `kv_delimiter` (with `quote`,
 * `escape`, `greedy`), `regex`, and the mode without delimiters (words: see `functions/parseKv.ts`).
 */
import type { Expr, NamedExpr, Tabular } from '../plan';
import type { ParseKvConfig } from '../functions/parseKv';
import { PARSE_KV_FUNCTION } from '../functions/parseKv';
import type { KExpression, KNamedParameter } from './kustoTypes';
import type { KParseKvOperator } from './kustoSeriesTypes';
import { lowerScalar } from './lowerScalar';
import { property } from './lowerEvaluate';
import { type LoweringContext, failUnsupported, kindName, schemaOf, separatedItems, spanOf } from './nodes';

/** The hidden column holding each row's bag between the two nodes. */
const BAG_COLUMN = '$parse_kv$';

function textOf(parameter: KNamedParameter): string {
  const expr = parameter.Expression;
  if (kindName(expr) !== 'StringLiteralExpression') return failUnsupported(`parse-kv ${parameter.Name.SimpleName} that is not a string`, parameter);
  return expr.LiteralValueInfo?.ValueText ?? '';
}

function configOf(operator: KParseKvOperator): ParseKvConfig {
  if (operator.WithClause === null) return { mode: 'words', quotes: [], escapes: [] };
  const parameters = separatedItems(operator.WithClause.Properties);
  let pairDelimiter: string | null = null;
  let kvDelimiter: string | null = null;
  let regex: string | null = null;
  let greedy = false;
  const quotes: [string, string][] = [];
  const escapes: string[] = [];
  for (const parameter of parameters) {
    const name = parameter.Name.SimpleName.toLowerCase();
    if (name === 'pair_delimiter') pairDelimiter = textOf(parameter);
    else if (name === 'kv_delimiter') kvDelimiter = textOf(parameter);
    else if (name === 'regex') regex = textOf(parameter);
    else if (name === 'escape') escapes.push(textOf(parameter));
    else if (name === 'greedy') greedy = (parameter.Expression.GetFirstToken()?.Text.toLowerCase() ?? '') === 'true';
    else if (name === 'quote') {
      const quote = textOf(parameter);
      if (quote.length === 1) quotes.push([quote, quote]);
      else if (quote.length === 2) quotes.push([quote[0], quote[1]]);
      else return failUnsupported('parse-kv quote of this length', parameter);
    } else return failUnsupported(`parse-kv ${name}`, parameter);
  }
  if (regex !== null) return { mode: 'regex', pattern: regex };
  // Neither delimiter: the "nonspecified delimiter" mode (only quote and escape apply).
  if (pairDelimiter === null && kvDelimiter === null && !greedy) return { mode: 'words', quotes, escapes };
  if (pairDelimiter === null || kvDelimiter === null || pairDelimiter === '' || kvDelimiter === '') {
    return failUnsupported('parse-kv without delimiters', operator.WithClause);
  }
  return { mode: 'delimiters', pairDelimiter, kvDelimiter, quotes, escapes, greedy };
}

/** `T | parse-kv ...`. */
export function lowerParseKv(ctx: LoweringContext, pipe: KExpression, operator: KParseKvOperator, input: Tabular): Tabular {
  const config = configOf(operator);
  const span = spanOf(operator);
  const text = lowerScalar(ctx, operator.Expression);
  if (text.type !== 'string') return failUnsupported(`parse-kv of ${text.type}`, operator.Expression);
  const keys = new Set(separatedItems(operator.Keys.Columns).map((c) => c.Name.SimpleName));
  const bagCall: Expr = {
    kind: 'call', name: PARSE_KV_FUNCTION, type: 'dynamic', span,
    args: [text, { kind: 'literal', type: 'string', value: JSON.stringify(config), span }],
  };
  const withBag: Tabular = {
    kind: 'pipe', input, span, schema: [...input.schema, { name: BAG_COLUMN, type: 'dynamic' }],
    operator: { op: 'extend', columns: [{ name: BAG_COLUMN, expr: bagCall }] },
  };
  const bag: Expr = { kind: 'column', name: BAG_COLUMN, type: 'dynamic', span };
  const schema = schemaOf(pipe);
  const columns: NamedExpr[] = schema.map((c) => ({
    name: c.name,
    expr: keys.has(c.name) ? property(bag, c.name, c.type, span) : { kind: 'column', name: c.name, type: c.type, span },
  }));
  return { kind: 'pipe', input: withBag, operator: { op: 'project', columns }, schema, span };
}
