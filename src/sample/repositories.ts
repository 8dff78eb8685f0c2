/**
 * The registry's repositories and the manifests they hold. A "target" is what one log
 * row is about (repository, tag, digest, media type, size, artifact type); rows refer
 * to targets by index, so a thousand pulls of one image share one small object.
 */
import type { Random } from './random';

export const MEDIA_TYPES = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
} as const;

export const ARTIFACT_TYPES = {
  helmChart: 'application/vnd.cncf.helm.config.v1+json',
  notarySignature: 'application/vnd.cncf.notary.signature',
  spdxSbom: 'application/spdx+json',
} as const;

/** What one log row is about. `size` -1 stands for a null `Size` (nothing was served). */
export interface Target {
  readonly repository: string;
  readonly tag: string;
  readonly digest: string;
  readonly mediaType: string;
  readonly size: number;
  readonly artifactType: string;
}

/** What a repository holds and who builds and pulls it. */
export interface RepositorySpec {
  readonly name: string;
  readonly kind: 'app' | 'base' | 'chart' | 'tool' | 'legacy' | 'experiment';
  /** 2 = multi-arch (index + amd64 + arm64), 1 = one manifest. */
  readonly archs: 1 | 2;
  /** Docker v2 manifests instead of OCI. */
  readonly docker: boolean;
  /** Share of the clusters' steady pulls. */
  readonly pullWeight: number;
  /** CI builds per hour at full work-hour activity, before `scale`. */
  readonly buildsPerHour: number;
  /** Signed and with an SBOM (oras) on release builds. */
  readonly signed: boolean;
  readonly firstVersion: readonly [number, number, number];
}

export const REPOSITORY_SPECS: readonly RepositorySpec[] = [
  { name: 'shop/web', kind: 'app', archs: 2, docker: false, pullWeight: 5, buildsPerHour: 0.9, signed: true, firstVersion: [2, 14, 3] },
  { name: 'shop/checkout', kind: 'app', archs: 2, docker: false, pullWeight: 3, buildsPerHour: 0.6, signed: true, firstVersion: [1, 8, 6] },
  { name: 'shop/cart', kind: 'app', archs: 2, docker: false, pullWeight: 3, buildsPerHour: 0.45, signed: true, firstVersion: [1, 3, 11] },
  { name: 'shop/catalog-api', kind: 'app', archs: 2, docker: false, pullWeight: 2, buildsPerHour: 0.45, signed: true, firstVersion: [3, 0, 2] },
  { name: 'shop/payments-api', kind: 'app', archs: 1, docker: false, pullWeight: 2, buildsPerHour: 0.3, signed: true, firstVersion: [0, 9, 17] },
  { name: 'platform/otel-collector', kind: 'app', archs: 2, docker: false, pullWeight: 4, buildsPerHour: 0.05, signed: false, firstVersion: [0, 108, 0] },
  { name: 'platform/ingress-nginx', kind: 'app', archs: 2, docker: false, pullWeight: 1, buildsPerHour: 0, signed: false, firstVersion: [1, 11, 2] },
  { name: 'tools/db-migrations', kind: 'tool', archs: 1, docker: true, pullWeight: 1, buildsPerHour: 0.15, signed: false, firstVersion: [4, 2, 0] },
  { name: 'base/dotnet-aspnet', kind: 'base', archs: 2, docker: false, pullWeight: 0, buildsPerHour: 0.02, signed: false, firstVersion: [8, 0, 10] },
  { name: 'base/node', kind: 'base', archs: 2, docker: false, pullWeight: 0, buildsPerHour: 0.02, signed: false, firstVersion: [20, 18, 0] },
  { name: 'charts/shop', kind: 'chart', archs: 1, docker: false, pullWeight: 0, buildsPerHour: 0.12, signed: false, firstVersion: [0, 14, 2] },
  { name: 'charts/platform', kind: 'chart', archs: 1, docker: false, pullWeight: 0, buildsPerHour: 0.03, signed: false, firstVersion: [0, 6, 1] },
  { name: 'sample/hello-world', kind: 'legacy', archs: 1, docker: true, pullWeight: 0, buildsPerHour: 0, signed: false, firstVersion: [1, 0, 0] },
  { name: 'experiments/ml-worker', kind: 'experiment', archs: 1, docker: false, pullWeight: 0, buildsPerHour: 0, signed: false, firstVersion: [0, 1, 0] },
];

/** One build of a repository: its manifests as targets, by tag and by digest. */
export interface Release {
  readonly version: string;
  readonly shaTag: string;
  /** Top manifest (index, or the only manifest) pulled by the git-sha tag. */
  readonly bySha: number;
  /** Top manifest pulled by the semver tag (-1 for builds without one). */
  readonly bySemver: number;
  /** Per-platform manifests by digest: [amd64, arm64] for multi-arch, empty otherwise. */
  readonly platforms: readonly number[];
  readonly signature: number;
  readonly sbom: number;
  /** New layer bytes the build added to the registry's storage. */
  readonly addedBytes: number;
}

