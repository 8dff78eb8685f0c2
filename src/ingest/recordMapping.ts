/**
 * Maps one raw resource-log record (a `PT1H.json` line or an entry of `{"records":[...]}`)
 * to a row of its Log Analytics table (shared/docs/acr-logs.md §2.4).
 */
import type { ColumnSchema } from '../engine/table/column';
import type { ColumnBuilder, StringColumnBuilder } from '../engine/table/builder';
import { appendValue } from '../engine/table/builder';
import { AZURE_METRICS, CATEGORY_TO_TABLE, KNOWN_TABLES } from './knownTables';
import { parseResourceId, unitOfMetric } from './acrMetrics';
import type { CellInput } from './coerce';
import { coerceCell, parseTimestamp } from './coerce';
import type { JsonObject } from './fieldLookup';
import { FieldLookup } from './fieldLookup';
import type { LogColumnRule } from './logColumnRules';
import { COMMON_COLUMN_RULES, logColumnRule } from './logColumnRules';

/** The outcome of mapping one record: a row of `table` in its schema order, or why it was skipped. */
export type RecordMapping =
  | {
      readonly kind: 'row';
      readonly table: string;
      readonly row: CellInput[];
      /** Names of the fields no documented column takes; nested ones as `properties.<key>`. */
      readonly unmappedFields: string[];
      /** The same fields with their values (`nested` for those inside `properties`), to keep as extra columns. */
      readonly extraFields: readonly ExtraField[];
    }
  | { readonly kind: 'skip'; readonly reason: string };

/** A raw field that no documented column takes. */
export interface ExtraField {
  readonly key: string;
  readonly value: unknown;
  /** True when the field sits inside the record's `properties` bag. */
  readonly nested: boolean;
}

/** What a column's value is computed from, besides the record's fields. */
interface RecordContext {
  readonly fields: FieldLookup;
  readonly table: string;
  readonly timeTicks: number;
  readonly resourceId: string;
}

/** Computes one column's cell; made once per table (see `planFor`), with field slots resolved. */
type CellResolver = (context: RecordContext) => CellInput;
/** Makes a column's resolver; `slot` gives the lookup slot of a lower-case field name. */
type ResolverFactory = (column: ColumnSchema, slot: (lowerName: string) => number) => CellResolver;

/** The column's own name, looked up case-insensitively (top level, then `properties`). */
const byName: ResolverFactory = (column, slot) => {
  const field = slot(column.name.toLowerCase());
  const type = column.type;
  return (c) => coerceCell(c.fields.getSlot(field), type);
};
const constant = (value: CellInput): ResolverFactory => () => () => value;
const timeGenerated: ResolverFactory = () => (c) => c.timeTicks;
const tableName: ResolverFactory = () => (c) => c.table;
const lowerResourceId: ResolverFactory = () => {
  // Why a one-entry cache: a file's records almost always share one resource ID.
  let lastId = '';
  let lastLower = '';
  return (c) => {
    if (c.resourceId !== lastId) {
      lastId = c.resourceId;
      lastLower = lastId.toLowerCase();
    }
    return lastLower;
  };
};

/** The resolver factory of a column rule (see `logColumnRules.ts`). */
function resolverOfRule(rule: LogColumnRule): ResolverFactory {
  switch (rule.kind) {
    case 'constant':
      return constant(rule.value);
    case 'time':
      return timeGenerated;
    case 'table':
      return tableName;
    case 'lowerResourceId':
      return lowerResourceId;
    case 'firstPresent':
      return (column, slot) => {
        const slots = rule.fields.map(slot);
        return (c) => {
          // Why stop at the first value: a later field is read (marked used) only when needed.
          let value: unknown;
          for (let i = 0; i < slots.length && (value === undefined || value === null); i++) value = c.fields.getSlot(slots[i]);
          return coerceCell(value, column.type);
        };
      };
    case 'ownField':
      return byName;
    default: {
      const never: never = rule;
      return never;
    }
  }
}

/** Columns shared by every table loaded from resource logs. */
const COMMON_RESOLVERS: Readonly<Record<string, ResolverFactory>> = Object.fromEntries(
  [...COMMON_COLUMN_RULES].map(([name, rule]) => [name, resolverOfRule(rule)]),
);

