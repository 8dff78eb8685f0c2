/**
 * The layout ("shape") of a resource-log record and what each of its values becomes in its
 * table, worked out once from one record (see `recordShape.ts` for how it is used).
 */
import type { TableBuilder } from '../engine/table/builder';
import { NumericColumnBuilder, StringColumnBuilder } from '../engine/table/builder';
import type { ScalarType } from '../engine/types/scalarType';
import type { CellInput } from './coerce';
import { isJsonObject } from './fieldLookup';
import type { JsonObject } from './fieldLookup';
import type { ExtraColumnHandle, ExtraColumns } from './load/extraColumns';
import { CLASSIFYING_FIELDS, logColumnRule } from './logColumnRules';

/** Where a table's rows go: its documented columns and its extra columns. */
export interface ShapeDestination {
  readonly builder: TableBuilder;
  readonly extras: ExtraColumns;
}

/** How a column's cell is made (`RecordShape.cellKinds`). */
export const CELL_OWN_STRING = 0;
export const CELL_FIELD = 1;
export const CELL_CONSTANT = 2;
export const CELL_TIME = 3;
export const CELL_LOWER_RESOURCE_ID = 4;
/** The kinds above, into a column whose builder is known (so no `appendValue` dispatch per row). */
export const CELL_CONSTANT_TEXT = 5;
export const CELL_TIME_NUMBER = 6;
export const CELL_LOWER_RESOURCE_ID_TEXT = 7;

/** One record layout and what each of its values becomes. Values are indexed top-level keys first, then `properties` keys. */
export interface RecordShape {
  readonly topKeys: readonly string[];
  /** Index of the `properties` object among the values, -1 when the layout has none. */
  readonly propertiesIndex: number;
  readonly nestedKeys: readonly string[];
  readonly timeIndex: number;
  readonly categoryIndex: number;
  /** The category every record of this shape must carry (another one takes the general path). */
  readonly category: string;
  readonly resourceIdIndex: number;
  readonly destination: ShapeDestination;
  /** Per column (schema order): `CELL_*`. */
  readonly cellKinds: Uint8Array;
  /** Per column: the value index it reads (`CELL_OWN_STRING`, `CELL_FIELD`). */
  readonly cellSources: Int32Array;
  readonly cellTypes: readonly ScalarType[];
  /** Per column: the value of a `CELL_CONSTANT` column. */
  readonly constants: readonly CellInput[];
  readonly extraSources: Int32Array;
  readonly extraColumns: readonly ExtraColumnHandle[];
}

/** Keys of one object in order, and the index of the first spelling of each lower-case name (offset by `base`). */
function keysOf(object: JsonObject, base: number, firstIndex: Map<string, number>, firstSpelling: boolean[]): string[] {
  const keys: string[] = [];
  for (const key in object) {
    const lower = key.toLowerCase();
    // Why first spelling only: the general lookup keeps the first of two keys that differ only in case.
    const first = !firstIndex.has(lower);
    if (first) firstIndex.set(lower, base + keys.length);
    firstSpelling.push(first);
    keys.push(key);
  }
  return keys;
}

