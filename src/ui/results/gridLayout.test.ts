import { describe, expect, it } from 'vitest';
import { initialColumnWidth, MAX_INITIAL_COLUMN_WIDTH_PX, MIN_COLUMN_WIDTH_PX } from './gridLayout';

describe('initialColumnWidth', () => {
  it('fits the longest sampled value of a text column', () => {
    const narrow = initialColumnWidth('Repo', 'string', ['api', 'web']);
    const wide = initialColumnWidth('Repo', 'string', ['api', 'a-much-longer-repository-name']);
    expect(wide).toBeGreaterThan(narrow);
  });
  it('fits the header when the values are short', () => {
    expect(initialColumnWidth('AVeryLongColumnNameIndeed', 'long', ['1'])).toBeGreaterThan(initialColumnWidth('n', 'long', ['1']));
  });
  it('sizes datetime and guid columns by their fixed text width', () => {
    expect(initialColumnWidth('t', 'datetime', [])).toBe(initialColumnWidth('t', 'string', ['2024-05-01T13:02:11.456Z']));
    expect(initialColumnWidth('g', 'guid', [])).toBeGreaterThan(initialColumnWidth('t', 'datetime', []));
    expect(initialColumnWidth('t', 'datetime', ['2024-05-01T13:02:11.4567892Z'])).toBeGreaterThan(initialColumnWidth('t', 'datetime', []));
  });
  it('stays within bounds', () => {
    expect(initialColumnWidth('x', 'string', ['x'.repeat(5000)])).toBe(MAX_INITIAL_COLUMN_WIDTH_PX);
    expect(initialColumnWidth('', 'string', [])).toBe(MIN_COLUMN_WIDTH_PX);
  });
});
