/**
 * `where predicate`: keeps the rows where the predicate is true (null and false drop), as a selection.
 *
 * A predicate that reads a single dictionary-encoded column (`OperationName == "Pull"`,
 * `Repository contains "api"`) is evaluated once per dictionary entry; the rows are then kept by a
 * loop over their codes, read through the relation's index vector without gathering the column.
 */
import type { Expr } from '../plan';
import type { StringColumn } from '../table/column';
import { evaluate } from '../functions/evaluate';
import type { ColumnSource } from '../functions/evaluate';
import { pollCancel } from '../functions/vector';
import type { Relation, RunContext } from './relation';
import { columnSource, selectPositions } from './relation';

/** Splits `a and b and c` into its conjuncts, so each narrows the rows the next one evaluates. */
function conjuncts(expr: Expr): Expr[] {
  if (expr.kind === 'binary' && expr.op === 'and') return [...conjuncts(expr.left), ...conjuncts(expr.right)];
  return [expr];
}

/**
 * Functions whose value is not a function of their arguments alone (they must run per row).
 * None is implemented today; listed so that adding one cannot silently break the per-entry path.
 */
const ROW_DEPENDENT_FUNCTIONS: ReadonlySet<string> = new Set(['rand', 'new_guid', 'row_number', 'prev', 'next', 'row_cumsum', 'row_rank_dense', 'row_rank_min']);

/** Adds the column names `expr` reads to `names`; false when it calls a row-dependent function. */
function collectColumns(expr: Expr, names: Set<string>): boolean {
  switch (expr.kind) {
    case 'literal':
      return true;
    case 'column':
      names.add(expr.name);
      return true;
    case 'unary':
      return collectColumns(expr.operand, names);
    case 'binary':
      return collectColumns(expr.left, names) && collectColumns(expr.right, names);
    case 'in':
      return collectColumns(expr.operand, names) && expr.values.every((v) => collectColumns(v, names));
    case 'between':
      return collectColumns(expr.operand, names) && collectColumns(expr.low, names) && collectColumns(expr.high, names);
    case 'call':
      return !ROW_DEPENDENT_FUNCTIONS.has(expr.name) && expr.args.every((a) => collectColumns(a, names));
    default: {
      const never: never = expr;
      return never;
    }
  }
}

/** A predicate evaluated per dictionary entry: row i is kept when `keep[entry of row i]` is 1. */
interface EntryMatch {
  readonly keep: Uint8Array;
  readonly codes: Int32Array;
  /** Row i reads code `codes[rows[i]]` (null: `codes[i]`). */
  readonly rows: Int32Array | null;
  /** The entry of code -1 (a null guid). */
  readonly nullEntry: number;
}

function entryMatch(relation: Relation, predicate: Expr, run: RunContext): EntryMatch | null {
  const names = new Set<string>();
  if (!collectColumns(predicate, names) || names.size !== 1) return null;
  const [name] = names;
  const column = relation.columns.find((c) => c.name === name);
  if (column === undefined || column.data.kind !== 'string') return null;
  const data: StringColumn = column.data;
  // Worth it only when the dictionary is much smaller than the rows it is read by.
  const entries = data.dict.length + 1;
  if (entries * 2 > relation.rowCount) return null;
  // One row per entry; the last one is code -1 (a null guid; a string column never has it,
  // so for `string` the extra entry repeats entry 0 instead of being a null no string can be).
  const codes = new Int32Array(entries);
  for (let c = 0; c < data.dict.length; c++) codes[c] = c;
  codes[data.dict.length] = data.type === 'guid' || data.dict.length === 0 ? -1 : 0;
  const perEntry: StringColumn = { kind: 'string', type: data.type, codes, dict: data.dict, length: entries };
  const source: ColumnSource = {
    rowCount: entries,
    nowTicks: run.nowTicks,
    cancel: run.cancel,
    column: (n) => (n === name ? perEntry : undefined),
  };
  const vector = evaluate(predicate, source);
  const keep = new Uint8Array(entries);
  if (vector.kind === 'number') {
    const constant = vector.length === 1;
    for (let e = 0; e < entries; e++) {
      const r = constant ? 0 : e;
      keep[e] = vector.data[r] !== 0 && (vector.nulls === null || vector.nulls[r] === 0) ? 1 : 0;
    }
  }
  return { keep, codes: data.codes, rows: column.rows, nullEntry: data.dict.length };
}

