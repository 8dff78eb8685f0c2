/**
 * `join` to the plan's `join` operator: the flavor (`kind=`), the right side and the key
 * equalities of the `on` clause (`on Key`, `on $left.a == $right.b`, several joined by `and`
 * or commas). `hint.*` parameters are accepted and ignored (the docs: hints don't change the
 * semantics); any other parameter, a `where` condition, or a condition that is not an equality
 * of columns is `E_UNSUPPORTED` at its position.
 */
import type { JoinKey, JoinKind, Operator, Tabular } from '../plan';
import type { KExpression, KJoinOperator } from './kustoTypes';
import { type LoweringContext, failUnsupported, isNode, kindName, listItems, separatedItems } from './nodes';

/** Every `kind=` value the parser accepts, with its documented meaning (aliases folded). */
const JOIN_KINDS: ReadonlyMap<string, JoinKind> = new Map<string, JoinKind>([
  ['innerunique', 'innerunique'],
  ['inner', 'inner'],
  ['leftouter', 'leftouter'],
  ['rightouter', 'rightouter'],
  ['fullouter', 'fullouter'],
  ['leftsemi', 'leftsemi'],
  ['leftanti', 'leftanti'],
  ['anti', 'leftanti'],
  ['leftantisemi', 'leftanti'],
  ['rightsemi', 'rightsemi'],
  ['rightanti', 'rightanti'],
  ['rightantisemi', 'rightanti'],
]);

function joinKind(join: KJoinOperator): JoinKind {
  let kind: JoinKind = 'innerunique';
  for (const parameter of listItems(join.Parameters)) {
    const name = parameter.Name.SimpleName;
    if (name.toLowerCase().startsWith('hint.')) continue;
    const value = parameter.Expression.GetFirstToken()?.Text ?? '';
    const known = name === 'kind' ? JOIN_KINDS.get(value) : undefined;
    if (known === undefined) failUnsupported(value === '' ? name : `join ${name}=${value}`, parameter);
    kind = known;
  }
  return kind;
}

/** `$left.Name` / `$right.Name`: which side and which column, or null for any other shape. */
function sideColumn(expr: KExpression): { side: '$left' | '$right'; column: string } | null {
  if (!isNode(expr, 'PathExpression')) return null;
  const side = expr.Expression;
  const selector = expr.Selector;
  if (!isNode(side, 'NameReference') || !isNode(selector, 'NameReference')) return null;
  if (side.SimpleName !== '$left' && side.SimpleName !== '$right') return null;
  return { side: side.SimpleName, column: selector.SimpleName };
}

/** Adds the key equalities of one `on` condition to `keys` (`E_UNSUPPORTED` for any other condition). */
export function collectKeys(expr: KExpression, keys: JoinKey[]): void {
  if (isNode(expr, 'ParenthesizedExpression')) {
    collectKeys(expr.Expression, keys);
    return;
  }
  if (isNode(expr, 'NameReference')) {
    keys.push({ left: expr.SimpleName, right: expr.SimpleName });
    return;
  }
  if (isNode(expr, 'BinaryExpression')) {
    const kind = kindName(expr);
    if (kind === 'AndExpression') {
      collectKeys(expr.Left, keys);
      collectKeys(expr.Right, keys);
      return;
    }
    if (kind === 'EqualExpression') {
      const a = sideColumn(expr.Left);
      const b = sideColumn(expr.Right);
      if (a !== null && b !== null && a.side !== b.side) {
        const [left, right] = a.side === '$left' ? [a, b] : [b, a];
        keys.push({ left: left.column, right: right.column });
        return;
      }
    }
  }
  failUnsupported('join condition other than column equalities', expr);
}

/**
 * Lowers `join`; `lowerRight` lowers the right-hand tabular expression (passed in to keep the
 * module graph acyclic).
 */
export function lowerJoin(ctx: LoweringContext, join: KJoinOperator, lowerRight: (ctx: LoweringContext, expr: KExpression) => Tabular): Operator {
  const kind = joinKind(join);
  const clause = join.ConditionClause;
  if (!isNode(clause, 'JoinOnClause')) return failUnsupported('join ... where', clause);
  const keys: JoinKey[] = [];
  for (const condition of separatedItems(clause.Expressions)) collectKeys(condition, keys);
  if (keys.length === 0) return failUnsupported('join without keys', clause);
  return { op: 'join', kind, right: lowerRight(ctx, join.Expression), keys };
}
