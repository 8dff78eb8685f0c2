/**
 * `render <visualization> [with (prop = value, ...)]` to a `RenderSpec`, keeping every
 * property as written (the chart panel decides what it uses).
 */
import type { RenderSpec } from '../plan';
import type { KExpression, KNamedParameter, KRenderOperator } from './kustoTypes';
import { isNode, kindName, listItems, scalarTypeOfSymbol, separatedItems } from './nodes';

type PropertyValue = RenderSpec['properties'][string];

/** Properties whose value is a list of column names, kept as a string list even with one name. */
const LIST_PROPERTIES: ReadonlySet<string> = new Set(['ycolumns', 'series', 'anomalycolumns']);

function propertyValue(name: string, value: KExpression, queryText: string): PropertyValue {
  if (isNode(value, 'NameReferenceList')) return separatedItems(value.Names).map((n) => n.SimpleName);
  if (isNode(value, 'NameReference')) return LIST_PROPERTIES.has(name) ? [value.SimpleName] : value.SimpleName;
  if (isNode(value, 'ParenthesizedExpression')) return propertyValue(name, value.Expression, queryText);
  const info = value.LiteralValueInfo;
  if (value.IsLiteral && info !== null && info.ValueText !== null) {
    const text = info.ValueText;
    if (kindName(value) === 'TokenLiteralExpression') return text;
    switch (scalarTypeOfSymbol(value.ResultType)) {
      case 'bool':
        return text.toLowerCase() === 'true';
      case 'int':
      case 'long':
      case 'real':
      case 'decimal': {
        const n = Number(text);
        return Number.isNaN(n) ? text : n;
      }
      default:
        return text;
    }
  }
  // Anything else (a unary minus, an expression, ...): keep its source text.
  return queryText.slice(value.TextStart, value.TextStart + value.Width);
}

function addProperty(properties: Record<string, PropertyValue>, parameter: KNamedParameter, queryText: string): void {
  const name = parameter.Name.SimpleName;
  properties[name] = propertyValue(name.toLowerCase(), parameter.Expression, queryText);
}

/** Lowers a `render` operator; `queryText` is the whole query (for properties kept as source text). */
export function lowerRender(render: KRenderOperator, queryText: string): RenderSpec {
  const properties: Record<string, PropertyValue> = {};
  // Legacy form `render timechart title="x"` puts properties in Parameters; the `with (...)` form in WithClause.
  for (const parameter of listItems(render.Parameters)) addProperty(properties, parameter, queryText);
  if (render.WithClause !== null) {
    for (const parameter of separatedItems(render.WithClause.Properties)) addProperty(properties, parameter, queryText);
  }
  return { visualization: render.ChartType.Text, properties };
}
