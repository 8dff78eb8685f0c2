import { describe, expect, it } from 'vitest';
import { errorCode, query } from '../functions/queryTestKit';

describe('column_ifexists lowering', () => {
  it('reads an existing column and otherwise evaluates the default per row', () => {
    expect(query('T | project a = column_ifexists("s", "none"), b = column_ifexists("S", strcat(s, "!"))').rows)
      .toEqual([['first', 'first!'], ['', '!'], ['third', 'third!']]);
  });

  it('types the result as the binder does and keeps the column\'s values', () => {
    expect(query('T | project v = column_ifexists("n", 0.5)')).toEqual({ types: ['real'], rows: [[1], [null], [-1]] });
    expect(query('T | project v = column_ifexists("n", int(0))')).toEqual({ types: ['int'], rows: [[1], [null], [-1]] });
  });

  it('refuses a pairing that would change values rather than answering differently', () => {
    expect(errorCode('T | project v = column_ifexists("s", 0)')).toBe('E_UNSUPPORTED');
    expect(errorCode('T | project v = column_ifexists("d", "")')).toBe('E_UNSUPPORTED');
  });

  it('takes a let-bound column name', () => {
    expect(query('let c = "s"; T | project v = column_ifexists(c, "none") | take 1').rows).toEqual([['first']]);
  });

  it('uses the default where there are no input columns', () => {
    expect(query('print v = column_ifexists("s", "none")').rows).toEqual([['none']]);
  });
});
