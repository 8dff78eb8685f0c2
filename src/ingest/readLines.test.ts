import { describe, expect, it } from 'vitest';
import type { NumberedLine } from './readLines';
import { LineSplitter, readChunks, Utf8LineDecoder } from './readLines';

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

describe('Utf8LineDecoder with LineSplitter', () => {
  /** Lines of `bytes` fed in two chunks cut at `cut`. */
  function linesCutAt(bytes: Uint8Array, cut: number): string[] {
    const decoder = new Utf8LineDecoder();
    const splitter = new LineSplitter();
    const lines: NumberedLine[] = [];
    for (const chunk of [bytes.subarray(0, cut), bytes.subarray(cut)]) for (const piece of decoder.push(chunk)) splitter.push(piece, lines);
    lines.push(...splitter.push(decoder.end()), ...splitter.end());
    expect(lines.map((l) => l.line)).toEqual(lines.map((_, i) => i + 1));
    return lines.map((l) => l.text);
  }

  it('gives the lines of one whole decode wherever the bytes are cut, multi-byte characters included', () => {
    const text = '\uFEFF{"a":"józef"}\r\n测试/app🐳\n\nlast \uFEFF line\r\nno break at the end é';
    const bytes = new TextEncoder().encode(text);
    const expected = text.slice(1).split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
    for (let cut = 0; cut <= bytes.length; cut++) expect(linesCutAt(bytes, cut)).toEqual(expected);
  });

  it('replaces invalid and truncated sequences as a streaming TextDecoder does', () => {
    const bytes = new Uint8Array([0x61, 0xe2, 0x82, 0x0a, 0xff, 0x62, 0x0a, 0xf0, 0x9f, 0x90]);
    const reference = new TextDecoder().decode(bytes).split('\n');
    for (let cut = 0; cut <= bytes.length; cut++) expect(linesCutAt(bytes, cut)).toEqual(reference);
  });

  it('joins a line longer than many chunks', () => {
    const long = 'x'.repeat(1000);
    const decoder = new Utf8LineDecoder();
    const bytes = new TextEncoder().encode(`${long}\nnext\n`);
    const pieces: string[] = [];
    for (let i = 0; i < bytes.length; i += 7) pieces.push(...decoder.push(bytes.slice(i, i + 7)));
    pieces.push(decoder.end());
    expect(pieces.join('')).toBe(`${long}\nnext\n`);
  });
});

describe('readChunks of a large blob', () => {
  it('yields every byte in order, read in slices', async () => {
    const size = 9 * 1024 * 1024 + 123;
    const source = new Uint8Array(size);
    for (let i = 0; i < size; i++) source[i] = (i * 31 + (i >> 10)) & 0xff;
    const copy = new Uint8Array(size);
    let offset = 0;
    let chunks = 0;
    for await (const chunk of readChunks(new Blob([source]))) {
      copy.set(chunk, offset);
      offset += chunk.byteLength;
      chunks++;
    }
    expect(offset).toBe(size);
    expect(chunks).toBeGreaterThan(1);
    // Why a loop: a deep equality of two 9 MiB arrays takes minutes on a busy machine.
    let mismatches = 0;
    for (let i = 0; i < size; i++) if (copy[i] !== source[i]) mismatches++;
    expect(mismatches).toBe(0);
  });

  it('stops cleanly when the consumer stops early', async () => {
    let seen = 0;
    for await (const chunk of readChunks(new Blob([new Uint8Array(10 * 1024 * 1024)]))) {
      seen += chunk.byteLength;
      break;
    }
    expect(seen).toBeGreaterThan(0);
  });
});
