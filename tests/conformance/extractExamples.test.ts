import { describe, expect, it } from 'vitest';
import { extractExamples, splitHeaderLine, splitTableLine, unescapeMarkdown } from './extractExamples';

const PAGE = [
  '# f()',
  '',
  '```kusto',
  'print x = 1',
  '```',
  '',
  '**Output**',
  '',
  '| x | `y` |',
  '|--|--|',
  '| 1 | a \\| b |',
  '| 2 | `code` |',
  '',
  '```kusto',
  'StormEvents | take 1',
  '```',
  '',
  '## Next heading',
  '',
  '| not | an output |',
  '|---|---|',
  '| 1 | 2 |',
].join('\n');

describe('extractExamples', () => {
  it('pairs a kusto block with the table after it', () => {
    const examples = extractExamples('f.md', PAGE);
    expect(examples).toHaveLength(1);
    expect(examples[0]).toMatchObject({ page: 'f.md', line: 3, query: 'print x = 1', columns: ['x', 'y'] });
    expect(examples[0].rows).toEqual([['1', 'a | b'], ['2', 'code']]);
  });

  it('ignores a table that comes after a heading', () => {
    expect(extractExamples('f.md', PAGE).map((e) => e.query)).not.toContain('StormEvents | take 1');
  });

  it('splits cells, resolving escaped bars, entities and <br>', () => {
    expect(splitTableLine('| a &lt; b | c<br>d | e \\| f |')).toEqual(['a < b', 'c\nd', 'e | f']);
  });

  it('reads a markdown autolink as its address', () => {
    expect(splitTableLine('|<https://bing.com>|bing.com|')).toEqual(['https://bing.com', 'bing.com']);
  });

  it('keeps reading rows written without the leading pipe, up to a blank line', () => {
    const page = ['```kusto', 'print s = "abc"', '```', '', '|s|', '|---|', 'abc|', 'd|', '', 'Text | with a bar'].join('\n');
    expect(extractExamples('g.md', page)[0].rows).toEqual([['abc'], ['d']]);
  });

  it('resolves markdown escapes in a header as the page renders it', () => {
    const page = ['```kusto', 'print x = 1', '```', '', '|series\\_periods\\_detect\\_y|a\\*b|', '|---|---|', '|1|2|'].join('\n');
    expect(extractExamples('h.md', page)[0].columns).toEqual(['series_periods_detect_y', 'a*b']);
  });

  it('keeps a backslash inside a code-span header, and in cells', () => {
    expect(splitHeaderLine('| `a\\_b` | c\\_d | e\\\\f |')).toEqual(['a\\_b', 'c_d', 'e\\f']);
    expect(splitTableLine('| c\\_d |')).toEqual(['c\\_d']);
  });

  it('unescapes only ASCII punctuation', () => {
    expect(unescapeMarkdown('\\_\\*\\#\\\\')).toBe('_*#\\');
    expect(unescapeMarkdown('\\d\\w \\é')).toBe('\\d\\w \\é');
  });
});
