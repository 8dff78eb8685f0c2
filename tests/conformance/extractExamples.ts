/**
 * Finds the documented examples in Microsoft's KQL reference pages (markdown from the
 * `MicrosoftDocs/dataexplorer-docs` repository): a ```kusto code block followed, before the
 * next code block or heading, by an output table. Only the structure is read here; nothing
 * of the docs is stored in this repository.
 */

/** One documented example: the query and the output table the page shows for it. */
export interface DocExample {
  /** Page path relative to the docs' `query/` folder. */
  readonly page: string;
  /** 1-based line of the code block's opening fence. */
  readonly line: number;
  readonly query: string;
  /** Column headers as rendered (backticks removed, markdown escapes resolved). */
  readonly columns: readonly string[];
  /** Cells as shown, one array per row (markdown escapes resolved). */
  readonly rows: readonly (readonly string[])[];
}

const FENCE_KUSTO = /^\s*```\s*(kusto|kql)\s*$/i;
const FENCE = /^\s*```/;
const HEADING = /^\s*#{1,6}\s/;
const TABLE_LINE = /^\s*\|/;
const SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** Splits one markdown table line into its cells (`\|` is a literal bar). */
export function splitTableLine(line: string): string[] {
  return rawCells(line).map(cleanCell);
}

/**
 * Splits a table's header line into column names: like `splitTableLine`, and a header outside a
 * code span also has its markdown backslash escapes resolved, as the page renders it
 * (series-periods-detect-function.md writes `series\_periods\_detect`). Inside backticks a
 * backslash is literal, so a code-span header keeps it.
 */
export function splitHeaderLine(line: string): string[] {
  return rawCells(line).map((cell) => (isCodeSpan(cell.trim()) ? cleanCell(cell) : unescapeMarkdown(cleanCell(cell))));
}

/** CommonMark's backslash escapes: a backslash before ASCII punctuation stands for that character. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

function isCodeSpan(cell: string): boolean {
  return cell.length >= 2 && cell.startsWith('`') && cell.endsWith('`') && !cell.slice(1, -1).includes('`');
}

/** One table line's cells as written (outer pipes dropped, `\|` resolved to a bar). */
function rawCells(line: string): string[] {
  let text = line.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
  const cells: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && text[i + 1] === '|') {
      current += '|';
      i++;
    } else if (ch === '|') {
      cells.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  cells.push(current);
  return cells;
}

const ENTITIES: Readonly<Record<string, string>> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };

/** A cell's text without markdown decoration: backticks around the whole cell, `<br>`, entities. */
function cleanCell(cell: string): string {
  let text = cell.trim();
  if (isCodeSpan(text)) text = text.slice(1, -1);
  text = text.replace(/<br\s*\/?>/gi, '\n');
  text = text.replace(/&(lt|gt|amp|quot|#39|nbsp);/g, (m) => ENTITIES[m] ?? m);
  // A markdown autolink (`<https://bing.com>`) renders as its address.
  text = text.trim().replace(/^<((?:https?|ftp):[^<>\s]+)>$/i, '$1');
  return text;
}

/** Every example of one page whose code block is followed by an output table. */
export function extractExamples(page: string, markdown: string): DocExample[] {
  const lines = markdown.split(/\r?\n/);
  const examples: DocExample[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!FENCE_KUSTO.test(lines[i])) {
      i++;
      continue;
    }
    const start = i;
    const body: string[] = [];
    i++;
    while (i < lines.length && !FENCE.test(lines[i])) body.push(lines[i++]);
    i++; // closing fence
    const table = tableAfter(lines, i);
    if (table !== null) examples.push({ page, line: start + 1, query: body.join('\n'), columns: table.columns, rows: table.rows });
  }
  return examples;
}

/**
 * Whether `line` continues a table: GitHub's tables make the outer pipes optional, so a row
 * ends at a blank line or a new block, not at a line without a leading `|`
 * (unicode-codepoints-to-string-function.md writes `0123...xyz|`).
 */
function isTableRow(line: string): boolean {
  if (TABLE_LINE.test(line)) return true;
  return line.trim() !== '' && line.includes('|') && !FENCE.test(line) && !HEADING.test(line);
}

/** The first table after `from`, unless a code block or heading comes first. */
function tableAfter(lines: readonly string[], from: number): { columns: string[]; rows: string[][] } | null {
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (FENCE.test(line) || HEADING.test(line)) return null;
    if (!TABLE_LINE.test(line)) continue;
    if (i + 1 >= lines.length || !SEPARATOR.test(lines[i + 1])) return null;
    const columns = splitHeaderLine(line);
    const rows: string[][] = [];
    for (let r = i + 2; r < lines.length && isTableRow(lines[r]); r++) rows.push(splitTableLine(lines[r]));
    return { columns, rows };
  }
  return null;
}
