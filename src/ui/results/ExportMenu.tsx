/** The results toolbar's Export menu: the WHOLE result (every row, in the grid's sort and search) as CSV or JSON. */
import { useEffect, useRef, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '../../worker/protocol';

const FORMATS: readonly ExportFormat[] = ['csv', 'json'];

/** A menu button; `onExport` does the work (the worker makes the file). */
export function ExportMenu(props: { readonly disabled: boolean; onExport(format: ExportFormat): void }): JSX.Element {
  const { t } = useTranslation('grid');
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const close = (event: globalThis.MouseEvent): void => {
      if (!menu.current?.contains(event.target as Node) && !button.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  return (
    <div className="grid-popup-anchor">
      <button ref={button} type="button" className="grid-button" aria-haspopup="menu" aria-expanded={open} disabled={props.disabled} onClick={() => setOpen(!open)}>
        {t('export.button')}
      </button>
      {open && (
        <div
          ref={menu}
          role="menu"
          aria-label={t('export.menuLabel')}
          className="grid-popup grid-popup--right"
          onKeyDown={(event) => {
            if (event.key === 'Tab') {
              setOpen(false); // a menu closes when Tab moves the focus on (WAI-ARIA menu button pattern)
              return;
            }
            const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
            const current = items.indexOf(document.activeElement as HTMLElement);
            if (event.key === 'ArrowDown') items[(current + 1) % items.length]?.focus();
            else if (event.key === 'ArrowUp') items[(current - 1 + items.length) % items.length]?.focus();
            else if (event.key === 'Escape') {
              setOpen(false);
              button.current?.focus();
            } else return;
            event.preventDefault();
          }}
        >
          {FORMATS.map((format) => (
            <button
              key={format}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="grid-menu-item"
              onClick={() => {
                setOpen(false);
                props.onExport(format);
              }}
            >
              {t(`export.${format}`)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
