/**
 * The codes of a dictionary's distinct strings: an open-addressing hash table over a hash of
 * the characters, in typed arrays.
 *
 * Why not a `Map<string, number>`: ingest interns a fresh (just parsed) string per row and
 * column, and some columns (`CorrelationId`) never repeat a value; a Map grows through
 * ever larger backing stores of entries that the garbage collector has to trace, where this
 * table is three integer arrays rehashed from the stored hashes (measured about twice as fast
 * for a million distinct values).
 */

const INITIAL_SLOTS = 1024;
const EMPTY = -1;

/** FNV-1a over the UTF-16 code units of `text`. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5 ^ text.length;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}

/** Codes (positions in `dict`) by string; new strings are appended to `dict`. */
export class StringIndex {
  private slots = new Int32Array(INITIAL_SLOTS).fill(EMPTY);
  private slotHashes = new Int32Array(INITIAL_SLOTS);
  /** The hash of each code's string (for rehashing without reading the strings). */
  private codeHashes = new Int32Array(INITIAL_SLOTS / 2);

  /** `dict` is owned by the caller and only appended to here. */
  constructor(private readonly dict: string[]) {}

  /** The code of `text`, appending it to the dictionary when it is new. */
  codeOf(text: string): number {
    const hash = hashOf(text);
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (;;) {
      const code = this.slots[slot];
      if (code === EMPTY) break;
      if (this.slotHashes[slot] === hash && this.dict[code] === text) return code;
      slot = (slot + 1) & mask;
    }
    const code = this.dict.length;
    this.dict.push(text);
    if (code === this.codeHashes.length) {
      const grown = new Int32Array(code * 2);
      grown.set(this.codeHashes);
      this.codeHashes = grown;
    }
    this.codeHashes[code] = hash;
    this.slots[slot] = code;
    this.slotHashes[slot] = hash;
    // Why at half full: linear probing stays short below that load.
    if ((code + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    return code;
  }

  /**
   * Makes room for `distinct` strings in all without growing again. Why: each doubling frees
   * the previous arrays, and large freed arrays stay resident as allocator holes; a caller that
   * can estimate the final count (a column of unique IDs) sizes the table once.
   */
  reserve(distinct: number): void {
    if (distinct > this.codeHashes.length) {
      const grown = new Int32Array(distinct);
      grown.set(this.codeHashes.subarray(0, this.dict.length));
      this.codeHashes = grown;
    }
    let size = this.slots.length;
    while (distinct * 2 > size) size *= 2;
    if (size > this.slots.length) this.rehash(size);
  }

  private rehash(size: number): void {
    const slots = new Int32Array(size).fill(EMPTY);
    const slotHashes = new Int32Array(size);
    const mask = size - 1;
    const count = this.dict.length;
    for (let code = 0; code < count; code++) {
      const hash = this.codeHashes[code];
      let slot = hash & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = code;
      slotHashes[slot] = hash;
    }
    this.slots = slots;
    this.slotHashes = slotHashes;
  }
}
