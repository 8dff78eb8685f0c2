import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { DataClient, QueryReply } from './dataClient';
import type { BlockFinder } from './queryLogic';
import { errorPositionFor } from './queryLogic';
import { createQuerySlice, type QuerySlice } from './querySlice';

/** Blocks separated by blank lines (a small stand-in for the editor's `queryBlockAt`). */
const blockAt: BlockFinder = (text, offset) => {
  const before = text.lastIndexOf('\n\n', Math.max(0, offset - 1));
  const start = before < 0 ? 0 : before + 2;
  const after = text.indexOf('\n\n', start);
  const end = after < 0 ? text.length : after;
  return { text: text.slice(start, end), start, end };
};

/** A data client that answers every query with `reply(text)`. */
function clientAnswering(reply: (text: string) => QueryReply): DataClient {
  return {
    onTables: () => () => {},
    ready: () => Promise.resolve(),
    loadSample: () => Promise.resolve({}),
    runQuery: (text) => ({ result: Promise.resolve(reply(text)), cancel: () => {} }),
    loadFiles: () => Promise.resolve({ summaries: [], cancelled: false }),
    cancelLoads: () => {},
    removeTable: () => Promise.resolve(false),
    clearAll: () => Promise.resolve(),
    dispose: () => {},
  };
}

function storeWith(client: DataClient) {
  return createStore<QuerySlice>()(createQuerySlice<QuerySlice>({ client, blockAt, now: () => 0 }));
}

describe('query slice', () => {
  it('asks the editor to move its caret after an inserted name, and to take the focus', () => {
    const store = storeWith(clientAnswering(() => ({ type: 'queryResult', id: 1, tables: [], elapsedMs: 0 })));
    store.getState().setEditorText('union , Event');
    store.getState().setCursorOffset(6);
    store.getState().insertAtCursor('Syslog');
    const { editorText, cursorOffset, caretRequest } = store.getState();
    expect(editorText).toBe('union Syslog, Event');
    expect(cursorOffset).toBe(12);
    expect(caretRequest).toMatchObject({ offset: 12, focus: true });
    const first = caretRequest!.id;
    // A second insertion at the same place is a new request.
    store.getState().setCursorOffset(6);
    store.getState().insertAtCursor('');
    expect(store.getState().caretRequest!.id).not.toBe(first);
  });

  it('asks for the caret at the start of a gallery query, without taking the focus', () => {
    const store = storeWith(clientAnswering(() => ({ type: 'queryResult', id: 1, tables: [], elapsedMs: 0 })));
    store.getState().setCursorOffset(40);
    store.getState().loadAndRun('T | take 5');
    expect(store.getState().caretRequest).toMatchObject({ offset: 0, focus: false });
  });

  it('reports an error of the second block at its line in the editor text', async () => {
    const error = (text: string): QueryReply => ({
      type: 'queryError',
      id: 1,
      error: { code: 'E_ANALYSIS', message: 'unknown column', span: { start: text.indexOf('Foo'), length: 3 } },
    });
    const store = storeWith(clientAnswering(error));
    const editorText = 'A | take 1\n\nT\n| where Foo > 1';
    store.getState().setEditorText(editorText);
    store.getState().setCursorOffset(editorText.length);
    store.getState().runAtCursor();
    await Promise.resolve();
    await Promise.resolve();
    const { run } = store.getState();
    expect(run.status).toBe('error');
    expect(errorPositionFor(run)).toEqual({ line: 4, column: 9 });
  });
});
