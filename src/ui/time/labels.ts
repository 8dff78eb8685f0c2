/** The picker's choices as text (through the `time` message namespace). */
import type { TFunction } from 'i18next';
import type { TimeRangeChoice } from '../../state';
import { formatUtcMinute } from './utcTime';

/** "Last 24 hours", or "2024-03-01 10:00 – 2024-03-02 10:00 UTC" for a custom range. */
export function rangeLabel(t: TFunction<'time'>, choice: TimeRangeChoice): string {
  switch (choice.kind) {
    case 'preset':
      return t(`presets.${choice.preset}`);
    case 'custom':
      return t('customRange', { from: formatUtcMinute(choice.fromMs), to: formatUtcMinute(choice.toMs) });
    default: {
      const never: never = choice;
      return never;
    }
  }
}

/** The range inside a sentence: "the last 24 hours", or the custom range's ends. */
export function rangeInSentence(t: TFunction<'time'>, choice: TimeRangeChoice): string {
  switch (choice.kind) {
    case 'preset':
      return t(`presetsInSentence.${choice.preset}`);
    case 'custom':
      return t('customRangeInSentence', { from: formatUtcMinute(choice.fromMs), to: formatUtcMinute(choice.toMs) });
    default: {
      const never: never = choice;
      return never;
    }
  }
}
