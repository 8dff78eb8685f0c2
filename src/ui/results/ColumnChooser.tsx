/** The column chooser: a menu button listing every column with a checkbox, move buttons and "Show all". */
import { useEffect, useRef, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnSchema } from '../../engine';

/** Props of `ColumnChooser`. */
export interface ColumnChooserProps {
  readonly columns: readonly ColumnSchema[];
  /** Display order (table column indices). */
  readonly order: readonly number[];
  readonly hidden: ReadonlySet<number>;
  onToggle(column: number): void;
  onShowAll(): void;
  /** Moves the column at display position `from` (in `order`) to `to`. */
  onMove(from: number, to: number): void;
}

/** A "Columns" button opening a dialog-like popup of checkboxes. */
export function ColumnChooser(props: ColumnChooserProps): JSX.Element {
  const { t } = useTranslation('grid');
  const [open, setOpen] = useState(false);
  const popup = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    popup.current?.querySelector<HTMLElement>('input')?.focus();
    const close = (event: globalThis.MouseEvent): void => {
      if (!popup.current?.contains(event.target as Node) && !button.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  return (
    <div className="grid-popup-anchor">
      <button ref={button} type="button" className="grid-button" aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('columns.button')}
      </button>
      {open && (
        <div
          ref={popup}
          role="dialog"
          aria-label={t('columns.menuLabel')}
          className="grid-popup grid-columns"
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.preventDefault(); // handled: Escape does not also cancel a running query
            setOpen(false);
            button.current?.focus();
          }}
          // Like a menu, the popup closes when the keyboard focus leaves it (Tab past its last checkbox).
          onBlur={(event) => {
            const to = event.relatedTarget as Node | null;
            if (to !== null && !popup.current?.contains(to) && !button.current?.contains(to)) setOpen(false);
          }}
        >
          <button type="button" className="grid-button" onClick={props.onShowAll}>
            {t('columns.showAll')}
          </button>
          <ul>
            {props.order.map((column, position) => {
              const name = props.columns[column].name;
              return (
                <li key={column}>
                  <label>
                    <input type="checkbox" checked={!props.hidden.has(column)} onChange={() => props.onToggle(column)} />
                    {name}
                  </label>
                  <button type="button" className="grid-icon-button grid-icon-button--left" aria-label={t('columns.moveLeft', { name })} disabled={position === 0} onClick={() => props.onMove(position, position - 1)} />
                  <button type="button" className="grid-icon-button grid-icon-button--right" aria-label={t('columns.moveRight', { name })} disabled={position === props.order.length - 1} onClick={() => props.onMove(position, position + 1)} />
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