/** The shape of `record` (loaded as a row of `table` into `destination`), or null when the fast path cannot settle it. */
export function shapeOf(record: JsonObject, table: string, schema: readonly { readonly name: string; readonly type: ScalarType }[], destination: ShapeDestination): RecordShape | null {
  const firstIndex = new Map<string, number>();
  const firstSpelling: boolean[] = [];
  const topKeys = keysOf(record, 0, firstIndex, firstSpelling);
  const propertiesIndex = firstIndex.get('properties') ?? -1;
  let nestedKeys: string[] = [];
  let bag: JsonObject = {};
  if (propertiesIndex >= 0) {
    const value = record[topKeys[propertiesIndex]];
    // Why: a `properties` written as a JSON string is parsed by the general lookup only.
    if (!isJsonObject(value)) return null;
    bag = value;
    const nestedFirst = new Map<string, number>();
    nestedKeys = keysOf(bag, topKeys.length, nestedFirst, firstSpelling);
    // Top level first, then `properties` (as the general lookup reads a name).
    for (const [lower, index] of nestedFirst) if (!firstIndex.has(lower)) firstIndex.set(lower, index);
  }
  const valueAt = (index: number): unknown => (index < topKeys.length ? record[topKeys[index]] : bag[nestedKeys[index - topKeys.length]]);
  const sourceOf = (lowerName: string): number => firstIndex.get(lowerName) ?? -1;
  const timeIndex = sourceOf('time');
  const categoryIndex = sourceOf('category');
  const category = categoryIndex < 0 ? undefined : valueAt(categoryIndex);
  if (timeIndex < 0 || typeof category !== 'string') return null;

  const used = new Set<string>(CLASSIFYING_FIELDS);
  const cellKinds = new Uint8Array(schema.length);
  const cellSources = new Int32Array(schema.length).fill(-1);
  const constants: CellInput[] = schema.map(() => null);
  for (let i = 0; i < schema.length; i++) {
    const column = schema[i];
    const rule = logColumnRule(column.name);
    let source = -1;
    switch (rule.kind) {
      case 'constant':
        cellKinds[i] = CELL_CONSTANT;
        constants[i] = rule.value;
        continue;
      case 'table':
        cellKinds[i] = CELL_CONSTANT;
        constants[i] = table;
        continue;
      case 'time':
        cellKinds[i] = CELL_TIME;
        continue;
      case 'lowerResourceId':
        cellKinds[i] = CELL_LOWER_RESOURCE_ID;
        continue;
      case 'firstPresent': {
        const present = rule.fields.filter((f) => sourceOf(f) >= 0);
        // Why: with two of them present, which one is read (and which is extra) depends on the values.
        if (present.length > 1) return null;
        if (present.length === 1) {
          used.add(present[0]);
          source = sourceOf(present[0]);
        }
        break;
      }
      case 'ownField': {
        const lower = column.name.toLowerCase();
        used.add(lower);
        source = sourceOf(lower);
        break;
      }
      default: {
        const never: never = rule;
        return never;
      }
    }
    cellSources[i] = source;
    cellKinds[i] = source < 0 ? CELL_CONSTANT : column.type === 'string' ? CELL_OWN_STRING : CELL_FIELD;
  }
  for (let i = 0; i < schema.length; i++) {
    const builder = destination.builder.columns[i];
    const text = builder instanceof StringColumnBuilder;
    if (cellKinds[i] === CELL_CONSTANT && text && typeof constants[i] === 'string') cellKinds[i] = CELL_CONSTANT_TEXT;
    else if (cellKinds[i] === CELL_TIME && builder instanceof NumericColumnBuilder) cellKinds[i] = CELL_TIME_NUMBER;
    else if (cellKinds[i] === CELL_LOWER_RESOURCE_ID && text) cellKinds[i] = CELL_LOWER_RESOURCE_ID_TEXT;
  }

  const extraSources: number[] = [];
  const extraColumns: ExtraColumnHandle[] = [];
  const keys = [...topKeys, ...nestedKeys];
  for (let index = 0; index < keys.length; index++) {
    if (!firstSpelling[index] || index === propertiesIndex || used.has(keys[index].toLowerCase())) continue;
    extraSources.push(index);
    extraColumns.push(destination.extras.handleFor(keys[index], index >= topKeys.length));
  }
  return {
    topKeys,
    propertiesIndex,
    nestedKeys,
    timeIndex,
    categoryIndex,
    category,
    resourceIdIndex: sourceOf('resourceid'),
    destination,
    cellKinds,
    cellSources,
    cellTypes: schema.map((c) => c.type),
    constants,
    extraSources: Int32Array.from(extraSources),
    extraColumns,
  };
}
