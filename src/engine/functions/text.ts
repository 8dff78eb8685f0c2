/**
 * More string functions: extract_all, regex_quote, translate, strcat_array, string_size, strcmp,
 * unicode_codepoints_from_string / unicode_codepoints_to_string. Text arguments follow the
 * string family's rules (anything else is converted with `tostring`; strings are never null).
 */
import type { DynamicValue } from '../table/column';
import { EngineFailure, runtimeError } from '../errors';
import type { ScalarKernel } from './kernel';
import type { Scalar } from './vector';
import { at, mapValues } from './vector';
import { asText } from './textVector';
import { compileRegex } from './stringPredicates';
import { mapDynamic } from './dynamicAccess';
import { regexQuote } from './regexTranslate';
import { hasTerm } from './stringPredicates';

/** Internal names of `has_any` / `has_all` (lowered from their operator syntax). */
export const HAS_ANY_FUNCTION = '$has_any';
export const HAS_ALL_FUNCTION = '$has_all';

function str(v: Scalar): string {
  return typeof v === 'string' ? v : '';
}

/** Group numbers (1-based) or names selected by `extract_all`'s optional second argument. */
type GroupSelector = (number | string)[];

/** `extract_all(re, [groups,] s)`: every match; one group gives strings, several give arrays; no match gives null. */
export function extractAll(re: RegExp, text: string, groups: GroupSelector | null): DynamicValue {
  const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  const out: DynamicValue[] = [];
  for (const m of text.matchAll(global)) {
    if (m[0] === '' && m.index === text.length && out.length > 0) break;
    const selected = groups ?? Array.from({ length: m.length - 1 }, (_, i) => i + 1);
    const values = selected.map((g) => (typeof g === 'number' ? m[g] : m.groups?.[g]) ?? '');
    out.push(values.length === 1 ? values[0] : values);
  }
  return out.length === 0 ? null : out;
}

const extractAllKernel: ScalarKernel = (args, call, ctx) => {
  const pattern = at(args[0], 0);
  if (args[0].length !== 1 || typeof pattern !== 'string') throw new EngineFailure(runtimeError('extract_all: the pattern must be a constant string', call.span));
  const re = compileRegex(pattern, call.span);
  const groupCount = new RegExp(`${re.source}|`, re.flags).exec('')!.length - 1;
  if (groupCount < 1) throw new EngineFailure(runtimeError('extract_all: the pattern needs at least one capture group', call.span));
  let groups: GroupSelector | null = null;
  if (args.length === 3) {
    const selector = at(args[1], 0);
    if (args[1].length !== 1 || !Array.isArray(selector)) throw new EngineFailure(runtimeError('extract_all: the capture groups must be a constant array', call.span));
    groups = selector.map((g) => (typeof g === 'number' ? g : String(g)));
    if (groups.some((g) => typeof g === 'number' && (g < 1 || g > groupCount))) {
      throw new EngineFailure(runtimeError('extract_all: a capture group is out of range', call.span));
    }
  }
  const source = asText(args[args.length - 1], ctx);
  return mapValues([source], call.type, ctx, ([s]) => extractAll(re, str(s), groups));
};

/** `translate(search, replace, s)`: characters of `search` become the matching ones of `replace` (its last one repeats; empty deletes). */
export function translate(search: string, replace: string, text: string): string {
  const from = [...search];
  const to = [...replace];
  const map = new Map<string, string>();
  from.forEach((c, i) => {
    if (!map.has(c)) map.set(c, to.length === 0 ? '' : to[Math.min(i, to.length - 1)]);
  });
  return [...text].map((c) => map.get(c) ?? c).join('');
}

/** UTF-8 byte length of `text`. */
export function utf8Size(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** The text of one array element for `strcat_array` (strings as is, others as JSON, null as empty). */
function elementText(v: DynamicValue): string {
  if (v === null) return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** The terms of a `has_any` list: text items as they are, dynamic arrays expanded, nulls skipped. */
function termsOf(items: readonly Scalar[]): string[] {
  const out: string[] = [];
  const add = (v: unknown): void => {
    if (v === null || v === undefined) return;
    if (Array.isArray(v)) v.forEach(add);
    else out.push((typeof v === 'string' ? v : JSON.stringify(v)).toLowerCase());
  };
  items.forEach(add);
  return out;
}

/** `has_any` (every = false) / `has_all` (every = true): case-insensitive whole-term search. */
function hasTermsKernel(every: boolean): ScalarKernel {
  return (args, call, ctx) =>
    mapValues([asText(args[0], ctx), ...args.slice(1)], call.type, ctx, ([s, ...items]) => {
      const hay = str(s).toLowerCase();
      const terms = termsOf(items);
      return every ? terms.every((t) => hasTerm(hay, t, 'both')) : terms.some((t) => hasTerm(hay, t, 'both'));
    }, false);
}

/** More string functions by Kusto name. */
export const TEXT_FUNCTIONS: Record<string, ScalarKernel> = {
  [HAS_ANY_FUNCTION]: hasTermsKernel(false),
  [HAS_ALL_FUNCTION]: hasTermsKernel(true),
  extract_all: extractAllKernel,
  extractall: extractAllKernel,
  regex_quote: (args, call, ctx) => mapValues([asText(args[0], ctx)], call.type, ctx, ([s]) => regexQuote(str(s))),
  translate: (args, call, ctx) =>
    mapValues(args.map((a) => asText(a, ctx)), call.type, ctx, ([search, replace, s]) => translate(str(search), str(replace), str(s))),
  string_size: (args, call, ctx) => mapValues([asText(args[0], ctx)], call.type, ctx, ([s]) => utf8Size(str(s))),
  strcmp: (args, call, ctx) =>
    mapValues(args.map((a) => asText(a, ctx)), call.type, ctx, ([a, b]) => (str(a) < str(b) ? -1 : str(a) > str(b) ? 1 : 0)),
  strcat_array: (args, call, ctx) =>
    mapDynamic([args[0], asText(args[1], ctx)], call.type, ctx, ([a, d]) =>
      Array.isArray(a) ? a.map(elementText).join(typeof d === 'string' ? d : '') : ''),
  unicode_codepoints_from_string: (args, call, ctx) =>
    mapValues([asText(args[0], ctx)], call.type, ctx, ([s]) => [...str(s)].map((c) => c.codePointAt(0)!)),
  unicode_codepoints_to_string: (args, call, ctx) =>
    mapDynamic(args, call.type, ctx, (values) => {
      let out = '';
      // Code points come as numbers, arrays of numbers, or both (docs: one or more values).
      for (const cp of values.flat()) {
        if (typeof cp !== 'number' || !Number.isInteger(cp) || cp < 0 || cp > 0x10ffff) return '';
        out += String.fromCodePoint(cp);
      }
      return out;
    }),
};
