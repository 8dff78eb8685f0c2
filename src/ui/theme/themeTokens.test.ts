/**
 * Reads the theme tokens straight from theme.css and checks that text is readable in both
 * themes: WCAG AA (4.5:1) for text on its backgrounds, 3:1 for chart series colours.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SERIES_PALETTES } from '../chart/palette';
import { contrastRatio, parseColor, type Rgb } from './contrast';
import type { ResolvedTheme } from './themePreference';

const css = readFileSync(fileURLToPath(new URL('./theme.css', import.meta.url)), 'utf8');

function tokensOf(theme: ResolvedTheme): Map<string, string> {
  const block = new RegExp(`:root\\[data-theme="${theme}"\\]\\s*\\{([^}]*)\\}`).exec(css);
  if (block === null) throw new Error(`theme.css has no block for ${theme}`);
  const tokens = new Map<string, string>();
  for (const m of block[1].matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) tokens.set(m[1], m[2].trim());
  return tokens;
}

function color(tokens: Map<string, string>, name: string): Rgb {
  const value = tokens.get(name);
  const parsed = value === undefined ? null : parseColor(value);
  if (parsed === null) throw new Error(`token ${name} is missing or not a plain colour: ${value}`);
  return parsed;
}

/** Foreground / background pairs that carry body text somewhere in the app. */
const TEXT_PAIRS: readonly (readonly [string, string])[] = [
  ['--text', '--panel'], ['--text', '--page'], ['--text', '--panel-alt'], ['--text', '--row-alt'], ['--text', '--hover'],
  ['--text', '--error-bg'], ['--text', '--notice-bg'], ['--text', '--chart-tooltip-bg'],
  ['--muted', '--panel'], ['--muted', '--page'], ['--muted', '--hover'], ['--muted', '--panel-alt'],
  ['--accent', '--panel'], ['--accent', '--hover'], ['--error', '--panel'], ['--error', '--error-bg'], ['--warning', '--panel'],
  ['--on-accent', '--accent-fill'], ['--on-accent', '--accent-fill-strong'],
  ['--header-text', '--header-bg'], ['--header-muted', '--header-bg'], ['--header-error', '--header-bg'],
  ['--chart-axis', '--panel'],
  ['--json-key', '--panel'], ['--json-string', '--panel'], ['--json-number', '--panel'],
];

describe.each(['light', 'dark'] as const)('%s theme', (theme) => {
  const tokens = tokensOf(theme);

  it.each(TEXT_PAIRS)('%s on %s reaches 4.5:1', (fg, bg) => {
    expect(contrastRatio(color(tokens, fg), color(tokens, bg))).toBeGreaterThanOrEqual(4.5);
  });

  it('defines the same tokens as the other theme', () => {
    const other = tokensOf(theme === 'light' ? 'dark' : 'light');
    expect([...tokens.keys()].sort()).toEqual([...other.keys()].sort());
  });

  it('draws every chart series at 3:1 or more against the panel', () => {
    const panel = color(tokens, '--panel');
    for (const series of SERIES_PALETTES[theme]) {
      expect(contrastRatio(parseColor(series) as Rgb, panel), series).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('contrastRatio', () => {
  it('is 21 for black on white and 1 for equal colours, and symmetric', () => {
    const black = parseColor('#000') as Rgb;
    const white = parseColor('rgb(255, 255, 255)') as Rgb;
    expect(contrastRatio(black, white)).toBeCloseTo(21, 5);
    expect(contrastRatio(white, white)).toBe(1);
    // #767676 on white is the well-known smallest grey passing AA (4.54:1).
    expect(contrastRatio(parseColor('#767676') as Rgb, white)).toBeCloseTo(4.54, 2);
    expect(contrastRatio(white, parseColor('#767676') as Rgb)).toBeCloseTo(4.54, 2);
  });
});
