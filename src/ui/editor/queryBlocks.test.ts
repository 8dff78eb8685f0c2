import { describe, expect, it } from 'vitest';
import { queryBlockAt } from './queryBlocks';

const CARET = '‸';

/** The caret offset marked by `‸` in `marked`, and the text without it. */
function caret(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf(CARET);
  if (offset < 0) throw new Error('no caret marker');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

function blockTextAt(marked: string): string {
  const { text, offset } = caret(marked);
  return queryBlockAt(text, offset).text;
}

describe('queryBlockAt', () => {
  const twoQueries = 'T\n| where x > 1\n\nU\n| count';

  it('returns the whole text when there is a single block', () => {
    expect(queryBlockAt('T | take 10', 4)).toEqual({ text: 'T | take 10', start: 0, end: 11 });
  });

  it('picks the block under the caret, on any of its lines', () => {
    expect(blockTextAt('T\n| wh‸ere x > 1\n\nU\n| count')).toBe('T\n| where x > 1');
    expect(blockTextAt('‸T\n| where x > 1\n\nU\n| count')).toBe('T\n| where x > 1');
    expect(blockTextAt('T\n| where x > 1\n\nU‸\n| count')).toBe('U\n| count');
    expect(blockTextAt('T\n| where x > 1\n\nU\n| count‸')).toBe('U\n| count');
  });

  it('gives offsets that slice the block out of the text', () => {
    const second = queryBlockAt(twoQueries, twoQueries.length);
    expect(twoQueries.slice(second.start, second.end)).toBe('U\n| count');
    expect(second.start).toBe(twoQueries.indexOf('U'));
    expect(second.end).toBe(twoQueries.length);
    const first = queryBlockAt(twoQueries, 0);
    expect(first).toEqual({ text: 'T\n| where x > 1', start: 0, end: 'T\n| where x > 1'.length });
  });

  it('treats the caret at the end of a line as on that line', () => {
    const text = 'T\n\nU';
    expect(queryBlockAt(text, 1).text).toBe('T'); // just before the first \n
    expect(queryBlockAt(text, 3).text).toBe('U'); // start of the line "U"
  });

  it('picks the block above when the caret is on a blank line between blocks', () => {
    expect(blockTextAt('T\n| count\n‸\nU')).toBe('T\n| count');
    expect(blockTextAt('T\n| count\n\n\n‸\nU')).toBe('T\n| count');
    expect(blockTextAt('T\n| count\n  \t‸\n\nU')).toBe('T\n| count');
  });

  it('picks the block above when the caret is on trailing blank lines', () => {
    expect(blockTextAt('T | count\n\n‸')).toBe('T | count');
  });

  it('picks the first block when the caret is on leading blank lines', () => {
    const { text, offset } = caret('\n‸\n\nT | count\n\nU');
    expect(queryBlockAt(text, offset)).toEqual({ text: 'T | count', start: 3, end: 12 });
  });

  it('separates blocks by whitespace-only lines, not only empty ones', () => {
    expect(blockTextAt('T\n   \n‸U')).toBe('U');
    expect(blockTextAt('T\n\t \nU\n‸V')).toBe('U\nV');
  });

  it('keeps indentation and comment lines inside a block', () => {
    expect(blockTextAt('// errors only\nT\n    | where x‸\n\nU')).toBe('// errors only\nT\n    | where x');
  });

  it('handles CRLF and CR line breaks', () => {
    const crlf = 'T\r\n| count\r\n\r\nU\r\n| take 1';
    expect(queryBlockAt(crlf, crlf.length).text).toBe('U\r\n| take 1');
    expect(queryBlockAt(crlf, 2).text).toBe('T\r\n| count');
    // caret between \r and \n of the blank line's break: still the blank line -> block above
    expect(queryBlockAt(crlf, crlf.indexOf('\r\n\r\n') + 2).text).toBe('T\r\n| count');
    const cr = 'T\r\rU';
    expect(queryBlockAt(cr, cr.length).text).toBe('U');
  });

  it('returns an empty block at the caret for empty or blank text', () => {
    expect(queryBlockAt('', 0)).toEqual({ text: '', start: 0, end: 0 });
    expect(queryBlockAt(' \n\n  ', 3)).toEqual({ text: '', start: 3, end: 3 });
  });

  it('clamps offsets outside the text', () => {
    expect(queryBlockAt(twoQueries, -5).text).toBe('T\n| where x > 1');
    expect(queryBlockAt(twoQueries, 10_000).text).toBe('U\n| count');
    expect(queryBlockAt(twoQueries, Number.NaN).text).toBe('T\n| where x > 1');
  });

  it('counts offsets in UTF-16 units (surrogate pairs, non-BMP text)', () => {
    const text = 'print "😀"\n\nprint "é"';
    const block = queryBlockAt(text, text.length - 1);
    expect(block.text).toBe('print "é"');
    expect(block.start).toBe(text.length - 'print "é"'.length);
  });

  it('satisfies its invariants at every offset of a mixed text', () => {
    const text = '\n// a\nT | take 1\n\n \nU\n\t| count\r\n\r\nV\n\n';
    for (let offset = 0; offset <= text.length; offset++) {
      const block = queryBlockAt(text, offset);
      expect(text.slice(block.start, block.end)).toBe(block.text);
      if (block.text === '') continue;
      // a block holds no blank line and is maximal: bounded by the text's edges or line breaks
      expect(block.text.split(/\r\n|\n|\r/).every((line) => line.trim() !== '')).toBe(true);
      expect(block.start === 0 || /[\r\n]/.test(text[block.start - 1])).toBe(true);
      expect(block.end === text.length || /[\r\n]/.test(text[block.end])).toBe(true);
      // a caret inside a non-blank block line is inside the returned block
      const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
      const lineEndMatch = /[\r\n]|$/.exec(text.slice(offset));
      const line = text.slice(lineStart, offset + (lineEndMatch?.index ?? 0));
      if (line.trim() !== '') {
        expect(offset).toBeGreaterThanOrEqual(block.start);
        expect(offset).toBeLessThanOrEqual(block.end);
      }
    }
  });
});
