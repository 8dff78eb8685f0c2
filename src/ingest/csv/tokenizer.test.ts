import { describe, expect, it } from 'vitest';
import type { CsvRecord } from './tokenizer';
import { CsvTokenizer } from './tokenizer';

/** Tokenizes `text` pushed in pieces of `size` characters. */
function tokenize(text: string, size = text.length || 1, delimiter = ','): CsvRecord[] {
  const t = new CsvTokenizer(delimiter);
  const out: CsvRecord[] = [];
  for (let i = 0; i < text.length; i += size) out.push(...t.push(text.slice(i, i + size)));
  out.push(...t.end());
  return out;
}

describe('CsvTokenizer', () => {
  const text = 'a,"b,1","say ""hi"""\r\n"multi\r\nline\nfield",,x\rlast,"",\n\n"q"\n';
  const expected: CsvRecord[] = [
    { fields: ['a', 'b,1', 'say "hi"'], line: 1 },
    { fields: ['multi\r\nline\nfield', '', 'x'], line: 2 },
    { fields: ['last', '', ''], line: 5 },
    { fields: ['q'], line: 7 },
  ];

  it('reads quoted fields, doubled quotes, embedded line breaks and CRLF/LF/CR; counts physical lines', () => {
    expect(tokenize(text)).toEqual(expected);
  });

  it('gives the same records for every chunk size', () => {
    for (let size = 1; size <= text.length; size++) expect(tokenize(text, size)).toEqual(expected);
  });

  it('gives the same records for every single split point', () => {
    for (let cut = 0; cut <= text.length; cut++) {
      const t = new CsvTokenizer(',');
      const out = [...t.push(text.slice(0, cut)), ...t.push(text.slice(cut)), ...t.end()];
      expect(out).toEqual(expected);
    }
  });

  it('keeps a last record without a final line break', () => {
    expect(tokenize('h1,h2\n1,2')).toEqual([
      { fields: ['h1', 'h2'], line: 1 },
      { fields: ['1', '2'], line: 2 },
    ]);
    expect(tokenize('h1,h2\n1,')).toEqual([
      { fields: ['h1', 'h2'], line: 1 },
      { fields: ['1', ''], line: 2 },
    ]);
  });

  it('reports a quoted field left open at the end', () => {
    expect(tokenize('a\n"open\nstill')).toEqual([
      { fields: ['a'], line: 1 },
      { fields: ['open\nstill'], line: 2, error: 'a quoted field is not closed before the end of the file' },
    ]);
  });

  it('splits on tabs for TSV and treats commas as text', () => {
    expect(tokenize('a\tb,c\n"x\ty"\t2\n', 3, '\t')).toEqual([
      { fields: ['a', 'b,c'], line: 1 },
      { fields: ['x\ty', '2'], line: 2 },
    ]);
  });

  it('is lenient with quotes inside unquoted text and text after a closing quote', () => {
    expect(tokenize('ab"c,"d"e\n')).toEqual([{ fields: ['ab"c', 'de'], line: 1 }]);
  });
});
