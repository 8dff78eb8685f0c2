/**
 * A streaming, path-aware JSON scanner over UTF-8 byte chunks.
 *
 * It walks the "skeleton" of a document (the objects and arrays the handler chooses to
 * descend into) token by token, and for every other container either captures its bytes
 * and hands over one parsed value (`JSON.parse` of that element only) or skips it without
 * keeping anything. So a `{"tables":[{"rows":[...]}]}` document of any size is read with
 * only one row materialized at a time. Several top-level values may follow each other
 * (`}{`, white space or line breaks between them): JSON Lines and concatenated bodies.
 *
 * Positions are 1-based line numbers. Structural characters are ASCII, so the scanner
 * works on bytes; only keys, skeleton strings and captured values are decoded.
 */

/** Where a value sits: object keys and array indexes from the top-level value down. */
export type JsonPath = readonly (string | number)[];

/** What to do with a container the scanner meets in the skeleton. */
export type ContainerPlan =
  /** Walk into it: its members are reported one by one (containers asked about again). */
  | 'descend'
  /** Parse it whole and report it as one value. */
  | 'capture'
  /** Read past it, keeping nothing. */
  | 'skip';

/** The callbacks the scanner drives. `path` is only valid during the call (copy it to keep it). */
export interface JsonScanHandler {
  /** A container starts at `path` (on `line`); returns how to read it. */
  container(path: JsonPath, kind: 'object' | 'array', line: number): ContainerPlan;
  /** A complete value: a captured container, or a scalar met in the skeleton. */
  value(path: JsonPath, value: unknown, line: number): void;
  /** A captured container whose brackets balance but whose content is not valid JSON. */
  invalid(path: JsonPath, line: number, reason: string): void;
  /** A descended container ended. */
  end(path: JsonPath, kind: 'object' | 'array', line: number): void;
  /**
   * The input is not JSON at `line`. Only called when the scanner recovers (option `recover`):
   * every open container is abandoned and scanning resumes at the next line.
   */
  syntaxError?(line: number, message: string): void;
}

/** A problem that stops the scan: bad syntax (without recovery) or input ending too early. */
export interface JsonScanFailure {
  readonly kind: 'syntax' | 'truncated';
  readonly line: number;
  readonly message: string;
}

/** Options of a scanner. */
export interface JsonScannerOptions {
  /** On a syntax error, report it, drop the open containers and resume at the next line (JSON Lines). */
  readonly recover?: boolean;
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const NEWLINE = 0x0a;
const UTF8_BOM = [0xef, 0xbb, 0xbf];

const enum State {
  /** A value must come (after `:` or `,` in an array), or at top level the next document may start. */
  Value,
  /** After `[`: a value or `]`. */
  ValueOrEnd,
  /** After `{`: a key or `}`. */
  KeyOrEnd,
  /** After `,` in an object: a key. */
  Key,
  Colon,
  /** After a member: `,` or the closer. */
  AfterValue,
  InString,
  InLiteral,
  InCapture,
  /** Recovering: skipping to the next line break. */
  SkipLine,
  Failed,
}

interface Frame {
  readonly isObject: boolean;
  index: number;
  readonly line: number;
}

function isWhitespace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

function isDelimiter(b: number): boolean {
  return isWhitespace(b) || b === COMMA || b === CLOSE_BRACE || b === CLOSE_BRACKET || b === COLON || b === OPEN_BRACE || b === OPEN_BRACKET || b === QUOTE;
}

/** Bytes of one token that may span chunks. */
class PendingBytes {
  private pieces: Uint8Array[] = [];
  private size = 0;
  start = -1;

  begin(index: number): void {
    this.pieces = [];
    this.size = 0;
    this.start = index;
  }

  /** At the end of a chunk: keeps the open token's bytes (the next chunk continues at index 0). */
  carry(chunk: Uint8Array, keep: boolean): void {
    if (this.start < 0) return;
    if (keep && this.start < chunk.length) {
      const piece = chunk.slice(this.start);
      this.pieces.push(piece);
      this.size += piece.length;
    }
    this.start = 0;
  }

