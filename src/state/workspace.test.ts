/**
 * The workspace through the whole store: tabs swap the query slice's state, a run lands in
 * the tab it started in, history records runs, everything persists and a corrupt store
 * falls back to defaults with a notice.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DataClient, QueryReply } from './dataClient';
import type { BlockFinder } from './queryLogic';
import { createAppStore } from './store';
import type { AppStore } from './store';
import { memoryStorage } from './persistence/storage';
import { STORAGE_KEYS } from './persistence/storage';

const blockAt: BlockFinder = (text) => ({ text, start: 0, end: text.length });

/** A client whose queries answer only when the test says so. */
function controllableClient() {
  const pending: { text: string; resolve: (reply: QueryReply) => void; cancelled: boolean }[] = [];
  const client: DataClient = {
    onTables: () => () => {},
    ready: () => Promise.resolve(),
    loadSample: () => Promise.resolve({}),
    runQuery: (text) => {
      let resolve!: (reply: QueryReply) => void;
      const result = new Promise<QueryReply>((r) => (resolve = r));
      const entry = { text, resolve, cancelled: false };
      pending.push(entry);
      return { result, cancel: () => void (entry.cancelled = true) };
    },
    loadFiles: () => Promise.resolve({ summaries: [], cancelled: false }),
    cancelLoads: () => {},
    removeTable: () => Promise.resolve(false),
    clearAll: () => Promise.resolve(),
    dispose: () => {},
  };
  return { client, pending };
}

const rows = (n: number): QueryReply => ({
  type: 'queryResult',
  id: 1,
  tables: [{ name: 'PrimaryResult', columns: [], data: [], rowCount: n }],
  elapsedMs: 7,
});

const flush = () => new Promise((r) => setTimeout(r, 0));

let stores: AppStore[] = [];
function makeStore(storage = memoryStorage(), clock = () => 1000) {
  const { client, pending } = controllableClient();
  const store = createAppStore({ client, blockAt, now: clock, storage });
  stores.push(store);
  return { store, pending, storage };
}
afterEach(() => {
  for (const s of stores) s.getState().dispose();
  stores = [];
  vi.useRealTimers();
});

