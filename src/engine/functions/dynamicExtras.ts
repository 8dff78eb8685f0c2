/**
 * More functions over `dynamic` values:
 * - `set_equals(set1, set2)`: true when both arrays hold the same distinct values (order and
 *   repetitions ignored, values compared as `set_union` compares them); null when an argument
 *   is not an array.
 * - `treepath(object)` (treepath-function.md): every path expression that reaches a value
 *   inside `object`, depth first, each once: `['key']` for a member and `[0]` for the elements
 *   of an array (all elements share index 0, as the page's examples show). A scalar gives `[]`.
 * - `parse_xml(text)` (parse-xml-function.md): see `xmlToDynamic.ts`.
 */
import type { DynamicValue } from '../table/column';
import { dynamicKey, isBag } from '../types/dynamicValue';
import type { ScalarKernel } from './kernel';
import { mapDynamic } from './dynamicAccess';
import { asText } from './textVector';
import { mapValues } from './vector';
import { xmlToDynamic } from './xmlToDynamic';

/** True when the two arrays have the same distinct values. */
export function setEquals(a: readonly DynamicValue[], b: readonly DynamicValue[]): boolean {
  const left = new Set(a.map(dynamicKey));
  const right = new Set(b.map(dynamicKey));
  return left.size === right.size && [...left].every((k) => right.has(k));
}

/** The path expressions of `value`'s leaves and containers, depth first, without repeats. */
export function treePaths(value: DynamicValue): string[] {
  const out = new Set<string>();
  const walk = (v: DynamicValue, prefix: string): void => {
    if (Array.isArray(v)) {
      if (v.length === 0) return;
      const path = `${prefix}[0]`;
      out.add(path);
      for (const element of v) walk(element, path);
    } else if (isBag(v)) {
      for (const [key, member] of Object.entries(v)) {
        const path = `${prefix}['${key}']`;
        out.add(path);
        walk(member, path);
      }
    }
  };
  walk(value, '');
  return [...out];
}

/** The functions of this family by Kusto name. */
export const DYNAMIC_EXTRA_FUNCTIONS: Readonly<Record<string, ScalarKernel>> = {
  set_equals: (args, call, ctx) =>
    mapDynamic(args, call.type, ctx, ([a, b]) => (Array.isArray(a) && Array.isArray(b) ? setEquals(a, b) : null)),
  treepath: (args, call, ctx) => mapDynamic(args, call.type, ctx, ([v]) => (v === null ? null : treePaths(v))),
  parse_xml: (args, call, ctx) =>
    mapValues([asText(args[0], ctx)], call.type, ctx, ([text]) => (typeof text === 'string' ? xmlToDynamic(text) : null)),
};
