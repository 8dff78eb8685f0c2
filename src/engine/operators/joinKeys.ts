/**
 * Join keys as dense integer ids shared by both sides of a join. The build side defines the id
 * space (ids 0..cardinality-1); a probe row gets the id of the equal build key, or -1 when no
 * build row can have its key. Null keys (and real NaN) get -1 on both sides: they never match,
 * as `null == null` is not true in Kusto (docs: scalar-data-types/null-values).
 *
 * Strings are compared by text (the two sides have different dictionaries): the build
 * dictionary is hashed once and the probe dictionary translated through it, so rows are then
 * matched with array lookups on codes, never by hashing strings per row.
 *
 * Exact 64-bit longs (`NumericColumn.exact`) are keyed by their exact value (a bigint beyond
 * ±2^53), so 2^53 and 2^53 + 1 never match each other. The binder requires both sides' keys to
 * have one type, so an exact long only ever meets another long.
 */
import type { CancelSignal } from '../cancel';
import type { Column, StringColumn } from '../table/column';
import { POLL_MASK, pollCancel } from '../functions/vector';
import type { RelColumn } from './relation';
import { exactNumberKey } from '../table/exactLong';

/** Key ids of the rows of both sides, in one id space. */
export interface JoinKeyIds {
  /** Id of every build row, or -1 when its key is null. */
  readonly build: Int32Array;
  /** Id of every probe row, or -1 when its key is null or absent from the build side's id space. */
  readonly probe: Int32Array;
  /** Ids are below this. */
  readonly cardinality: number;
}

/** A side's view of one key column: the column and the rows read through it. */
interface KeySide {
  readonly column: RelColumn;
  readonly rowCount: number;
}

/** Data row of relation row `i` (through the column's index vector, if any). */
function dataRow(column: RelColumn, i: number): number {
  return column.rows === null ? i : column.rows[i];
}

/** Marks a dictionary code whose id is not computed yet. */
const UNKNOWN = -2;

function stringIds(build: StringColumn, buildSide: KeySide, probe: StringColumn, probeSide: KeySide, cancel: CancelSignal): JoinKeyIds {
  // Ids are given per distinct text, and only for dictionary entries that rows use (a filtered
  // side keeps its table's whole dictionary): codes are translated lazily, once each.
  const idOfText = new Map<string, number>();
  const buildCodeIds = new Int32Array(build.dict.length).fill(UNKNOWN);
  const buildIds = new Int32Array(buildSide.rowCount);
  const buildRows = buildSide.column.rows;
  for (let i = 0; i < buildSide.rowCount; i++) {
    if ((i & POLL_MASK) === 0) pollCancel(cancel);
    const code = build.codes[buildRows === null ? i : buildRows[i]];
    if (code < 0) {
      buildIds[i] = -1;
      continue;
    }
    let id = buildCodeIds[code];
    if (id === UNKNOWN) {
      const text = build.dict[code];
      id = idOfText.get(text) ?? idOfText.size;
      if (id === idOfText.size) idOfText.set(text, id);
      buildCodeIds[code] = id;
    }
    buildIds[i] = id;
  }
  const probeCodeIds = new Int32Array(probe.dict.length).fill(UNKNOWN);
  const probeIds = new Int32Array(probeSide.rowCount);
  const probeRows = probeSide.column.rows;
  for (let i = 0; i < probeSide.rowCount; i++) {
    if ((i & POLL_MASK) === 0) pollCancel(cancel);
    const code = probe.codes[probeRows === null ? i : probeRows[i]];
    if (code < 0) {
      probeIds[i] = -1;
      continue;
    }
    let id = probeCodeIds[code];
    if (id === UNKNOWN) {
      id = idOfText.get(probe.dict[code]) ?? -1;
      probeCodeIds[code] = id;
    }
    probeIds[i] = id;
  }
  return { build: buildIds, probe: probeIds, cardinality: idOfText.size };
}

