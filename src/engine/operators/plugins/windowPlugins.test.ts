import { describe, expect, it } from 'vitest';
import { runQuery } from '../../index';
import { tableFromRows } from '../../table/builder';
import { catalogOf } from '../../table/table';
import type { CellValue } from '../../table/rows';
import { rowsOf } from '../../table/rows';
import { formatDatetime } from '../../types/datetime';
import { seededRandom } from '../../testing/seededRandom';

// Random events for the reference checks: an id, a long timeline, a dimension and a value.
const random = seededRandom(20260321);
const EVENT_ROWS = Array.from({ length: 2500 }, () => [
  `id${Math.floor(random() * 40)}`,
  Math.floor(random() * 1000) - 100,
  random() < 0.5 ? 'p' : random() < 0.5 ? 'q' : 'r',
  Math.floor(random() * 500),
]);
const CATALOG = catalogOf([
  tableFromRows('E', [
    { name: 'Id', type: 'string' }, { name: 'T', type: 'long' }, { name: 'D', type: 'string' }, { name: 'V', type: 'long' },
  ], EVENT_ROWS),
]);
type Event = { id: string; t: number; d: string; v: number };
const EVENTS: Event[] = EVENT_ROWS.map(([id, t, d, v]) => ({ id: id as string, t: t as number, d: d as string, v: v as number }));

function run(text: string): { columns: string[]; rows: CellValue[][] } {
  const outcome = runQuery(text, CATALOG, { now: Date.UTC(2024, 0, 1) });
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  const table = outcome.tables[0];
  return { columns: table.columns.map((c) => `${c.name}:${c.type}`), rows: rowsOf(table) };
}

function errorOf(text: string): string {
  const outcome = runQuery(text, CATALOG, { now: Date.UTC(2024, 0, 1) });
  return outcome.ok ? 'ok' : `${outcome.error.code}: ${outcome.error.message}`;
}

/** Rows with datetimes as ISO text, sorted, for order-free comparison. */
function normalized(rows: CellValue[][], datetimeColumns: readonly number[] = []): string[] {
  return rows.map((r) => JSON.stringify(r.map((v, i) => (datetimeColumns.includes(i) && typeof v === 'number' ? formatDatetime(v) : v)))).sort();
}

function sortedText(rows: unknown[][]): string[] {
  return rows.map((r) => JSON.stringify(r)).sort();
}

const DIMS = ['p', 'q', 'r'];

