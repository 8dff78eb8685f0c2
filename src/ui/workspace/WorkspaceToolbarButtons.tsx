import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, useAppStoreApi } from '../../state';
import { shareUrl } from './shareLink';

type ShareStatus = { readonly kind: 'idle' } | { readonly kind: 'copied' } | { readonly kind: 'failed'; readonly url: string };

/** Save (Ctrl+S) and Copy link buttons of the query toolbar. */
export function WorkspaceToolbarButtons(): React.JSX.Element {
  const { t } = useTranslation('workspace');
  const store = useAppStoreApi();
  const beginSaveQuery = useAppStore((s) => s.beginSaveQuery);
  const [share, setShare] = useState<ShareStatus>({ kind: 'idle' });
  const resetTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (resetTimer.current !== null && clearTimeout(resetTimer.current)), []);

  const copyLink = async (): Promise<void> => {
    const url = await shareUrl(window.location, store.getState().editorText);
    try {
      await navigator.clipboard.writeText(url);
      setShare({ kind: 'copied' });
      if (resetTimer.current !== null) clearTimeout(resetTimer.current);
      resetTimer.current = setTimeout(() => setShare({ kind: 'idle' }), 4000);
    } catch {
      setShare({ kind: 'failed', url });
    }
  };

  return (
    <>
      <button type="button" className="button" onClick={beginSaveQuery} title={t('save.buttonTitle')} aria-keyshortcuts="Control+S">
        {t('save.button')}
      </button>
      <button type="button" className="button" onClick={() => void copyLink()} title={t('share.buttonTitle')}>
        {t('share.button')}
      </button>
      <span className="ws-share-status" role="status">
        {share.kind === 'copied' && t('share.copied')}
        {share.kind === 'failed' && (
          <>
            {t('share.failed')}{' '}
            <input className="ws-share-link" readOnly aria-label={t('share.linkLabel')} value={share.url} onFocus={(e) => e.currentTarget.select()} />
          </>
        )}
      </span>
    </>
  );
}
