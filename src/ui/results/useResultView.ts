/**
 * The rows the grid shows for one result table: the run's own (capped) rows, or — when the
 * user sorts or searches — the rows the worker computes over the WHOLE kept result.
 */
import { useEffect, useState } from 'react';
import type { ResultTable } from '../../engine';
import type { ResultSort, ResultTotal } from '../../worker/protocol';
import { useAppStore } from '../../state';
import { messageOf } from '../../state/dataClient';

/** Wait after the last keystroke of a search before asking the worker. */
const SEARCH_DEBOUNCE_MS = 200;

/** What the grid shows. */
export interface ShownRows {
  readonly table: ResultTable;
  readonly total: ResultTotal;
  /** True while the worker computes a newer view (the previous rows stay shown). */
  readonly pending: boolean;
  readonly error: string | null;
}

/** The rows of `base` (table `tableIndex` of result `resultId`) under `sort` and `search`. */
export function useResultView(
  resultId: number | undefined,
  tableIndex: number,
  base: ResultTable,
  baseTotal: ResultTotal,
  sort: ResultSort | null,
  search: string,
): ShownRows {
  const client = useAppStore((s) => s.client);
  const [view, setView] = useState<{ key: string; table: ResultTable; total: ResultTotal } | null>(null);
  const [error, setError] = useState<{ key: string; message: string } | null>(null);
  const trimmed = search.trim();
  const identity = sort === null && trimmed === '';
  const key = `${resultId}:${tableIndex}:${sort === null ? '-' : `${sort.column}${sort.descending ? 'd' : 'a'}`}:${trimmed}`;

  useEffect(() => {
    if (identity || resultId === undefined || client.viewResult === undefined) return;
    const viewResult = client.viewResult.bind(client);
    let stale = false;
    const timer = setTimeout(
      () => {
        viewResult(resultId, tableIndex, { sort, search: trimmed }).then(
          (reply) => {
            if (!stale) setView({ key, table: reply.table, total: reply.total });
          },
          (reason: unknown) => {
            if (!stale) setError({ key, message: messageOf(reason) });
          },
        );
      },
      trimmed === '' ? 0 : SEARCH_DEBOUNCE_MS,
    );
    return () => {
      stale = true;
      clearTimeout(timer);
    };
    // `key` encodes sort and search; the objects themselves change identity on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, identity, client]);

  if (identity) return { table: base, total: baseTotal, pending: false, error: null };
  const current = view !== null && view.key === key;
  const failed = error !== null && error.key === key ? error.message : null;
  if (view === null) return { table: base, total: baseTotal, pending: failed === null, error: failed };
  return { table: view.table, total: view.total, pending: !current && failed === null, error: failed };
}
