/**
 * Initial column widths of the results grid, from the column's name, type and a sample
 * of its display text. Pure, so it is unit-tested in Node.
 */
import type { ScalarType } from '../../engine';

/** Approximate width of one character of the grid's 12px monospace font, in pixels. */
export const CHAR_WIDTH_PX = 7.3;
/** Horizontal padding of a cell plus room for the resize handle. */
const CELL_PADDING_PX = 20;
export const MIN_COLUMN_WIDTH_PX = 48;
export const MAX_INITIAL_COLUMN_WIDTH_PX = 420;
/** How many leading rows are sampled to size text columns. */
export const WIDTH_SAMPLE_ROWS = 200;

/** The usual width of a type's display text (in characters), or null when it depends only on the data. */
function fixedWidthChars(type: ScalarType): number | null {
  switch (type) {
    case 'datetime':
      return 24; // 2024-05-01T13:02:11.456Z; sampled sub-millisecond values widen it to 28
    case 'guid':
      return 36;
    case 'bool':
      return 5;
    case 'timespan':
      return 16;
    case 'int':
    case 'long':
    case 'real':
    case 'decimal':
    case 'string':
    case 'dynamic':
      return null;
    default: {
      const never: never = type;
      return never;
    }
  }
}

/**
 * The initial width in pixels of a column: wide enough for its header, the usual width of
 * its type and the longest sampled value, within `MIN_COLUMN_WIDTH_PX`..`MAX_INITIAL_COLUMN_WIDTH_PX`.
 */
export function initialColumnWidth(name: string, type: ScalarType, sampleTexts: readonly string[]): number {
  const headerChars = name.length + 2;
  const sampled = sampleTexts.reduce((max, s) => Math.max(max, s.length), 0);
  const dataChars = Math.max(fixedWidthChars(type) ?? 0, sampled);
  const px = Math.ceil(Math.max(headerChars, dataChars) * CHAR_WIDTH_PX + CELL_PADDING_PX);
  return Math.min(MAX_INITIAL_COLUMN_WIDTH_PX, Math.max(MIN_COLUMN_WIDTH_PX, px));
}
