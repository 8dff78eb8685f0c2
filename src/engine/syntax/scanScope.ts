/**
 * The steps of the `scan` being lowered, so `step.column` inside its conditions and values
 * (a `PathExpression` whose left side names a step) lowers to the state column the scan kernel
 * reads (`scanStateColumn`). A stack, because a step's expression may hold another query with
 * its own `scan`. Separate from `lowerScan.ts` so `lowerScalar.ts` can use it without an import
 * cycle.
 */
import type { Expr } from '../plan';
import { scanStateColumn } from '../operators/scan';
import type { KExpression } from './kustoTypes';
import { isNode, scalarTypeOf, spanOf } from './nodes';

const stack: ReadonlyMap<string, number>[] = [];

/** Runs `body` with `steps` (step name -> 0-based index) in scope. */
export function withScanSteps<T>(steps: ReadonlyMap<string, number>, body: () => T): T {
  stack.push(steps);
  try {
    return body();
  } finally {
    stack.pop();
  }
}

/** `step.column` inside a `scan` step, as the kernel's state column; null for anything else. */
export function lowerScanStateReference(expr: KExpression): Expr | null {
  const steps = stack[stack.length - 1];
  if (steps === undefined || !isNode(expr, 'PathExpression')) return null;
  const side = expr.Expression;
  const selector = expr.Selector;
  if (!isNode(side, 'NameReference') || !isNode(selector, 'NameReference')) return null;
  const step = steps.get(side.SimpleName);
  if (step === undefined) return null;
  return { kind: 'column', name: scanStateColumn(step, selector.SimpleName), type: scalarTypeOf(expr), span: spanOf(expr) };
}
