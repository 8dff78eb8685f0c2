/**
 * `join`, every flavor of Kusto's docs (join-operator.md and the per-flavor pages):
 * - innerunique (default): the left side is first deduplicated on the key — the first row of
 *   each key is kept (the docs allow any) — then an inner join;
 * - inner, leftouter, rightouter, fullouter: matching pairs, plus the unmatched rows of the
 *   outer side(s) with nulls (empty strings for `string`) in the other side's columns;
 * - leftsemi / leftanti / rightsemi / rightanti: the rows of one side that do / do not match.
 * Null keys never match. Output columns follow the binder's schema by position: the left
 * columns then the right ones (renamed by the binder on clashes: `Key1`, `TimeGenerated1`), or
 * only one side's columns for the semi and anti flavors.
 *
 * Execution: a hash join over dense key ids (see joinKeys.ts), built on the smaller side (every
 * flavor allows it: matches are tracked per build key), matched by joinMatch.ts (no per-row
 * objects). The output is index vectors into both sides; only a side
 * that needs null rows (outer flavors) is gathered into new columns.
 * Row order (Kusto leaves it unspecified): pairs and unmatched probe rows in probe-row order,
 * then unmatched build rows in build-row order.
 */
import type { JoinKey, JoinKind } from '../plan';
import type { Column, ColumnSchema, DynamicValue } from '../table/column';
import type { SourceSpan } from '../errors';
import { EngineFailure, internalError } from '../errors';
import { pollCancel } from '../functions/vector';
import type { RelColumn, Relation, RunContext } from './relation';
import { joinKeyIds } from './joinKeys';
import { keepFirstPerId, matchPairs } from './joinMatch';
import { longColumnOf } from '../table/exactLong';

/** Which rows of a side have their id among `presentIds` (or, with `negate`, have not). */
function rowsWhere(ids: Int32Array, present: Uint8Array, negate: boolean): Int32Array {
  let count = 0;
  for (let i = 0; i < ids.length; i++) if ((ids[i] >= 0 && present[ids[i]] === 1) !== negate) count++;
  const out = new Int32Array(count);
  let j = 0;
  for (let i = 0; i < ids.length; i++) if ((ids[i] >= 0 && present[ids[i]] === 1) !== negate) out[j++] = i;
  return out;
}

function idsPresent(ids: Int32Array, cardinality: number): Uint8Array {
  const present = new Uint8Array(cardinality);
  for (let i = 0; i < ids.length; i++) if (ids[i] >= 0) present[ids[i]] = 1;
  return present;
}

/** Rows `indices` of `column`; index -1 gives the type's null (empty string for `string`). */
function gatherWithNulls(column: Column, indices: Int32Array): Column {
  const n = indices.length;
  switch (column.kind) {
    case 'number': {
      const data = new Float64Array(n);
      const nulls = new Uint8Array(n);
      const srcNulls = column.nulls;
      for (let i = 0; i < n; i++) {
        const r = indices[i];
        if (r < 0 || (srcNulls !== null && srcNulls[r] === 1)) nulls[i] = 1;
        else data[i] = column.data[r];
      }
      if (column.exact !== undefined) {
        // Exact 64-bit longs keep their exact values (a null row holds 0).
        const exact = new BigInt64Array(n);
        for (let i = 0; i < n; i++) if (nulls[i] === 0) exact[i] = column.exact[indices[i]];
        return longColumnOf(exact, nulls);
      }
      return { kind: 'number', type: column.type, data, nulls, length: n };
    }
    case 'string': {
      let dict = column.dict;
      let nullCode = -1;
      if (column.type === 'string') {
        nullCode = dict.indexOf('');
        if (nullCode < 0) {
          nullCode = dict.length;
          dict = [...dict, ''];
        }
      }
      const codes = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const r = indices[i];
        codes[i] = r < 0 ? nullCode : column.codes[r];
      }
      return { kind: 'string', type: column.type, codes, dict, length: n };
    }
    case 'dynamic': {
      const values = new Array<DynamicValue>(n);
      for (let i = 0; i < n; i++) {
        const r = indices[i];
        values[i] = r < 0 ? null : column.values[r];
      }
      return { kind: 'dynamic', type: 'dynamic', values, length: n };
    }
    default: {
      const never: never = column;
      return never;
    }
  }
}

/**
 * The columns of one side read at `positions` (relation rows; -1 = a null row when `withNulls`),
 * named `names`. Index vectors are composed (shared between columns that share one); only with
 * nulls are the columns gathered.
 */
