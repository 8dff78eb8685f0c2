/**
 * The colour theme the user asked for (`system`, `light`, `dark`), how it is stored in
 * localStorage and which theme it resolves to. Pure, so it is unit-tested in Node.
 */

/** What the user picked: follow the operating system, or a fixed theme. */
export type ThemePreference = 'system' | 'light' | 'dark';

/** The theme actually shown. */
export type ResolvedTheme = 'light' | 'dark';

/** Every preference, in the order the toggle offers them. */
export const THEME_PREFERENCES: readonly ThemePreference[] = ['system', 'light', 'dark'];

/** The localStorage key of the preference. */
export const THEME_STORAGE_KEY = 'kql-explorer.theme';

/** The result of reading a stored preference: the value to use and whether the stored text was valid. */
export interface ParsedThemePreference {
  readonly preference: ThemePreference;
  /** False when something was stored but is not a preference (it is then ignored). */
  readonly valid: boolean;
}

/**
 * Validates a stored preference. Nothing stored means `system`; anything but the three
 * known words (trimmed, case-insensitive) also falls back to `system`, flagged invalid.
 */
export function parseThemePreference(stored: string | null | undefined): ParsedThemePreference {
  if (stored === null || stored === undefined) return { preference: 'system', valid: true };
  const word = stored.trim().toLowerCase();
  const known = THEME_PREFERENCES.find((p) => p === word);
  return known === undefined ? { preference: 'system', valid: false } : { preference: known, valid: true };
}

/** The theme shown for `preference` when the system prefers a dark scheme or not. */
export function resolveTheme(preference: ThemePreference, systemPrefersDark: boolean): ResolvedTheme {
  switch (preference) {
    case 'system':
      return systemPrefersDark ? 'dark' : 'light';
    case 'light':
    case 'dark':
      return preference;
    default: {
      const never: never = preference;
      return never;
    }
  }
}
