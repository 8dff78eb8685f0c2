import { describe, expect, it } from 'vitest';
import type { TableInfo } from '../worker/protocol';
import { loadedStatus } from './loadedStatus';
import { countLoadedFiles } from './filesSlice';

const table = (name: string, rowCount: number): TableInfo => ({ name, rowCount, columns: [{ name: 'TimeGenerated', type: 'datetime' }] });
const loaded = { status: 'loaded', rowsByTable: {} } as const;

describe('loadedStatus', () => {
  it('sums rows over the non-empty tables of the sample', () => {
    const status = loadedStatus([table('A', 50_000), table('B', 8_000), table('Empty', 0)], loaded, 0);
    expect(status).toEqual({ kind: 'loaded', source: 'sample', rows: 58_000, tableCount: 2, fileCount: 0 });
  });

  it('names files and sample plus files as the source', () => {
    expect(loadedStatus([table('A', 3)], { status: 'failed', message: 'x' }, 2)).toMatchObject({ kind: 'loaded', source: 'files', fileCount: 2 });
    expect(loadedStatus([table('A', 3)], loaded, 1)).toMatchObject({ kind: 'loaded', source: 'sampleAndFiles', rows: 3 });
  });

  it('reports the sample generation while nothing is loaded', () => {
    expect(loadedStatus([], { status: 'loading' }, 0)).toEqual({ kind: 'loadingSample' });
    expect(loadedStatus([], { status: 'failed', message: 'out of memory' }, 0)).toEqual({ kind: 'sampleFailed', message: 'out of memory' });
    expect(loadedStatus([table('A', 0)], { status: 'idle' }, 0)).toEqual({ kind: 'empty' });
  });
});

describe('countLoadedFiles', () => {
  it('counts files without a file-level error', () => {
    const base = { bytes: 1, format: 'json-lines', rowsByTable: {}, skippedCount: 0, skipped: [] };
    expect(countLoadedFiles([{ ...base, fileName: 'a' }, { ...base, fileName: 'b', error: 'not a resource-log file' }, { ...base, fileName: 'c' }])).toBe(2);
  });
});
