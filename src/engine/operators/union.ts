/**
 * `union`: the rows of every input in order, one after the other, with the columns of the
 * binder's schema. An input without a column gets nulls (empty strings) there. When inputs
 * disagree on a column's type, Kusto names the outputs `Name_type` (`Size_int`, `Size_string`);
 * such a column is filled from the input whose column `Name` has that type.
 */
import type { Column, ColumnSchema } from '../table/column';
import { concatColumns, nullColumn, retypeColumn } from '../table/gather';
import { EngineFailure, internalError } from '../errors';
import type { SourceSpan } from '../errors';
import { asText } from '../functions/textVector';
import { pollCancel } from '../functions/vector';
import type { RelColumn, Relation, RunContext } from './relation';
import { readColumn } from './relation';

function sourceColumn(input: Relation, target: ColumnSchema): RelColumn | undefined {
  const exact = input.columns.find((c) => c.name === target.name && c.data.type === target.type);
  if (exact !== undefined) return exact;
  const suffixed = input.columns.find((c) => `${c.name}_${c.data.type}` === target.name);
  if (suffixed !== undefined) return suffixed;
  return input.columns.find((c) => c.name === target.name);
}

function fitColumn(column: Column, target: ColumnSchema, run: RunContext, span: SourceSpan | null): Column {
  if (column.type === target.type) return column;
  const retyped = retypeColumn(column, target.type);
  if (retyped !== null) return retyped;
  if (target.type === 'string') return asText(column, { rowCount: column.length, nowTicks: run.nowTicks, cancel: run.cancel });
  throw new EngineFailure(internalError(`union: cannot fit ${column.type} into ${target.name}:${target.type}`, span));
}

/** Applies `union` over `inputs` (for `T | union U`, T first). */
export function applyUnion(inputs: readonly Relation[], schema: readonly ColumnSchema[], run: RunContext, span: SourceSpan | null): Relation {
  const rowCount = inputs.reduce((s, r) => s + r.rowCount, 0);
  const columns: RelColumn[] = schema.map((target) => {
    pollCancel(run.cancel);
    const parts = inputs.map((input) => {
      const source = sourceColumn(input, target);
      if (source === undefined) return nullColumn(target.type, input.rowCount);
      return fitColumn(readColumn(source), target, run, span);
    });
    return { name: target.name, data: concatColumns(target.type, parts), rows: null };
  });
  return { rowCount, columns };
}
