import { useTranslation } from 'react-i18next';
import type { FileLoadState } from '../../state';
import { useAppStore } from '../../state';
import { formatBytes } from './formatBytes';

/** Percentage (0..100, whole) of a byte progress; 0 when the total is unknown. */
export function percentOf(bytesRead: number, totalBytes: number): number {
  if (totalBytes <= 0) return 0;
  return Math.min(100, Math.max(0, Math.round((bytesRead / totalBytes) * 100)));
}

/**
 * A progress bar over the whole set of files being loaded (bytes and rows), the current file,
 * and a Cancel button.
 */
export function LoadProgress(props: { readonly load: Extract<FileLoadState, { status: 'loading' }> }): React.JSX.Element {
  const { t, i18n } = useTranslation('app');
  const cancel = useAppStore((s) => s.cancelFileLoad);
  const { progress, fileNames, cancelling } = props.load;
  const name = progress?.fileName ?? fileNames[0] ?? '';
  const setRead = progress?.setBytesRead ?? progress?.bytesRead ?? 0;
  const setTotal = progress?.setTotalBytes ?? progress?.totalBytes ?? 0;
  const percent = progress ? percentOf(setRead, setTotal) : 0;
  const fileDetail = progress
    ? t('files.progressDetail', {
        name: progress.fileName,
        read: formatBytes(progress.bytesRead, i18n.language),
        total: formatBytes(progress.totalBytes, i18n.language),
        count: progress.rows,
      })
    : t('files.progressWaiting', { count: fileNames.length });
  const setDetail =
    progress && (progress.fileCount ?? 1) > 1
      ? t('files.progressSet', {
          index: (progress.fileIndex ?? 0) + 1,
          count: progress.fileCount,
          read: formatBytes(setRead, i18n.language),
          total: formatBytes(setTotal, i18n.language),
          rows: progress.setRows ?? progress.rows,
        })
      : null;
  return (
    <div className="load-progress">
      <div className="load-progress-row">
        <div
          className="load-progress-bar"
          role="progressbar"
          aria-label={t('files.progressLabel', { name })}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={setDetail ?? fileDetail}
        >
          <div className="load-progress-fill" style={{ width: `${percent}%` }} />
        </div>
        <button type="button" className="button button--small" onClick={cancel} disabled={cancelling}>
          {cancelling ? t('files.cancelling') : t('files.cancel')}
        </button>
      </div>
      {setDetail !== null && <p className="load-progress-detail">{setDetail}</p>}
      <p className="load-progress-detail">{fileDetail}</p>
    </div>
  );
}