/** Mutable state of one repository during the simulation. */
export interface RepositoryState {
  readonly spec: RepositorySpec;
  readonly releases: Release[];
  /** Semver parts of the newest release. */
  version: [number, number, number];
  /** Release deployed to staging and to production (indexes into `releases`). */
  staging: number;
  production: number;
  deleted: boolean;
}

/** Interns targets and creates releases. */
export class TargetTable {
  readonly targets: Target[] = [];

  add(target: Target): number {
    this.targets.push(target);
    return this.targets.length - 1;
  }

  /** A target for a failed request: no digest, no size. */
  failure(repository: string, tag: string): number {
    return this.add({ repository, tag, digest: '', mediaType: '', size: -1, artifactType: '' });
  }
}

function manifestMediaType(spec: RepositorySpec): string {
  return spec.docker ? MEDIA_TYPES.dockerManifest : MEDIA_TYPES.ociManifest;
}

/**
 * How a build is tagged: `snapshot` only with its git sha, `release` with a bumped semver too,
 * `current` with the repository's current semver (the build that existed before the window).
 */
export type BuildKind = 'snapshot' | 'release' | 'current';

/** Builds the manifests of a new release and registers them as targets. */
export function createRelease(state: RepositoryState, table: TargetTable, rng: Random, kind: BuildKind): Release {
  const spec = state.spec;
  const v = state.version;
  const withSemver = kind !== 'snapshot';
  if (kind === 'release') {
    if (rng.chance(0.12)) state.version = [v[0], v[1] + 1, 0];
    else state.version = [v[0], v[1], v[2] + 1];
  }
  const version = state.version.join('.');
  const shaTag = `sha-${rng.hex(4).slice(0, 7)}`;
  const name = spec.name;
  let top: Omit<Target, 'tag'>;
  const platforms: number[] = [];
  if (spec.kind === 'chart') {
    top = { repository: name, digest: rng.digest(), mediaType: MEDIA_TYPES.ociManifest, size: rng.intBetween(680, 760), artifactType: ARTIFACT_TYPES.helmChart };
  } else if (spec.archs === 2) {
    for (let p = 0; p < 2; p++) {
      platforms.push(table.add({ repository: name, tag: '', digest: rng.digest(), mediaType: MEDIA_TYPES.ociManifest, size: rng.intBetween(1180, 2900), artifactType: '' }));
    }
    top = { repository: name, digest: rng.digest(), mediaType: MEDIA_TYPES.ociIndex, size: rng.intBetween(1550, 1900), artifactType: '' };
  } else {
    top = { repository: name, digest: rng.digest(), mediaType: manifestMediaType(spec), size: rng.intBetween(950, 2600), artifactType: '' };
  }
  const chart = spec.kind === 'chart';
  const bySha = chart ? -1 : table.add({ ...top, tag: shaTag });
  const bySemver = withSemver || chart ? table.add({ ...top, tag: version }) : -1;
  const signed = spec.signed && withSemver;
  const signature = signed
    ? table.add({ repository: name, tag: '', digest: rng.digest(), mediaType: MEDIA_TYPES.ociManifest, size: rng.intBetween(720, 790), artifactType: ARTIFACT_TYPES.notarySignature })
    : -1;
  const sbom = signed
    ? table.add({ repository: name, tag: '', digest: rng.digest(), mediaType: MEDIA_TYPES.ociManifest, size: rng.intBetween(560, 640), artifactType: ARTIFACT_TYPES.spdxSbom })
    : -1;
  const addedBytes = chart ? rng.intBetween(4_000, 40_000) : Math.round(rng.logNormal(spec.kind === 'base' ? 90e6 : 28e6, 0.6));
  const release: Release = { version, shaTag, bySha: chart ? bySemver : bySha, bySemver, platforms, signature, sbom, addedBytes };
  state.releases.push(release);
  return release;
}

/** Repositories as they are when the window opens: each with a few earlier releases deployed. */
export function initialRepositories(table: TargetTable, rng: Random): RepositoryState[] {
  return REPOSITORY_SPECS.map((spec) => {
    const state: RepositoryState = { spec, releases: [], version: [...spec.firstVersion], staging: 0, production: 0, deleted: false };
    createRelease(state, table, rng, 'current');
    const extra = spec.kind === 'legacy' || spec.kind === 'experiment' ? 0 : 2;
    for (let i = 0; i < extra; i++) createRelease(state, table, rng, 'release');
    state.production = state.releases.length - 1;
    state.staging = state.releases.length - 1;
    return state;
  });
}
