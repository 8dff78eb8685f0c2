/**
 * The results grid: a virtualized, accessible `role="grid"` over one columnar result table,
 * with sortable, movable, resizable and hideable columns, a row expander, cell selection
 * (click, Shift+click, arrows, Shift+arrows), copying and a cell menu.
 *
 * Why TanStack Table gets no rows: its core row model builds a `Row` object per data item
 * up front, which for 100,000 results costs time and memory the grid does not need. The
 * table instance owns only the columns (order, visibility, sizing); the body renders just
 * the rows TanStack Virtual reports visible, reading each cell straight from its column.
 */
import { useId, useMemo, useRef, useState, type JSX, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ResultTable } from '../../engine';
import type { ResultSort } from '../../worker/protocol';
import { isRightAligned, type CellFormatter } from './formatCell';
import { initialColumnWidth, MIN_COLUMN_WIDTH_PX, WIDTH_SAMPLE_ROWS } from './gridLayout';
import { inRange, rangeOf, rangeToTsv, rowToJson, type CellPosition } from './gridView';
import { CellMenu, type CellAction } from './CellMenu';
import { GridRow, HeaderCell, EXPANDER_WIDTH_PX, ROW_HEIGHT_PX } from './GridParts';

export { ROW_HEIGHT_PX } from './GridParts';
/** Rows rendered beyond the visible ones, above and below, to keep fast scrolling blank-free. */
const OVERSCAN_ROWS = 12;
/** Rows a Page Up / Page Down moves. */
const PAGE_ROWS = 20;
/** TanStack Table gets no row data (see the file comment). */
const NO_ROWS: number[] = [];

