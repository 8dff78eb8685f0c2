import { describe, expect, it } from 'vitest';
import { lineColumnAt, positionWithin } from './textPosition';

describe('lineColumnAt', () => {
  it('counts lines and columns from 1', () => {
    const text = 'ContainerRegistryRepositoryEvents\n| where Foo == 1\n| take 10';
    expect(lineColumnAt(text, 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumnAt(text, text.indexOf('Foo'))).toEqual({ line: 2, column: 9 });
    expect(lineColumnAt(text, text.indexOf('10'))).toEqual({ line: 3, column: 8 });
  });
  it('treats \\r\\n and \\r as one line break each', () => {
    expect(lineColumnAt('ab\r\ncd', 5)).toEqual({ line: 2, column: 2 });
    expect(lineColumnAt('ab\rcd', 4)).toEqual({ line: 2, column: 2 });
  });
  it('clamps offsets outside the text', () => {
    expect(lineColumnAt('abc', 99)).toEqual({ line: 1, column: 4 });
    expect(lineColumnAt('abc', -3)).toEqual({ line: 1, column: 1 });
  });
});

describe('positionWithin', () => {
  it('agrees with counting in the whole text, on the first and on later lines of the piece', () => {
    const whole = 'A | take 1\n\n  T | where Foo > 1\n| where Bar < 2';
    const pieceStart = whole.indexOf('T |');
    const piece = whole.slice(pieceStart);
    for (const word of ['Foo', 'Bar', 'T |']) {
      const inPiece = lineColumnAt(piece, piece.indexOf(word));
      expect(positionWithin(lineColumnAt(whole, pieceStart), inPiece), word).toEqual(lineColumnAt(whole, whole.indexOf(word)));
    }
  });
});
