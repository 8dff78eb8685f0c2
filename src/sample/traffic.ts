/**
 * Everyday traffic, minute by minute: CI builds that push images, charts and signatures;
 * deployments that make the clusters pull; the clusters' steady pulls; developers.
 */
import type { Actor, Cluster } from './cast';
import { CLUSTERS, DEVOPS_AGENT_IPS, HOME_REGION, OFFICE_IPS, PEOPLE, PRINCIPALS, REPLICA_REGION, USER_AGENTS, githubRunnerIp } from './cast';
import { MINUTE_MS, trafficActivity, workActivity } from './calendar';
import { Op } from './eventStore';
import type { Release, RepositoryState } from './repositories';
import { createRelease } from './repositories';
import { gap, nodeActor, pullAllPlatforms, pullRelease, pushRelease } from './requests';
import type { Simulation } from './simulation';

const [PROD_EUS, PROD_WEU, STAGING] = CLUSTERS;

function latest(state: RepositoryState): Release {
  return state.releases[state.releases.length - 1];
}

/** The base image a shop service builds FROM. */
function baseImageOf(sim: Simulation, state: RepositoryState): RepositoryState | null {
  if (state.spec.kind !== 'app' || !state.spec.name.startsWith('shop/')) return null;
  return sim.repository(state.spec.name === 'shop/web' ? 'base/node' : 'base/dotnet-aspnet');
}

/** The CI identity of one pipeline run (GitHub-hosted runners get a new address every run). */
function ciActor(sim: Simulation, state: RepositoryState, userAgent: string, run: number, ip: string): number {
  const devops = state.spec.kind === 'tool';
  const actor: Actor = {
    identity: devops ? PRINCIPALS.azureDevOps : PRINCIPALS.githubActions,
    ip,
    userAgent,
    region: HOME_REGION,
    tokenMinutes: 180,
  };
  return sim.actor(actor, devops ? '' : `run${run}`);
}

/** One CI run: log in, pull the base image, build, push, sign; then schedule the deployments. */
export function runBuild(sim: Simulation, state: RepositoryState, atMs: number): void {
  const rng = sim.rng;
  const spec = state.spec;
  const run = sim.nextRun();
  const chart = spec.kind === 'chart';
  const ip = spec.kind === 'tool' ? rng.pick(DEVOPS_AGENT_IPS) : githubRunnerIp(rng);
  const kind = chart || rng.chance(0.35) ? 'release' : 'snapshot';
  const release = createRelease(state, sim.targets, rng, kind);
  const userAgent = chart ? USER_AGENTS.helmCi : spec.kind === 'tool' ? USER_AGENTS.dockerCi : USER_AGENTS.buildkit;
  const actor = ciActor(sim, state, userAgent, run, ip);
  let t = atMs;
  const base = baseImageOf(sim, state);
  if (base !== null) t = pullAllPlatforms(sim, sim.ensureLogin(t, actor), actor, latest(base));
  if (!chart) t += 90_000 + rng.int(7 * MINUTE_MS);
  t = pushRelease(sim, sim.ensureLogin(t, actor), actor, release);
  if (release.signature >= 0) {
    const oras = ciActor(sim, state, USER_AGENTS.oras, run, ip);
    t = sim.ensureLogin(t + gap(sim, 2000, 9000), oras);
    sim.request(t, Op.Push, oras, release.signature, 201);
    t += gap(sim, 400, 2500);
    sim.request(t, Op.Push, oras, release.sbom, 201);
  }
  const index = state.releases.length - 1;
  if (spec.kind === 'app') {
    sim.schedule(t + 2 * MINUTE_MS + rng.int(4 * MINUTE_MS), (at) => deployStaging(sim, state, index, at));
    if (kind === 'release') sim.schedule(t + 60 * MINUTE_MS + rng.int(180 * MINUTE_MS), (at) => deployProduction(sim, state, index, at));
  } else if (spec.kind === 'tool' && kind === 'release') {
    sim.schedule(t + 30 * MINUTE_MS + rng.int(90 * MINUTE_MS), (at) => runMigrationJob(sim, state, index, at));
  }
}

