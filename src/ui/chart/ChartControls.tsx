/**
 * The chart panel's toolbar: chart type, stacking, x / y / series columns, "Reset to
 * query" and PNG export. It only changes the chart config; the query does not run again.
 */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnSchema } from '../../engine';
import { CHART_KINDS, isYType, STACK_MODES, supportsStacking, type ChartKind, type ChartOverrides, type StackMode } from './chartConfig';
import { ColumnChecklist } from './ColumnChecklist';

/** The choices the controls show (the resolved ones when the chart could be drawn). */
export interface ChartControlValues {
  /** Null when the query's visualization is not a chart kind we draw and the user has not picked one. */
  readonly kind: ChartKind | null;
  /** The query's visualization name, shown when `kind` is null. */
  readonly visualization: string;
  readonly stack: StackMode;
  readonly xColumn: string | null;
  readonly yColumns: readonly string[];
  readonly seriesColumns: readonly string[];
}

/** Props of `ChartControls`. */
export interface ChartControlsProps {
  readonly columns: readonly ColumnSchema[];
  readonly values: ChartControlValues;
  readonly onChange: (change: ChartOverrides) => void;
  /** Null when there is nothing to reset. */
  readonly onReset: (() => void) | null;
  /** Null when there is no drawing to export. */
  readonly onExportPng: (() => void) | null;
}

/** The chart settings toolbar. */
export function ChartControls({ columns, values, onChange, onReset, onExportPng }: ChartControlsProps): JSX.Element {
  const { t } = useTranslation('chart');
  const kind = values.kind;
  const pie = kind === 'piechart';
  const others = columns.filter((c) => c.name !== values.xColumn);
  return (
    <div className="chart-controls" role="group" aria-label={t('controlsLabel')}>
      <label className="chart-control">
        <span className="chart-control-label">{t('kindPicker')}</span>
        <select value={kind ?? ''} onChange={(e) => onChange({ kind: e.target.value as ChartKind })}>
          {kind === null && <option value="">{values.visualization}</option>}
          {CHART_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {kind !== null && supportsStacking(kind) && (
        <label className="chart-control">
          <span className="chart-control-label">{t('stackPicker')}</span>
          <select value={values.stack} onChange={(e) => onChange({ stack: e.target.value as StackMode })}>
            {STACK_MODES.map((s) => (
              <option key={s} value={s}>
                {t(`stacks.${s}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {kind !== null && (
        <>
          <label className="chart-control">
            <span className="chart-control-label">{pie ? t('labelPicker') : t('xPicker')}</span>
            <select value={values.xColumn ?? ''} onChange={(e) => onChange({ xColumn: e.target.value === '' ? null : e.target.value })}>
              {values.xColumn === null && <option value="">{t('automatic')}</option>}
              {columns.map((c) => (
                <option key={c.name} value={c.name}>
                  {t('columnOption', { name: c.name, type: c.type })}
                </option>
              ))}
            </select>
          </label>
          {pie ? (
            <label className="chart-control">
              <span className="chart-control-label">{t('valuePicker')}</span>
              <select value={values.yColumns[0] ?? ''} onChange={(e) => onChange({ yColumns: [e.target.value] })}>
                {values.yColumns.length === 0 && <option value="">{t('automatic')}</option>}
                {others.filter((c) => isYType(c.type)).map((c) => (
                  <option key={c.name} value={c.name}>
                    {t('columnOption', { name: c.name, type: c.type })}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <>
              <ColumnChecklist label={t('yPicker')} columns={others.filter((c) => isYType(c.type))} checked={values.yColumns} onChange={(yColumns) => onChange({ yColumns })} />
              <ColumnChecklist
                label={t('seriesPicker')}
                columns={others.filter((c) => !values.yColumns.includes(c.name))}
                checked={values.seriesColumns}
                onChange={(seriesColumns) => onChange({ seriesColumns })}
              />
            </>
          )}
        </>
      )}
      <span className="chart-controls-actions">
        <button type="button" className="button button--small" onClick={onReset ?? undefined} disabled={onReset === null} title={t('resetTitle')}>
          {t('reset')}
        </button>
        <button type="button" className="button button--small" onClick={onExportPng ?? undefined} disabled={onExportPng === null} title={t('exportPngTitle')}>
          {t('exportPng')}
        </button>
      </span>
    </div>
  );
}
