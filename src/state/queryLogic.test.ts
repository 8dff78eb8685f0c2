import { describe, expect, it } from 'vitest';
import type { EngineError } from '../engine';
import type { RunState } from './runState';
import { errorMarkerFor, errorPositionFor, insertAt, runOriginOf, runStateFromFailure, runStateFromReply, type RunOrigin } from './queryLogic';
import { lineColumnAt } from './textPosition';

const analysis: EngineError = { code: 'E_ANALYSIS', message: "The name 'Foo' does not refer to any known column", span: { start: 10, length: 3 } };

function errorRun(error: EngineError, blockStart: number): RunState {
  return { status: 'error', queryText: 'T | where Foo > 1', error, blockStart, blockPosition: { line: 1, column: 1 } };
}

/** The origin of a run of `queryText` at `blockStart` (the position is irrelevant to these tests). */
function origin(queryText: string, blockStart: number): RunOrigin {
  return { queryText, blockStart, blockPosition: { line: 3, column: 1 } };
}

describe('runStateFromReply', () => {
  it('makes a success state from a result', () => {
    const run = runStateFromReply({ type: 'queryResult', id: 1, tables: [], elapsedMs: 12 }, origin('T | take 1', 40));
    expect(run).toEqual({ status: 'success', queryText: 'T | take 1', tables: [], render: undefined, elapsedMs: 12 });
  });

  it('keeps the render request of a result', () => {
    const render = { visualization: 'timechart', properties: {} };
    const run = runStateFromReply({ type: 'queryResult', id: 1, tables: [], render, elapsedMs: 1 }, origin('q', 0));
    expect(run.status === 'success' && run.render).toBe(render);
  });

  it('keeps the block offset on an engine error', () => {
    const run = runStateFromReply({ type: 'queryError', id: 1, error: analysis }, origin('T | where Foo > 1', 57));
    expect(run).toEqual({ status: 'error', queryText: 'T | where Foo > 1', error: analysis, blockStart: 57, blockPosition: { line: 3, column: 1 } });
  });

  it('turns a cancellation error into the cancelled state', () => {
    const run = runStateFromReply({ type: 'queryError', id: 1, error: { code: 'E_CANCELLED', message: 'Query cancelled', span: null } }, origin('q', 3));
    expect(run).toEqual({ status: 'cancelled', queryText: 'q' });
  });

  it('turns a request failure into an internal error without a span', () => {
    const run = runStateFromReply({ type: 'failed', id: 1, message: 'worker crashed' }, origin('q', 3));
    expect(run.status).toBe('error');
    if (run.status === 'error') {
      expect(run.error.code).toBe('E_INTERNAL');
      expect(run.error.message).toBe('worker crashed');
      expect(run.error.span).toBeNull();
    }
    expect(runStateFromFailure('boom', origin('q', 3))).toEqual(run.status === 'error' ? { ...run, error: { ...run.error, message: 'boom' } } : null);
  });
});

describe('errorMarkerFor', () => {
  it('shifts the error span by the start of the run block', () => {
    const editorText = 'A | take 1\n\nT | where Foo > 1';
    const blockStart = editorText.indexOf('T |');
    const marker = errorMarkerFor(errorRun(analysis, blockStart), editorText.length);
    expect(marker).not.toBeNull();
    expect(editorText.slice(marker!.start, marker!.start + marker!.length)).toBe('Foo');
    expect(marker!.message).toBe(analysis.message);
  });

  it('marks the first character of the block when the error has no position', () => {
    const marker = errorMarkerFor(errorRun({ code: 'E_RUNTIME', message: 'bad', span: null }, 20), 40);
    expect(marker).toEqual({ start: 20, length: 1, message: 'bad' });
  });

  it('clamps a span that runs past the end of the editor text', () => {
    const marker = errorMarkerFor(errorRun({ ...analysis, span: { start: 5, length: 100 } }, 10), 18);
    expect(marker).toEqual({ start: 15, length: 3, message: analysis.message });
    const beyond = errorMarkerFor(errorRun({ ...analysis, span: { start: 50, length: 4 } }, 10), 18);
    expect(beyond).toEqual({ start: 18, length: 0, message: analysis.message });
  });

  it('is null for every state but error', () => {
    const states: RunState[] = [
      { status: 'idle' },
      { status: 'running', queryText: 'q', startedAt: 0 },
      { status: 'success', queryText: 'q', tables: [], elapsedMs: 0 },
      { status: 'cancelled', queryText: 'q' },
    ];
    for (const s of states) expect(errorMarkerFor(s, 10), s.status).toBeNull();
  });
});

describe('errorPositionFor', () => {
  it('gives the line and column in the editor text, not in the run block', () => {
    const editorText = 'A | take 1\n\nT\n| where Foo > 1';
    const block = { text: 'T\n| where Foo > 1', start: editorText.indexOf('T\n'), end: editorText.length };
    const span = { start: block.text.indexOf('Foo'), length: 3 };
    const run = runStateFromReply({ type: 'queryError', id: 1, error: { ...analysis, span } }, runOriginOf(editorText, block));
    expect(errorPositionFor(run)).toEqual(lineColumnAt(editorText, editorText.indexOf('Foo')));
    expect(errorPositionFor(run)).toEqual({ line: 4, column: 9 });
  });

  it('is null for an error without a span and for other states', () => {
    expect(errorPositionFor(errorRun({ code: 'E_RUNTIME', message: 'bad', span: null }, 20))).toBeNull();
    expect(errorPositionFor({ status: 'cancelled', queryText: 'q' })).toBeNull();
  });
});

describe('insertAt', () => {
  it('inserts at the caret and moves the caret after the insertion', () => {
    expect(insertAt('T | take 5', 0, 'Syslog')).toEqual({ text: 'SyslogT | take 5', cursor: 6 });
    expect(insertAt('union , Event', 6, 'Syslog')).toEqual({ text: 'union Syslog, Event', cursor: 12 });
  });

  it('clamps an out-of-range caret', () => {
    expect(insertAt('ab', 99, 'X')).toEqual({ text: 'abX', cursor: 3 });
    expect(insertAt('ab', -4, 'X')).toEqual({ text: 'Xab', cursor: 1 });
  });
});
