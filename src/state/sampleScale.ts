/**
 * The `?rows=N` URL parameter: the target number of repository events in the sample,
 * turned into the generator's `scale` (scale 1 produces about 55,500 repository events).
 */

/** Repository events the sample generator produces at scale 1. */
export const REPOSITORY_EVENTS_AT_SCALE_1 = 55_500;

/** The largest scale accepted from the URL (about 5.5 million events), so a typo cannot freeze the tab. */
export const MAX_SAMPLE_SCALE = 100;

/**
 * Reads `rows` from a URL query string (`location.search`) and returns the sample scale,
 * or `undefined` when the parameter is absent or not a positive number (default volume).
 */
export function sampleScaleFromSearch(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('rows');
  if (raw === null || raw.trim() === '') return undefined;
  const rows = Number(raw.replace(/[_,]/g, ''));
  if (!Number.isFinite(rows) || rows <= 0) return undefined;
  return Math.min(rows / REPOSITORY_EVENTS_AT_SCALE_1, MAX_SAMPLE_SCALE);
}
