import { describe, expect, it } from 'vitest';
import { queryBlockAt } from '../ui/editor/queryBlocks';
import { cellLiteralOf, datetimeLiteral, filterPredicate, quoteColumnName, stringLiteral, timespanLiteral, withFilterLine } from './filterLine';
import { datetimeTicksOfMs } from './datetimeTicks';


describe('KQL literals of cell values', () => {
  it('escapes strings the way a KQL string literal needs', () => {
    expect(stringLiteral('a"b')).toBe('"a\\"b"');
    expect(stringLiteral('C:\\temp\\x')).toBe('"C:\\\\temp\\\\x"');
    expect(stringLiteral('line1\nline2\tend\r')).toBe('"line1\\nline2\\tend\\r"');
    expect(stringLiteral('')).toBe('""');
  });

  it('spells datetimes with 7 fraction digits in UTC, and timespans as [d.]hh:mm:ss[.fffffff]', () => {
    expect(datetimeLiteral(datetimeTicksOfMs(Date.UTC(2024, 0, 1)))).toBe('datetime(2024-01-01T00:00:00.0000000Z)');
    expect(datetimeLiteral(datetimeTicksOfMs(Date.UTC(2024, 4, 1, 13, 2, 11, 456)) + 788)).toBe('datetime(2024-05-01T13:02:11.4560788Z)');
    expect(timespanLiteral(90 * 60 * 10_000_000)).toBe('timespan(01:30:00)');
    expect(timespanLiteral((26 * 3600 + 3 * 60 + 4) * 10_000_000 + 5_000_000)).toBe('timespan(1.02:03:04.5000000)');
    expect(timespanLiteral(-1500 * 10_000)).toBe('timespan(-00:00:01.5000000)');
  });

  it('quotes column names that are not plain identifiers or are keywords', () => {
    expect(quoteColumnName('Repository')).toBe('Repository');
    expect(quoteColumnName('_ResourceId')).toBe('_ResourceId');
    expect(quoteColumnName('my col')).toBe("['my col']");
    expect(quoteColumnName("it's")).toBe("['it\\'s']");
    expect(quoteColumnName('by')).toBe("['by']");
    expect(quoteColumnName('1st')).toBe("['1st']");
  });
});

describe('filterPredicate', () => {
  it('compares with == / != and a literal per type', () => {
    expect(filterPredicate('OperationName', { type: 'string', value: 'Pull "x"' }, 'include')).toBe('OperationName == "Pull \\"x\\""');
    expect(filterPredicate('OperationName', { type: 'string', value: 'Pull' }, 'exclude')).toBe('OperationName != "Pull"');
    expect(filterPredicate('TimeGenerated', { type: 'datetime', value: datetimeTicksOfMs(Date.UTC(2024, 0, 1)) }, 'include')).toBe('TimeGenerated == datetime(2024-01-01T00:00:00.0000000Z)');
    expect(filterPredicate('Duration', { type: 'timespan', value: 10_000_000 }, 'exclude')).toBe('Duration != timespan(00:00:01)');
    expect(filterPredicate('Size', { type: 'long', value: 1234 }, 'include')).toBe('Size == 1234');
    expect(filterPredicate('Ratio', { type: 'real', value: 0.25 }, 'include')).toBe('Ratio == 0.25');
    expect(filterPredicate('Ratio', { type: 'real', value: 3 }, 'include')).toBe('Ratio == 3.0');
    expect(filterPredicate('Ratio', { type: 'real', value: Number.POSITIVE_INFINITY }, 'include')).toBe('Ratio == real(+inf)');
    expect(filterPredicate('Ratio', { type: 'real', value: Number.NaN }, 'exclude')).toBe('not(isnan(Ratio))');
    expect(filterPredicate('Ok', { type: 'bool', value: 1 }, 'include')).toBe('Ok == true');
    expect(filterPredicate('Id', { type: 'guid', value: '0f8fad5b-d9cb-469f-a165-70867728950e' }, 'include')).toBe('Id == guid(0f8fad5b-d9cb-469f-a165-70867728950e)');
    expect(filterPredicate('my col', { type: 'long', value: 7 }, 'include')).toBe("['my col'] == 7");
  });

  it('tests nulls with isnull / isnotnull and dynamic values through tostring()', () => {
    expect(filterPredicate('Size', { type: 'long', value: null }, 'include')).toBe('isnull(Size)');
    expect(filterPredicate('Id', { type: 'guid', value: null }, 'exclude')).toBe('isnotnull(Id)');
    expect(filterPredicate('Props', { type: 'dynamic', value: null }, 'include')).toBe('isnull(Props)');
    expect(filterPredicate('Props', { type: 'dynamic', value: { a: [1, 'x"'] } }, 'include')).toBe('tostring(Props) == "{\\"a\\":[1,\\"x\\\\\\"\\"]}"');
    expect(filterPredicate('Props', { type: 'dynamic', value: 'plain' }, 'exclude')).toBe('tostring(Props) != "plain"');
  });

  it('reads a cell of each storage', () => {
    expect(cellLiteralOf({ kind: 'number', type: 'long', data: new Float64Array([5, 6]), nulls: new Uint8Array([0, 1]), length: 2 }, 1)).toEqual({ type: 'long', value: null });
    expect(cellLiteralOf({ kind: 'string', type: 'string', codes: new Int32Array([1, 0]), dict: ['a', 'b'], length: 2 }, 0)).toEqual({ type: 'string', value: 'b' });
    expect(cellLiteralOf({ kind: 'dynamic', type: 'dynamic', values: [{ k: 1 }], length: 1 }, 0)).toEqual({ type: 'dynamic', value: { k: 1 } });
  });
});

describe('withFilterLine', () => {
  const q1 = 'ContainerRegistryRepositoryEvents\n| take 10';
  const q2 = 'ContainerRegistryLoginEvents\n| count';

  it('appends the line at the end of the run block (the one under the caret)', () => {
    const text = `${q1}\n\n${q2}\n`;
    const next = withFilterLine(text, text.indexOf('| count'), q2, queryBlockAt, 'X == 1');
    expect(next.text).toBe(`${q1}\n\n${q2}\n| where X == 1\n`);
    expect(queryBlockAt(next.text, next.cursor).text).toBe(`${q2}\n| where X == 1`);
  });

  it('finds the run block elsewhere when the caret moved to another block', () => {
    const text = `${q1}\n\n${q2}`;
    const next = withFilterLine(text, text.length, q1, queryBlockAt, 'isnull(Size)');
    expect(next.text).toBe(`${q1}\n| where isnull(Size)\n\n${q2}`);
    expect(queryBlockAt(next.text, next.cursor).text).toBe(`${q1}\n| where isnull(Size)`);
  });

  it('adds the filtered query as a new block when the run block was edited away', () => {
    const next = withFilterLine(q2, 0, q1, queryBlockAt, 'A != "b"');
    expect(next.text).toBe(`${q2}\n\n${q1}\n| where A != "b"`);
    expect(queryBlockAt(next.text, next.cursor).text).toBe(`${q1}\n| where A != "b"`);
  });
});
