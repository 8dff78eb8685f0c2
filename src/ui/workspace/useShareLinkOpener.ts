import { useEffect } from 'react';
import { useAppStoreApi } from '../../state';
import { decodeQuery, sharedQueryParam } from './shareLink';

/**
 * Opens a shared link's query (`#q=...`) in a new tab and runs it (once the data is loaded),
 * then clears the fragment so a reload does not open it again. Also handles a link pasted
 * into the address bar of an open page (only the fragment changes then).
 */
export function useShareLinkOpener(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const open = (): void => {
      const param = sharedQueryParam(window.location.hash);
      if (param === null) return;
      // Cleared before decoding, so a second effect run (React StrictMode) finds nothing.
      history.replaceState(history.state, '', window.location.pathname + window.location.search);
      decodeQuery(param).then(
        (text) => store.getState().openInNewTab(text, { run: true }),
        () => store.getState().showWorkspaceNotice('shareLinkUnreadable'),
      );
    };
    open();
    window.addEventListener('hashchange', open);
    return () => window.removeEventListener('hashchange', open);
  }, [store]);
}
