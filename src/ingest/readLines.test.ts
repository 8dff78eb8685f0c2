import { describe, expect, it } from 'vitest';
import { LineSplitter, readChunks } from './readLines';

describe('LineSplitter', () => {
  it('joins lines split across chunks and accepts LF and CRLF', () => {
    const splitter = new LineSplitter();
    const lines = [...splitter.push('\uFEFFab'), ...splitter.push('c\r'), ...splitter.push('\nd\re\n'), ...splitter.push(''), ...splitter.push('\r\nlast')];
    lines.push(...splitter.end());
    expect(lines).toEqual([
      { text: 'abc', line: 1 },
      { text: 'd\re', line: 2 },
      { text: '', line: 3 },
      { text: 'last', line: 4 },
    ]);
  });

  it('yields nothing at the end when the text ends with a line break', () => {
    const splitter = new LineSplitter();
    expect(splitter.push('one\n')).toEqual([{ text: 'one', line: 1 }]);
    expect(splitter.end()).toEqual([]);
  });
});

describe('readChunks', () => {
  it('slices a blob into chunks of the given size', async () => {
    const sizes: number[] = [];
    for await (const chunk of readChunks(new Blob(['0123456789']), 4)) sizes.push(chunk.byteLength);
    expect(sizes).toEqual([4, 4, 2]);
  });

  it('streams every byte of a multi-part blob', async () => {
    let total = '';
    const decoder = new TextDecoder();
    for await (const chunk of readChunks(new Blob(['ab', 'cd', 'é']))) total += decoder.decode(chunk, { stream: true });
    expect(total + decoder.decode()).toBe('abcdé');
  });
});
