import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state';

/** A visible "Open files…" button over a hidden multi-file input. */
export function OpenFilesButton(): React.JSX.Element {
  const { t } = useTranslation('app');
  const input = useRef<HTMLInputElement>(null);
  const loadFiles = useAppStore((s) => s.loadFiles);
  return (
    <div className="open-files">
      <button type="button" className="button" onClick={() => input.current?.click()}>
        {t('files.open')}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept=".json,.jsonl,.txt,application/json"
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = ''; // so picking the same file again fires change
          void loadFiles(files);
        }}
      />
      <p className="open-files-hint">{t('files.openHint')}</p>
    </div>
  );
}
