/**
 * The matching step of `join`: given the key ids of the build and probe rows (joinKeys.ts), the
 * pairs of matching rows as two index vectors, plus (for outer flavors) the unmatched rows paired
 * with -1. Build rows are bucketed by id with a counting sort; when every build key is unique
 * (always so for innerunique built on its deduplicated left side) a plain id -> row array is used.
 */
import type { CancelSignal } from '../cancel';
import { POLL_MASK, pollCancel } from '../functions/vector';

/** Matching pairs: row `probe[i]` of the probe side with row `build[i]` of the build side (-1: none). */
export interface JoinPairs {
  readonly probe: Int32Array;
  readonly build: Int32Array;
  readonly length: number;
}

/** What to keep besides the matching pairs. */
export interface MatchOptions {
  /** Unmatched probe rows, paired with -1. */
  readonly keepProbe: boolean;
  /** Unmatched build rows, paired with -1 (after all probe rows). */
  readonly keepBuild: boolean;
  /** Only the first probe row of each key takes part (innerunique with the left side probing). */
  readonly firstProbePerKey: boolean;
}

/** A growable pair of index vectors. */
class PairBuffer {
  probe: Int32Array;
  build: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.probe = new Int32Array(Math.max(capacity, 16));
    this.build = new Int32Array(Math.max(capacity, 16));
  }
  push(probe: number, build: number): void {
    if (this.length === this.probe.length) {
      const probeGrown = new Int32Array(this.length * 2);
      probeGrown.set(this.probe);
      this.probe = probeGrown;
      const buildGrown = new Int32Array(this.length * 2);
      buildGrown.set(this.build);
      this.build = buildGrown;
    }
    this.probe[this.length] = probe;
    this.build[this.length++] = build;
  }
}

/** Keeps the first row of every id (later rows get -1): innerunique's left deduplication. */
export function keepFirstPerId(ids: Int32Array, cardinality: number): Int32Array {
  const seen = new Uint8Array(cardinality);
  const out = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (id >= 0 && seen[id] === 0) {
      seen[id] = 1;
      out[i] = id;
    } else {
      out[i] = -1;
    }
  }
  return out;
}

/** The only build row of every id (-1: none), or null when some id has several rows. */
function uniqueRowOfId(buildIds: Int32Array, cardinality: number): Int32Array | null {
  const rowOfId = new Int32Array(cardinality).fill(-1);
  for (let b = 0; b < buildIds.length; b++) {
    const id = buildIds[b];
    if (id < 0) continue;
    if (rowOfId[id] >= 0) return null;
    rowOfId[id] = b;
  }
  return rowOfId;
}

function appendUnmatchedBuild(buildIds: Int32Array, matched: Uint8Array, pairs: PairBuffer): void {
  for (let b = 0; b < buildIds.length; b++) {
    const id = buildIds[b];
    if (id < 0 || matched[id] === 0) pairs.push(-1, b);
  }
}

/** Pairs when every build key is unique: at most one build row per probe row. */
function matchUnique(rowOfId: Int32Array, buildIds: Int32Array, probeIds: Int32Array, options: MatchOptions, cancel: CancelSignal): JoinPairs {
  const probeCount = probeIds.length;
  const capacity = probeCount + (options.keepBuild ? buildIds.length : 0);
  const pairs = new PairBuffer(capacity);
  const probeOut = pairs.probe;
  const buildOut = pairs.build;
  const matched = options.keepBuild ? new Uint8Array(rowOfId.length) : null;
  const seen = options.firstProbePerKey ? new Uint8Array(rowOfId.length) : null;
  const keepProbe = options.keepProbe;
  let n = 0;
  for (let p = 0; p < probeCount; p++) {
    if ((p & POLL_MASK) === 0) pollCancel(cancel);
    const id = probeIds[p];
    const b = id >= 0 ? rowOfId[id] : -1;
    if (b < 0) {
      if (keepProbe) {
        probeOut[n] = p;
        buildOut[n++] = -1;
      }
      continue;
    }
    if (seen !== null) {
      if (seen[id] === 1) continue;
      seen[id] = 1;
    }
    if (matched !== null) matched[id] = 1;
    probeOut[n] = p;
    buildOut[n++] = b;
  }
  pairs.length = n;
  if (matched !== null) appendUnmatchedBuild(buildIds, matched, pairs);
  return pairs;
}

/** Pairs in general: build rows bucketed by id (counting sort; rows ascending within a bucket). */
function matchBuckets(buildIds: Int32Array, probeIds: Int32Array, cardinality: number, options: MatchOptions, cancel: CancelSignal): JoinPairs {
  const offsets = new Int32Array(cardinality + 1);
  for (let i = 0; i < buildIds.length; i++) {
    const id = buildIds[i];
    if (id >= 0) offsets[id + 1]++;
  }
  for (let k = 0; k < cardinality; k++) offsets[k + 1] += offsets[k];
  const cursor = offsets.slice(0, cardinality);
  const rows = new Int32Array(offsets[cardinality]);
  for (let i = 0; i < buildIds.length; i++) {
    const id = buildIds[i];
    if (id >= 0) rows[cursor[id]++] = i;
  }
  const matched = options.keepBuild ? new Uint8Array(cardinality) : null;
  const seen = options.firstProbePerKey ? new Uint8Array(cardinality) : null;
  const pairs = new PairBuffer(probeIds.length);
  for (let p = 0; p < probeIds.length; p++) {
    if ((p & POLL_MASK) === 0) pollCancel(cancel);
    const id = probeIds[p];
    const start = id >= 0 ? offsets[id] : 0;
    const end = id >= 0 ? offsets[id + 1] : 0;
    if (start === end) {
      if (options.keepProbe) pairs.push(p, -1);
      continue;
    }
    if (seen !== null) {
      if (seen[id] === 1) continue;
      seen[id] = 1;
    }
    if (matched !== null) matched[id] = 1;
    for (let j = start; j < end; j++) pairs.push(p, rows[j]);
  }
  if (matched !== null) appendUnmatchedBuild(buildIds, matched, pairs);
  return pairs;
}

/**
 * The pairs of matching rows, in probe-row order, then the unmatched build rows (if kept).
 * Ids are those of `joinKeyIds` (-1 never matches).
 */
export function matchPairs(buildIds: Int32Array, probeIds: Int32Array, cardinality: number, options: MatchOptions, cancel: CancelSignal): JoinPairs {
  const rowOfId = uniqueRowOfId(buildIds, cardinality);
  const pairs = rowOfId !== null
    ? matchUnique(rowOfId, buildIds, probeIds, options, cancel)
    : matchBuckets(buildIds, probeIds, cardinality, options, cancel);
  // A view when the buffers are mostly used; a copy otherwise, so the spare capacity is freed.
  const trim = (buffer: Int32Array): Int32Array => (pairs.length * 2 >= buffer.length ? buffer.subarray(0, pairs.length) : buffer.slice(0, pairs.length));
  return { probe: trim(pairs.probe), build: trim(pairs.build), length: pairs.length };
}