/** `count` distinct node numbers of a cluster. */
function someNodes(sim: Simulation, cluster: Cluster, count: number): number[] {
  const nodes = Array.from({ length: cluster.nodes }, (_, i) => i);
  for (let i = nodes.length - 1; i > 0; i--) {
    const j = sim.rng.int(i + 1);
    [nodes[i], nodes[j]] = [nodes[j], nodes[i]];
  }
  return nodes.slice(0, Math.min(count, nodes.length));
}

/** Rolling update: the pods' nodes pull the new image one after another. */
function rollOut(sim: Simulation, cluster: Cluster, state: RepositoryState, release: Release, atMs: number, bySemver: boolean): void {
  const rng = sim.rng;
  let t = atMs;
  for (const node of someNodes(sim, cluster, rng.intBetween(2, 6))) {
    const actor = nodeActor(sim, cluster, node);
    const start = sim.ensureLogin(t, actor);
    pullRelease(sim, start, actor, release, bySemver, node < cluster.armNodes && state.spec.archs === 2);
    t += 8000 + rng.int(40_000);
  }
}

function deployStaging(sim: Simulation, state: RepositoryState, index: number, atMs: number): void {
  if (index <= state.staging) return; // a newer build reached staging first
  state.staging = index;
  rollOut(sim, STAGING, state, state.releases[index], atMs, false);
}

/** Flux in each production cluster fetches the chart, verifies the signature, then the nodes pull. */
export function deployProduction(sim: Simulation, state: RepositoryState, index: number, atMs: number): void {
  const rng = sim.rng;
  const release = state.releases[index];
  if (index <= state.production) return; // a newer release was rolled out first
  const chart = latest(sim.repository(state.spec.name.startsWith('shop/') ? 'charts/shop' : 'charts/platform'));
  state.production = index;
  let t = atMs;
  for (const cluster of [PROD_EUS, PROD_WEU]) {
    const fluxBase: Omit<Actor, 'userAgent'> = { identity: PRINCIPALS.fluxCd, ip: cluster.egressIps[0], region: cluster.region, tokenMinutes: 180 };
    const helm = sim.actor({ ...fluxBase, userAgent: USER_AGENTS.helmCd });
    let step = sim.ensureLogin(t, helm);
    sim.request(step, Op.Pull, helm, chart.bySemver, 200);
    if (release.signature >= 0) {
      const oras = sim.actor({ ...fluxBase, userAgent: USER_AGENTS.oras });
      step = sim.ensureLogin(step + gap(sim, 300, 3000), oras);
      sim.request(step, Op.Pull, oras, release.signature, 200);
    }
    rollOut(sim, cluster, state, release, step + gap(sim, 2000, 15_000), true);
    t += 10 * MINUTE_MS + rng.int(20 * MINUTE_MS);
  }
}

function runMigrationJob(sim: Simulation, state: RepositoryState, index: number, atMs: number): void {
  if (index <= state.production) return;
  state.production = index;
  const node = sim.rng.int(PROD_EUS.nodes);
  const actor = nodeActor(sim, PROD_EUS, node);
  pullRelease(sim, sim.ensureLogin(atMs, actor), actor, state.releases[index], true, false);
}

/** Pods restarting and autoscaling: kubelets pull what is deployed. */
function steadyPulls(sim: Simulation, minuteMs: number, weights: readonly number[]): void {
  const rng = sim.rng;
  const level = trafficActivity(minuteMs) * sim.scale;
  for (const cluster of CLUSTERS) {
    const n = rng.poisson(cluster.pullsPerMinute * level);
    const offsets: number[] = [];
    for (let i = 0; i < n; i++) offsets.push(rng.int(MINUTE_MS));
    offsets.sort((a, b) => a - b); // in time order, so a node's login comes before its pulls
    for (const offset of offsets) {
      const state = sim.repositories[rng.weightedIndex(weights)];
      const staging = cluster === STAGING;
      const release = state.releases[staging ? state.staging : state.production];
      const node = rng.int(cluster.nodes);
      const actor = nodeActor(sim, cluster, node);
      const t = sim.ensureLogin(minuteMs + offset, actor);
      pullRelease(sim, t, actor, release, !staging, node < cluster.armNodes && state.spec.archs === 2);
    }
  }
}

