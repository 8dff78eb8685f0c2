/**
 * The toolbar's time-range picker, as in Log Analytics: a button showing the range ("Time range:
 * Last 24 hours", or "Set in query" while the query under the caret filters on TimeGenerated
 * itself) that opens a dialog of presets and a custom UTC range; beside it, what "now" means.
 * A new choice applies to the next run, as in Log Analytics.
 */
import { useEffect, useId, useRef, useState, type JSX, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TIME_PRESETS, newestEventMs, useAppStore } from '../../state';
import type { NowMode, TimeRangeChoice } from '../../state';
import { rangeLabel } from './labels';
import { formatUtcMinute, fromUtcInputValue, toUtcInputValue } from './utcTime';
import { useLiveAnalysis } from './useLiveAnalysis';
import './time.css';

const DAY_MS = 24 * 3_600_000;

/** The picker button and its dialog, plus the "now" choice. */
export function TimeRangePicker(): JSX.Element {
  useLiveAnalysis();
  return (
    <div className="time-controls">
      <RangeButton />
      <NowModeSelect />
      <SettingsResetNotice />
    </div>
  );
}

function RangeButton(): JSX.Element {
  const { t } = useTranslation('time');
  const range = useAppStore((s) => s.timeSettings.range);
  const setInQuery = useAppStore((s) => s.liveAnalysis?.filtersOnTime === true);
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const dialogId = useId();

  const close = (focusButton: boolean): void => {
    setOpen(false);
    if (focusButton) buttonRef.current?.focus();
  };

  // A click outside closes the dialog (the focus stays where the user clicked).
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent): void => {
      if (rootRef.current !== null && !rootRef.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  return (
    <div
      className="time-picker"
      ref={rootRef}
      // Tabbing out of the open dialog closes it, as a click outside does.
      onBlur={(event) => {
        const to = event.relatedTarget as Node | null;
        if (open && to !== null && rootRef.current !== null && !rootRef.current.contains(to)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className={setInQuery ? 'button time-picker-button time-picker-button--set-in-query' : 'button time-picker-button'}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? dialogId : undefined}
        title={t('picker.buttonTitle')}
        onClick={() => setOpen(!open)}
      >
        {t('picker.button', { range: setInQuery ? t('setInQuery') : rangeLabel(t, range) })}
      </button>
      {open && <RangeDialog id={dialogId} setInQuery={setInQuery} onClose={close} />}
    </div>
  );
}

function RangeDialog(props: { id: string; setInQuery: boolean; onClose: (focusButton: boolean) => void }): JSX.Element {
  const { t } = useTranslation('time');
  const range = useAppStore((s) => s.timeSettings.range);
  const setTimeRange = useAppStore((s) => s.setTimeRange);
  const [customOpen, setCustomOpen] = useState(range.kind === 'custom');
  const firstRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    firstRef.current?.focus();
  }, []);

  const choose = (choice: TimeRangeChoice): void => {
    setTimeRange(choice);
    props.onClose(true);
  };
  // Arrow keys move the checked radio (each fires change and a click with detail 0): the range
  // applies at once but the dialog stays open, so a keyboard user can go on to the preset they
  // want; Enter (or Escape) closes it. A pointer click (detail > 0) chooses and closes.
  const choosePreset = (preset: TimeRangeChoice, event: MouseEvent): void => {
    if (event.detail > 0) choose(preset);
  };

  return (
    <div
      id={props.id}
      role="dialog"
      aria-label={t('picker.dialog')}
      className="time-picker-dialog"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        props.onClose(true);
      }}
    >
      {props.setInQuery && <p className="time-picker-note">{t('picker.setInQueryHint')}</p>}
      <fieldset className="time-picker-presets">
        <legend>{t('picker.legend')}</legend>
        {TIME_PRESETS.map((preset, i) => (
          <label key={preset.id} className="time-picker-option">
            <input
              ref={i === 0 ? firstRef : undefined}
              type="radio"
              name={`${props.id}-range`}
              checked={!customOpen && range.kind === 'preset' && range.preset === preset.id}
              onChange={() => {
                setCustomOpen(false);
                setTimeRange({ kind: 'preset', preset: preset.id });
              }}
              // Also when the preset was already chosen: clicking it again closes the dialog.
              onClick={(event) => choosePreset({ kind: 'preset', preset: preset.id }, event)}
              onKeyDown={(event) => {
                if (event.key !== 'Enter') return;
                event.preventDefault();
                props.onClose(true);
              }}
            />
            {t(`presets.${preset.id}`)}
          </label>
        ))}
        <label className="time-picker-option">
          <input type="radio" name={`${props.id}-range`} checked={customOpen} onChange={() => setCustomOpen(true)} />
          {t('custom')}
        </label>
      </fieldset>
      {customOpen && <CustomRange initial={range} onApply={choose} />}
    </div>
  );
}

