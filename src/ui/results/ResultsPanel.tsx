/**
 * The results area: "Results" and "Chart" tabs over the current run. A successful run
 * with a chart `render` opens on the Chart tab; anything else opens on Results.
 */
import { lazy, Suspense, useId, useMemo, useRef, useState, type JSX, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunState } from '../../state/runState';
import { errorPositionFor } from '../../state/queryLogic';
import type { RenderSpec, ResultTable } from '../../engine';
import { chartKindOf } from '../chart/chartData';
import { ResultView } from './ResultView';
import { createCellFormatter } from './formatCell';
import { CancelledNotice, ErrorNotice, IdleNotice, RunningNotice } from './RunNotices';
import './results.css';

// The chart panel pulls in recharts (about a third of the main bundle); it loads when a
// result is first shown on the Chart tab, so the first paint does not wait for it.
const ChartPanel = lazy(() => import('../chart/ChartPanel').then((m) => ({ default: m.ChartPanel })));

/** The two views of a result. */
export type ResultsTab = 'results' | 'chart';
const TABS: readonly ResultsTab[] = ['results', 'chart'];

/** The tab a run opens on: Chart when it asks for a chart we draw, else Results. */
export function initialTab(run: RunState): ResultsTab {
  if (run.status !== 'success' || run.render === undefined) return 'results';
  return chartKindOf(run.render.visualization) === null ? 'results' : 'chart';
}

/** True when `render` asks for a visualization that is neither a table nor a chart we draw. */
function isUnsupportedRender(render: RenderSpec | undefined): render is RenderSpec {
  return render !== undefined && render.visualization.toLowerCase() !== 'table' && chartKindOf(render.visualization) === null;
}

/**
 * State that starts over whenever `key` changes (a new run): the user's choice of tab or
 * table applies to one result only. Kept in one state cell with its key, so no effect runs.
 */
function useStatePerKey<T>(key: unknown, initial: () => T): [T, (value: T) => void] {
  const [state, setState] = useState<{ key: unknown; value: T } | null>(null);
  const value = state !== null && state.key === key ? state.value : initial();
  return [value, (next: T) => setState({ key, value: next })];
}

