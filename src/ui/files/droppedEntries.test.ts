/**
 * Folder traversal of a drop, over stand-ins of the browser's FileSystem entry API (Node has
 * none): a directory reader that hands out its entries in batches, as Chromium does (100 at a time).
 */
import { describe, expect, it } from 'vitest';
import { filesOfEntries } from './droppedEntries';

function fileEntry(fullPath: string): FileSystemFileEntry {
  const name = fullPath.split('/').pop()!;
  return {
    isFile: true,
    isDirectory: false,
    name,
    fullPath,
    file: (resolve: (file: File) => void) => resolve(new File([fullPath], name)),
  } as unknown as FileSystemFileEntry;
}

function directoryEntry(fullPath: string, children: FileSystemEntry[], batchSize = 2): FileSystemDirectoryEntry {
  return {
    isFile: false,
    isDirectory: true,
    name: fullPath.split('/').pop()!,
    fullPath,
    createReader: () => {
      let next = 0;
      return {
        readEntries: (resolve: (entries: FileSystemEntry[]) => void) => {
          const batch = children.slice(next, next + batchSize);
          next += batch.length;
          setTimeout(() => resolve(batch), 0);
        },
      };
    },
  } as unknown as FileSystemDirectoryEntry;
}

describe('filesOfEntries', () => {
  it('walks folders recursively, reading every batch of entries, with paths relative to the drop', async () => {
    const hours = Array.from({ length: 5 }, (_, h) => directoryEntry(`/logs/d=01/h=0${h}`, [directoryEntry(`/logs/d=01/h=0${h}/m=00`, [fileEntry(`/logs/d=01/h=0${h}/m=00/PT1H.json`)])]));
    const drop = [directoryEntry('/logs', [directoryEntry('/logs/d=01', hours)]), fileEntry('/extra.csv')];
    const files = await filesOfEntries(drop);
    expect(files.map((f) => f.path)).toEqual([
      'logs/d=01/h=00/m=00/PT1H.json',
      'logs/d=01/h=01/m=00/PT1H.json',
      'logs/d=01/h=02/m=00/PT1H.json',
      'logs/d=01/h=03/m=00/PT1H.json',
      'logs/d=01/h=04/m=00/PT1H.json',
      'extra.csv',
    ]);
    expect(await files[4].file.text()).toBe('/logs/d=01/h=04/m=00/PT1H.json');
  });

  it('gives an empty folder no files', async () => {
    expect(await filesOfEntries([directoryEntry('/empty', [])])).toEqual([]);
  });
});
