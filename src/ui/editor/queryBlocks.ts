/**
 * Query blocks: an editor text may hold several queries separated by one or more blank
 * (whitespace-only) lines, as in Log Analytics and Azure Data Explorer. "Run" executes
 * the block under the caret.
 */

/** One block of the editor text: `text === whole.slice(start, end)`. */
export interface QueryBlock {
  readonly text: string;
  /** UTF-16 offset of the block's first character (start of its first line). */
  readonly start: number;
  /** UTF-16 offset just past the block's last character (end of its last line, before the line break). */
  readonly end: number;
}

interface LineSpan {
  readonly start: number;
  /** Offset of the line break (or the text's end), exclusive. */
  readonly end: number;
  readonly blank: boolean;
}

const BLANK_LINE = /^\s*$/;

/** Splits `text` into lines on `\r\n`, `\n` or `\r`, keeping offsets. */
function splitLines(text: string): LineSpan[] {
  const lines: LineSpan[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch !== 10 /* \n */ && ch !== 13 /* \r */) continue;
    lines.push({ start, end: i, blank: BLANK_LINE.test(text.slice(start, i)) });
    if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  lines.push({ start, end: text.length, blank: BLANK_LINE.test(text.slice(start)) });
  return lines;
}

/** Index of the line holding `offset` (an offset on a line break belongs to the line it ends). */
function lineIndexAt(lines: readonly LineSpan[], offset: number): number {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lines[mid].start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * The query block at `offset` (a caret position, UTF-16 units; clamped into the text).
 *
 * - Caret on a non-blank line: the run of non-blank lines around it.
 * - Caret on a blank line between blocks: the block above (where the caret usually is
 *   just after typing a query and pressing Enter; Log Analytics and monaco-kusto also
 *   attach the blank line below a query to that query).
 * - Caret on a blank line before the first block: the first block.
 * - No non-blank line at all: an empty block at the caret.
 */
export function queryBlockAt(text: string, offset: number): QueryBlock {
  const caret = Math.min(Math.max(0, Math.trunc(offset) || 0), text.length);
  const lines = splitLines(text);
  let index = lineIndexAt(lines, caret);

  if (lines[index].blank) {
    let above = index - 1;
    while (above >= 0 && lines[above].blank) above--;
    if (above >= 0) {
      index = above;
    } else {
      let below = index + 1;
      while (below < lines.length && lines[below].blank) below++;
      if (below >= lines.length) return { text: '', start: caret, end: caret };
      index = below;
    }
  }

  let first = index;
  while (first > 0 && !lines[first - 1].blank) first--;
  let last = index;
  while (last < lines.length - 1 && !lines[last + 1].blank) last++;

  const start = lines[first].start;
  const end = lines[last].end;
  return { text: text.slice(start, end), start, end };
}