function sideColumns(columns: readonly RelColumn[], positions: Int32Array, withNulls: boolean, names: readonly string[]): RelColumn[] {
  const composed = new Map<Int32Array, Int32Array>();
  return columns.map((c, i) => {
    let rows = positions;
    if (c.rows !== null) {
      let cached = composed.get(c.rows);
      if (cached === undefined) {
        const base = c.rows;
        cached = new Int32Array(positions.length);
        for (let j = 0; j < positions.length; j++) {
          const p = positions[j];
          cached[j] = p < 0 ? -1 : base[p];
        }
        composed.set(c.rows, cached);
      }
      rows = cached;
    }
    if (withNulls) return { name: names[i], data: gatherWithNulls(c.data, rows), rows: null };
    return { name: names[i], data: c.data, rows };
  });
}

function keyColumns(relation: Relation, names: readonly string[], side: string, span: SourceSpan): RelColumn[] {
  return names.map((name) => {
    const column = relation.columns.find((c) => c.name === name);
    if (column === undefined) throw new EngineFailure(internalError(`join: ${side} side lacks key column '${name}'`, span));
    return column;
  });
}

function hasNegative(values: Int32Array, length: number): boolean {
  for (let i = 0; i < length; i++) if (values[i] < 0) return true;
  return false;
}

/**
 * Applies `join` of `left` (`$left`, the pipe input) and `right` (`$right`); `schema` is the
 * binder's output schema of the join.
 */
export function applyJoin(
  left: Relation, right: Relation, kind: JoinKind, keys: readonly JoinKey[], schema: readonly ColumnSchema[], run: RunContext, span: SourceSpan,
): Relation {
  const leftKeys = keyColumns(left, keys.map((k) => k.left), 'left', span);
  const rightKeys = keyColumns(right, keys.map((k) => k.right), 'right', span);
  const names = schema.map((s) => s.name);
  const oneSided = kind === 'leftsemi' || kind === 'leftanti' || kind === 'rightsemi' || kind === 'rightanti';
  const expected = oneSided ? (kind.startsWith('left') ? left.columns.length : right.columns.length) : left.columns.length + right.columns.length;
  if (names.length !== expected) throw new EngineFailure(internalError(`join: ${names.length} output columns, expected ${expected}`, span));

  // Build on the smaller side; every flavor allows it.
  const buildLeft = left.rowCount < right.rowCount;
  const ids = buildLeft
    ? joinKeyIds(leftKeys, left.rowCount, rightKeys, right.rowCount, run.cancel)
    : joinKeyIds(rightKeys, right.rowCount, leftKeys, left.rowCount, run.cancel);
  pollCancel(run.cancel);

  switch (kind) {
    case 'leftsemi':
    case 'leftanti':
    case 'rightsemi':
    case 'rightanti': {
      const wantLeft = kind === 'leftsemi' || kind === 'leftanti';
      const negate = kind === 'leftanti' || kind === 'rightanti';
      const wantBuild = wantLeft === buildLeft;
      const otherIds = wantBuild ? ids.probe : ids.build;
      const present = idsPresent(otherIds, ids.cardinality);
      const positions = rowsWhere(wantBuild ? ids.build : ids.probe, present, negate);
      const side = wantLeft ? left : right;
      return { rowCount: positions.length, columns: sideColumns(side.columns, positions, false, names) };
    }
    case 'innerunique':
    case 'inner':
    case 'leftouter':
    case 'rightouter':
    case 'fullouter':
      break;
    default: {
      const never: never = kind;
      return never;
    }
  }

  const keepLeft = kind === 'leftouter' || kind === 'fullouter';
  const keepRight = kind === 'rightouter' || kind === 'fullouter';
  const [keepProbe, keepBuild] = buildLeft ? [keepRight, keepLeft] : [keepLeft, keepRight];
  let buildIds = ids.build;
  if (kind === 'innerunique' && buildLeft) buildIds = keepFirstPerId(buildIds, ids.cardinality);
  const pairs = matchPairs(buildIds, ids.probe, ids.cardinality, {
    keepProbe,
    keepBuild,
    firstProbePerKey: kind === 'innerunique' && !buildLeft,
  }, run.cancel);
  const [leftPositions, rightPositions] = buildLeft ? [pairs.build, pairs.probe] : [pairs.probe, pairs.build];
  const leftNames = names.slice(0, left.columns.length);
  const rightNames = names.slice(left.columns.length);
  const columns = [
    ...sideColumns(left.columns, leftPositions, keepRight && hasNegative(leftPositions, pairs.length), leftNames),
    ...sideColumns(right.columns, rightPositions, keepLeft && hasNegative(rightPositions, pairs.length), rightNames),
  ];
  return { rowCount: pairs.length, columns };
}
