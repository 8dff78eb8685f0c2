/**
 * Series colours: distinct, readable on white, in the order series are drawn
 * (close to the Azure portal's chart palette). Cycles past the end.
 */
const SERIES_COLORS: readonly string[] = [
  '#0078d4', '#e3008c', '#2aa0a4', '#ff8c00', '#8764b8', '#00a300',
  '#d13438', '#4f6bed', '#986f0b', '#038387', '#c239b3', '#6b6b6b',
];

/** The colour of the series drawn `index`-th. */
export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length];
}

/** The class names that make each drawn series findable (end-to-end tests count `.chart-series`). */
export function seriesClassName(index: number): string {
  return `chart-series chart-series--${index}`;
}