describe('query tabs', () => {
  it('keeps each tab its own text and caret', () => {
    const { store } = makeStore();
    const first = store.getState().activeTabId;
    store.getState().setEditorText('A | take 1');
    store.getState().setCursorOffset(4);
    const second = store.getState().addTab();
    expect(store.getState().editorText).toBe('');
    store.getState().setEditorText('B');
    store.getState().activateTab(first);
    expect(store.getState()).toMatchObject({ editorText: 'A | take 1', cursorOffset: 4, activeTabId: first });
    expect(store.getState().caretRequest).toMatchObject({ offset: 4, focus: false });
    store.getState().activateTab(second!);
    expect(store.getState().editorText).toBe('B');
    expect(store.getState().tabs.map((t) => t.number)).toEqual([1, 2]);
  });

  it('lands a run that finishes after its tab was left in that tab, not in the active one', async () => {
    const { store, pending } = makeStore();
    const first = store.getState().activeTabId;
    store.getState().setEditorText('Slow');
    store.getState().runAtCursor();
    store.getState().addTab({ text: 'Other' });
    expect(store.getState().run.status).toBe('idle');
    pending[0].resolve(rows(42));
    await flush();
    expect(store.getState().run.status).toBe('idle');
    expect(store.getState().parkedTabs[first].run).toMatchObject({ status: 'success' });
    store.getState().activateTab(first);
    const run = store.getState().run;
    expect(run.status === 'success' && run.tables[0].rowCount).toBe(42);
  });

  it('ends a run left running in another tab as cancelled when a new run starts', async () => {
    const { store, pending } = makeStore();
    const first = store.getState().activeTabId;
    store.getState().setEditorText('Slow');
    store.getState().runAtCursor();
    store.getState().addTab({ text: 'Fast' });
    store.getState().runAtCursor();
    expect(pending[0].cancelled).toBe(true);
    expect(store.getState().parkedTabs[first].run.status).toBe('cancelled');
    pending[1].resolve(rows(1));
    await flush();
    expect(store.getState().run.status).toBe('success');
  });

  it('renames, closes and reopens tabs, most recently closed first, and never has zero tabs', () => {
    const { store } = makeStore();
    const first = store.getState().activeTabId;
    store.getState().renameTab(first, '  Logins  ');
    expect(store.getState().tabs[0].title).toBe('Logins');
    store.getState().setEditorText('first text');
    const second = store.getState().addTab({ text: 'second text' })!;
    store.getState().closeTab(first);
    store.getState().closeTab(second);
    expect(store.getState().tabs).toHaveLength(1);
    expect(store.getState().editorText).toBe('');
    expect(store.getState().closedTabs.map((t) => t.text)).toEqual(['second text', 'first text']);
    store.getState().reopenClosedTab();
    expect(store.getState().editorText).toBe('second text');
    store.getState().reopenClosedTab();
    expect(store.getState()).toMatchObject({ editorText: 'first text' });
    expect(store.getState().tabs.find((t) => t.id === store.getState().activeTabId)?.title).toBe('Logins');
    store.getState().renameTab(store.getState().activeTabId, '   ');
    expect(store.getState().tabs.find((t) => t.id === store.getState().activeTabId)?.title).toBeNull();
  });

  it('remembers at most 10 closed tabs', () => {
    const { store } = makeStore();
    for (let i = 0; i < 12; i++) {
      const id = store.getState().addTab({ text: `q${i}` })!;
      store.getState().closeTab(id);
    }
    expect(store.getState().closedTabs.map((t) => t.text)).toEqual(['q11', 'q10', 'q9', 'q8', 'q7', 'q6', 'q5', 'q4', 'q3', 'q2']);
  });

  it('runs a query opened in a new tab before the data was loaded once start-up has loaded it', async () => {
    const { store, pending } = makeStore();
    const started = store.getState().start({ seed: 1, anchorMs: 0, initialQuery: 'Initial' });
    store.getState().openInNewTab('Shared | take 5', { run: true });
    await started;
    expect(pending.map((p) => p.text)).toEqual(['Shared | take 5']);
    expect(store.getState().tabs).toHaveLength(2);
  });
});

describe('history', () => {
  it('records each finished run once, newest first, with duration, rows or the error code', async () => {
    let clock = 1000;
    const { store, pending } = makeStore(memoryStorage(), () => clock);
    store.getState().setEditorText('Good');
    store.getState().runAtCursor();
    pending[0].resolve(rows(3));
    await flush();
    store.getState().setEditorText('Bad');
    store.getState().runAtCursor();
    clock = 1250;
    pending[1].resolve({ type: 'queryError', id: 2, error: { code: 'E_ANALYSIS', message: 'x', span: null } });
    await flush();
    // Switching tabs moves the finished runs around; they are not recorded again.
    const first = store.getState().activeTabId;
    store.getState().addTab();
    store.getState().activateTab(first);
    const history = store.getState().history;
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ queryText: 'Bad', durationMs: 250, outcome: { status: 'error', errorCode: 'E_ANALYSIS' }, tabNumber: 1 });
    expect(history[1]).toMatchObject({ queryText: 'Good', durationMs: 7, outcome: { status: 'success', rowCount: 3 } });
  });

  it('keeps the last 100 runs', async () => {
    const { store } = makeStore();
    for (let i = 0; i < 105; i++) store.getState().recordRun({ queryText: `q${i}`, tabNumber: 1, tabTitle: null, at: i, durationMs: 1, outcome: { status: 'success', rowCount: 0 } });
    expect(store.getState().history).toHaveLength(100);
    expect(store.getState().history[0].queryText).toBe('q104');
  });
});

