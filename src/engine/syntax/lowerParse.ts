/**
 * `parse` and `parse-where` (parse-operator.md, parse-where-operator.md) to the plan's `parse`
 * operator: the pattern becomes one regular expression with a named group per column.
 * - `*` is `.*?` (the docs' translation).
 * - `kind=simple` (default) and `kind=relaxed`: constants match literally; the match starts at the
 *   text's beginning and each column takes the shortest text up to the next delimiter (a column
 *   with only `*` after it takes the rest), so a delimiter matches its first occurrence, as a
 *   left-to-right reading of the pattern does. Typed `int`/`long`/`real`/`decimal` columns match
 *   numbers; relaxed mode also lets them match any text up to the next delimiter, and a column
 *   that does not convert to its type is null on its own (the row's other columns keep values).
 * - `kind=regex`: constants are RE2 patterns; a `string` column (and any non-numeric column) is
 *   `(.*)`, greedy — the docs' examples (`flags=U` giving the shorter match, `flags=s` capturing
 *   the newline before the next group) show the greedy form, not the `.*?` their text says;
 *   numbers are `-?\d+`. Flags: `i`, `m`, `s`, and `U` (swaps greedy and lazy quantifiers).
 */
import type { Expr, ParseCapture, Tabular } from '../plan';
import type { ScalarType } from '../types/scalarType';
import { regexQuote, translateRe2 } from '../functions/regexTranslate';
import type { KExpression, KNamedParameter, KNameDeclaration } from './kustoTypes';
import type { KParseOperator } from './kustoOperators2Types';
import { isOperators2Node } from './kustoOperators2Types';
import { lowerScalar } from './lowerScalar';
import { type LoweringContext, failUnsupported, kindName, listItems, schemaOf, spanOf } from './nodes';

type ParseKind = 'simple' | 'regex' | 'relaxed';

type PatternPart =
  | { readonly kind: 'star' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'column'; readonly name: string };

const INTEGER_PATTERN = '-?\\d+';
const REAL_PATTERN = '-?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?';

function parameterText(parameter: KNamedParameter): string {
  const text = parameter.Expression.LiteralValueInfo?.ValueText ?? parameter.Expression.GetFirstToken()?.Text ?? '';
  return text.replace(/^(['"])(.*)\1$/, '$2');
}

function parametersOf(operator: KParseOperator): { kind: ParseKind; flags: string } {
  let kind: ParseKind = 'simple';
  let flags = '';
  for (const parameter of listItems(operator.Parameters)) {
    const name = parameter.Name.SimpleName.toLowerCase();
    const value = parameterText(parameter);
    if (name === 'kind' && (value === 'simple' || value === 'regex' || value === 'relaxed')) kind = value;
    else if (name === 'flags' && /^[imsU]*$/.test(value)) flags = value;
    else failUnsupported(`parse ${name}=${value}`, parameter);
  }
  if (flags !== '' && kind !== 'regex') failUnsupported('parse flags without kind=regex', operator);
  return { kind, flags };
}

function partsOf(operator: KParseOperator): PatternPart[] {
  return listItems(operator.Patterns).map((node): PatternPart => {
    if (isOperators2Node(node, 'StarExpression')) return { kind: 'star' };
    if (isOperators2Node(node, 'NameAndTypeDeclaration')) return { kind: 'column', name: node.Name.SimpleName };
    if (kindName(node) === 'NameDeclaration') return { kind: 'column', name: (node as KNameDeclaration).SimpleName };
    const expr = node as KExpression;
    const text = expr.IsLiteral ? expr.LiteralValueInfo?.ValueText ?? null : null;
    if (text === null) return failUnsupported('parse pattern element', node);
    return { kind: 'text', text };
  });
}

function isNumeric(type: ScalarType): boolean {
  return type === 'int' || type === 'long' || type === 'real' || type === 'decimal';
}

/** The RE2 pattern of one column (without its group). */
function columnPattern(kind: ParseKind, type: ScalarType, takesRest: boolean): string {
  const text = kind === 'regex' || takesRest ? '.*' : '.*?';
  if (!isNumeric(type)) return text;
  const number = type === 'int' || type === 'long' ? INTEGER_PATTERN : REAL_PATTERN;
  // Relaxed: a number where there is one, else any text (which then converts to null).
  return kind === 'relaxed' ? `${number}|${text}` : number;
}

/**
 * Swaps greedy and lazy quantifiers (`*` / `*?`, `+`, `?`, `{n,m}`) outside character classes:
 * RE2's `U` flag, which JavaScript lacks.
 */
export function swapGreediness(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      out += source.slice(i, i + 2);
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      continue;
    }
    let quantifier = '';
    if (c === '*' || c === '+' || (c === '?' && i > 0 && source[i - 1] !== '(')) quantifier = c;
    else if (c === '{') {
      const close = /^\{\d+(?:,\d*)?\}/.exec(source.slice(i));
      if (close !== null) quantifier = close[0];
    }
    if (quantifier === '') {
      out += c;
      continue;
    }
    out += quantifier;
    i += quantifier.length - 1;
    if (source[i + 1] === '?') i++;
    else out += '?';
  }
  return out;
}

/** `T | parse ...` or `T | parse-where ...` (`dropUnparsed`). */
export function lowerParse(ctx: LoweringContext, pipe: KExpression, operator: KParseOperator, input: Tabular, dropUnparsed: boolean): Tabular {
  const { kind, flags } = parametersOf(operator);
  const schema = schemaOf(pipe);
  const span = spanOf(operator);
  const typeOf = new Map(schema.map((c) => [c.name, c.type]));
  const parts = partsOf(operator);
  const captures: ParseCapture[] = [];
  let pattern = kind === 'regex' ? '' : '^';
  parts.forEach((part, index) => {
    switch (part.kind) {
      case 'star':
        pattern += '.*?';
        break;
      case 'text':
        pattern += kind === 'regex' ? `(?:${part.text})` : regexQuote(part.text);
        break;
      case 'column': {
        const type = typeOf.get(part.name);
        if (type === undefined) failUnsupported(`parse column ${part.name}`, operator);
        const group = `parse${captures.length}`;
        const takesRest = parts.slice(index + 1).every((p) => p.kind === 'star');
        pattern += `(?P<${group}>${columnPattern(kind, type, takesRest)})`;
        captures.push({ name: part.name, type, group });
        break;
      }
      default: {
        const never: never = part;
        return never;
      }
    }
  });
  const translated = translateRe2(pattern);
  let jsFlags = translated.flags;
  for (const f of kind === 'regex' ? flags.replace('U', '') : 's') if (!jsFlags.includes(f)) jsFlags += f;
  const source = flags.includes('U') ? swapGreediness(translated.source) : translated.source;
  try {
    new RegExp(source, jsFlags);
  } catch {
    failUnsupported('parse pattern (regular expression not supported here)', operator);
  }
  let text: Expr = lowerScalar(ctx, operator.Expression);
  if (text.type !== 'string') text = { kind: 'call', name: 'tostring', args: [text], type: 'string', span: text.span };
  return {
    kind: 'pipe', input, schema, span,
    operator: { op: 'parse', text, regex: { source, flags: jsFlags }, captures, relaxed: kind === 'relaxed', dropUnparsed },
  };
}
