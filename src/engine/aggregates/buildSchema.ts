/**
 * `buildschema(x)` (buildschema-aggregation-function.md): the minimal schema admitting every
 * value of a dynamic expression. A schema is a type name (`long` for integral numbers, `double`,
 * `string`, `bool`), a bag of property schemas (an array's elements under the key
 * "`indexer`"), or a list of such alternatives when values differ (first seen first, at most one
 * bag, merged property by property). Nulls add nothing; a group with no value gives null.
 */
import type { DynamicValue } from '../table/column';
import { POLL_MASK, pollCancel, writerFor } from '../functions/vector';
import { toDynamicValue } from './collect';
import type { Aggregate } from './protocol';

type Bag = { [key: string]: DynamicValue };

/** The key Kusto uses for an array's element schema. */
const INDEXER = '`indexer`';

/** The alternatives of a schema: type names, and at most one bag. */
function alternatives(schema: DynamicValue): DynamicValue[] {
  return Array.isArray(schema) ? schema : schema === null ? [] : [schema];
}

function isBag(v: DynamicValue): v is Bag {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The union of two schemas. */
export function mergeSchemas(a: DynamicValue, b: DynamicValue): DynamicValue {
  const out: DynamicValue[] = [];
  for (const alt of [...alternatives(a), ...alternatives(b)]) {
    if (isBag(alt)) {
      const at = out.findIndex(isBag);
      if (at < 0) out.push(alt);
      else {
        const merged: Bag = { ...(out[at] as Bag) };
        for (const [key, value] of Object.entries(alt)) merged[key] = key in merged ? mergeSchemas(merged[key], value) : value;
        out[at] = merged;
      }
    } else if (!out.includes(alt)) {
      out.push(alt);
    }
  }
  return out.length === 0 ? null : out.length === 1 ? out[0] : out;
}

/** The schema of one value (null for null). */
export function schemaOfValue(value: DynamicValue): DynamicValue {
  if (value === null) return null;
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'long' : 'double';
  if (typeof value === 'string') return 'string';
  if (Array.isArray(value)) {
    let element: DynamicValue = null;
    for (const item of value) element = mergeSchemas(element, schemaOfValue(item));
    return element === null ? {} : { [INDEXER]: element };
  }
  const bag: Bag = {};
  for (const [key, item] of Object.entries(value)) {
    const schema = schemaOfValue(item);
    if (schema !== null) bag[key] = schema;
  }
  return bag;
}

/** `buildschema(x)`: one schema per group. */
export const buildSchemaAggregate: Aggregate<{ schemas: DynamicValue[] }> = {
  init: (groupCount) => ({ schemas: new Array<DynamicValue>(groupCount).fill(null) }),
  add(state, groupIds, rowCount, args, cancel) {
    const [value] = args;
    for (let i = 0; i < rowCount; i++) {
      if ((i & POLL_MASK) === 0) pollCancel(cancel);
      const g = groupIds[i];
      state.schemas[g] = mergeSchemas(state.schemas[g], schemaOfValue(toDynamicValue(value, i)));
    }
  },
  merge(into, from) {
    from.schemas.forEach((schema, g) => {
      into.schemas[g] = mergeSchemas(into.schemas[g], schema);
    });
  },
  result(state, groupCount, type) {
    const out = writerFor(type, groupCount);
    for (let g = 0; g < groupCount; g++) out.set(g, state.schemas[g]);
    return out.finish();
  },
};