/** Props of `ResultsGrid`. */
export interface ResultsGridProps {
  readonly table: ResultTable;
  /** Rows of the whole result (more than `table.rowCount` when truncated): `aria-rowcount`. */
  readonly totalRows: number;
  readonly formatter: CellFormatter;
  readonly sort: ResultSort | null;
  /** A header was clicked: cycle the sort of table column `column`. */
  onSort(column: number): void;
  /** Display order of all table columns (table column indices). */
  readonly columnOrder: readonly number[];
  /** Table column indices not shown. */
  readonly hidden: ReadonlySet<number>;
  /** Moves the column at visible position `from` to visible position `to`. */
  onMoveColumn(from: number, to: number): void;
  readonly detailsRow: number | null;
  onToggleDetails(row: number): void;
  /** Include/exclude a cell's value; absent when the run's query is unknown. */
  onFilter?(row: number, column: number, mode: 'include' | 'exclude'): void;
  /** Reports copy results and problems (a polite status message). */
  onNotice(message: string): void;
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
export function ResultsGrid(props: ResultsGridProps): JSX.Element {
  const { table, totalRows, formatter, sort, columnOrder, hidden, detailsRow } = props;
  const { t } = useTranslation(['results', 'grid']);
  const gridId = useId();
  // Widths come from the first rows the grid showed; a re-sorted view keeps them.
  const [columns] = useState(() => columnDefsOf(table, formatter));
  const columnVisibility = useMemo(() => Object.fromEntries(table.columns.map((_, i) => [String(i), !hidden.has(i)])), [table.columns, hidden]);
  const grid = useReactTable({
    data: NO_ROWS,
    columns,
    getCoreRowModel: getCoreRowModel(),
    columnResizeMode: 'onChange',
    enableColumnResizing: true,
    state: { columnOrder: columnOrder.map(String), columnVisibility },
  });
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: table.rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT_PX,
    overscan: OVERSCAN_ROWS,
  });
  const [focus, setFocus] = useState<CellPosition | null>(null);
  const [anchor, setAnchor] = useState<CellPosition | null>(null);
  const [menu, setMenu] = useState<{ x: number; y: number; cell: CellPosition } | null>(null);

  const headers = grid.getHeaderGroups()[0]?.headers ?? [];
  const totalWidth = grid.getTotalSize() + EXPANDER_WIDTH_PX;
  const widthsKey = headers.map((h) => h.getSize()).join(',');
  // One array per distinct set of widths, so rows that stay visible while scrolling skip re-rendering.
  const widths = useMemo(() => (widthsKey === '' ? [] : widthsKey.split(',').map(Number)), [widthsKey]);
  const visibleKey = headers.map((h) => h.column.id).join(',');
  const shownColumns = useMemo(() => (visibleKey === '' ? [] : visibleKey.split(',').map(Number)), [visibleKey]);
  const cellClasses = useMemo(() => table.columns.map((c) => (isRightAligned(c.type) ? 'results-cell results-cell--number' : 'results-cell')), [table.columns]);

  const lastRow = table.rowCount - 1;
  const lastCol = shownColumns.length - 1;
  const clamp = (cell: CellPosition): CellPosition => ({ row: Math.max(0, Math.min(lastRow, cell.row)), col: Math.max(0, Math.min(lastCol, cell.col)) });
  const active = focus === null || lastRow < 0 || lastCol < 0 ? null : clamp(focus);
  const selection = active === null ? null : rangeOf(anchor === null ? active : clamp(anchor), active);
  const cellId = (cell: CellPosition): string => `${gridId}-r${cell.row}-c${cell.col}`;

  const moveTo = (cell: CellPosition, extend: boolean): void => {
    const next = clamp(cell);
    setFocus(next);
    if (!extend) setAnchor(next);
    virtualizer.scrollToIndex(next.row, { align: 'auto' });
    // Horizontal: bring the cell into view once it is rendered.
    requestAnimationFrame(() => document.getElementById(cellId(next))?.scrollIntoView({ block: 'nearest', inline: 'nearest' }));
  };

  const copy = (text: string): void => {
    navigator.clipboard.writeText(text).then(
      () => props.onNotice(t('grid:menu.copied')),
      (reason: unknown) => props.onNotice(t('grid:menu.copyFailed', { message: reason instanceof Error ? reason.message : String(reason) })),
    );
  };

  const runAction = (action: CellAction, cell: CellPosition): void => {
    const column = shownColumns[cell.col];
    switch (action) {
      case 'copyCell':
        copy(formatter.format(table.data[column], cell.row));
        return;
      case 'copyRow':
        copy(rangeToTsv(table, shownColumns, { rowStart: cell.row, rowEnd: cell.row, colStart: 0, colEnd: lastCol }, formatter));
        return;
      case 'copyRowJson':
        copy(rowToJson(table, shownColumns, cell.row, formatter));
        return;
      case 'copySelection':
        if (selection !== null) copy(rangeToTsv(table, shownColumns, selection, formatter));
        return;
      case 'include':
      case 'exclude':
        props.onFilter?.(cell.row, column, action);
        return;
      case 'details':
        props.onToggleDetails(cell.row);
        return;
      default: {
        const never: never = action;
        return never;
      }
    }
  };

  const openMenuAt = (cell: CellPosition): void => {
    const rect = document.getElementById(cellId(cell))?.getBoundingClientRect();
    setMenu({ x: rect === undefined ? 0 : rect.left + 8, y: rect === undefined ? 0 : rect.bottom, cell });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.target !== event.currentTarget) return; // keys of header buttons and expanders stay theirs
    const current = active ?? { row: 0, col: 0 };
    const extend = event.shiftKey;
    const ctrl = event.ctrlKey || event.metaKey;
    switch (event.key) {
      case 'ArrowDown':
        moveTo({ ...current, row: current.row + 1 }, extend);
        break;
      case 'ArrowUp':
        moveTo({ ...current, row: current.row - 1 }, extend);
        break;
      case 'ArrowRight':
        moveTo({ ...current, col: current.col + 1 }, extend);
        break;
      case 'ArrowLeft':
        moveTo({ ...current, col: current.col - 1 }, extend);
        break;
      case 'PageDown':
        moveTo({ ...current, row: current.row + PAGE_ROWS }, extend);
        break;
      case 'PageUp':
        moveTo({ ...current, row: current.row - PAGE_ROWS }, extend);
        break;
      case 'Home':
        moveTo(ctrl ? { row: 0, col: 0 } : { ...current, col: 0 }, extend);
        break;
      case 'End':
        moveTo(ctrl ? { row: lastRow, col: lastCol } : { ...current, col: lastCol }, extend);
        break;
      case 'Enter':
        if (active !== null) props.onToggleDetails(active.row);
        break;
      case 'Escape':
        // Closes the row details Enter opened; otherwise Escape stays free (it cancels a running query).
        if (detailsRow === null) return;
        props.onToggleDetails(detailsRow);
        break;
      case 'ContextMenu':
        if (active !== null) openMenuAt(active);
        break;
      case 'F10':
        if (!event.shiftKey || active === null) return;
        openMenuAt(active);
        break;
      case 'c':
      case 'C':
        if (!ctrl || selection === null) return;
        copy(rangeToTsv(table, shownColumns, selection, formatter));
        break;
      case 'a':
      case 'A':
        if (!ctrl || lastRow < 0) return;
        setAnchor({ row: 0, col: 0 });
        setFocus({ row: lastRow, col: lastCol });
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const onCellMouseDown = (event: MouseEvent, cell: CellPosition): void => {
    if (event.button === 2 && selection !== null && inRange(selection, cell.row, cell.col)) return; // keep the range for its menu
    setFocus(cell);
    if (!event.shiftKey || anchor === null) setAnchor(cell);
    // The grid (the nearest focusable ancestor) takes the focus by the browser's default action.
  };

  const multiCell = selection !== null && (selection.rowEnd > selection.rowStart || selection.colEnd > selection.colStart);

  return (
    <>
      <div
        ref={scrollRef}
        className="results-grid"
        role="grid"
        aria-label={t('results:gridLabel', { name: table.name })}
        aria-rowcount={totalRows + 1}
        aria-colcount={shownColumns.length}
        aria-readonly="true"
        aria-multiselectable="true"
        aria-activedescendant={active === null ? undefined : cellId(active)}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          // Functional: a click's cell (set on mousedown, just before this) wins over the first cell.
          if (event.target === event.currentTarget && lastRow >= 0) setFocus((current) => current ?? { row: 0, col: 0 });
        }}
      >
        <div role="rowgroup" className="results-head" style={{ width: totalWidth }}>
          <div role="row" aria-rowindex={1} className="results-row results-row--head">
            <div className="results-expander-head" aria-hidden="true" style={{ width: EXPANDER_WIDTH_PX }} />
            {headers.map((header, position) => {
              const column = Number(header.column.id);
              return (
                <HeaderCell
                  key={header.id}
                  header={header}
                  position={position}
                  lastPosition={headers.length - 1}
                  type={table.columns[column].type}
                  sort={sort !== null && sort.column === column ? (sort.descending ? 'descending' : 'ascending') : null}
                  onSort={() => props.onSort(column)}
                  onMove={props.onMoveColumn}
                />
              );
            })}
          </div>
        </div>
        <div role="rowgroup" className="results-body" style={{ height: virtualizer.getTotalSize(), width: totalWidth }}>
          {virtualizer.getVirtualItems().map((item) => (
            <GridRow
              key={item.key}
              table={table}
              row={item.index}
              top={item.start}
              columns={shownColumns}
              widths={widths}
              cellClasses={cellClasses}
              formatter={formatter}
              idPrefix={gridId}
              active={active !== null && active.row === item.index ? active.col : -1}
              selection={selection !== null && item.index >= selection.rowStart && item.index <= selection.rowEnd && multiCell ? selection : null}
              expanded={detailsRow === item.index}
              onToggleDetails={props.onToggleDetails}
              onCellMouseDown={onCellMouseDown}
              onCellContextMenu={(event, cell) => {
                event.preventDefault();
                setMenu({ x: event.clientX, y: event.clientY, cell });
              }}
            />
          ))}
        </div>
      </div>
      {menu !== null && (
        <CellMenu
          x={menu.x}
          y={menu.y}
          hasSelection={multiCell}
          canFilter={props.onFilter !== undefined}
          onAction={(action) => {
            setMenu(null);
            scrollRef.current?.focus({ preventScroll: true });
            runAction(action, menu.cell);
          }}
          onClose={() => {
            setMenu(null);
            scrollRef.current?.focus({ preventScroll: true });
          }}
        />
      )}
    </>
  );
}
