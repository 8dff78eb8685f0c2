/**
 * `top-nested [N] of key [with others = v] by agg [asc|desc], ...` (top-nested-operator.md).
 *
 * Level by level over the whole input: the rows still in play carry the id of the partition the
 * previous levels put them in; they are grouped by (partition, key), each group's aggregate is
 * computed through the aggregate protocol, and inside each partition the N best groups (by the
 * aggregate, descending unless `asc`) become the partitions of the next level. Rows of the other
 * groups leave the play; with `with others = v` they are aggregated into one extra row per
 * partition whose key is `v` (supported on the last level only, see the lowering; a partition
 * with no rows left out gets no such row).
 * Output: one row per surviving chain of groups — per level the key and the aggregate.
 */
import type { TopNestedLevel } from '../plan';
import type { Column, NumericColumn } from '../table/column';
import { EngineFailure, runtimeError, unsupported } from '../errors';
import { evaluate } from '../functions/evaluate';
import { at, pollCancel } from '../functions/vector';
import { AGGREGATES } from '../aggregates/registry';
import type { CellValue } from '../table/rows';
import { cellOf } from '../table/rows';
import { concatColumns, gatherColumn } from '../table/gather';
import type { RelColumn, Relation, RunContext } from './relation';
import { columnSource, selectPositions } from './relation';
import { groupRows } from './grouping';

/** One level's groups: their partition, key (first row), aggregate and whether they were kept. */
interface LevelGroups {
  /** Group -> partition (index into the previous level's kept groups). */
  readonly parent: Int32Array;
  readonly keys: Column;
  readonly aggregates: Column;
  /** Kept groups in output order; the next level's partition k is group `kept[k]`. */
  readonly kept: Int32Array;
}

/** Orders aggregate values: numbers and strings by value, nulls always last. */
function compareCells(a: CellValue, b: CellValue, descending: boolean): number {
  if (a === null || b === null) return a === null ? (b === null ? 0 : 1) : -1;
  let c = 0;
  if (typeof a === 'number' && typeof b === 'number') c = a - b;
  else if (typeof a === 'boolean' && typeof b === 'boolean') c = Number(a) - Number(b);
  else c = String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
  return descending ? -c : c;
}

function numbers(values: Int32Array): NumericColumn {
  return { kind: 'number', type: 'long', data: Float64Array.from(values), nulls: null, length: values.length };
}

function countOf(level: TopNestedLevel, relation: Relation, run: RunContext): number {
  if (level.count === null) return Infinity;
  const value = at(evaluate(level.count, columnSource(relation, run)), 0);
  if (typeof value !== 'number' || value < 0) throw new EngineFailure(runtimeError('top-nested: N must be a non-negative number', level.count.span));
  return Math.floor(value);
}

/** Runs one level over the rows in play (`rows`, with their partition ids `partition`). */
function runLevel(level: TopNestedLevel, rows: Relation, partition: Int32Array, count: number, run: RunContext): { groups: LevelGroups; groupIds: Int32Array } {
  const impl = AGGREGATES.get(level.aggregate.fn);
  if (impl === undefined) throw new EngineFailure(unsupported(`aggregate ${level.aggregate.fn}()`, level.aggregate.span));
  const source = columnSource(rows, run);
  const key = evaluate(level.key.expr, source);
  const grouping = groupRows([numbers(partition), key], rows.rowCount, run.cancel);
  const groupCount = grouping.groupCount;
  const firsts = grouping.firstRows.slice(0, groupCount);
  const state: unknown = impl.init(groupCount);
  impl.add(state, grouping.groupIds, rows.rowCount, level.aggregate.args.map((a) => evaluate(a, source)), run.cancel);
  const aggregates = impl.result(state, groupCount, level.aggregate.type);
  const parent = new Int32Array(groupCount);
  for (let g = 0; g < groupCount; g++) parent[g] = partition[firsts[g]];
  // Groups of each partition, best first.
  const byPartition = new Map<number, number[]>();
  for (let g = 0; g < groupCount; g++) {
    const list = byPartition.get(parent[g]);
    if (list === undefined) byPartition.set(parent[g], [g]);
    else list.push(g);
  }
  const kept: number[] = [];
  for (const list of [...byPartition.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1])) {
    pollCancel(run.cancel);
    list.sort((a, b) => compareCells(cellOf(aggregates, a), cellOf(aggregates, b), level.descending) || a - b);
    kept.push(...list.slice(0, Math.min(count, list.length)));
  }
  const keys = key.length === 1 && rows.rowCount > 0 ? gatherColumn(key, new Int32Array(groupCount)) : gatherColumn(key, firsts);
  return { groups: { parent, keys, aggregates, kept: Int32Array.from(kept) }, groupIds: grouping.groupIds };
}

