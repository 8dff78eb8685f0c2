/**
 * `array_sort_asc(a1, a2, ..., [nulls_last])` / `array_sort_desc(...)` with several arrays
 * (array-sort-asc-function.md): the first array is sorted, every other array is reordered to
 * match, and an array whose length differs from the first one gives null. Kusto returns one
 * column per array; the plan has one value per call, so each column is one call of the
 * internal kernel `$array_sort_column(fn, k, a1, ..., aN[, nulls_last])`, picking array `k`
 * (the lowering writes it; no KQL text can spell the name).
 */
import type { DynamicValue } from '../table/column';
import { compareDynamic } from '../types/dynamicValue';
import type { ScalarKernel } from './kernel';
import { mapDynamic } from './dynamicAccess';

/** The internal kernel's name. */
export const ARRAY_SORT_COLUMN_FUNCTION = '$array_sort_column';

/** The functions whose several-array form yields one column per array. */
export const ARRAY_SORT_FUNCTIONS: ReadonlySet<string> = new Set(['array_sort_asc', 'array_sort_desc']);

/**
 * The order that sorts `first` (stable; nulls after the values when `nullsLast`, else before),
 * as positions into `first`.
 */
export function sortPermutation(first: readonly DynamicValue[], descending: boolean, nullsLast: boolean): number[] {
  const positions = first.map((_, i) => i);
  const values = positions.filter((i) => first[i] !== null);
  const nulls = positions.filter((i) => first[i] === null);
  values.sort((a, b) => (descending ? compareDynamic(first[b], first[a]) : compareDynamic(first[a], first[b])) || a - b);
  return nullsLast ? [...values, ...nulls] : [...nulls, ...values];
}

/**
 * Array `k` of `arrays` reordered by the permutation that sorts `arrays[0]`; null when it is not
 * an array, or its length differs from the first array's.
 */
export function sortedColumn(arrays: readonly DynamicValue[], k: number, descending: boolean, nullsLast: boolean): DynamicValue {
  const first = arrays[0];
  const target = arrays[k];
  if (!Array.isArray(first) || !Array.isArray(target) || target.length !== first.length) return null;
  return sortPermutation(first, descending, nullsLast).map((i) => target[i]);
}

const arraySortColumn: ScalarKernel = (args, call, ctx) =>
  mapDynamic(args, call.type, ctx, ([fn, k, ...rest]) => {
    // A trailing bool is `nulls_last`; every other argument is an array.
    const last = rest[rest.length - 1];
    const hasFlag = typeof last === 'boolean' || (last === null && args[args.length - 1].type === 'bool');
    const arrays = hasFlag ? rest.slice(0, -1) : rest;
    const nullsLast = hasFlag ? last !== false : true;
    return typeof k === 'number' ? sortedColumn(arrays, k, fn === 'array_sort_desc', nullsLast) : null;
  });

/** The internal kernel, for the registry. */
export const ARRAY_SORT_COLUMN_FUNCTIONS: Readonly<Record<string, ScalarKernel>> = {
  [ARRAY_SORT_COLUMN_FUNCTION]: arraySortColumn,
};