describe('the pages\' examples', () => {
  const rollingInput = `let T = range idx from 0 to 24 * 10 - 1 step 1
    | project Timestamp = datetime(2018-01-01) + 1h * idx, val=idx + 1
    | extend EvenOrOdd = iff(val % 2 == 0, "Even", "Odd");
    T`;
  const days = (n: number): string => `2018-01-${String(n).padStart(2, '0')}T00:00:00.0000000Z`;

  it('rolling_percentile: a 3-day median per day', () => {
    const { columns, rows } = run(`${rollingInput} | evaluate rolling_percentile(val, 50, Timestamp, 1d, 3)`);
    expect(columns).toEqual(['Timestamp:datetime', 'rolling_3_percentile_val_50:long']);
    const expected = [12, 24, 36, 60, 84, 108, 132, 156, 180, 204].map((v, i) => [days(i + 1), v]);
    expect(normalized(rows, [0])).toEqual(sortedText(expected));
  });

  it('rolling_percentile: by a dimension', () => {
    const { columns, rows } = run(`${rollingInput} | evaluate rolling_percentile(val, 50, Timestamp, 1d, 3, EvenOrOdd)`);
    expect(columns).toEqual(['Timestamp:datetime', 'EvenOrOdd:string', 'rolling_3_percentile_val_50:long']);
    const even = [12, 24, 36, 60, 84, 108, 132, 156, 180, 204].map((v, i) => [days(i + 1), 'Even', v]);
    const odd = [11, 23, 35, 59, 83, 107, 131, 155, 179, 203].map((v, i) => [days(i + 1), 'Odd', v]);
    expect(normalized(rows, [0])).toEqual(sortedText([...even, ...odd]));
  });

  it('sliding_window_counts: users of the past 3 days, per day', () => {
    const { columns, rows } = run(`let start = datetime(2017-08-01); let end = datetime(2017-08-07);
      datatable(UserId: string, Timestamp: datetime)[
        'Bob', datetime(2017-08-01), 'David', datetime(2017-08-01), 'David', datetime(2017-08-01),
        'John', datetime(2017-08-01), 'Bob', datetime(2017-08-01), 'Ananda', datetime(2017-08-02),
        'Atul', datetime(2017-08-02), 'John', datetime(2017-08-02), 'Ananda', datetime(2017-08-03),
        'Atul', datetime(2017-08-03), 'Atul', datetime(2017-08-03), 'John', datetime(2017-08-03),
        'Bob', datetime(2017-08-03), 'Betsy', datetime(2017-08-04), 'Bob', datetime(2017-08-05)]
      | evaluate sliding_window_counts(UserId, Timestamp, start, end, 3d, 1d)`);
    expect(columns).toEqual(['Timestamp:datetime', 'Count:long', 'Dcount:long']);
    const expected = [[5, 3], [8, 5], [13, 5], [9, 5], [7, 5], [2, 2], [1, 1]].map(([c, d], i) => [`2017-08-0${i + 1}T00:00:00.0000000Z`, c, d]);
    expect(normalized(rows, [0])).toEqual(sortedText(expected));
  });

  it('activity_counts_metrics: daily counts', () => {
    const { columns, rows } = run(`datatable(UserId:string, Timestamp:datetime)[
        'A', datetime(2017-08-01), 'D', datetime(2017-08-01), 'J', datetime(2017-08-01), 'B', datetime(2017-08-01),
        'C', datetime(2017-08-02), 'T', datetime(2017-08-02), 'J', datetime(2017-08-02), 'H', datetime(2017-08-03),
        'T', datetime(2017-08-03), 'T', datetime(2017-08-03), 'J', datetime(2017-08-03), 'B', datetime(2017-08-03),
        'S', datetime(2017-08-03), 'S', datetime(2017-08-04)]
      | evaluate activity_counts_metrics(UserId, Timestamp, datetime(2017-08-01), datetime(2017-08-04), 1d)`);
    expect(columns).toEqual(['Timestamp:datetime', 'count:long', 'dcount:long', 'new_dcount:long', 'aggregated_dcount:long']);
    const expected = [[4, 4, 4, 4], [3, 3, 2, 6], [6, 5, 2, 8], [1, 1, 0, 8]].map((v, i) => [`2017-08-0${i + 1}T00:00:00.0000000Z`, ...v]);
    expect(normalized(rows, [0])).toEqual(sortedText(expected));
  });

  it('active_users_count: weekly users seen on 3 days of the prior 8', () => {
    const { columns, rows } = run(`datatable(User:string, Timestamp:datetime)[
        "B", datetime(2018-06-29), "B", datetime(2018-06-30), "A", datetime(2018-07-02), "B", datetime(2018-07-04),
        "B", datetime(2018-07-08), "A", datetime(2018-07-10), "A", datetime(2018-07-14), "A", datetime(2018-07-17),
        "A", datetime(2018-07-20), "B", datetime(2018-07-24)]
      | evaluate active_users_count(User, Timestamp, datetime(2018-07-01), datetime(2018-07-31), 8d, 1d, 3, 7d)`);
    expect(columns).toEqual(['Timestamp:datetime', 'dcount:long']);
    expect(normalized(rows, [0])).toEqual(sortedText([['2018-07-01T00:00:00.0000000Z', 1], ['2018-07-15T00:00:00.0000000Z', 1]]));
  });
});

describe('against a direct reading of the definitions (2,500 random events)', () => {
  it('rolling_percentile: nearest-rank percentile of the window of bins, from each slice\'s first bin to its last', () => {
    const size = 25;
    const window = 4;
    const percent = 90;
    const expected: unknown[][] = [];
    for (const d of DIMS) {
      const mine = EVENTS.filter((e) => e.d === d);
      const bins = mine.map((e) => Math.floor(e.t / size));
      const lo = Math.min(...bins);
      const hi = Math.max(...bins);
      for (let b = lo; b <= hi; b++) {
        const values = mine.filter((e) => Math.floor(e.t / size) > b - window && Math.floor(e.t / size) <= b).map((e) => e.v).sort((x, y) => x - y);
        if (values.length === 0) continue;
        expected.push([b * size, d, values[Math.max(1, Math.ceil((percent / 100) * values.length)) - 1]]);
      }
    }
    const { rows } = run(`E | evaluate rolling_percentile(V, ${percent}, T, ${size}, ${window}, D)`);
    expect(normalized(rows)).toEqual(sortedText(expected));
  });

  it('sliding_window_counts: records and distinct ids of the L bins ending at each bin from Start to End', () => {
    const [start, end, lookback, bin] = [-40, 700, 95, 30];
    const span = Math.floor(lookback / bin);
    const expected: unknown[][] = [];
    for (const d of DIMS) {
      for (let w = 0; start + w * bin <= end; w++) {
        const inside = EVENTS.filter((e) => e.d === d && e.t >= start + (w - span + 1) * bin && e.t < start + (w + 1) * bin);
        if (inside.length > 0) expected.push([start + w * bin, d, inside.length, new Set(inside.map((e) => e.id)).size]);
      }
    }
    const { rows } = run(`E | evaluate sliding_window_counts(Id, T, ${start}, ${end}, ${lookback}, ${bin}, D)`);
    expect(normalized(rows)).toEqual(sortedText(expected));
  });

  it('activity_counts_metrics: counts, new ids and ids so far, window by window', () => {
    const [start, end, step] = [0, 640, 45];
    const expected: unknown[][] = [];
    for (const d of DIMS) {
      const seen = new Set<string>();
      for (let w = 0; start + w * step <= end; w++) {
        const inside = EVENTS.filter((e) => e.d === d && e.t >= start + w * step && e.t < start + (w + 1) * step);
        if (inside.length === 0) continue;
        const ids = new Set(inside.map((e) => e.id));
        const fresh = [...ids].filter((id) => !seen.has(id)).length;
        ids.forEach((id) => seen.add(id));
        expected.push([start + w * step, d, inside.length, ids.size, fresh, seen.size]);
      }
    }
    const { rows } = run(`E | evaluate activity_counts_metrics(Id, T, ${start}, ${end}, ${step}, D)`);
    expect(normalized(rows)).toEqual(sortedText(expected));
  });

  it('active_users_count: ids with enough distinct periods in the lookback of an appearance, per bin', () => {
    const [start, end, lookback, period, active, bin] = [100, 800, 60, 10, 4, 50];
    const lastBin = Math.floor((end - start) / bin);
    const expected: unknown[][] = [];
    for (const d of DIMS) {
      for (let b = 0; b <= lastBin; b++) {
        const ids = new Set<string>();
        for (const e of EVENTS) {
          if (e.d !== d || Math.floor((e.t - start) / bin) !== b) continue;
          const periods = new Set(EVENTS.filter((s) => s.d === d && s.id === e.id && s.t > e.t - lookback && s.t <= e.t).map((s) => Math.floor((s.t - start) / period)));
          if (periods.size >= active) ids.add(e.id);
        }
        if (ids.size > 0) expected.push([start + b * bin, d, ids.size]);
      }
    }
    expect(expected.length).toBeGreaterThan(10);
    const { rows } = run(`E | evaluate active_users_count(Id, T, ${start}, ${end}, ${lookback}, ${period}, ${active}, ${bin}, D)`);
    expect(normalized(rows)).toEqual(sortedText(expected));
  });
});

