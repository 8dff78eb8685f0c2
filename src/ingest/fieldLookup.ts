/**
 * Case-insensitive access to a raw resource-log record's fields: the top level first,
 * then the service-specific `properties` bag. Remembers which fields were used so the
 * loader can report the ones no column took.
 *
 * Why slots instead of a Map per record: ingest looks up ~20 fields in each of millions of
 * records. Every distinct lower-case field name gets a small integer slot once (key
 * spellings are cached, so `toLowerCase` runs once per spelling, not per record), and one
 * reusable `FieldLookup` keeps the current record's values in arrays indexed by slot,
 * stamped with a per-record generation number instead of being cleared.
 */

/** A parsed JSON object. */
export type JsonObject = { [key: string]: unknown };

/** True for a plain JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A JSON object field, also when a producer wrote it as a JSON string (`properties`,
 * `identity`, `claims` are seen both ways); null for anything else.
 */
export function objectField(value: unknown): JsonObject | null {
  if (isJsonObject(value)) return value;
  if (typeof value === 'string' && value.trimStart().startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(value);
      return isJsonObject(parsed) ? parsed : null;
    } catch {
      return null;
    }
  }
  return null;
}

/** A field no column asked for: its key as written, its value, and whether it sits in `properties`. */
export interface UnusedField {
  readonly key: string;
  readonly value: unknown;
  readonly nested: boolean;
}

/**
 * Past this many distinct field names the slot tables start over (between records), so a
 * file with ever-new keys cannot grow them without bound.
 */
const MAX_SLOTS = 4096;

/** One level of a record (top level or `properties`): values by slot, stamped per record. */
class FieldLevel {
  /** `stamp[slot] === generation` when the current record has the field. */
  stamp: number[] = [];
  value: unknown[] = [];
  key: string[] = [];
  /** `used[slot] === generation` once a `get` asked for the name. */
  used: number[] = [];
  /** Slots in the order the record lists them (first spelling of a name only). */
  readonly order: number[] = [];
  count = 0;

  /** The previous record's keys and their slots, in its order. */
  private readonly lastKeys: string[] = [];
  private readonly lastSlots: number[] = [];

  fill(object: JsonObject, generation: number, slotOfKey: (key: string) => number): void {
    this.count = 0;
    const lastKeys = this.lastKeys;
    const lastSlots = this.lastSlots;
    let position = 0;
    // Why `for...in` over `Object.keys`: no array per record; JSON.parse objects have no
    // inherited enumerable keys, so it visits the same keys in the same order.
    for (const key in object) {
      // Why compare with the previous record's key first: records of one file list the same
      // keys in the same order, and JSON.parse gives keys as interned strings, so this is a
      // pointer comparison instead of a hash lookup.
      let slot: number;
      if (lastKeys[position] === key) {
        slot = lastSlots[position];
      } else {
        slot = slotOfKey(key);
        lastKeys[position] = key;
        lastSlots[position] = slot;
      }
      position++;
      // Why: JSON may repeat a key in different case; the first spelling wins, as it would in a lookup.
      if (this.stamp[slot] === generation) continue;
      this.stamp[slot] = generation;
      this.value[slot] = object[key];
      this.key[slot] = key;
      this.order[this.count++] = slot;
    }
  }

  has(slot: number, generation: number): boolean {
    return this.stamp[slot] === generation;
  }

  /** Makes room for a new slot (keeps the arrays packed). */
  addSlot(): void {
    this.stamp.push(0);
    this.value.push(undefined);
    this.key.push('');
    this.used.push(0);
  }

  collectUnused(generation: number, nested: boolean, into: UnusedField[]): void {
    for (let i = 0; i < this.count; i++) {
      const slot = this.order[i];
      if (this.used[slot] !== generation) into.push({ key: this.key[slot], value: this.value[slot], nested });
    }
  }

  forEachUnused(generation: number, nested: boolean, visit: (key: string, value: unknown, nested: boolean) => void): void {
    for (let i = 0; i < this.count; i++) {
      const slot = this.order[i];
      if (this.used[slot] !== generation) visit(this.key[slot], this.value[slot], nested);
    }
  }

