/** The parts of the results grid: a header cell (sort, move, resize) and a body row. */
import { memo, useState, type DragEvent, type JSX, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Header } from '@tanstack/react-table';
import type { ResultTable, ScalarType } from '../../engine';
import type { CellFormatter } from './formatCell';
import type { CellPosition, CellRange } from './gridView';

/** Height of one body row in pixels (fixed, so the virtualizer never measures). */
export const ROW_HEIGHT_PX = 24;
/** Width of the row expander at the start of each row. */
export const EXPANDER_WIDTH_PX = 24;
/** Pixels one Shift+Left/Right on a header makes its column narrower or wider. */
const RESIZE_STEP_PX = 16;
/** The drag payload type of a moved column header. */
const COLUMN_DRAG_TYPE = 'application/x-results-column';

/** Props of `HeaderCell`. */
export interface HeaderCellProps {
  readonly header: Header<number, unknown>;
  /** Visible position of the column, and the last one. */
  readonly position: number;
  readonly lastPosition: number;
  readonly type: ScalarType;
  readonly sort: 'ascending' | 'descending' | null;
  onSort(): void;
  onMove(from: number, to: number): void;
}

/**
 * One `columnheader`: a sort button (click cycles ascending, descending, off; drag it onto
 * another header to move the column; Alt+Shift+Left/Right moves it too) and a resize handle
 * (Shift+Left/Right on the header resizes from the keyboard).
 * The sort direction shows through `aria-sort` and CSS only, so the header's text stays the name.
 */
export function HeaderCell(props: HeaderCellProps): JSX.Element {
  const { t } = useTranslation(['results', 'grid']);
  const { header, position, lastPosition, type, sort } = props;
  const [dropTarget, setDropTarget] = useState(false);
  const name = String(header.column.columnDef.header);
  const resize = header.getResizeHandler();
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>): void => {
    // Shift+Left/Right: narrower / wider, the keyboard's way to the mouse-only resize handle.
    if (event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
      const size = Math.max(header.column.columnDef.minSize ?? 0, header.getSize() + (event.key === 'ArrowRight' ? RESIZE_STEP_PX : -RESIZE_STEP_PX));
      header.getContext().table.setColumnSizing((sizes) => ({ ...sizes, [header.column.id]: size }));
      event.preventDefault();
      return;
    }
    if (!event.altKey || !event.shiftKey) return;
    if (event.key === 'ArrowLeft' && position > 0) props.onMove(position, position - 1);
    else if (event.key === 'ArrowRight' && position < lastPosition) props.onMove(position, position + 1);
    else return;
    event.preventDefault();
  };
  const onDrop = (event: DragEvent<HTMLDivElement>): void => {
    setDropTarget(false);
    const from = Number(event.dataTransfer.getData(COLUMN_DRAG_TYPE));
    if (event.dataTransfer.types.includes(COLUMN_DRAG_TYPE) && Number.isInteger(from)) {
      event.preventDefault();
      props.onMove(from, position);
    }
  };
  const classes = ['results-header'];
  if (header.column.getIsResizing()) classes.push('results-header--resizing');
  if (sort !== null) classes.push(`results-header--${sort}`);
  if (dropTarget) classes.push('results-header--drop');
  return (
    <div
      role="columnheader"
      // Named by the column alone; without this the resize handle's label joins the header's name.
      aria-label={name}
      aria-colindex={position + 1}
      aria-sort={sort ?? 'none'}
      className={classes.join(' ')}
      style={{ width: header.getSize() }}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes(COLUMN_DRAG_TYPE)) return;
        event.preventDefault();
        setDropTarget(true);
      }}
      onDragLeave={() => setDropTarget(false)}
      onDrop={onDrop}
    >
      <button
        type="button"
        className="results-header-name"
        draggable
        title={`${t('results:columnTitle', { name, type })}\n${t('grid:sort.buttonTitle', { name })}`}
        onClick={props.onSort}
        onKeyDown={onKeyDown}
        onDragStart={(event) => {
          event.dataTransfer.setData(COLUMN_DRAG_TYPE, String(position));
          event.dataTransfer.effectAllowed = 'move';
        }}
      >
        {name}
      </button>
      <span
        className="results-resize-handle"
        role="separator"
        aria-orientation="vertical"
        aria-label={t('results:resizeColumn', { name })}
        onMouseDown={resize}
        onTouchStart={resize}
        onDoubleClick={() => header.column.resetSize()}
      />
    </div>
  );
}

/** Props of `GridRow`. */
export interface GridRowProps {
  readonly table: ResultTable;
  readonly row: number;
  readonly top: number;
  /** Table column indices in display order (visible ones only). */
  readonly columns: readonly number[];
  readonly widths: readonly number[];
  readonly cellClasses: readonly string[];
  readonly formatter: CellFormatter;
  readonly idPrefix: string;
  /** Visible position of the active cell in this row, -1 when it is elsewhere. */
  readonly active: number;
  /** The selected range when it spans this row and more than one cell. */
  readonly selection: CellRange | null;
  readonly expanded: boolean;
  onToggleDetails(row: number): void;
  onCellMouseDown(event: MouseEvent, cell: CellPosition): void;
  onCellContextMenu(event: MouseEvent, cell: CellPosition): void;
}

/** One body row, formatted straight from the columns; memoized so scrolling re-renders only new rows. */
export const GridRow = memo(function GridRow(props: GridRowProps): JSX.Element {
  const { t } = useTranslation('grid');
  const { table, row, top, columns, widths, cellClasses, formatter, idPrefix, active, selection, expanded } = props;
  const classes = ['results-row'];
  if (row % 2 === 1) classes.push('results-row--odd');
  if (expanded) classes.push('results-row--expanded');
  return (
    <div role="row" aria-rowindex={row + 2} className={classes.join(' ')} style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT_PX }}>
      <div role="rowheader" className="results-expander" style={{ width: EXPANDER_WIDTH_PX }}>
        <button
          type="button"
          tabIndex={-1}
          className="results-expander-button"
          aria-expanded={expanded}
          aria-label={t(expanded ? 'details.collapse' : 'details.expand', { row: row + 1 })}
          onClick={() => props.onToggleDetails(row)}
        />
      </div>
      {columns.map((column, c) => {
        const text = formatter.format(table.data[column], row);
        const selected = selection !== null && c >= selection.colStart && c <= selection.colEnd;
        let className = cellClasses[column];
        if (selected) className += ' results-cell--selected';
        if (c === active) className += ' results-cell--active';
        return (
          <div
            key={column}
            id={`${idPrefix}-r${row}-c${c}`}
            role="gridcell"
            aria-colindex={c + 1}
            aria-selected={selected || c === active}
            className={className}
            style={{ width: widths[c] }}
            title={text.length > 24 ? text : undefined}
            onMouseDown={(event) => props.onCellMouseDown(event, { row, col: c })}
            onContextMenu={(event) => props.onCellContextMenu(event, { row, col: c })}
          >
            {text}
          </div>
        );
      })}
    </div>
  );
});
