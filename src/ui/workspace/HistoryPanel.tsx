import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state';
import type { HistoryEntry } from '../../state';
import { tabLabel } from './tabLabel';

function HistoryItem(props: { readonly entry: HistoryEntry; readonly when: Intl.DateTimeFormat }): React.JSX.Element {
  const { t } = useTranslation('workspace');
  const openInNewTab = useAppStore((s) => s.openInNewTab);
  const { entry } = props;
  const outcome = entry.outcome.status === 'success' ? t('history.rows', { count: entry.outcome.rowCount }) : t('history.error', { code: entry.outcome.errorCode });
  const firstLine = entry.queryText.split('\n').find((line) => line.trim() !== '') ?? '';
  return (
    <li>
      <button
        type="button"
        className="ws-history-entry"
        title={`${t('history.open')}\n\n${entry.queryText}`}
        onClick={() => openInNewTab(entry.queryText, { title: entry.tabTitle })}
      >
        <code className="ws-history-query">{firstLine}</code>
        <span className="ws-history-meta">
          <time dateTime={new Date(entry.at).toISOString()}>{props.when.format(entry.at)}</time>
          {entry.durationMs !== null && <span>{t('history.duration', { ms: Math.round(entry.durationMs) })}</span>}
          <span className={entry.outcome.status === 'error' ? 'ws-history-error' : undefined}>{outcome}</span>
          <span>{t('history.inTab', { title: tabLabel(t, { number: entry.tabNumber, title: entry.tabTitle }) })}</span>
        </span>
      </button>
    </li>
  );
}

/** The last runs, newest first; clicking one opens its query in a new tab. */
export function HistoryPanel(): React.JSX.Element {
  const { t, i18n } = useTranslation('workspace');
  const history = useAppStore((s) => s.history);
  const clearHistory = useAppStore((s) => s.clearHistory);
  const when = useMemo(() => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' }), [i18n.language]);
  return (
    <section className="ws-history" aria-label={t('history.label')}>
      {history.length === 0 ? (
        <p className="panel-empty">{t('history.empty')}</p>
      ) : (
        <>
          <div className="ws-history-actions">
            <button type="button" className="button button--small" onClick={clearHistory}>
              {t('history.clear')}
            </button>
          </div>
          <ul className="ws-history-list">
            {history.map((entry) => (
              <HistoryItem key={entry.id} entry={entry} when={when} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
