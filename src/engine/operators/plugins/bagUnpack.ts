/**
 * `evaluate bag_unpack(...)` without an output schema (bag-unpack-plugin.md): every top-level
 * slot of the bags becomes a column named `prefix + slot`, appended after the input's other
 * columns in ordinal order of the names (the page's examples list `Age`, `Height`, `Name`). A
 * column's type is the type its non-null values share, or `dynamic` when they differ; null values
 * are ignored, so a slot that is null everywhere gives no column. Rows whose value is not a bag
 * get nulls. A slot named like a kept input column fails the query (`columnsConflict='error'`,
 * the default), replaces that column in place (`replace_source`) or is dropped (`keep_source`).
 */
import type { BagUnpackOperator, Tabular } from '../../plan';
import type { Column, DynamicColumn, DynamicValue } from '../../table/column';
import type { ScalarType } from '../../types/scalarType';
import { columnBuilderFor, DynamicColumnBuilder, NumericColumnBuilder, StringColumnBuilder } from '../../table/builder';
import { EngineFailure, internalError, runtimeError } from '../../errors';
import type { SourceSpan } from '../../errors';
import { POLL_MASK, pollCancel } from '../../functions/vector';
import type { RelColumn, Relation, RunContext } from '../relation';
import { readColumn } from '../relation';

type Bag = { [key: string]: DynamicValue };

function isBag(value: DynamicValue): value is Bag {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The column type of one non-null slot value, as Kusto types JSON values (integers are `long`). */
function typeOfValue(value: DynamicValue): ScalarType {
  switch (typeof value) {
    case 'string': return 'string';
    case 'boolean': return 'bool';
    case 'number': return Number.isInteger(value) ? 'long' : 'real';
    default: return 'dynamic';
  }
}

/** Slot name -> column type over all bags of `bags`, skipping `ignored` slots and null values. */
function slotTypes(bags: DynamicColumn, ignored: ReadonlySet<string>, run: RunContext): Map<string, ScalarType> {
  const types = new Map<string, ScalarType>();
  for (let i = 0; i < bags.length; i++) {
    if ((i & POLL_MASK) === 0) pollCancel(run.cancel);
    const bag = bags.values[i];
    if (!isBag(bag)) continue;
    for (const key of Object.keys(bag)) {
      const value = bag[key];
      if (value === null || ignored.has(key)) continue;
      const type = typeOfValue(value);
      const known = types.get(key);
      if (known === undefined) types.set(key, type);
      else if (known !== type) types.set(key, 'dynamic');
    }
  }
  return types;
}

/** Slot `key` of every row as a column of `type` (null where the row has no such non-null slot). */
function slotColumn(bags: DynamicColumn, key: string, type: ScalarType, run: RunContext): Column {
  const builder = columnBuilderFor(type);
  for (let i = 0; i < bags.length; i++) {
    if ((i & POLL_MASK) === 0) pollCancel(run.cancel);
    const bag = bags.values[i];
    const value = isBag(bag) && Object.prototype.hasOwnProperty.call(bag, key) ? bag[key] : null;
    if (builder instanceof DynamicColumnBuilder) builder.append(value);
    else if (builder instanceof NumericColumnBuilder) builder.append(typeof value === 'number' ? value : typeof value === 'boolean' ? Number(value) : null);
    else if (builder instanceof StringColumnBuilder) builder.append(typeof value === 'string' ? value : null);
  }
  return builder.finish();
}

/** Applies `bag_unpack` as the module comment describes; output columns carry their own types. */
export function applyBagUnpack(relation: Relation, operator: BagUnpackOperator, run: RunContext, span: SourceSpan): Relation {
  const source = relation.columns.find((c) => c.name === operator.column);
  if (source === undefined) throw new EngineFailure(internalError(`bag_unpack input lacks column '${operator.column}'`, span));
  const data = readColumn(source);
  if (data.kind !== 'dynamic') throw new EngineFailure(internalError(`bag_unpack column '${operator.column}' is not dynamic`, span));
  const types = slotTypes(data, new Set(operator.ignored), run);
  const names = [...types.keys()].sort((a, b) => (operator.prefix + a < operator.prefix + b ? -1 : operator.prefix + a > operator.prefix + b ? 1 : 0));
  const kept: RelColumn[] = relation.columns.filter((c) => c !== source);
  const added: RelColumn[] = [];
  for (const key of names) {
    const name = operator.prefix + key;
    const existing = kept.findIndex((c) => c.name === name);
    if (existing >= 0) {
      switch (operator.conflict) {
        case 'error':
          throw new EngineFailure(runtimeError(`bag_unpack: the slot '${key}' would duplicate the column '${name}' (use columnsConflict)`, span));
        case 'keep_source':
          continue;
        case 'replace_source':
          kept[existing] = { name, data: slotColumn(data, key, types.get(key) ?? 'dynamic', run), rows: null };
          continue;
        default: {
          const never: never = operator.conflict;
          return never;
        }
      }
    }
    added.push({ name, data: slotColumn(data, key, types.get(key) ?? 'dynamic', run), rows: null });
  }
  return { rowCount: relation.rowCount, columns: [...kept, ...added] };
}

/** True for a plan node whose output columns come from the data, not from `schema` (see `BagUnpackOperator`). */
export function hasSchemaFromData(node: Tabular): boolean {
  return node.kind === 'pipe' && (node.operator.op === 'bag-unpack' || (node.operator.op === 'pivot' && node.operator.schemaFromData));
}
