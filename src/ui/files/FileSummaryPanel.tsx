import { useTranslation } from 'react-i18next';
import type { FileLoadSummary } from '../../worker/protocol';
import type { FileLoadState } from '../../state';
import { useAppStore } from '../../state';
import { formatBytes } from './formatBytes';
import { extraColumnList, loadTotals, tablesWithRows } from './summaryRows';

/** Above this many files, the per-file summaries are collapsed under the totals. */
const COLLAPSE_AFTER_FILES = 3;

function FileSummary(props: { readonly summary: FileLoadSummary }): React.JSX.Element {
  const { t, i18n } = useTranslation('app');
  const s = props.summary;
  const tables = tablesWithRows(s);
  const unlisted = s.skippedCount - s.skipped.length;
  const extras = extraColumnList(s);
  const warnings = s.warnings ?? [];
  const failed = s.error !== undefined;
  return (
    <li className={`file-summary${failed ? ' file-summary--error' : ''}`}>
      <div className="file-summary-name">{s.fileName}</div>
      {s.duplicateOf !== undefined ? (
        <p className="file-summary-notice">{t('files.duplicate', { name: s.duplicateOf })}</p>
      ) : (
        <>
          <div className="file-summary-meta">
            <span>{t('files.format', { format: t(`files.formats.${s.format}`, { defaultValue: s.format }) })}</span>
            <span>{t('files.size', { size: formatBytes(s.bytes, i18n.language) })}</span>
            {s.compression === 'gzip' && <span>{t('files.compressionGzip')}</span>}
            {s.compression === 'zip' && <span>{t('files.compressionZip')}</span>}
          </div>
          {failed ? (
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
        </>
      )}
      {extras.length > 0 && (
        <details className="file-summary-unmapped">
          <summary>{t('files.extraColumns', { count: extras.length })}</summary>
          <ul>
            {extras.map((x) => (
              <li key={`${x.table}.${x.column}`}>{t('files.extraColumn', { table: x.table, column: x.column, count: x.rows })}</li>
            ))}
          </ul>
        </details>
      )}
      {warnings.length > 0 && (
        <details className="file-summary-skipped">
          <summary>{t('files.warnings', { count: warnings.length })}</summary>
          <ul>
            {warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      )}
      {s.skippedCount > 0 && (
        <details className="file-summary-skipped">
          <summary>{t('files.skipped', { count: s.skippedCount })}</summary>
          <ul>
            {s.skipped.map((line, i) => (
              <li key={`${line.line}-${i}`}>{t('files.skippedLine', { line: line.line, reason: line.reason })}</li>
            ))}
            {unlisted > 0 && <li>{t('files.skippedMore', { count: unlisted })}</li>}
          </ul>
        </details>
      )}
    </li>
  );
}

/** Totals of a load of many files: files loaded / skipped / failed and rows per table. */
function LoadTotalsView(props: { readonly summaries: readonly FileLoadSummary[] }): React.JSX.Element {
  const { t } = useTranslation('app');
  const totals = loadTotals(props.summaries);
  return (
    <div className="file-summary-totals">
      <p>
        {t('files.totals', { count: totals.files })}: {t('files.totalsLoaded', { count: totals.loaded })}
        {totals.duplicates > 0 && <>, {t('files.totalsDuplicates', { count: totals.duplicates })}</>}
        {totals.failed > 0 && <>, {t('files.totalsFailed', { count: totals.failed })}</>}
      </p>
      <ul className="file-summary-tables">
        {totals.rowsByTable.map(({ table, rows }) => (
          <li key={table}>{t('files.rowsInTable', { table, count: rows })}</li>
        ))}
      </ul>
    </div>
  );
}

/** The dismissible summary of the last file load (or its failure or cancellation). */
export function FileSummaryPanel(props: { readonly load: Extract<FileLoadState, { status: 'done' | 'failed' | 'cancelled' }> }): React.JSX.Element {
  const { t } = useTranslation('app');
  const dismiss = useAppStore((s) => s.dismissFileLoad);
  const { load } = props;
  let body: React.JSX.Element;
  switch (load.status) {
    case 'failed':
      body = <p className="file-summary-error">{t('files.failed', { message: load.message })}</p>;
      break;
    case 'cancelled':
      body = <p className="file-summary-notice">{t('files.cancelled', { count: load.fileCount })}</p>;
      break;
    case 'done': {
      const list = (
        <ul className="file-summary-list">
          {load.summaries.map((s, i) => (
            <FileSummary key={`${s.fileName}-${i}`} summary={s} />
          ))}
        </ul>
      );
      body =
        load.summaries.length > COLLAPSE_AFTER_FILES ? (
          <>
            <LoadTotalsView summaries={load.summaries} />
            <details className="file-summary-details">
              <summary>{t('files.perFile')}</summary>
              {list}
            </details>
          </>
        ) : (
          list
        );
      break;
    }
    default: {
      const never: never = load;
      body = never;
    }
  }
  return (
    <section className="file-summary-panel" role="region" aria-label={t('files.summaryLabel')}>
      <div className="file-summary-header">
        <h3>{t('files.summaryTitle')}</h3>
        <button type="button" className="button button--small" onClick={dismiss}>
          {t('files.dismiss')}
        </button>
      </div>
      {body}
    </section>
  );
}
