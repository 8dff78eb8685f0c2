/**
 * String comparison and search operators: `=~ !~ contains has startswith endswith hasprefix
 * hassuffix` with their negations and `_cs` variants, and `matches regex`.
 * Each runs once per distinct dictionary entry of the searched column (via `mapValues`).
 *
 * `has` matches whole terms: a term is a maximal run of alphanumeric characters, so
 * `"North America" has "america"` but not `has "meri"`. A needle that itself holds
 * non-alphanumeric characters matches where its alphanumeric ends sit on term boundaries.
 */
import type { BinaryOp } from '../plan';
import type { Column } from '../table/column';
import { EngineFailure, runtimeError } from '../errors';
import type { SourceSpan } from '../errors';
import type { EvalContext } from './vector';
import { at, mapValues } from './vector';
import { translateRe2 } from './regexTranslate';
import { asText } from './textVector';

/** The string operators this module evaluates. */
export type StringOp = Extract<
  BinaryOp,
  | '=~' | '!~'
  | 'contains' | '!contains' | 'contains_cs' | '!contains_cs'
  | 'has' | '!has' | 'has_cs' | '!has_cs'
  | 'startswith' | '!startswith' | 'startswith_cs' | '!startswith_cs'
  | 'endswith' | '!endswith' | 'endswith_cs' | '!endswith_cs'
  | 'hasprefix' | '!hasprefix' | 'hassuffix' | '!hassuffix'
  | 'matches regex'
>;

/** True for characters that belong to a term (letters and digits). */
export function isTermChar(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return /[\p{L}\p{N}]/u.test(String.fromCharCode(code));
}

type Anchor = 'both' | 'start' | 'end';

/** Whether `needle` occurs in `hay` as a term (`both`), term prefix (`start`) or term suffix (`end`). */
export function hasTerm(hay: string, needle: string, anchor: Anchor): boolean {
  if (needle.length === 0) return true;
  const checkStart = anchor !== 'end' && isTermChar(needle.charCodeAt(0));
  const checkEnd = anchor !== 'start' && isTermChar(needle.charCodeAt(needle.length - 1));
  let from = 0;
  for (;;) {
    const idx = hay.indexOf(needle, from);
    if (idx < 0) return false;
    const end = idx + needle.length;
    const startOk = !checkStart || idx === 0 || !isTermChar(hay.charCodeAt(idx - 1));
    const endOk = !checkEnd || end === hay.length || !isTermChar(hay.charCodeAt(end));
    if (startOk && endOk) return true;
    from = idx + 1;
  }
}

type Test = (hay: string, needle: string) => boolean;

interface OpShape {
  readonly test: Test;
  readonly caseSensitive: boolean;
  readonly negated: boolean;
}

function shapeOf(op: Exclude<StringOp, 'matches regex'>): OpShape {
  const contains: Test = (h, n) => h.includes(n);
  const starts: Test = (h, n) => h.startsWith(n);
  const ends: Test = (h, n) => h.endsWith(n);
  const equals: Test = (h, n) => h === n;
  const has: Test = (h, n) => hasTerm(h, n, 'both');
  const hasPrefix: Test = (h, n) => hasTerm(h, n, 'start');
  const hasSuffix: Test = (h, n) => hasTerm(h, n, 'end');
  switch (op) {
    case '=~': return { test: equals, caseSensitive: false, negated: false };
    case '!~': return { test: equals, caseSensitive: false, negated: true };
    case 'contains': return { test: contains, caseSensitive: false, negated: false };
    case '!contains': return { test: contains, caseSensitive: false, negated: true };
    case 'contains_cs': return { test: contains, caseSensitive: true, negated: false };
    case '!contains_cs': return { test: contains, caseSensitive: true, negated: true };
    case 'has': return { test: has, caseSensitive: false, negated: false };
    case '!has': return { test: has, caseSensitive: false, negated: true };
    case 'has_cs': return { test: has, caseSensitive: true, negated: false };
    case '!has_cs': return { test: has, caseSensitive: true, negated: true };
    case 'startswith': return { test: starts, caseSensitive: false, negated: false };
    case '!startswith': return { test: starts, caseSensitive: false, negated: true };
    case 'startswith_cs': return { test: starts, caseSensitive: true, negated: false };
    case '!startswith_cs': return { test: starts, caseSensitive: true, negated: true };
    case 'endswith': return { test: ends, caseSensitive: false, negated: false };
    case '!endswith': return { test: ends, caseSensitive: false, negated: true };
    case 'endswith_cs': return { test: ends, caseSensitive: true, negated: false };
    case '!endswith_cs': return { test: ends, caseSensitive: true, negated: true };
    case 'hasprefix': return { test: hasPrefix, caseSensitive: false, negated: false };
    case '!hasprefix': return { test: hasPrefix, caseSensitive: false, negated: true };
    case 'hassuffix': return { test: hasSuffix, caseSensitive: false, negated: false };
    case '!hassuffix': return { test: hasSuffix, caseSensitive: false, negated: true };
    default: {
      const never: never = op;
      return never;
    }
  }
}

/** Memoizes the lower-casing of a (usually constant) needle. */
function lowerCached(): (s: string) => string {
  let last: string | null = null;
  let lastLower = '';
  return (s) => {
    if (s !== last) {
      last = s;
      lastLower = s.toLowerCase();
    }
    return lastLower;
  };
}

const regexCache = new Map<string, RegExp>();

/** Compiles a Kusto (RE2) regex with JavaScript's engine; the common syntax is shared. */
export function compileRegex(pattern: string, span: SourceSpan | null): RegExp {
  let re = regexCache.get(pattern);
  if (re === undefined) {
    const { source, flags } = translateRe2(pattern);
    try {
      re = new RegExp(source, `${flags}u`);
    } catch {
      try {
        re = new RegExp(source, flags);
      } catch (e) {
        throw new EngineFailure(runtimeError(`invalid regular expression '${pattern}': ${(e as Error).message}`, span));
      }
    }
    if (regexCache.size > 256) regexCache.clear();
    regexCache.set(pattern, re);
  }
  return re;
}

/** Evaluates `left op right` for a string operator into a bool vector. Non-string operands are compared as text. */
export function evalStringOp(op: StringOp, left: Column, right: Column, ctx: EvalContext, span: SourceSpan | null): Column {
  const hay = asText(left, ctx);
  const needle = asText(right, ctx);
  if (op === 'matches regex') {
    if (needle.length === 1) {
      const re = compileRegex(String(at(needle, 0)), span);
      return mapValues([hay], 'bool', ctx, ([h]) => re.test(h as string));
    }
    return mapValues([hay, needle], 'bool', ctx, ([h, n]) => compileRegex(n as string, span).test(h as string));
  }
  const { test, caseSensitive, negated } = shapeOf(op);
  if (caseSensitive) return mapValues([hay, needle], 'bool', ctx, ([h, n]) => test(h as string, n as string) !== negated);
  const lowerNeedle = lowerCached();
  return mapValues([hay, needle], 'bool', ctx, ([h, n]) => test((h as string).toLowerCase(), lowerNeedle(n as string)) !== negated);
}
