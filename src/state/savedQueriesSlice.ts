/**
 * The saved queries slice: queries the user named and kept (shown under "Saved" in the
 * gallery), and the draft of the save/edit dialog.
 *
 * Decision: Ctrl+S saves the query block under the caret (what Run would run), not the
 * whole tab, so a tab holding several queries saves the one being worked on; the dialog
 * shows that text and lets the user change it before saving.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { BlockFinder } from './queryLogic';
import type { QuerySlice } from './querySlice';
import type { TabsSlice } from './tabsSlice';
import { MAX_QUERY_TEXT_LENGTH } from './tabsModel';

/** One saved query. */
export interface SavedQuery {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly text: string;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** The editable fields of a saved query. */
export interface SavedQueryFields {
  readonly name: string;
  readonly description: string;
  readonly text: string;
}

/** The open save/edit dialog: a new query (from the editor) or an existing one. */
export type SavedQueryDraft =
  | ({ readonly mode: 'new' } & SavedQueryFields)
  | ({ readonly mode: 'edit'; readonly id: string } & SavedQueryFields);

/** Most saved queries kept. */
export const MAX_SAVED_QUERIES = 500;
/** Longest name and description kept. */
export const MAX_SAVED_NAME_LENGTH = 200;
export const MAX_SAVED_DESCRIPTION_LENGTH = 2000;

/** State and actions of the saved queries slice. */
export interface SavedQueriesSlice {
  /** Saved queries, sorted by name. */
  readonly savedQueries: readonly SavedQuery[];
  /** The dialog's draft, or null when it is closed. */
  readonly savedQueryDraft: SavedQueryDraft | null;
  /** Opens the dialog for the query block under the caret, named after the tab's title if it has one. */
  beginSaveQuery(): void;
  /** Opens the dialog on a saved query. */
  beginEditSavedQuery(id: string): void;
  /** Closes the dialog without saving. */
  cancelSavedQueryDraft(): void;
  /** Saves the dialog's fields (a new query or the edited one); false (and nothing saved) when the name is blank. */
  commitSavedQueryDraft(fields: SavedQueryFields): boolean;
  /** Deletes a saved query. */
  deleteSavedQuery(id: string): void;
  /** Adds imported queries (blank names or texts skipped); returns how many were added. */
  importSavedQueries(queries: readonly SavedQueryFields[]): number;
}

type Host = SavedQueriesSlice & QuerySlice & TabsSlice;

/** What the slice needs from outside the store. */
export interface SavedQueriesDeps {
  readonly blockAt: BlockFinder;
  readonly now: () => number;
  /** Queries restored from storage. */
  readonly restored: readonly SavedQuery[] | null;
}

let savedIdCounter = 0;
function newSavedId(now: number): string {
  savedIdCounter += 1;
  return `s${now.toString(36)}${savedIdCounter.toString(36)}`;
}

/** Fields cleaned for storing: trimmed name, limits applied; null when the name or text is blank. */
export function cleanFields(fields: SavedQueryFields): SavedQueryFields | null {
  const name = fields.name.trim().slice(0, MAX_SAVED_NAME_LENGTH);
  const text = fields.text.slice(0, MAX_QUERY_TEXT_LENGTH);
  if (name === '' || text.trim() === '') return null;
  return { name, description: fields.description.trim().slice(0, MAX_SAVED_DESCRIPTION_LENGTH), text };
}

/** Saved queries in display order (by name, then by creation). */
export function sortSaved(queries: readonly SavedQuery[]): readonly SavedQuery[] {
  return [...queries].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.createdAt - b.createdAt);
}

/** Creates the saved queries slice. */
export function createSavedQueriesSlice<S extends Host>(deps: SavedQueriesDeps): StateCreator<S, [], [], SavedQueriesSlice> {
  return (set, get) => {
    const patch = (partial: Partial<Host>): void => set(partial as Partial<S>);
    const store = (queries: readonly SavedQuery[]): void => patch({ savedQueries: sortSaved(queries).slice(0, MAX_SAVED_QUERIES) });
    return {
      savedQueries: sortSaved(deps.restored ?? []),
      savedQueryDraft: null,
      beginSaveQuery: () => {
        const { editorText, cursorOffset, tabs, activeTabId } = get();
        const block = deps.blockAt(editorText, cursorOffset);
        const title = tabs.find((t) => t.id === activeTabId)?.title ?? '';
        patch({ savedQueryDraft: { mode: 'new', name: title, description: '', text: block.text.trim() === '' ? editorText : block.text } });
      },
      beginEditSavedQuery: (id) => {
        const query = get().savedQueries.find((q) => q.id === id);
        if (query === undefined) return;
        patch({ savedQueryDraft: { mode: 'edit', id, name: query.name, description: query.description, text: query.text } });
      },
      cancelSavedQueryDraft: () => patch({ savedQueryDraft: null }),
      commitSavedQueryDraft: (fields) => {
        const draft = get().savedQueryDraft;
        const clean = cleanFields(fields);
        if (draft === null || clean === null) return false;
        const now = deps.now();
        const { savedQueries } = get();
        switch (draft.mode) {
          case 'new':
            store([...savedQueries, { id: newSavedId(now), ...clean, createdAt: now, updatedAt: now }]);
            break;
          case 'edit':
            store(savedQueries.map((q) => (q.id === draft.id ? { ...q, ...clean, updatedAt: now } : q)));
            break;
          default: {
            const never: never = draft;
            return never;
          }
        }
        patch({ savedQueryDraft: null });
        return true;
      },
      deleteSavedQuery: (id) => store(get().savedQueries.filter((q) => q.id !== id)),
      importSavedQueries: (queries) => {
        const now = deps.now();
        const room = MAX_SAVED_QUERIES - get().savedQueries.length;
        const added = queries
          .map(cleanFields)
          .filter((q): q is SavedQueryFields => q !== null)
          .slice(0, Math.max(0, room))
          .map((q): SavedQuery => ({ id: newSavedId(now), ...q, createdAt: now, updatedAt: now }));
        if (added.length > 0) store([...get().savedQueries, ...added]);
        return added.length;
      },
    };
  };
}
