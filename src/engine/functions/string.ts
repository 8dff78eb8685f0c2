/**
 * String functions: strlen, tolower, toupper, substring, strcat, strcat_delim, indexof,
 * replace_string, replace_regex, trim/trim_start/trim_end, reverse, split, extract, countof, strrep.
 * Strings have no null (the empty string stands for it), so most kernels never see null text;
 * numbers and other values passed where text is expected are converted with `tostring` rules.
 */
import type { Column } from '../table/column';
import { EngineFailure, runtimeError } from '../errors';
import type { ScalarKernel } from './kernel';
import type { EvalContext, Scalar } from './vector';
import { at, mapValues } from './vector';
import { asText } from './textVector';
import { compileRegex } from './stringPredicates';
import { convertCapture } from '../operators/parseValues';

function texts(args: readonly Column[], ctx: EvalContext, indices: readonly number[]): Column[] {
  return args.map((a, i) => (indices.includes(i) ? asText(a, ctx) : a));
}

function str(v: Scalar): string {
  return typeof v === 'string' ? v : '';
}

function num(v: Scalar, fallback: number): number {
  return typeof v === 'number' ? v : fallback;
}

/** Lifts a kernel whose arguments at `textArgs` are text; null in (other arguments) -> null out. */
function textKernel(textArgs: readonly number[], fn: (values: Scalar[]) => Scalar, propagateNulls = true): ScalarKernel {
  return (args, call, ctx) => mapValues(texts(args, ctx, textArgs), call.type, ctx, fn, propagateNulls);
}

/** `substring(s, start[, length])`: out-of-range bounds are clipped to the string. */
export function substring(s: string, start: number, length: number | null): string {
  let from = Math.trunc(start);
  let count = length === null ? s.length : Math.trunc(length);
  if (from < 0) {
    count += from;
    from = 0;
  }
  if (count <= 0 || from >= s.length) return '';
  return s.substr(from, count);
}

/**
 * `indexof(s, lookup[, start[, length[, occurrence]]])` (docs: indexof-function): the index of
 * the `occurrence`-th match of `lookup` that lies wholly inside the `length` characters from
 * `start` (-1: to the end), or -1. A negative `start` counts back from the end of `s`; a
 * negative `occurrence` or a `length` below -1 gives null. Each further occurrence is searched
 * from one past the previous match with the same `length` window: the page's own example
 * (`indexof("abcdefgabcdefg", "cde", 1, 10, 2)` is 9, a match ending past `start + length`)
 * shows the window moves with the search.
 */
export function indexOf(s: string, lookup: string, start: number, length: number, occurrence: number): number | null {
  if (length < -1 || occurrence < 0) return null;
  let from = Math.trunc(start) < 0 ? Math.max(0, s.length + Math.trunc(start)) : Math.trunc(start);
  let found = -1;
  for (let seen = 0; seen < Math.max(1, Math.trunc(occurrence)); seen++) {
    if (from > s.length) return -1;
    const end = length === -1 ? s.length : Math.min(s.length, from + Math.trunc(length));
    const at = s.slice(0, end).indexOf(lookup, from);
    if (at < 0) return -1;
    found = at;
    from = at + 1;
  }
  return found;
}

/** Counts occurrences: overlapping for plain text (as Kusto's "normal" kind), non-overlapping for regex. */
export function countOf(text: string, search: string, regex: RegExp | null): number {
  if (regex !== null) {
    const global = new RegExp(regex.source, regex.flags.includes('g') ? regex.flags : `${regex.flags}g`);
    return [...text.matchAll(global)].length;
  }
  if (search.length === 0) return 0;
  let count = 0;
  for (let i = text.indexOf(search); i >= 0; i = text.indexOf(search, i + 1)) count++;
  return count;
}

function trimKernel(start: boolean, end: boolean): ScalarKernel {
  return (args, call, ctx) => {
    const pattern = at(args[0], 0);
    if (args[0].length !== 1 || typeof pattern !== 'string') throw new EngineFailure(runtimeError('trim: the pattern must be a constant string', call.span));
    compileRegex(pattern, call.span); // validates the pattern once
    const lead = new RegExp(`^(?:${pattern})+`, 'u');
    const trail = new RegExp(`(?:${pattern})+$`, 'u');
    return mapValues([asText(args[1], ctx)], call.type, ctx, ([s]) => {
      let t = str(s);
      if (start) t = t.replace(lead, '');
      if (end) t = t.replace(trail, '');
      return t;
    });
  };
}

