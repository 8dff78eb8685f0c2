/**
 * Draws pie chart data with recharts (a ring, as the Azure portal draws pies). The
 * container is `role="img"` naming the chart and its slices; each slice carries the
 * `chart-series` class so tests can count what is drawn.
 */
import { useMemo, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { Cell, Pie, PieChart, ResponsiveContainer, Tooltip } from 'recharts';
import type { PieChartData } from './chartData';
import { ChartLegend } from './ChartLegend';
import { seriesClassName, seriesColor } from './palette';

/** A pie chart filling its parent. */
export function PieChartView({ chart }: { chart: PieChartData }): JSX.Element {
  const { t, i18n } = useTranslation('chart');
  const valueFormat = useMemo(() => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 3 }), [i18n.language]);
  const slices = chart.slices.map((s) => ({ ...s, name: s.name === '' ? t('emptyValue') : s.name }));
  const ariaLabel = t('pieAriaLabel', { kind: t('kinds.piechart'), count: slices.length, series: slices.map((s) => s.name).join(', ') });
  return (
    <>
      <div className="chart-canvas" role="img" aria-label={ariaLabel} data-chart-kind="piechart" data-series-count={slices.length}>
        <ResponsiveContainer width="100%" height="100%" minHeight={200}>
          <PieChart>
            <Pie data={slices} dataKey="value" nameKey="name" innerRadius="45%" outerRadius="80%" isAnimationActive={false}>
              {slices.map((s, i) => (
                <Cell key={s.key} className={seriesClassName(i)} fill={seriesColor(i)} />
              ))}
            </Pie>
            <Tooltip formatter={(v) => (typeof v === 'number' ? valueFormat.format(v) : String(v ?? ''))} isAnimationActive={false} />
          </PieChart>
        </ResponsiveContainer>
      </div>
      {chart.showLegend && <ChartLegend labels={slices.map((s) => s.name)} />}
    </>
  );
}
