import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pathOfFile, useAppStore } from '../../state';
import { droppedEntries, filesOfEntries } from './droppedEntries';

function carriesFiles(e: DragEvent): boolean {
  return e.dataTransfer !== null && Array.from(e.dataTransfer.types).includes('Files');
}

/**
 * Accepts files dropped anywhere on the page and shows an overlay while files are dragged
 * over it. Listens on `window` so the editor and grid do not need to know about drops.
 */
export function DropOverlay(): React.JSX.Element | null {
  const { t } = useTranslation('app');
  const loadPickedFiles = useAppStore((s) => s.loadPickedFiles);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    // dragenter/dragleave fire for every child element crossed; count them so the
    // overlay only hides when the pointer really leaves the window.
    let depth = 0;
    const onEnter = (e: DragEvent): void => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const onOver = (e: DragEvent): void => {
      if (!carriesFiles(e)) return;
      e.preventDefault(); // required for the drop event to fire
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (e: DragEvent): void => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (e: DragEvent): void => {
      if (!carriesFiles(e)) return;
      e.preventDefault(); // keep the browser from opening the file
      depth = 0;
      setDragging(false);
      if (e.dataTransfer === null) return;
      // Entries are readable only during the event: take them now, walk folders afterwards.
      const entries = droppedEntries(e.dataTransfer);
      const files = Array.from(e.dataTransfer.files);
      if (entries === null) {
        void loadPickedFiles(files.map((file) => ({ file, path: pathOfFile(file) })));
        return;
      }
      filesOfEntries(entries).then(
        (picked) => loadPickedFiles(picked),
        // A folder that cannot be read (permissions, removed): load what the browser handed over.
        () => loadPickedFiles(files.map((file) => ({ file, path: pathOfFile(file) }))),
      );
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [loadPickedFiles]);

  if (!dragging) return null;
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-overlay-box">{t('files.dropOverlay')}</div>
    </div>
  );
}
