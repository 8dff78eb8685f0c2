/**
 * The Chart tab: draws a result as the query's `render` asks, or as the chart type the
 * user picks. Data shaping lives in `chartData.ts`; drawing in the two view components.
 */
import { useMemo, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { RenderSpec, ResultTable } from '../../engine';
import { createCellFormatter } from '../results/formatCell';
import { CHART_KINDS, chartKindOf, defaultChartKind, deriveChart, MAX_SERIES, MAX_X_VALUES, type ChartData, type ChartKind, type ChartProblem } from './chartData';
import { CartesianChartView } from './CartesianChartView';
import { PieChartView } from './PieChartView';
import './chart.css';

/** Props of `ChartPanel`. */
export interface ChartPanelProps {
  readonly table: ResultTable;
  /** The query's `render` request, if any. */
  readonly render?: RenderSpec;
}

/** The spec to draw: the user's pick (keeping the query's properties), else the query's render, else a default. */
function specToDraw(table: ResultTable, render: RenderSpec | undefined, picked: ChartKind | null): RenderSpec {
  if (picked !== null) return { visualization: picked, properties: render?.properties ?? {} };
  if (render !== undefined && render.visualization.toLowerCase() !== 'table') return render;
  return { visualization: defaultChartKind(table.columns), properties: {} };
}

/** A chart of `table`; fills its parent's height (give the parent one). */
export function ChartPanel({ table, render }: ChartPanelProps): JSX.Element {
  const { t, i18n } = useTranslation('chart');
  // The user's pick applies to this table only; a new result starts from its own render.
  const [pick, setPick] = useState<{ table: ResultTable; kind: ChartKind } | null>(null);
  const picked = pick !== null && pick.table === table ? pick.kind : null;
  const formatter = useMemo(() => createCellFormatter(i18n.language), [i18n.language]);
  const spec = useMemo(() => specToDraw(table, render, picked), [table, render, picked]);
  const derivation = useMemo(() => deriveChart(table, spec, formatter), [table, spec, formatter]);
  const shownKind = chartKindOf(spec.visualization)?.kind ?? '';

  return (
    <div className="chart-panel">
      <div className="chart-toolbar">
        <label className="chart-kind-picker">
          <span>{t('kindPicker')}</span>
          <select value={shownKind} onChange={(e) => setPick({ table, kind: e.target.value as ChartKind })}>
            {shownKind === '' && <option value="">{spec.visualization}</option>}
            {CHART_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kinds.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        {derivation.ok && <TruncationNotice chart={derivation.chart} />}
      </div>
      {derivation.ok ? <ChartView chart={derivation.chart} /> : <ProblemNotice problem={derivation.problem} />}
    </div>
  );
}

function ChartView({ chart }: { chart: ChartData }): JSX.Element {
  return (
    <div className="chart-body">
      {chart.title !== null && <h3 className="chart-title">{chart.title}</h3>}
      {chart.kind === 'piechart' ? <PieChartView chart={chart} /> : <CartesianChartView chart={chart} />}
    </div>
  );
}

function ProblemNotice({ problem }: { problem: ChartProblem }): JSX.Element {
  const { t } = useTranslation('chart');
  let text: string;
  switch (problem.reason) {
    case 'unsupported':
      text = t('problems.unsupported', { visualization: problem.visualization });
      break;
    case 'unknownColumn':
      text = t('problems.unknownColumn', { column: problem.column });
      break;
    case 'noRows':
    case 'needsDatetimeColumn':
    case 'needsNumericColumn':
    case 'needsLabelColumn':
      text = t(`problems.${problem.reason}`);
      break;
    default: {
      const never: never = problem;
      text = String(never);
    }
  }
  return (
    <p className="chart-problem" role="status">
      {text}
    </p>
  );
}

function TruncationNotice({ chart }: { chart: ChartData }): JSX.Element | null {
  const { t, i18n } = useTranslation('chart');
  const count = new Intl.NumberFormat(i18n.language);
  const droppedPoints = chart.kind === 'piechart' ? 0 : chart.droppedPoints;
  if (chart.droppedSeries === 0 && droppedPoints === 0) return null;
  return (
    <p className="chart-truncated" role="status">
      {chart.droppedSeries > 0 && t('droppedSeries', { count: chart.droppedSeries, formatted: count.format(chart.droppedSeries), max: MAX_SERIES })}{' '}
      {droppedPoints > 0 && t('droppedPoints', { count: droppedPoints, formatted: count.format(droppedPoints), max: count.format(MAX_X_VALUES) })}
    </p>
  );
}
