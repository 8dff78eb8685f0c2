/** The chart panel's notices: why a result cannot be charted, what was cut, what was not applied. */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnSchema } from '../../engine';
import type { ChartKind, ChartProblem } from './chartConfig';
import { MAX_SERIES, MAX_X_VALUES, type ChartData } from './chartData';

/** Says why the result cannot be drawn as `kind`, and which columns it has. */
export function ProblemNotice(props: { problem: ChartProblem; kind: ChartKind | null; columns: readonly ColumnSchema[] }): JSX.Element {
  const { t } = useTranslation('chart');
  const { problem, kind } = props;
  const subject = kind === null ? '' : t(`kindSubjects.${kind}`);
  let text: string;
  let showColumns = false;
  switch (problem.reason) {
    case 'unsupported':
      text = t('problems.unsupported', { visualization: problem.visualization });
      break;
    case 'unknownColumn':
      text = t('problems.unknownColumn', { column: problem.column });
      showColumns = true;
      break;
    case 'noRows':
      text = t('problems.noRows');
      break;
    case 'needsDatetimeColumn':
    case 'needsNumericColumn':
    case 'needsLabelColumn':
      text = t(`problems.${problem.reason}`, { kind: subject });
      showColumns = true;
      break;
    default: {
      const never: never = problem;
      text = String(never);
    }
  }
  const columns = props.columns.map((c) => t('columnOption', { name: c.name, type: c.type })).join(', ');
  return (
    <div className="chart-problem" role="status">
      <p>{text}</p>
      {showColumns && props.columns.length > 0 && <p className="chart-problem-columns">{t('problems.columns', { columns })}</p>}
    </div>
  );
}

/** Says how many series or x values were not drawn; nothing when all were. */
export function TruncationNotice({ chart }: { chart: ChartData }): JSX.Element | null {
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

/** Lists the `render` properties the panel does not apply (unobtrusive, never silent). */
export function UnappliedNotice({ properties }: { properties: readonly string[] }): JSX.Element | null {
  const { t } = useTranslation('chart');
  if (properties.length === 0) return null;
  return (
    <p className="chart-unapplied" title={t('unappliedTitle')}>
      {t('unapplied', { list: properties.join(', ') })}
    </p>
  );
}
