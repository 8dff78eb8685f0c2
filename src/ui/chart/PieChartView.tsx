/**
 * Draws pie chart data with recharts (a ring, as the Azure portal draws pies). The
 * container is `role="img"` naming the chart and its shown slices; each slice carries the
 * `chart-series` class so tests can count what is drawn.
 */
import { useMemo, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { Cell, Pie, PieChart, ResponsiveContainer, Tooltip } from 'recharts';
import type { ResolvedTheme } from '../theme/themePreference';
import { createCellFormatter } from '../results/formatCell';
import type { PieChartData } from './chartData';
import { ChartLegend } from './ChartLegend';
import { seriesClassName, seriesColor } from './palette';

const TOOLTIP_STYLE = { background: 'var(--chart-tooltip-bg)', borderColor: 'var(--chart-tooltip-border)', color: 'var(--text)', fontSize: 12 };

/** Props of `PieChartView`. */
export interface PieChartViewProps {
  readonly chart: PieChartData;
  readonly theme: ResolvedTheme;
  /** Keys of the slices the user hid from the legend. */
  readonly hidden: ReadonlySet<string>;
  readonly onToggleSeries: (key: string) => void;
}

/** A pie chart filling its parent, with its legend. */
export function PieChartView({ chart, theme, hidden, onToggleSeries }: PieChartViewProps): JSX.Element {
  const { t, i18n } = useTranslation('chart');
  const cell = useMemo(() => createCellFormatter(i18n.language), [i18n.language]);
  const slices = chart.slices.map((s, index) => ({ ...s, index, name: s.name === '' ? t('emptyValue') : s.name }));
  const shown = slices.filter((s) => !hidden.has(s.key));
  const ariaLabel = t('pieAriaLabel', { kind: t('kinds.piechart'), count: shown.length, series: shown.map((s) => s.name).join(', ') });
  return (
    <>
      <div className="chart-canvas" role="img" aria-label={ariaLabel} data-chart-kind="piechart" data-series-count={shown.length}>
        <ResponsiveContainer width="100%" height="100%" minHeight={200}>
          <PieChart>
            <Pie data={shown} dataKey="value" nameKey="name" innerRadius="45%" outerRadius="80%" isAnimationActive={false}>
              {shown.map((s) => (
                <Cell key={s.key} className={seriesClassName(s.index)} fill={seriesColor(s.index, theme)} />
              ))}
            </Pie>
            <Tooltip formatter={(v) => (typeof v === 'number' ? cell.formatNumber(v, chart.valueType) : String(v ?? ''))} contentStyle={TOOLTIP_STYLE} isAnimationActive={false} />
          </PieChart>
        </ResponsiveContainer>
      </div>
      {chart.showLegend && (
        <ChartLegend entries={slices.map((s) => ({ key: s.key, label: s.name, color: seriesColor(s.index, theme), hidden: hidden.has(s.key) }))} onToggle={onToggleSeries} />
      )}
    </>
  );
}
