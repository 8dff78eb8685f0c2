import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, useAppStoreApi } from '../../state';
import { WorkspaceToolbarButtons } from '../workspace/WorkspaceToolbarButtons';
import { TimeRangePicker } from '../time/TimeRangePicker';

/**
 * Escape cancels a running query, wherever the focus is. Escape keys that something else
 * handled first (Monaco closing its completion list, a selection being cleared) arrive with
 * `defaultPrevented` set and are left alone.
 */
function useEscapeCancels(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const { run, cancelRun } = store.getState();
      if (run.status !== 'running') return;
      event.preventDefault();
      cancelRun();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}

/** Run and Cancel buttons above the editor. */
export function Toolbar(): React.JSX.Element {
  const { t } = useTranslation('app');
  const running = useAppStore((s) => s.run.status === 'running');
  const runAtCursor = useAppStore((s) => s.runAtCursor);
  const cancelRun = useAppStore((s) => s.cancelRun);
  useEscapeCancels();
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <button type="button" className="button button--primary" onClick={runAtCursor} title={t('toolbar.runTitle')} aria-keyshortcuts="Shift+Enter">
        <span aria-hidden="true" className="button-icon">▶</span>
        {t('toolbar.run')}
      </button>
      <kbd className="toolbar-hint">{t('toolbar.runHint')}</kbd>
      <button type="button" className="button" onClick={cancelRun} disabled={!running} title={t('toolbar.cancelTitle')} aria-keyshortcuts="Escape">
        {t('toolbar.cancel')}
      </button>
      <WorkspaceToolbarButtons />
      <TimeRangePicker />
    </div>
  );
}
