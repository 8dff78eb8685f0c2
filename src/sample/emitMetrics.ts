/**
 * AzureMetrics rows of the registry: per-minute pull/push counters that agree with the
 * repository events of the same minute, and the hourly StorageUsed gauge that grows
 * with pushes (and shrinks with deletes) an hour later, as ACR's gauge lags.
 */
import type { Table } from '../engine/table/table';
import { ticksFromMs } from '../engine/types/datetime';
import { AZURE_METRICS } from '../ingest/knownTables';
import { REGISTRY_NAME, REGISTRY_RESOURCE_ID, REGISTRY_RESOURCE_ID_UPPER, RESOURCE_GROUP, SUBSCRIPTION_ID, WORKSPACE_ID } from './cast';
import { HOUR_MS, MINUTE_MS } from './calendar';
import type { MinuteCounts } from './emitRegistryLogs';
import type { Random } from './random';
import type { Simulation } from './simulation';
import { TableWriter } from './tableWriter';

/** Deprecated AzureMetrics columns: always empty text. */
const EMPTY_TEXT_COLUMNS = [
  'OperationName', 'OperationVersion', 'Category', 'ResultType', 'ResultSignature', 'ResultDescription', 'CallerIpAddress',
  'CorrelationId', 'RemoteIPCountry', 'MaliciousIP', 'IndicatorThreatType', 'Description', 'TLPLevel', 'Confidence',
  'FirstReportedDateTime', 'LastReportedDateTime', 'IsActive',
];
/** Deprecated numeric AzureMetrics columns: always null. */
const NULL_NUMBER_COLUMNS = ['DurationMs', 'RemoteIPLatitude', 'RemoteIPLongitude', 'Severity'];

/** Registry storage when the window opens, in bytes (the gauge then follows pushes and deletes). */
const INITIAL_STORAGE_BYTES = 41_300_000_000;

interface MetricRow {
  readonly atMs: number;
  readonly name: string;
  readonly total: number;
  readonly count: number;
  readonly minimum: number;
  readonly maximum: number;
  readonly grain: string;
  readonly unit: string;
}

/**
 * Splits a minute's `total` requests over a few metric samples: Count samples whose
 * values differ by at most one, so Minimum <= Total/Count <= Maximum.
 */
function counterRow(rng: Random, atMs: number, name: string, total: number): MetricRow {
  const count = total === 0 ? 1 : 1 + rng.int(Math.min(total, 4));
  const base = Math.floor(total / count);
  const remainder = total - base * count;
  return { atMs, name, total, count, minimum: base, maximum: remainder > 0 ? base + 1 : base, grain: 'PT1M', unit: 'Count' };
}

/** Writes the AzureMetrics table (ascending TimeGenerated). */
export function emitMetrics(sim: Simulation, minutes: MinuteCounts, rng: Random): Table {
  const writer = new TableWriter(AZURE_METRICS);
  const constant: [string, string][] = [
    ['TenantId', WORKSPACE_ID], ['SourceSystem', 'Azure'], ['ResourceId', REGISTRY_RESOURCE_ID_UPPER],
    ['Resource', REGISTRY_NAME.toUpperCase()], ['ResourceGroup', RESOURCE_GROUP.toUpperCase()],
    ['ResourceProvider', 'MICROSOFT.CONTAINERREGISTRY'], ['SubscriptionId', SUBSCRIPTION_ID], ['Type', AZURE_METRICS],
    ['_ResourceId', REGISTRY_RESOURCE_ID], ...EMPTY_TEXT_COLUMNS.map((c): [string, string] => [c, '']),
  ];
  const constantBuilders = constant.map(([column, value]) => ({ builder: writer.text(column), value }));
  const nullBuilders = NULL_NUMBER_COLUMNS.map((c) => writer.number(c));
  const time = writer.number('TimeGenerated');
  const metricName = writer.text('MetricName');
  const total = writer.number('Total');
  const count = writer.number('Count');
  const maximum = writer.number('Maximum');
  const minimum = writer.number('Minimum');
  const average = writer.number('Average');
  const grain = writer.text('TimeGrain');
  const unit = writer.text('UnitName');

  const write = (row: MetricRow): void => {
    for (const c of constantBuilders) c.builder.append(c.value);
    for (const b of nullBuilders) b.append(null);
    time.append(ticksFromMs(row.atMs));
    metricName.append(row.name);
    total.append(row.total);
    count.append(row.count);
    maximum.append(row.maximum);
    minimum.append(row.minimum);
    average.append(row.total / row.count);
    grain.append(row.grain);
    unit.append(row.unit);
  };

  let storedBytes = INITIAL_STORAGE_BYTES;
  let appliedHours = 0;
  for (let m = 0; m < minutes.totalPulls.length; m++) {
    const atMs = sim.startMs + m * MINUTE_MS;
    if (atMs > sim.endMs) break;
    if (atMs % HOUR_MS === 0) {
      // The gauge reflects content stored up to about an hour earlier.
      const upToHour = Math.floor((atMs - sim.startMs) / HOUR_MS) - 1;
      for (; appliedHours < upToHour; appliedHours++) storedBytes += sim.storageDeltaByHour[appliedHours];
      const bytes = Math.round(storedBytes);
      write({ atMs, name: 'StorageUsed', total: bytes, count: 1, minimum: bytes, maximum: bytes, grain: 'PT1H', unit: 'Bytes' });
    }
    if (minutes.totalPulls[m] > 0) {
      write(counterRow(rng, atMs, 'TotalPullCount', minutes.totalPulls[m]));
      write(counterRow(rng, atMs, 'SuccessfulPullCount', minutes.successfulPulls[m]));
    }
    if (minutes.totalPushes[m] > 0) {
      write(counterRow(rng, atMs, 'TotalPushCount', minutes.totalPushes[m]));
      write(counterRow(rng, atMs, 'SuccessfulPushCount', minutes.successfulPushes[m]));
    }
  }
  return writer.finish();
}