/** The results area of one run; fills its parent's height (give the parent one). */
export function ResultsPanel(props: { run: RunState }): JSX.Element {
  const { run } = props;
  const { t } = useTranslation('results');
  const [tab, setTab] = useStatePerKey<ResultsTab>(run, () => initialTab(run));
  const [tableIndex, setTableIndex] = useStatePerKey(run, () => 0);
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const baseId = useId();

  const onTabKey = (event: KeyboardEvent<HTMLDivElement>): void => {
    const current = TABS.indexOf(tab);
    let next: number;
    switch (event.key) {
      case 'ArrowRight':
        next = (current + 1) % TABS.length;
        break;
      case 'ArrowLeft':
        next = (current + TABS.length - 1) % TABS.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = TABS.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    setTab(TABS[next]);
    tabRefs.current[next]?.focus();
  };

  const shownIndex = run.status === 'success' ? Math.min(tableIndex, run.tables.length - 1) : 0;
  const table = run.status === 'success' ? run.tables[shownIndex] : undefined;
  const totalRows = run.status === 'success' && table !== undefined ? (run.totals?.[shownIndex]?.totalRows ?? table.rowCount) : 0;

  return (
    <div className="results-panel">
      <div className="results-bar">
        <div role="tablist" aria-label={t('tabs.label')} className="results-tabs" onKeyDown={onTabKey}>
          {TABS.map((id, i) => (
            <button
              key={id}
              ref={(el) => {
                tabRefs.current[i] = el;
              }}
              type="button"
              role="tab"
              id={`${baseId}-tab-${id}`}
              aria-selected={tab === id}
              aria-controls={`${baseId}-panel-${id}`}
              tabIndex={tab === id ? 0 : -1}
              className={tab === id ? 'results-tab results-tab--selected' : 'results-tab'}
              onClick={() => setTab(id)}
            >
              {t(`tabs.${id}`)}
            </button>
          ))}
        </div>
        {run.status === 'success' && run.tables.length > 1 && (
          <TableSelector tables={run.tables} selected={Math.min(tableIndex, run.tables.length - 1)} onSelect={setTableIndex} />
        )}
        {run.status === 'success' && table !== undefined && <StatusBar rowCount={totalRows} elapsedMs={run.elapsedMs} />}
      </div>
      {/* Both panels exist so every tab's aria-controls names an element; only the selected one has content. */}
      {TABS.map((id) => (
        <div key={id} role="tabpanel" id={`${baseId}-panel-${id}`} aria-labelledby={`${baseId}-tab-${id}`} className="results-tabpanel" hidden={id !== tab}>
          {id === tab && <PanelContent run={run} tab={tab} table={table} tableIndex={shownIndex} />}
        </div>
      ))}
    </div>
  );
}

function PanelContent(props: { run: RunState; tab: ResultsTab; table: ResultTable | undefined; tableIndex: number }): JSX.Element {
  const { t, i18n } = useTranslation('chart');
  const { run, tab, table, tableIndex } = props;
  const formatter = useMemo(() => createCellFormatter(i18n.language), [i18n.language]);
  switch (run.status) {
    case 'idle':
      return <IdleNotice />;
    case 'running':
      return <RunningNotice startedAt={run.startedAt} />;
    case 'cancelled':
      return <CancelledNotice />;
    case 'error':
      return <ErrorNotice error={run.error} position={errorPositionFor(run)} />;
    case 'success': {
      if (table === undefined) return <EmptyResult />;
      if (tab === 'chart') {
        return (
          <Suspense fallback={<ChartLoading />}>
            <ChartPanel table={table} render={run.render} />
          </Suspense>
        );
      }
      return (
        <>
          {isUnsupportedRender(run.render) && (
            <p className="results-render-notice" role="status">
              {t('problems.unsupported', { visualization: run.render.visualization })}
            </p>
          )}
          {table.columns.length === 0 ? (
            <EmptyResult />
          ) : (
            <ResultView
              key={`${run.resultId ?? 'run'}-${tableIndex}`}
              queryText={run.queryText}
              resultId={run.resultId}
              tableIndex={tableIndex}
              table={table}
              total={run.totals?.[tableIndex] ?? { totalRows: table.rowCount, truncation: null }}
              formatter={formatter}
            />
          )}
          {table.columns.length > 0 && table.rowCount === 0 && <NoRows />}
        </>
      );
    }
    default: {
      const never: never = run;
      return never;
    }
  }
}

/** What the Chart tab shows while the chart code loads (once per page). */
function ChartLoading(): JSX.Element {
  const { t } = useTranslation('results');
  return (
    <p className="results-notice" role="status" aria-busy="true">
      {t('chartLoading')}
    </p>
  );
}

function EmptyResult(): JSX.Element {
  const { t } = useTranslation('results');
  return <p className="results-notice">{t('noColumns')}</p>;
}

function NoRows(): JSX.Element {
  const { t } = useTranslation('results');
  return <p className="results-notice results-notice--no-rows">{t('noRows')}</p>;
}

function TableSelector(props: { tables: readonly ResultTable[]; selected: number; onSelect: (index: number) => void }): JSX.Element {
  const { t, i18n } = useTranslation('results');
  const count = useMemo(() => new Intl.NumberFormat(i18n.language), [i18n.language]);
  return (
    <select className="results-table-select" aria-label={t('tableSelector')} value={props.selected} onChange={(e) => props.onSelect(Number(e.target.value))}>
      {props.tables.map((table, i) => (
        <option key={i} value={i}>
          {t('tableOption', { name: table.name, count: table.rowCount, formatted: count.format(table.rowCount) })}
        </option>
      ))}
    </select>
  );
}

/** "12,345 records · 0.123 s" for the shown table. */
function StatusBar(props: { rowCount: number; elapsedMs: number }): JSX.Element {
  const { t, i18n } = useTranslation('results');
  const formats = useMemo(
    () => ({
      count: new Intl.NumberFormat(i18n.language),
      seconds: new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 3, maximumFractionDigits: 3 }),
    }),
    [i18n.language],
  );
  return (
    <div className="results-status" role="status">
      <span className="results-status-count">{t('recordCount', { count: props.rowCount, formatted: formats.count.format(props.rowCount) })}</span>
      <span className="results-status-duration" title={t('durationLabel')}>
        {t('duration', { seconds: formats.seconds.format(props.elapsedMs / 1000) })}
      </span>
    </div>
  );
}
