/**
 * Building blocks of sessions: pulling an image (top manifest by tag, then the platform
 * manifest by digest, as containerd does), pushing a release (platform manifests by
 * digest first, then the index by tag, as buildkit does), and the actors of the cast.
 */
import type { Actor, Cluster } from './cast';
import { Op } from './eventStore';
import type { Release } from './repositories';
import type { Simulation } from './simulation';

/** The kubelet of one node of a cluster (each node keeps its own registry token). */
export function nodeActor(sim: Simulation, cluster: Cluster, node: number): number {
  let cached = sim.nodeActors.get(cluster.name);
  if (cached === undefined) {
    cached = [];
    sim.nodeActors.set(cluster.name, cached);
  }
  const known = cached[node];
  if (known !== undefined) return known;
  const actor: Actor = {
    identity: cluster.kubeletObjectId,
    ip: cluster.egressIps[node % cluster.egressIps.length],
    userAgent: cluster.userAgent,
    region: cluster.region,
    tokenMinutes: 180,
  };
  const index = sim.actor(actor, `${cluster.name}/node${node}`);
  cached[node] = index;
  return index;
}

/** A short pause between two requests of one client, in ms. */
export function gap(sim: Simulation, min = 15, max = 400): number {
  return min + sim.rng.int(max - min + 1);
}

/**
 * Pulls a release (by its semver tag, or by its git-sha tag) and returns when the client
 * is done. `arm` selects the arm64 platform manifest of multi-arch images.
 */
export function pullRelease(sim: Simulation, atMs: number, actor: number, release: Release, bySemver: boolean, arm: boolean): number {
  let t = atMs;
  const top = bySemver && release.bySemver >= 0 ? release.bySemver : release.bySha;
  sim.request(t, Op.Pull, actor, top, 200);
  if (release.platforms.length > 0) {
    t += gap(sim, 8, 120);
    sim.request(t, Op.Pull, actor, release.platforms[arm ? 1 : 0], 200);
  }
  return t + gap(sim);
}

/** Pulls every platform of a multi-arch release (what a multi-platform build does with its base image). */
export function pullAllPlatforms(sim: Simulation, atMs: number, actor: number, release: Release): number {
  let t = atMs;
  sim.request(t, Op.Pull, actor, release.bySemver >= 0 ? release.bySemver : release.bySha, 200);
  for (const platform of release.platforms) {
    t += gap(sim, 8, 90);
    sim.request(t, Op.Pull, actor, platform, 200);
  }
  return t + gap(sim);
}

/** Pushes a release's manifests: platforms by digest, then the top manifest by each of its tags. */
export function pushRelease(sim: Simulation, atMs: number, actor: number, release: Release): number {
  let t = atMs;
  for (const platform of release.platforms) {
    sim.request(t, Op.Push, actor, platform, 201);
    t += gap(sim, 300, 4000);
  }
  const tagged = release.bySha === release.bySemver ? [release.bySha] : [release.bySha, release.bySemver].filter((x) => x >= 0);
  for (const target of tagged) {
    sim.request(t, Op.Push, actor, target, 201);
    t += gap(sim, 200, 900);
  }
  sim.addStorage(atMs, release.addedBytes);
  return t;
}
