/**
 * The query tabs' data: what each tab holds, limits, and the pure moves (add, close,
 * reopen, rename) the tabs slice is built from.
 */
import type { RunState } from './runState';

/** One tab as listed in the tab strip. */
export interface TabHeader {
  /** Stable id (never reused within a page). */
  readonly id: string;
  /** The number of an untitled tab ("Query 3"); kept when the tab is renamed. */
  readonly number: number;
  /** The user's title, or null for the default title made from `number`. */
  readonly title: string | null;
}

/** What an inactive tab keeps while another one is in the editor. */
export interface ParkedTab {
  readonly text: string;
  readonly cursor: number;
  /** Its last run (results are kept in memory, never persisted). */
  readonly run: RunState;
}

/** A closed tab that "Reopen closed tab" can bring back. */
export interface ClosedTab {
  readonly number: number;
  readonly title: string | null;
  readonly text: string;
  readonly cursor: number;
}

/** Most tabs open at once (more are refused, as in browsers with a cap). */
export const MAX_TABS = 50;
/** How many closed tabs are remembered, most recent first. */
export const MAX_CLOSED_TABS = 10;
/** Longest tab title kept. */
export const MAX_TAB_TITLE_LENGTH = 120;
/** Longest query text stored per tab or saved query (localStorage holds ~5 MB in all). */
export const MAX_QUERY_TEXT_LENGTH = 200_000;

let idCounter = 0;

/** A new tab id, unique within the page and unlikely to collide with stored ones. */
export function newTabId(): string {
  idCounter += 1;
  return `t${Date.now().toString(36)}${idCounter.toString(36)}`;
}

/** The number for a new untitled tab: one more than the highest in use. */
export function nextTabNumber(tabs: readonly TabHeader[]): number {
  return tabs.reduce((max, tab) => Math.max(max, tab.number), 0) + 1;
}

/** A title as typed by the user: trimmed, shortened, empty meaning "default title". */
export function normalizeTitle(title: string | null): string | null {
  if (title === null) return null;
  const trimmed = title.trim().slice(0, MAX_TAB_TITLE_LENGTH);
  return trimmed === '' ? null : trimmed;
}

/** `closed` with `tab` put first, keeping at most `MAX_CLOSED_TABS`. */
export function rememberClosed(closed: readonly ClosedTab[], tab: ClosedTab): readonly ClosedTab[] {
  return [tab, ...closed].slice(0, MAX_CLOSED_TABS);
}

/** The tab to activate when the tab at `index` closes: its right neighbour, else its left one. */
export function neighbourAfterClose(tabs: readonly TabHeader[], index: number): TabHeader | null {
  return tabs[index + 1] ?? tabs[index - 1] ?? null;
}
