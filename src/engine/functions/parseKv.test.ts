import { describe, expect, it } from 'vitest';
import { parseDelimited, parseWithRegex } from './parseKv';
import { seasonal } from './seriesAnalysis';

const delimiters = (pairDelimiter: string, kvDelimiter: string, extra: Partial<{ quotes: [string, string][]; escapes: string[]; greedy: boolean }> = {}) => ({
  mode: 'delimiters' as const, pairDelimiter, kvDelimiter, quotes: extra.quotes ?? [], escapes: extra.escapes ?? [], greedy: extra.greedy ?? false,
});

describe('parse-kv kernels', () => {
  it('splits pairs, trims keys and values, keeps the first appearance of a key', () => {
    expect(parseDelimited('ThreadId:458745723, Machine:Node001, Text: The service is up, ThreadId:1', delimiters(',', ':')))
      .toEqual({ ThreadId: '458745723', Machine: 'Node001', Text: 'The service is up' });
  });
  it('reads quoted keys and values with escapes, and pairs of open/close quotes', () => {
    expect(parseDelimited('a="x \\"y\\"" "b c"=2', delimiters(' ', '=', { quotes: [['"', '"']], escapes: ['\\'] })))
      .toEqual({ a: 'x "y"', 'b c': '2' });
    expect(parseDelimited('f=(a b) g=1', delimiters(' ', '=', { quotes: [['(', ')']] }))).toEqual({ f: 'a b', g: '1' });
  });
  it('stops a value at the next pair delimiter unless greedy', () => {
    expect(parseDelimited('name=John Doe phone=555 5555', delimiters(' ', '='))).toEqual({ name: 'John', phone: '555' });
    expect(parseDelimited('name=John Doe phone=555 5555', delimiters(' ', '=', { greedy: true }))).toEqual({ name: 'John Doe', phone: '555 5555' });
  });
  it('takes keys and values from the two groups of every regex match', () => {
    expect(parseWithRegex('"a b: 1", "c: 2", "a b: 3"', /"([\w ]+)\s*:\s*([^"]*)"/g)).toEqual({ 'a b': '1', c: '2' });
  });
});

describe('series_seasonal', () => {
  it('takes the median per position of the period (docs example)', () => {
    expect(seasonal([1, 3, 5, 2, 4, 6, 1, 3, 5, 2, 4, 6], 3)).toEqual([1.5, 3.5, 5.5, 1.5, 3.5, 5.5, 1.5, 3.5, 5.5, 1.5, 3.5, 5.5]);
    expect(seasonal([1, 3, 5, 1, 3, 5, 2, 4, 6], 3)).toEqual([1, 3, 5, 1, 3, 5, 1, 3, 5]);
  });
});
