/**
 * Series functions that return several columns (a tuple): `series_stats`, `series_fit_line`,
 * `series_periods_detect`, `series_periods_validate`, `series_decompose`,
 * `series_decompose_anomalies`, `series_decompose_forecast`. The plan has one value per call,
 * so the lowering (`syntax/lowerSeriesTuples.ts`) writes one call of the internal kernel
 * `$series_tuple(function, column, args...)` per output column; the kernel computes the
 * function's components as a bag and picks one.
 */
import type { DynamicValue } from '../table/column';
import type { ScalarKernel } from './kernel';
import { mapDynamic } from './dynamicAccess';
import { elementNumber, seriesStats } from './series';
import { fitLine } from './seriesAnalysis';
import { detectPeriods, validatePeriods } from './seriesPeriods';
import { decomposeAnomaliesTuple, decomposeForecastTuple, decomposeTuple } from './seriesDecompose';
import { fitPoly, fitTwoLines } from './seriesFit';
import { seriesFourier } from './seriesFourier';

/** The internal function behind the multi-column forms. */
export const SERIES_TUPLE_FUNCTION = '$series_tuple';

type Components = { readonly [column: string]: DynamicValue };

/** A multi-column function: its columns in the binder's order, and its components for one row's arguments. */
interface TupleFunction {
  readonly columns: readonly string[];
  readonly compute: (series: readonly DynamicValue[], rest: readonly DynamicValue[]) => Components | null;
}

const numberOrNull = (v: DynamicValue | undefined): number | null => (v === undefined ? null : elementNumber(v));

/** A bag-valued `_dynamic` result as components (null stays null). */
function asComponents(value: DynamicValue): Components | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : null;
}

const TUPLE_FUNCTIONS: Readonly<Record<string, TupleFunction>> = {
  series_stats: {
    columns: ['min', 'min_idx', 'max', 'max_idx', 'avg', 'stdev', 'variance'],
    compute: (s, [ignore]) => asComponents(seriesStats(s, ignore === true)),
  },
  series_fit_line: {
    columns: ['rsquare', 'slope', 'variance', 'rvariance', 'interception', 'line_fit'],
    compute: (s) => asComponents(fitLine(s)),
  },
  series_periods_detect: {
    columns: ['periods', 'scores'],
    compute: (s, [min, max, count]) => {
      const bounds = [numberOrNull(min), numberOrNull(max), numberOrNull(count)];
      if (bounds.some((b) => b === null)) return null;
      const [low, high, size] = bounds as number[];
      return { ...detectPeriods(s, low, high, size) };
    },
  },
  series_periods_validate: {
    columns: ['periods', 'scores'],
    compute: (s, periods) => ({ ...validatePeriods(s, periods.map((p) => numberOrNull(p))) }),
  },
  series_decompose: { columns: ['baseline', 'seasonal', 'trend', 'residual'], compute: decomposeTuple },
  series_decompose_anomalies: { columns: ['ad_flag', 'ad_score', 'baseline'], compute: decomposeAnomaliesTuple },
  series_decompose_forecast: { columns: ['baseline', 'seasonal', 'trend', 'residual'], compute: decomposeForecastTuple },
  series_fit_2lines: {
    columns: ['rsquare', 'split_idx', 'variance', 'rvariance', 'line_fit', 'right_rsquare', 'right_slope', 'right_interception',
      'right_variance', 'right_rvariance', 'left_rsquare', 'left_slope', 'left_interception', 'left_variance', 'left_rvariance'],
    compute: (s) => asComponents(fitTwoLines(s)),
  },
  series_fit_poly: {
    columns: ['rsquare', 'coefficients', 'variance', 'rvariance', 'poly_fit'],
    compute: (s, [x, degree]) => asComponents(fitPoly(s, x ?? null, degree ?? null)),
  },
  series_fft: { columns: ['real', 'imag'], compute: (s, [imaginary]) => seriesFourier(s, imaginary, false) },
  series_ifft: { columns: ['real', 'imag'], compute: (s, [imaginary]) => seriesFourier(s, imaginary, true) },
};

/** The columns of each multi-column series function, in the binder's order (a component name each). */
export const SERIES_TUPLE_COLUMNS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(TUPLE_FUNCTIONS).map(([name, fn]) => [name, fn.columns]),
);

/** `$series_tuple(function, column, series, args...)`: one column of a multi-column series function. */
const seriesTuple: ScalarKernel = (args, call, ctx) => mapDynamic(args, call.type, ctx, ([fn, column, s, ...rest]) => {
  const tuple = typeof fn === 'string' ? TUPLE_FUNCTIONS[fn] : undefined;
  if (tuple === undefined || !Array.isArray(s) || typeof column !== 'string') return null;
  const value = tuple.compute(s, rest)?.[column] ?? null;
  // Why: the `_dynamic` forms keep NaN/infinities as text inside the bag; a real column takes the number.
  return typeof value === 'string' && call.type !== 'dynamic' ? elementNumber(value) : value;
});

/** The internal kernel, by its name, for the function registry. */
export const SERIES_TUPLE_FUNCTIONS: Readonly<Record<string, ScalarKernel>> = {
  [SERIES_TUPLE_FUNCTION]: seriesTuple,
};
