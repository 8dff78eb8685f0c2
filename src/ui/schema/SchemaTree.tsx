import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableInfo } from '../../worker/protocol';
import { useAppStore } from '../../state';
import './schema.css';

/** Moves focus to the previous/next visible tree item (roving focus over the tree). */
function focusSibling(from: HTMLElement, delta: 1 | -1): void {
  const tree = from.closest('[role="tree"]');
  if (!tree) return;
  const items = Array.from(tree.querySelectorAll<HTMLElement>('[role="treeitem"]'));
  const next = items[items.indexOf(from) + delta];
  next?.focus();
}

/** Moves focus to the first or last visible tree item (Home / End). */
function focusEdge(from: HTMLElement, edge: 'first' | 'last'): void {
  const items = Array.from(from.closest('[role="tree"]')?.querySelectorAll<HTMLElement>('[role="treeitem"]') ?? []);
  (edge === 'first' ? items[0] : items.at(-1))?.focus();
}

/** Separates table and column in a tree item's key (no table or column name contains it). */
const KEY_SEPARATOR = '\u001f';

/** The key of a column's tree item (a table's key is its name). */
function columnKey(table: string, column: string): string {
  return `${table}${KEY_SEPARATOR}${column}`;
}

/** One table: a tree item that expands to its columns. */
function TableItem(props: {
  readonly table: TableInfo;
  /** Key of the tree's one tabbable item (roving tabindex): this table, one of its columns, or another item. */
  readonly tabbableKey: string;
}): React.JSX.Element {
  const { table } = props;
  const { t } = useTranslation('app');
  const [expanded, setExpanded] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const insertAtCursor = useAppStore((s) => s.insertAtCursor);
  const removeTable = useAppStore((s) => s.removeTable);

  const onKeyDown = (e: KeyboardEvent<HTMLElement>): void => {
    if (e.target !== e.currentTarget) return;
    switch (e.key) {
      case 'ArrowRight':
        if (!expanded) setExpanded(true);
        else focusSibling(e.currentTarget, 1);
        break;
      case 'ArrowLeft':
        setExpanded(false);
        break;
      case 'ArrowDown':
        focusSibling(e.currentTarget, 1);
        break;
      case 'ArrowUp':
        focusSibling(e.currentTarget, -1);
        break;
      case 'Home':
        focusEdge(e.currentTarget, 'first');
        break;
      case 'End':
        focusEdge(e.currentTarget, 'last');
        break;
      case 'Enter':
        insertAtCursor(table.name);
        break;
      case ' ':
        setExpanded(!expanded);
        break;
      case 'Delete':
        setConfirming(true);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  return (
    <li
      role="treeitem"
      aria-expanded={expanded}
      aria-label={table.name}
      data-tree-key={table.name}
      // A collapsed table keeps the Tab stop of a column that was focused inside it.
      tabIndex={props.tabbableKey === table.name || (!expanded && props.tabbableKey.startsWith(table.name + KEY_SEPARATOR)) ? 0 : -1}
      onKeyDown={onKeyDown}
      className="schema-table"
    >
      <div className="schema-row">
        <button
          type="button"
          tabIndex={-1}
          className="schema-toggle"
          aria-label={t(expanded ? 'schema.collapse' : 'schema.expand', { name: table.name })}
          onClick={() => setExpanded(!expanded)}
        >
          <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
        </button>
        <button
          type="button"
          tabIndex={-1}
          className="schema-name"
          title={t('schema.insertTitle', { name: table.name })}
          // Keep the focus (and caret) in the editor, so typing continues after the inserted name.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => insertAtCursor(table.name)}
        >
          {table.name}
        </button>
        <span className="schema-count">{t('schema.rows', { count: table.rowCount })}</span>
        <button
          type="button"
          tabIndex={-1}
          className="schema-remove"
          aria-label={t('schema.remove', { name: table.name })}
          title={t('schema.remove', { name: table.name })}
          onClick={() => setConfirming(true)}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {confirming && (
        <ConfirmBar
          question={t('schema.removeConfirm', { name: table.name, rows: t('schema.rows', { count: table.rowCount }) })}
          yes={t('schema.removeYes')}
          no={t('schema.removeNo')}
          onYes={() => {
            setConfirming(false);
            void removeTable(table.name);
          }}
          onNo={() => setConfirming(false)}
        />
      )}
      {expanded && (
        <ul role="group" className="schema-columns">
          {table.columns.map((c) => (
            <li
              role="treeitem"
              key={c.name}
              data-tree-key={columnKey(table.name, c.name)}
              tabIndex={props.tabbableKey === columnKey(table.name, c.name) ? 0 : -1}
              aria-label={`${c.name} (${c.type})`}
              className="schema-column"
              onKeyDown={(e) => columnKeyDown(e, () => insertAtCursor(c.name))}
            >
              <span className="schema-column-name">{c.name}</span>
              <span className="schema-column-type">{c.type}</span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** Keys of a column item: arrows move, Left goes to the table, Home/End jump, Enter inserts the column's name. */
function columnKeyDown(e: KeyboardEvent<HTMLElement>, insert: () => void): void {
  switch (e.key) {
    case 'ArrowDown':
    case 'ArrowUp':
      focusSibling(e.currentTarget, e.key === 'ArrowDown' ? 1 : -1);
      break;
    case 'ArrowLeft':
      e.currentTarget.parentElement?.closest<HTMLElement>('[role="treeitem"]')?.focus();
      break;
    case 'Home':
      focusEdge(e.currentTarget, 'first');
      break;
    case 'End':
      focusEdge(e.currentTarget, 'last');
      break;
    case 'Enter':
      insert();
      break;
    default:
      return;
  }
  e.preventDefault();
  e.stopPropagation();
}

/** An inline yes/no question (a removal asks first); the safe answer has the focus. */
function ConfirmBar(props: { readonly question: string; readonly yes: string; readonly no: string; onYes(): void; onNo(): void }): React.JSX.Element {
  return (
    <div className="schema-confirm" role="group" aria-label={props.question} onKeyDown={(e) => e.stopPropagation()}>
      <span>{props.question}</span>
      <button type="button" className="button button--small button--danger" onClick={props.onYes}>
        {props.yes}
      </button>
      <button type="button" className="button button--small" onClick={props.onNo} autoFocus>
        {props.no}
      </button>
    </div>
  );
}

/** "Clear all" with its confirmation. */
function ClearAll(props: { readonly count: number }): React.JSX.Element {
  const { t } = useTranslation('app');
  const [confirming, setConfirming] = useState(false);
  const clearAllTables = useAppStore((s) => s.clearAllTables);
  return (
    <div className="schema-actions">
      {confirming ? (
        <ConfirmBar
          question={t('schema.clearAllConfirm', { count: props.count })}
          yes={t('schema.clearAllYes')}
          no={t('schema.removeNo')}
          onYes={() => {
            setConfirming(false);
            void clearAllTables();
          }}
          onNo={() => setConfirming(false)}
        />
      ) : (
        <button type="button" className="button button--small" onClick={() => setConfirming(true)}>
          {t('schema.clearAll')}
        </button>
      )}
    </div>
  );
}

/** The schema panel: loaded tables with row counts, expandable to typed columns, removable. */
export function SchemaTree(): React.JSX.Element {
  const { t } = useTranslation('app');
  const tables = useAppStore((s) => s.tables);
  const action = useAppStore((s) => s.tableAction);
  // Roving tabindex: the tree is one Tab stop, the item focused last (the first table at first).
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  const focusedTable = focusedKey?.split(KEY_SEPARATOR)[0];
  const tabbableKey = focusedKey !== null && tables.some((table) => table.name === focusedTable) ? focusedKey : (tables[0]?.name ?? '');
  return (
    <section className="schema" aria-label={t('schema.label')}>
      {tables.length === 0 ? (
        <p className="panel-empty">{t('schema.empty')}</p>
      ) : (
        <>
          <ClearAll count={tables.length} />
          <ul
            role="tree"
            aria-label={t('schema.treeLabel')}
            className="schema-tree"
            onFocus={(e) => {
              const key = (e.target as HTMLElement).dataset.treeKey;
              if (key !== undefined) setFocusedKey(key);
            }}
          >
            {tables.map((table) => (
              <TableItem key={table.name} table={table} tabbableKey={tabbableKey} />
            ))}
          </ul>
        </>
      )}
      {action.status === 'failed' && <p className="file-summary-error" role="alert">{t('schema.actionFailed', { message: action.message })}</p>}
    </section>
  );
}