  /** The token's bytes up to `end` (exclusive) of the current chunk. */
  take(chunk: Uint8Array, end: number): Uint8Array {
    const tail = chunk.subarray(this.start, end);
    this.start = -1;
    if (this.pieces.length === 0) return tail;
    const all = new Uint8Array(this.size + tail.length);
    let offset = 0;
    for (const piece of this.pieces) {
      all.set(piece, offset);
      offset += piece.length;
    }
    all.set(tail, offset);
    this.pieces = [];
    this.size = 0;
    return all;
  }
}

/** The scanner: feed bytes with `push`, then call `finish`. */
export class JsonScanner {
  private state = State.Value;
  private readonly frames: Frame[] = [];
  private readonly path: (string | number)[] = [];
  private line = 1;
  private readonly decoder = new TextDecoder('utf-8');
  private readonly token = new PendingBytes();
  private tokenLine = 1;
  private stringIsKey = false;
  private stringEscape = false;
  private stringHasEscape = false;
  /** Closers expected inside a captured/skipped container, innermost last. */
  private captureClosers: number[] = [];
  private captureKeep = false;
  private captureInString = false;
  private captureEscape = false;
  private atStart = true;
  private bomBytes = 0;
  private failureValue: JsonScanFailure | null = null;
  /** Top-level values completed so far. */
  documents = 0;

  constructor(private readonly handler: JsonScanHandler, private readonly options: JsonScannerOptions = {}) {}

  /** The failure that stopped the scan, if any. */
  get failure(): JsonScanFailure | null {
    return this.failureValue;
  }

  /** The current 1-based line. */
  get currentLine(): number {
    return this.line;
  }

  /** Consumes one chunk. Returns false once the scan has failed. */
  push(chunk: Uint8Array): boolean {
    let i = 0;
    const n = chunk.length;
    // Why: a UTF-8 byte order mark (Windows tools write one) is not JSON white space; it may be split across chunks.
    while (this.atStart && i < n) {
      if (chunk[i] !== UTF8_BOM[this.bomBytes]) {
        if (this.bomBytes > 0) this.fail('an incomplete byte order mark');
        this.atStart = false;
        break;
      }
      i++;
      if (++this.bomBytes === UTF8_BOM.length) this.atStart = false;
    }
    while (i < n && this.state !== State.Failed) {
      switch (this.state) {
        case State.InCapture:
          i = this.scanCapture(chunk, i);
          break;
        case State.InString:
          i = this.scanString(chunk, i);
          break;
        case State.InLiteral:
          i = this.scanLiteral(chunk, i);
          break;
        case State.SkipLine: {
          const lf = chunk.indexOf(NEWLINE, i);
          if (lf < 0) {
            i = n;
          } else {
            this.line++;
            this.state = State.Value;
            i = lf + 1;
          }
          break;
        }
        default:
          i = this.scanStructure(chunk, i);
          break;
      }
    }
    if (this.state === State.InCapture) this.token.carry(chunk, this.captureKeep);
    else if (this.state === State.InString || this.state === State.InLiteral) this.token.carry(chunk, true);
    return this.state !== State.Failed;
  }

  /** Ends the input; reports a value left open as truncated. */
  finish(): JsonScanFailure | null {
    if (this.state === State.Failed) return this.failureValue;
    if (this.state === State.InLiteral && this.frames.length === 0) {
      this.completeLiteral(this.token.take(new Uint8Array(0), 0));
      if (this.failureValue !== null) return this.failureValue;
    }
    if (this.state === State.SkipLine) return null;
    const open = this.state === State.InCapture || this.state === State.InString || this.frames.length > 0 ||
      (this.state !== State.Value && this.state !== State.AfterValue);
    if (open) {
      const openedAt = this.frames.length > 0 ? this.frames[0].line : this.tokenLine;
      this.failureValue = {
        kind: 'truncated',
        line: this.line,
        message: `the JSON ends before it is complete (the value opened on line ${openedAt} is not closed): the file looks truncated`,
      };
      this.state = State.Failed;
    }
    return this.failureValue;
  }

  private fail(message: string): void {
    if (this.options.recover === true && this.handler.syntaxError !== undefined) {
      this.handler.syntaxError(this.line, message);
      this.frames.length = 0;
      this.path.length = 0;
      this.captureClosers = [];
      this.state = State.SkipLine;
      return;
    }
    this.failureValue = { kind: 'syntax', line: this.line, message };
    this.state = State.Failed;
  }

  private describe(b: number): string {
    return b >= 0x20 && b < 0x7f ? `'${String.fromCharCode(b)}'` : `byte 0x${b.toString(16).padStart(2, '0')}`;
  }

