/**
 * Kusto's regular expressions (RE2 syntax) in JavaScript's engine. Most syntax is shared; this
 * rewrites the common differences: leading inline flags `(?i)`, `(?s)`, `(?m)` (and combined,
 * `(?is)`), named groups `(?P<name>...)`, `\A` and `\z`, and the ASCII classes `[[:alpha:]]`.
 * Anything else JavaScript rejects is reported as an invalid pattern by the caller.
 */

/** A pattern and flags for `new RegExp`. */
export interface TranslatedRegex {
  readonly source: string;
  readonly flags: string;
}

const POSIX_CLASSES: Readonly<Record<string, string>> = {
  alnum: '0-9A-Za-z', alpha: 'A-Za-z', ascii: '\\x00-\\x7F', blank: '\\t ', cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9', graph: '!-~', lower: 'a-z', print: ' -~', punct: '!-\\/:-@\\[-`{-~', space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z', word: '0-9A-Za-z_', xdigit: '0-9A-Fa-f',
};

const LEADING_FLAGS = /^\(\?([imsU]+)\)/;

/** Translates an RE2 pattern into a JavaScript source and flags (without `g`). */
export function translateRe2(pattern: string): TranslatedRegex {
  let flags = '';
  let rest = pattern;
  for (let m = LEADING_FLAGS.exec(rest); m !== null; m = LEADING_FLAGS.exec(rest)) {
    for (const f of m[1]) if (f !== 'U' && !flags.includes(f)) flags += f;
    rest = rest.slice(m[0].length);
  }
  let out = '';
  let inClass = false;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (c === '\\' && i + 1 < rest.length) {
      const next = rest[i + 1];
      i++;
      if (!inClass && next === 'A') out += '(?<![\\s\\S])';
      else if (!inClass && next === 'z') out += '(?![\\s\\S])';
      else out += c + next;
      continue;
    }
    if (inClass) {
      if (c === '[' && rest[i + 1] === ':') {
        const end = rest.indexOf(':]', i + 2);
        const name = end < 0 ? '' : rest.slice(i + 2, end);
        const negated = name.startsWith('^');
        const ranges = POSIX_CLASSES[negated ? name.slice(1) : name];
        // Why: JavaScript has no negated class inside a class; only the plain form is rewritten.
        if (ranges !== undefined && !negated) {
          out += ranges;
          i = end + 1;
          continue;
        }
      }
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      // A `]` right after `[` or `[^` is a literal in RE2.
      if (rest[i + 1] === '^') {
        out += '^';
        i++;
      }
      if (rest[i + 1] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    if (c === '(' && rest.startsWith('(?P<', i)) {
      out += '(?<';
      i += 3;
      continue;
    }
    out += c;
  }
  return { source: out, flags };
}

/** `regex_quote(s)`: `s` with every regular-expression metacharacter escaped. */
export function regexQuote(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}
