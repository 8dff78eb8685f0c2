/**
 * Parsing functions over text: parse_version, parse_csv, parse_path, parse_command_line,
 * extract_json / extractjson, and the canonical JSON text of dynamic_to_json.
 */
import type { DynamicValue } from '../table/column';
import { isBag } from '../types/dynamicValue';
import { parseDatetimeText, parseTimespan } from '../types/datetime';
import type { ScalarKernel } from './kernel';
import type { Scalar } from './vector';
import { mapValues } from './vector';
import { asText } from './textVector';
import { mapDynamic } from './dynamicAccess';
import { parseDynamic, parseNumber } from './conversion';

function str(v: Scalar): string {
  return typeof v === 'string' ? v : '';
}

const VERSION_RE = /^\s*(\d{1,8})(?:\.(\d{1,8}))?(?:\.(\d{1,8}))?(?:\.(\d{1,8}))?\s*$/;

/**
 * `parse_version(v)`: one to four dot-separated parts of at most 8 digits, each worth 8 decimal
 * digits (1.2.3.4 -> 1 00000002 00000003 00000004); anything else is null. The engine's
 * decimals are doubles, so versions that differ only beyond ~16 significant digits compare equal.
 */
export function parseVersion(text: string): number | null {
  const m = VERSION_RE.exec(text);
  if (m === null) return null;
  let value = 0;
  for (let i = 1; i <= 4; i++) value = value * 1e8 + Number(m[i] ?? 0);
  return value;
}

/** `parse_csv(text)`: the fields of the first CSV record (quoted fields may hold commas, newlines and "" escapes). */
export function parseCsvRecord(text: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') break;
    else field += c;
  }
  fields.push(field);
  return fields;
}

/** `parse_path(path)`: scheme, root, directory, file name, extension and alternate data stream of a file path. */
export function parsePath(path: string): { [key: string]: DynamicValue } {
  let rest = path;
  let scheme = '';
  const schemeMatch = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(rest);
  if (schemeMatch !== null) {
    scheme = schemeMatch[1];
    rest = rest.slice(schemeMatch[0].length);
  }
  const longPrefix = /^\\\\\?\\/.exec(rest)?.[0] ?? '';
  const afterPrefix = rest.slice(longPrefix.length);
  const drive = /^[A-Za-z]:/.exec(afterPrefix)?.[0] ?? '';
  const lastSeparator = Math.max(rest.lastIndexOf('/'), rest.lastIndexOf('\\'));
  const directoryPath = lastSeparator < 0 ? '' : rest.slice(0, lastSeparator);
  let fileName = rest.slice(lastSeparator + 1);
  let stream = '';
  const colon = fileName.indexOf(':');
  if (colon >= 0) {
    stream = fileName.slice(colon + 1);
    fileName = fileName.slice(0, colon);
  }
  const dot = fileName.lastIndexOf('.');
  const directoryName = directoryPath.slice(Math.max(directoryPath.lastIndexOf('/'), directoryPath.lastIndexOf('\\')) + 1);
  return {
    Scheme: scheme,
    RootPath: drive,
    DirectoryPath: directoryPath,
    DirectoryName: directoryName === drive ? '' : directoryName,
    Filename: fileName,
    Extension: dot < 0 ? '' : fileName.slice(dot + 1),
    AlternateDataStreamName: stream,
  };
}

/**
 * The arguments of a Windows command line as `CommandLineToArgvW` splits it: the program name
 * runs to the next blank (or closing quote, without backslash rules); after it, blanks separate
 * arguments outside quotes, 2n backslashes before a quote give n backslashes and toggle quoting,
 * 2n+1 give n and a literal quote, and "" inside quotes is a literal quote.
 */
export function parseWindowsCommandLine(line: string): string[] {
  const args: string[] = [];
  let i = 0;
  const blank = (c: string | undefined): boolean => c === ' ' || c === '\t';
  if (line.length === 0) return args;
  let program = '';
  if (line[0] === '"') {
    const close = line.indexOf('"', 1);
    program = close < 0 ? line.slice(1) : line.slice(1, close);
    i = close < 0 ? line.length : close + 1;
  } else {
    while (i < line.length && !blank(line[i])) program += line[i++];
  }
  args.push(program);
  while (i < line.length) {
    while (blank(line[i])) i++;
    if (i >= line.length) break;
    let arg = '';
    let quoted = false;
    while (i < line.length && (quoted || !blank(line[i]))) {
      if (line[i] === '\\') {
        let count = 0;
        while (line[i] === '\\') {
          count++;
          i++;
        }
        if (line[i] === '"') {
          arg += '\\'.repeat(count >> 1);
          if (count % 2 === 1) {
            arg += '"';
            i++;
          }
        } else arg += '\\'.repeat(count);
      } else if (line[i] === '"') {
        if (quoted && line[i + 1] === '"') {
          arg += '"';
          i += 2;
        } else {
          quoted = !quoted;
          i++;
        }
      } else arg += line[i++];
    }
    args.push(arg);
  }
  return args;
}

