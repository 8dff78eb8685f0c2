/**
 * arquero (the usual JS dataframe) over the same rows: the engine's loaded tables decoded
 * into plain column arrays (text as JS strings, TimeGenerated as milliseconds since the epoch).
 * The queries are written in arquero verbs as an arquero user would write them.
 *
 * Why the odd shapes below: arquero compiles each table expression from its source text,
 * so an expression may use only `d`, `op` and literals (no outer variables), and the
 * `as` casts (for `op`'s typings) disappear when the TypeScript is stripped.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { Column, Table } from '../../../src/engine/index';
import { msFromTicks } from '../../../src/engine/types/datetime';
import type { Answer, Cell } from '../answer';
import type { QueryId, QuerySpec } from '../queries';
import type { BenchSystem, PreparedQuery, Preparation } from './outcome';
import { messageOf } from './outcome';

const { op } = aq;

/** The columns the queries read, typed for the expressions below. */
interface EventRow {
  readonly TimeGenerated: number;
  readonly OperationName: string;
  readonly Repository: string;
  readonly ResultDescription: string;
  readonly DurationMs: string;
}

/** One engine column as an arquero column array. */
function arrayOf(column: Column, isTime: boolean): Float64Array | (number | null)[] | string[] | unknown[] {
  switch (column.kind) {
    case 'number': {
      if (column.nulls === null) return isTime ? column.data.map((t) => msFromTicks(t)) : column.data.slice();
      const nulls = column.nulls;
      return Array.from(column.data, (v, i) => (nulls[i] === 1 ? null : isTime ? msFromTicks(v) : v));
    }
    case 'string': {
      const { codes, dict } = column;
      const out = new Array<string>(codes.length);
      for (let i = 0; i < codes.length; i++) out[i] = codes[i] < 0 ? '' : dict[codes[i]];
      return out;
    }
    case 'dynamic':
      return [...column.values];
    default: {
      const never: never = column;
      return never;
    }
  }
}

/** An engine table as an arquero table with the same column names. */
export function arqueroTableOf(table: Table): ColumnTable {
  const columns: Record<string, unknown> = {};
  table.schema.forEach((c, i) => (columns[c.name] = arrayOf(table.columns[i], c.type === 'datetime')));
  return aq.table(columns);
}

type Query = (repo: ColumnTable, login: ColumnTable) => ColumnTable;

function q4(repo: ColumnTable): ColumnTable {
  // arquero compiles the filter's source text, so the needle is a literal in it.
  return repo
    .filter((d: EventRow) => op.includes(op.lower(d.Repository) as unknown as string[], 'api'))
    .derive({ duration: (d: EventRow) => op.parse_float(d.DurationMs) })
    .groupby('Repository')
    .rollup({
      dcount_Identity: op.distinct('Identity'),
      avg_DurationMs: op.mean('duration'),
      percentile_DurationMs_95: op.quantile('duration', 0.95),
    });
}

/** The queries in arquero verbs, each ending in `reify()` so the work is done inside the timing. */
const QUERIES: Readonly<Record<QueryId, Query>> = {
  Q1: (repo) => repo.filter((d: EventRow) => d.OperationName === 'Pull').count({ as: 'Count' }),
  Q2: (repo) =>
    repo
      .groupby({ TimeGenerated: (d: EventRow) => op.floor(d.TimeGenerated / 3600000) * 3600000, OperationName: (d: EventRow) => d.OperationName })
      .count({ as: 'count_' }),
  Q3: (repo) =>
    repo.orderby(aq.desc('TimeGenerated')).slice(0, 100).select('TimeGenerated', 'OperationName', 'Repository', 'Identity', 'DurationMs').reify(),
  Q4: (repo) => q4(repo),
  Q5: (repo) =>
    repo
      .filter((d: EventRow) => d.ResultDescription !== '200')
      .groupby('Identity', 'CallerIpAddress')
      .count({ as: 'count_' })
      .orderby(aq.desc('count_'))
      .slice(0, 20)
      .reify(),
  Q6: (repo, login) =>
    login
      .filter((d: EventRow) => d.ResultDescription !== '200')
      .select('Identity')
      .dedupe('Identity')
      .join(repo.select('Identity'), 'Identity')
      .groupby('Identity')
      .count({ as: 'count_' }),
};

function answerOf(table: ColumnTable): Answer {
  const columns = table.columnNames();
  const arrays = columns.map((name) => table.array(name) as ArrayLike<unknown>);
  const rows: Cell[][] = [];
  for (let r = 0; r < table.numRows(); r++) rows.push(arrays.map((a) => a[r] as Cell));
  return { columns, rows };
}

/** arquero as a benchmark system over the two tables. */
export function arqueroSystem(repo: ColumnTable, login: ColumnTable): BenchSystem {
  return {
    name: 'arquero',
    async prepare(spec: QuerySpec): Promise<Preparation> {
      const run = QUERIES[spec.id];
      try {
        let latest = run(repo, login);
        const query: PreparedQuery = {
          run: () => (latest = run(repo, login)),
          answer: () => answerOf(latest),
        };
        return { kind: 'ready', query };
      } catch (e) {
        return { kind: 'error', message: messageOf(e) };
      }
    },
  };
}
