/**
 * Case-insensitive access to a raw resource-log record's fields: the top level first,
 * then the service-specific `properties` bag. Remembers which fields were used so the
 * loader can report the ones no column took.
 */

/** A parsed JSON object. */
export type JsonObject = { [key: string]: unknown };

/** True for a plain JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface Field {
  readonly key: string;
  readonly value: unknown;
  used: boolean;
}

function indexFields(object: JsonObject): Map<string, Field> {
  const fields = new Map<string, Field>();
  for (const key of Object.keys(object)) {
    const lower = key.toLowerCase();
    // Why: JSON may repeat a key in different case; the first spelling wins, as it would in a lookup.
    if (!fields.has(lower)) fields.set(lower, { key, value: object[key], used: false });
  }
  return fields;
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

/** The fields of one record, looked up by lower-case name. */
export class FieldLookup {
  private readonly top: Map<string, Field>;
  private readonly properties: Map<string, Field>;

  constructor(record: JsonObject) {
    this.top = indexFields(record);
    const bagField = this.top.get('properties');
    const bag = bagField === undefined ? null : objectField(bagField.value);
    this.properties = bag === null ? new Map() : indexFields(bag);
    if (bag !== null && bagField !== undefined) bagField.used = true;
  }

  /** True when the record has the field (top level or in `properties`), whatever its value. */
  has(lowerName: string): boolean {
    return this.top.has(lowerName) || this.properties.has(lowerName);
  }

  /**
   * The value of the field named `lowerName` (lower-case), top level first, then `properties`;
   * `undefined` when absent. Marks the field (in both places) as used.
   */
  get(lowerName: string): unknown {
    const top = this.top.get(lowerName);
    const nested = this.properties.get(lowerName);
    if (top !== undefined) top.used = true;
    if (nested !== undefined) nested.used = true;
    if (top !== undefined && top.value !== undefined) return top.value;
    return nested?.value;
  }

  /** The fields no `get` asked for, with their values; `nested` for those inside `properties`. */
  unusedFields(): { readonly key: string; readonly value: unknown; readonly nested: boolean }[] {
    const fields: { key: string; value: unknown; nested: boolean }[] = [];
    for (const field of this.top.values()) if (!field.used) fields.push({ key: field.key, value: field.value, nested: false });
    for (const field of this.properties.values()) if (!field.used) fields.push({ key: field.key, value: field.value, nested: true });
    return fields;
  }

  /** Names of the fields no `get` asked for; nested ones as `properties.<key>`. */
  unusedFieldNames(): string[] {
    const names: string[] = [];
    for (const field of this.top.values()) if (!field.used) names.push(field.key);
    for (const field of this.properties.values()) if (!field.used) names.push(`properties.${field.key}`);
    return names;
  }
}
