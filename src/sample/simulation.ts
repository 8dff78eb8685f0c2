/**
 * The simulation's shared state: the event store, the interned actors and targets, the
 * repositories, an agenda of future work (deploys, incidents) and the storage growth.
 * Traffic and story modules drive it; emit modules turn its store into tables.
 */
import type { Actor } from './cast';
import { ENTRA_TENANT_ID } from './cast';
import type { OpCode } from './eventStore';
import { EventStore, Op } from './eventStore';
import type { Random } from './random';
import type { RepositoryState } from './repositories';
import { TargetTable, initialRepositories } from './repositories';
import { HOUR_MS } from './calendar';

/** Times of the incidents, so the host logs (Event, Syslog) can tell the same story. */
export interface StoryTimes {
  /** Nightly runs of the legacy Jenkins job whose service principal secret expired. */
  readonly jenkinsFailures: number[];
  /** kubelet pull attempts of the missing tag, with the node number. */
  readonly missingTagPulls: { readonly atMs: number; readonly node: number; readonly image: string }[];
  /** Throttled pulls during a node-pool scale-out, with the new node's number. */
  readonly throttledPulls: { readonly atMs: number; readonly node: number; readonly image: string }[];
}

interface AgendaItem {
  readonly atMs: number;
  readonly run: (atMs: number) => void;
}

/** Simulation state shared by the traffic and story generators. */
export class Simulation {
  readonly store: EventStore;
  readonly targets = new TargetTable();
  readonly actors: Actor[] = [];
  readonly repositories: RepositoryState[];
  readonly stories: StoryTimes = { jenkinsFailures: [], missingTagPulls: [], throttledPulls: [] };
  /** Bytes added (positive) or freed (negative) per hour of the window. */
  readonly storageDeltaByHour: Float64Array;
  /** Actor indexes of cluster nodes by cluster name (looked up on every cluster pull). */
  readonly nodeActors = new Map<string, number[]>();
  private readonly actorIndex = new Map<string, number>();
  private readonly lastLoginMs: number[] = [];
  private agenda: AgendaItem[] = [];
  private runs = 0;

  constructor(
    readonly rng: Random,
    /** First whole minute of the window (inclusive). */
    readonly startMs: number,
    /** The anchor ("now"); no event is later. */
    readonly endMs: number,
    readonly scale: number,
  ) {
    this.store = new EventStore(startMs, endMs);
    this.repositories = initialRepositories(this.targets, rng);
    this.storageDeltaByHour = new Float64Array(Math.ceil((endMs - startMs) / HOUR_MS) + 1);
  }

  /** A new pipeline-run number (keeps each CI run's token separate). */
  nextRun(): number {
    return this.runs++;
  }

  /** Index of an actor; `session` separates actors that look alike but hold their own token (nodes behind one egress IP). */
  actor(actor: Actor, session = ''): number {
    const key = `${actor.identity}|${actor.ip}|${actor.userAgent}|${actor.region}|${session}`;
    let index = this.actorIndex.get(key);
    if (index === undefined) {
      index = this.actors.length;
      this.actors.push(actor);
      this.lastLoginMs.push(-Infinity);
      this.actorIndex.set(key, index);
    }
    return index;
  }

  repository(name: string): RepositoryState {
    const found = this.repositories.find((r) => r.spec.name === name);
    if (found === undefined) throw new Error(`sample repository ${name} is not defined`);
    return found;
  }

  /** Records a repository request. */
  request(atMs: number, op: OpCode, actor: number, target: number, status: number): void {
    this.store.add(atMs, op, actor, target, status);
  }

  /** Records a login attempt; a successful one refreshes the actor's token. */
  login(atMs: number, actor: number, status = 200): void {
    this.store.add(atMs, Op.Login, actor, -1, status);
    if (status === 200) this.lastLoginMs[actor] = atMs;
  }

  /**
   * Logs the actor in when its token is missing or expired and returns when the next
   * request happens (a moment after the login, or `atMs` when no login was needed).
   */
  ensureLogin(atMs: number, actor: number): number {
    const lifetime = this.actors[actor].tokenMinutes * 60_000;
    const age = atMs - this.lastLoginMs[actor];
    // A negative age means this request was generated after a later one of the same client
    // that logged in already; it still needs a token of its own at its time.
    if (age >= 0 && age < lifetime) return atMs;
    this.store.add(atMs, Op.Login, actor, -1, 200);
    this.lastLoginMs[actor] = Math.max(this.lastLoginMs[actor], atMs);
    return atMs + 150 + this.rng.int(1800);
  }

  /** Entra tenant of an identity (empty for anonymous calls). */
  userTenantOf(actor: Actor): string {
    return actor.identity === '' ? '' : ENTRA_TENANT_ID;
  }

  /** Adds stored bytes at a time (negative when content is deleted). */
  addStorage(atMs: number, bytes: number): void {
    const hour = Math.floor((atMs - this.startMs) / HOUR_MS);
    if (hour >= 0 && hour < this.storageDeltaByHour.length) this.storageDeltaByHour[hour] += bytes;
  }

  /** Schedules work at a later time of the simulation; `run` gets that time. */
  schedule(atMs: number, run: (atMs: number) => void): void {
    let i = this.agenda.length;
    this.agenda.push({ atMs, run });
    while (i > 0 && this.agenda[i - 1].atMs > atMs) {
      this.agenda[i] = this.agenda[i - 1];
      i--;
    }
    this.agenda[i] = { atMs, run };
  }

  /** Runs (in time order) the scheduled work due before `untilMs`. */
  runAgenda(untilMs: number): void {
    while (this.agenda.length > 0 && this.agenda[0].atMs < untilMs) {
      const item = this.agenda.shift();
      item?.run(item.atMs);
    }
  }
}
