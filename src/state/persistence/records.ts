/**
 * The stored shapes of the workspace, one record per key, each `{ version: 1, ... }`, with a
 * check per shape (see `validate.ts`) and its serializer. Results are never stored.
 */
import type { ClosedTab } from '../tabsModel';
import { MAX_CLOSED_TABS, MAX_QUERY_TEXT_LENGTH, MAX_TAB_TITLE_LENGTH, MAX_TABS } from '../tabsModel';
import type { RestoredTabs } from '../tabsSlice';
import type { SavedQuery } from '../savedQueriesSlice';
import { MAX_SAVED_DESCRIPTION_LENGTH, MAX_SAVED_NAME_LENGTH, MAX_SAVED_QUERIES } from '../savedQueriesSlice';
import type { HistoryEntry, HistoryOutcome } from '../historySlice';
import { MAX_HISTORY_ENTRIES } from '../historySlice';
import type { Fields, ReadResult } from './validate';
import { InvalidRecord, RECORD_VERSION, arrayAt, countAt, nullableStringAt, numberAt, objectAt, oneOf, parseRecord, stringAt } from './validate';

const MAX_ID_LENGTH = 64;

function tabAt(value: unknown, path: string): RestoredTabs['tabs'][number] {
  const o = objectAt(value, path);
  const text = stringAt(o.text, `${path}.text`, MAX_QUERY_TEXT_LENGTH);
  return {
    id: stringAt(o.id, `${path}.id`, MAX_ID_LENGTH),
    number: countAt(o.number, `${path}.number`),
    title: nullableStringAt(o.title, `${path}.title`, MAX_TAB_TITLE_LENGTH),
    text,
    cursor: Math.min(countAt(o.cursor, `${path}.cursor`), text.length),
  };
}

function closedTabAt(value: unknown, path: string): ClosedTab {
  const { number, title, text, cursor } = tabAt({ ...objectAt(value, path), id: 'closed' }, path);
  return { number, title, text, cursor };
}

/** Checks a stored tabs record: 1..50 tabs with unique ids, the active one among them, up to 10 closed tabs. */
export function parseTabsRecord(raw: string | null): ReadResult<RestoredTabs> {
  return parseRecord(raw, (record: Fields) => {
    const tabs = arrayAt(record.tabs, '$.tabs', MAX_TABS, tabAt);
    if (tabs.length === 0) throw new InvalidRecord('$.tabs', 'at least one tab');
    if (new Set(tabs.map((t) => t.id)).size !== tabs.length) throw new InvalidRecord('$.tabs', 'unique ids');
    const activeTabId = stringAt(record.activeTabId, '$.activeTabId', MAX_ID_LENGTH);
    if (!tabs.some((t) => t.id === activeTabId)) throw new InvalidRecord('$.activeTabId', 'the id of a stored tab');
    const closed = arrayAt(record.closed, '$.closed', MAX_CLOSED_TABS, closedTabAt);
    return { tabs, activeTabId, closed };
  });
}

/** The stored text of a tabs record. */
export function serializeTabs(tabs: RestoredTabs): string {
  return JSON.stringify({ version: RECORD_VERSION, tabs: tabs.tabs, activeTabId: tabs.activeTabId, closed: tabs.closed });
}

function savedQueryAt(value: unknown, path: string): SavedQuery {
  const o = objectAt(value, path);
  return {
    id: stringAt(o.id, `${path}.id`, MAX_ID_LENGTH),
    name: stringAt(o.name, `${path}.name`, MAX_SAVED_NAME_LENGTH),
    description: stringAt(o.description, `${path}.description`, MAX_SAVED_DESCRIPTION_LENGTH),
    text: stringAt(o.text, `${path}.text`, MAX_QUERY_TEXT_LENGTH),
    createdAt: numberAt(o.createdAt, `${path}.createdAt`, 0),
    updatedAt: numberAt(o.updatedAt, `${path}.updatedAt`, 0),
  };
}

/** Checks a stored saved-queries record (at most 500 queries). */
export function parseSavedQueriesRecord(raw: string | null): ReadResult<readonly SavedQuery[]> {
  return parseRecord(raw, (record) => arrayAt(record.queries, '$.queries', MAX_SAVED_QUERIES, savedQueryAt));
}

/** The stored text of the saved queries. */
export function serializeSavedQueries(queries: readonly SavedQuery[]): string {
  return JSON.stringify({ version: RECORD_VERSION, queries });
}

function outcomeAt(value: unknown, path: string): HistoryOutcome {
  const o = objectAt(value, path);
  const status = oneOf(o.status, `${path}.status`, ['success', 'error'] as const);
  switch (status) {
    case 'success':
      return { status, rowCount: countAt(o.rowCount, `${path}.rowCount`) };
    case 'error':
      return { status, errorCode: stringAt(o.errorCode, `${path}.errorCode`, MAX_ID_LENGTH) };
    default: {
      const never: never = status;
      return never;
    }
  }
}

function historyEntryAt(value: unknown, path: string): HistoryEntry {
  const o = objectAt(value, path);
  return {
    id: stringAt(o.id, `${path}.id`, MAX_ID_LENGTH),
    queryText: stringAt(o.queryText, `${path}.queryText`, MAX_QUERY_TEXT_LENGTH),
    tabNumber: countAt(o.tabNumber, `${path}.tabNumber`),
    tabTitle: nullableStringAt(o.tabTitle, `${path}.tabTitle`, MAX_TAB_TITLE_LENGTH),
    at: numberAt(o.at, `${path}.at`, 0),
    durationMs: o.durationMs === null ? null : numberAt(o.durationMs, `${path}.durationMs`, 0),
    outcome: outcomeAt(o.outcome, `${path}.outcome`),
  };
}

/** Checks a stored history record (at most 100 entries, newest first). */
export function parseHistoryRecord(raw: string | null): ReadResult<readonly HistoryEntry[]> {
  return parseRecord(raw, (record) => arrayAt(record.entries, '$.entries', MAX_HISTORY_ENTRIES, historyEntryAt));
}

/** The stored text of the history. */
export function serializeHistory(entries: readonly HistoryEntry[]): string {
  return JSON.stringify({ version: RECORD_VERSION, entries });
}
