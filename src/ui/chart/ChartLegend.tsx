/**
 * The legend of a chart as an HTML list next to the drawing: one toggle button per series
 * (or pie slice) with its colour; `aria-pressed` is true while the series is shown.
 * Why not recharts' `<Legend>`: its icons are `<svg aria-label>` images, which would nest
 * images inside the chart's `role="img"` and could not be operated from the keyboard.
 */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';

/** One legend entry. */
export interface LegendEntry {
  /** Stable identity of the series (its data key). */
  readonly key: string;
  readonly label: string;
  readonly color: string;
  readonly hidden: boolean;
}

/** A legend of `entries`; clicking (or Enter/Space on) an entry hides or shows its series. */
export function ChartLegend(props: { readonly entries: readonly LegendEntry[]; readonly onToggle: (key: string) => void }): JSX.Element {
  const { t } = useTranslation('chart');
  return (
    <ul className="chart-legend" aria-label={t('legend')}>
      {props.entries.map((entry) => (
        <li key={entry.key} className="chart-legend-item">
          <button
            type="button"
            className={entry.hidden ? 'chart-legend-button chart-legend-button--hidden' : 'chart-legend-button'}
            aria-pressed={!entry.hidden}
            title={t(entry.hidden ? 'legendShow' : 'legendHide', { series: entry.label })}
            onClick={() => props.onToggle(entry.key)}
          >
            <span className="chart-legend-swatch" style={{ background: entry.color }} aria-hidden="true" />
            {entry.label}
          </button>
        </li>
      ))}
    </ul>
  );
}
