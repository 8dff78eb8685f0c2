/**
 * A compact multi-select of columns: a disclosure button showing the chosen names that
 * opens a list of checkboxes (native `<details>`, so it is keyboard-operable as is).
 */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnSchema } from '../../engine';

/** Props of `ColumnChecklist`. */
export interface ColumnChecklistProps {
  /** The visible label, also the group's accessible name. */
  readonly label: string;
  readonly columns: readonly ColumnSchema[];
  readonly checked: readonly string[];
  readonly onChange: (checked: string[]) => void;
}

/** Checkboxes for `columns`; `onChange` receives the checked names in column order. */
export function ColumnChecklist({ label, columns, checked, onChange }: ColumnChecklistProps): JSX.Element {
  const { t } = useTranslation('chart');
  const chosen = new Set(checked);
  const toggle = (name: string, on: boolean): void => {
    const next = new Set(chosen);
    if (on) next.add(name);
    else next.delete(name);
    onChange(columns.map((c) => c.name).filter((n) => next.has(n)));
  };
  const summary = checked.length === 0 ? t('noneChosen') : checked.join(', ');
  return (
    <details
      className="chart-checklist"
      // A native <details> stays open until its summary is clicked again; like a menu, it
      // closes on Escape and when the focus leaves it.
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !e.currentTarget.open) return;
        e.preventDefault(); // handled: Escape does not also cancel a running query
        e.currentTarget.open = false;
        e.currentTarget.querySelector('summary')?.focus();
      }}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) e.currentTarget.open = false;
      }}
    >
      <summary>
        <span className="chart-control-label">{label}</span> <span className="chart-checklist-summary">{summary}</span>
      </summary>
      <fieldset className="chart-checklist-options">
        <legend className="chart-visually-hidden">{label}</legend>
        {columns.map((c) => (
          <label key={c.name} className="chart-checklist-option">
            <input type="checkbox" checked={chosen.has(c.name)} onChange={(e) => toggle(c.name, e.target.checked)} />
            {t('columnOption', { name: c.name, type: c.type })}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
