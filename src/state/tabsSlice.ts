/**
 * The tabs slice: several query tabs above the editor. The query slice keeps THE ACTIVE
 * TAB's live state (`editorText`, `cursorOffset`, `run`), so everything else keeps working
 * with one editor; this slice lists every tab and parks the inactive tabs' text, caret and
 * last run, swapping them in and out on a switch. A run that finishes after its tab was left
 * lands in that tab (`deliverTabRun`, wired as the query slice's `routeRun`).
 */
import type { StateCreator } from 'zustand/vanilla';
import type { QuerySlice } from './querySlice';
import type { TablesSlice } from './tablesSlice';
import type { ClosedTab, ParkedTab, TabHeader } from './tabsModel';
import { MAX_TABS, neighbourAfterClose, newTabId, nextTabNumber, normalizeTitle, rememberClosed } from './tabsModel';

/** A one-time notice about the workspace, shown as a dismissible banner. */
export type WorkspaceNotice = 'storageReset' | 'shareLinkUnreadable';

/** What a tab is opened with. */
export interface NewTabContent {
  readonly text?: string;
  readonly title?: string | null;
  readonly cursor?: number;
}

/** The tabs as restored from storage. */
export interface RestoredTabs {
  readonly tabs: readonly (TabHeader & { readonly text: string; readonly cursor: number })[];
  readonly activeTabId: string;
  readonly closed: readonly ClosedTab[];
}

/** State and actions of the tabs slice. */
export interface TabsSlice {
  /** Every tab, in strip order (never empty). */
  readonly tabs: readonly TabHeader[];
  readonly activeTabId: string;
  /** Text, caret and last run of every inactive tab, by id. */
  readonly parkedTabs: Readonly<Record<string, ParkedTab>>;
  /** Recently closed tabs, most recent first. */
  readonly closedTabs: readonly ClosedTab[];
  /** A tab whose whole text runs once the data is loaded (a shared link opened early). */
  readonly pendingRunTabId: string | null;
  /** Whether the tabs came from storage (then start-up runs nothing). */
  readonly tabsRestored: boolean;
  readonly workspaceNotice: WorkspaceNotice | null;
  /** Opens a new tab after the others and activates it; returns its id (null when at `MAX_TABS`). */
  addTab(content?: NewTabContent): string | null;
  /** Makes `id` the active tab (parks the current one). */
  activateTab(id: string): void;
  /** Sets a tab's title; an empty title restores the default one. */
  renameTab(id: string, title: string): void;
  /** Closes a tab (remembered for reopening); closing the last one leaves a fresh empty tab. */
  closeTab(id: string): void;
  /** Reopens the most recently closed tab, activated. */
  reopenClosedTab(): void;
  /** Opens `text` in a new tab; with `run`, runs it now or as soon as the data is loaded. */
  openInNewTab(text: string, options?: { readonly title?: string | null; readonly run?: boolean }): void;
  /** Runs the pending tab (see `pendingRunTabId`) if it is active; clears the request. */
  runPendingTab(): void;
  /** Takes a run state for tab `tabId`: true when it was stored there (inactive or closed tab). */
  deliverTabRun(tabId: string, run: ParkedTab['run']): boolean;
  showWorkspaceNotice(notice: WorkspaceNotice): void;
  dismissWorkspaceNotice(): void;
}

type Host = TabsSlice & QuerySlice & TablesSlice;

