/**
 * ZIP archives: each entry becomes its own restartable `ByteSource`.
 *
 * Why the central directory instead of reading the archive front to back: a `ByteSource` must
 * be readable again from its start (the loader sniffs the head, then the parser reads; a parser
 * may read twice). The central directory at the end of the archive gives every entry's offset
 * and sizes, so an entry is read by slicing the Blob and inflating only its bytes (fflate's
 * streaming `Inflate`), without touching the other entries and without holding any entry whole.
 * ZIP64 sizes and offsets are supported; encrypted entries and methods other than stored (0) and
 * deflate (8) are reported per entry.
 */
import { Inflate } from 'fflate';
import type { ByteSource } from '../formats/contract';
import type { BlobLike } from '../readLines';
import { readChunks } from '../readLines';
import type { ReadTracker } from './byteSource';

/** One file inside an archive, as the central directory describes it. */
export interface ZipEntry {
  /** Path inside the archive (`/`-separated). */
  readonly path: string;
  /** Compression method: 0 stored, 8 deflate. */
  readonly method: number;
  readonly encrypted: boolean;
  readonly compressedSize: number;
  readonly size: number;
  readonly crc32: number;
  /** Offset of the entry's local header in the archive. */
  readonly localHeaderOffset: number;
}

/** A malformed or unsupported archive. */
export class ZipError extends Error {}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const MAX_COMMENT = 0xffff;

async function bytesAt(blob: BlobLike, start: number, end: number): Promise<DataView> {
  if (start < 0 || end > blob.size || start > end) throw new ZipError('the archive is truncated (an offset points outside the file)');
  return new DataView(await blob.slice(start, end).arrayBuffer());
}

function u64(view: DataView, offset: number): number {
  return view.getUint32(offset, true) + view.getUint32(offset + 4, true) * 2 ** 32;
}

