/**
 * Series colours per theme: distinct, in the order series are drawn (close to the Azure
 * portal's chart palette), each at least 3:1 against its theme's panel background
 * (WCAG 1.4.11, checked by `palette.test.ts`). Cycles past the end.
 */
import type { ResolvedTheme } from '../theme/themePreference';

/** The series colours of each theme. */
export const SERIES_PALETTES: Readonly<Record<ResolvedTheme, readonly string[]>> = {
  light: [
    '#0078d4', '#e3008c', '#00838a', '#c85a00', '#8764b8', '#0b7a0b',
    '#d13438', '#4f6bed', '#986f0b', '#005b70', '#c239b3', '#6b6b6b',
  ],
  dark: [
    '#4ca9ff', '#ff6fc8', '#4cc9cd', '#ffa94d', '#b197fc', '#5fd35f',
    '#ff6b6e', '#8da2ff', '#d6b25e', '#3fc1c5', '#e07ce0', '#b3b3b3',
  ],
};

/** The colour of the series drawn `index`-th in `theme`. */
export function seriesColor(index: number, theme: ResolvedTheme = 'light'): string {
  const palette = SERIES_PALETTES[theme];
  return palette[index % palette.length];
}

/** The class names that make each drawn series findable (end-to-end tests count `.chart-series`). */
export function seriesClassName(index: number): string {
  return `chart-series chart-series--${index}`;
}
