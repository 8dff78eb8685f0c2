/**
 * Raw resource-log files and Event Hub bodies: `{"records":[...]}` envelopes one per line or
 * concatenated back to back (`}{`, white space), plain records one per line (`PT1H.json`
 * JSON Lines), or a JSON array of records — all mixed freely. Each envelope's `records`
 * stream one record at a time. A line that is not JSON is skipped and reading resumes on
 * the next line.
 */
import type { ByteSource, FileFormat, FormatParser, ParseContext, ParseOutcome } from '../formats/contract';
import type { ContainerPlan, JsonPath, JsonScanHandler } from './scanner';
import { JsonScanner } from './scanner';
import { OutcomeNotes, outcomeOf, runScan } from './scanRun';
import { RecordSink } from './recordSink';

class RecordsHandler implements JsonScanHandler {
  /** Members of the top-level object being read (when it is not an envelope, it is a record). */
  private topFields: [string, unknown][] = [];
  private topIsEnvelope = false;
  private topLine = 0;
  envelopes = 0;
  plainRecords = 0;

  constructor(private readonly sink: RecordSink, private readonly notes: OutcomeNotes) {}

  private isRecordsKey(path: JsonPath): boolean {
    return path.length >= 1 && typeof path[0] === 'string' && path[0].toLowerCase() === 'records';
  }

  container(path: JsonPath, kind: 'object' | 'array', line: number): ContainerPlan {
    if (path.length === 0) {
      this.topFields = [];
      this.topIsEnvelope = false;
      this.topLine = line;
      return 'descend';
    }
    if (path.length === 1 && typeof path[0] === 'number') return 'capture'; // an element of a top-level array
    if (path.length === 1 && this.isRecordsKey(path) && kind === 'array') {
      this.topIsEnvelope = true;
      this.envelopes++;
      return 'descend';
    }
    return 'capture';
  }

  private addRecord(record: unknown, line: number, label: string): void {
    const reason = this.sink.add(record);
    if (reason !== null) this.notes.skip(line, label + reason);
  }

  value(path: JsonPath, value: unknown, line: number): void {
    if (path.length === 0) {
      this.notes.skip(line, 'not a JSON object');
      return;
    }
    if (path.length === 1 && typeof path[0] === 'number') {
      this.plainRecords++;
      this.addRecord(value, line, `record ${path[0] + 1}: `);
      return;
    }
    if (path.length === 2 && this.topIsEnvelope && this.isRecordsKey(path)) {
      this.addRecord(value, line, `record ${Number(path[1]) + 1}: `);
      return;
    }
    if (path.length === 1) this.topFields.push([String(path[0]), value]);
  }

  invalid(path: JsonPath, line: number, reason: string): void {
    const index = path.length >= 1 ? path[path.length - 1] : null;
    this.notes.skip(line, typeof index === 'number' ? `record ${index + 1}: ${reason}` : reason);
  }

  end(path: JsonPath, kind: 'object' | 'array'): void {
    if (path.length !== 0 || kind !== 'object' || this.topIsEnvelope) return;
    // A top-level object without `records`: a record of its own (JSON Lines).
    this.plainRecords++;
    this.addRecord(Object.fromEntries(this.topFields), this.topLine, '');
    this.topFields = [];
  }

  syntaxError(line: number, message: string): void {
    this.topFields = [];
    this.topIsEnvelope = false;
    this.notes.skip(line, `not valid JSON: ${message}`);
  }
}

/**
 * Parses raw resource-log records: ACR log categories and metrics as `PT1H.json` (via
 * `mapRecord`), activity-log records into `AzureActivity`, with the same tables (extra columns
 * included) as the `PT1H.json` line parser gives for the same records. The outcome's format is
 * `resource-log-records` when the file held `{"records":[...]}` envelopes, else
 * `resource-log-jsonl`.
 */
export const parseResourceRecords: FormatParser = async (source: ByteSource, context: ParseContext): Promise<ParseOutcome> => {
  const notes = new OutcomeNotes();
  const sink = new RecordSink();
  const handler = new RecordsHandler(sink, notes);
  const scanner = new JsonScanner(handler, { recover: true });
  const end = await runScan(source, scanner, context, () => sink.rowCount);
  sink.warnings.forEach((w) => notes.warn(w));
  const format: FileFormat = handler.envelopes > 0 ? 'resource-log-records' : 'resource-log-jsonl';
  const sawAny = handler.envelopes > 0 || handler.plainRecords > 0;
  return outcomeOf(format, end, notes, {
    tables: () => sink.finish(),
    rowCount: sink.rowCount,
    extraColumns: sink.extraColumns,
    emptyError: sawAny
      ? 'no record could be loaded (see the skipped lines)'
      : 'no resource-log records found (a JSON object per line, or {"records":[...]})',
  });
};
