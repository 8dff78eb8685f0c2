import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SchemaTree } from '../schema/SchemaTree';
import { QueryGallery } from '../queries/QueryGallery';
import { FilesPanel } from '../files/FilesPanel';
import { HistoryPanel } from '../workspace/HistoryPanel';

type SideTab = 'tables' | 'queries' | 'history';
const TABS: readonly SideTab[] = ['tables', 'queries', 'history'];

function tabLabelKey(tab: SideTab): 'layout.tabTables' | 'layout.tabQueries' | 'layout.tabHistory' {
  switch (tab) {
    case 'tables':
      return 'layout.tabTables';
    case 'queries':
      return 'layout.tabQueries';
    case 'history':
      return 'layout.tabHistory';
    default: {
      const never: never = tab;
      return never;
    }
  }
}

/** The left panel: Tables / Queries tabs above the file controls. */
export function SidePanel(): React.JSX.Element {
  const { t } = useTranslation('app');
  const [tab, setTab] = useState<SideTab>('tables');

  // Arrow keys move between tabs (WAI-ARIA tabs pattern, automatic activation).
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const next = TABS[(TABS.indexOf(tab) + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
    setTab(next);
    document.getElementById(`side-tab-${next}`)?.focus();
    e.preventDefault();
  };

  return (
    <aside className="side-panel" aria-label={t('layout.sidePanel')}>
      <div className="tabs" role="tablist" aria-label={t('layout.sidePanel')} onKeyDown={onKeyDown}>
        {TABS.map((id) => (
          <button
            key={id}
            id={`side-tab-${id}`}
            type="button"
            role="tab"
            className="tab"
            aria-selected={tab === id}
            aria-controls={`side-panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => setTab(id)}
          >
            {t(tabLabelKey(id))}
          </button>
        ))}
      </div>
      <div className="side-panel-body" role="tabpanel" id={`side-panel-${tab}`} aria-labelledby={`side-tab-${tab}`}>
        {tab === 'tables' ? <SchemaTree /> : tab === 'queries' ? <QueryGallery /> : <HistoryPanel />}
      </div>
      <FilesPanel />
    </aside>
  );
}
