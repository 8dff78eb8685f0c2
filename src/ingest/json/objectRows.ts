/**
 * Files whose rows are JSON objects with no declared types: `az monitor log-analytics query
 * -o json` output (shared/docs/acr-logs.md §5.3), generic NDJSON (an object per line) and JSON
 * arrays of objects. Types are inferred (`InferringTableBuilder`) unless a row's table is a
 * known table, whose documented columns and types are kept (other fields appended as extras).
 */
import type { Table } from '../../engine/table/table';
import type { ByteSource, FileFormat, FormatParser, ParseContext, ParseOutcome } from '../formats/contract';
import type { RawCell, StringInference } from '../infer';
import { InferringTableBuilder } from '../infer';
import { isJsonObject } from '../fieldLookup';
import type { JsonObject } from '../fieldLookup';
import { KNOWN_TABLES } from '../knownTables';
import type { ContainerPlan, JsonPath, JsonScanHandler } from './scanner';
import { JsonScanner } from './scanner';
import { tableNameFromFile } from './destinations';
import { OutcomeNotes, outcomeOf, runScan } from './scanRun';

/** How rows of one file are read. */
interface RowStyle {
  /** The destination table of a row object (the object may be edited, e.g. to drop `TableName`). */
  tableOf(row: JsonObject): string;
  /** A cell as handed to the inferring builder. */
  cell(value: unknown): RawCell;
  readonly stringInference: StringInference;
}

/** The tables of one file, one inferring builder each. */
class InferredTables {
  private readonly builders = new Map<string, InferringTableBuilder>();
  constructor(private readonly style: RowStyle) {}

  get rowCount(): number {
    let rows = 0;
    for (const b of this.builders.values()) rows += b.rowCount;
    return rows;
  }

  add(row: JsonObject, line: number): void {
    const name = this.style.tableOf(row);
    let builder = this.builders.get(name);
    if (builder === undefined) {
      builder = new InferringTableBuilder(name, { schema: KNOWN_TABLES.get(name), stringInference: this.style.stringInference });
      this.builders.set(name, builder);
    }
    const cells: Record<string, RawCell> = {};
    for (const key of Object.keys(row)) cells[key] = this.style.cell(row[key]);
    builder.addRow(cells, line);
  }

  finish(notes: OutcomeNotes): { tables: Table[]; extraColumns: Record<string, Record<string, number>> } {
    const tables: Table[] = [];
    const extraColumns: Record<string, Record<string, number>> = {};
    for (const builder of this.builders.values()) {
      tables.push(builder.finish());
      for (const w of builder.warnings) notes.warn(`${builder.name}: ${w}`);
      const extra = Object.fromEntries(Object.entries(builder.extraColumns).filter(([, n]) => n > 0));
      if (Object.keys(extra).length > 0) extraColumns[builder.name] = extra;
    }
    return { tables, extraColumns };
  }
}

class ObjectRowsHandler implements JsonScanHandler {
  topLevelArray = false;
  objects = 0;
  constructor(private readonly tables: InferredTables, private readonly notes: OutcomeNotes) {}

  container(path: JsonPath, kind: 'object' | 'array'): ContainerPlan {
    if (path.length === 0 && kind === 'array') {
      this.topLevelArray = true;
      return 'descend';
    }
    return 'capture';
  }

  value(path: JsonPath, value: unknown, line: number): void {
    if (path.length > 1) return;
    const label = path.length === 1 ? `element ${Number(path[0]) + 1}: ` : '';
    if (!isJsonObject(value)) {
      this.notes.skip(line, `${label}not a JSON object`);
      return;
    }
    this.objects++;
    this.tables.add(value, line);
  }

  invalid(path: JsonPath, line: number, reason: string): void {
    this.notes.skip(line, path.length === 1 ? `element ${Number(path[0]) + 1}: ${reason}` : reason);
  }

  end(): void {}

  syntaxError(line: number, message: string): void {
    this.notes.skip(line, `not valid JSON: ${message}`);
  }
}

async function parseObjectRows(source: ByteSource, context: ParseContext, style: RowStyle, formatOf: (topLevelArray: boolean) => FileFormat): Promise<ParseOutcome> {
  const notes = new OutcomeNotes();
  const tables = new InferredTables(style);
  const handler = new ObjectRowsHandler(tables, notes);
  // Lines are independent in NDJSON: a broken one is skipped and reading resumes on the next.
  const scanner = new JsonScanner(handler, { recover: true });
  const end = await runScan(source, scanner, context, () => tables.rowCount);
  let finished: ReturnType<InferredTables['finish']> | null = null;
  const finish = (): ReturnType<InferredTables['finish']> => (finished ??= tables.finish(notes));
  const format = formatOf(handler.topLevelArray);
  return outcomeOf(format, end, notes, {
    tables: () => finish().tables,
    rowCount: tables.rowCount,
    get extraColumns() {
      return finish().extraColumns;
    },
    emptyError: handler.objects === 0 ? 'no JSON objects found' : undefined,
  });
}

/**
 * Parses generic NDJSON (an object per line) or a JSON array of objects into one table named
 * after the file, column types inferred; nested objects and arrays are dynamic.
 */
export const parseGenericJson: FormatParser = (source, context) => {
  const table = tableNameFromFile(source.name);
  return parseObjectRows(source, context, { tableOf: () => table, cell: (v) => v as RawCell, stringInference: 'datetime' }, (array) => (array ? 'json-array' : 'ndjson'));
};

/** az CLI writes Python's `str()` of every value: `None` is null. */
function azCliCell(value: unknown): RawCell {
  return value === 'None' ? null : (value as RawCell);
}

/**
 * Parses `az monitor log-analytics query -o json` output: rows go to the table named by their
 * `Type` field, else after the file (`TableName`, always `PrimaryResult`, is dropped). Every
 * value is text: `None` is null, `True`/`False` booleans, other types inferred — or, for a
 * known table, its documented types.
 */
export const parseAzCliJson: FormatParser = (source, context) => {
  const fallback = tableNameFromFile(source.name);
  const style: RowStyle = {
    tableOf(row) {
      delete row['TableName'];
      const type = row['Type'];
      return typeof type === 'string' && type !== '' && type !== 'None' ? type : fallback;
    },
    cell: azCliCell,
    stringInference: 'all',
  };
  return parseObjectRows(source, context, style, () => 'az-cli');
};