  /** Skeleton tokens: white space, punctuation, and the start of strings, literals and containers. */
  private scanStructure(chunk: Uint8Array, start: number): number {
    let i = start;
    const n = chunk.length;
    while (i < n) {
      const b = chunk[i];
      if (isWhitespace(b)) {
        if (b === NEWLINE) this.line++;
        i++;
        continue;
      }
      switch (this.state) {
        case State.Value:
        case State.ValueOrEnd:
          if (b === CLOSE_BRACKET && this.state === State.ValueOrEnd) {
            this.closeFrame(false);
            return i + 1;
          }
          return this.startValue(chunk, i);
        case State.KeyOrEnd:
        case State.Key:
          if (b === CLOSE_BRACE && this.state === State.KeyOrEnd) {
            this.closeFrame(true);
            return i + 1;
          }
          if (b !== QUOTE) {
            this.fail(`expected a property name but found ${this.describe(b)}`);
            return i + 1;
          }
          this.beginString(i, true);
          return i + 1;
        case State.Colon:
          if (b !== COLON) {
            this.fail(`expected ':' but found ${this.describe(b)}`);
            return i + 1;
          }
          this.state = State.Value;
          return i + 1;
        case State.AfterValue: {
          const frame = this.frames[this.frames.length - 1];
          if (frame === undefined) {
            // Between top-level values: the next document may start right away.
            this.state = State.Value;
            continue;
          }
          if (b === COMMA) {
            if (frame.isObject) {
              this.state = State.Key;
            } else {
              frame.index++;
              this.path[this.path.length - 1] = frame.index;
              this.state = State.Value;
            }
            return i + 1;
          }
          if (b === (frame.isObject ? CLOSE_BRACE : CLOSE_BRACKET)) {
            this.closeFrame(frame.isObject);
            return i + 1;
          }
          this.fail(`expected ',' or '${frame.isObject ? '}' : ']'}' but found ${this.describe(b)}`);
          return i + 1;
        }
        default:
          throw new Error(`unexpected scanner state ${this.state}`);
      }
    }
    return i;
  }

  private startValue(chunk: Uint8Array, i: number): number {
    const b = chunk[i];
    if (b === OPEN_BRACE || b === OPEN_BRACKET) {
      const isObject = b === OPEN_BRACE;
      const plan = this.handler.container(this.path, isObject ? 'object' : 'array', this.line);
      switch (plan) {
        case 'descend':
          this.frames.push({ isObject, index: 0, line: this.line });
          this.path.push(isObject ? '' : 0);
          this.state = isObject ? State.KeyOrEnd : State.ValueOrEnd;
          return i + 1;
        case 'capture':
        case 'skip':
          this.captureKeep = plan === 'capture';
          this.captureClosers = [isObject ? CLOSE_BRACE : CLOSE_BRACKET];
          this.captureInString = false;
          this.captureEscape = false;
          this.tokenLine = this.line;
          this.token.begin(i);
          this.state = State.InCapture;
          return i + 1;
        default: {
          const never: never = plan;
          return never;
        }
      }
    }
    if (b === QUOTE) {
      this.beginString(i, false);
      return i + 1;
    }
    if (b === 0x2d || (b >= 0x30 && b <= 0x39) || b === 0x74 || b === 0x66 || b === 0x6e || b === 0x4e || b === 0x49) {
      this.tokenLine = this.line;
      this.token.begin(i);
      this.state = State.InLiteral;
      return i + 1;
    }
    this.fail(`expected a JSON value but found ${this.describe(b)}`);
    return i + 1;
  }

  private beginString(i: number, isKey: boolean): void {
    this.stringIsKey = isKey;
    this.stringEscape = false;
    this.stringHasEscape = false;
    this.tokenLine = this.line;
    this.token.begin(i);
    this.state = State.InString;
  }

  private scanString(chunk: Uint8Array, start: number): number {
    const n = chunk.length;
    for (let i = start; i < n; i++) {
      const b = chunk[i];
      if (this.stringEscape) {
        this.stringEscape = false;
        continue;
      }
      if (b === BACKSLASH) {
        this.stringEscape = true;
        this.stringHasEscape = true;
      } else if (b === QUOTE) {
        this.completeString(this.token.take(chunk, i + 1));
        return i + 1;
      } else if (b < 0x20) {
        this.fail('a line break or control character inside a string');
        if (b === NEWLINE && this.state === State.SkipLine) {
          this.line++;
          this.state = State.Value;
        }
        return i + 1;
      }
    }
    return n;
  }

