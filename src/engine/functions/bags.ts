/**
 * Property-bag builders: `bag_zip(keys, values)` (bag-zip.md) and `bag_pack_columns(c1, c2, ...)`
 * (bag-pack-columns-function.md).
 */
import type { DynamicValue } from '../table/column';
import { EngineFailure, unsupported } from '../errors';
import type { ScalarKernel } from './kernel';
import { mapDynamic } from './dynamicAccess';

type Bag = { [key: string]: DynamicValue };

/**
 * `bag_zip(keys, values)`: key i takes value i; keys past the values get null, values past the
 * keys are dropped, keys that are not strings are skipped. Null when `keys` is not an array;
 * `values` that are not an array give every key null (bag-zip.md's examples).
 */
export function bagZip(keys: DynamicValue, values: DynamicValue): Bag | null {
  if (!Array.isArray(keys)) return null;
  const list = Array.isArray(values) ? values : [];
  const out: Bag = {};
  keys.forEach((key, i) => {
    if (typeof key === 'string') out[key] = list[i] ?? null;
  });
  return out;
}

const bagPackColumns: ScalarKernel = (args, call, ctx) => {
  // The property names are the argument columns' names, which the plan's call keeps.
  const names = call.args.map((arg) => {
    if (arg.kind !== 'column') throw new EngineFailure(unsupported('bag_pack_columns of an expression', arg.span));
    return arg.name;
  });
  return mapDynamic(args, call.type, ctx, (values) => {
    const out: Bag = {};
    names.forEach((name, i) => {
      out[name] = values[i];
    });
    return out;
  });
};

/** The internal kernel of `pack_all()` (see `syntax/lowerPackAll.ts`): `$pack_all(ignore_null_empty, c1, ..., cN)`. */
export const PACK_ALL_FUNCTION = '$pack_all';

const packAll: ScalarKernel = (args, call, ctx) => {
  const names = call.args.slice(1).map((arg) => (arg.kind === 'column' ? arg.name : ''));
  return mapDynamic(args, call.type, ctx, ([ignore, ...values]) => {
    const out: Bag = {};
    names.forEach((name, i) => {
      const v = values[i];
      // `pack_all(true)` leaves out null and empty values (pack-all-function.md).
      if (ignore === true && (v === null || v === '')) return;
      out[name] = v;
    });
    return out;
  });
};

/** The bag builders by Kusto name. */
export const BAG_FUNCTIONS: Readonly<Record<string, ScalarKernel>> = {
  bag_zip: (args, call, ctx) => mapDynamic(args, call.type, ctx, ([keys, values]) => bagZip(keys, values)),
  bag_pack_columns: bagPackColumns,
  [PACK_ALL_FUNCTION]: packAll,
};
