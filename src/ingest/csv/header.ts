/**
 * Reading a CSV header: column names without the portal's ` [UTC]` / ` [<time zone>]`
 * suffixes, unique and non-empty; and naming the destination table (a known schema the
 * header fits, or the file name).
 */
import type { ColumnSchema } from '../../engine/table/column';
import { KNOWN_TABLES } from '../knownTables';

/** One header cell, cleaned. */
export interface HeaderColumn {
  /** The column name: trimmed, suffix removed, unique within the header. */
  readonly name: string;
  /** The bracketed suffix's text (`UTC`, `Pacific Time (US and Canada) Tijuana`), if any. */
  readonly zoneLabel: string | null;
}

const SUFFIX_RE = /^(.*?)\s+\[([^\]]*)\]$/s;

/**
 * True for a suffix label that names a time zone (`UTC`, `Pacific Time (US and Canada) Tijuana`,
 * `GMT+01:00`), as the portal writes after datetime columns.
 */
export function isZoneLabel(label: string): boolean {
  return /\b(UTC|GMT|Time)\b/i.test(label);
}

/** Cleans header cells: strips a trailing ` [...]`, names empty cells `Column<n>`, makes repeats unique (`Name1`, `Name2`). */
export function cleanHeader(cells: readonly string[]): HeaderColumn[] {
  const used = new Set<string>();
  return cells.map((cell, i) => {
    let text = cell.trim();
    let zoneLabel: string | null = null;
    const m = SUFFIX_RE.exec(text);
    if (m !== null && m[1].trim() !== '') {
      text = m[1].trim();
      zoneLabel = m[2].trim();
    }
    if (text === '') text = `Column${i + 1}`;
    let name = text;
    for (let k = 1; used.has(name); k++) name = `${text}${k}`;
    used.add(name);
    return { name, zoneLabel };
  });
}

/**
 * The known table whose documented schema holds every header column (a "displayed
 * columns" export holds a subset), or null. Why the extra conditions: a short header of
 * common columns (`TimeGenerated,Count`) is as likely any other file; so the header needs
 * three columns or more, one of them found in no other known table. When several tables
 * fit, the first in `KNOWN_TABLES` order wins.
 */
export function knownTableOfHeader(names: readonly string[]): string | null {
  if (names.length < 3) return null;
  const schemas = [...KNOWN_TABLES].map(([table, schema]) => ({ table, columns: new Set(schema.map((c) => c.name)) }));
  for (const { table, columns } of schemas) {
    if (!names.every((n) => columns.has(n))) continue;
    const distinctive = names.some((n) => schemas.every((other) => other.table === table || !other.columns.has(n)));
    if (distinctive) return table;
  }
  return null;
}

/** The documented schema of a known table, or undefined. */
export function knownSchema(table: string): readonly ColumnSchema[] | undefined {
  return KNOWN_TABLES.get(table);
}

/**
 * A valid KQL table name made of `text`: letters, digits and `_` (others become `_`),
 * not starting with a digit; `fallback` when nothing is left.
 */
export function sanitizeTableName(text: string, fallback = 'Table'): string {
  let name = text.trim().replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  if (name === '') return fallback;
  if (/^\d/.test(name)) name = `_${name}`;
  return name;
}

/** The table name a file name gives: its base name without `.csv`/`.tsv`/`.txt`/`.gz`, sanitized. */
export function tableNameOfFile(fileName: string): string {
  const base = fileName.split(/[/\\]/).pop() ?? fileName;
  const stem = base.replace(/(\.(csv|tsv|tab|txt|gz))+$/i, '');
  return sanitizeTableName(stem, 'Csv');
}