/** Creates the tabs slice, from restored tabs or with one empty tab. */
export function createTabsSlice<S extends Host>(restored: RestoredTabs | null): StateCreator<S, [], [], TabsSlice> {
  return (set, get) => {
    const patch = (partial: Partial<Host>): void => set(partial as Partial<S>);

    /** The active tab's live state, as it would be parked. */
    const liveTab = (): ParkedTab => {
      const { editorText, cursorOffset, run } = get();
      return { text: editorText, cursor: cursorOffset, run };
    };

    /** Parks the active tab, then loads `id` (already in `tabs`) into the query slice. */
    const switchTo = (id: string, tabs: readonly TabHeader[], parkedTabs: Readonly<Record<string, ParkedTab>>, extra: Partial<Host> = {}): void => {
      const { activeTabId } = get();
      const parked = { ...parkedTabs };
      if (tabs.some((t) => t.id === activeTabId) && activeTabId !== id) parked[activeTabId] = liveTab();
      const next = parked[id] ?? { text: '', cursor: 0, run: { status: 'idle' } };
      delete parked[id];
      patch({ ...extra, tabs, parkedTabs: parked, activeTabId: id });
      get().replaceQueryState(next);
    };

    const add = (content: NewTabContent, run: ParkedTab['run'] = { status: 'idle' }): string | null => {
      const { tabs, parkedTabs } = get();
      if (tabs.length >= MAX_TABS) return null;
      const header: TabHeader = { id: newTabId(), number: nextTabNumber(tabs), title: normalizeTitle(content.title ?? null) };
      const text = content.text ?? '';
      switchTo(header.id, [...tabs, header], { ...parkedTabs, [header.id]: { text, cursor: content.cursor ?? 0, run } });
      return header.id;
    };

    const initial = initialTabs(restored);

    return {
      ...initial,
      closedTabs: restored?.closed ?? [],
      pendingRunTabId: null,
      tabsRestored: restored !== null,
      workspaceNotice: null,
      addTab: (content = {}) => add(content),
      activateTab: (id) => {
        const { tabs, parkedTabs, activeTabId } = get();
        if (id === activeTabId || !tabs.some((t) => t.id === id)) return;
        switchTo(id, tabs, parkedTabs);
      },
      renameTab: (id, title) => {
        patch({ tabs: get().tabs.map((t) => (t.id === id ? { ...t, title: normalizeTitle(title) } : t)) });
      },
      closeTab: (id) => {
        const { tabs, parkedTabs, activeTabId, closedTabs, run, pendingRunTabId } = get();
        const index = tabs.findIndex((t) => t.id === id);
        if (index < 0) return;
        const header = tabs[index];
        const content = id === activeTabId ? liveTab() : parkedTabs[id];
        const closed = rememberClosed(closedTabs, { number: header.number, title: header.title, text: content?.text ?? '', cursor: content?.cursor ?? 0 });
        const remaining = tabs.filter((t) => t.id !== id);
        const parked = { ...parkedTabs };
        delete parked[id];
        const extra: Partial<Host> = { closedTabs: closed, pendingRunTabId: pendingRunTabId === id ? null : pendingRunTabId };
        if (id !== activeTabId) {
          patch({ ...extra, tabs: remaining, parkedTabs: parked });
          return;
        }
        if (run.status === 'running') get().cancelRun();
        const neighbour = neighbourAfterClose(tabs, index);
        if (neighbour !== null) {
          switchTo(neighbour.id, remaining, parked, extra);
          return;
        }
        // The last tab closed: a fresh one takes its place, so there is always an editor.
        const fresh: TabHeader = { id: newTabId(), number: 1, title: null };
        patch({ ...extra, parkedTabs: {} });
        switchTo(fresh.id, [fresh], {});
      },
      reopenClosedTab: () => {
        const [latest, ...rest] = get().closedTabs;
        if (latest === undefined || get().tabs.length >= MAX_TABS) return;
        patch({ closedTabs: rest });
        const { tabs, parkedTabs } = get();
        const header: TabHeader = { id: newTabId(), number: tabs.some((t) => t.number === latest.number) ? nextTabNumber(tabs) : latest.number, title: latest.title };
        switchTo(header.id, [...tabs, header], { ...parkedTabs, [header.id]: { text: latest.text, cursor: latest.cursor, run: { status: 'idle' } } });
      },
      openInNewTab: (text, options = {}) => {
        const id = add({ text, title: options.title ?? null });
        if (id === null || options.run !== true) return;
        if (get().sample.status === 'loading' || get().sample.status === 'idle') patch({ pendingRunTabId: id });
        else get().loadAndRun(text);
      },
      runPendingTab: () => {
        const { pendingRunTabId, activeTabId, editorText } = get();
        if (pendingRunTabId === null) return;
        patch({ pendingRunTabId: null });
        if (pendingRunTabId === activeTabId) get().loadAndRun(editorText);
      },
      deliverTabRun: (tabId, run) => {
        const { activeTabId, parkedTabs } = get();
        if (tabId === activeTabId) return false;
        const parked = parkedTabs[tabId];
        if (parked === undefined) return true; // the tab was closed: the outcome has nowhere to go
        patch({ parkedTabs: { ...parkedTabs, [tabId]: { ...parked, run } } });
        return true;
      },
      showWorkspaceNotice: (notice) => patch({ workspaceNotice: notice }),
      dismissWorkspaceNotice: () => patch({ workspaceNotice: null }),
    };
  };
}

/** The initial tab list: the restored tabs (the active one's text goes to the query slice later) or one empty tab. */
function initialTabs(restored: RestoredTabs | null): Pick<TabsSlice, 'tabs' | 'activeTabId' | 'parkedTabs'> {
  if (restored === null || restored.tabs.length === 0) {
    const id = newTabId();
    return { tabs: [{ id, number: 1, title: null }], activeTabId: id, parkedTabs: {} };
  }
  const parkedTabs: Record<string, ParkedTab> = {};
  for (const tab of restored.tabs) {
    if (tab.id !== restored.activeTabId) parkedTabs[tab.id] = { text: tab.text, cursor: tab.cursor, run: { status: 'idle' } };
  }
  return {
    tabs: restored.tabs.map(({ id, number, title }) => ({ id, number, title })),
    activeTabId: restored.activeTabId,
    parkedTabs,
  };
}
