/**
 * `mv-expand`: one output row per element of the expanded dynamic values (mv-expand-operator.md).
 * - An array gives its elements; a property bag gives one-key bags (`kind=bag`, the default) or
 *   `[key, value]` arrays (`kind=array`); null gives one row holding null; an empty array or bag
 *   gives no row; any other value gives one row holding it.
 * - Several expanded columns are zipped: a row expands to the longest of them, the shorter ones
 *   padded with nulls. `limit` caps the rows per input row.
 * - `to typeof(t)` keeps elements of type t and turns the others into null (a cast, no parsing).
 *   A dynamic value holds datetimes, timespans and guids as their text (as `range()` and
 *   `make_list()` of such columns build them), so for those targets a string element in the
 *   form such a value has (ISO `...T...Z`, `[d.]hh:mm:ss`, a canonical guid) is the value;
 *   anything else is null.
 * Columns that are not expanded are repeated through an index vector, not copied.
 */
import type { MvExpandOperator } from '../plan';
import type { Column, DynamicValue } from '../table/column';
import type { ScalarType } from '../types/scalarType';
import { parseDatetimeText, parseTimespan } from '../types/datetime';
import { evaluate } from '../functions/evaluate';
import { at, pollCancel, POLL_MASK, writerFor } from '../functions/vector';
import type { Scalar } from '../functions/vector';
import type { RelColumn, Relation, RunContext } from './relation';
import { columnSource, selectPositions } from './relation';
import { evaluateConstant } from './constantSource';

/** How many rows `value` expands to. */
function elementCount(value: Scalar, expandable: boolean): number {
  if (!expandable || value === null || typeof value !== 'object') return 1;
  return Array.isArray(value) ? value.length : Object.keys(value).length;
}

/** Element `i` of `value` (null past its end). */
function elementAt(value: Scalar, i: number, expandable: boolean, bagAsArray: boolean): Scalar {
  if (!expandable || value === null || typeof value !== 'object') return i === 0 ? value : null;
  if (Array.isArray(value)) return i < value.length ? value[i] : null;
  const keys = Object.keys(value);
  if (i >= keys.length) return null;
  const key = keys[i];
  return bagAsArray ? [key, value[key]] : { [key]: value[key] };
}

/** A guid's canonical text (`tostring()` of a guid), the only form a dynamic guid element has. */
const GUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * A datetime as a dynamic value holds it: ISO 8601 UTC with a time (`2024-01-01T00:00:00Z`,
 * up to 7 fraction digits). Other date texts (`"2024-01-01"`) are strings, and a cast does not parse.
 */
const DATETIME_TEXT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?Z$/;
/** A timespan as a dynamic value holds it: `[-][d.]hh:mm:ss[.fffffff]`. */
const TIMESPAN_TEXT = /^-?(\d+\.)?\d{2}:\d{2}:\d{2}(\.\d{1,7})?$/;

/** `to typeof(type)`: the element when it already is of `type`, else null. */
function castElement(element: Scalar, type: ScalarType): Scalar {
  if (element === null) return null;
  switch (type) {
    case 'dynamic':
      return element as DynamicValue;
    case 'string':
      return typeof element === 'string' ? element : null;
    case 'bool':
      return typeof element === 'boolean' ? element : null;
    case 'int':
    case 'long':
      return typeof element === 'number' && Number.isInteger(element) ? element : null;
    case 'real':
    case 'decimal':
      return typeof element === 'number' ? element : null;
    case 'datetime':
      return typeof element === 'string' && DATETIME_TEXT.test(element) ? parseDatetimeText(element) : null;
    case 'timespan':
      return typeof element === 'string' && TIMESPAN_TEXT.test(element) ? parseTimespan(element) : null;
    case 'guid':
      return typeof element === 'string' && GUID_TEXT.test(element) ? element.toLowerCase() : null;
    default: {
      const never: never = type;
      return never;
    }
  }
}

function rowLimit(operator: MvExpandOperator, run: RunContext): number {
  if (operator.limit === null) return Number.MAX_SAFE_INTEGER;
  const column = evaluateConstant(operator.limit, run);
  const value = at(column, 0);
  return typeof value === 'number' ? Math.max(0, Math.floor(value)) : Number.MAX_SAFE_INTEGER;
}

/** Applies `mv-expand` (the binder's schema then fixes the column order). */
export function applyMvExpand(relation: Relation, operator: MvExpandOperator, run: RunContext): Relation {
  const source = columnSource(relation, run);
  const values: Column[] = operator.expansions.map((e) => evaluate(e.expr, source));
  const expandable = values.map((v) => v.kind === 'dynamic');
  const limit = rowLimit(operator, run);
  const counts = new Int32Array(relation.rowCount);
  let total = 0;
  for (let r = 0; r < relation.rowCount; r++) {
    if ((r & POLL_MASK) === 0) pollCancel(run.cancel);
    let count = 0;
    for (let e = 0; e < values.length; e++) count = Math.max(count, elementCount(at(values[e], r), expandable[e]));
    counts[r] = Math.min(count, limit);
    total += counts[r];
  }
  const positions = new Int32Array(total);
  const items = new Int32Array(total);
  for (let r = 0, o = 0; r < relation.rowCount; r++) {
    for (let i = 0; i < counts[r]; i++, o++) {
      positions[o] = r;
      items[o] = i;
    }
  }
  const expandedNames = new Set(operator.expansions.map((e) => e.name));
  const kept = selectPositions({ rowCount: relation.rowCount, columns: relation.columns.filter((c) => !expandedNames.has(c.name)) }, positions);
  const expanded: RelColumn[] = operator.expansions.map((expansion, e) => {
    const writer = writerFor(expansion.type, total);
    for (let o = 0; o < total; o++) {
      if ((o & POLL_MASK) === 0) pollCancel(run.cancel);
      const element = elementAt(at(values[e], positions[o]), items[o], expandable[e], operator.bagAsArray);
      // A value that is not dynamic already has the binder's type: nothing to cast.
      writer.set(o, expandable[e] ? castElement(element, expansion.type) : element);
    }
    return { name: expansion.name, data: writer.finish(), rows: null };
  });
  const columns = [...kept.columns, ...expanded];
  if (operator.itemIndex !== null) {
    const data = Float64Array.from(items);
    columns.push({ name: operator.itemIndex, data: { kind: 'number', type: 'long', data, nulls: null, length: total }, rows: null });
  }
  return { rowCount: total, columns };
}
