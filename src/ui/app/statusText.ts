/**
 * The header's sentence about what is loaded. Each count is a phrase of its own with its own
 * plural form ("1 file", "3 tables"): i18next picks a plural from one `count` per message.
 */
import type { TFunction } from 'i18next';
import type { LoadedStatus } from '../../state/loadedStatus';

/** The text of the loaded-data status, in the language of `t` (namespace `app`). */
export function statusText(status: LoadedStatus, t: TFunction<'app'>): string {
  switch (status.kind) {
    case 'loadingSample':
      return t('status.loadingSample');
    case 'sampleFailed':
      return t('status.sampleFailed', { message: status.message });
    case 'empty':
      return t('status.empty');
    case 'loaded':
      return t(`status.${status.source}`, {
        rows: t('status.rowCount', { count: status.rows }),
        tables: t('status.tableCount', { count: status.tableCount }),
        files: t('status.fileCount', { count: status.fileCount }),
      });
    default: {
      const never: never = status;
      return never;
    }
  }
}
