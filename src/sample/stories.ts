/**
 * The incidents and one-off operations the sample is meant to show, scheduled on the
 * simulation's agenda: an expired service principal (401), a scanner blocked by the
 * firewall (403), a bad deploy pulling a missing tag (404), throttling during a
 * scale-out (429), an admin's untag and repository delete, an image import.
 */
import type { Actor } from './cast';
import { CLUSTERS, HOME_REGION, JENKINS_AGENT_IP, OFFICE_IPS, PEOPLE, PRINCIPALS, REGISTRY_RESOURCE_ID, SCANNER_IP, USER_AGENTS } from './cast';
import { DAY_MS, HOUR_MS, MINUTE_MS, atWorkHour, isWeekend } from './calendar';
import { Op } from './eventStore';
import { MEDIA_TYPES, createRelease } from './repositories';
import { gap, nodeActor, pullRelease } from './requests';
import type { Simulation } from './simulation';
import { deployProduction } from './traffic';

const PROD_EUS = CLUSTERS[0];

/**
 * A time `fraction` of the way back from the end of the window (drawn within [from, to]),
 * moved to a weekday afternoon when possible.
 */
function storyTime(sim: Simulation, from: number, to: number): number {
  const span = sim.endMs - sim.startMs;
  const lo = sim.startMs + HOUR_MS;
  const hi = sim.endMs - HOUR_MS;
  let t = sim.endMs - sim.rng.between(from, to) * span;
  for (let attempt = 0; attempt < 6 && isWeekend(t); attempt++) t -= DAY_MS;
  if (t < sim.startMs) t = sim.endMs - sim.rng.between(from, to) * span;
  return atWorkHour(t, sim.rng.next(), lo, hi);
}

function cliActor(sim: Simulation, person: string): number {
  const actor: Actor = { identity: person, ip: OFFICE_IPS[0], userAgent: USER_AGENTS.azureCli, region: HOME_REGION, tokenMinutes: 180 };
  return sim.actor(actor, `cli/${person}`);
}

/** The legacy Jenkins job: its service principal secret expired, so every run fails with 401. */
function legacyJenkinsRun(sim: Simulation, atMs: number): void {
  const base = { ip: JENKINS_AGENT_IP, userAgent: USER_AGENTS.dockerLegacy, region: HOME_REGION, tokenMinutes: 0 };
  const principal = sim.actor({ ...base, identity: PRINCIPALS.jenkinsLegacy });
  const anonymous = sim.actor({ ...base, identity: '' });
  let t = atMs;
  for (let attempt = 0; attempt < 3; attempt++) {
    sim.login(t, principal, 401);
    t += 30_000 + sim.rng.int(4000);
  }
  // The script carries on and pulls its base image without a token.
  const target = sim.targets.failure('base/dotnet-aspnet', '8.0');
  for (let attempt = 0; attempt < 2; attempt++) {
    sim.request(t, Op.Pull, anonymous, target, 401);
    t += 5000 + sim.rng.int(3000);
  }
  sim.stories.jenkinsFailures.push(atMs);
}

/** A vulnerability scanner outside the firewall's allow list: everything is denied with 403. */
function blockedScan(sim: Simulation, atMs: number): void {
  const base = { ip: SCANNER_IP, userAgent: USER_AGENTS.scanner, region: HOME_REGION, tokenMinutes: 0 };
  sim.login(atMs, sim.actor({ ...base, identity: PRINCIPALS.scanner }), 403);
  const anonymous = sim.actor({ ...base, identity: '' });
  let t = atMs + gap(sim, 500, 3000);
  const names = sim.repositories.filter((r) => r.spec.kind === 'app' && !r.deleted).map((r) => r.spec.name);
  const count = sim.rng.intBetween(4, names.length);
  for (let i = 0; i < count; i++) {
    const state = sim.repository(names[i]);
    sim.request(t, Op.Pull, anonymous, sim.targets.failure(state.spec.name, state.releases[state.releases.length - 1].version), 403);
    t += gap(sim, 100, 1500);
  }
}

/** A release whose manifest references a tag CI never pushed: kubelets retry with back-off until the rollback. */
function badDeploy(sim: Simulation, atMs: number): void {
  const state = sim.repository('shop/checkout');
  const tag = `v${state.releases[state.production].version}`;
  const image = `${state.spec.name}:${tag}`;
  const target = sim.targets.failure(state.spec.name, tag);
  const until = atMs + 25 * MINUTE_MS + sim.rng.int(15 * MINUTE_MS);
  const nodes = [0, 2, 4, 5, 7, 8];
  for (const node of nodes) {
    const actor = nodeActor(sim, PROD_EUS, node);
    let t = sim.ensureLogin(atMs + sim.rng.int(30_000), actor);
    let backoff = 10_000;
    while (t < until) {
      sim.request(t, Op.Pull, actor, target, 404);
      sim.stories.missingTagPulls.push({ atMs: t, node, image });
      t += backoff + sim.rng.int(2000);
      backoff = Math.min(backoff * 2, 300_000);
    }
  }
}

