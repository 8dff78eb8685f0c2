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

  // Arrow keys, Home and End move between tabs (WAI-ARIA tabs pattern, automatic activation).
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    let next: SideTab;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') next = TABS[(TABS.indexOf(tab) + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
    else if (e.key === 'Home') next = TABS[0];
    else if (e.key === 'End') next = TABS[TABS.length - 1];
    else return;
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
      {/* Every tab's panel exists, so each aria-controls names an element; only the selected one has content. */}
      {TABS.map((id) => (
        <div key={id} className="side-panel-body" role="tabpanel" id={`side-panel-${id}`} aria-labelledby={`side-tab-${id}`} hidden={id !== tab}>
          {id === tab && (id === 'tables' ? <SchemaTree /> : id === 'queries' ? <QueryGallery /> : <HistoryPanel />)}
        </div>
      ))}
      <FilesPanel />
    </aside>
  );
}
