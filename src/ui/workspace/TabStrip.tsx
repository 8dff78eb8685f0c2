import { useRef, useState } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state';
import type { TabHeader } from '../../state';
import { tabLabel } from './tabLabel';
import { EDITOR_AREA_ID } from '../app/areaIds';

/** Inline title editor: Enter or leaving the field commits, Escape cancels. */
function RenameField(props: { readonly initial: string; readonly label: string; onDone(title: string | null): void }): React.JSX.Element {
  const [value, setValue] = useState(props.initial);
  const done = useRef(false);
  const finish = (title: string | null): void => {
    if (done.current) return;
    done.current = true;
    props.onDone(title);
  };
  return (
    <input
      className="ws-tab-rename"
      aria-label={props.label}
      value={value}
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setValue(e.currentTarget.value)}
      onBlur={() => finish(value)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') finish(value);
        else if (e.key === 'Escape') finish(null);
      }}
    />
  );
}

function QueryTab(props: {
  readonly tab: TabHeader;
  readonly active: boolean;
  readonly focusable: boolean;
  readonly running: boolean;
  readonly renaming: boolean;
  onRename(renaming: boolean): void;
}): React.JSX.Element {
  const { t } = useTranslation('workspace');
  const { tab, active, renaming } = props;
  const activateTab = useAppStore((s) => s.activateTab);
  const closeTab = useAppStore((s) => s.closeTab);
  const renameTab = useAppStore((s) => s.renameTab);
  const label = tabLabel(t, tab);

  const onAuxClick = (e: MouseEvent): void => {
    if (e.button !== 1) return; // middle click closes, as in browsers
    e.preventDefault();
    closeTab(tab.id);
  };

  return (
    <div className={`ws-tab${active ? ' ws-tab--active' : ''}`} role="presentation" onAuxClick={onAuxClick} onMouseDown={(e) => e.button === 1 && e.preventDefault()}>
      {renaming ? (
        <RenameField
          initial={tab.title ?? label}
          label={t('tabs.rename', { title: label })}
          onDone={(title) => {
            if (title !== null) renameTab(tab.id, title);
            props.onRename(false);
            document.getElementById(`query-tab-${tab.id}`)?.focus();
          }}
        />
      ) : (
        <button
          type="button"
          role="tab"
          id={`query-tab-${tab.id}`}
          data-tab-id={tab.id}
          className="ws-tab-button"
          aria-selected={active}
          aria-controls={EDITOR_AREA_ID}
          aria-description={t('tabs.renameHint')}
          tabIndex={props.focusable ? 0 : -1}
          onClick={() => activateTab(tab.id)}
          onDoubleClick={() => props.onRename(true)}
        >
          {props.running && <span className="ws-tab-running" aria-hidden="true" title={t('tabs.running')} />}
          <span className="ws-tab-title">{label}</span>
        </button>
      )}
      <button type="button" className="ws-tab-close" tabIndex={-1} aria-label={t('tabs.close', { title: label })} title={t('tabs.close', { title: label })} onClick={() => closeTab(tab.id)}>
        ×
      </button>
    </div>
  );
}

/**
 * The query tabs above the editor (WAI-ARIA tabs, manual activation): arrow keys, Home and
 * End move the focus, Enter or Space activates, F2 renames, Delete closes.
 */
export function TabStrip(): React.JSX.Element {
  const { t } = useTranslation('workspace');
  const tabs = useAppStore((s) => s.tabs);
  const activeTabId = useAppStore((s) => s.activeTabId);
  const parkedTabs = useAppStore((s) => s.parkedTabs);
  const activeRunning = useAppStore((s) => s.run.status === 'running');
  const closedTabs = useAppStore((s) => s.closedTabs);
  const addTab = useAppStore((s) => s.addTab);
  const closeTab = useAppStore((s) => s.closeTab);
  const reopenClosedTab = useAppStore((s) => s.reopenClosedTab);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const focusable = tabs.some((tab) => tab.id === focusedId) ? focusedId : activeTabId;

  const focusTab = (id: string): void => {
    setFocusedId(id);
    document.getElementById(`query-tab-${id}`)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const id = (e.target as HTMLElement).dataset.tabId;
    if (id === undefined) return;
    const index = tabs.findIndex((tab) => tab.id === id);
    const move = (to: number): void => {
      e.preventDefault();
      focusTab(tabs[(to + tabs.length) % tabs.length].id);
    };
    switch (e.key) {
      case 'ArrowRight':
        return move(index + 1);
      case 'ArrowLeft':
        return move(index - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(tabs.length - 1);
      case 'F2':
        e.preventDefault();
        setRenamingId(id);
        return;
      case 'Delete': {
        e.preventDefault();
        const neighbour = tabs[index + 1] ?? tabs[index - 1];
        closeTab(id);
        if (neighbour !== undefined) requestAnimationFrame(() => focusTab(neighbour.id));
        return;
      }
      default:
        return; // Enter and Space click the focused tab button, which activates it
    }
  };

  const lastClosed = closedTabs[0];
  return (
    <div className="ws-tabstrip">
      <div className="ws-tabs" role="tablist" aria-label={t('tabs.label')} onKeyDown={onKeyDown} onFocus={(e) => setFocusedId((e.target as HTMLElement).dataset.tabId ?? focusedId)}>
        {tabs.map((tab) => (
          <QueryTab
            key={tab.id}
            tab={tab}
            active={tab.id === activeTabId}
            focusable={tab.id === focusable}
            running={tab.id === activeTabId ? activeRunning : parkedTabs[tab.id]?.run.status === 'running'}
            renaming={renamingId === tab.id}
            onRename={(on) => setRenamingId(on ? tab.id : null)}
          />
        ))}
      </div>
      <button type="button" className="ws-icon-button" aria-label={t('tabs.add')} title={t('tabs.addTitle')} aria-keyshortcuts="Control+Alt+N" onClick={() => addTab()}>
        +
      </button>
      <button
        type="button"
        className="ws-icon-button"
        aria-label={t('tabs.reopen')}
        title={lastClosed === undefined ? t('tabs.reopenNone') : t('tabs.reopenTitle', { title: tabLabel(t, lastClosed) })}
        disabled={lastClosed === undefined}
        onClick={reopenClosedTab}
      >
        ↺
      </button>
    </div>
  );
}
