/**
 * What the results area shows while there is no result to show: the idle hint, the
 * running progress with its elapsed time, the cancelled notice and the error.
 */
import { useEffect, useMemo, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngineError } from '../../engine';
import type { LineColumn } from '../../state';

/** How often the elapsed time of a running query is refreshed. */
const ELAPSED_REFRESH_MS = 100;

/** The hint shown before the first run. */
export function IdleNotice(): JSX.Element {
  const { t } = useTranslation('results');
  return <p className="results-notice results-notice--idle">{t('idle')}</p>;
}

/** "Running… 1.2 s", counting from `startedAt` (milliseconds since the epoch, as `Date.now()`). */
export function RunningNotice(props: { readonly startedAt: number }): JSX.Element {
  const { t, i18n } = useTranslation('results');
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ELAPSED_REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  const seconds = useMemo(() => new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }), [i18n.language]);
  const elapsed = Math.max(0, now - props.startedAt) / 1000;
  return (
    <div className="results-notice results-notice--running" role="status" aria-busy="true">
      <span className="results-spinner" aria-hidden="true" />
      <span>{t('runningElapsed', { seconds: seconds.format(elapsed) })}</span>
    </div>
  );
}

/** The notice after the user cancelled a run. */
export function CancelledNotice(): JSX.Element {
  const { t } = useTranslation('results');
  return (
    <p className="results-notice results-notice--cancelled" role="status">
      {t('cancelled')}
    </p>
  );
}

/**
 * The error of a failed run: message, code and, when known, where it starts in the editor
 * text (`errorPositionFor` of the state: editor lines, not lines of the run block).
 */
export function ErrorNotice(props: { readonly error: EngineError; readonly position: LineColumn | null }): JSX.Element {
  const { t } = useTranslation('results');
  const { error, position } = props;
  return (
    <div className="results-notice results-notice--error" role="alert">
      <p className="results-error-title">{t('error.title')}</p>
      <p className="results-error-message">{error.message}</p>
      <p className="results-error-meta">
        <span>{t('error.code', { code: error.code })}</span>
        {error.kustoCode !== undefined && <span>{t('error.kustoCode', { code: error.kustoCode })}</span>}
        {position !== null && <span>{t('error.position', { line: position.line, column: position.column })}</span>}
      </p>
    </div>
  );
}
