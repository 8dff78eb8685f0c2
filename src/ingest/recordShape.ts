/**
 * The fast path of resource-log ingest: records laid out like an earlier one.
 *
 * Why: the records of one file almost always list the same keys in the same order (at the top
 * level and in `properties`). Once the general mapper (`RecordRowMapper`) has loaded such a
 * record, its layout (a "shape") says, once, which value goes to which column and which
 * fields are extra. A later record with the same keys in the same order is then written
 * straight from its values: one pass over its keys (JSON.parse gives keys as interned strings,
 * so comparing them is a pointer comparison), no per-record field lookup, no per-column
 * search. Anything the shape does not settle (another key order, a `properties` that is not an
 * object, a time that does not parse, another category) returns false, and the caller maps
 * the record the general way, which also reports why a record is skipped. Both paths read the
 * column rules of `logColumnRules.ts`; `recordShape.test.ts` and `rowCollector.test.ts` check they load the same rows.
 */
import { appendValue } from '../engine/table/builder';
import type { NumericColumnBuilder, StringColumnBuilder } from '../engine/table/builder';
import type { ScalarType } from '../engine/types/scalarType';
import { coerceCell, TimestampReader } from './coerce';
import { isJsonObject } from './fieldLookup';
import type { JsonObject } from './fieldLookup';
import type { RecordShape, ShapeDestination } from './recordShapePlan';
import {
  CELL_CONSTANT,
  CELL_CONSTANT_TEXT,
  CELL_FIELD,
  CELL_LOWER_RESOURCE_ID,
  CELL_LOWER_RESOURCE_ID_TEXT,
  CELL_OWN_STRING,
  CELL_TIME,
  CELL_TIME_NUMBER,
  shapeOf,
} from './recordShapePlan';

export type { ShapeDestination } from './recordShapePlan';

/** Shapes kept at once (a file may interleave a few layouts, e.g. two categories). */
const MAX_SHAPES = 4;

/**
 * Writes records of known shapes straight into their table's builders. Learn shapes from
 * records the general mapper loaded (`learn`), then offer each record to `tryWrite` first.
 */
export class ShapedRecordWriter {
  private readonly shapes: RecordShape[] = [];
  /** Values of the record being written, by value index (reused: no array per record). */
  private readonly values: unknown[] = [];
  private readonly times = new TimestampReader();
  private lastResourceId = '';
  private lastLowerResourceId = '';
  private written = 0;
  private learned = 0;

  /** Rows written by the fast path. */
  get rowsWritten(): number {
    return this.written;
  }

  /** Appends `record` when it has a known shape and returns true; false: map it the general way. */
  tryWrite(record: unknown): boolean {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) return false;
    for (const shape of this.shapes) {
      if (this.readValues(record as JsonObject, shape)) return this.write(shape);
    }
    return false;
  }

  /**
   * Learns the shape of `record`, which the general mapper has just loaded as a row of
   * `table` (a table reached through `category`, whose rows go to `destination`). Layouts the
   * fast path cannot settle once for all are not learnt.
   */
  learn(record: unknown, table: string, schema: readonly { readonly name: string; readonly type: ScalarType }[], destination: ShapeDestination): void {
    // Why a budget: a file whose every record has a new layout would pay for learning each time.
    if (this.learned > 16 + this.written / 16) return;
    if (!isJsonObject(record)) return;
    const shape = shapeOf(record, table, schema, destination);
    if (shape === null) return;
    this.learned++;
    if (this.shapes.length >= MAX_SHAPES) this.shapes.pop();
    this.shapes.unshift(shape);
  }

  /** Reads the record's values into `values` when its keys are the shape's, in order. */
  private readValues(record: JsonObject, shape: RecordShape): boolean {
    const values = this.values;
    const topKeys = shape.topKeys;
    let index = 0;
    for (const key in record) {
      if (index === topKeys.length || key !== topKeys[index]) return false;
      values[index++] = record[key];
    }
    if (index !== topKeys.length) return false;
    if (shape.propertiesIndex < 0) return true;
    const bag = values[shape.propertiesIndex];
    if (!isJsonObject(bag)) return false;
    const nestedKeys = shape.nestedKeys;
    let nested = 0;
    for (const key in bag) {
      if (nested === nestedKeys.length || key !== nestedKeys[nested]) return false;
      values[index + nested++] = bag[key];
    }
    return nested === nestedKeys.length;
  }

  private write(shape: RecordShape): boolean {
    const values = this.values;
    const time = values[shape.timeIndex];
    if (typeof time !== 'string' || values[shape.categoryIndex] !== shape.category) return false;
    const ticks = this.times.read(time);
    if (ticks === null) return false;
    const builder = shape.destination.builder;
    const row = builder.rowCount;
    const columns = builder.columns;
    const { cellKinds, cellSources, cellTypes, constants } = shape;
    for (let i = 0; i < cellKinds.length; i++) {
      const column = columns[i];
      switch (cellKinds[i]) {
        case CELL_OWN_STRING: {
          const value = values[cellSources[i]];
          if (typeof value === 'string') (column as StringColumnBuilder).append(value);
          else appendValue(column, coerceCell(value, 'string'));
          break;
        }
        case CELL_FIELD:
          appendValue(column, coerceCell(values[cellSources[i]], cellTypes[i]));
          break;
        case CELL_CONSTANT:
          appendValue(column, constants[i]);
          break;
        case CELL_TIME:
          appendValue(column, ticks);
          break;
        case CELL_LOWER_RESOURCE_ID:
          appendValue(column, this.lowerResourceId(shape.resourceIdIndex < 0 ? undefined : values[shape.resourceIdIndex]));
          break;
        case CELL_CONSTANT_TEXT:
          (column as StringColumnBuilder).append(constants[i] as string);
          break;
        case CELL_TIME_NUMBER:
          (column as NumericColumnBuilder).append(ticks);
          break;
        case CELL_LOWER_RESOURCE_ID_TEXT:
          (column as StringColumnBuilder).append(this.lowerResourceId(shape.resourceIdIndex < 0 ? undefined : values[shape.resourceIdIndex]));
          break;
        default:
          throw new Error(`unknown cell kind ${cellKinds[i]}`);
      }
    }
    const { extraSources, extraColumns } = shape;
    for (let k = 0; k < extraSources.length; k++) extraColumns[k].set(row, values[extraSources[k]]);
    this.written++;
    return true;
  }

  /** The resource ID lower-case. Why a one-entry cache: a file's records almost always share one. */
  private lowerResourceId(value: unknown): string {
    const id = typeof value === 'string' ? value : '';
    if (id !== this.lastResourceId) {
      this.lastResourceId = id;
      this.lastLowerResourceId = id.toLowerCase();
    }
    return this.lastLowerResourceId;
  }
}
