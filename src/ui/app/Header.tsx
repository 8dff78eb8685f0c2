import { useTranslation } from 'react-i18next';
import { useAppStore, loadedStatus } from '../../state';
import { statusText } from './statusText';
import { ThemeToggle } from '../theme/ThemeToggle';

/** The page header: app name and what is loaded. */
export function Header(): React.JSX.Element {
  const { t } = useTranslation('app');
  const tables = useAppStore((s) => s.tables);
  const sample = useAppStore((s) => s.sample);
  const files = useAppStore((s) => s.loadedFileCount);
  const status = loadedStatus(tables, sample, files);
  return (
    <header className="app-header">
      <h1 className="app-title">
        <img src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" width={20} height={20} />
        {t('title')}
      </h1>
      <p className={`app-status app-status--${status.kind}`} role="status" aria-live="polite">
        {statusText(status, t)}
      </p>
      <ThemeToggle />
    </header>
  );
}
