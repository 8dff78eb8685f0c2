/**
 * The names Kusto.Language knows: query operators (by keyword), scalar functions, aggregates
 * and plugins. Read by the KQL coverage table (`src/engine/coverage/`).
 */
import { kustoLanguage } from './kustoLibrary';

/** Every name Kusto.Language knows, by kind (each list sorted, without duplicates). */
export interface KnownKustoNames {
  readonly operators: readonly string[];
  readonly functions: readonly string[];
  readonly aggregates: readonly string[];
  readonly plugins: readonly string[];
}

/** Operator keywords whose syntax node name does not spell them in kebab case. */
const OPERATOR_KEYWORDS: Readonly<Record<string, string>> = {
  Filter: 'where', GetSchema: 'getschema', PartitionBy: 'partition-by', ReduceBy: 'reduce', ExecuteAndCache: 'execute-and-cache',
};

/** `ProjectAwayOperator` -> `project-away`. */
function keywordOfOperatorKind(kind: string): string {
  const stem = kind.slice(0, -'Operator'.length);
  return OPERATOR_KEYWORDS[stem] ?? stem.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
}

function namesOf(list: unknown): string[] {
  // Why Bridge.toArray: the static symbol lists are Bridge.NET read-only lists without Count/getItem.
  const bridge = (globalThis as unknown as { Bridge: { toArray(l: unknown): { Name: string }[] } }).Bridge;
  return [...new Set(bridge.toArray(list).map((s) => s.Name))].sort();
}

/** Reads the operator, function, aggregate and plugin names from Kusto.Language. */
export function knownKustoNames(): KnownKustoNames {
  const K = kustoLanguage() as unknown as {
    Functions: { All: unknown }; Aggregates: { All: unknown }; PlugIns: { All: unknown };
    Syntax: { SyntaxKind: Record<string, unknown> };
  };
  const operators = Object.keys(K.Syntax.SyntaxKind)
    .filter((k) => k.endsWith('Operator') && k !== 'BadQueryOperator')
    .map(keywordOfOperatorKind);
  return {
    operators: [...new Set(operators)].sort(),
    functions: namesOf(K.Functions.All),
    aggregates: namesOf(K.Aggregates.All),
    plugins: namesOf(K.PlugIns.All),
  };
}
