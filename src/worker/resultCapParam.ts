/**
 * TEST HOOK: the `?resultCap=N` URL parameter lowers the number of rows the worker sends per
 * result table (Kusto's 500,000 otherwise), so end-to-end tests can see the "Showing N of M
 * rows" notice and export past the cap without generating half a million rows.
 */

/** The row cap asked for by `search` (`location.search`), or undefined when absent or invalid. */
export function resultCapFromSearch(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('resultCap');
  if (raw === null || raw.trim() === '') return undefined;
  const cap = Number(raw.replace(/[_,]/g, ''));
  return Number.isInteger(cap) && cap > 0 ? cap : undefined;
}
