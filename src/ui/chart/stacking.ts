/**
 * Transformations of pivoted chart rows that Kusto's `render` properties ask for:
 * running totals (`accumulate=true`) and 100 % stacking (`kind=stacked100`). Pure.
 */

/** A pivoted chart row: `x` plus one value per series key. */
export type PivotRow = { readonly x: number | string } & Record<string, number | string | null>;

/** The key under which `normalizeStacked100` keeps a series' original value. */
export function rawValueKey(seriesKey: string): string {
  return `raw:${seriesKey}`;
}

/**
 * Running totals per series, in row order: each value becomes the sum of it and every
 * earlier value of its series. A missing or null value stays missing (it adds nothing).
 */
export function accumulateRows<R extends PivotRow>(rows: readonly R[], keys: readonly string[]): R[] {
  const totals = new Map<string, number>();
  return rows.map((row) => {
    const next: Record<string, number | string | null> = { ...row };
    for (const key of keys) {
      const v = row[key];
      if (typeof v !== 'number') continue;
      const total = (totals.get(key) ?? 0) + v;
      totals.set(key, total);
      next[key] = total;
    }
    return next as R;
  });
}

/**
 * 100 % stacking: each series' value at an x becomes its share, in percent, of the sum of
 * the absolute values of the `keys` series at that x (so the visible series fill 0..100).
 * The original value is kept under `rawValueKey(key)` for tooltips. An x whose values
 * sum to 0 keeps nulls (nothing to divide).
 */
export function normalizeStacked100<R extends PivotRow>(rows: readonly R[], keys: readonly string[]): R[] {
  return rows.map((row) => {
    let sum = 0;
    for (const key of keys) {
      const v = row[key];
      if (typeof v === 'number' && Number.isFinite(v)) sum += Math.abs(v);
    }
    const next: Record<string, number | string | null> = { ...row };
    for (const key of keys) {
      const v = row[key];
      if (typeof v !== 'number') continue;
      next[rawValueKey(key)] = v;
      next[key] = sum === 0 || !Number.isFinite(v) ? null : (Math.abs(v) / sum) * 100;
    }
    return next as R;
  });
}
