/**
 * `L | join kind=innerunique|inner (R) on key | summarize count() by key`, counted per key
 * without building the joined rows: the number of joined rows of a key is
 * - innerunique: the right side's rows of that key (the left side keeps one row per key);
 * - inner: left rows × right rows of that key.
 * Each side's string key is counted per dictionary code (one tight pass over the codes), and
 * the codes are matched by text once per dictionary entry.
 *
 * The answer is the general path's exactly: the same groups with the same counts, in the same
 * order (first appearance in the join's output, which follows the probe side's rows; see
 * join.ts), with the same key values. The shape is only taken when it is exactly that: one
 * string/guid key of the same type on both sides, grouped by that key's output column (the
 * left or the right copy), and only argument-less `count()` aggregates. Anything else is left
 * to the general path (`null`).
 */
import type { AggregateCall, JoinKey, JoinKind, NamedExpr } from '../plan';
import type { Column, ColumnSchema, StringColumn } from '../table/column';
import type { CancelSignal } from '../cancel';
import { pollCancel } from '../functions/vector';
import type { RelColumn, Relation } from './relation';

/** What the fast path needs from the plan: the join and the summarize above it. */
export interface JoinCountShape {
  readonly kind: JoinKind;
  readonly key: JoinKey;
  /** The join's output schema (left columns, then right columns). */
  readonly joinSchema: readonly ColumnSchema[];
  readonly aggregates: readonly AggregateCall[];
  readonly by: readonly NamedExpr[];
}

/** Whether the summarize above the join is `count()`s by one plain column (checked again against the relations at run time). */
export function isJoinCountShape(shape: JoinCountShape): boolean {
  if (shape.kind !== 'innerunique' && shape.kind !== 'inner') return false;
  if (shape.by.length !== 1 || shape.by[0].expr.kind !== 'column') return false;
  return shape.aggregates.length > 0 && shape.aggregates.every((a) => a.fn === 'count' && a.args.length === 0);
}

/** Rows between cancellation polls. */
const CHUNK_ROWS = 1 << 16;

// Tight loops over typed arrays only, one per shape, so each stays optimized.
function histogramDense(codes: Int32Array, hist: Int32Array, first: Int32Array, start: number, end: number): void {
  for (let i = start; i < end; i++) {
    const c = codes[i];
    if (c >= 0 && hist[c]++ === 0) first[c] = i;
  }
}

function histogramThrough(codes: Int32Array, rows: Int32Array, hist: Int32Array, first: Int32Array, start: number, end: number): void {
  for (let i = start; i < end; i++) {
    const c = codes[rows[i]];
    if (c >= 0 && hist[c]++ === 0) first[c] = i;
  }
}

/** Per text of one side's key: how many rows have it and the first relation row that has it. */
interface TextCounts {
  readonly count: Map<string, number>;
  readonly first: Map<string, number>;
}

function countByText(column: StringColumn, rows: Int32Array | null, rowCount: number, cancel: CancelSignal): TextCounts {
  const entries = column.dict.length;
  const hist = new Int32Array(entries);
  const first = new Int32Array(entries);
  for (let start = 0; start < rowCount; start += CHUNK_ROWS) {
    pollCancel(cancel);
    const end = Math.min(rowCount, start + CHUNK_ROWS);
    if (rows === null) histogramDense(column.codes, hist, first, start, end);
    else histogramThrough(column.codes, rows, hist, first, start, end);
  }
  // A dictionary may repeat a text (after a concatenation): fold codes by text.
  const count = new Map<string, number>();
  const firstRow = new Map<string, number>();
  for (let c = 0; c < entries; c++) {
    if (hist[c] === 0) continue;
    const text = column.dict[c];
    count.set(text, (count.get(text) ?? 0) + hist[c]);
    const seen = firstRow.get(text);
    if (seen === undefined || first[c] < seen) firstRow.set(text, first[c]);
  }
  return { count, first: firstRow };
}

function stringKey(relation: Relation, name: string): { column: StringColumn; rows: Int32Array | null } | null {
  const column: RelColumn | undefined = relation.columns.find((c) => c.name === name);
  if (column === undefined || column.data.kind !== 'string') return null;
  return { column: column.data, rows: column.rows };
}

/** Whether the group-by column is the join's output copy of the key (the left one or the right one), with its type. */
function groupsByKey(shape: JoinCountShape, left: Relation, right: Relation): boolean {
  const by = shape.by[0].expr;
  if (by.kind !== 'column') return false;
  const leftIndex = left.columns.findIndex((c) => c.name === shape.key.left);
  const rightIndex = right.columns.findIndex((c) => c.name === shape.key.right);
  if (leftIndex < 0 || rightIndex < 0 || shape.joinSchema.length !== left.columns.length + right.columns.length) return false;
  const leftOut = shape.joinSchema[leftIndex];
  const rightOut = shape.joinSchema[left.columns.length + rightIndex];
  return (leftOut.name === by.name && leftOut.type === by.type) || (rightOut.name === by.name && rightOut.type === by.type);
}

/**
 * The summarized relation (the group-by column, then one count column per aggregate), or null
 * when the relations do not fit the fast path (the caller then runs the general path).
 */
export function joinCount(shape: JoinCountShape, left: Relation, right: Relation, cancel: CancelSignal): Relation | null {
  if (!isJoinCountShape(shape) || !groupsByKey(shape, left, right)) return null;
  const leftKey = stringKey(left, shape.key.left);
  const rightKey = stringKey(right, shape.key.right);
  if (leftKey === null || rightKey === null || leftKey.column.type !== rightKey.column.type || leftKey.column.type !== shape.by[0].expr.type) return null;
  const leftCounts = countByText(leftKey.column, leftKey.rows, left.rowCount, cancel);
  const rightCounts = countByText(rightKey.column, rightKey.rows, right.rowCount, cancel);
  // The general path builds on the smaller side and emits pairs in the probe side's row order.
  const buildLeft = left.rowCount < right.rowCount;
  const probe = buildLeft ? rightCounts : leftCounts;
  const build = buildLeft ? leftCounts : rightCounts;
  const groups: { text: string; first: number; count: number }[] = [];
  for (const [text, probeCount] of probe.count) {
    const buildCount = build.count.get(text);
    if (buildCount === undefined) continue;
    const leftCount = buildLeft ? buildCount : probeCount;
    const rightCount = buildLeft ? probeCount : buildCount;
    const count = shape.kind === 'innerunique' ? rightCount : leftCount * rightCount;
    groups.push({ text, first: probe.first.get(text) ?? 0, count });
  }
  groups.sort((a, b) => a.first - b.first);
  const n = groups.length;
  const codes = new Int32Array(n);
  for (let g = 0; g < n; g++) codes[g] = g;
  const by = shape.by[0];
  const keyColumn: StringColumn = { kind: 'string', type: leftKey.column.type, codes, dict: groups.map((g) => g.text), length: n };
  const columns: RelColumn[] = [{ name: by.name, data: keyColumn, rows: null }];
  for (const call of shape.aggregates) {
    const data = Float64Array.from(groups, (g) => g.count);
    const counts: Column = { kind: 'number', type: call.type === 'int' ? 'int' : 'long', data, nulls: null, length: n };
    columns.push({ name: call.name, data: counts, rows: null });
  }
  return { rowCount: n, columns };
}
