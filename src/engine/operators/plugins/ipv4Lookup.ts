/**
 * `evaluate ipv4_lookup(Lookup, SourceIPv4Key, IPv4LookupKey [, ExtraKey ...] [, return_unmatched])`
 * (ipv4-lookup-plugin.md): a join of the input with the lookup table where the lookup row's range
 * (CIDR `a.b.c.d/p` or a single address, /32) holds the input row's IPv4 address, and every extra
 * key is equal on both sides (as in `join`: null keys never match). A source text with a prefix is
 * masked first, then tested as `ipv4_is_in_range` tests it. An input row gets one output row per
 * matching lookup row (most specific range first, then in lookup order); without a match it is
 * dropped, or kept with null lookup columns when `return_unmatched` is true. Texts that are not
 * IPv4 addresses match nothing.
 *
 * Speed: the ranges are indexed once, per prefix length, in maps from network to lookup rows;
 * an input address is looked up under each prefix length present (at most 33 probes), once per
 * distinct input text (dictionary code), so a large input costs array reads per row.
 */
import type { Ipv4LookupOperator } from '../../plan';
import type { Column } from '../../table/column';
import type { SourceSpan } from '../../errors';
import { EngineFailure, internalError } from '../../errors';
import { concatColumns, nullColumn } from '../../table/gather';
import { POLL_MASK, pollCancel } from '../../functions/vector';
import { maskIpv4, parseIpv4 } from '../../types/ipAddress';
import type { RelColumn, Relation, RunContext } from '../relation';
import { readColumn, selectPositions } from '../relation';
import { joinKeyIds } from '../joinKeys';

/** A growable list of int32 values (row numbers), so no array of objects is built per row. */
class IntList {
  private data = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  at(i: number): number {
    return this.data[i];
  }
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** The lookup ranges indexed by prefix length: network -> lookup rows, longest prefixes first. */
interface RangeIndex {
  readonly prefixes: readonly number[];
  readonly byPrefix: ReadonlyMap<number, Map<number, number[]>>;
}

function columnNamed(relation: Relation, name: string, side: string, span: SourceSpan): RelColumn {
  const column = relation.columns.find((c) => c.name === name);
  if (column === undefined) throw new EngineFailure(internalError(`ipv4_lookup: the ${side} lacks column '${name}'`, span));
  return column;
}

function stringColumn(column: RelColumn, span: SourceSpan): Extract<Column, { kind: 'string' }> {
  const data = readColumn(column);
  if (data.kind !== 'string') throw new EngineFailure(internalError(`ipv4_lookup: column '${column.name}' is not a string`, span));
  return data;
}

function indexRanges(ranges: Extract<Column, { kind: 'string' }>, run: RunContext): RangeIndex {
  const byPrefix = new Map<number, Map<number, number[]>>();
  const parsed = new Map<number, { network: number; prefix: number } | null>();
  for (let row = 0; row < ranges.length; row++) {
    if ((row & POLL_MASK) === 0) pollCancel(run.cancel);
    const code = ranges.codes[row];
    if (code < 0) continue;
    let range = parsed.get(code);
    if (range === undefined) {
      const ip = parseIpv4(ranges.dict[code]);
      range = ip === null ? null : { network: maskIpv4(ip.value, ip.prefix), prefix: ip.prefix };
      parsed.set(code, range);
    }
    if (range === null) continue;
    let networks = byPrefix.get(range.prefix);
    if (networks === undefined) {
      networks = new Map();
      byPrefix.set(range.prefix, networks);
    }
    const rows = networks.get(range.network);
    if (rows === undefined) networks.set(range.network, [row]);
    else rows.push(row);
  }
  return { prefixes: [...byPrefix.keys()].sort((a, b) => b - a), byPrefix };
}

/**
 * The matching lookup rows of every distinct source text, in one flat list: text `code` has
 * `count[code]` rows from `start[code]` (computed on first use; `start` -1 = not yet).
 */
class MatchesByCode {
  private readonly start: Int32Array;
  private readonly count: Int32Array;
  readonly rows = new IntList();
  constructor(private readonly dict: readonly string[], private readonly index: RangeIndex) {
    this.start = new Int32Array(dict.length).fill(-1);
    this.count = new Int32Array(dict.length);
  }
  /** Makes sure `code`'s matches are listed; returns their start in `rows`. */
  first(code: number): number {
    if (this.start[code] >= 0) return this.start[code];
    const begin = this.rows.length;
    const ip = parseIpv4(this.dict[code]);
    if (ip !== null) {
      const address = maskIpv4(ip.value, ip.prefix);
      for (const prefix of this.index.prefixes) {
        const matches = this.index.byPrefix.get(prefix)?.get(maskIpv4(address, prefix));
        if (matches !== undefined) for (const row of matches) this.rows.push(row);
      }
    }
    this.start[code] = begin;
    this.count[code] = this.rows.length - begin;
    return begin;
  }
  countOf(code: number): number {
    return this.count[code];
  }
}

/** Applies `ipv4_lookup` of `source` (the pipe input) in `lookup`; output columns as the operator names them. */
export function applyIpv4Lookup(source: Relation, lookup: Relation, operator: Ipv4LookupOperator, run: RunContext, span: SourceSpan): Relation {
  const ranges = stringColumn(columnNamed(lookup, operator.lookupKey, 'lookup table', span), span);
  const addresses = stringColumn(columnNamed(source, operator.sourceKey, 'input', span), span);
  const index = indexRanges(ranges, run);
  const matches = new MatchesByCode(addresses.dict, index);
  const extra = operator.extraKeys.length === 0 ? null : joinKeyIds(
    operator.extraKeys.map((k) => columnNamed(lookup, k, 'lookup table', span)), lookup.rowCount,
    operator.extraKeys.map((k) => columnNamed(source, k, 'input', span)), source.rowCount, run.cancel,
  );
  // The unmatched rows read row `lookup.rowCount`: one null row appended to the lookup columns.
  const nullRow = lookup.rowCount;
  const sourceRows = new IntList();
  const lookupRows = new IntList();
  for (let i = 0; i < source.rowCount; i++) {
    if ((i & POLL_MASK) === 0) pollCancel(run.cancel);
    const code = addresses.codes[i];
    let matched = false;
    if (code >= 0) {
      const begin = matches.first(code);
      const end = begin + matches.countOf(code);
      const probe = extra === null ? 0 : extra.probe[i];
      for (let m = begin; m < end; m++) {
        const row = matches.rows.at(m);
        if (extra !== null && (probe < 0 || extra.build[row] !== probe)) continue;
        sourceRows.push(i);
        lookupRows.push(row);
        matched = true;
      }
    }
    if (!matched && operator.returnUnmatched) {
      sourceRows.push(i);
      lookupRows.push(nullRow);
    }
  }
  const kept = selectPositions(source, sourceRows.toArray());
  const positions = lookupRows.toArray();
  const added: RelColumn[] = [];
  lookup.columns.forEach((column, k) => {
    const name = operator.lookupNames[k];
    if (name === null) return;
    const data = readColumn(column);
    const withNull = operator.returnUnmatched ? concatColumns(data.type, [data, nullColumn(data.type, 1)]) : data;
    added.push({ name, data: withNull, rows: positions });
  });
  return { rowCount: kept.rowCount, columns: [...kept.columns, ...added] };
}
