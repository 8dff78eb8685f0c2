import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state';

/** Run and Cancel buttons above the editor. */
export function Toolbar(): React.JSX.Element {
  const { t } = useTranslation('app');
  const running = useAppStore((s) => s.run.status === 'running');
  const runAtCursor = useAppStore((s) => s.runAtCursor);
  const cancelRun = useAppStore((s) => s.cancelRun);
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <button type="button" className="button button--primary" onClick={runAtCursor} title={t('toolbar.runTitle')} aria-keyshortcuts="Shift+Enter">
        <span aria-hidden="true" className="button-icon">▶</span>
        {t('toolbar.run')}
      </button>
      <kbd className="toolbar-hint">{t('toolbar.runHint')}</kbd>
      <button type="button" className="button" onClick={cancelRun} disabled={!running} title={t('toolbar.cancelTitle')}>
        {t('toolbar.cancel')}
      </button>
    </div>
  );
}
