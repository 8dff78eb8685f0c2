import { describe, expect, it } from 'vitest';
import { parseHistoryRecord, parseSavedQueriesRecord, parseTabsRecord, serializeHistory, serializeSavedQueries, serializeTabs } from './records';

const tab = (id: string, text = 'T | take 1') => ({ id, number: 1, title: null, text, cursor: 3 });

describe('tabs record', () => {
  it('reads back what was written', () => {
    const tabs = { tabs: [tab('a'), { ...tab('b'), number: 2, title: 'Mine' }], activeTabId: 'b', closed: [{ number: 3, title: null, text: 'x', cursor: 0 }] };
    expect(parseTabsRecord(serializeTabs(tabs))).toEqual({ kind: 'ok', value: tabs });
  });
  it('is absent when nothing is stored', () => {
    expect(parseTabsRecord(null)).toEqual({ kind: 'absent' });
  });
  it('rejects text that is not JSON', () => {
    expect(parseTabsRecord('{"version":1,').kind).toBe('corrupt');
    expect(parseTabsRecord('garbage').kind).toBe('corrupt');
  });
  it('rejects another version', () => {
    const result = parseTabsRecord(JSON.stringify({ version: 2, tabs: [tab('a')], activeTabId: 'a', closed: [] }));
    expect(result).toEqual({ kind: 'corrupt', reason: '$.version: expected 1' });
  });
  it('rejects wrong types, naming the field', () => {
    const result = parseTabsRecord(JSON.stringify({ version: 1, tabs: [{ ...tab('a'), text: 42 }], activeTabId: 'a', closed: [] }));
    expect(result.kind).toBe('corrupt');
    expect(result.kind === 'corrupt' && result.reason).toMatch(/^\$\.tabs\[0\]\.text/);
    expect(parseTabsRecord(JSON.stringify([1, 2])).kind).toBe('corrupt');
    expect(parseTabsRecord('null').kind).toBe('corrupt');
  });
  it('rejects an active tab that is not among the tabs, duplicate ids and no tabs at all', () => {
    expect(parseTabsRecord(JSON.stringify({ version: 1, tabs: [tab('a')], activeTabId: 'z', closed: [] })).kind).toBe('corrupt');
    expect(parseTabsRecord(JSON.stringify({ version: 1, tabs: [tab('a'), tab('a')], activeTabId: 'a', closed: [] })).kind).toBe('corrupt');
    expect(parseTabsRecord(JSON.stringify({ version: 1, tabs: [], activeTabId: 'a', closed: [] })).kind).toBe('corrupt');
  });
  it('rejects too many tabs or closed tabs', () => {
    const many = Array.from({ length: 51 }, (_, i) => tab(`t${i}`));
    expect(parseTabsRecord(JSON.stringify({ version: 1, tabs: many, activeTabId: 't0', closed: [] })).kind).toBe('corrupt');
    const closed = Array.from({ length: 11 }, () => ({ number: 1, title: null, text: '', cursor: 0 }));
    expect(parseTabsRecord(JSON.stringify({ version: 1, tabs: [tab('a')], activeTabId: 'a', closed })).kind).toBe('corrupt');
  });
  it('clamps a caret beyond the text', () => {
    const result = parseTabsRecord(JSON.stringify({ version: 1, tabs: [{ ...tab('a', 'ab'), cursor: 99 }], activeTabId: 'a', closed: [] }));
    expect(result.kind === 'ok' && result.value.tabs[0].cursor).toBe(2);
  });
});

describe('saved queries record', () => {
  const query = { id: 's1', name: 'Failures', description: 'd', text: 'T', createdAt: 1, updatedAt: 2 };
  it('reads back what was written', () => {
    expect(parseSavedQueriesRecord(serializeSavedQueries([query]))).toEqual({ kind: 'ok', value: [query] });
  });
  it('rejects a missing field, a negative time and more than 500 queries', () => {
    expect(parseSavedQueriesRecord(JSON.stringify({ version: 1, queries: [{ ...query, name: undefined }] })).kind).toBe('corrupt');
    expect(parseSavedQueriesRecord(JSON.stringify({ version: 1, queries: [{ ...query, createdAt: -5 }] })).kind).toBe('corrupt');
    const many = Array.from({ length: 501 }, (_, i) => ({ ...query, id: `s${i}` }));
    expect(parseSavedQueriesRecord(JSON.stringify({ version: 1, queries: many })).kind).toBe('corrupt');
  });
});

describe('history record', () => {
  const entry = { id: 'h1', queryText: 'T', tabNumber: 1, tabTitle: null, at: 5, durationMs: 12, outcome: { status: 'success', rowCount: 3 } } as const;
  const failed = { ...entry, id: 'h2', durationMs: null, outcome: { status: 'error', errorCode: 'E_SYNTAX' } } as const;
  it('reads back what was written', () => {
    expect(parseHistoryRecord(serializeHistory([entry, failed]))).toEqual({ kind: 'ok', value: [entry, failed] });
  });
  it('rejects an unknown outcome, a fractional row count and more than 100 entries', () => {
    expect(parseHistoryRecord(JSON.stringify({ version: 1, entries: [{ ...entry, outcome: { status: 'maybe' } }] })).kind).toBe('corrupt');
    expect(parseHistoryRecord(JSON.stringify({ version: 1, entries: [{ ...entry, outcome: { status: 'success', rowCount: 1.5 } }] })).kind).toBe('corrupt');
    const many = Array.from({ length: 101 }, (_, i) => ({ ...entry, id: `h${i}` }));
    expect(parseHistoryRecord(JSON.stringify({ version: 1, entries: many })).kind).toBe('corrupt');
    expect(parseHistoryRecord(JSON.stringify({ version: 1, entries: many.slice(0, 100) })).kind).toBe('ok');
  });
});
