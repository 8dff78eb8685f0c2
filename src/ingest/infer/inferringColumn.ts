/**
 * One column of a table whose types are not declared (or are, for known tables).
 * An undeclared column buffers its first values, infers a type from them, then confirms it
 * while rows stream in: a value that contradicts the type turns the column to `string`
 * without losing data, because each cell's original text is kept until `finish`.
 */
import type { Column, DynamicValue } from '../../engine/table/column';
import type { ColumnBuilder } from '../../engine/table/builder';
import { appendValue, columnBuilderFor, NumericColumnBuilder, StringColumnBuilder } from '../../engine/table/builder';
import { cellOf } from '../../engine/table/rows';
import type { ScalarType } from '../../engine/types/scalarType';
import { formatDatetime, formatTimespan } from '../../engine/types/datetime';
import type { InferredType, RawCell, ReadOptions } from './classify';
import { cellText, classifyCell, convertCell, isEmptyCell, unifyTypes } from './classify';

/** Where a row came from, for warnings: a 1-based line of the file, else the 1-based row of the table. */
export interface RowPlace {
  readonly row: number;
  readonly line: number | undefined;
}

const numberFormat = new Intl.NumberFormat('en-US');

/** `line 1,204` or `row 1,204`. */
export function describePlace(place: RowPlace): string {
  return place.line !== undefined ? `line ${numberFormat.format(place.line)}` : `row ${numberFormat.format(place.row + 1)}`;
}

/** Shortens a value for a warning. */
function quote(text: string): string {
  return `'${text.length > 40 ? `${text.slice(0, 40)}…` : text}'`;
}

/** Settings shared by the columns of one table. */
export interface ColumnSettings extends ReadOptions {
  /** How many non-empty values decide an undeclared column's type. */
  readonly sampleSize: number;
  /**
   * Rows up to which an undeclared typed column keeps each cell's original text. Past it the
   * texts are dropped (memory stays near the typed column's size); a later contradiction
   * then rebuilds earlier cells as canonical text (ISO 8601 datetimes, Kusto timespans).
   */
  readonly keepTextRows: number;
  /** Receives the column's notes (type changes, unreadable values). */
  warn(message: string): void;
}

/** The canonical text of a typed value, when the original text can be rebuilt from it exactly. */
function canonicalText(value: number | string | DynamicValue, type: ScalarType): string | undefined {
  if (typeof value !== 'number') return undefined;
  if (type === 'bool') return value === 1 ? 'true' : 'false';
  if (type === 'long' || type === 'real') return String(value);
  return undefined;
}

/** A column being built: sampling (undeclared, type not yet known), typed, or plain string. */
export class InferringColumn {
  /** Rows appended so far (including nulls). */
  length = 0;
  /** Rows whose cell was not empty. */
  nonEmpty = 0;
  private type: ScalarType | null;
  private readonly declared: boolean;
  // Sampling state: the nulls before the first value, then the buffered cells.
  private leadingNulls = 0;
  private sample: RawCell[] = [];
  private sampleValues = 0;
  private sampleType: InferredType | null = null;
  // Typed state.
  private builder: ColumnBuilder | null = null;
  /** Original text per row while typed (undeclared only); null where the typed value rebuilds it. */
  private texts: StringColumnBuilder | null = null;
  // Declared columns: values that could not be read.
  private unreadable = 0;

  /**
   * @param name column name
   * @param declaredType a fixed type (known tables, sources with types), or null to infer
   * @param hintedType for an undeclared column, a type to start with instead of sampling
   *   (e.g. a ` [UTC]` header says datetime); a contradicting value still turns it to string
   */
  constructor(readonly name: string, declaredType: ScalarType | null, private readonly settings: ColumnSettings, hintedType: InferredType | null = null) {
    this.declared = declaredType !== null;
    this.type = declaredType ?? hintedType;
    if (this.type !== null) this.builder = columnBuilderFor(this.type);
    if (declaredType === null && hintedType !== null && hintedType !== 'string') this.texts = new StringColumnBuilder('guid');
  }

  /** The column's type so far (null while an undeclared column is still sampling). */
  get currentType(): ScalarType | null {
    return this.type;
  }

  /** Appends `count` empty cells (a column that first appears in a later row). */
  padNulls(count: number): void {
    for (let i = 0; i < count; i++) this.add(undefined, { row: this.length, line: undefined });
  }

  /** Appends one cell. */
  add(raw: RawCell, place: RowPlace): void {
    const empty = isEmptyCell(raw);
    if (!empty) this.nonEmpty++;
    this.length++;
    if (this.type === null) {
      this.addToSample(raw, empty);
      return;
    }
    this.appendTyped(raw, empty, place);
  }

