import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';

/** Shown while Monaco and the KQL plugin load (a separate chunk, after first paint). */
export function EditorPlaceholder(): JSX.Element {
  const { t } = useTranslation('editor');
  return (
    <div role="status" aria-live="polite" style={{ padding: '0.5rem', color: 'var(--muted, #605e5c)', fontSize: '0.875rem' }}>
      {t('loading')}
    </div>
  );
}
