/**
 * The executor: runs a lowered `QueryPlan` over the catalog's columnar tables.
 * Tabular nodes are executed left-deep; each operator lives in its own file and is dispatched
 * by an exhaustive switch on `operator.op`. Every node's output is conformed to the schema the
 * binder computed for it, and the final relation is materialized into compact result columns.
 */
import type { Operator, QueryPlan, RenderSpec, Tabular } from '../plan';
import type { Catalog } from '../table/table';
import type { ResultTable } from '../result';
import type { CancelSignal } from '../cancel';
import type { TimeRange } from '../timeScope';
import { scanInTimeRange } from '../timeScope';
import { EngineFailure, runtimeError } from '../errors';
import { ticksFromMs } from '../types/datetime';
import { pollCancel } from '../functions/vector';
import type { Relation, RunContext } from './relation';
import { compactColumn, conformTo } from './relation';
import { applyWhere } from './where';
import { applyProject } from './project';
import { applyExtend } from './extend';
import { applySummarize } from './summarize';
import { applyTop } from './top';
import { applyTake } from './take';
import { applySort } from './sort';
import { applyCount } from './count';
import { applyDistinct } from './distinct';
import { applyUnion } from './union';
import { applyRender } from './render';
import { fusedPipe } from './fusion';
import { applyJoin } from './join';
import { pushFilterBelowUniqueJoin } from './joinFilterPushdown';
import { applyMakeSeries } from './makeSeries';
import { applyTopNested } from './topNested';
import { applyMvApply } from './mvApply';
import { executePrint } from './print';
import { executeRange } from './range';
import { executeDataTable } from './datatable';
import { executeStatements, sharedResult } from './statements';
import { applyMvExpand } from './mvExpand';
import { applyParse } from './parse';
import { applySample } from './sampleRows';
import { applyScan } from './scan';
import { applyPartition } from './partition';
import { applyNarrow } from './narrow';
import { applyBagUnpack, hasSchemaFromData } from './plugins/bagUnpack';
import { applyIpv4Lookup } from './plugins/ipv4Lookup';
import { applyPivot } from './plugins/pivot';
import { applyRowsNear } from './plugins/rowsNear';
import { applyDcountIntersect } from './plugins/dcountIntersect';
import { applyWindowPlugin } from './plugins/windowPlugins';

/** What a plan execution needs besides the plan and the data. */
export interface ExecContext {
  /** What `now()` means, in milliseconds since the Unix epoch; fixed for the whole query. */
  readonly now: number;
  /** Polled between chunks of work; when it fires the run throws `E_CANCELLED`. */
  readonly cancel: CancelSignal;
  /** Keeps only rows inside this range in every scan of a catalog table with a `datetime` `TimeGenerated`. */
  readonly timeRange?: TimeRange;
}

/** The result of executing a plan: one table named `PrimaryResult`, plus the `render` request if any. */
export interface ExecResult {
  tables: ResultTable[];
  render?: RenderSpec;
}

interface NodeResult {
  readonly relation: Relation;
  readonly render?: RenderSpec;
}

/**
 * Executes `plan` against `catalog`. Throws `EngineFailure` with `E_RUNTIME`, `E_UNSUPPORTED`,
 * `E_CANCELLED` or `E_INTERNAL` errors.
 */
export function executePlan(plan: QueryPlan, catalog: Catalog, ctx: ExecContext): ExecResult {
  // A lowered query lists its statements (a batch, `let`s, `toscalar`): run them in one scope.
  if (plan.statements !== undefined) return executeStatements(plan, catalog, ctx, executePlan);
  const run: RunContext = { nowTicks: ticksFromMs(ctx.now), cancel: ctx.cancel, timeRange: ctx.timeRange };
  pollCancel(run.cancel);
  const { relation, render } = executeTabular(plan.body, catalog, run);
  pollCancel(run.cancel);
  // A node whose columns depend on the data (bag_unpack without a schema) names its own columns.
  const schema = hasSchemaFromData(plan.body) ? relation.columns.map((c) => ({ name: c.name, type: c.data.type })) : plan.body.schema;
  const final = conformTo(relation, schema, plan.body.span);
  const table: ResultTable = {
    name: 'PrimaryResult',
    columns: schema.map((s) => ({ name: s.name, type: s.type })),
    data: final.columns.map((c) => compactColumn(c)),
    rowCount: final.rowCount,
  };
  return render === undefined ? { tables: [table] } : { tables: [table], render };
}

