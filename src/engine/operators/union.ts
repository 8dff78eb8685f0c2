/**
 * `union`: the rows of every input in order, one after the other, with the columns of the
 * binder's schema. An input without a column gets nulls (empty strings) there. When inputs
 * disagree on a column's type, Kusto names the outputs `Name_type` (`Size_int`, `Size_string`);
 * such a column is filled from the input whose column `Name` has that type.
 */
import type { Column, ColumnSchema } from '../table/column';
import { concatColumns, nullColumn, retypeColumn } from '../table/gather';
import { EngineFailure, internalError, unsupported } from '../errors';
import type { SourceSpan } from '../errors';
import { asText } from '../functions/textVector';
import { pollCancel } from '../functions/vector';
import type { RelColumn, Relation, RunContext } from './relation';
import { readColumn } from './relation';

/** Whether `c` is written to output `targetName` as `Name_type` (its bare name is no output column). */
function isSuffixedAs(c: RelColumn, targetName: string, names: ReadonlySet<string>): boolean {
  return c.name !== targetName && !names.has(c.name) && `${c.name}_${c.data.type}` === targetName;
}

function sourceColumn(input: Relation, target: ColumnSchema, names: ReadonlySet<string>): RelColumn | undefined {
  const exact = input.columns.find((c) => c.name === target.name && c.data.type === target.type);
  if (exact !== undefined) return exact;
  const suffixed = input.columns.find((c) => isSuffixedAs(c, target.name, names));
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

/**
 * True when an output name is both one input's column and another input's type-suffixed
 * column (`x:long` next to `x_long:long`): Kusto then de-duplicates to `x_long1`, and which
 * source lands in which column cannot be told from the names (union-operator.md, "Source
 * columns types mismatch"), so the union answers "not supported" rather than merge the two.
 */
function suffixCollision(inputs: readonly Relation[], schema: readonly ColumnSchema[], names: ReadonlySet<string>): string | null {
  for (const target of schema) {
    const literal = inputs.some((input) => input.columns.some((c) => c.name === target.name));
    const suffixed = inputs.some((input) => input.columns.some((c) => isSuffixedAs(c, target.name, names)));
    if (literal && suffixed) return target.name;
  }
  return null;
}

/** Applies `union` over `inputs` (for `T | union U`, T first). */
export function applyUnion(inputs: readonly Relation[], schema: readonly ColumnSchema[], run: RunContext, span: SourceSpan | null): Relation {
  const names = new Set(schema.map((c) => c.name));
  const collision = suffixCollision(inputs, schema, names);
  if (collision !== null) throw new EngineFailure(unsupported(`union where a type-suffixed column name collides with a column named ${collision}`, span));
  const rowCount = inputs.reduce((s, r) => s + r.rowCount, 0);
  const columns: RelColumn[] = schema.map((target) => {
    pollCancel(run.cancel);
    const parts = inputs.map((input) => {
      const source = sourceColumn(input, target, names);
      if (source === undefined) return nullColumn(target.type, input.rowCount);
      return fitColumn(readColumn(source), target, run, span);
    });
    return { name: target.name, data: concatColumns(target.type, parts), rows: null };
  });
  return { rowCount, columns };
}
