/**
 * The Chart tab: draws a result as the query's `render` asks, and lets the user change the
 * chart type, stacking and x / y / series columns without running the query again
 * ("Reset to query" goes back). Data shaping lives in `chartConfig.ts` / `chartData.ts`;
 * drawing in the two view components; PNG export in `chartPng.ts`.
 */
import { useMemo, useRef, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { RenderSpec, ResultTable } from '../../engine';
import { createCellFormatter } from '../results/formatCell';
import { useResolvedTheme } from '../theme/themeStore';
import {
  applyOverrides, chartKindOf, configFromRender, displayOptionsFromRender, unappliedProperties,
  type ChartConfig, type ChartOverrides,
} from './chartConfig';
import { defaultChartKind, deriveChartFromConfig, type ChartData, type ChartDerivation } from './chartData';
import { ChartControls, type ChartControlValues } from './ChartControls';
import { ProblemNotice, TruncationNotice, UnappliedNotice } from './ChartNotices';
import { chartPngFileName, exportChartPng } from './chartPng';
import { CartesianChartView, seriesLabel } from './CartesianChartView';
import { PieChartView } from './PieChartView';
import { seriesColor } from './palette';
import './chart.css';

/** Props of `ChartPanel`. */
export interface ChartPanelProps {
  readonly table: ResultTable;
  /** The query's `render` request, if any. */
  readonly render?: RenderSpec;
}

const NO_RENDER: RenderSpec = { visualization: 'table', properties: {} };
const NOTHING_HIDDEN: ReadonlySet<string> = new Set();

/**
 * The user's choices per result, kept outside the component: the Chart tab unmounts the
 * panel when the user looks at the grid, and coming back should not lose the settings.
 * Weak, so a result that is gone takes its choices with it.
 */
const choicesByTable = new WeakMap<ResultTable, UserChoices>();

/** What the user changed for one result: config overrides and the series hidden from the legend (by name). */
interface UserChoices {
  readonly table: ResultTable;
  readonly overrides: ChartOverrides;
  readonly hidden: ReadonlySet<string>;
}

/** The query's own config: its render's, or a default when it has none (null: a visualization we do not draw). */
function baseConfig(table: ResultTable, render: RenderSpec): ChartConfig | null {
  const fromRender = configFromRender(render);
  if (fromRender !== null) return fromRender;
  if (render.visualization.toLowerCase() !== 'table') return null;
  return { kind: defaultChartKind(table.columns), stack: 'none', xColumn: null, yColumns: null, seriesColumns: null };
}

function controlValues(config: ChartConfig | null, derivation: ChartDerivation | null, visualization: string): ChartControlValues {
  if (derivation !== null && derivation.ok) {
    const chart = derivation.chart;
    if (chart.kind === 'piechart') {
      return { kind: 'piechart', visualization, stack: 'none', xColumn: chart.labelColumn, yColumns: [chart.valueColumn], seriesColumns: [] };
    }
    return { kind: chart.kind, visualization, stack: config?.stack ?? chart.stack, xColumn: chart.xColumn, yColumns: chart.yColumns, seriesColumns: chart.seriesColumns };
  }
  return {
    kind: config?.kind ?? null,
    visualization,
    stack: config?.stack ?? 'none',
    xColumn: config?.xColumn ?? null,
    yColumns: config?.yColumns ?? [],
    seriesColumns: config?.seriesColumns ?? [],
  };
}

/** Legend entries of the shown series, for the PNG. */
function shownLegend(chart: ChartData, hidden: ReadonlySet<string>, theme: 'light' | 'dark', emptyText: string): { label: string; color: string }[] {
  if (!chart.showLegend) return [];
  const entries = chart.kind === 'piechart'
    ? chart.slices.map((s, i) => ({ key: s.key, label: s.name === '' ? emptyText : s.name, color: seriesColor(i, theme) }))
    : chart.series.map((s, i) => ({ key: s.key, label: seriesLabel(s, emptyText), color: seriesColor(i, theme) }));
  return entries.filter((e) => !hidden.has(e.key));
}

/** A chart of `table` with its settings; fills its parent's height (give the parent one). */
export function ChartPanel({ table, render = NO_RENDER }: ChartPanelProps): JSX.Element {
  const { t, i18n } = useTranslation('chart');
  const theme = useResolvedTheme();
  const bodyRef = useRef<HTMLDivElement>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  // The user's choices apply to this table only; a new result starts from its own render.
  const [stored, setStoredState] = useState<UserChoices | null>(() => choicesByTable.get(table) ?? null);
  const setStored = (next: UserChoices | null): void => {
    if (next === null) choicesByTable.delete(table);
    else choicesByTable.set(table, next);
    setStoredState(next);
  };
  const remembered = stored !== null && stored.table === table ? stored : (choicesByTable.get(table) ?? null);
  const choices: UserChoices = remembered ?? { table, overrides: {}, hidden: NOTHING_HIDDEN };
  const formatter = useMemo(() => createCellFormatter(i18n.language), [i18n.language]);

  const base = useMemo(() => baseConfig(table, render), [table, render]);
  const config = useMemo((): ChartConfig | null => {
    if (base !== null) return applyOverrides(base, choices.overrides);
    // An unsupported visualization: drawn only once the user picks a chart type.
    const picked = choices.overrides.kind;
    if (picked === undefined) return null;
    return applyOverrides({ kind: picked, stack: 'none', xColumn: null, yColumns: null, seriesColumns: null }, choices.overrides);
  }, [base, choices.overrides]);
  const display = useMemo(() => displayOptionsFromRender(render), [render]);
  const derivation = useMemo(() => (config === null ? null : deriveChartFromConfig(table, config, display, formatter)), [table, config, display, formatter]);
  const unapplied = useMemo(() => unappliedProperties(render), [render]);

  const chart = derivation !== null && derivation.ok ? derivation.chart : null;
  const hiddenKeys = useMemo(() => {
    if (chart === null) return new Set<string>();
    const named = chart.kind === 'piechart' ? chart.slices : chart.series;
    return new Set(named.filter((s) => choices.hidden.has(s.name)).map((s) => s.key));
  }, [chart, choices.hidden]);

  const change = (next: ChartOverrides): void => {
    setExportError(null);
    setStored({ ...choices, overrides: { ...choices.overrides, ...next } });
  };
  const toggleSeries = (key: string): void => {
    if (chart === null) return;
    const named = chart.kind === 'piechart' ? chart.slices : chart.series;
    const name = named.find((s) => s.key === key)?.name;
    if (name === undefined) return;
    const hidden = new Set(choices.hidden);
    if (hidden.has(name)) hidden.delete(name);
    else hidden.add(name);
    setStored({ ...choices, hidden });
  };
  const changed = Object.keys(choices.overrides).length > 0 || choices.hidden.size > 0;
  const exportPng = (): void => {
    const host = bodyRef.current;
    if (host === null || chart === null) return;
    setExportError(null);
    exportChartPng(host, { title: chart.title, legend: shownLegend(chart, hiddenKeys, theme, t('emptyValue')), fileName: chartPngFileName(new Date()) }).catch((error: unknown) => {
      setExportError(error instanceof Error ? error.message : String(error));
    });
  };

  const shownKind = config?.kind ?? chartKindOf(render.visualization)?.kind ?? null;
  return (
    <div className="chart-panel">
      <div className="chart-toolbar">
        <ChartControls
          columns={table.columns}
          values={controlValues(config, derivation, render.visualization)}
          onChange={change}
          onReset={changed ? () => setStored(null) : null}
          onExportPng={chart !== null ? exportPng : null}
        />
        <UnappliedNotice properties={unapplied} />
        {chart !== null && <TruncationNotice chart={chart} />}
        {exportError !== null && (
          <p className="chart-export-error" role="alert">
            {t('exportFailed', { message: exportError })}
          </p>
        )}
      </div>
      {chart !== null ? (
        <div className="chart-body" ref={bodyRef}>
          {chart.title !== null && <h3 className="chart-title">{chart.title}</h3>}
          {chart.kind === 'piechart' ? (
            <PieChartView chart={chart} theme={theme} hidden={hiddenKeys} onToggleSeries={toggleSeries} />
          ) : (
            <CartesianChartView chart={chart} theme={theme} hidden={hiddenKeys} onToggleSeries={toggleSeries} />
          )}
        </div>
      ) : (
        <ProblemNotice
          problem={derivation !== null && !derivation.ok ? derivation.problem : { reason: 'unsupported', visualization: render.visualization }}
          kind={shownKind}
          columns={table.columns}
        />
      )}
    </div>
  );
}
