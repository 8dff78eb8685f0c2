/**
 * `make-series aggs [default=v] on axis from a to b step s by keys` (make-series-operator.md).
 *
 * Rows whose axis falls inside the series range are kept; each row gets a bin index (a number,
 * not a binned column); the `by` keys become group ids (as in `summarize`), and every aggregate
 * runs once over the (group, bin) cells that have rows, through the ordinary aggregate protocol.
 * Each group then becomes one row: its keys, one dynamic array per aggregate (cells without rows
 * hold the aggregate's default, 0 unless given) and the axis values as an array.
 *
 * Range forms (both documented):
 * - `from a to b step s`: bins are `bin_at(axis, s, a)`; `b` is exclusive, so there are
 *   ceil((b - a) / s) bins. A missing `from` is the bin of the smallest axis value, a missing
 *   `to` the end of the bin of the largest one — taken over the whole input, so every series
 *   of one result shares one axis (the arrays line up).
 * - `in range(a, b, s)`: bins are `bin(axis, s)` from `bin(a, s)` to `bin(b, s)`, inclusive.
 *
 * Choices where the page is silent: a group whose rows all fall outside the range gives no
 * row; in the `in range` form a value below `a` whose bin is `bin(a, s)` is counted in it.
 */
import type { Expr, MakeSeriesOperator } from '../plan';
import type { Column, DynamicValue, NumericColumn } from '../table/column';
import type { SourceSpan } from '../errors';
import { EngineFailure, runtimeError, unsupported } from '../errors';
import { evaluate } from '../functions/evaluate';
import { POLL_MASK, at, pollCancel } from '../functions/vector';
import { binValue } from '../functions/datetime';
import { dynamicFromCell } from '../types/dynamicValue';
import { nullColumn } from '../table/gather';
import { formatDatetime } from '../types/datetime';
import { AGGREGATES } from '../aggregates/registry';
import type { RelColumn, Relation, RunContext } from './relation';
import { columnSource, selectPositions } from './relation';
import { groupByExprs, groupKeyColumns } from './summarize';

/** The largest series Kusto builds (make-series-operator.md: 2^20 values). */
export const MAX_SERIES_LENGTH = 1 << 20;

/** The bins of one make-series run: `count` bins starting at `start`, each `step` wide. */
export interface SeriesBins {
  readonly start: number;
  readonly step: number;
  readonly count: number;
  /** Bin of an axis value, or -1 when the value lies outside the series. */
  readonly binOf: (value: number) => number;
}

/** A constant expression (`from`, `to`, `step`, `default=`) evaluated once, without input rows. */
function constantColumn(expr: Expr, run: RunContext): Column {
  return evaluate(expr, columnSource({ rowCount: 1, columns: [] }, run));
}

function constantNumber(expr: Expr, run: RunContext, what: string): number | null {
  const value = at(constantColumn(expr, run), 0);
  if (value === null) return null;
  if (typeof value !== 'number') throw new EngineFailure(runtimeError(`make-series: ${what} must be a number, datetime or timespan`, expr.span));
  return value;
}

