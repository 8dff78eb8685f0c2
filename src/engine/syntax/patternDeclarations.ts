/**
 * `declare pattern` statements (pattern-statement.md): registering a declaration, and the error
 * Kusto documents for invocations that no definition matches.
 *
 * - `declare pattern P;` (an empty pattern) and `declare pattern P = (...)[...] { definitions };`
 *   are accepted; the definitions are lowered on first invocation (`lowerPattern.ts`).
 * - An invocation that no definition matches (an empty pattern, other argument values, a path that
 *   is not defined, `P("x").["*"]`: wildcards are not special) is Kusto's semantic error SEM0036,
 *   "One or more pattern references were not declared. Detected pattern references: [...]", listing
 *   every such invocation once, normalized to `P('x').['path']`. The binder reports these cases as
 *   KS118 / KS142 / KS188 at the invocation; `undeclaredPatternsError` turns them into that error.
 */
import type { EngineError } from '../errors';
import { analysisError } from '../errors';
import type { KExpression, KNode, KSyntaxElement } from './kustoTypes';
import { type KPatternStatement, isPatternSymbol, literalText } from './kustoPatternTypes';
import { type LoweringContext, failUnsupported, isNode, separatedItems, spanOf } from './nodes';

/** Registers a `declare pattern` statement; an empty pattern needs nothing (its invocations are binder errors). */
export function declarePattern(ctx: LoweringContext, statement: KPatternStatement): void {
  const declaration = statement.Pattern;
  if (declaration === null) return;
  const symbol = declaration.ResultType;
  // A declaration the binder did not turn into a pattern symbol cannot be matched as the binder matches it.
  if (symbol === null || !isPatternSymbol(symbol)) return failUnsupported('declare pattern', statement);
  ctx.lets.patterns.set(symbol, { name: statement.Name.SimpleName, declaration, ctx, lowered: new Map() });
}

/** A string value as Kusto writes it in a normalized pattern reference: single-quoted. */
function quoted(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** One invocation of a pattern that no definition matches, normalized as Kusto reports it. */
interface UndeclaredReference {
  readonly text: string;
  readonly start: number;
  readonly length: number;
}

function isBindError(expr: KExpression): boolean {
  return expr.ResultType === null || expr.ResultType.IsError;
}

/** The normalized text of `P(args)` or `P(args).path`, when `call` invokes a pattern. */
function referenceText(call: KNode, path: KExpression | null): string | null {
  if (!isNode(call, 'FunctionCallExpression') || !isPatternSymbol(call.ReferencedSymbol)) return null;
  const args = separatedItems(call.ArgumentList.Expressions).map((arg) => quoted(literalText(arg)));
  const head = `${call.Name.SimpleName}(${args.join(',')})`;
  return path !== null && isNode(path, 'NameReference') ? `${head}.[${quoted(path.SimpleName)}]` : head;
}

function collectUndeclared(element: KSyntaxElement | null, found: UndeclaredReference[]): void {
  if (element === null) return;
  if (isNode(element, 'PathExpression') && isBindError(element)) {
    const text = referenceText(element.Expression, element.Selector);
    if (text !== null) {
      found.push({ text, ...spanOf(element) });
      return;
    }
  }
  if (isNode(element, 'FunctionCallExpression') && isBindError(element)) {
    const text = referenceText(element, null);
    if (text !== null) {
      found.push({ text, ...spanOf(element) });
      return;
    }
  }
  for (let i = 0; i < element.ChildCount; i++) collectUndeclared(element.GetChild(i), found);
}

/**
 * Kusto's SEM0036 error when the binder's first error (`errorStart`) lies in an invocation of a
 * pattern that no definition matches; null otherwise (the binder's own error stands).
 */
export function undeclaredPatternsError(root: KNode, errorStart: number): EngineError | null {
  const found: UndeclaredReference[] = [];
  collectUndeclared(root, found);
  const first = found.find((r) => errorStart >= r.start && errorStart < r.start + r.length);
  if (first === undefined) return null;
  const references = [...new Set(found.map((r) => r.text))];
  return analysisError(
    `One or more pattern references were not declared. Detected pattern references: ${JSON.stringify(references)}`,
    { start: found[0].start, length: found[0].length },
    'SEM0036',
  );
}