  clear(): void {
    this.lastKeys.length = 0;
    this.lastSlots.length = 0;
    this.stamp = [];
    this.value = [];
    this.key = [];
    this.used = [];
    this.order.length = 0;
    this.count = 0;
  }
}

/**
 * The fields of one record at a time, looked up by lower-case name. Create one and `reset` it
 * with each record (or pass the record to the constructor for a one-off lookup).
 */
export class FieldLookup {
  private readonly slotBySpelling = new Map<string, number>();
  private slotCount = 0;
  private generation = 0;
  /** Changes when the slot tables start over: slots taken from `slotOf` before are stale then. */
  epoch = 0;
  private readonly top = new FieldLevel();
  private readonly properties = new FieldLevel();
  private readonly slotOfKey = (key: string): number => this.slotOf(key);

  constructor(record?: JsonObject) {
    if (record !== undefined) this.reset(record);
  }

  /** Makes `record` the current record. */
  reset(record: JsonObject): void {
    if (this.slotCount > MAX_SLOTS) this.startOver();
    const generation = ++this.generation;
    this.top.fill(record, generation, this.slotOfKey);
    const propertiesSlot = this.slotOf('properties');
    const bag = this.top.has(propertiesSlot, generation) ? objectField(this.top.value[propertiesSlot]) : null;
    // An earlier record's bag cannot show through: its stamps carry an older generation.
    if (bag === null) {
      this.properties.count = 0;
    } else {
      this.properties.fill(bag, generation, this.slotOfKey);
      this.top.used[propertiesSlot] = generation;
    }
  }

  /** The slot of a field name (any spelling); the same for every spelling of one lower-case name. */
  slotOf(name: string): number {
    let slot = this.slotBySpelling.get(name);
    if (slot !== undefined) return slot;
    const lower = name.toLowerCase();
    slot = this.slotBySpelling.get(lower);
    if (slot === undefined) {
      slot = this.slotCount++;
      this.top.addSlot();
      this.properties.addSlot();
      this.slotBySpelling.set(lower, slot);
    }
    this.slotBySpelling.set(name, slot);
    return slot;
  }

  /** True when the record has the field (top level or in `properties`), whatever its value. */
  has(lowerName: string): boolean {
    return this.hasSlot(this.slotOf(lowerName));
  }

  /** `has` by slot (see `slotOf`). */
  hasSlot(slot: number): boolean {
    return this.top.has(slot, this.generation) || this.properties.has(slot, this.generation);
  }

  /**
   * The value of the field named `lowerName` (lower-case), top level first, then `properties`;
   * `undefined` when absent. Marks the field (in both places) as used.
   */
  get(lowerName: string): unknown {
    return this.getSlot(this.slotOf(lowerName));
  }

  /** `get` by slot (see `slotOf`). */
  getSlot(slot: number): unknown {
    const generation = this.generation;
    const top = this.top;
    const nested = this.properties;
    const inTop = top.stamp[slot] === generation;
    const inNested = nested.stamp[slot] === generation;
    if (inTop) top.used[slot] = generation;
    if (inNested) nested.used[slot] = generation;
    if (inTop && top.value[slot] !== undefined) return top.value[slot];
    return inNested ? nested.value[slot] : undefined;
  }

  /** The fields no `get` asked for, with their values; `nested` for those inside `properties`. */
  unusedFields(): UnusedField[] {
    const fields: UnusedField[] = [];
    this.top.collectUnused(this.generation, false, fields);
    this.properties.collectUnused(this.generation, true, fields);
    return fields;
  }

  /** Calls `visit` with each field no `get` asked for (top level first, then `properties`), without building a list. */
  forEachUnused(visit: (key: string, value: unknown, nested: boolean) => void): void {
    this.top.forEachUnused(this.generation, false, visit);
    this.properties.forEachUnused(this.generation, true, visit);
  }

  /** Names of the fields no `get` asked for; nested ones as `properties.<key>`. */
  unusedFieldNames(): string[] {
    return this.unusedFields().map((f) => (f.nested ? `properties.${f.key}` : f.key));
  }

  private startOver(): void {
    this.epoch++;
    this.slotBySpelling.clear();
    this.slotCount = 0;
    this.top.clear();
    this.properties.clear();
  }
}
