/**
 * The context menu of a result cell: copy the cell, the row (tab-separated or JSON) or the
 * selection; include or exclude the cell's value (a `where` line); show the row's details.
 * Opened by right-click, Shift+F10 or the Menu key; arrow keys move, Escape closes.
 */
import { useEffect, useRef, type JSX, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** What a cell menu item does. */
export type CellAction = 'copyCell' | 'copyRow' | 'copyRowJson' | 'copySelection' | 'include' | 'exclude' | 'details';

/** Props of `CellMenu`. */
export interface CellMenuProps {
  /** Viewport position of the menu's top-left corner. */
  readonly x: number;
  readonly y: number;
  /** Whether a range of more than one cell is selected (shows "Copy selection"). */
  readonly hasSelection: boolean;
  /** Whether include/exclude are offered (they need the run's query). */
  readonly canFilter: boolean;
  onAction(action: CellAction): void;
  onClose(): void;
}

/** A floating `role="menu"` of cell actions; takes the focus when it opens. */
export function CellMenu(props: CellMenuProps): JSX.Element {
  const { t } = useTranslation('grid');
  const ref = useRef<HTMLDivElement>(null);
  const actions: CellAction[] = ['copyCell', 'copyRow', 'copyRowJson'];
  if (props.hasSelection) actions.push('copySelection');
  if (props.canFilter) actions.push('include', 'exclude');
  actions.push('details');

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const current = items.indexOf(document.activeElement as HTMLElement);
    switch (event.key) {
      case 'ArrowDown':
        items[(current + 1) % items.length]?.focus();
        break;
      case 'ArrowUp':
        items[(current - 1 + items.length) % items.length]?.focus();
        break;
      case 'Home':
        items[0]?.focus();
        break;
      case 'End':
        items.at(-1)?.focus();
        break;
      case 'Escape':
      case 'Tab':
        props.onClose();
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <>
      <div className="grid-menu-backdrop" onMouseDown={props.onClose} onContextMenu={(e) => { e.preventDefault(); props.onClose(); }} />
      <div ref={ref} role="menu" aria-label={t('menu.label')} className="grid-menu" style={{ left: props.x, top: props.y }} onKeyDown={onKeyDown}>
        {actions.map((action) => (
          <button key={action} type="button" role="menuitem" tabIndex={-1} className="grid-menu-item" onClick={() => props.onAction(action)}>
            {t(`menu.${action}`)}
          </button>
        ))}
      </div>
    </>
  );
}
