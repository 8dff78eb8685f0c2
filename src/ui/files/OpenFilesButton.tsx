import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { pathOfFile, useAppStore } from '../../state';

/**
 * "Open files…" and "Open folder…" buttons over hidden file inputs. The folder input uses
 * `webkitdirectory` (every browser supports it under that name); its files carry their path
 * inside the folder in `webkitRelativePath`, which is sent along as the file's name.
 */
export function OpenFilesButton(): React.JSX.Element {
  const { t } = useTranslation('app');
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const loadPickedFiles = useAppStore((s) => s.loadPickedFiles);
  const onChange = (e: React.ChangeEvent<HTMLInputElement>): void => {
    const files = Array.from(e.currentTarget.files ?? []);
    e.currentTarget.value = ''; // so picking the same files again fires change
    void loadPickedFiles(files.map((file) => ({ file, path: pathOfFile(file) })));
  };
  return (
    <div className="open-files">
      <div className="open-files-buttons">
        <button type="button" className="button" onClick={() => filesInput.current?.click()}>
          {t('files.open')}
        </button>
        <button type="button" className="button" onClick={() => folderInput.current?.click()}>
          {t('files.openFolder')}
        </button>
      </div>
      <input ref={filesInput} type="file" multiple hidden onChange={onChange} data-testid="open-files-input" />
      <input
        ref={folderInput}
        type="file"
        hidden
        onChange={onChange}
        data-testid="open-folder-input"
        // Why the spread: React's types lack the non-standard `webkitdirectory` attribute (React passes it on).
        {...{ webkitdirectory: '' }}
      />
      <p className="open-files-hint">{t('files.openHint')}</p>
    </div>
  );
}