/** The steps of a JSONPath (`$.a.b`, `$['a'][0]`, `$.a[1].b`) as member names and indexes; null when malformed. */
export function jsonPathSteps(path: string): (string | number)[] | null {
  const text = path.trim();
  if (!text.startsWith('$')) return null;
  const steps: (string | number)[] = [];
  const re = /\.([^.[\]]+)|\[\s*'([^']*)'\s*\]|\[\s*"([^"]*)"\s*\]|\[\s*(-?\d+)\s*\]/y;
  let at = 1;
  while (at < text.length) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (m === null) return null;
    steps.push(m[4] !== undefined ? Number(m[4]) : (m[1] ?? m[2] ?? m[3]).trim());
    at = re.lastIndex;
  }
  return steps;
}

/** The element of `doc` at a JSONPath, or undefined when it is absent. */
export function selectJsonPath(doc: DynamicValue, steps: readonly (string | number)[]): DynamicValue | undefined {
  let node: DynamicValue | undefined = doc;
  for (const step of steps) {
    if (typeof step === 'number') {
      if (!Array.isArray(node)) return undefined;
      node = node[step < 0 ? node.length + step : step];
    } else {
      if (!isBag(node) || !Object.prototype.hasOwnProperty.call(node, step)) return undefined;
      node = node[step];
    }
    if (node === undefined) return undefined;
  }
  return node;
}

/** An extracted JSON element as a value of the requested type (null when it does not convert). */
function convertExtracted(value: DynamicValue, type: string): Scalar {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  switch (type) {
    case 'string':
      return value === null ? '' : text;
    case 'dynamic':
      return value;
    case 'bool':
      if (typeof value === 'boolean') return value;
      return /^(true|false)$/i.test(text) ? text.toLowerCase() === 'true' : null;
    case 'int':
    case 'long':
    case 'real':
    case 'decimal': {
      const n = typeof value === 'number' ? value : parseNumber(text);
      if (n === null) return null;
      return type === 'int' || type === 'long' ? Math.trunc(n) : n;
    }
    case 'datetime':
      return parseDatetimeText(text);
    case 'timespan':
      return parseTimespan(text);
    default:
      return null;
  }
}

/** Canonical JSON text: bag members sorted by name (ordinal), arrays in order. */
export function canonicalJson(value: DynamicValue): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isBag(value)) {
    const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const extractJsonKernel: ScalarKernel = (args, call, ctx) =>
  mapValues([asText(args[0], ctx), asText(args[1], ctx)], call.type, ctx, ([path, json]) => {
    const steps = jsonPathSteps(str(path));
    if (steps === null) return call.type === 'string' ? '' : null;
    const found = selectJsonPath(parseDynamic(str(json)), steps);
    if (found === undefined) return call.type === 'string' ? '' : null;
    return convertExtracted(found, call.type);
  }, false);

/** Functions whose `typeof(T)` argument only sets the call's result type (the lowering passes a placeholder). */
export const TYPE_ARGUMENT_FUNCTIONS: ReadonlySet<string> = new Set(['extract_json', 'extractjson', 'extract', 'percentile_tdigest']);

/** Parsing functions by Kusto name. */
export const PARSER_FUNCTIONS: Record<string, ScalarKernel> = {
  parse_version: (args, call, ctx) => mapValues([asText(args[0], ctx)], call.type, ctx, ([s]) => parseVersion(str(s))),
  parse_csv: (args, call, ctx) => mapValues([asText(args[0], ctx)], call.type, ctx, ([s]) => parseCsvRecord(str(s))),
  parse_path: (args, call, ctx) => mapValues([asText(args[0], ctx)], call.type, ctx, ([s]) => parsePath(str(s))),
  parse_command_line: (args, call, ctx) =>
    mapValues([asText(args[0], ctx), asText(args[1], ctx)], call.type, ctx, ([s, kind]) =>
      str(kind).toLowerCase() === 'windows' ? parseWindowsCommandLine(str(s)) : null),
  extract_json: extractJsonKernel,
  extractjson: extractJsonKernel,
  dynamic_to_json: (args, call, ctx) =>
    mapDynamic(args, call.type, ctx, ([v]) => (v === null ? '' : typeof v === 'string' && args[0].type !== 'dynamic' ? v : canonicalJson(v))),
};
