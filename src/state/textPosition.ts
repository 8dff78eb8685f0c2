/**
 * Line and column of an offset, computed at the edge (error text) as the architecture
 * asks: offsets inside, line/column only where a person reads them.
 */

/** A 1-based line and column (column counted in UTF-16 code units, as editors do). */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

/**
 * The 1-based line and column of UTF-16 `offset` in `text`. `\r\n`, `\n` and `\r` all end a
 * line. Offsets outside the text are clamped to it.
 */
export function lineColumnAt(text: string, offset: number): LineColumn {
  const end = Math.min(Math.max(0, Math.floor(offset)), text.length);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 /* \n */) {
      line++;
      lineStart = i + 1;
    } else if (ch === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10 && i + 1 < end) i++;
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * The position in an enclosing text of `inner`, a position inside a piece of that text
 * that starts at `pieceStart`: lines add up; the column shifts only on the piece's first line.
 */
export function positionWithin(pieceStart: LineColumn, inner: LineColumn): LineColumn {
  if (inner.line === 1) return { line: pieceStart.line, column: pieceStart.column + inner.column - 1 };
  return { line: pieceStart.line + inner.line - 1, column: inner.column };
}
