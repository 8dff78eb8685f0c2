import { useEffect } from 'react';
import { useAppStore } from '../../state';

/** Quiet time after the last keystroke or caret move before the block is analysed. */
export const LIVE_ANALYSIS_DELAY_MS = 250;

/**
 * Asks the worker to analyse the query block under the caret, 250 ms after the text, the caret
 * or the loaded tables last changed (the slice keeps only the latest answer).
 */
export function useLiveAnalysis(): void {
  const editorText = useAppStore((s) => s.editorText);
  const cursorOffset = useAppStore((s) => s.cursorOffset);
  const tables = useAppStore((s) => s.tables);
  const analyzeAtCursor = useAppStore((s) => s.analyzeAtCursor);
  useEffect(() => {
    if (editorText.trim() === '') return;
    const timer = setTimeout(analyzeAtCursor, LIVE_ANALYSIS_DELAY_MS);
    return () => clearTimeout(timer);
  }, [editorText, cursorOffset, tables, analyzeAtCursor]);
}