describe('persistence', () => {
  it('restores tabs, saved queries and history after a reload, and start-up runs nothing', async () => {
    vi.useFakeTimers();
    const { store, storage, pending } = makeStore();
    store.getState().setEditorText('Tab one');
    store.getState().addTab({ text: 'Tab two', title: 'Second' });
    store.getState().setCursorOffset(3);
    store.getState().beginSaveQuery();
    store.getState().commitSavedQueryDraft({ name: 'Kept', description: 'why', text: 'Saved | take 1' });
    store.getState().recordRun({ queryText: 'q', tabNumber: 1, tabTitle: null, at: 1, durationMs: 2, outcome: { status: 'success', rowCount: 9 } });
    expect(storage.items.has(STORAGE_KEYS.tabs)).toBe(false); // debounced
    vi.advanceTimersByTime(1000);
    store.getState().dispose();
    vi.useRealTimers();

    const reloaded = makeStore(storage);
    const state = reloaded.store.getState();
    expect(state.tabs.map((t) => t.title)).toEqual([null, 'Second']);
    expect(state).toMatchObject({ editorText: 'Tab two', cursorOffset: 3, workspaceNotice: null });
    expect(state.savedQueries.map((q) => q.name)).toEqual(['Kept']);
    expect(state.history.map((h) => h.outcome)).toEqual([{ status: 'success', rowCount: 9 }]);
    await state.start({ seed: 1, anchorMs: 0, initialQuery: 'Initial' });
    expect(reloaded.pending).toHaveLength(0);
    expect(pending).toHaveLength(0);
  });

  it('falls back to defaults with a notice once when a record is corrupt', () => {
    const storage = memoryStorage({ [STORAGE_KEYS.tabs]: '{not json', [STORAGE_KEYS.history]: JSON.stringify({ version: 1, entries: [] }) });
    const { store } = makeStore(storage);
    expect(store.getState().workspaceNotice).toBe('storageReset');
    expect(store.getState().tabs).toHaveLength(1);
    expect(storage.items.has(STORAGE_KEYS.tabs)).toBe(false);
    store.getState().dismissWorkspaceNotice();
    expect(store.getState().workspaceNotice).toBeNull();
    expect(makeStore(storage).store.getState().workspaceNotice).toBeNull();
  });

  it('opens with the first query on a first visit', async () => {
    const { store, pending } = makeStore();
    await store.getState().start({ seed: 1, anchorMs: 0, initialQuery: 'Initial' });
    expect(pending.map((p) => p.text)).toEqual(['Initial']);
  });
});

describe('saved queries', () => {
  it('saves the block under the caret, refuses a blank name, edits and deletes', () => {
    const { store } = makeStore();
    store.getState().setEditorText('T | take 3');
    store.getState().beginSaveQuery();
    expect(store.getState().savedQueryDraft).toMatchObject({ mode: 'new', text: 'T | take 3', name: '' });
    expect(store.getState().commitSavedQueryDraft({ name: '  ', description: '', text: 'T' })).toBe(false);
    expect(store.getState().commitSavedQueryDraft({ name: 'b query', description: '', text: 'T | take 3' })).toBe(true);
    expect(store.getState().savedQueryDraft).toBeNull();
    store.getState().importSavedQueries([{ name: 'A query', description: '', text: 'X' }, { name: '', description: '', text: 'dropped' }]);
    expect(store.getState().savedQueries.map((q) => q.name)).toEqual(['A query', 'b query']);
    const id = store.getState().savedQueries[1].id;
    store.getState().beginEditSavedQuery(id);
    store.getState().commitSavedQueryDraft({ name: 'c query', description: 'd', text: 'T | take 4' });
    expect(store.getState().savedQueries[1]).toMatchObject({ name: 'c query', description: 'd', text: 'T | take 4' });
    store.getState().deleteSavedQuery(id);
    expect(store.getState().savedQueries.map((q) => q.name)).toEqual(['A query']);
  });
});
