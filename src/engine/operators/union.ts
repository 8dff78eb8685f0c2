/**
 * `union`: the rows of every input in order, one after the other, with the columns of the
 * binder's schema. An input without a column gets nulls (empty strings) there. When inputs
 * disagree on a column's type, Kusto names the outputs `Name_type` (`Size_int`, `Size_string`),
 * numbered when an input already has a column of that name (`x_long1`); such a column is filled
 * from the inputs whose column `Name` has that type (see `assignColumns`).
 */
import type { Column, ColumnSchema } from '../table/column';
import { concatColumns, nullColumn, retypeColumn } from '../table/gather';
import { EngineFailure, internalError, unsupported } from '../errors';
import type { SourceSpan } from '../errors';
import { asText } from '../functions/textVector';
import { pollCancel } from '../functions/vector';
import type { RelColumn, Relation, RunContext } from './relation';
import { readColumn } from './relation';

/** The output column's key: name and type. */
function keyOf(name: string, type: string): string {
  return `${name}\u0000${type}`;
}

/** Most numbered variants of a type-suffixed name tried (`x_long`, `x_long1`, ...). */
const MAX_SUFFIX_NUMBER = 1000;

/**
 * Where each input's columns go in the binder's schema (union-operator.md, "Source columns
 * types mismatch"): a column whose name and type are an output column's goes there; a column
 * whose name the inputs use with several types goes to `Name_type`, or, when that name is
 * already an input's own column (`x:long` next to `x_long:long`), to the first free
 * `Name_type1`, `Name_type2`, ...; failing both, to the output column of its name (retyped).
 */
function assignColumns(inputs: readonly Relation[], schema: readonly ColumnSchema[], span: SourceSpan | null): Map<string, RelColumn>[] {
  const outputs = new Set(schema.map((c) => keyOf(c.name, c.type)));
  const names = new Set(schema.map((c) => c.name));
  const literal = new Set<string>();
  for (const input of inputs) {
    for (const c of input.columns) if (outputs.has(keyOf(c.name, c.data.type))) literal.add(keyOf(c.name, c.data.type));
  }
  const suffixedTarget = (c: RelColumn): string | undefined => {
    for (let n = 0; n <= MAX_SUFFIX_NUMBER; n++) {
      const candidate = `${c.name}_${c.data.type}${n === 0 ? '' : String(n)}`;
      const key = keyOf(candidate, c.data.type);
      if (!names.has(candidate)) return undefined;
      if (outputs.has(key) && !literal.has(key)) return candidate;
    }
    return undefined;
  };
  return inputs.map((input) => {
    const assigned = new Map<string, RelColumn>();
    const assign = (target: string | undefined, c: RelColumn): boolean => {
      if (target === undefined || assigned.has(target)) return false;
      assigned.set(target, c);
      return true;
    };
    for (const c of input.columns) {
      if (outputs.has(keyOf(c.name, c.data.type)) && assign(c.name, c)) continue;
      if (assign(suffixedTarget(c), c)) continue;
      if (names.has(c.name) && assign(c.name, c)) continue;
      // Why: an outer union keeps every input column; one we cannot place means names we do not
      // know how Kusto gives, and a silently dropped column would be a wrong answer.
      throw new EngineFailure(unsupported(`union where column ${c.name} (${c.data.type}) gets a name this engine cannot tell`, span));
    }
    return assigned;
  });
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
  const assignments = assignColumns(inputs, schema, span);
  const rowCount = inputs.reduce((s, r) => s + r.rowCount, 0);
  const columns: RelColumn[] = schema.map((target) => {
    pollCancel(run.cancel);
    const parts = inputs.map((input, i) => {
      const source = assignments[i].get(target.name);
      if (source === undefined) return nullColumn(target.type, input.rowCount);
      return fitColumn(readColumn(source), target, run, span);
    });
    return { name: target.name, data: concatColumns(target.type, parts), rows: null };
  });
  return { rowCount, columns };
}
