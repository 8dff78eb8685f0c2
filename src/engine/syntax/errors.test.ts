import { describe, expect, test } from 'vitest';
import type { EngineError } from '../errors';
import { EngineFailure } from '../errors';
import type { ColumnSchema } from '../table/column';
import { tableFromRows } from '../table/builder';
import { catalogOf } from '../table/table';
import { lowerQuery } from './index';

const T: ColumnSchema[] = [
  { name: 'TimeGenerated', type: 'datetime' },
  { name: 'Name', type: 'string' },
  { name: 'Size', type: 'int' },
  { name: 'Props', type: 'dynamic' },
];
const catalog = catalogOf([tableFromRows('T', T, []), tableFromRows('U', T, [])]);

function errorOf(text: string): EngineError {
  try {
    lowerQuery(text, catalog);
  } catch (e) {
    if (e instanceof EngineFailure) return e.error;
    throw e;
  }
  throw new Error(`expected an error for: ${text}`);
}

/** The text a span points at. */
function spanText(text: string, error: EngineError): string {
  if (error.span === null) return '<no span>';
  return text.slice(error.span.start, error.span.start + error.span.length);
}

describe('empty queries', () => {
  test.each(['', '   \n\t', '// just a comment', '// one\n// two\n'])('%j is E_EMPTY', (text) => {
    expect(errorOf(text).code).toBe('E_EMPTY');
  });
});

describe('analysis errors', () => {
  test('an unknown column points at the name, with the Kusto code', () => {
    const text = 'T | where Nmae == "x"';
    const error = errorOf(text);
    expect(error.code).toBe('E_ANALYSIS');
    expect(spanText(text, error)).toBe('Nmae');
    expect(error.kustoCode).toMatch(/^KS\d+$/);
    expect(error.message).toContain('Nmae');
  });

  test('an unknown table points at the table name', () => {
    const text = '// comment\nNope | take 1';
    const error = errorOf(text);
    expect(error.code).toBe('E_ANALYSIS');
    expect(spanText(text, error)).toBe('Nope');
  });

  test('a syntax error is reported', () => {
    const error = errorOf('T | where');
    expect(error.code).toBe('E_ANALYSIS');
    expect(error.span).not.toBeNull();
  });

  test('a type error is reported at the expression', () => {
    const text = 'T | where Size + "a" > 1';
    const error = errorOf(text);
    expect(error.code).toBe('E_ANALYSIS');
    expect(error.span !== null && error.span.start >= 'T | where '.length).toBe(true);
  });
});

describe('unsupported constructs', () => {
  test.each([
    ['T | evaluate pivot(Name) | take 1', 'pivot without an output schema ": (column:type, ...)" before other operators', 'pivot'],
    ['T | join kind=inner hint.strategy=shuffle U where $left.Size > $right.Size', 'join ... where', 'where $left.Size > $right.Size'],
    ['T | where assert(now() > datetime(2020-01-01), "x")', 'assert over a value known only at run time', 'now() > datetime(2020-01-01)'],
    ['T | parse kind=regex Name with "(" a', 'parse pattern (regular expression not supported here)', 'parse kind=regex Name with "(" a'],
    ['T | summarize percentile(Name, 50)', 'percentile of string', 'percentile(Name, 50)'],
    ['T | summarize count() * 2, percentile(Name, 50)', 'percentile of string', 'percentile(Name, 50)'],
    ['T | extend x = geo_point_to_geohash(1.5, 2.5)', 'geo_point_to_geohash', 'geo_point_to_geohash'],
    ['set query_now = datetime(2020-01-01); T', 'set query_now', 'query_now'],
    ['union kind=inner T, U', 'kind=inner', 'kind=inner'],
    ['union withsource=Src (datatable(a:long) [1]), U', 'withsource with this union leg', '(datatable(a:long) [1])'],
    ['T | union isfuzzy=true kind=inner U', 'kind=inner', 'kind=inner'],
    ['T | where Name in (U | project Name)', 'in (tabular or dynamic list)', 'U | project Name'],
    ['T | where Name like "a"', 'like', 'like'],
    ['T | where Name hasprefix_cs "a"', 'hasprefix_cs', 'hasprefix_cs'],
  ])('%s', (text, name, pointed) => {
    const error = errorOf(text);
    expect(error.code).toBe('E_UNSUPPORTED');
    expect(error.message).toBe(`not supported yet: ${name}`);
    expect(spanText(text, error)).toBe(pointed);
  });
});
