import { useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, useAppStoreApi } from '../../state';
import type { SavedQuery, SavedQueryFields } from '../../state';
import { formatKqlFile, formatKqlQuery, kqlFileName, parseKqlFile } from './kqlFiles';
import { downloadText } from './download';

function SavedEntry(props: { readonly query: SavedQuery }): React.JSX.Element {
  const { t } = useTranslation('workspace');
  const loadAndRun = useAppStore((s) => s.loadAndRun);
  const beginEdit = useAppStore((s) => s.beginEditSavedQuery);
  const deleteSaved = useAppStore((s) => s.deleteSavedQuery);
  const [confirming, setConfirming] = useState(false);
  const { query } = props;
  const idBase = `saved-${query.id}`;
  return (
    <li className="saved-entry">
      <button type="button" className="gallery-entry" onClick={() => loadAndRun(query.text)} aria-labelledby={`${idBase}-title`} aria-describedby={`${idBase}-description`}>
        <span id={`${idBase}-title`} className="gallery-title">
          {query.name}
        </span>
        <span id={`${idBase}-description`} className="gallery-description">
          {query.description}
        </span>
      </button>
      <span className="saved-actions">
        <button type="button" className="saved-action" aria-label={t('saved.edit', { name: query.name })} title={t('saved.edit', { name: query.name })} onClick={() => beginEdit(query.id)}>
          ✎
        </button>
        <button
          type="button"
          className="saved-action"
          aria-label={t('saved.export', { name: query.name })}
          title={t('saved.export', { name: query.name })}
          onClick={() => downloadText(kqlFileName(query.name), formatKqlQuery(query))}
        >
          ⤓
        </button>
        <button type="button" className="saved-action" aria-label={t('saved.delete', { name: query.name })} title={t('saved.delete', { name: query.name })} onClick={() => setConfirming(true)}>
          🗑
        </button>
      </span>
      {confirming && (
        <div className="saved-confirm" role="group" aria-label={t('saved.deleteConfirm', { name: query.name })}>
          <span>{t('saved.deleteConfirm', { name: query.name })}</span>
          <button type="button" className="button button--small" onClick={() => deleteSaved(query.id)}>
            {t('saved.deleteYes')}
          </button>
          <button type="button" className="button button--small" autoFocus onClick={() => setConfirming(false)}>
            {t('saved.deleteNo')}
          </button>
        </div>
      )}
    </li>
  );
}

/** The "Saved" part of the gallery: the user's saved queries, import and export as `.kql`. */
export function SavedQueries(): React.JSX.Element {
  const { t } = useTranslation('workspace');
  const store = useAppStoreApi();
  const saved = useAppStore((s) => s.savedQueries);
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<string | null>(null);

  const onFiles = async (e: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const files = Array.from(e.currentTarget.files ?? []);
    e.currentTarget.value = ''; // the same file can be picked again
    const queries: SavedQueryFields[] = [];
    const failures: string[] = [];
    for (const file of files) {
      try {
        queries.push(...parseKqlFile(file.name, await file.text()));
      } catch (error) {
        failures.push(t('saved.importFailed', { name: file.name, message: error instanceof Error ? error.message : String(error) }));
      }
    }
    const count = store.getState().importSavedQueries(queries);
    setMessage([t('saved.imported', { count }), ...failures].join(' '));
  };

  return (
    <>
      <h3 className="gallery-heading">{t('saved.heading')}</h3>
      <div className="saved-toolbar">
        <button type="button" className="button button--small" title={t('saved.importTitle')} onClick={() => input.current?.click()}>
          {t('saved.import')}
        </button>
        <input ref={input} type="file" accept=".kql,.csl,.txt" multiple hidden aria-label={t('saved.importTitle')} onChange={(e) => void onFiles(e)} />
        <button type="button" className="button button--small" title={t('saved.exportAllTitle')} disabled={saved.length === 0} onClick={() => downloadText(t('saved.exportAllFile'), formatKqlFile(saved))}>
          {t('saved.exportAll')}
        </button>
      </div>
      {message !== null && (
        <p className="saved-message" role="status">
          {message}
        </p>
      )}
      {saved.length === 0 ? (
        <p className="panel-empty">{t('saved.empty')}</p>
      ) : (
        <ul className="gallery-list">
          {saved.map((q) => (
            <SavedEntry key={q.id} query={q} />
          ))}
        </ul>
      )}
    </>
  );
}