function developerActor(sim: Simulation, person: string): number {
  const european = person === PEOPLE.developers[3];
  const ip = european ? OFFICE_IPS[2] : OFFICE_IPS[sim.rng.int(2)];
  return sim.actor({ identity: person, ip, userAgent: USER_AGENTS.dockerDesktop, region: european ? REPLICA_REGION : HOME_REGION, tokenMinutes: 180 }, person);
}

/** Developers at work: pulls from laptops, a typo now and then, experiments pushed by hand. */
function developerTraffic(sim: Simulation, minuteMs: number): void {
  const rng = sim.rng;
  const n = rng.poisson(0.32 * workActivity(minuteMs) * sim.scale);
  for (let i = 0; i < n; i++) {
    const at = minuteMs + rng.int(MINUTE_MS);
    const roll = rng.next();
    if (roll < 0.02) {
      // Credentials expired in the local credential store: the registry sees an anonymous call.
      const anonymous = sim.actor({ identity: '', ip: rng.pick(OFFICE_IPS), userAgent: USER_AGENTS.dockerDesktop, region: HOME_REGION, tokenMinutes: 0 });
      const state = sim.repository(rng.pick(['shop/web', 'shop/cart', 'shop/catalog-api']));
      sim.request(at, Op.Pull, anonymous, sim.targets.failure(state.spec.name, latest(state).version), 401);
      continue;
    }
    const person = rng.pick(PEOPLE.developers);
    const actor = developerActor(sim, person);
    const t = sim.ensureLogin(at, actor);
    if (roll < 0.08) {
      const state = sim.repository(rng.pick(['shop/web', 'shop/checkout', 'shop/payments-api']));
      const typo = rng.pick(['lastest', `v${latest(state).version}`, `${latest(state).version}-dev`]);
      sim.request(t, Op.Pull, actor, sim.targets.failure(state.spec.name, typo), 404);
    } else if (roll < 0.13) {
      const legacy = sim.repository('sample/hello-world');
      if (legacy.deleted) sim.request(t, Op.Pull, actor, sim.targets.failure(legacy.spec.name, latest(legacy).version), 404);
      else pullRelease(sim, t, actor, latest(legacy), true, false);
    } else if (roll < 0.18) {
      const experiment = sim.repository('experiments/ml-worker');
      const release = createRelease(experiment, sim.targets, rng, 'snapshot');
      pushRelease(sim, t + gap(sim, 1000, 20_000), actor, release);
    } else {
      const state = sim.repository(rng.pick(['shop/web', 'shop/web', 'shop/checkout', 'shop/cart', 'shop/catalog-api', 'shop/payments-api', 'tools/db-migrations']));
      pullRelease(sim, t, actor, latest(state), rng.chance(0.6), state.spec.archs === 2);
    }
  }
}

/** Runs the everyday traffic of one minute: builds, due agenda items, cluster and developer pulls. */
export function simulateMinute(sim: Simulation, minuteMs: number, pullWeights: readonly number[]): void {
  const rng = sim.rng;
  const work = workActivity(minuteMs) * sim.scale;
  for (const state of sim.repositories) {
    const builds = rng.poisson((state.spec.buildsPerHour / 60) * work);
    for (let i = 0; i < builds; i++) runBuild(sim, state, minuteMs + rng.int(MINUTE_MS));
  }
  steadyPulls(sim, minuteMs, pullWeights);
  developerTraffic(sim, minuteMs);
}

/** Steady-pull weights of the repositories, in `sim.repositories` order. */
export function pullWeightsOf(sim: Simulation): number[] {
  return sim.repositories.map((r) => r.spec.pullWeight);
}