/** A log table's resolver factory of a column. */
const logResolver = (name: string): ResolverFactory => resolverOfRule(logColumnRule(name));

const resourcePart = (part: 'subscriptionId' | 'resourceGroup' | 'resourceProvider' | 'resource', upper: boolean): ResolverFactory =>
  () => (c) => {
    const text = parseResourceId(c.resourceId)[part];
    return upper ? text.toUpperCase() : text.toLowerCase();
  };

const METRIC_RESOLVERS: Readonly<Record<string, ResolverFactory>> = {
  ...COMMON_RESOLVERS,
  ResourceId: () => (c) => c.resourceId.toUpperCase(),
  SubscriptionId: resourcePart('subscriptionId', false),
  ResourceGroup: resourcePart('resourceGroup', true),
  ResourceProvider: resourcePart('resourceProvider', true),
  Resource: resourcePart('resource', true),
  UnitName: (_column, slot) => {
    const unitName = slot('unitname');
    const unit = slot('unit');
    const metricNameSlot = slot('metricname');
    return (c) => {
      const given = c.fields.getSlot(unitName) ?? c.fields.getSlot(unit);
      const metricName = c.fields.getSlot(metricNameSlot);
      return typeof given === 'string' && given !== '' ? given : typeof metricName === 'string' ? unitOfMetric(metricName) : '';
    };
  },
};

function schemaOf(table: string): readonly ColumnSchema[] {
  const schema = KNOWN_TABLES.get(table);
  if (schema === undefined) throw new Error(`no known schema for table ${table}`);
  return schema;
}

