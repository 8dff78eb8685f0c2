import type { NumericType, ScalarType, TextType } from '../types/scalarType';

/**
 * A column of a numeric KQL type. Every numeric type shares one storage:
 * - bool: 0 / 1
 * - int, long, real, decimal: the number itself
 * - datetime: 100 ns ticks since 2020-01-01T00:00:00Z (`DATETIME_BASE_MS`: exact to the tick 1991-2048)
 * - timespan: 100 ns ticks
 * `nulls[i] === 1` marks row i null; `nulls === null` means no nulls.
 *
 * A `long` column some of whose values lie beyond ±(2^53 - 1) (hashes, .NET ticks, overflowing
 * arithmetic) also carries `exact`: every row's exact 64-bit value. Its `data` then holds those
 * values rounded to doubles (what a conversion to `real` gives), so code that reads `data` stays
 * right wherever a double is meant; everything that needs the integer itself reads `exact`
 * (`table/exactLong.ts`), and the evaluator refuses such columns elsewhere ("not supported yet").
 */
export interface NumericColumn {
  readonly kind: 'number';
  readonly type: NumericType;
  readonly data: Float64Array;
  readonly nulls: Uint8Array | null;
  readonly length: number;
  readonly exact?: BigInt64Array;
}

/**
 * A dictionary-encoded column of strings (or guids, kept as lower-case text).
 * Row i holds `dict[codes[i]]`. For `guid`, code -1 is null; `string` has no null
 * (Kusto's empty string stands for it), so its codes are never negative.
 * Dictionary entries are unique within one column.
 */
export interface StringColumn {
  readonly kind: 'string';
  readonly type: TextType;
  readonly codes: Int32Array;
  readonly dict: readonly string[];
  readonly length: number;
}

/** A column of `dynamic` values: parsed JSON (null, boolean, number, string, array, object). */
export interface DynamicColumn {
  readonly kind: 'dynamic';
  readonly type: 'dynamic';
  readonly values: readonly DynamicValue[];
  readonly length: number;
}

/** A JSON-like value as held by a `dynamic` column. */
export type DynamicValue = null | boolean | number | string | DynamicValue[] | { [key: string]: DynamicValue };

/** One typed column; discriminate on `kind`. */
export type Column = NumericColumn | StringColumn | DynamicColumn;

/** A column's name and KQL type. */
export interface ColumnSchema {
  readonly name: string;
  readonly type: ScalarType;
}