function CustomRange(props: { initial: TimeRangeChoice; onApply: (choice: TimeRangeChoice) => void }): JSX.Element {
  const { t } = useTranslation('time');
  const newest = useAppStore((s) => newestEventMs(s.tables));
  const [from, setFrom] = useState(() => {
    if (props.initial.kind === 'custom') return toUtcInputValue(props.initial.fromMs);
    return toUtcInputValue((newest ?? Date.now()) - DAY_MS);
  });
  const [to, setTo] = useState(() => toUtcInputValue(props.initial.kind === 'custom' ? props.initial.toMs : (newest ?? Date.now())));
  const [invalid, setInvalid] = useState(false);
  const fromId = useId();
  const toId = useId();
  return (
    <form
      className="time-picker-custom"
      onSubmit={(event) => {
        event.preventDefault();
        const fromMs = fromUtcInputValue(from);
        const toMs = fromUtcInputValue(to);
        if (fromMs === null || toMs === null || fromMs > toMs) {
          setInvalid(true);
          return;
        }
        // The inputs have minute precision: the end includes its whole minute.
        props.onApply({ kind: 'custom', fromMs, toMs: toMs + 59_999 });
      }}
    >
      <label htmlFor={fromId}>{t('picker.from')}</label>
      <input id={fromId} type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} required />
      <label htmlFor={toId}>{t('picker.to')}</label>
      <input id={toId} type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} required />
      {invalid && (
        <p className="time-picker-invalid" role="alert">
          {t('picker.invalidCustom')}
        </p>
      )}
      <button type="submit" className="button button--small">
        {t('picker.apply')}
      </button>
    </form>
  );
}

function NowModeSelect(): JSX.Element {
  const { t } = useTranslation('time');
  const nowMode = useAppStore((s) => s.timeSettings.nowMode);
  const setNowMode = useAppStore((s) => s.setNowMode);
  const newest = useAppStore((s) => newestEventMs(s.tables));
  const id = useId();
  return (
    <span className="time-now">
      <label htmlFor={id}>{t('now.label')}</label>
      <select id={id} value={nowMode} title={t('now.title')} onChange={(e) => setNowMode(e.target.value as NowMode)}>
        <option value="clock">{t('now.clock')}</option>
        <option value="newestEvent">{newest === null ? t('now.newestEvent') : t('now.newestEventAt', { time: formatUtcMinute(newest) })}</option>
      </select>
    </span>
  );
}

function SettingsResetNotice(): JSX.Element | null {
  const { t } = useTranslation('time');
  const reset = useAppStore((s) => s.timeSettingsReset);
  const dismiss = useAppStore((s) => s.dismissTimeSettingsReset);
  if (!reset) return null;
  return (
    <span className="time-reset-notice" role="status">
      {t('settingsReset')}
      <button type="button" className="button button--small" onClick={dismiss}>
        {t('dismiss')}
      </button>
    </span>
  );
}