/** The `with others` rows of the last level: per partition, the aggregate over the rows left out. */
function othersRows(level: TopNestedLevel, rows: Relation, partition: Int32Array, groupIds: Int32Array, groups: LevelGroups, partitions: number, run: RunContext): { parents: Int32Array; keys: Column; aggregates: Column } {
  const impl = AGGREGATES.get(level.aggregate.fn);
  if (impl === undefined || level.others === null) throw new EngineFailure(unsupported('top-nested with others', level.aggregate.span));
  const keptSet = new Uint8Array(groups.parent.length);
  for (const g of groups.kept) keptSet[g] = 1;
  const positions: number[] = [];
  for (let i = 0; i < rows.rowCount; i++) if (keptSet[groupIds[i]] === 0) positions.push(i);
  const left = selectPositions(rows, Int32Array.from(positions));
  const ids = Int32Array.from(positions, (i) => partition[i]);
  const state: unknown = impl.init(partitions);
  const source = columnSource(left, run);
  impl.add(state, ids, left.rowCount, level.aggregate.args.map((a) => evaluate(a, source)), run.cancel);
  const all = impl.result(state, partitions, level.aggregate.type);
  const present = new Uint8Array(partitions);
  for (const p of ids) present[p] = 1;
  const parents = Int32Array.from([...present.keys()].filter((p) => present[p] === 1));
  const other = evaluate(level.others, columnSource({ rowCount: 1, columns: [] }, run));
  return { parents, keys: gatherColumn(other, new Int32Array(parents.length)), aggregates: gatherColumn(all, parents) };
}

/** Applies `top-nested`. */
export function applyTopNested(relation: Relation, levels: readonly TopNestedLevel[], run: RunContext): Relation {
  let rows = relation;
  let partition = new Int32Array(relation.rowCount);
  const results: LevelGroups[] = [];
  let others: ReturnType<typeof othersRows> | null = null;
  for (let l = 0; l < levels.length; l++) {
    pollCancel(run.cancel);
    const level = levels[l];
    const { groups, groupIds } = runLevel(level, rows, partition, countOf(level, relation, run), run);
    results.push(groups);
    const partitions = l === 0 ? 1 : results[l - 1].kept.length;
    if (level.others !== null) others = othersRows(level, rows, partition, groupIds, groups, partitions, run);
    // Rows of kept groups go on, renumbered by their group's place in `kept`.
    const next = new Int32Array(groups.parent.length).fill(-1);
    groups.kept.forEach((g, k) => {
      next[g] = k;
    });
    const positions: number[] = [];
    const nextPartition: number[] = [];
    for (let i = 0; i < rows.rowCount; i++) {
      const k = next[groupIds[i]];
      if (k < 0) continue;
      positions.push(i);
      nextPartition.push(k);
    }
    rows = selectPositions(rows, Int32Array.from(positions));
    partition = Int32Array.from(nextPartition);
  }
  return assemble(levels, results, others);
}

/** Output rows: each kept group of the last level with its chain of ancestors, then the `others` rows. */
function assemble(levels: readonly TopNestedLevel[], results: readonly LevelGroups[], others: ReturnType<typeof othersRows> | null): Relation {
  const last = results.length - 1;
  // Per level, the group of each output row: walk up from the last level's kept groups.
  const chains: Int32Array[] = results.map(() => new Int32Array(results[last].kept.length));
  results[last].kept.forEach((g, row) => {
    let group = g;
    for (let l = last; l >= 0; l--) {
      chains[l][row] = group;
      if (l > 0) group = results[l - 1].kept[results[l].parent[group]];
    }
  });
  const otherChains: Int32Array[] = results.map(() => new Int32Array(others?.parents.length ?? 0));
  if (others !== null && last > 0) {
    others.parents.forEach((p, row) => {
      let group = results[last - 1].kept[p];
      for (let l = last - 1; l >= 0; l--) {
        otherChains[l][row] = group;
        if (l > 0) group = results[l - 1].kept[results[l].parent[group]];
      }
    });
  }
  const rowCount = results[last].kept.length + (others?.parents.length ?? 0);
  const columns: RelColumn[] = [];
  levels.forEach((level, l) => {
    const keyParts = [gatherColumn(results[l].keys, chains[l])];
    const aggParts = [gatherColumn(results[l].aggregates, chains[l])];
    if (others !== null) {
      keyParts.push(l === last ? others.keys : gatherColumn(results[l].keys, otherChains[l]));
      aggParts.push(l === last ? others.aggregates : gatherColumn(results[l].aggregates, otherChains[l]));
    }
    columns.push({ name: level.key.name, data: concatColumns(level.key.expr.type, keyParts), rows: null });
    columns.push({ name: level.aggregate.name, data: concatColumns(level.aggregate.type, aggParts), rows: null });
  });
  return { rowCount, columns };
}
