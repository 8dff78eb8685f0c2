/**
 * `parse` and `parse-where` (parse-operator.md, parse-where-operator.md): the text is matched
 * against the operator's regular expression once per distinct text (dictionary entry), each
 * named group is converted to its column's type, and every output column reads those per-entry
 * values through one shared index vector (the text's codes), so no per-row values are built.
 * A text that does not match gives null in every extracted column (`parse`) or drops its row
 * (`parse-where`); a capture that does not convert fails its whole row, except in relaxed mode
 * where only that column is null.
 */
import type { ParseOperator } from '../plan';
import type { Column, StringColumn } from '../table/column';
import type { SourceSpan } from '../errors';
import { EngineFailure, internalError, runtimeError } from '../errors';
import { evaluate } from '../functions/evaluate';
import type { ColumnWriter } from '../functions/vector';
import { POLL_MASK, pollCancel, writerFor } from '../functions/vector';
import type { RelColumn, Relation, RunContext } from './relation';
import { columnSource, selectPositions } from './relation';
import { convertCapture } from './parseValues';

/** The per-entry result: one column per capture (entry `dict.length` is the null text), and which entries parsed. */
interface EntryResults {
  readonly columns: Column[];
  readonly parsed: Uint8Array;
}

function compile(op: ParseOperator, span: SourceSpan): RegExp {
  try {
    return new RegExp(op.regex.source, op.regex.flags);
  } catch (e) {
    throw new EngineFailure(runtimeError(`parse: invalid regular expression (${(e as Error).message})`, span));
  }
}

function parseEntries(op: ParseOperator, dict: readonly string[], run: RunContext, span: SourceSpan): EntryResults {
  const regex = compile(op, span);
  const entries = dict.length + 1;
  const writers: ColumnWriter[] = op.captures.map((c) => writerFor(c.type, entries));
  const parsed = new Uint8Array(entries);
  const values = new Array<ReturnType<typeof convertCapture>>(op.captures.length);
  for (let e = 0; e < dict.length; e++) {
    if ((e & POLL_MASK) === 0) pollCancel(run.cancel);
    const groups = regex.exec(dict[e])?.groups;
    if (groups === undefined) {
      for (const w of writers) w.set(e, null);
      continue;
    }
    let ok = true;
    for (let k = 0; k < op.captures.length; k++) {
      const capture = op.captures[k];
      const text = groups[capture.group] ?? '';
      const value = convertCapture(capture.type, text);
      if (value === undefined) ok = false;
      values[k] = value;
    }
    if (!ok && !op.relaxed) {
      for (const w of writers) w.set(e, null);
      continue;
    }
    parsed[e] = 1;
    for (let k = 0; k < writers.length; k++) writers[k].set(e, values[k] ?? null);
  }
  // The last entry: a null text (a null guid converted by the lowering never reaches here as a
  // string, but a code of -1 maps to it), which parses as nothing.
  for (const w of writers) w.set(dict.length, null);
  return { columns: writers.map((w) => w.finish()), parsed };
}

function textColumn(relation: Relation, op: ParseOperator, run: RunContext, span: SourceSpan): StringColumn {
  const text = evaluate(op.text, columnSource(relation, run));
  if (text.kind !== 'string') throw new EngineFailure(internalError(`parse: the text is ${text.type}, expected string`, span));
  return text;
}

/** Applies `parse`/`parse-where` to `relation`; extracted columns replace same-named input columns. */
export function applyParse(relation: Relation, op: ParseOperator, run: RunContext, span: SourceSpan): Relation {
  const text = textColumn(relation, op, run, span);
  const { columns, parsed } = parseEntries(op, text.dict, run, span);
  const nullEntry = text.dict.length;
  const constant = text.length === 1 && relation.rowCount !== 1;
  const entryOf = (row: number): number => {
    const code = text.codes[constant ? 0 : row];
    return code < 0 ? nullEntry : code;
  };
  let kept: Relation = relation;
  let count = relation.rowCount;
  if (op.dropUnparsed) {
    count = 0;
    for (let i = 0; i < relation.rowCount; i++) if (parsed[entryOf(i)] === 1) count++;
  }
  const rows = new Int32Array(count);
  const positions = op.dropUnparsed ? new Int32Array(count) : null;
  let j = 0;
  for (let i = 0; i < relation.rowCount; i++) {
    if ((i & POLL_MASK) === 0) pollCancel(run.cancel);
    const entry = entryOf(i);
    if (positions !== null) {
      if (parsed[entry] !== 1) continue;
      positions[j] = i;
    }
    rows[j++] = entry;
  }
  if (positions !== null) kept = selectPositions(relation, positions);
  const added: RelColumn[] = op.captures.map((c, k) => ({ name: c.name, data: columns[k], rows }));
  const addedByName = new Map(added.map((c) => [c.name, c]));
  const existing = new Set(kept.columns.map((c) => c.name));
  return {
    rowCount: count,
    columns: [...kept.columns.map((c) => addedByName.get(c.name) ?? c), ...added.filter((c) => !existing.has(c.name))],
  };
}
