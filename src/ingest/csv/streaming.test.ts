/**
 * Streaming behaviour of the CSV parser: chunk boundaries anywhere (inside UTF-8 sequences,
 * quotes and CRLF), progress reports, cancellation, and files longer than the held-back rows.
 */
import { describe, expect, it } from 'vitest';
import { rowObjects } from '../testHelpers';
import { parseCsv, parseDelimited } from './parseDelimited';
import { recordingContext, textSource } from './testSupport';
import { ticksFromMs } from '../../engine/types/datetime';

const ticks = (iso: string) => ticksFromMs(Date.parse(iso));

describe('chunk boundaries', () => {
  const text = '\uFEFFname,"note [UTC]"\r\n"Zoë ""Z""","日本, 😀\r\nline 2"\r\nplain,x\r\n';
  const expected = [
    { name: 'Zoë "Z"', note: '日本, 😀\r\nline 2' },
    { name: 'plain', note: 'x' },
  ];

  it('gives the same rows for every chunk size, splitting multi-byte characters', async () => {
    const size = new TextEncoder().encode(text).byteLength;
    for (let chunk = 1; chunk <= size; chunk++) {
      const outcome = await parseCsv(textSource(text, 'u.csv', chunk), recordingContext());
      expect(outcome.tables[0].schema.map((c) => c.name)).toEqual(['name', 'note']);
      // `note` carried a zone label: it started as a datetime and turned to string, keeping the text.
      expect(rowObjects(outcome.tables[0])).toEqual(expected);
    }
  });
});

describe('progress and cancellation', () => {
  const lines = ['a,b'];
  for (let i = 0; i < 50; i++) lines.push(`${i},v${i}`);
  const text = lines.join('\n') + '\n';

  it('reports bytes after every chunk and rows at least once per chunk', async () => {
    const context = recordingContext();
    const outcome = await parseCsv(textSource(text, 'p.csv', 64), context);
    expect(outcome.tables[0].rowCount).toBe(50);
    const chunks = Math.ceil(text.length / 64);
    expect(context.bytes).toHaveLength(chunks);
    expect(context.bytes[chunks - 1]).toBe(text.length);
    expect(context.bytes.every((b, i) => i === 0 || b > context.bytes[i - 1])).toBe(true);
    expect(context.rows.length).toBeGreaterThanOrEqual(chunks);
    expect(context.rows[context.rows.length - 1]).toBe(50);
  });

  it('stops between chunks when cancelled', async () => {
    const context = recordingContext(2);
    const outcome = await parseCsv(textSource(text, 'p.csv', 64), context);
    expect(outcome.error).toBe('cancelled');
    expect(outcome.tables).toEqual([]);
    expect(context.bytes).toHaveLength(2);
  });

  it('turns a read failure into an error outcome', async () => {
    const source = {
      name: 'broken.csv',
      size: null,
      async *chunks() {
        yield new TextEncoder().encode('a,b\n1,2\n');
        throw new Error('disk gone');
      },
    };
    const outcome = await parseCsv(source, recordingContext());
    expect(outcome.error).toBe('could not read the file: disk gone');
    expect(outcome.tables).toEqual([]);
  });
});

describe('files longer than the held-back rows', () => {
  it('decides the date order from the first 1,000 rows and names late contradictions by line', async () => {
    const rows = ['"TimeGenerated [UTC]",Count'];
    // Row 1 proves day-first; the rest are ambiguous. A text value arrives at data row 1,204 (line 1,205).
    rows.push('"13/01/2024, 10:00:00.000",1');
    for (let i = 2; i <= 1300; i++) rows.push(`"0${1 + (i % 9)}/02/2024, 10:00:00.000",${i === 1204 ? 'many' : i}`);
    const outcome = await parseDelimited(textSource(rows.join('\n'), 'Long.csv', 4096), recordingContext(), { delimiter: ',' });
    const table = outcome.tables[0];
    expect(table.name).toBe('Long');
    expect(table.schema).toEqual([
      { name: 'TimeGenerated', type: 'datetime' },
      { name: 'Count', type: 'string' },
    ]);
    const objects = rowObjects(table);
    expect(objects).toHaveLength(1300);
    expect(objects[0]).toEqual({ TimeGenerated: ticks('2024-01-13T10:00:00Z'), Count: '1' });
    // Row 1,100 (i = 1100): day 1 + (1100 % 9) = 3 of February.
    expect(objects[1099]).toEqual({ TimeGenerated: ticks('2024-02-03T10:00:00Z'), Count: '1100' });
    expect(objects[1203].Count).toBe('many');
    expect(outcome.warnings).toEqual(["column Count: value 'many' in line 1,205 is not a long; loaded as string"]);
  });
});
