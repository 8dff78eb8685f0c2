/**
 * `binary_all_and`, `binary_all_or`, `binary_all_xor` (binary-all-*-aggregation-function.md):
 * the bitwise AND / OR / XOR of a `long` over the group's rows. Nulls are skipped; a group
 * without a value gives null. Bits are combined as signed 64-bit integers (BigInt), so the
 * answer is exact for every value the engine stores exactly (|x| <= 2^53; see the storage
 * decision in docs/architecture.md).
 */
import type { Column } from '../table/column';
import { NumericWriter, POLL_MASK, pollCancel } from '../functions/vector';
import { isNumericType } from '../types/scalarType';
import type { Aggregate } from './protocol';

/** Per-group combined bits and whether any value was seen. */
export interface BitwiseState {
  readonly bits: BigInt64Array;
  readonly seen: Uint8Array;
}

type BitwiseOp = 'and' | 'or' | 'xor';

function combine(op: BitwiseOp, a: bigint, b: bigint): bigint {
  switch (op) {
    case 'and': return a & b;
    case 'or': return a | b;
    case 'xor': return a ^ b;
    default: {
      const never: never = op;
      return never;
    }
  }
}

function longAt(column: Column, i: number): bigint | null {
  const r = column.length === 1 ? 0 : i;
  if (column.kind !== 'number' || (column.nulls !== null && column.nulls[r] === 1)) return null;
  const v = column.data[r];
  return Number.isFinite(v) ? BigInt.asIntN(64, BigInt(Math.trunc(v))) : null;
}

function bitwiseAggregate(op: BitwiseOp): Aggregate<BitwiseState> {
  const fold = (state: BitwiseState, g: number, v: bigint): void => {
    state.bits[g] = state.seen[g] === 1 ? combine(op, state.bits[g], v) : v;
    state.seen[g] = 1;
  };
  return {
    init: (groupCount) => ({ bits: new BigInt64Array(groupCount), seen: new Uint8Array(groupCount) }),
    add(state, groupIds, rowCount, args, cancel) {
      const [value] = args;
      for (let i = 0; i < rowCount; i++) {
        if ((i & POLL_MASK) === 0) pollCancel(cancel);
        const v = longAt(value, i);
        if (v !== null) fold(state, groupIds[i], v);
      }
    },
    merge(into, from) {
      for (let g = 0; g < into.bits.length; g++) {
        if (from.seen[g] === 1) fold(into, g, from.bits[g]);
      }
    },
    result(state, groupCount, type) {
      if (!isNumericType(type)) throw new TypeError(`binary_all_${op}: non-numeric result type ${type}`);
      const out = new NumericWriter(type, groupCount);
      for (let g = 0; g < groupCount; g++) {
        if (state.seen[g] === 1) out.setNumber(g, Number(state.bits[g]));
        else out.setNull(g);
      }
      return out.finish();
    },
  };
}

/** `binary_all_and(x)`. */
export const binaryAllAndAggregate = bitwiseAggregate('and');
/** `binary_all_or(x)`. */
export const binaryAllOrAggregate = bitwiseAggregate('or');
/** `binary_all_xor(x)`. */
export const binaryAllXorAggregate = bitwiseAggregate('xor');