/** Locates the end-of-central-directory record and returns the central directory's offset, size and entry count. */
async function centralDirectory(blob: BlobLike): Promise<{ offset: number; size: number; count: number }> {
  const tailStart = Math.max(0, blob.size - (22 + MAX_COMMENT));
  const tail = await bytesAt(blob, tailStart, blob.size);
  let eocd = -1;
  for (let i = tail.byteLength - 22; i >= 0; i--) {
    if (tail.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('the ZIP archive is truncated or corrupt (no central directory at its end)');
  let count = tail.getUint16(eocd + 10, true);
  let size = tail.getUint32(eocd + 12, true);
  let offset = tail.getUint32(eocd + 16, true);
  if ((count === 0xffff || size === 0xffffffff || offset === 0xffffffff) && eocd >= 20 && tail.getUint32(eocd - 20, true) === ZIP64_LOCATOR_SIGNATURE) {
    const zip64At = u64(tail, eocd - 20 + 8);
    const zip64 = await bytesAt(blob, zip64At, zip64At + 56);
    if (zip64.getUint32(0, true) !== ZIP64_EOCD_SIGNATURE) throw new ZipError('the ZIP64 archive is corrupt (bad end record)');
    count = u64(zip64, 32);
    size = u64(zip64, 40);
    offset = u64(zip64, 48);
  }
  return { offset, size, count };
}

/** Reads ZIP64 extended sizes/offset from an entry's extra field where the 32-bit ones are saturated. */
function applyZip64(extra: DataView, entry: { size: number; compressedSize: number; localHeaderOffset: number }): void {
  for (let p = 0; p + 4 <= extra.byteLength; ) {
    const id = extra.getUint16(p, true);
    const length = extra.getUint16(p + 2, true);
    if (id === 0x0001) {
      let q = p + 4;
      const end = p + 4 + length;
      if (entry.size === 0xffffffff && q + 8 <= end) {
        entry.size = u64(extra, q);
        q += 8;
      }
      if (entry.compressedSize === 0xffffffff && q + 8 <= end) {
        entry.compressedSize = u64(extra, q);
        q += 8;
      }
      if (entry.localHeaderOffset === 0xffffffff && q + 8 <= end) entry.localHeaderOffset = u64(extra, q);
      return;
    }
    p += 4 + length;
  }
}

/** The entries of a ZIP archive (files only: directories and macOS resource forks are left out). */
export async function listZipEntries(blob: BlobLike): Promise<ZipEntry[]> {
  const directory = await centralDirectory(blob);
  const view = await bytesAt(blob, directory.offset, directory.offset + directory.size);
  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < directory.count; i++) {
    if (p + 46 > view.byteLength || view.getUint32(p, true) !== CENTRAL_SIGNATURE) throw new ZipError('the ZIP archive is corrupt (bad central directory entry)');
    const flags = view.getUint16(p + 8, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const path = decoder.decode(new Uint8Array(view.buffer, view.byteOffset + p + 46, nameLength)).replace(/\\/g, '/');
    const entry = {
      path,
      method: view.getUint16(p + 10, true),
      encrypted: (flags & 1) !== 0,
      crc32: view.getUint32(p + 16, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localHeaderOffset: view.getUint32(p + 42, true),
    };
    applyZip64(new DataView(view.buffer, view.byteOffset + p + 46 + nameLength, extraLength), entry);
    p += 46 + nameLength + extraLength + commentLength;
    const isDirectory = path.endsWith('/');
    const isMacMetadata = path.startsWith('__MACOSX/') || path.split('/').pop() === '.DS_Store';
    if (!isDirectory && !isMacMetadata) entries.push(entry);
  }
  return entries;
}

/** CRC-32 (IEEE) table, built once. */
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function updateCrc(crc: number, bytes: Uint8Array): number {
  let c = crc ^ 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Why an entry cannot be read, or null when it can. */
export function unreadableEntryReason(entry: ZipEntry): string | null {
  if (entry.encrypted) return 'the entry is encrypted (password-protected archives are not supported)';
  if (entry.method !== 0 && entry.method !== 8) return `the entry uses compression method ${entry.method} (only stored and deflate are supported)`;
  return null;
}

/**
 * The decompressed bytes of one entry. Corrupt data or a CRC mismatch ends the stream there
 * and is recorded in `tracker.problems`; `tracker.rawBytesRead` counts archive bytes up to the
 * point read (so progress covers the whole archive).
 */
export function zipEntrySource(blob: BlobLike, entry: ZipEntry, name: string, options: { chunkSize?: number; tracker?: ReadTracker } = {}): ByteSource {
  const tracker = options.tracker;
  return {
    name,
    size: entry.size,
    async *chunks() {
      if (tracker) tracker.problems.length = 0;
      const local = await bytesAt(blob, entry.localHeaderOffset, Math.min(blob.size, entry.localHeaderOffset + 30));
      if (local.byteLength < 30 || local.getUint32(0, true) !== LOCAL_SIGNATURE) throw new ZipError(`the ZIP archive is corrupt (bad local header of ${entry.path})`);
      const dataStart = entry.localHeaderOffset + 30 + local.getUint16(26, true) + local.getUint16(28, true);
      if (tracker) tracker.rawBytesRead = dataStart;
      const compressed = blob.slice(dataStart, Math.min(blob.size, dataStart + entry.compressedSize));
      if (compressed.size < entry.compressedSize) tracker?.problems.push(`${entry.path}: the archive is truncated; loaded what came before`);
      let crc = 0;
      const pending: Uint8Array[] = [];
      const inflate = entry.method === 8 ? new Inflate() : null;
      const emit = (data: Uint8Array): void => {
        crc = updateCrc(crc, data);
        pending.push(data);
      };
      if (inflate) inflate.ondata = (data) => emit(data);
      try {
        for await (const chunk of readChunks(compressed, options.chunkSize)) {
          if (tracker) tracker.rawBytesRead += chunk.byteLength;
          if (inflate) inflate.push(chunk, false);
          else emit(chunk);
          while (pending.length > 0) yield pending.shift()!;
        }
        if (inflate) inflate.push(new Uint8Array(0), true);
      } catch (e) {
        tracker?.problems.push(`${entry.path}: the compressed data is corrupt (${e instanceof Error ? e.message : String(e)}); loaded what came before`);
        while (pending.length > 0) yield pending.shift()!;
        return;
      }
      while (pending.length > 0) yield pending.shift()!;
      if (crc !== entry.crc32 && compressed.size >= entry.compressedSize) tracker?.problems.push(`${entry.path}: the checksum (CRC-32) does not match; the data may be damaged`);
    },
  };
}