function executeTabular(node: Tabular, catalog: Catalog, run: RunContext): NodeResult {
  pollCancel(run.cancel);
  switch (node.kind) {
    case 'table': {
      const table = catalog.tables.get(node.name);
      if (table === undefined) throw new EngineFailure(runtimeError(`table '${node.name}' is not loaded`, node.span));
      return { relation: conformTo(scanInTimeRange(table, run.timeRange), node.schema, node.span) };
    }
    case 'union': {
      const inputs = node.inputs.map((input) => executeTabular(input, catalog, run).relation);
      return { relation: applyUnion(inputs, node.schema, run, node.span) };
    }
    case 'pipe': {
      // Kusto filters before innerunique's deduplication (see joinFilterPushdown.ts).
      const pushed = pushFilterBelowUniqueJoin(node);
      if (pushed !== null) return executeTabular(pushed, catalog, run);
      const fused = fusedPipe(node);
      if (fused !== null) {
        const below = executeTabular(fused.input, catalog, run);
        const relation = conformTo(fused.apply(below.relation, run, (t) => executeTabular(t, catalog, run).relation), node.schema, node.span);
        return below.render === undefined ? { relation } : { relation, render: below.render };
      }
      const input = executeTabular(node.input, catalog, run);
      const output = applyOperator(node.operator, input.relation, node, catalog, run);
      const render = output.render ?? input.render;
      const relation = hasSchemaFromData(node) ? output.relation : conformTo(output.relation, node.schema, node.span);
      return render === undefined ? { relation } : { relation, render };
    }
    case 'source': {
      const source = node.source;
      switch (source.op) {
        case 'print':
          return { relation: conformTo(executePrint(source.columns, run), node.schema, node.span) };
        case 'range':
          return { relation: conformTo(executeRange(source.from, source.to, source.step, node.schema, run, node.span), node.schema, node.span) };
        case 'datatable':
          return { relation: conformTo(executeDataTable(source.values, node.schema, run), node.schema, node.span) };
        default: {
          const never: never = source;
          return never;
        }
      }
    }
    case 'shared':
      return sharedResult(node, () => executeTabular(node.input, catalog, run));
    default: {
      const never: never = node;
      return never;
    }
  }
}

function applyOperator(operator: Operator, relation: Relation, node: Tabular, catalog: Catalog, run: RunContext): NodeResult {
  switch (operator.op) {
    case 'where':
      return { relation: applyWhere(relation, operator.predicate, run) };
    case 'project':
      return { relation: applyProject(relation, operator.columns, run) };
    case 'extend':
      return { relation: applyExtend(relation, operator.columns, run) };
    case 'summarize':
      return { relation: applySummarize(relation, operator.aggregates, operator.by, run) };
    case 'top':
      return { relation: applyTop(relation, operator.count, operator.by, run) };
    case 'take':
      return { relation: applyTake(relation, operator.count, run) };
    case 'sort':
      return { relation: applySort(relation, operator.by, run) };
    case 'count':
      return { relation: applyCount(relation, node.schema) };
    case 'distinct':
      return { relation: applyDistinct(relation, operator.columns, run) };
    case 'union': {
      const others = operator.others.map((t) => executeTabular(t, catalog, run).relation);
      return { relation: applyUnion([relation, ...others], node.schema, run, node.span) };
    }
    case 'render':
      return applyRender(relation, operator.spec);
    case 'join':
      return { relation: applyJoin(relation, executeTabular(operator.right, catalog, run).relation, operator.kind, operator.keys, node.schema, run, node.span) };
    case 'mv-expand':
      return { relation: applyMvExpand(relation, operator, run) };
    case 'make-series':
      return { relation: applyMakeSeries(relation, operator, run, node.span) };
    case 'top-nested':
      return { relation: applyTopNested(relation, operator.levels, run) };
    case 'parse':
      return { relation: applyParse(relation, operator, run, node.span) };
    case 'sample':
      return { relation: applySample(relation, operator.count, run) };
    case 'scan':
      return { relation: applyScan(relation, operator, run, node.span) };
    case 'narrow':
      return { relation: applyNarrow(relation, run) };
    case 'bag-unpack':
      return { relation: applyBagUnpack(relation, operator, run, node.span) };
    case 'ipv4-lookup':
      return { relation: applyIpv4Lookup(relation, executeTabular(operator.lookup, catalog, run).relation, operator, run, node.span) };
    case 'pivot':
      return { relation: applyPivot(relation, operator, node.schema, run, node.span) };
    case 'rows-near':
      return { relation: applyRowsNear(relation, operator, run) };
    case 'dcount-intersect':
      return { relation: applyDcountIntersect(relation, operator, run) };
    case 'window-plugin':
      return { relation: applyWindowPlugin(relation, operator, node.schema, run) };
    case 'partition':
      // Like mv-apply: the subquery reads each partition as one more catalog table.
      return {
        relation: applyPartition(relation, operator, node.schema, run, node.span, (subquery, table) =>
          executeTabular(subquery, { tables: new Map([...catalog.tables, [table.name, table]]) }, run).relation),
      };
    case 'mv-apply':
      // The subquery reads each input row's subtable as one more catalog table.
      return {
        relation: applyMvApply(relation, operator, node.schema, run, (subquery, table) =>
          executeTabular(subquery, { tables: new Map([...catalog.tables, [table.name, table]]) }, run).relation),
      };
    default: {
      const never: never = operator;
      return never;
    }
  }
}
