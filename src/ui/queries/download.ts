import { downloadBlob } from '../app/download';

/** Offers `content` as a file download named `fileName` (a blob URL; nothing leaves the page). */
export function downloadText(fileName: string, content: string, type = 'text/plain;charset=utf-8'): void {
  downloadBlob(new Blob([content], { type }), fileName);
}
