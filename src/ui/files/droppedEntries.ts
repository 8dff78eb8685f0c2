/**
 * The files of a drop, folders included: each dropped item's `webkitGetAsEntry()` is walked
 * recursively, so dropping a storage download (`insights-logs-<category>/resourceId=/.../PT1H.json`)
 * loads every file in it, each named by its path inside the drop.
 */
import type { PickedFile } from '../../state';

/** Reads every entry of a directory: `readEntries` returns them in batches until an empty one. */
async function readAllEntries(directory: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = directory.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise<File>((resolve, reject) => entry.file(resolve, reject));
}

function isDirectory(entry: FileSystemEntry): entry is FileSystemDirectoryEntry {
  return entry.isDirectory;
}

function isFile(entry: FileSystemEntry): entry is FileSystemFileEntry {
  return entry.isFile;
}

/** The files under `entry` (itself when it is a file), with their paths (no leading slash), sorted by path. */
export async function filesOfEntry(entry: FileSystemEntry): Promise<PickedFile[]> {
  if (isFile(entry)) return [{ file: await fileOf(entry), path: entry.fullPath.replace(/^\//, '') || entry.name }];
  if (!isDirectory(entry)) return [];
  const children = await readAllEntries(entry);
  const nested = await Promise.all(children.map(filesOfEntry));
  return nested.flat().sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The entries of a drop. Must be called synchronously inside the `drop` handler: the items
 * are only readable during the event. Returns null when the browser gives no entries (then
 * the caller falls back to `dataTransfer.files`).
 */
export function droppedEntries(dataTransfer: DataTransfer): FileSystemEntry[] | null {
  const entries: FileSystemEntry[] = [];
  for (const item of Array.from(dataTransfer.items)) {
    if (item.kind !== 'file') continue;
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
    if (entry === null) return null;
    entries.push(entry);
  }
  return entries.length > 0 ? entries : null;
}

/** Every file of the dropped entries, folders walked recursively. */
export async function filesOfEntries(entries: readonly FileSystemEntry[]): Promise<PickedFile[]> {
  return (await Promise.all(entries.map(filesOfEntry))).flat();
}