describe('choices the pages leave open, and errors', () => {
  it('rolling_percentile reports no row for a window without values, and none past the last bin', () => {
    const { rows } = run('datatable(x:long, v:long)[0, 1, 20, 2] | evaluate rolling_percentile(v, 50, x, 5, 2)');
    expect(rows).toEqual([[0, 1], [5, 1], [20, 2]]);
  });

  it('sliding_window_counts gives no row for an empty window and takes a lookback shorter than a bin as one bin', () => {
    const { rows } = run('datatable(Id:string, T:long)["a", 0, "b", 30] | evaluate sliding_window_counts(Id, T, 0, 40, 5, 10)');
    expect(rows).toEqual([[0, 1, 1], [30, 1, 1]]);
  });

  it('null ids count as records but not as distinct ids; null times are ignored', () => {
    const { rows } = run('datatable(Id:guid, T:long)[guid(null), 0, guid(00000000-0000-0000-0000-000000000001), 0, guid(null), long(null)] | evaluate activity_counts_metrics(Id, T, 0, 10, 10)');
    expect(rows).toEqual([[0, 2, 1, 1, 1]]);
  });

  it('bins are counted from Start', () => {
    const { rows } = run('datatable(Id:string, T:long)["a", 3, "b", 12] | evaluate activity_counts_metrics(Id, T, 2, 20, 10)');
    // Counted from 0 (as bin() would), 3 and 12 would fall in the bins 0 and 10.
    expect(rows).toEqual([[2, 1, 1, 1, 1], [12, 1, 1, 1, 2]]);
  });

  it('an empty input gives an empty table with the binder\'s columns', () => {
    const { columns, rows } = run('E | where D == "none" | evaluate sliding_window_counts(Id, T, 0, 10, 10, 10, D)');
    expect(columns).toEqual(['T:long', 'D:string', 'Count:long', 'Dcount:long']);
    expect(rows).toEqual([]);
  });

  it('fails at run time on a percentile outside 0..100, a window of no bins, or a bin of zero', () => {
    expect(errorOf('E | evaluate rolling_percentile(V, 101, T, 10, 2)')).toMatch(/^E_RUNTIME: .*between 0 and 100/);
    expect(errorOf('E | evaluate rolling_percentile(V, 50, T, 10, 0)')).toMatch(/^E_RUNTIME: .*BinsPerWindow/);
    expect(errorOf('E | evaluate activity_counts_metrics(Id, T, 0, 10, 0)')).toMatch(/^E_RUNTIME: .*Step must be greater than zero/);
  });

  it('keeps the operators after it working on its columns', () => {
    const { rows } = run('E | evaluate activity_counts_metrics(Id, T, 0, 999, 1000) | project total = count, ids = dcount');
    const inRange = EVENTS.filter((e) => e.t >= 0 && e.t < 1000);
    expect(rows).toEqual([[inRange.length, new Set(inRange.map((e) => e.id)).size]]);
  });
});
