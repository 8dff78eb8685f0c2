import { describe, expect, it } from 'vitest';
import { swapGreediness } from './lowerParse';
import { query } from '../functions/queryTestKit';

describe('swapGreediness (RE2 flag U)', () => {
  it('makes greedy quantifiers lazy and lazy ones greedy', () => {
    expect(swapGreediness('a.*b+?c?d{2,3}')).toBe('a.*?b+c??d{2,3}?');
  });

  it('leaves escapes, classes and group prefixes alone', () => {
    expect(swapGreediness('\\*[*+?](?<g>x)(?:y)')).toBe('\\*[*+?](?<g>x)(?:y)');
  });
});

describe('parse lowering', () => {
  it('types the extracted columns as the binder does (string by default)', () => {
    const { types, rows } = query('print s = "a=1;b=x" | parse s with "a=" a:int ";b=" b');
    expect(types).toEqual(['string', 'int', 'string']);
    expect(rows).toEqual([['a=1;b=x', 1, 'x']]);
  });

  it('matches constants literally in simple mode (regex characters are not special)', () => {
    const { rows } = query('print s = "x.y(1)" | parse s with "x.y(" n:long ")"');
    expect(rows).toEqual([['x.y(1)', 1]]);
    expect(query('print s = "xzy(1)" | parse s with "x.y(" n:long ")"').rows).toEqual([['xzy(1)', null]]);
  });

  it('reads constants as regular expressions in regex mode', () => {
    expect(query('print s = "xzy(1)" | parse kind=regex s with @"x.y\\(" n:long').rows).toEqual([['xzy(1)', 1]]);
  });

  it('matches across line breaks in simple mode; regex mode needs flag s', () => {
    expect(query('print s = "a=1\\n2;" | parse s with "a=" v ";"').rows).toEqual([['a=1\n2;', '1\n2']]);
    expect(query('print s = "a=1\\n2;" | parse kind=regex s with "a=" v ";"').rows).toEqual([['a=1\n2;', '']]);
    expect(query('print s = "a=1\\n2;" | parse kind=regex flags=s s with "a=" v ";"').rows).toEqual([['a=1\n2;', '1\n2']]);
  });
});
