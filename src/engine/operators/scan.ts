/**
 * `scan` (scan-operator.md), following the page's matching logic record by record:
 * - the state holds, per step k, either nothing or an active sequence: its match id and the
 *   extended record that last matched each step 1..k of it;
 * - each record is checked against the steps from the last to the first. Check 1: when step
 *   k-1 has a sequence and the record meets step k's condition (read with that sequence), the
 *   sequence moves from k-1 to k (k-1 becomes empty), step k's values are computed and the record
 *   joins it. Otherwise check 2: when step k has a sequence (or k is the first step) and the
 *   record meets its condition with that sequence, step k's record in it is replaced; on the
 *   first step without a sequence this starts a new one with the next match id (from 0);
 * - a matching record is output when its step says `output=all`.
 * Inside conditions and values, `step.column` reads the sequence's record for that step (a
 * declared column's default, or null, when the step has none); a bare column reads the current
 * record, and a bare declared column its default. Expressions are evaluated per record over
 * one-row columns: scan is sequential by nature, so it has no columnar kernel.
 */
import type { ScanOperator } from '../plan';
import type { Column } from '../table/column';
import type { ScalarType } from '../types/scalarType';
import type { SourceSpan } from '../errors';
import { EngineFailure, internalError } from '../errors';
import type { ColumnSource } from '../functions/evaluate';
import { evaluate } from '../functions/evaluate';
import type { Scalar } from '../functions/vector';
import { POLL_MASK, at, constantOf, pollCancel, writerFor } from '../functions/vector';
import type { RelColumn, Relation, RunContext } from './relation';
import { readColumn, selectPositions } from './relation';

const STATE_COLUMN = /^\$scan:(\d+):([\s\S]*)$/;

/** The column name the lowering gives `step.column` inside `scan` (the step by its 0-based index). */
export function scanStateColumn(step: number, column: string): string {
  return `$scan:${step}:${column}`;
}

/** An active sequence: its match id and, per step 0..k, the extended record that matched it. */
interface Sequence {
  readonly matchId: number;
  readonly records: readonly (readonly Scalar[] | undefined)[];
}

/** Everything the per-record evaluation needs about the input and the declared columns. */
interface ScanFrame {
  readonly input: readonly Column[];
  readonly names: ReadonlyMap<string, number>;
  readonly types: readonly ScalarType[];
  readonly defaults: readonly Scalar[];
  readonly inputWidth: number;
  readonly run: RunContext;
}

function sourceFor(frame: ScanFrame, row: number, sequence: Sequence | null, span: SourceSpan): ColumnSource {
  return {
    rowCount: 1,
    nowTicks: frame.run.nowTicks,
    cancel: frame.run.cancel,
    column(name) {
      const state = STATE_COLUMN.exec(name);
      const columnName = state === null ? name : state[2];
      const index = frame.names.get(columnName);
      if (index === undefined) throw new EngineFailure(internalError(`scan: unknown column '${columnName}'`, span));
      const type = frame.types[index];
      if (state !== null) {
        const record = sequence?.records[Number(state[1])];
        const value = record !== undefined ? record[index] : index >= frame.inputWidth ? frame.defaults[index - frame.inputWidth] : null;
        return constantOf(type, value);
      }
      if (index >= frame.inputWidth) return constantOf(type, frame.defaults[index - frame.inputWidth]);
      return constantOf(type, at(frame.input[index], row));
    },
  };
}

/** Applies `scan` to `relation` (in its current order). */
export function applyScan(relation: Relation, op: ScanOperator, run: RunContext, span: SourceSpan): Relation {
  const input = relation.columns.map((c) => readColumn(c));
  const names = new Map<string, number>();
  relation.columns.forEach((c, i) => names.set(c.name, i));
  op.declared.forEach((d, i) => names.set(d.name, relation.columns.length + i));
  const empty: ColumnSource = { rowCount: 1, nowTicks: run.nowTicks, cancel: run.cancel, column: () => undefined };
  const frame: ScanFrame = {
    input, names, run, inputWidth: input.length,
    types: [...input.map((c) => c.type), ...op.declared.map((d) => d.type)],
    defaults: op.declared.map((d) => (d.defaultValue === null ? null : at(evaluate(d.defaultValue, empty), 0))),
  };
  const sequences: (Sequence | null)[] = op.steps.map(() => null);
  const outRows: number[] = [];
  const outValues: Scalar[][] = [];
  const outIds: number[] = [];
  let nextMatchId = 0;

  const extended = (k: number, row: number, sequence: Sequence | null): Scalar[] => {
    const step = op.steps[k];
    const source = sourceFor(frame, row, sequence, span);
    const values: Scalar[] = input.map((c) => at(c, row));
    values.push(...frame.defaults);
    for (const assignment of step.assignments) {
      const index = names.get(assignment.name);
      if (index === undefined) throw new EngineFailure(internalError(`scan: unknown column '${assignment.name}'`, span));
      values[index] = at(evaluate(assignment.expr, source), 0);
    }
    return values;
  };
  const meets = (k: number, row: number, sequence: Sequence | null): boolean =>
    at(evaluate(op.steps[k].condition, sourceFor(frame, row, sequence, span)), 0) === true;
  const emit = (k: number, row: number, values: Scalar[], matchId: number): void => {
    if (op.steps[k].output !== 'all') return;
    outRows.push(row);
    outValues.push(values.slice(frame.inputWidth));
    outIds.push(matchId);
  };

  for (let row = 0; row < relation.rowCount; row++) {
    if ((row & POLL_MASK) === 0) pollCancel(run.cancel);
    for (let k = op.steps.length - 1; k >= 0; k--) {
      const previous = k > 0 ? sequences[k - 1] : null;
      if (previous !== null && meets(k, row, previous)) {
        const values = extended(k, row, previous);
        sequences[k] = { matchId: previous.matchId, records: [...previous.records.slice(0, k), values] };
        sequences[k - 1] = null;
        emit(k, row, values, previous.matchId);
        continue;
      }
      const own = sequences[k];
      if ((own !== null || k === 0) && meets(k, row, own)) {
        const values = extended(k, row, own);
        const matchId = own === null ? nextMatchId++ : own.matchId;
        const records = own === null ? [] : own.records.slice();
        records[k] = values;
        sequences[k] = { matchId, records };
        emit(k, row, values, matchId);
      }
    }
  }

  const kept = selectPositions(relation, Int32Array.from(outRows));
  const declared: RelColumn[] = op.declared.map((d, j) => {
    const writer = writerFor(d.type, outRows.length);
    for (let i = 0; i < outRows.length; i++) writer.set(i, outValues[i][j]);
    return { name: d.name, data: writer.finish(), rows: null };
  });
  const columns = [...kept.columns, ...declared];
  if (op.matchId !== null) {
    const writer = writerFor('long', outRows.length);
    for (let i = 0; i < outIds.length; i++) writer.set(i, outIds[i]);
    columns.push({ name: op.matchId, data: writer.finish(), rows: null });
  }
  return { rowCount: outRows.length, columns };
}
