/**
 * The header's theme picker: System / Light / Dark. A native `<select>`, so it is
 * keyboard- and screen-reader-operable without extra code.
 */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { parseThemePreference, THEME_PREFERENCES } from './themePreference';
import { setThemePreference, useThemePreference } from './themeStore';

/** A labelled select that sets and stores the theme preference. */
export function ThemeToggle(): JSX.Element {
  const { t } = useTranslation('theme');
  const preference = useThemePreference();
  return (
    <label className="theme-toggle" title={t('title')}>
      <span>{t('label')}</span>
      <select value={preference} onChange={(e) => setThemePreference(parseThemePreference(e.target.value).preference)}>
        {THEME_PREFERENCES.map((p) => (
          <option key={p} value={p}>
            {t(`options.${p}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
