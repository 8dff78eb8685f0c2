import { describe, expect, it } from 'vitest';
import { catalogOf, runQuery } from '../../src/engine';
import { needsExternalData, skipBeforeRunning, unknownToParser } from './classify';

const NOW = Date.UTC(2024, 0, 15, 12);

describe('skipBeforeRunning', () => {
  it('sees a management command behind leading comments', () => {
    expect(skipBeforeRunning('a.md', '// a comment\n\n// another\n.create table T (x:long)', [['1']])).toBe('management command');
    expect(skipBeforeRunning('a.md', '// a comment\nprint x = 1', [['1']])).toBeNull();
  });

  it('skips queries that sample rows at random', () => {
    expect(skipBeforeRunning('a.md', 'range x from 1 to 9 step 1\n| sample 1', [['3']])).toBe('non-deterministic (now, ago, rand, new_guid)');
    expect(skipBeforeRunning('a.md', 'T | sample-distinct 2 of x', [['3']])).toBe('non-deterministic (now, ago, rand, new_guid)');
    expect(skipBeforeRunning('a.md', 'print samples = 1', [['1']])).toBeNull();
  });

  it('skips T-SQL', () => {
    expect(skipBeforeRunning('a.md', '--\nexplain\nSELECT 1', [['1']])).toBe('not KQL (SQL)');
  });

  it('treats an ellipsis inside an array as output shown in part, not other dots', () => {
    expect(skipBeforeRunning('a.md', 'print r = 1', [['["a","b",.....,"z"]']])).toBe('output shown only in part');
    expect(skipBeforeRunning('a.md', 'print r = 1', [['[1,2,...]']])).toBe('output shown only in part');
    expect(skipBeforeRunning('a.md', 'print r = 1', [['Wait... what']])).toBeNull();
  });
});

describe('needsExternalData', () => {
  const ok = runQuery('print x = 1', catalogOf([]), { now: NOW });

  it('counts search and find without lets as reading the help cluster', () => {
    expect(needsExternalData(ok, 'search "Green"')).toBe(true);
    expect(needsExternalData(ok, ' find in (T1, T2) where x == 1')).toBe(true);
    expect(needsExternalData(ok, 'let V = view () { print x = 1 };\nsearch x == 1')).toBe(false);
    expect(needsExternalData(ok, 'print x = 1')).toBe(false);
  });
});

describe('unknownToParser', () => {
  it('names a plug-in the bundled parser does not know', () => {
    const outcome = runQuery('datatable(x: long) [1] | evaluate no_such_plugin_here()', catalogOf([]), { now: NOW });
    expect(outcome.ok).toBe(false);
    expect(unknownToParser(outcome, '')).toContain('no_such_plugin_here');
  });

  it('names documented signatures the bundled parser rejects', () => {
    const timespan = 'print t = make_timespan(1, 12, 30, 55.123)';
    expect(unknownToParser(runQuery(timespan, catalogOf([]), { now: NOW }), timespan)).toContain('make_timespan');
    const unpack = 'datatable(d: dynamic) [dynamic({"a": 1})] | evaluate bag_unpack(d, ignoredProperties=dynamic(["a"]))';
    expect(unknownToParser(runQuery(unpack, catalogOf([]), { now: NOW }), unpack)).toContain('bag_unpack');
    const integral = 'print t = make_timespan(1, 12, 30, 55)';
    expect(unknownToParser(runQuery(integral, catalogOf([]), { now: NOW }), integral)).toBeNull();
  });

  it('leaves other analysis errors and successes alone', () => {
    const failed = runQuery('print x = 1 + "a"', catalogOf([]), { now: NOW });
    expect(unknownToParser(failed, 'print x = 1 + "a"')).toBeNull();
    expect(unknownToParser(runQuery('print x = 1', catalogOf([]), { now: NOW }), 'print x = 1')).toBeNull();
  });
});
