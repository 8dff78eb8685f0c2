import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state';
import type { WorkspaceNotice } from '../../state';

function noticeKey(notice: WorkspaceNotice): 'notice.storageReset' | 'notice.shareLinkUnreadable' {
  switch (notice) {
    case 'storageReset':
      return 'notice.storageReset';
    case 'shareLinkUnreadable':
      return 'notice.shareLinkUnreadable';
    default: {
      const never: never = notice;
      return never;
    }
  }
}

/** A dismissible banner for a one-time workspace notice (e.g. a corrupt store was reset). */
export function WorkspaceNoticeBanner(): React.JSX.Element | null {
  const { t } = useTranslation('workspace');
  const notice = useAppStore((s) => s.workspaceNotice);
  const dismiss = useAppStore((s) => s.dismissWorkspaceNotice);
  if (notice === null) return null;
  return (
    <div className="ws-notice" role="alert">
      <span>{t(noticeKey(notice))}</span>
      <button type="button" className="button button--small" onClick={dismiss}>
        {t('notice.dismiss')}
      </button>
    </div>
  );
}
