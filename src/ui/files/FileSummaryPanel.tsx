import { useTranslation } from 'react-i18next';
import type { FileLoadSummary } from '../../worker/protocol';
import type { FileLoadState } from '../../state';
import { useAppStore } from '../../state';
import { formatBytes } from './formatBytes';
import { tablesWithRows, unmappedFieldList } from './summaryRows';

function FileSummary(props: { readonly summary: FileLoadSummary }): React.JSX.Element {
  const { t, i18n } = useTranslation('app');
  const s = props.summary;
  const tables = tablesWithRows(s);
  const unlisted = s.skippedCount - s.skipped.length;
  const unmapped = unmappedFieldList(s);
  return (
    <li className={`file-summary${s.error !== undefined ? ' file-summary--error' : ''}`}>
      <div className="file-summary-name">{s.fileName}</div>
      <div className="file-summary-meta">
        <span>{t('files.format', { format: s.format })}</span>
        <span>{t('files.size', { size: formatBytes(s.bytes, i18n.language) })}</span>
      </div>
      {s.error !== undefined ? (
        <p className="file-summary-error">{t('files.fileError', { error: s.error })}</p>
      ) : tables.length === 0 ? (
        <p>{t('files.noRows')}</p>
      ) : (
        <ul className="file-summary-tables">
          {tables.map(({ table, rows }) => (
            <li key={table}>{t('files.rowsInTable', { table, count: rows })}</li>
          ))}
        </ul>
      )}
      {unmapped.length > 0 && (
        <details className="file-summary-unmapped">
          <summary>{t('files.unmapped', { count: unmapped.length })}</summary>
          <ul>
            {unmapped.map((u) => (
              <li key={`${u.table}.${u.field}`}>{t('files.unmappedField', { table: u.table, field: u.field, count: u.records })}</li>
            ))}
          </ul>
        </details>
      )}
      {s.skippedCount > 0 && (
        <details className="file-summary-skipped">
          <summary>{t('files.skipped', { count: s.skippedCount })}</summary>
          <ul>
            {s.skipped.map((line) => (
              <li key={line.line}>{t('files.skippedLine', { line: line.line, reason: line.reason })}</li>
            ))}
            {unlisted > 0 && <li>{t('files.skippedMore', { count: unlisted })}</li>}
          </ul>
        </details>
      )}
    </li>
  );
}

/** The dismissible summary of the last file load (or its failure). */
export function FileSummaryPanel(props: { readonly load: Extract<FileLoadState, { status: 'done' | 'failed' }> }): React.JSX.Element {
  const { t } = useTranslation('app');
  const dismiss = useAppStore((s) => s.dismissFileLoad);
  const { load } = props;
  return (
    <section className="file-summary-panel" role="region" aria-label={t('files.summaryLabel')}>
      <div className="file-summary-header">
        <h3>{t('files.summaryTitle')}</h3>
        <button type="button" className="button button--small" onClick={dismiss}>
          {t('files.dismiss')}
        </button>
      </div>
      {load.status === 'failed' ? (
        <p className="file-summary-error">{t('files.failed', { message: load.message })}</p>
      ) : (
        <ul className="file-summary-list">
          {load.summaries.map((s, i) => (
            <FileSummary key={`${s.fileName}-${i}`} summary={s} />
          ))}
        </ul>
      )}
    </section>
  );
}
