/**
 * The fixed cast of the sample: one geo-replicated registry, its workspace, the
 * clusters, pipelines, people and tools that talk to it. GUIDs come from a fixed
 * stream so the cast is the same for every seed (only the traffic varies with the seed).
 */
import { Random } from './random';

/** The registry's short name; the login server is `<name>.azurecr.io`. */
export const REGISTRY_NAME = 'contosoacr';
export const LOGIN_SERVER = `${REGISTRY_NAME}.azurecr.io`;
export const RESOURCE_GROUP = 'rg-contoso-platform';
export const HOME_REGION = 'eastus';
export const REPLICA_REGION = 'westeurope';

const world = new Random(0x5eed_ac12);

/** Subscription that holds the registry and the agents. */
export const SUBSCRIPTION_ID = world.guid();
/** Log Analytics workspace id (the `TenantId` column). */
export const WORKSPACE_ID = world.guid();
/** Entra tenant of Contoso (the `UserTenantId` column). */
export const ENTRA_TENANT_ID = world.guid();

/** ARM id as Azure writes it in resource logs and AzureMetrics `ResourceId` (upper-case). */
export const REGISTRY_RESOURCE_ID_UPPER =
  `/SUBSCRIPTIONS/${SUBSCRIPTION_ID}/RESOURCEGROUPS/${RESOURCE_GROUP}/PROVIDERS/MICROSOFT.CONTAINERREGISTRY/REGISTRIES/${REGISTRY_NAME}`.toUpperCase();
/** ARM id as Log Analytics stores it in `_ResourceId` (lower-case). */
export const REGISTRY_RESOURCE_ID = REGISTRY_RESOURCE_ID_UPPER.toLowerCase();

/** Who or what talks to the registry: identity, network origin, client and serving region. */
export interface Actor {
  /** Object id, app id or UPN; empty for anonymous calls. */
  readonly identity: string;
  readonly ip: string;
  readonly userAgent: string;
  readonly region: string;
  /** Token lifetime in minutes: a login row is written when the actor's token is older. */
  readonly tokenMinutes: number;
}

const DOCKER_CI_UA =
  'docker/24.0.9 go/go1.20.13 git-commit/fca702d kernel/6.5.0-1025-azure os/linux arch/amd64 UpstreamClient(Docker-Client/24.0.9 \\(linux\\))';
const DOCKER_DESKTOP_UA =
  'docker/27.2.0 go/go1.21.13 git-commit/3ab5c7d kernel/6.10.4-linuxkit os/linux arch/arm64 UpstreamClient(Docker-Client/27.2.0 \\(darwin\\))';
const DOCKER_LEGACY_UA =
  'docker/20.10.24 go/go1.19.7 git-commit/5d6db84 os/windows arch/amd64 UpstreamClient(Docker-Client/20.10.24 \\(windows\\))';

/** User agents of the clients in the sample. */
export const USER_AGENTS = {
  buildkit: 'buildkit/v0.17.2',
  dockerCi: DOCKER_CI_UA,
  dockerDesktop: DOCKER_DESKTOP_UA,
  dockerLegacy: DOCKER_LEGACY_UA,
  containerd: 'containerd/1.7.20-1',
  containerdOld: 'containerd/1.6.26-1',
  helmCi: 'Helm/3.16.2',
  helmCd: 'Helm/3.14.4',
  oras: 'oras/1.2.0',
  azureCli:
    'AZURECLI/2.64.0 (DEB) azsdk-python-containerregistry/1.2.0 Python/3.11.8 (Linux-6.5.0-1025-azure-x86_64-with-glibc2.35)',
  scanner: 'trivy/0.56.1',
} as const;

/** An AKS cluster whose kubelet identity pulls images. */
export interface Cluster {
  readonly name: string;
  readonly kubeletObjectId: string;
  readonly region: string;
  readonly egressIps: readonly string[];
  readonly nodes: number;
  /** Nodes (of `nodes`) in an arm64 pool; they pull the arm64 manifest. */
  readonly armNodes: number;
  readonly userAgent: string;
  /** Mean image pulls per minute at full activity, before `scale`. */
  readonly pullsPerMinute: number;
}

export const CLUSTERS: readonly Cluster[] = [
  { name: 'aks-shop-prod-eus', kubeletObjectId: world.guid(), region: HOME_REGION, egressIps: ['20.121.84.17', '20.121.84.52'], nodes: 9, armNodes: 3, userAgent: USER_AGENTS.containerd, pullsPerMinute: 1.7 },
  { name: 'aks-shop-prod-weu', kubeletObjectId: world.guid(), region: REPLICA_REGION, egressIps: ['51.105.118.40', '51.105.118.41'], nodes: 6, armNodes: 0, userAgent: USER_AGENTS.containerd, pullsPerMinute: 1.1 },
  { name: 'aks-shop-staging-eus', kubeletObjectId: world.guid(), region: HOME_REGION, egressIps: ['20.232.10.5'], nodes: 3, armNodes: 0, userAgent: USER_AGENTS.containerdOld, pullsPerMinute: 0.45 },
];

/** Service principals and managed identities of pipelines and tools. */
export const PRINCIPALS = {
  githubActions: world.guid(),
  azureDevOps: world.guid(),
  fluxCd: world.guid(),
  jenkinsLegacy: world.guid(),
  scanner: world.guid(),
} as const;

/** People with Entra accounts who use the registry directly. */
export const PEOPLE = {
  admin: 'alex.morgan@contoso.com',
  developers: ['priya.raman@contoso.com', 'sam.okafor@contoso.com', 'jordan.lee@contoso.com', 'mei.chen@contoso.com'],
} as const;

/** Office NAT addresses (documentation ranges) developers come from. */
export const OFFICE_IPS: readonly string[] = ['203.0.113.24', '203.0.113.25', '198.51.100.140'];
/** The legacy Windows Jenkins agent (its service principal secret has expired). */
export const JENKINS_AGENT_IP = '10.20.4.12';
/** Azure DevOps self-hosted Linux agents (private endpoint addresses). */
export const DEVOPS_AGENT_IPS: readonly string[] = ['10.20.3.7', '10.20.3.8'];
/** The vulnerability scanner outside the registry firewall's allow list. */
export const SCANNER_IP = '198.51.100.77';

/** Builds a GitHub-hosted runner address (they change with every run). */
export function githubRunnerIp(rng: Random): string {
  const prefix = rng.pick(['20.57', '20.102', '52.167', '40.84', '4.157']);
  return `${prefix}.${rng.intBetween(1, 254)}.${rng.intBetween(1, 254)}`;
}
