/**
 * The results grid: a virtualized, accessible `role="grid"` over one columnar result table.
 *
 * Why TanStack Table gets no rows: its core row model builds a `Row` object per data item
 * up front, which for 100,000 results costs time and memory the grid does not need. The
 * table instance owns only the columns (headers, sizing, resizing); the body renders just
 * the rows TanStack Virtual reports visible, reading each cell straight from its column.
 */
import { memo, useMemo, useRef, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { getCoreRowModel, useReactTable, type ColumnDef, type Header } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ResultTable, ScalarType } from '../../engine';
import { createCellFormatter, isRightAligned, type CellFormatter } from './formatCell';
import { initialColumnWidth, MIN_COLUMN_WIDTH_PX, WIDTH_SAMPLE_ROWS } from './gridLayout';

/** Height of one body row in pixels (fixed, so the virtualizer never measures). */
export const ROW_HEIGHT_PX = 24;
/** Rows rendered beyond the visible ones, above and below, to keep fast scrolling blank-free. */
const OVERSCAN_ROWS = 12;
/** TanStack Table gets no row data (see the file comment). */
const NO_ROWS: number[] = [];

/** Props of `ResultsGrid`. */
export interface ResultsGridProps {
  readonly table: ResultTable;
}

function columnDefsOf(table: ResultTable, formatter: CellFormatter): ColumnDef<number>[] {
  const sampleRows = Math.min(table.rowCount, WIDTH_SAMPLE_ROWS);
  return table.columns.map((schema, index) => {
    const samples: string[] = [];
    for (let r = 0; r < sampleRows; r++) samples.push(formatter.format(table.data[index], r));
    return { id: String(index), header: schema.name, size: initialColumnWidth(schema.name, schema.type, samples), minSize: MIN_COLUMN_WIDTH_PX };
  });
}

/** A virtualized grid of `table`; fills its parent's height (give the parent one). */
export function ResultsGrid({ table }: ResultsGridProps): JSX.Element {
  const { t, i18n } = useTranslation('results');
  const formatter = useMemo(() => createCellFormatter(i18n.language), [i18n.language]);
  const columns = useMemo(() => columnDefsOf(table, formatter), [table, formatter]);
  const grid = useReactTable({
    data: NO_ROWS,
    columns,
    getCoreRowModel: getCoreRowModel(),
    columnResizeMode: 'onChange',
    enableColumnResizing: true,
  });
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: table.rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT_PX,
    overscan: OVERSCAN_ROWS,
  });

  const headers = grid.getHeaderGroups()[0]?.headers ?? [];
  const totalWidth = grid.getTotalSize();
  const widthsKey = headers.map((h) => h.getSize()).join(',');
  // One array per distinct set of widths, so rows that stay visible while scrolling skip re-rendering.
  const widths = useMemo(() => widthsKey.split(',').map(Number), [widthsKey]);
  const cellClasses = useMemo(() => table.columns.map((c) => (isRightAligned(c.type) ? 'results-cell results-cell--number' : 'results-cell')), [table]);

  return (
    <div
      ref={scrollRef}
      className="results-grid"
      role="grid"
      aria-label={t('gridLabel', { name: table.name })}
      aria-rowcount={table.rowCount + 1}
      aria-colcount={table.columns.length}
      aria-readonly="true"
      tabIndex={0}
    >
      <div role="rowgroup" className="results-head" style={{ width: totalWidth }}>
        <div role="row" aria-rowindex={1} className="results-row results-row--head">
          {headers.map((header, index) => (
            <HeaderCell key={header.id} header={header} index={index} type={table.columns[index].type} />
          ))}
        </div>
      </div>
      <div role="rowgroup" className="results-body" style={{ height: virtualizer.getTotalSize(), width: totalWidth }}>
        {virtualizer.getVirtualItems().map((item) => (
          <GridRow key={item.key} table={table} row={item.index} top={item.start} widths={widths} cellClasses={cellClasses} formatter={formatter} />
        ))}
      </div>
    </div>
  );
}

interface GridRowProps {
  readonly table: ResultTable;
  readonly row: number;
  readonly top: number;
  readonly widths: readonly number[];
  readonly cellClasses: readonly string[];
  readonly formatter: CellFormatter;
}

/** One body row, formatted straight from the columns; memoized so scrolling re-renders only new rows. */
const GridRow = memo(function GridRow({ table, row, top, widths, cellClasses, formatter }: GridRowProps): JSX.Element {
  return (
    <div
      role="row"
      aria-rowindex={row + 2}
      className={row % 2 === 1 ? 'results-row results-row--odd' : 'results-row'}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT_PX }}
    >
      {table.data.map((column, c) => {
        const text = formatter.format(column, row);
        return (
          <div key={c} role="gridcell" aria-colindex={c + 1} className={cellClasses[c]} style={{ width: widths[c] }} title={text.length > 24 ? text : undefined}>
            {text}
          </div>
        );
      })}
    </div>
  );
});

function HeaderCell(props: { header: Header<number, unknown>; index: number; type: ScalarType }): JSX.Element {
  const { t } = useTranslation('results');
  const { header, index, type } = props;
  const name = String(header.column.columnDef.header);
  const resize = header.getResizeHandler();
  return (
    <div
      role="columnheader"
      aria-colindex={index + 1}
      className={header.column.getIsResizing() ? 'results-header results-header--resizing' : 'results-header'}
      style={{ width: header.getSize() }}
      title={t('columnTitle', { name, type })}
    >
      <span className="results-header-name">{name}</span>
      <span
        className="results-resize-handle"
        role="separator"
        aria-orientation="vertical"
        aria-label={t('resizeColumn', { name })}
        onMouseDown={resize}
        onTouchStart={resize}
        onDoubleClick={() => header.column.resetSize()}
      />
    </div>
  );
}
