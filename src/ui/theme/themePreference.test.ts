import { describe, expect, it } from 'vitest';
import { parseThemePreference, resolveTheme } from './themePreference';

describe('parseThemePreference', () => {
  it('accepts the three preferences, trimmed and in any case', () => {
    expect(parseThemePreference('dark')).toEqual({ preference: 'dark', valid: true });
    expect(parseThemePreference(' Light ')).toEqual({ preference: 'light', valid: true });
    expect(parseThemePreference('SYSTEM')).toEqual({ preference: 'system', valid: true });
  });
  it('follows the system when nothing is stored', () => {
    expect(parseThemePreference(null)).toEqual({ preference: 'system', valid: true });
    expect(parseThemePreference(undefined)).toEqual({ preference: 'system', valid: true });
  });
  it('falls back to the system theme for anything else, flagged invalid', () => {
    for (const stored of ['', 'blue', '"dark"', '{"theme":"dark"}', 'darkish']) {
      expect(parseThemePreference(stored)).toEqual({ preference: 'system', valid: false });
    }
  });
});

describe('resolveTheme', () => {
  it('follows the system only for the system preference', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});