/** Smallest and largest non-null value of a numeric vector (NaN when there is none). */
function extent(axis: NumericColumn, rowCount: number): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < rowCount; i++) {
    const r = axis.length === 1 ? 0 : i;
    if (axis.nulls !== null && axis.nulls[r] === 1) continue;
    const v = axis.data[r];
    if (Number.isNaN(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? { min, max } : { min: NaN, max: NaN };
}

/**
 * The series bins of `spec` over the axis values (see the module comment for both forms).
 * Throws `E_RUNTIME` for a step that is not positive or a series longer than 2^20.
 */
export function seriesBins(form: MakeSeriesOperator['axis']['form'], axis: NumericColumn, rowCount: number, from: number | null, to: number | null, step: number | null, span: SourceSpan): SeriesBins {
  if (step === null || !(step > 0)) throw new EngineFailure(runtimeError('make-series: the step must be greater than zero', span));
  const isDatetime = axis.type === 'datetime';
  const bin = (v: number): number => binValue(v, step, isDatetime);
  let start: number;
  let count: number;
  let end = Infinity;
  if (form === 'inRange') {
    if (from === null || to === null) return { start: 0, step, count: 0, binOf: () => -1 };
    start = bin(from);
    count = to < from ? 0 : Math.round((bin(to) - start) / step) + 1;
  } else {
    const needExtent = from === null || to === null;
    const { min, max } = needExtent ? extent(axis, rowCount) : { min: NaN, max: NaN };
    start = from ?? bin(min);
    end = to ?? Math.floor((max - start) / step) * step + start + step;
    count = Number.isNaN(start) || Number.isNaN(end) || end <= start ? 0 : Math.ceil((end - start) / step);
  }
  if (count > MAX_SERIES_LENGTH) throw new EngineFailure(runtimeError(`make-series: the series would have ${count} values; the limit is ${MAX_SERIES_LENGTH}`, span));
  const first = start;
  const last = end;
  const binOf = form === 'inRange'
    ? (v: number): number => {
      const b = Math.round((bin(v) - first) / step);
      return b >= 0 && b < count ? b : -1;
    }
    : (v: number): number => {
      if (!(v >= first) || !(v < last)) return -1;
      const b = Math.floor((v - first) / step);
      return b < count ? b : -1;
    };
  return { start, step, count, binOf };
}

/** Bin index of every row (-1: null axis or outside the series). */
function rowBins(axis: NumericColumn, rowCount: number, bins: SeriesBins, run: RunContext): Int32Array {
  const out = new Int32Array(rowCount);
  for (let i = 0; i < rowCount; i++) {
    if ((i & POLL_MASK) === 0) pollCancel(run.cancel);
    const r = axis.length === 1 ? 0 : i;
    out[i] = axis.nulls !== null && axis.nulls[r] === 1 ? -1 : bins.binOf(axis.data[r]);
  }
  return out;
}

/** Dense cell ids for (group, bin) pairs that have rows; `cellOf(g, b)` is -1 for empty cells. */
function cellIds(groupIds: Int32Array, binOfRow: Int32Array, groupCount: number, binCount: number): { ids: Int32Array; count: number; cellOf: (g: number, b: number) => number } {
  const n = groupIds.length;
  const ids = new Int32Array(n);
  let count = 0;
  const size = groupCount * binCount;
  if (size <= 1 << 24) {
    const table = new Int32Array(size).fill(-1);
    for (let i = 0; i < n; i++) {
      const key = groupIds[i] * binCount + binOfRow[i];
      if (table[key] < 0) table[key] = count++;
      ids[i] = table[key];
    }
    return { ids, count, cellOf: (g, b) => table[g * binCount + b] };
  }
  // Why a map: many groups times long series would make the dense table too large.
  const map = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const key = groupIds[i] * binCount + binOfRow[i];
    let id = map.get(key);
    if (id === undefined) {
      id = count++;
      map.set(key, id);
    }
    ids[i] = id;
  }
  return { ids, count, cellOf: (g, b) => map.get(g * binCount + b) ?? -1 };
}

function dynamicColumn(values: DynamicValue[]): Column {
  return { kind: 'dynamic', type: 'dynamic', values, length: values.length };
}

/** Applies `make-series`. */
export function applyMakeSeries(relation: Relation, spec: MakeSeriesOperator, run: RunContext, span: SourceSpan): Relation {
  const impls = spec.aggregates.map(({ call }) => {
    const impl = AGGREGATES.get(call.fn);
    if (impl === undefined) throw new EngineFailure(unsupported(`aggregate ${call.fn}()`, call.span));
    return impl;
  });
  const source = columnSource(relation, run);
  const axisColumn = evaluate(spec.axis.expr, source);
  if (axisColumn.kind !== 'number') throw new EngineFailure(runtimeError('make-series: the axis must be numeric, datetime or timespan', spec.axis.expr.span));
  const constant = (e: Expr | null, what: string): number | null => (e === null ? null : constantNumber(e, run, what));
  const bins = seriesBins(
    spec.axis.form, axisColumn, relation.rowCount,
    constant(spec.axis.from, 'from'), constant(spec.axis.to, 'to'), constant(spec.axis.step, 'step'), span,
  );
  const binOfRow = rowBins(axisColumn, relation.rowCount, bins, run);
  let kept = 0;
  for (let i = 0; i < binOfRow.length; i++) if (binOfRow[i] >= 0) kept++;
  const positions = new Int32Array(kept);
  const keptBins = new Int32Array(kept);
  for (let i = 0, k = 0; i < binOfRow.length; i++) {
    if (binOfRow[i] < 0) continue;
    positions[k] = i;
    keptBins[k++] = binOfRow[i];
  }
  const rows = selectPositions(relation, positions);
  const grouping = groupByExprs(rows, spec.by, run);
  const noRows = kept === 0;
  // Without `by`, an empty input gives no series unless `kind=nonempty` asks for one of defaults.
  const groupCount = noRows ? (spec.nonEmpty && spec.by.length === 0 ? 1 : 0) : grouping.groupCount;
  const cells = cellIds(grouping.groupIds, keptBins, groupCount, bins.count);
  const rowSource = columnSource(rows, run);
  const columns: RelColumn[] = noRows
    ? spec.by.map((k) => ({ name: k.name, data: nullColumn(k.expr.type, groupCount), rows: null }))
    : groupKeyColumns(rows, spec.by, grouping, run);
  spec.aggregates.forEach(({ call, defaultValue }, k) => {
    pollCancel(run.cancel);
    const impl = impls[k];
    const args = call.args.map((a) => evaluate(a, rowSource));
    const state: unknown = impl.init(cells.count);
    impl.add(state, cells.ids, kept, args, run.cancel);
    const result = impl.result(state, cells.count, call.type);
    const fill = defaultValue === null ? 0 : dynamicFromCell(constantColumn(defaultValue, run), 0);
    const arrays: DynamicValue[] = new Array<DynamicValue>(groupCount);
    for (let g = 0; g < groupCount; g++) {
      const series = new Array<DynamicValue>(bins.count);
      for (let b = 0; b < bins.count; b++) {
        const cell = cells.cellOf(g, b);
        series[b] = cell < 0 ? fill : dynamicFromCell(result, cell);
      }
      arrays[g] = series;
    }
    columns.push({ name: call.name, data: dynamicColumn(arrays), rows: null });
  });
  const axisValues: NumericColumn = {
    kind: 'number', type: axisColumn.type, length: bins.count, nulls: null,
    data: Float64Array.from({ length: bins.count }, (_, b) => bins.start + b * bins.step),
  };
  // The axis of datetimes prints with seven fraction digits, as make-series-operator.md shows it.
  const axisArray: DynamicValue[] = Array.from({ length: bins.count }, (_, b) =>
    (axisValues.type === 'datetime' ? formatDatetime(axisValues.data[b]) : dynamicFromCell(axisValues, b)));
  columns.push({ name: spec.axis.name, data: dynamicColumn(new Array<DynamicValue>(groupCount).fill(axisArray)), rows: null });
  return { rowCount: groupCount, columns };
}
