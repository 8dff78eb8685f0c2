/**
 * Format sniffing (shared/docs/acr-logs.md §6): decides from the first bytes of a file (already
 * decompressed) which parser reads it, and recognises wrong files (empty, binary, images, PDF,
 * archives inside archives, truncated JSON) with a clear message.
 */
import type { FileFormat } from '../formats/contract';

/** How many leading bytes the loader passes to `detectFormat`. */
export const SNIFF_BYTES = 64 * 1024;

/** The outcome of sniffing: a format, or (for `unknown`/`empty`) why the file cannot be loaded. */
export interface FormatDetection {
  readonly format: FileFormat;
  /** Set when nothing should be loaded from the file. */
  readonly error?: string;
}

/** Compressed containers recognised by their magic bytes. */
export type Container = 'gzip' | 'zip' | 'none';

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
const GZIP_MAGIC = [0x1f, 0x8b];

/** The container of a file from its first bytes (the name only breaks no ties: magic bytes decide). */
export function detectContainer(head: Uint8Array): Container {
  if (startsWith(head, GZIP_MAGIC)) return 'gzip';
  if (startsWith(head, ZIP_MAGIC) || startsWith(head, EMPTY_ZIP_MAGIC)) return 'zip';
  return 'none';
}

/** Known binary kinds by magic bytes, with the noun used in the message. */
const BINARY_MAGIC: readonly { readonly magic: readonly number[]; readonly what: string }[] = [
  { magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: 'a PNG image' },
  { magic: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { magic: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { magic: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document' },
  { magic: [0x52, 0x49, 0x46, 0x46], what: 'a RIFF media file (e.g. WebP, WAV)' },
  { magic: [0x42, 0x4d], what: 'a BMP image' },
  { magic: ZIP_MAGIC, what: 'a ZIP archive inside another archive (nested archives are not opened)' },
  { magic: GZIP_MAGIC, what: 'gzip data inside a compressed file (compressed twice)' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive (only .zip and .gz are opened)' },
  { magic: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive (only .zip and .gz are opened)' },
  { magic: [0x42, 0x5a, 0x68], what: 'a bzip2 file (only .zip and .gz are opened)' },
  { magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: 'an xz file (only .zip and .gz are opened)' },
  { magic: [0x28, 0xb5, 0x2f, 0xfd], what: 'a zstd file (only .zip and .gz are opened)' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0], what: 'an Office document (export it as CSV)' },
];

/** Byte length of `head` without an incomplete UTF-8 sequence cut at its end. */
function completeUtf8Length(head: Uint8Array): number {
  let i = head.length - 1;
  // Walk back over at most 3 continuation bytes to the lead byte of the last character.
  let back = 0;
  while (i >= 0 && back < 3 && (head[i] & 0xc0) === 0x80) {
    i--;
    back++;
  }
  if (i < 0) return head.length;
  const lead = head[i];
  const needed = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return i + needed > head.length ? i : head.length;
}

function decodeHead(head: Uint8Array, complete: boolean): string | null {
  const bytes = complete ? head : head.subarray(0, completeUtf8Length(head));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

const fail = (format: 'unknown' | 'empty', error: string): FormatDetection => ({ format, error });

/** True for a resource-log record: `time` with `category`/`operationName`, or `metricName`, or an envelope. */
function isResourceLogRecord(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = new Set(Object.keys(value).map((k) => k.toLowerCase()));
  if (keys.has('records')) return Array.isArray((value as Record<string, unknown>)['records']);
  return keys.has('time') && (keys.has('category') || keys.has('metricname') || keys.has('operationname'));
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Up to `max` non-blank lines of `text` (the last one only when `complete`, else it may be cut). */
function leadingLines(text: string, complete: boolean, max: number): string[] {
  const lines = text.split('\n');
  if (!complete) lines.pop();
  return lines.map((l) => l.trim()).filter((l) => l !== '').slice(0, max);
}

/** JSON Lines: the first line holding a JSON object decides between resource logs and other NDJSON. */
function detectJsonLines(text: string, complete: boolean): FormatDetection | null {
  for (const line of leadingLines(text, complete, 50)) {
    if (!line.startsWith('{')) continue;
    const parsed = parseJson(line);
    if (!parsed.ok) continue;
    if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) continue;
    return { format: isResourceLogRecord(parsed.value) ? 'resource-log-jsonl' : 'ndjson' };
  }
  return null;
}

/** A `{` document: by its first key, else by keys anywhere in the head (e.g. a response inside a wrapper). */
function detectObjectDocument(text: string, complete: boolean): FormatDetection {
  if (/^\{\s*"records"\s*:/.test(text)) return { format: 'resource-log-records' };
  const truncated = complete && !parseJson(text).ok;
  const truncatedError = fail('unknown', 'the JSON is truncated or invalid (the file ends before the document does)');
  if (/^\{\s*"Tables"\s*:/.test(text)) return truncated ? truncatedError : { format: 'adx-v1' };
  if (/^\{\s*"tables"\s*:/.test(text)) return truncated ? truncatedError : { format: 'loganalytics-api' };
  const lines = detectJsonLines(text, complete);
  if (lines !== null) return lines;
  if (truncated) return truncatedError;
  if (/"Tables"\s*:\s*\[/.test(text)) return { format: 'adx-v1' };
  if (/"tables"\s*:\s*\[/.test(text)) return { format: 'loganalytics-api' };
  if (/"records"\s*:\s*\[/.test(text)) return { format: 'resource-log-records' };
  if (!complete && !text.includes('\n')) {
    // A first line longer than the sniffed head: JSON Lines with a very long record.
    return { format: /"time"\s*:/i.test(text) && /"(category|metricName)"\s*:/i.test(text) ? 'resource-log-jsonl' : 'ndjson' };
  }
  return fail('unknown', 'a JSON document that is not a known log format (no records, tables or one object per line)');
}

/** A `[` document: ADX v2 frames, az CLI rows, or a generic array. */
function detectArrayDocument(text: string, complete: boolean): FormatDetection {
  if (complete && !parseJson(text).ok) {
    // One object per line that happens to start with an array is not a thing; report truncation.
    return fail('unknown', 'the JSON is truncated or invalid (the file ends before the array does)');
  }
  if (/^\[\s*\{\s*"FrameType"\s*:/.test(text) || /"FrameType"\s*:\s*"DataSetHeader"/.test(text)) return { format: 'adx-v2' };
  // The first object of the array only: az CLI puts TableName in every row object.
  const firstObjectEnd = text.indexOf('}');
  const firstObject = firstObjectEnd < 0 ? text : text.slice(0, firstObjectEnd);
  if (/^\[\s*\{/.test(text) && /"TableName"\s*:/.test(firstObject)) return { format: 'az-cli' };
  return { format: 'json-array' };
}

/** Delimited text: tab or comma, from the first line (quotes respected) and the file name. */
function detectDelimited(text: string, fileName: string): FormatDetection {
  const lower = fileName.toLowerCase();
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  let tabs = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '\t') tabs++;
    else if (!quoted && ch === ',') commas++;
  }
  if (lower.endsWith('.tsv') || lower.endsWith('.tab')) return { format: 'tsv' };
  if (tabs > commas) return { format: 'tsv' };
  if (commas > 0 || lower.endsWith('.csv')) return { format: 'csv' };
  if (firstLine.trimStart().startsWith('<')) return fail('unknown', 'an XML or HTML document, not a log export');
  return fail('unknown', 'not a recognised log format (not JSON, JSON Lines, CSV or TSV)');
}

/**
 * The format of a file from its first bytes (`SNIFF_BYTES` of them, decompressed) and its name.
 * `complete` says whether `head` is the whole file (defaults to `head.length < SNIFF_BYTES`).
 * Wrong files come back as `unknown` or `empty` with an `error` message.
 */
export function detectFormat(head: Uint8Array, fileName: string, complete = head.length < SNIFF_BYTES): FormatDetection {
  if (head.length === 0) return fail('empty', 'the file is empty');
  for (const { magic, what } of BINARY_MAGIC) {
    if (startsWith(head, magic)) return fail('unknown', `${what}, not a log file`);
  }
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return fail('unknown', 'UTF-16 text; save the file as UTF-8');
  if (head.includes(0)) return fail('unknown', 'a binary file (it holds NUL bytes), not a log file');
  const decoded = decodeHead(head, complete);
  if (decoded === null) return fail('unknown', 'a binary file or text that is not UTF-8, not a log file');
  const text = decoded.replace(/^\uFEFF/, '').trimStart();
  if (text === '') return fail('empty', 'the file is empty');
  if (text.startsWith('{')) return detectObjectDocument(text, complete);
  if (text.startsWith('[')) return detectArrayDocument(text, complete);
  return detectDelimited(text, fileName);
}
