import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Answer } from './answer';
import { compareAnswers } from './answer';
import type { QuerySpec } from './queries';
import { QUERIES } from './queries';
import { median } from './stats';

function spec(id: string): QuerySpec {
  const found = QUERIES.find((q) => q.id === id);
  if (found === undefined) throw new Error(id);
  return found;
}

const Q2 = spec('Q2');
const Q4 = spec('Q4');
const Q5 = spec('Q5');

describe('compareAnswers', () => {
  it('accepts the same rows in another order', () => {
    const a: Answer = { columns: ['TimeGenerated', 'OperationName', 'count_'], rows: [[0, 'Pull', 3], [0, 'Push', 1]] };
    const b: Answer = { columns: a.columns, rows: [[0, 'Push', 1], [0, 'Pull', 3]] };
    assert.equal(compareAnswers(a, b, Q2), null);
  });

  it('reports a different count and a missing row', () => {
    const a: Answer = { columns: ['TimeGenerated', 'OperationName', 'count_'], rows: [[0, 'Pull', 3], [0, 'Push', 1]] };
    assert.match(compareAnswers(a, { columns: a.columns, rows: [[0, 'Pull', 4], [0, 'Push', 1]] }, Q2) ?? '', /column count_/);
    assert.match(compareAnswers(a, { columns: a.columns, rows: [[0, 'Pull', 3]] }, Q2) ?? '', /1 rows instead of 2/);
  });

  it('reports other column names', () => {
    const a: Answer = { columns: ['TimeGenerated', 'OperationName', 'count_'], rows: [] };
    assert.match(compareAnswers(a, { columns: ['TimeGenerated', 'OperationName', 'Count'], rows: [] }, Q2) ?? '', /columns/);
  });

  it('allows float noise in averages and method differences in percentiles, not more', () => {
    const columns = ['Repository', 'dcount_Identity', 'avg_DurationMs', 'percentile_DurationMs_95'];
    const a: Answer = { columns, rows: [['shop/web', 7, 13.123456789, 40]] };
    assert.equal(compareAnswers(a, { columns, rows: [['shop/web', 7, 13.123456789 + 1e-12, 41]] }, Q4), null);
    assert.notEqual(compareAnswers(a, { columns, rows: [['shop/web', 7, 13.2, 40]] }, Q4), null);
    assert.notEqual(compareAnswers(a, { columns, rows: [['shop/web', 7, 13.123456789, 45]] }, Q4), null);
    assert.notEqual(compareAnswers(a, { columns, rows: [['shop/web', 8, 13.123456789, 40]] }, Q4), null);
  });

  it('lets a top cut keep any of the rows tied at its last value', () => {
    const columns = ['Identity', 'CallerIpAddress', 'count_'];
    const a: Answer = { columns, rows: [['x', '1', 9], ['y', '2', 5]] };
    assert.equal(compareAnswers(a, { columns, rows: [['x', '1', 9], ['z', '3', 5]] }, Q5), null);
    assert.notEqual(compareAnswers(a, { columns, rows: [['w', '1', 9], ['y', '2', 5]] }, Q5), null);
    assert.notEqual(compareAnswers(a, { columns, rows: [['x', '1', 9], ['y', '2', 4]] }, Q5), null);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.throws(() => median([]));
  });
});
