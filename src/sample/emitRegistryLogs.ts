/**
 * Turns the simulation's requests, in time order, into the two ACR resource-log tables,
 * and counts pulls and pushes per minute for AzureMetrics on the way.
 */
import type { Table } from '../engine/table/table';
import { ticksFromMs } from '../engine/types/datetime';
import { CONTAINER_REGISTRY_LOGIN_EVENTS, CONTAINER_REGISTRY_REPOSITORY_EVENTS } from '../ingest/knownTables';
import { LOGIN_SERVER, REGISTRY_RESOURCE_ID, WORKSPACE_ID } from './cast';
import { MINUTE_MS } from './calendar';
import type { OpCode } from './eventStore';
import { Op, operationName } from './eventStore';
import type { Random } from './random';
import type { Simulation } from './simulation';
import { TableWriter } from './tableWriter';

/** Pull and push requests per minute of the window (index 0 = the window's first minute). */
export interface MinuteCounts {
  readonly totalPulls: Uint32Array;
  readonly successfulPulls: Uint32Array;
  readonly totalPushes: Uint32Array;
  readonly successfulPushes: Uint32Array;
}

/** Text of small integers, made once: durations and status codes repeat on every row. */
const INTEGER_TEXT: readonly string[] = Array.from({ length: 20_000 }, (_, i) => String(i));

function integerText(n: number): string {
  return n < INTEGER_TEXT.length ? INTEGER_TEXT[n] : String(n);
}

/** Typical server time of a request, in whole milliseconds (as text, like the real column). */
function durationText(rng: Random, op: OpCode, status: number): string {
  let median: number;
  let sigma = 0.5;
  if (status >= 400) {
    median = status === 404 ? 9 : status === 401 ? 4 : status === 403 ? 2 : 1;
  } else {
    switch (op) {
      case Op.Login: median = 55; break;
      case Op.Pull: median = 13; sigma = 0.55; break;
      case Op.Push: median = 140; sigma = 0.6; break;
      case Op.Delete: median = 450; sigma = 0.4; break;
      case Op.Untag: median = 180; sigma = 0.4; break;
      case Op.ImportImage: median = 7000; sigma = 0.35; break;
      default: {
        const never: never = op;
        throw new Error(`unknown operation ${String(never)}`);
      }
    }
  }
  return integerText(Math.max(1, Math.round(rng.logNormal(median, sigma))));
}

function resultType(status: number): string {
  return status < 400 ? 'Succeeded' : 'Failed';
}

/** Writes both ACR tables from the simulation (rows in ascending TimeGenerated) and counts the minutes. */
export function emitRegistryLogs(sim: Simulation, rng: Random): { repository: Table; login: Table; minutes: MinuteCounts } {
  const store = sim.store;
  const order = store.sortedOrder();
  const minuteCount = Math.ceil((sim.endMs - sim.startMs + 1) / MINUTE_MS);
  const minutes: MinuteCounts = {
    totalPulls: new Uint32Array(minuteCount),
    successfulPulls: new Uint32Array(minuteCount),
    totalPushes: new Uint32Array(minuteCount),
    successfulPushes: new Uint32Array(minuteCount),
  };

  const repo = new TableWriter(CONTAINER_REGISTRY_REPOSITORY_EVENTS);
  const r = {
    tenant: repo.text('TenantId'), source: repo.text('SourceSystem'), time: repo.number('TimeGenerated'), op: repo.text('OperationName'),
    server: repo.text('LoginServer'), identity: repo.text('Identity'), repository: repo.text('Repository'), tag: repo.text('Tag'),
    digest: repo.text('Digest'), mediaType: repo.text('MediaType'), size: repo.number('Size'), artifactType: repo.text('ArtifactType'),
    correlation: repo.distinctText('CorrelationId'), region: repo.text('Region'), resultType: repo.text('ResultType'), category: repo.text('Category'),
    description: repo.text('ResultDescription'), ip: repo.text('CallerIpAddress'), duration: repo.text('DurationMs'),
    userTenant: repo.text('UserTenantId'), userAgent: repo.text('UserAgent'), type: repo.text('Type'), resourceId: repo.text('_ResourceId'),
  };
  const login = new TableWriter(CONTAINER_REGISTRY_LOGIN_EVENTS);
  const l = {
    tenant: login.text('TenantId'), source: login.text('SourceSystem'), time: login.number('TimeGenerated'), op: login.text('OperationName'),
    server: login.text('LoginServer'), identity: login.text('Identity'), jwt: login.text('JwtId'), region: login.text('Region'),
    correlation: login.text('CorrelationId'), resultType: login.text('ResultType'), description: login.text('ResultDescription'),
    ip: login.text('CallerIpAddress'), duration: login.text('DurationMs'), userAgent: login.text('UserAgent'), category: login.text('Category'),
    type: login.text('Type'), resourceId: login.text('_ResourceId'),
  };

  const targets = sim.targets.targets;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const atMs = store.timeOf(i);
    const op = store.opOf(i);
    const actor = sim.actors[store.actorOf(i)];
    const status = store.statusOf(i);
    const statusText = integerText(status);
    if (op === Op.Login) {
      l.tenant.append(WORKSPACE_ID); l.source.append('Azure'); l.time.append(ticksFromMs(atMs)); l.op.append('Login');
      l.server.append(LOGIN_SERVER); l.identity.append(actor.identity); l.jwt.append(status === 200 ? rng.guid() : '');
      l.region.append(actor.region); l.correlation.append(rng.guid()); l.resultType.append(resultType(status));
      l.description.append(statusText); l.ip.append(actor.ip); l.duration.append(durationText(rng, op, status));
      l.userAgent.append(actor.userAgent); l.category.append(CONTAINER_REGISTRY_LOGIN_EVENTS);
      l.type.append(CONTAINER_REGISTRY_LOGIN_EVENTS); l.resourceId.append(REGISTRY_RESOURCE_ID);
      continue;
    }
    const target = targets[store.targetOf(i)];
    r.tenant.append(WORKSPACE_ID); r.source.append('Azure'); r.time.append(ticksFromMs(atMs)); r.op.append(operationName(op));
    r.server.append(LOGIN_SERVER); r.identity.append(actor.identity); r.repository.append(target.repository); r.tag.append(target.tag);
    r.digest.append(target.digest); r.mediaType.append(target.mediaType); r.size.append(target.size < 0 ? null : target.size);
    r.artifactType.append(target.artifactType); r.correlation.append(rng.guid()); r.region.append(actor.region);
    r.resultType.append(resultType(status)); r.category.append(CONTAINER_REGISTRY_REPOSITORY_EVENTS); r.description.append(statusText);
    r.ip.append(actor.ip); r.duration.append(durationText(rng, op, status)); r.userTenant.append(sim.userTenantOf(actor));
    r.userAgent.append(actor.userAgent); r.type.append(CONTAINER_REGISTRY_REPOSITORY_EVENTS); r.resourceId.append(REGISTRY_RESOURCE_ID);

    const minute = Math.floor((atMs - sim.startMs) / MINUTE_MS);
    if (op === Op.Pull) {
      minutes.totalPulls[minute]++;
      if (status === 200) minutes.successfulPulls[minute]++;
    } else if (op === Op.Push) {
      minutes.totalPushes[minute]++;
      if (status === 201) minutes.successfulPushes[minute]++;
    }
  }
  return { repository: repo.finish(), login: login.finish(), minutes };
}