/** Rows between cancellation polls in the loops below. */
const CHUNK_ROWS = 1 << 16;

// One small function per loop shape, each called with typed arrays only: each stays a tight,
// monomorphic loop that the JIT keeps optimized between queries.
function countDense(keep: Uint8Array, codes: Int32Array, nullEntry: number, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i++) {
    const code = codes[i];
    count += keep[code < 0 ? nullEntry : code];
  }
  return count;
}

function collectDense(keep: Uint8Array, codes: Int32Array, nullEntry: number, start: number, end: number, out: Int32Array, from: number): number {
  let count = from;
  for (let i = start; i < end; i++) {
    const code = codes[i];
    out[count] = i;
    count += keep[code < 0 ? nullEntry : code];
  }
  return count;
}

function countThrough(keep: Uint8Array, codes: Int32Array, nullEntry: number, rows: Int32Array, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i++) {
    const code = codes[rows[i]];
    count += keep[code < 0 ? nullEntry : code];
  }
  return count;
}

function collectThrough(keep: Uint8Array, codes: Int32Array, nullEntry: number, rows: Int32Array, start: number, end: number, out: Int32Array, from: number): number {
  let count = from;
  for (let i = start; i < end; i++) {
    const code = codes[rows[i]];
    out[count] = i;
    count += keep[code < 0 ? nullEntry : code];
  }
  return count;
}

/** Positions of the rows an `EntryMatch` keeps; only counts them when `out` is null. */
function matchRows(match: EntryMatch, rowCount: number, out: Int32Array | null, run: RunContext): number {
  const { keep, codes, rows, nullEntry } = match;
  let count = 0;
  for (let start = 0; start < rowCount; start += CHUNK_ROWS) {
    pollCancel(run.cancel);
    const end = Math.min(rowCount, start + CHUNK_ROWS);
    if (rows === null) {
      count = out === null ? count + countDense(keep, codes, nullEntry, start, end) : collectDense(keep, codes, nullEntry, start, end, out, count);
    } else {
      count = out === null ? count + countThrough(keep, codes, nullEntry, rows, start, end) : collectThrough(keep, codes, nullEntry, rows, start, end, out, count);
    }
  }
  return count;
}

/** Positions (0..rowCount-1) where the predicate is true; `out` null only counts them. */
function matchPredicate(relation: Relation, predicate: Expr, run: RunContext, out: Int32Array | null): number {
  const n = relation.rowCount;
  const match = entryMatch(relation, predicate, run);
  if (match !== null) return matchRows(match, n, out, run);
  const vector = evaluate(predicate, columnSource(relation, run));
  if (vector.kind !== 'number') return 0;
  const { data, nulls } = vector;
  if (vector.length === 1 && n !== 1) {
    const keepAll = (nulls === null || nulls[0] === 0) && data[0] !== 0;
    if (!keepAll) return 0;
    if (out !== null) for (let i = 0; i < n; i++) out[i] = i;
    return n;
  }
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (data[i] !== 0 && (nulls === null || nulls[i] === 0)) {
      if (out !== null) out[count] = i;
      count++;
    }
  }
  return count;
}

/** Positions (0..rowCount-1) where a predicate is true; a constant applies to every row. */
export function truePositions(relation: Relation, predicate: Expr, run: RunContext): Int32Array {
  const out = new Int32Array(relation.rowCount);
  const count = matchPredicate(relation, predicate, run, out);
  return count === out.length ? out : out.slice(0, count);
}

/** Applies `where` and returns the narrowed relation (no data is copied). */
export function applyWhere(relation: Relation, predicate: Expr, run: RunContext): Relation {
  let current = relation;
  for (const part of conjuncts(predicate)) {
    pollCancel(run.cancel);
    if (current.rowCount === 0) break;
    current = selectPositions(current, truePositions(current, part, run));
  }
  return current;
}

/** The number of rows `where predicate` keeps, without building the selection of the last conjunct. */
export function countWhere(relation: Relation, predicate: Expr, run: RunContext): number {
  const parts = conjuncts(predicate);
  const last = parts.pop();
  let current = relation;
  for (const part of parts) {
    pollCancel(run.cancel);
    if (current.rowCount === 0) return 0;
    current = selectPositions(current, truePositions(current, part, run));
  }
  if (last === undefined || current.rowCount === 0) return current.rowCount;
  return matchPredicate(current, last, run, null);
}
