/**
 * The bundled sample: a deterministic, seeded week of logs of one geo-replicated Azure
 * Container Registry (`contosoacr.azurecr.io`) and the machines around it.
 *
 * How it works: a minute-by-minute simulation (CI builds, deployments, cluster and
 * developer pulls, scheduled incidents) records requests into typed arrays; a radix sort
 * puts them in time order; emitters write the ACR tables and the per-minute metrics from
 * that one ordered pass. Event and Syslog are small and tell the same incidents.
 */
import type { Table } from '../engine/table/table';
import { MINUTE_MS, DAY_MS } from './calendar';
import { emitMetrics } from './emitMetrics';
import { emitRegistryLogs } from './emitRegistryLogs';
import { MAX_SPAN_MS } from './eventStore';
import { Random, deriveSeed } from './random';
import { Simulation } from './simulation';
import { scheduleStories } from './stories';
import { generateSyslogTable } from './syslog';
import { pullWeightsOf, simulateMinute } from './traffic';
import { generateEventTable } from './windowsEvents';

/** Options of `generateSampleTables`. */
export interface SampleOptions {
  /** Same seed and same anchor give identical rows. */
  seed: number;
  /** "Now" of the data in ms since the Unix epoch (page load time): the newest events are shortly before it. */
  anchorMs: number;
  /** Length of the window ending at `anchorMs`, in days; default 7. */
  days?: number;
  /** Multiplier on event volume (fractions allowed); default 1, about 55,000 repository events over 7 days. */
  scale?: number;
}

/** Latest accepted anchor (end of year 9999, the last datetime Kusto prints). */
const LATEST_ANCHOR_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export { DEFAULT_SAMPLE_SEED } from './defaultSeed';

/**
 * Generates the sample tables: ContainerRegistryRepositoryEvents, ContainerRegistryLoginEvents,
 * AzureMetrics, Event and Syslog, with the schemas of `KNOWN_TABLES`, rows in ascending
 * TimeGenerated and every time in [anchorMs - days, anchorMs].
 * Time and memory grow linearly with `scale`.
 */
export function generateSampleTables(options: SampleOptions): Table[] {
  const days = options.days ?? 7;
  const scale = options.scale ?? 1;
  const anchorMs = Math.floor(options.anchorMs);
  if (!Number.isFinite(anchorMs) || anchorMs < 0 || anchorMs > LATEST_ANCHOR_MS) throw new RangeError('anchorMs must be a time between 1970 and 9999');
  if (!(days > 0) || days * DAY_MS > MAX_SPAN_MS) throw new RangeError(`days must be > 0 and at most ${Math.floor(MAX_SPAN_MS / DAY_MS)}`);
  if (!(scale >= 0) || !Number.isFinite(scale)) throw new RangeError('scale must be a finite number >= 0');

  // Whole minutes only, so every per-minute metric row starts inside the window.
  const startMs = Math.ceil((anchorMs - days * DAY_MS) / MINUTE_MS) * MINUTE_MS;
  const sim = new Simulation(new Random(deriveSeed(options.seed, 'traffic')), startMs, anchorMs, scale);
  scheduleStories(sim);
  const weights = pullWeightsOf(sim);
  for (let minute = startMs; minute <= anchorMs; minute += MINUTE_MS) {
    sim.runAgenda(minute + MINUTE_MS);
    simulateMinute(sim, minute, weights);
  }

  const { repository, login, minutes } = emitRegistryLogs(sim, new Random(deriveSeed(options.seed, 'rows')));
  const metrics = emitMetrics(sim, minutes, new Random(deriveSeed(options.seed, 'metrics')));
  const events = generateEventTable(new Random(deriveSeed(options.seed, 'event')), startMs, anchorMs, sim.stories);
  const syslog = generateSyslogTable(new Random(deriveSeed(options.seed, 'syslog')), startMs, anchorMs, sim.stories);
  return [repository, login, metrics, events, syslog];
}
