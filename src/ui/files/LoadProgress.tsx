import { useTranslation } from 'react-i18next';
import type { FileLoadState } from '../../state';
import { formatBytes } from './formatBytes';

/** Percentage (0..100, whole) of a byte progress; 0 when the total is unknown. */
export function percentOf(bytesRead: number, totalBytes: number): number {
  if (totalBytes <= 0) return 0;
  return Math.min(100, Math.max(0, Math.round((bytesRead / totalBytes) * 100)));
}

/** A progress bar with the file name, bytes and rows of the file being loaded. */
export function LoadProgress(props: { readonly load: Extract<FileLoadState, { status: 'loading' }> }): React.JSX.Element {
  const { t, i18n } = useTranslation('app');
  const { progress, fileNames } = props.load;
  const name = progress?.fileName ?? fileNames[0] ?? '';
  const percent = progress ? percentOf(progress.bytesRead, progress.totalBytes) : 0;
  const detail = progress
    ? t('files.progressDetail', {
        name: progress.fileName,
        read: formatBytes(progress.bytesRead, i18n.language),
        total: formatBytes(progress.totalBytes, i18n.language),
        count: progress.rows,
      })
    : t('files.progressWaiting', { count: fileNames.length });
  return (
    <div className="load-progress">
      <div
        className="load-progress-bar"
        role="progressbar"
        aria-label={t('files.progressLabel', { name })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={detail}
      >
        <div className="load-progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="load-progress-detail">{detail}</p>
    </div>
  );
}
