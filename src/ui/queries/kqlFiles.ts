/**
 * `.kql` files of saved queries. A file holds either one query (named after the file) or
 * several, each introduced by comment headers, which is also what export writes:
 *
 * ```
 * // name: Registry authentication failures
 * // description: Logins that did not return 200.
 * ContainerRegistryLoginEvents
 * | where ResultDescription != "200"
 * ```
 */
import type { SavedQueryFields } from '../../state';

const NAME_HEADER = /^[ \t]*\/\/[ \t]*name:[ \t]*(.*)$/i;
const DESCRIPTION_HEADER = /^[ \t]*\/\/[ \t]*description:[ \t]*(.*)$/i;

/** The file name without its directory and last extension (`logins.kql` -> `logins`). */
export function nameFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base).trim();
}

/** Removes blank lines at the start and end (inner blank lines stay: they separate query blocks). */
function trimBlankLines(lines: readonly string[]): string {
  let first = 0;
  let last = lines.length;
  while (first < last && lines[first].trim() === '') first++;
  while (last > first && lines[last - 1].trim() === '') last--;
  return lines.slice(first, last).join('\n');
}

/** The queries of one `.kql` file: by `// name:` headers when it has any, else the whole file named after it. */
export function parseKqlFile(fileName: string, content: string): SavedQueryFields[] {
  const lines = content.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (!lines.some((line) => NAME_HEADER.test(line))) {
    const text = trimBlankLines(lines);
    return text === '' ? [] : [{ name: nameFromFileName(fileName), description: '', text }];
  }
  const queries: SavedQueryFields[] = [];
  let current: { name: string; description: string; lines: string[] } | null = null;
  const finish = (): void => {
    if (current === null) return;
    const text = trimBlankLines(current.lines);
    if (text !== '') queries.push({ name: current.name, description: current.description, text });
  };
  for (const line of lines) {
    const name = NAME_HEADER.exec(line);
    if (name !== null) {
      finish();
      current = { name: name[1].trim(), description: '', lines: [] };
      continue;
    }
    const description = DESCRIPTION_HEADER.exec(line);
    if (current !== null && description !== null && current.lines.every((l) => l.trim() === '')) {
      current.description = description[1].trim();
      continue;
    }
    current?.lines.push(line); // text before the first header has no name and is dropped
  }
  finish();
  return queries;
}

/** One query in the `.kql` form `parseKqlFile` reads back. */
export function formatKqlQuery(query: SavedQueryFields): string {
  const header = [`// name: ${query.name.replace(/\s+/g, ' ')}`];
  if (query.description.trim() !== '') header.push(`// description: ${query.description.replace(/\s+/g, ' ')}`);
  return `${header.join('\n')}\n${query.text}\n`;
}

/** Several queries in one `.kql` file, separated by blank lines. */
export function formatKqlFile(queries: readonly SavedQueryFields[]): string {
  return queries.map(formatKqlQuery).join('\n');
}

/** A file name for a query's export: its name with characters unsafe in file names replaced. */
export function kqlFileName(name: string): string {
  const safe = Array.from(name, (ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
    .join('')
    .replace(/_+/g, '_')
    .trim()
    .slice(0, 100);
  return `${safe === '' ? 'query' : safe}.kql`;
}
