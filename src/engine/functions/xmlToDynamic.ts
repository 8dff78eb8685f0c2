/**
 * A small XML reader for `parse_xml` (parse-xml-function.md), producing the page's JSON shape
 * without a DOM (the engine runs in a worker and in Node):
 * - `<e/>` and `<e></e>` -> `{"e": null}`; `<e>text</e>` -> `{"e": "text"}`;
 * - attributes become `"@name"` members, and then the element's text is `"#text"`;
 * - child elements become members; a name repeated among siblings becomes an array;
 * - text beside child elements is `"#text"` (several text runs: an array);
 * - text is trimmed; runs of only whitespace are dropped; entities and character references
 *   are decoded. Comments, processing instructions (`<?xml ...?>`), `<!DOCTYPE>` and CDATA
 *   sections are skipped (the page translates only elements, attributes and text).
 * Malformed XML (unclosed or mismatched tags, bad attributes, text outside the root, no root,
 * several roots) gives null, as does input over the page's 1 MB limit.
 */
import type { DynamicValue } from '../table/column';

type Bag = { [key: string]: DynamicValue };

/** The page's limit on the input: 1,048,576 bytes (counted here as UTF-16 code units, a lower bound of the UTF-8 size). */
const MAX_XML_LENGTH = 1_048_576;

const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const NAME = /^[A-Za-z_:][-A-Za-z0-9_:.\u00B7-\uFFFF]*/;

class MalformedXml extends Error {}

/** Decodes entity and character references in text or an attribute value. */
function decodeEntities(text: string): string {
  return text.replace(/&([^;&\s]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new MalformedXml('unterminated reference');
    if (ref.startsWith('#x') || ref.startsWith('#X')) return codePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return codePoint(Number(ref.slice(1)));
    const named = NAMED_ENTITIES[ref];
    if (named === undefined) throw new MalformedXml(`unknown entity ${ref}`);
    return named;
  });
}

function codePoint(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 0x10ffff) throw new MalformedXml('bad character reference');
  return String.fromCodePoint(n);
}

/** Adds `value` under `key`, turning a repeated key into an array of its values in order. */
function addMember(bag: Bag, key: string, value: DynamicValue, repeated: Set<string>): void {
  if (!(key in bag)) {
    bag[key] = value;
    return;
  }
  if (!repeated.has(key)) {
    bag[key] = [bag[key]];
    repeated.add(key);
  }
  (bag[key] as DynamicValue[]).push(value);
}

class XmlReader {
  private pos = 0;

  constructor(private readonly text: string) {}

  /** The document as `{root: value}`. */
  document(): Bag {
    this.skipMisc();
    if (this.text[this.pos] !== '<') throw new MalformedXml('no root element');
    const [name, value] = this.element();
    this.skipMisc();
    if (this.pos !== this.text.length) throw new MalformedXml('content after the root element');
    return { [name]: value };
  }

  /** Skips whitespace, comments, processing instructions and a doctype between top-level nodes. */
  private skipMisc(): void {
    for (;;) {
      while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
      if (!this.skipSpecial()) return;
    }
  }

  /** Skips one comment, processing instruction, doctype or CDATA section at the position; false when there is none. */
  private skipSpecial(): boolean {
    const rest = (n: number): string => this.text.slice(this.pos, this.pos + n);
    const skipPast = (end: string): true => {
      const at = this.text.indexOf(end, this.pos);
      if (at < 0) throw new MalformedXml(`missing ${end}`);
      this.pos = at + end.length;
      return true;
    };
    if (rest(4) === '<!--') return skipPast('-->');
    if (rest(9) === '<![CDATA[') return skipPast(']]>');
    if (rest(2) === '<?') return skipPast('?>');
    if (rest(9).toUpperCase() === '<!DOCTYPE') {
      // Why a bracket scan: an internal subset `[...]` may hold `>` characters.
      const bracket = this.text.indexOf('[', this.pos);
      const close = this.text.indexOf('>', this.pos);
      if (bracket >= 0 && close >= 0 && bracket < close) {
        this.pos = bracket;
        skipPast(']');
      }
      return skipPast('>');
    }
    return false;
  }

  private name(): string {
    const match = NAME.exec(this.text.slice(this.pos, this.pos + 1024));
    if (match === null) throw new MalformedXml('expected a name');
    this.pos += match[0].length;
    return match[0];
  }

  private skipSpaces(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }

  /** One element at `<`: its name and its converted value. */
  private element(): [string, DynamicValue] {
    this.pos++;
    const name = this.name();
    const bag: Bag = {};
    const repeated = new Set<string>();
    for (;;) {
      const before = this.pos;
      this.skipSpaces();
      const c = this.text[this.pos];
      if (c === '/' && this.text[this.pos + 1] === '>') {
        this.pos += 2;
        return [name, Object.keys(bag).length === 0 ? null : bag];
      }
      if (c === '>') {
        this.pos++;
        break;
      }
      if (this.pos === before || c === undefined) throw new MalformedXml('bad attribute');
      const attribute = this.name();
      this.skipSpaces();
      if (this.text[this.pos] !== '=') throw new MalformedXml('attribute without a value');
      this.pos++;
      this.skipSpaces();
      const quote = this.text[this.pos];
      if (quote !== '"' && quote !== "'") throw new MalformedXml('unquoted attribute');
      const end = this.text.indexOf(quote, this.pos + 1);
      if (end < 0) throw new MalformedXml('unterminated attribute');
      const key = `@${attribute}`;
      if (key in bag) throw new MalformedXml('duplicate attribute');
      bag[key] = decodeEntities(this.text.slice(this.pos + 1, end));
      this.pos = end + 1;
    }
    // Text runs and child elements in document order, so `#text` sits where the text was.
    const content: [string, DynamicValue][] = [];
    for (;;) {
      const lt = this.text.indexOf('<', this.pos);
      if (lt < 0) throw new MalformedXml(`unclosed <${name}>`);
      const run = decodeEntities(this.text.slice(this.pos, lt)).trim();
      if (run !== '') content.push(['#text', run]);
      this.pos = lt;
      if (this.skipSpecial()) continue;
      if (this.text[this.pos + 1] === '/') {
        this.pos += 2;
        if (this.name() !== name) throw new MalformedXml(`mismatched </...> for <${name}>`);
        this.skipSpaces();
        if (this.text[this.pos] !== '>') throw new MalformedXml('bad end tag');
        this.pos++;
        break;
      }
      content.push(this.element());
    }
    const textOnly = content.every(([key]) => key === '#text');
    if (Object.keys(bag).length === 0 && textOnly) {
      const texts = content.map(([, t]) => t);
      return [name, texts.length === 0 ? null : texts.length === 1 ? texts[0] : texts];
    }
    for (const [key, value] of content) addMember(bag, key, value, repeated);
    return [name, bag];
  }
}

/** `parse_xml(text)`: the page's JSON shape of the XML document, or null when it is not well-formed. */
export function xmlToDynamic(text: string): DynamicValue {
  if (text.length > MAX_XML_LENGTH) return null;
  try {
    return new XmlReader(text).document();
  } catch (e) {
    if (e instanceof MalformedXml) return null;
    throw e;
  }
}