  private completeString(bytes: Uint8Array): void {
    const text = this.decoder.decode(bytes);
    let value: string;
    if (this.stringHasEscape) {
      try {
        value = JSON.parse(text) as string;
      } catch {
        this.fail('a string with an invalid escape sequence');
        return;
      }
    } else {
      value = text.slice(1, -1);
    }
    if (this.stringIsKey) {
      this.path[this.path.length - 1] = value;
      this.state = State.Colon;
    } else {
      this.emitScalar(value);
    }
  }

  private scanLiteral(chunk: Uint8Array, start: number): number {
    const n = chunk.length;
    for (let i = start; i < n; i++) {
      if (isDelimiter(chunk[i])) {
        this.completeLiteral(this.token.take(chunk, i));
        return i;
      }
    }
    return n;
  }

  private completeLiteral(bytes: Uint8Array): void {
    const text = this.decoder.decode(bytes);
    let value: unknown;
    switch (text) {
      case 'true': value = true; break;
      case 'false': value = false; break;
      case 'null': value = null; break;
      // Why: .NET and Python writers emit these bare for real NaN and infinities.
      case 'NaN': value = NaN; break;
      case 'Infinity': value = Infinity; break;
      case '-Infinity': value = -Infinity; break;
      default: {
        value = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(text) ? Number(text) : undefined;
        if (value === undefined) {
          this.fail(`'${text.length > 30 ? `${text.slice(0, 27)}...` : text}' is not a JSON value`);
          return;
        }
      }
    }
    this.emitScalar(value);
  }

  private emitScalar(value: unknown): void {
    this.handler.value(this.path, value, this.tokenLine);
    this.afterValue();
  }

  private afterValue(): void {
    if (this.frames.length === 0) this.documents++;
    this.state = State.AfterValue;
  }

  private closeFrame(isObject: boolean): void {
    this.frames.pop();
    this.path.pop();
    this.handler.end(this.path, isObject ? 'object' : 'array', this.line);
    this.afterValue();
  }

  /** Inside a captured or skipped container: tracks strings and nesting until it closes. */
  private scanCapture(chunk: Uint8Array, start: number): number {
    const n = chunk.length;
    const closers = this.captureClosers;
    let inString = this.captureInString;
    let escape = this.captureEscape;
    for (let i = start; i < n; i++) {
      const b = chunk[i];
      if (inString) {
        if (escape) escape = false;
        else if (b === BACKSLASH) escape = true;
        else if (b === QUOTE) inString = false;
        else if (b < 0x20) {
          this.captureInString = false;
          this.fail('a line break or control character inside a string');
          if (b === NEWLINE && this.state === State.SkipLine) {
            this.line++;
            this.state = State.Value;
          }
          return i + 1;
        }
        continue;
      }
      switch (b) {
        case QUOTE:
          inString = true;
          break;
        case NEWLINE:
          this.line++;
          break;
        case OPEN_BRACE:
          closers.push(CLOSE_BRACE);
          break;
        case OPEN_BRACKET:
          closers.push(CLOSE_BRACKET);
          break;
        case CLOSE_BRACE:
        case CLOSE_BRACKET: {
          const expected = closers.pop();
          if (b !== expected) {
            this.fail(`found '${String.fromCharCode(b)}' where '${String.fromCharCode(expected ?? 0x3f)}' closes the value opened on line ${this.tokenLine}`);
            return i + 1;
          }
          if (closers.length === 0) {
            this.captureInString = false;
            this.captureEscape = false;
            this.completeCapture(chunk, i + 1);
            return i + 1;
          }
          break;
        }
        default:
          break;
      }
    }
    this.captureInString = inString;
    this.captureEscape = escape;
    return n;
  }

  private completeCapture(chunk: Uint8Array, end: number): void {
    if (this.captureKeep) {
      const bytes = this.token.take(chunk, end);
      let value: unknown;
      let parsed = false;
      try {
        value = JSON.parse(this.decoder.decode(bytes));
        parsed = true;
      } catch (e) {
        this.handler.invalid(this.path, this.tokenLine, `not valid JSON (${e instanceof Error ? e.message : String(e)})`);
      }
      if (parsed) this.handler.value(this.path, value, this.tokenLine);
    } else {
      this.token.start = -1;
    }
    this.afterValue();
  }
}
