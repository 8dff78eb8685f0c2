/**
 * Above the results: what the time-range picker did to the shown run ("Time range: Last 24
 * hours · 2024-03-01 10:00 – 2024-03-02 10:00 UTC", or "Time range: Set in query"), and, when
 * the result is empty because all loaded data is older than the range, says so and offers a
 * one-click rerun with "now" at the newest event or over the last 30 days.
 */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { explainEmptyResult, useAppStore } from '../../state';
import type { RunState, RunTimeScope } from '../../state';
import { rangeInSentence, rangeLabel } from './labels';
import { formatUtcMinute } from './utcTime';
import './time.css';

/** The time line of the shown run (nothing for runs without a time scope). */
export function TimeScopeNotice(props: { readonly run: RunState }): JSX.Element | null {
  const { run } = props;
  if (run.status !== 'success' || run.timeScope === undefined) return null;
  return (
    <div className="time-scope">
      <ScopeLine scope={run.timeScope} />
      <EmptyExplanation run={run} />
    </div>
  );
}

function ScopeLine(props: { readonly scope: RunTimeScope }): JSX.Element {
  const { t } = useTranslation('time');
  const { scope } = props;
  const now = scope.nowMode === 'newestEvent' ? <span className="time-scope-detail">{t('scope.nowIsNewestEvent', { time: formatUtcMinute(scope.nowMs) })}</span> : null;
  switch (scope.kind) {
    case 'applied':
      return (
        <p className="time-scope-line" role="status">
          <span>{t('scope.applied', { range: rangeLabel(t, scope.choice) })}</span>
          {scope.choice.kind === 'preset' && (
            <span className="time-scope-detail">
              {/* The exact instants stay readable by machines (and in the tooltip) beside the minute-precision text. */}
              <time dateTime={new Date(scope.range.fromMs).toISOString()} title={new Date(scope.range.fromMs).toISOString()}>
                {formatUtcMinute(scope.range.fromMs)}
              </time>
              {t('scope.rangeDash')}
              <time dateTime={new Date(scope.range.toMs).toISOString()} title={new Date(scope.range.toMs).toISOString()}>
                {formatUtcMinute(scope.range.toMs)}
              </time>
              {t('scope.utc')}
            </span>
          )}
          {now}
        </p>
      );
    case 'setInQuery':
      return (
        <p className="time-scope-line" role="status">
          <span>{t('scope.setInQuery')}</span>
          {now}
        </p>
      );
    default: {
      const never: never = scope;
      return never;
    }
  }
}

function EmptyExplanation(props: { readonly run: RunState }): JSX.Element | null {
  const { t } = useTranslation('time');
  const tables = useAppStore((s) => s.tables);
  const setNowMode = useAppStore((s) => s.setNowMode);
  const setTimeRange = useAppStore((s) => s.setTimeRange);
  const runAtCursor = useAppStore((s) => s.runAtCursor);
  const explanation = explainEmptyResult(props.run, tables);
  if (explanation === null) return null;
  return (
    <div className="time-empty" role="status">
      <span>{t('empty.message', { range: rangeInSentence(t, explanation.choice), time: formatUtcMinute(explanation.dataEndsMs) })}</span>
      {explanation.offerNewestEvent && (
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            setNowMode('newestEvent');
            runAtCursor();
          }}
        >
          {t('empty.useNewestEvent')}
        </button>
      )}
      {explanation.offerLast30Days && (
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            setTimeRange({ kind: 'preset', preset: '30d' });
            runAtCursor();
          }}
        >
          {t('empty.last30Days')}
        </button>
      )}
    </div>
  );
}
