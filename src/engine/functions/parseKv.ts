/**
 * The kernel behind `parse-kv` (parse-kv-operator.md): the internal function
 * `$parse_kv(text, config)` turns each text into a property bag of its key/value pairs (the
 * first appearance of a key wins; keys and values are trimmed). `config` is a JSON text of
 * `ParseKvConfig`, built by the lowering. Two modes:
 * - delimiters: pairs separated by `pairDelimiter`, key and value by `kvDelimiter`; a key or
 *   value may be wrapped in quotes (pairs of open/close characters), with escape characters
 *   inside quotes; `greedy` values run up to the next `pair-delimiter key kv-delimiter`;
 * - regex: every match of a pattern with two groups gives a key (group 1) and a value (group 2);
 * - words (no delimiters given): each word is a key and the next word its value (`parseWords`).
 * Texts are parsed once per distinct value (the lifting helper maps dictionary entries).
 */
import type { DynamicValue } from '../table/column';
import type { ScalarKernel } from './kernel';
import { mapValues } from './vector';
import { translateRe2 } from './regexTranslate';

/** What `$parse_kv` needs to know, as the lowering encodes it. */
export type ParseKvConfig =
  | {
    readonly mode: 'delimiters';
    readonly pairDelimiter: string;
    readonly kvDelimiter: string;
    /** Open and close characters of each quote pair. */
    readonly quotes: readonly (readonly [string, string])[];
    readonly escapes: readonly string[];
    readonly greedy: boolean;
  }
  | { readonly mode: 'regex'; readonly pattern: string }
  /** No delimiters given: any character that is not a letter, digit or `_` separates words; a key's value is the word after it. */
  | { readonly mode: 'words'; readonly quotes: readonly (readonly [string, string])[]; readonly escapes: readonly string[] };

/** The internal name of the kernel (not a Kusto function). */
export const PARSE_KV_FUNCTION = '$parse_kv';

type Bag = { [key: string]: DynamicValue };

function setFirst(bag: Bag, key: string, value: string): void {
  if (key !== '' && !Object.prototype.hasOwnProperty.call(bag, key)) bag[key] = value;
}

/** Reads a quoted run starting at `start` (on an open quote); returns its text and the index after the close. */
function readQuoted(text: string, start: number, close: string, escapes: readonly string[]): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (escapes.includes(c) && i + 1 < text.length) {
      value += text[i + 1];
      i += 2;
      continue;
    }
    if (c === close) return { value, end: i + 1 };
    value += c;
    i++;
  }
  return { value, end: i };
}

/** True when a key (text without delimiters) followed by the kv delimiter starts at `start`. */
function keyStartsAt(text: string, start: number, pairDelimiter: string, kvDelimiter: string): boolean {
  const kv = text.indexOf(kvDelimiter, start);
  if (kv <= start) return false;
  const candidate = text.slice(start, kv);
  return !candidate.includes(pairDelimiter) && candidate.trim() !== '';
}

/** Pairs of `text` in delimiter mode. */
export function parseDelimited(text: string, config: Extract<ParseKvConfig, { mode: 'delimiters' }>): Bag {
  const { pairDelimiter, kvDelimiter, quotes, escapes, greedy } = config;
  const bag: Bag = {};
  const quoteOf = (c: string): string | undefined => quotes.find(([open]) => open === c)?.[1];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && text[i] === ' ' && pairDelimiter !== ' ') i++;
    // The key: quoted, or up to the kv delimiter (a pair delimiter first means no value).
    let key: string;
    const keyClose = quoteOf(text[i]);
    if (keyClose !== undefined) {
      const quoted = readQuoted(text, i, keyClose, escapes);
      key = quoted.value;
      i = quoted.end;
      const kv = text.indexOf(kvDelimiter, i);
      const pair = text.indexOf(pairDelimiter, i);
      if (kv < 0 || (pair >= 0 && pair < kv)) {
        i = pair < 0 ? text.length : pair + pairDelimiter.length;
        continue;
      }
      i = kv + kvDelimiter.length;
    } else {
      const kv = text.indexOf(kvDelimiter, i);
      const pair = text.indexOf(pairDelimiter, i);
      if (kv < 0) break;
      if (pair >= 0 && pair < kv) {
        i = pair + pairDelimiter.length;
        continue;
      }
      key = text.slice(i, kv).trim();
      i = kv + kvDelimiter.length;
    }
    while (i < text.length && text[i] === ' ' && pairDelimiter !== ' ') i++;
    // The value: quoted, up to the next pair delimiter, or (greedy) up to the next key.
    const valueClose = quoteOf(text[i]);
    if (valueClose !== undefined) {
      const quoted = readQuoted(text, i, valueClose, escapes);
      setFirst(bag, key.trim(), quoted.value);
      const pair = text.indexOf(pairDelimiter, quoted.end);
      i = pair < 0 ? text.length : pair + pairDelimiter.length;
      continue;
    }
    let end = text.indexOf(pairDelimiter, i);
    while (greedy && end >= 0 && !keyStartsAt(text, end + pairDelimiter.length, pairDelimiter, kvDelimiter)) {
      end = text.indexOf(pairDelimiter, end + pairDelimiter.length);
    }
    if (end < 0) end = text.length;
    setFirst(bag, key.trim(), text.slice(i, end).trim());
    i = end + pairDelimiter.length;
  }
  return bag;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/**
 * Pairs of `text` without delimiters (parse-kv-operator.md, "nonspecified delimiter"): the text
 * is read as words (runs of letters, digits and `_`) and quoted values; each word is a key whose
 * value is the next word (first appearance wins, so only the keys asked for matter).
 */
export function parseWords(text: string, config: Extract<ParseKvConfig, { mode: 'words' }>): Bag {
  const words: string[] = [];
  let i = 0;
  while (i < text.length) {
    const close = config.quotes.find(([open]) => open === text[i])?.[1];
    if (close !== undefined) {
      const quoted = readQuoted(text, i, close, config.escapes);
      words.push(quoted.value.trim());
      i = quoted.end;
      continue;
    }
    if (!WORD_CHAR.test(text[i])) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && WORD_CHAR.test(text[i])) i++;
    words.push(text.slice(start, i));
  }
  const bag: Bag = {};
  for (let w = 0; w + 1 < words.length; w++) setFirst(bag, words[w], words[w + 1]);
  return bag;
}

/** Pairs of `text` in regex mode. */
export function parseWithRegex(text: string, regex: RegExp): Bag {
  const bag: Bag = {};
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    if (m[0] === '') regex.lastIndex++;
    setFirst(bag, (m[1] ?? '').trim(), (m[2] ?? '').trim());
  }
  return bag;
}

const parseKv: ScalarKernel = (args, call, ctx) => {
  const [text, configText] = args;
  const config = JSON.parse(String(configText.kind === 'string' ? configText.dict[configText.codes[0]] : '{}')) as ParseKvConfig;
  let parse: (s: string) => Bag;
  if (config.mode === 'regex') {
    const translated = translateRe2(config.pattern);
    const regex = new RegExp(translated.source, `${translated.flags}g`);
    parse = (s) => parseWithRegex(s, regex);
  } else if (config.mode === 'words') {
    parse = (s) => parseWords(s, config);
  } else {
    parse = (s) => parseDelimited(s, config);
  }
  return mapValues([text], call.type, ctx, ([s]) => (typeof s === 'string' ? parse(s) : {}));
};

/** The internal `$parse_kv` kernel, by name (for the registry). */
export const PARSE_KV_FUNCTIONS: Readonly<Record<string, ScalarKernel>> = { [PARSE_KV_FUNCTION]: parseKv };
