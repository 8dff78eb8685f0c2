import { useEffect } from 'react';
import { useAppStoreApi } from '../../state';

/**
 * Page-wide shortcuts of the workspace: Ctrl+S (Cmd+S) opens the save dialog instead of the
 * browser's "Save page" (the editor handles it itself while focused), Ctrl+Alt+N opens a new
 * tab (Ctrl+N and Ctrl+T belong to the browser).
 */
export function useWorkspaceShortcuts(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented) return;
      const key = event.key.toLowerCase();
      const mod = event.ctrlKey || event.metaKey;
      if (mod && !event.altKey && !event.shiftKey && key === 's') {
        event.preventDefault();
        if (store.getState().savedQueryDraft === null) store.getState().beginSaveQuery();
      } else if (event.ctrlKey && event.altKey && !event.shiftKey && (key === 'n' || event.code === 'KeyN')) {
        event.preventDefault();
        store.getState().addTab();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
