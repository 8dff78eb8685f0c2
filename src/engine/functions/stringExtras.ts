/**
 * More string functions: replace_strings, indexof_regex, has_any_index, isascii, jaccard_index, the punycode
 * family (punycode_from_string, punycode_to_string, punycode_domain_to_string,
 * punycode_domain_from_string) and gzip / zlib compression to and from base64 text.
 * Text arguments are converted with `tostring`; a failure gives "" where the docs say
 * "an empty result".
 */
import { gunzipSync, gzipSync, unzlibSync, zlibSync, deflateSync } from 'fflate';
import type { DynamicValue } from '../table/column';
import { utf8Bytes } from '../types/digest';
import { dynamicKey } from '../types/dynamicValue';
import { domainFromPunycode, domainToPunycode, isAscii, punycodeDecode, punycodeEncode } from '../types/punycode';
import type { ScalarKernel } from './kernel';
import type { Scalar } from './vector';
import { mapValues } from './vector';
import { asText } from './textVector';
import { mapDynamic } from './dynamicAccess';
import { compileRegex, hasTerm } from './stringPredicates';
import { base64Bytes, base64Of } from './encoding';

function str(v: Scalar): string {
  return typeof v === 'string' ? v : '';
}

/**
 * `replace_strings(text, lookups, rewrites)`: lookups claim their non-overlapping matches in
 * list order (an earlier lookup wins over a later one that overlaps it), then every claimed
 * match becomes its rewrite; a non-string rewrite keeps the matched text.
 */
export function replaceStrings(text: string, lookups: readonly DynamicValue[], rewrites: readonly DynamicValue[]): string {
  const claimed = new Uint8Array(text.length);
  const matches: { start: number; end: number; rewrite: string | null }[] = [];
  lookups.forEach((lookup, i) => {
    if (typeof lookup !== 'string' || lookup === '') return;
    const rewrite = rewrites[i];
    for (let at = text.indexOf(lookup); at >= 0; ) {
      const end = at + lookup.length;
      if (claimed.subarray(at, end).some((c) => c === 1)) {
        at = text.indexOf(lookup, at + 1);
        continue;
      }
      claimed.fill(1, at, end);
      matches.push({ start: at, end, rewrite: typeof rewrite === 'string' ? rewrite : null });
      at = text.indexOf(lookup, end);
    }
  });
  matches.sort((a, b) => a.start - b.start);
  let out = '';
  let last = 0;
  for (const m of matches) {
    out += text.slice(last, m.start) + (m.rewrite ?? text.slice(m.start, m.end));
    last = m.end;
  }
  return out + text.slice(last);
}

/**
 * `indexof_regex(s, re[, start[, length[, occurrence]]])`: index of the occurrence-th
 * non-overlapping match inside s[start, start + length), or -1; null for start < 0,
 * length < -1 or occurrence < 0.
 */
export function indexOfRegex(text: string, re: RegExp, start: number, length: number, occurrence: number): number | null {
  if (start < 0 || length < -1 || occurrence < 0) return null;
  if (start > text.length) return -1;
  const end = length === -1 ? text.length : Math.min(text.length, start + length);
  const window = text.slice(start, end);
  const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  let seen = 0;
  for (const m of window.matchAll(global)) {
    seen++;
    if (seen >= Math.max(1, occurrence)) return start + m.index;
  }
  return -1;
}

/** `jaccard_index(a, b)`: |a ∩ b| / |a ∪ b| over distinct elements; null unless both are arrays. */
export function jaccardIndex(a: DynamicValue, b: DynamicValue): number | null {
  if (!Array.isArray(a) || !Array.isArray(b)) return null;
  const left = new Set(a.map(dynamicKey));
  const right = new Set(b.map(dynamicKey));
  let common = 0;
  for (const k of left) if (right.has(k)) common++;
  const union = left.size + right.size - common;
  return union === 0 ? NaN : common / union;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

function decodeText(bytes: Uint8Array): string {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return '';
  }
}