const extract: ScalarKernel = (args, call, ctx) => {
  const pattern = at(args[0], 0);
  if (args[0].length !== 1 || typeof pattern !== 'string') throw new EngineFailure(runtimeError('extract: the pattern must be a constant string', call.span));
  const re = compileRegex(pattern, call.span);
  // `extract(re, g, s, typeof(T))`: the binder made T the call's type; the match is converted
  // to it, and no match or a failed conversion is null (extract-function.md).
  const typed = call.type !== 'string';
  return mapValues([args[1], asText(args[2], ctx)], call.type, ctx, ([group, s]) => {
    const m = re.exec(str(s));
    const text = m === null ? undefined : m[num(group, 0)];
    if (!typed) return text ?? '';
    return text === undefined ? null : (convertCapture(call.type, text) ?? null);
  });
};

const replaceRegex: ScalarKernel = (args, call, ctx) => {
  const pattern = at(args[1], 0);
  if (args[1].length !== 1 || typeof pattern !== 'string') throw new EngineFailure(runtimeError('replace_regex: the pattern must be a constant string', call.span));
  const re = compileRegex(pattern, call.span);
  const global = new RegExp(re.source, `${re.flags}g`);
  return mapValues([asText(args[0], ctx), asText(args[2], ctx)], 'string', ctx, ([s, rewrite]) =>
    // Kusto writes groups as \1; JavaScript as $1.
    str(s).replace(global, str(rewrite).replace(/\$/g, '$$$$').replace(/\\(\d)/g, '$$$1')),
  );
};

const countof: ScalarKernel = (args, call, ctx) => {
  const kind = args.length > 2 ? at(args[2], 0) : 'normal';
  const isRegex = kind === 'regex';
  return mapValues([asText(args[0], ctx), asText(args[1], ctx)], call.type, ctx, ([t, s]) =>
    countOf(str(t), str(s), isRegex ? compileRegex(str(s), call.span) : null),
  );
};

/** String functions by Kusto name. */
export const STRING_FUNCTIONS: Record<string, ScalarKernel> = {
  strlen: textKernel([0], ([s]) => [...str(s)].length),
  tolower: textKernel([0], ([s]) => str(s).toLowerCase()),
  toupper: textKernel([0], ([s]) => str(s).toUpperCase()),
  substring: textKernel([0], ([s, start, length]) => (typeof start === 'number' ? substring(str(s), start, typeof length === 'number' ? length : null) : '')),
  strcat: (args, call, ctx) => mapValues(args.map((a) => asText(a, ctx)), call.type, ctx, (values) => values.map(str).join('')),
  strcat_delim: (args, call, ctx) =>
    mapValues(args.map((a) => asText(a, ctx)), call.type, ctx, ([delim, ...rest]) => rest.map(str).join(str(delim))),
  indexof: textKernel([0, 1], ([s, lookup, start, length, occurrence]) =>
    indexOf(str(s), str(lookup), num(start, 0), num(length, -1), num(occurrence, 1)), false),
  replace_string: textKernel([0, 1, 2], ([s, lookup, rewrite]) => (str(lookup) === '' ? str(s) : str(s).split(str(lookup)).join(str(rewrite)))),
  replace_regex: replaceRegex,
  trim: trimKernel(true, true),
  trim_start: trimKernel(true, false),
  trim_end: trimKernel(false, true),
  reverse: textKernel([0], ([s]) => [...str(s)].reverse().join('')),
  split: textKernel([0, 1], ([s, delim, index]) => {
    const parts = str(delim) === '' ? [str(s)] : str(s).split(str(delim));
    if (typeof index === 'number') return index >= 0 && index < parts.length ? [parts[index]] : [];
    return parts;
  }, false),
  extract,
  countof,
  strrep: textKernel([0, 2], ([s, times, delim]) => {
    const n = Math.max(0, Math.min(Math.trunc(num(times, 0)), 1024));
    return new Array<string>(n).fill(str(s)).join(str(delim));
  }, false),
};