  private addToSample(raw: RawCell, empty: boolean): void {
    if (empty && this.sample.length === 0) {
      this.leadingNulls++;
      return;
    }
    this.sample.push(raw);
    if (!empty && raw !== undefined && raw !== null) {
      this.sampleValues++;
      const kind = classifyCell(raw, this.settings);
      this.sampleType = this.sampleType === null ? kind : unifyTypes(this.sampleType, kind, this.settings.stringInference);
    }
    // Why the second bound: a mostly empty column must not buffer the whole file.
    if (this.sampleValues >= this.settings.sampleSize || this.sample.length >= 8 * this.settings.sampleSize) this.decide();
  }

  /** Fixes the type from the sample and replays the buffered cells into typed storage. */
  private decide(): void {
    const type: ScalarType = this.sampleType ?? 'string';
    this.type = type;
    this.builder = columnBuilderFor(type);
    this.texts = type === 'string' ? null : new StringColumnBuilder('guid');
    for (let i = 0; i < this.leadingNulls; i++) this.appendNull();
    const sample = this.sample;
    const firstRow = this.leadingNulls;
    this.sample = [];
    sample.forEach((raw, i) => this.appendTyped(raw, isEmptyCell(raw), { row: firstRow + i, line: undefined }));
  }

  private appendNull(): void {
    if (this.builder === null) return;
    appendValue(this.builder, null);
    this.texts?.append(null);
  }

  private appendTyped(raw: RawCell, empty: boolean, place: RowPlace): void {
    const type = this.type;
    const builder = this.builder;
    if (type === null || builder === null) return;
    if (empty || raw === undefined || raw === null) {
      this.appendNull();
      return;
    }
    if (this.declared) {
      this.appendDeclared(raw, type, builder, place);
      return;
    }
    if (type !== 'string') {
      const kind = classifyCell(raw, this.settings);
      const unified = unifyTypes(type as InferredType, kind, this.settings.stringInference);
      if (unified !== type) {
        this.settings.warn(`column ${this.name}: value ${quote(cellText(raw))} in ${describePlace(place)} is not a ${type}; loaded as ${unified}`);
        this.retype(unified);
        this.appendTyped(raw, empty, place);
        return;
      }
    }
    const value = convertCell(raw, type, this.settings);
    if (value === undefined) {
      // Classification and conversion agree by construction; keep the text rather than lose it.
      this.retype('string');
      this.appendTyped(raw, empty, place);
      return;
    }
    appendValue(builder, value);
    if (this.texts !== null) {
      this.texts.append(typeof raw === 'string' && canonicalText(value, type) !== raw ? raw : null);
      if (this.texts.length > this.settings.keepTextRows) this.texts = null;
    }
  }

  private appendDeclared(raw: DynamicValue, type: ScalarType, builder: ColumnBuilder, place: RowPlace): void {
    const value = convertCell(raw, type, this.settings);
    if (value !== undefined) {
      appendValue(builder, value);
      return;
    }
    if (this.unreadable === 0) {
      this.settings.warn(`column ${this.name}: value ${quote(cellText(raw))} in ${describePlace(place)} is not a ${type}; loaded as null`);
    }
    this.unreadable++;
    appendValue(builder, null);
  }

  /** Rebuilds the column as `to` (`real` from `long`, or `string`/`dynamic` from anything) keeping every value. */
  private retype(to: InferredType): void {
    const from = this.type;
    const builder = this.builder;
    if (from === null || builder === null) return;
    const typed = builder.finish();
    const texts = this.texts?.finish() ?? null;
    const next = columnBuilderFor(to);
    for (let row = 0; row < typed.length; row++) {
      const value = cellOf(typed, row);
      if (to === 'real' && next instanceof NumericColumnBuilder) {
        next.append(typeof value === 'number' ? value : null);
        continue;
      }
      const code = texts === null ? -1 : texts.codes[row];
      const text = code >= 0 && texts !== null ? texts.dict[code] : rebuildText(value, from);
      appendValue(next, to === 'dynamic' && code < 0 ? value : text);
    }
    this.type = to;
    this.builder = next;
    if (to === 'string') {
      this.texts = null;
    } else if (texts !== null) {
      const kept = new StringColumnBuilder('guid');
      for (let row = 0; row < texts.length; row++) kept.append(texts.codes[row] >= 0 ? texts.dict[texts.codes[row]] : null);
      this.texts = kept;
    }
  }

  /** The finished column and its type; an undeclared column still sampling decides now. */
  finish(): { type: ScalarType; column: Column } {
    if (this.type === null) this.decide();
    if (this.unreadable > 1) {
      this.settings.warn(`column ${this.name}: ${numberFormat.format(this.unreadable)} values were not a ${String(this.type)} and were loaded as null`);
    }
    const builder = this.builder ?? columnBuilderFor('string');
    return { type: this.type ?? 'string', column: builder.finish() };
  }
}

/** The text of a typed cell whose original text was not kept (a JSON value, canonical text, or past `keepTextRows`). */
function rebuildText(value: ReturnType<typeof cellOf>, from: ScalarType): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (from === 'bool') return value !== 0 ? 'true' : 'false';
    if (from === 'datetime') return formatDatetime(value);
    if (from === 'timespan') return formatTimespan(value);
  }
  return cellText(value);
}
