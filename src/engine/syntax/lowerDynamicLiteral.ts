/**
 * The value of a `dynamic(...)` literal in Kusto's relaxed syntax (scalar-data-types/dynamic.md):
 * JSON plus single-quoted and verbatim strings, and typed scalar literals inside
 * (`dynamic([datetime(2022-01-01), 1h, 'a', {'k': guid(...)}])`). The parser already split the
 * literal into nodes (`JsonArrayExpression`, `JsonObjectExpression`, literals), so the value is
 * read from that tree rather than from the text. Typed values are stored as the engine stores
 * them in `dynamic` columns (see `types/dynamicValue.ts`): datetimes and timespans as their text.
 */
import type { DynamicValue } from '../table/column';
import type { ScalarType } from '../types/scalarType';
import { datetimeAsDynamic } from '../types/dynamicValue';
import { formatTimespan } from '../types/datetime';
import type { BridgeList, KExpression, KToken, SeparatedElement } from './kustoTypes';
import { kindName, scalarTypeOfSymbol, separatedItems } from './nodes';

interface KDynamicExpression extends KExpression {
  readonly Expression: KExpression | null;
}
interface KJsonPair {
  readonly Name: KToken & { readonly ValueText: string | null };
  readonly Value: KExpression;
}
interface KJsonObjectExpression extends KExpression {
  readonly Pairs: BridgeList<SeparatedElement<KJsonPair>>;
}
interface KJsonArrayExpression extends KExpression {
  readonly Values: BridgeList<SeparatedElement<KExpression>>;
}
interface KPrefixUnary extends KExpression {
  readonly Operator: KToken;
  readonly Expression: KExpression;
}

/** Reads a scalar literal's value (the caller's parser, so both agree); undefined when unreadable. */
export type ScalarLiteralReader = (type: ScalarType, text: string) => number | string | boolean | DynamicValue | null | undefined;

/** A typed scalar value as the engine holds it inside a `dynamic` value. */
function asDynamic(type: ScalarType, value: number | string | boolean | DynamicValue | null): DynamicValue {
  if (value === null) return null;
  if (type === 'datetime' && typeof value === 'number') return datetimeAsDynamic(value);
  if (type === 'timespan' && typeof value === 'number') return formatTimespan(value);
  return value;
}

function nodeValue(node: KExpression, read: ScalarLiteralReader): DynamicValue | undefined {
  switch (kindName(node)) {
    case 'JsonArrayExpression': {
      const out: DynamicValue[] = [];
      for (const item of separatedItems((node as KJsonArrayExpression).Values)) {
        const value = nodeValue(item, read);
        if (value === undefined) return undefined;
        out.push(value);
      }
      return out;
    }
    case 'JsonObjectExpression': {
      const out: { [key: string]: DynamicValue } = {};
      for (const pair of separatedItems((node as KJsonObjectExpression).Pairs)) {
        const value = nodeValue(pair.Value, read);
        const key = pair.Name.ValueText;
        if (value === undefined || key === null) return undefined;
        out[key] = value;
      }
      return out;
    }
    case 'UnaryMinusExpression':
    case 'UnaryPlusExpression': {
      const unary = node as KPrefixUnary;
      const value = nodeValue(unary.Expression, read);
      if (typeof value !== 'number') return undefined;
      return unary.Operator.Text === '-' ? -value : value;
    }
    default: {
      if (!node.IsLiteral) return undefined;
      const text = node.LiteralValueInfo?.ValueText ?? null;
      if (node.ResultType?.Name === 'null' || text === null) return null;
      const type = scalarTypeOfSymbol(node.ResultType);
      if (type === undefined) return undefined;
      if (type === 'dynamic') return nestedDynamic(node, read);
      const value = read(type, text);
      return value === undefined ? undefined : asDynamic(type, value);
    }
  }
}

function nestedDynamic(node: KExpression, read: ScalarLiteralReader): DynamicValue | undefined {
  const inner = (node as KDynamicExpression).Expression;
  return inner === null || inner === undefined ? undefined : nodeValue(inner, read);
}

/**
 * The value of a `dynamic(...)` literal node, or undefined when it is not one or holds a form
 * this reader does not know (the caller then reports it as not supported).
 */
export function dynamicLiteralValue(expr: KExpression, read: ScalarLiteralReader): DynamicValue | undefined {
  if (kindName(expr) !== 'DynamicExpression') return undefined;
  return nestedDynamic(expr, read);
}
