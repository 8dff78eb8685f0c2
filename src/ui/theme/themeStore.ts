/**
 * The page's colour theme: the stored preference, the operating system's
 * `prefers-color-scheme`, and the `data-theme` attribute on `<html>` that the CSS tokens
 * (`theme.css`) key on. Applied when this module loads, before React renders, so the page
 * does not flash the other theme. Components read it through the two hooks.
 */
import { useSyncExternalStore } from 'react';
import { parseThemePreference, resolveTheme, THEME_STORAGE_KEY, type ResolvedTheme, type ThemePreference } from './themePreference';
import './theme.css';

const DARK_QUERY = '(prefers-color-scheme: dark)';

interface ThemeState {
  readonly preference: ThemePreference;
  readonly resolved: ResolvedTheme;
}

const listeners = new Set<() => void>();
const darkMedia: MediaQueryList | null = typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY) : null;

function readStoredPreference(): ThemePreference {
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(THEME_STORAGE_KEY);
  } catch {
    // Storage can be blocked (privacy settings); the system theme applies then.
    return 'system';
  }
  const parsed = parseThemePreference(stored);
  if (!parsed.valid) {
    // A corrupt value is dropped so it does not come back on every load.
    console.warn(`Ignored an unknown theme preference in localStorage (${THEME_STORAGE_KEY}); following the system theme.`);
    try {
      window.localStorage.removeItem(THEME_STORAGE_KEY);
    } catch {
      // Nothing to do: the value is ignored anyway.
    }
  }
  return parsed.preference;
}

function computeState(preference: ThemePreference): ThemeState {
  return { preference, resolved: resolveTheme(preference, darkMedia?.matches ?? false) };
}

let state: ThemeState = computeState(typeof window === 'undefined' ? 'system' : readStoredPreference());

function apply(): void {
  if (typeof document === 'undefined') return;
  const root = document.documentElement;
  root.dataset.theme = state.resolved;
  root.dataset.themePreference = state.preference;
}

function update(next: ThemeState): void {
  if (next.preference === state.preference && next.resolved === state.resolved) return;
  state = next;
  apply();
  for (const listener of listeners) listener();
}

apply();
darkMedia?.addEventListener('change', () => update(computeState(state.preference)));

/** Sets and stores the preference (the page follows at once). */
export function setThemePreference(preference: ThemePreference): void {
  try {
    window.localStorage.setItem(THEME_STORAGE_KEY, preference);
  } catch {
    // Not persisted when storage is blocked; the choice still applies to this page.
  }
  update(computeState(preference));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The user's preference (`system`, `light` or `dark`). */
export function useThemePreference(): ThemePreference {
  return useSyncExternalStore(subscribe, () => state.preference, () => state.preference);
}

/** The theme shown now (`light` or `dark`). */
export function useResolvedTheme(): ResolvedTheme {
  return useSyncExternalStore(subscribe, () => state.resolved, () => state.resolved);
}