/**
 * Deflate level for `data`: 6 (zlib's default), or 0 (a stored block) when compressing does
 * not make the data smaller. Why: Kusto returns stored blocks for short incompressible text
 * (the docs' examples); for other inputs the compressed bytes may differ from Kusto's, but
 * every result decompresses to the same text.
 */
function levelFor(data: Uint8Array): 0 | 6 {
  return deflateSync(data, { level: 6 }).length >= data.length ? 0 : 6;
}

/** gzip of the UTF-8 text as base64, with a zero mtime, XFL 0 and OS 255 as Kusto writes them. */
export function gzipBase64(text: string): string {
  const data = utf8Bytes(text);
  const out = gzipSync(data, { level: levelFor(data), mtime: 0 });
  out[8] = 0;
  out[9] = 255;
  return base64Of(out);
}

/** zlib of the UTF-8 text as base64. */
export function zlibBase64(text: string): string {
  const data = utf8Bytes(text);
  return base64Of(zlibSync(data, { level: levelFor(data) }));
}

function decompressBase64(text: string, inflate: (data: Uint8Array) => Uint8Array): string {
  const bytes = base64Bytes(text);
  if (bytes === null) return '';
  try {
    return decodeText(inflate(bytes));
  } catch {
    return '';
  }
}

function textKernel(fn: (s: string) => Scalar): ScalarKernel {
  return (args, call, ctx) => mapValues([asText(args[0], ctx)], call.type, ctx, ([s]) => fn(str(s)));
}

const indexOfRegexKernel: ScalarKernel = (args, call, ctx) =>
  mapValues([asText(args[0], ctx), asText(args[1], ctx), ...args.slice(2)], call.type, ctx, ([s, pattern, start, length, occurrence]) => {
    const num = (v: Scalar | undefined, fallback: number): number | null =>
      v === undefined ? fallback : typeof v === 'number' ? Math.trunc(v) : null;
    const from = num(start, 0);
    const len = num(length, -1);
    const nth = num(occurrence, 1);
    if (from === null || len === null || nth === null) return null;
    return indexOfRegex(str(s), compileRegex(str(pattern), call.span), from, len, nth);
  });

/** `has_any_index(source, values)`: index of the first value that `source` has as a term (case-insensitive), or -1. */
export function hasAnyIndex(source: string, values: readonly DynamicValue[]): number {
  const hay = source.toLowerCase();
  return values.findIndex((v) => v !== null && hasTerm(hay, (typeof v === 'string' ? v : JSON.stringify(v)).toLowerCase(), 'both'));
}

/** More string functions by Kusto name. */
export const STRING_EXTRA_FUNCTIONS: Record<string, ScalarKernel> = {
  replace_strings: (args, call, ctx) =>
    mapDynamic([asText(args[0], ctx), args[1], args[2]], call.type, ctx, ([s, lookups, rewrites]) =>
      replaceStrings(str(s), Array.isArray(lookups) ? lookups : [], Array.isArray(rewrites) ? rewrites : [])),
  indexof_regex: indexOfRegexKernel,
  has_any_index: (args, call, ctx) =>
    mapDynamic([asText(args[0], ctx), args[1]], call.type, ctx, ([s, values]) => (Array.isArray(values) ? hasAnyIndex(str(s), values) : null)),
  isascii: textKernel(isAscii),
  jaccard_index: (args, call, ctx) => mapDynamic(args, call.type, ctx, ([a, b]) => jaccardIndex(a, b)),
  punycode_from_string: textKernel((s) => punycodeEncode(s) ?? ''),
  punycode_to_string: textKernel((s) => punycodeDecode(s) ?? ''),
  punycode_domain_to_string: textKernel((s) => domainToPunycode(s) ?? ''),
  punycode_domain_from_string: textKernel((s) => domainFromPunycode(s) ?? ''),
  gzip_compress_to_base64_string: textKernel(gzipBase64),
  gzip_decompress_from_base64_string: textKernel((s) => decompressBase64(s, gunzipSync)),
  zlib_compress_to_base64_string: textKernel(zlibBase64),
  zlib_decompress_from_base64_string: textKernel((s) => decompressBase64(s, unzlibSync)),
};
