/**
 * One result table with its tools: search (over the whole result, in the worker), the
 * "Showing N of M rows" notice, the column chooser, Export, the grid and the row details.
 * Mounted once per result table (keyed by the panel), so its view state starts fresh per run.
 */
import { downloadBlob } from '../app/download';
import { useMemo, useRef, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultTable } from '../../engine';
import type { ExportFormat, ResultSort, ResultTotal, TruncationReason } from '../../worker/protocol';
import { useAppStoreApi } from '../../state';
import { messageOf } from '../../state/dataClient';
import { cellLiteralOf, filterPredicate, withFilterLine } from '../../state/filterLine';
import { queryBlockAt } from '../editor/queryBlocks';
import type { CellFormatter } from './formatCell';
import { ResultsGrid } from './ResultsGrid';
import { ColumnChooser } from './ColumnChooser';
import { ExportMenu } from './ExportMenu';
import { RowDetails } from './RowDetails';
import { exportFileName, KUSTO_ROW_LIMIT, moveItem, nextSort } from './gridView';
import { useResultView } from './useResultView';
import './grid.css';

/** Props of `ResultView`. */
export interface ResultViewProps {
  /** The run's text (the block the result came from). */
  readonly queryText: string;
  readonly resultId: number | undefined;
  readonly tableIndex: number;
  /** The rows the run sent (capped) and the result's totals. */
  readonly table: ResultTable;
  readonly total: ResultTotal;
  readonly formatter: CellFormatter;
}

/** The message of a truncation: Kusto's row limit, or a row cap lowered by the `?resultCap=` test hook. */
function truncationMessageKey(reason: TruncationReason, shownRows: number): 'truncated.rowLimit' | 'truncated.rowLimitCustom' | 'truncated.sizeLimit' {
  switch (reason) {
    case 'rowLimit':
      return shownRows === KUSTO_ROW_LIMIT ? 'truncated.rowLimit' : 'truncated.rowLimitCustom';
    case 'sizeLimit':
      return 'truncated.sizeLimit';
    default: {
      const never: never = reason;
      return never;
    }
  }
}

/** The toolbar, grid and details of one result table. */
export function ResultView(props: ResultViewProps): JSX.Element {
  const { queryText, resultId, tableIndex, table, total, formatter } = props;
  const { t, i18n } = useTranslation('grid');
  const store = useAppStoreApi();
  const [sort, setSort] = useState<ResultSort | null>(null);
  const [search, setSearch] = useState('');
  const [order, setOrder] = useState<readonly number[]>(() => table.columns.map((_, i) => i));
  const [hidden, setHidden] = useState<ReadonlySet<number>>(() => new Set());
  const [detailsRow, setDetailsRow] = useState<number | null>(null);
  const [notice, setNotice] = useState('');
  const gridBody = useRef<HTMLDivElement>(null);
  // Closing the details returns the focus to the grid, where the keyboard user opened them.
  const closeDetails = (): void => {
    setDetailsRow(null);
    gridBody.current?.querySelector<HTMLElement>('[role="grid"]')?.focus({ preventScroll: true });
  };
  const shown = useResultView(resultId, tableIndex, table, total, sort, search);
  const count = useMemo(() => new Intl.NumberFormat(i18n.language), [i18n.language]);
  const client = store.getState().client;
  const canView = resultId !== undefined && client.viewResult !== undefined;

  const visibleOrder = order.filter((c) => !hidden.has(c));
  const moveVisible = (from: number, to: number): void => {
    const fromIndex = order.indexOf(visibleOrder[from]);
    const toIndex = order.indexOf(visibleOrder[Math.max(0, Math.min(visibleOrder.length - 1, to))]);
    setOrder(moveItem(order, fromIndex, toIndex));
  };

  const onFilter = (row: number, column: number, mode: 'include' | 'exclude'): void => {
    const predicate = filterPredicate(shown.table.columns[column].name, cellLiteralOf(shown.table.data[column], row), mode);
    const { editorText, cursorOffset, editAndRun } = store.getState();
    const next = withFilterLine(editorText, cursorOffset, queryText, queryBlockAt, predicate);
    editAndRun(next.text, next.cursor);
  };

  const onExport = (format: ExportFormat): void => {
    if (resultId === undefined || client.exportResult === undefined) return;
    setNotice(t('export.working'));
    client.exportResult(resultId, tableIndex, { sort, search: search.trim() }, format).then(
      ({ blob, rows }) => {
        downloadBlob(blob, exportFileName(new Date(), format));
        setNotice(t('export.done', { count: rows, formatted: count.format(rows) }));
      },
      (reason: unknown) => setNotice(t('export.failed', { message: messageOf(reason) })),
    );
  };

  const searching = search.trim() !== '';
  const truncation = shown.total.truncation;
  return (
    <div className="grid-view">
      <div className="grid-toolbar">
        <input
          type="search"
          className="grid-search"
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          value={search}
          disabled={!canView}
          onChange={(event) => {
            setSearch(event.target.value);
            setDetailsRow(null);
          }}
        />
        {searching && (
          <span className="grid-match-count" role="status">
            {shown.pending ? t('search.searching') : t('search.matches', { count: shown.total.totalRows, formatted: count.format(shown.total.totalRows) })}
          </span>
        )}
        <span className="grid-toolbar-notice" role="status" aria-live="polite">
          {shown.error !== null ? t('viewFailed', { message: shown.error }) : notice}
        </span>
        <ColumnChooser
          columns={table.columns}
          order={order}
          hidden={hidden}
          onToggle={(column) => {
            const next = new Set(hidden);
            if (next.has(column)) next.delete(column);
            else next.add(column);
            setHidden(next);
          }}
          onShowAll={() => setHidden(new Set())}
          onMove={(from, to) => setOrder(moveItem(order, from, to))}
        />
        <ExportMenu disabled={resultId === undefined || client.exportResult === undefined} onExport={onExport} />
      </div>
      {truncation !== null && (
        <p className="grid-truncated" role="note">
          {t(truncationMessageKey(truncation, shown.table.rowCount), { shown: count.format(shown.table.rowCount), total: count.format(shown.total.totalRows) })}
        </p>
      )}
      <div className="grid-body" ref={gridBody}>
        <ResultsGrid
          table={shown.table}
          totalRows={shown.total.totalRows}
          formatter={formatter}
          sort={sort}
          onSort={(column) => {
            if (!canView) return;
            setSort(nextSort(sort, column));
            setDetailsRow(null);
          }}
          columnOrder={order}
          hidden={hidden}
          onMoveColumn={moveVisible}
          detailsRow={detailsRow}
          onToggleDetails={(row) => setDetailsRow(detailsRow === row ? null : row)}
          onFilter={onFilter}
          onNotice={setNotice}
        />
        {detailsRow !== null && detailsRow < shown.table.rowCount && (
          <RowDetails table={shown.table} row={detailsRow} formatter={formatter} onClose={closeDetails} />
        )}
      </div>
    </div>
  );
}
