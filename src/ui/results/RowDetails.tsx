/** The details of one result row: every field (name, type, value), dynamic values as a JSON tree. */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultTable } from '../../engine';
import type { CellFormatter } from './formatCell';
import { JsonTree } from './JsonTree';

/** Props of `RowDetails`. */
export interface RowDetailsProps {
  readonly table: ResultTable;
  readonly row: number;
  readonly formatter: CellFormatter;
  /** Close button or Escape: the owner hides the details (and puts the focus back in the grid). */
  onClose(): void;
}

/** A `region` listing row `row` of `table` field by field; Escape inside it closes it. */
export function RowDetails({ table, row, formatter, onClose }: RowDetailsProps): JSX.Element {
  const { t } = useTranslation('grid');
  return (
    <section
      className="grid-details"
      aria-label={t('details.label')}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        onClose();
      }}
    >
      <header className="grid-details-head">
        <h3>{t('details.title', { row: row + 1 })}</h3>
        <button type="button" className="grid-button" aria-label={t('details.close')} onClick={onClose}>
          ×
        </button>
      </header>
      <table className="grid-details-table">
        <thead>
          <tr>
            <th scope="col">{t('details.name')}</th>
            <th scope="col">{t('details.type')}</th>
            <th scope="col">{t('details.value')}</th>
          </tr>
        </thead>
        <tbody>
          {table.columns.map((schema, c) => {
            const column = table.data[c];
            return (
              <tr key={c}>
                <th scope="row">{schema.name}</th>
                <td className="grid-details-type">{schema.type}</td>
                <td className="grid-details-value">
                  {column.kind === 'dynamic' && column.values[row] !== null && typeof column.values[row] === 'object' ? (
                    <JsonTree name={schema.name} value={column.values[row]} />
                  ) : (
                    formatter.format(column, row)
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