/** A hashable form of a non-null key value, or null for a null key. Kinds are kept apart. */
function genericKey(column: Column, row: number): string | number | bigint | null {
  switch (column.kind) {
    case 'number': {
      if (column.exact !== undefined) return exactNumberKey(column, row) ?? null;
      if (column.nulls !== null && column.nulls[row] === 1) return null;
      const v = column.data[row];
      return Number.isNaN(v) ? null : v;
    }
    case 'string': {
      const code = column.codes[row];
      return code < 0 ? null : `s${column.dict[code]}`;
    }
    case 'dynamic': {
      const v = column.values[row];
      return v === null ? null : `d${JSON.stringify(v)}`;
    }
    default: {
      const never: never = column;
      return never;
    }
  }
}

function genericIds(buildSide: KeySide, probeSide: KeySide, cancel: CancelSignal): JoinKeyIds {
  const idOfKey = new Map<string | number | bigint, number>();
  const build = new Int32Array(buildSide.rowCount);
  const bc = buildSide.column;
  for (let i = 0; i < buildSide.rowCount; i++) {
    if ((i & POLL_MASK) === 0) pollCancel(cancel);
    const key = genericKey(bc.data, dataRow(bc, i));
    if (key === null) {
      build[i] = -1;
      continue;
    }
    let id = idOfKey.get(key);
    if (id === undefined) {
      id = idOfKey.size;
      idOfKey.set(key, id);
    }
    build[i] = id;
  }
  const probe = new Int32Array(probeSide.rowCount);
  const pc = probeSide.column;
  for (let i = 0; i < probeSide.rowCount; i++) {
    if ((i & POLL_MASK) === 0) pollCancel(cancel);
    const key = genericKey(pc.data, dataRow(pc, i));
    probe[i] = key === null ? -1 : idOfKey.get(key) ?? -1;
  }
  return { build, probe, cardinality: idOfKey.size };
}

/** Ids of one key pair. Numbers of any numeric type compare by value (`1 == 1.0`). */
function singleKeyIds(buildSide: KeySide, probeSide: KeySide, cancel: CancelSignal): JoinKeyIds {
  const b = buildSide.column.data;
  const p = probeSide.column.data;
  if (b.kind === 'string' && p.kind === 'string') return stringIds(b, buildSide, p, probeSide, cancel);
  return genericIds(buildSide, probeSide, cancel);
}

/** Combines two id vectors into ids of the pair (renumbered densely over the build side). */
function combine(first: JoinKeyIds, second: JoinKeyIds, cancel: CancelSignal): JoinKeyIds {
  const idOfPair = new Map<number, number>();
  const width = second.cardinality;
  const build = new Int32Array(first.build.length);
  for (let i = 0; i < build.length; i++) {
    if ((i & POLL_MASK) === 0) pollCancel(cancel);
    const a = first.build[i];
    const b = second.build[i];
    if (a < 0 || b < 0) {
      build[i] = -1;
      continue;
    }
    const pair = a * width + b;
    let id = idOfPair.get(pair);
    if (id === undefined) {
      id = idOfPair.size;
      idOfPair.set(pair, id);
    }
    build[i] = id;
  }
  const probe = new Int32Array(first.probe.length);
  for (let i = 0; i < probe.length; i++) {
    if ((i & POLL_MASK) === 0) pollCancel(cancel);
    const a = first.probe[i];
    const b = second.probe[i];
    probe[i] = a < 0 || b < 0 ? -1 : idOfPair.get(a * width + b) ?? -1;
  }
  return { build, probe, cardinality: idOfPair.size };
}

/**
 * Key ids of every build and probe row for the key columns `buildKeys[k] == probeKeys[k]`
 * (all keys must be equal for rows to match).
 */
export function joinKeyIds(
  buildKeys: readonly RelColumn[], buildRowCount: number, probeKeys: readonly RelColumn[], probeRowCount: number, cancel: CancelSignal,
): JoinKeyIds {
  let ids: JoinKeyIds | null = null;
  for (let k = 0; k < buildKeys.length; k++) {
    const next = singleKeyIds({ column: buildKeys[k], rowCount: buildRowCount }, { column: probeKeys[k], rowCount: probeRowCount }, cancel);
    ids = ids === null ? next : combine(ids, next, cancel);
  }
  if (ids === null) throw new RangeError('join: no keys');
  return ids;
}
