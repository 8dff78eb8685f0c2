/**
 * The legend of a chart as an HTML list next to the drawing: one entry per series (or pie
 * slice) with its colour. Why not recharts' `<Legend>`: its icons are `<svg aria-label>`
 * images, which would nest images inside the chart's `role="img"` and make the legend
 * invisible to role-based tests and to screen readers that flatten images.
 */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { seriesColor } from './palette';

/** A legend of `labels`, coloured in draw order. */
export function ChartLegend(props: { readonly labels: readonly string[] }): JSX.Element {
  const { t } = useTranslation('chart');
  return (
    <ul className="chart-legend" aria-label={t('legend')}>
      {props.labels.map((label, i) => (
        <li key={i} className="chart-legend-item">
          <span className="chart-legend-swatch" style={{ background: seriesColor(i) }} aria-hidden="true" />
          {label}
        </li>
      ))}
    </ul>
  );
}
