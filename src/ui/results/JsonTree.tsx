/**
 * A collapsible tree of a `dynamic` value: objects and arrays open and close (buttons with
 * `aria-expanded`); scalars show as JSON. The first two levels start open.
 */
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { DynamicValue } from '../../engine';

/** Levels open when the tree first shows. */
const OPEN_LEVELS = 2;

/** The tree of `value`, labelled `name` at its root. */
export function JsonTree(props: { readonly value: DynamicValue; readonly name: string }): JSX.Element {
  return (
    <ul className="json-tree" role="list">
      <JsonNode name={props.name} value={props.value} depth={0} />
    </ul>
  );
}

function JsonNode(props: { readonly name: string; readonly value: DynamicValue; readonly depth: number }): JSX.Element {
  const { t } = useTranslation('grid');
  const { name, value, depth } = props;
  const [open, setOpen] = useState(depth < OPEN_LEVELS);
  if (value === null || typeof value !== 'object') {
    return (
      <li className="json-node">
        <span className="json-key">{name}</span>
        <span className={`json-value json-value--${value === null ? 'null' : typeof value}`}>{JSON.stringify(value)}</span>
      </li>
    );
  }
  const entries: [string, DynamicValue][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  const summary = Array.isArray(value) ? `[ ${t('details.items', { count: entries.length })} ]` : `{ ${t('details.keys', { count: entries.length })} }`;
  return (
    <li className="json-node">
      <button
        type="button"
        className="json-toggle"
        aria-expanded={open}
        aria-label={t(open ? 'details.collapseNode' : 'details.expandNode', { name })}
        onClick={() => setOpen(!open)}
      />
      <span className="json-key">{name}</span>
      <span className="json-summary">{summary}</span>
      {open && (
        <ul className="json-tree" role="list">
          {entries.map(([key, child]) => (
            <JsonNode key={key} name={key} value={child} depth={depth + 1} />
          ))}
        </ul>
      )}
    </li>
  );
}