function describe(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** A table's column resolvers, valid for one `FieldLookup` epoch. */
interface TablePlan {
  readonly epoch: number;
  readonly resolvers: readonly CellResolver[];
  /**
   * Per column: the field slot when the column is a `string` column read from its own field
   * (a string value then goes to the builder as is), else -1.
   */
  readonly plainStringSlots: Int32Array;
}

/**
 * Maps records one at a time. Holds the reusable field lookup, the slots of the fields every
 * record is asked for, and one resolver list per table, so that mapping a record builds no
 * per-record index and lower-cases no names. Use: `classify` a record, then take its cells
 * (`cell(0 .. cellCount - 1)`, or `writeRow` into the table's builders), then, after the cells,
 * its `extraFields` (or `forEachExtraField`). Not re-entrant: one record at a time.
 */
export class RecordRowMapper {
  private readonly fields = new FieldLookup();
  private readonly plans = new Map<string, TablePlan>();
  private slotsEpoch = -1;
  private timeSlot = 0;
  private metricNameSlot = 0;
  private categorySlot = 0;
  private resourceIdSlot = 0;
  private lastCategory = '';
  private lastCategoryTable: string | undefined;
  private plan: TablePlan = { epoch: -1, resolvers: [], plainStringSlots: new Int32Array(0) };
  /** Why one mutable context: the resolvers read it synchronously, so no object per record. */
  private readonly context = { fields: this.fields, table: '', timeTicks: 0, resourceId: '' };
  /** Why the last `classify` returned null. */
  skipReason = '';

  /** Reads `record`; returns the table its row belongs to, or null (see `skipReason`). */
  classify(record: unknown): string | null {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) return this.skip('not a JSON object');
    const fields = this.fields;
    fields.reset(record as JsonObject);
    if (this.slotsEpoch !== fields.epoch) this.resolveSlots();
    const time = fields.getSlot(this.timeSlot);
    if (time === undefined || time === null || time === '') return this.skip('no time field');
    const timeTicks = typeof time === 'string' ? parseTimestamp(time) : null;
    if (timeTicks === null) return this.skip(`time is not an ISO 8601 datetime: ${describe(time)}`);

    const isMetric = fields.hasSlot(this.metricNameSlot);
    let table: string;
    if (isMetric) {
      table = AZURE_METRICS;
    } else {
      const category = fields.getSlot(this.categorySlot);
      if (typeof category !== 'string' || category === '') return this.skip('no category field');
      if (category !== this.lastCategory) {
        this.lastCategory = category;
        this.lastCategoryTable = CATEGORY_TO_TABLE.get(category.toLowerCase());
      }
      const known = this.lastCategoryTable;
      if (known === undefined) return this.skip(`unknown category: ${describe(category)}`);
      table = known;
    }
    const resourceIdValue = fields.getSlot(this.resourceIdSlot);
    const context = this.context;
    context.table = table;
    context.timeTicks = timeTicks;
    context.resourceId = typeof resourceIdValue === 'string' ? resourceIdValue : '';
    this.plan = this.planFor(table, isMetric);
    return table;
  }

  /** Cells of the classified record's row (its table's column count). */
  get cellCount(): number {
    return this.plan.resolvers.length;
  }

  /** The classified record's cell of column `index` (schema order). */
  cell(index: number): CellInput {
    return this.plan.resolvers[index](this.context);
  }

  /**
   * Appends the classified record's row to `columns`, the builders of its table's schema
   * (`columnBuilderFor` of each column's type). Same cells as `cell`, with fewer steps for
   * the most common one, a string field into a string column.
   */
  writeRow(columns: readonly ColumnBuilder[]): void {
    const { resolvers, plainStringSlots } = this.plan;
    const fields = this.fields;
    const context = this.context;
    for (let i = 0; i < resolvers.length; i++) {
      const slot = plainStringSlots[i];
      if (slot >= 0) {
        const value = fields.getSlot(slot);
        if (typeof value === 'string') {
          (columns[i] as StringColumnBuilder).append(value);
          continue;
        }
      }
      appendValue(columns[i], resolvers[i](context));
    }
  }

  /** Calls `visit` with each field of the record just mapped that no documented column takes (ask after its cells). */
  forEachExtraField(visit: (key: string, value: unknown, nested: boolean) => void): void {
    this.fields.forEachUnused(visit);
  }

  /** The fields of the record just mapped that no documented column takes (ask after its cells). */
  extraFields(): ExtraField[] {
    return this.fields.unusedFields();
  }

  private skip(reason: string): null {
    this.skipReason = reason;
    return null;
  }

  private resolveSlots(): void {
    const fields = this.fields;
    this.timeSlot = fields.slotOf('time');
    this.metricNameSlot = fields.slotOf('metricname');
    this.categorySlot = fields.slotOf('category');
    this.resourceIdSlot = fields.slotOf('resourceid');
    this.slotsEpoch = fields.epoch;
  }

  private planFor(table: string, isMetric: boolean): TablePlan {
    const known = this.plans.get(table);
    if (known !== undefined && known.epoch === this.fields.epoch) return known;
    const factoryOf = (name: string): ResolverFactory => (isMetric ? METRIC_RESOLVERS[name] ?? byName : logResolver(name));
    const slot = (lowerName: string): number => this.fields.slotOf(lowerName);
    const schema = schemaOf(table);
    const resolvers = schema.map((column) => factoryOf(column.name)(column, slot));
    const plainStringSlots = Int32Array.from(schema, (column) =>
      factoryOf(column.name) === byName && column.type === 'string' ? slot(column.name.toLowerCase()) : -1,
    );
    const plan: TablePlan = { epoch: this.fields.epoch, resolvers, plainStringSlots };
    this.plans.set(table, plan);
    return plan;
  }
}

const sharedMapper = new RecordRowMapper();

/**
 * Maps a parsed record. Metric records (with `metricName`) go to `AzureMetrics`; log records
 * to the table of their `category`. Every column of the known schema gets a value (empty
 * string / null when the record lacks it); fields no column takes are listed in `unmappedFields`.
 */
export function mapRecord(record: unknown): RecordMapping {
  const table = sharedMapper.classify(record);
  if (table === null) return { kind: 'skip', reason: sharedMapper.skipReason };
  const row: CellInput[] = [];
  for (let i = 0; i < sharedMapper.cellCount; i++) row.push(sharedMapper.cell(i));
  const extraFields = sharedMapper.extraFields();
  const unmappedFields = extraFields.map((f) => (f.nested ? `properties.${f.key}` : f.key));
  return { kind: 'row', table, row, unmappedFields, extraFields };
}