/** The autoscaler adds a dozen nodes at once; their pulls hit the registry's request limit. */
function scaleOutBurst(sim: Simulation, atMs: number, burst: number): void {
  const rng = sim.rng;
  const weights = sim.repositories.map((r) => (r.spec.kind === 'app' ? r.spec.pullWeight : 0));
  const otel = sim.repository('platform/otel-collector');
  let start = atMs;
  for (let i = 0; i < 12; i++) {
    const node = 100 + burst * 20 + i;
    const actor = nodeActor(sim, PROD_EUS, node);
    let t = start;
    if (rng.chance(0.3)) {
      sim.login(t, actor, 429);
      t += 1000 + rng.int(3000);
    }
    t = sim.ensureLogin(t, actor);
    const images = [otel, ...[0, 1, 2].map(() => sim.repositories[rng.weightedIndex(weights)])];
    for (const state of images) {
      const release = state.releases[state.production];
      const top = release.bySemver >= 0 ? release.bySemver : release.bySha;
      if (rng.chance(0.4)) {
        sim.request(t, Op.Pull, actor, sim.targets.failure(state.spec.name, sim.targets.targets[top].tag), 429);
        sim.stories.throttledPulls.push({ atMs: t, node, image: `${state.spec.name}:${sim.targets.targets[top].tag}` });
        t += 1000 + rng.int(3000);
      }
      t = pullRelease(sim, t, actor, release, true, false);
    }
    start += 3000 + rng.int(12_000);
  }
}

/** Alex cleans up: untags old git-sha builds of shop/web. */
function untagOldBuilds(sim: Simulation, atMs: number): void {
  const actor = cliActor(sim, PEOPLE.admin);
  let t = sim.ensureLogin(atMs, actor);
  const count = sim.rng.intBetween(6, 9);
  for (let i = 0; i < count; i++) {
    const target = sim.targets.add({ repository: 'shop/web', tag: `sha-${sim.rng.hex(4).slice(0, 7)}`, digest: sim.rng.digest(), mediaType: MEDIA_TYPES.ociIndex, size: sim.rng.intBetween(1550, 1900), artifactType: '' });
    sim.request(t, Op.Untag, actor, target, 200);
    t += gap(sim, 1500, 6000);
  }
}

/** Alex deletes the old sample repository and two experiment manifests. */
function deleteLegacyContent(sim: Simulation, atMs: number): void {
  const actor = cliActor(sim, PEOPLE.admin);
  let t = sim.ensureLogin(atMs, actor);
  const legacy = sim.repository('sample/hello-world');
  sim.request(t, Op.Delete, actor, sim.targets.add({ repository: legacy.spec.name, tag: '', digest: '', mediaType: '', size: -1, artifactType: '' }), 202);
  legacy.deleted = true;
  sim.addStorage(t, -legacy.releases.reduce((sum, r) => sum + r.addedBytes, 0));
  const experiment = sim.repository('experiments/ml-worker');
  for (const release of experiment.releases.slice(0, 2)) {
    t += gap(sim, 20_000, 90_000);
    const manifest = sim.targets.targets[release.bySha];
    sim.request(t, Op.Delete, actor, sim.targets.add({ ...manifest, tag: '' }), 202);
    sim.addStorage(t, -release.addedBytes);
  }
}

/** Sam imports a vetted ingress-nginx from the quarantine repository; production rolls it out later. */
function importIngress(sim: Simulation, atMs: number): void {
  const actor = cliActor(sim, PEOPLE.developers[1]);
  const t = sim.ensureLogin(atMs, actor);
  const state = sim.repository('platform/ingress-nginx');
  const release = createRelease(state, sim.targets, sim.rng, 'release');
  const top = sim.targets.targets[release.bySemver];
  // ACR writes the import source into MediaType for importImage rows (see acr-logs.md §3.1).
  sim.request(t, Op.ImportImage, actor, sim.targets.add({ ...top, mediaType: `${REGISTRY_RESOURCE_ID}/quarantine/ingress-nginx` }), 200);
  sim.addStorage(t, release.addedBytes);
  const index = state.releases.length - 1;
  sim.schedule(t + 40 * MINUTE_MS + sim.rng.int(50 * MINUTE_MS), (at) => deployProduction(sim, state, index, at));
}

/** A node added minutes ago logs in and pulls: recent rows in both ACR tables whatever the hour. */
function recentNode(sim: Simulation, atMs: number): void {
  const actor = nodeActor(sim, PROD_EUS, 50);
  const state = sim.repository('shop/web');
  pullRelease(sim, sim.ensureLogin(atMs, actor), actor, state.releases[state.production], true, false);
}

/** Puts every story on the simulation's agenda. */
export function scheduleStories(sim: Simulation): void {
  const rng = sim.rng;
  const within = (atMs: number, run: (at: number) => void): void => {
    if (atMs >= sim.startMs && atMs <= sim.endMs) sim.schedule(atMs, run);
  };
  const firstDay = Math.floor(sim.startMs / DAY_MS) * DAY_MS;
  for (let day = firstDay; day < sim.endMs; day += DAY_MS) {
    within(day + 2 * HOUR_MS + rng.int(10 * MINUTE_MS), (at) => legacyJenkinsRun(sim, at));
    if (!isWeekend(day)) within(day + 15 * HOUR_MS + rng.int(3 * HOUR_MS), (at) => legacyJenkinsRun(sim, at));
    for (let hour = 0; hour < 24; hour += 6) within(day + hour * HOUR_MS + 15 * MINUTE_MS + rng.int(60_000), (at) => blockedScan(sim, at));
  }
  sim.schedule(storyTime(sim, 0.15, 0.6), (at) => badDeploy(sim, at));
  sim.schedule(storyTime(sim, 0.05, 0.45), (at) => scaleOutBurst(sim, at, 0));
  sim.schedule(storyTime(sim, 0.5, 0.9), (at) => scaleOutBurst(sim, at, 1));
  sim.schedule(storyTime(sim, 0.3, 0.8), (at) => untagOldBuilds(sim, at));
  sim.schedule(storyTime(sim, 0.1, 0.6), (at) => deleteLegacyContent(sim, at));
  sim.schedule(storyTime(sim, 0.2, 0.9), (at) => importIngress(sim, at));
  sim.schedule(sim.endMs - 3 * MINUTE_MS - rng.int(35 * MINUTE_MS), (at) => recentNode(sim, at));
}
