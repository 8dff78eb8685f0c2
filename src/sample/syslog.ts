/**
 * The `Syslog` table: the production cluster's Linux nodes. Routine systemd, cron and
 * kubelet lines, kernel warnings, and errors that match the registry incidents: kubelet
 * failing to pull the missing tag (404) and containerd throttled during the scale-out (429).
 */
import type { Table } from '../engine/table/table';
import { ticksFromMs } from '../engine/types/datetime';
import { SYSLOG } from '../ingest/knownTables';
import { CLUSTERS, HOME_REGION, LOGIN_SERVER, RESOURCE_GROUP, SUBSCRIPTION_ID, WORKSPACE_ID } from './cast';
import { HOUR_MS, MINUTE_MS } from './calendar';
import type { Random } from './random';
import type { StoryTimes } from './simulation';
import { TableWriter } from './tableWriter';

interface SyslogLine {
  readonly atMs: number;
  readonly node: number;
  readonly facility: string;
  readonly severity: 'info' | 'notice' | 'warning' | 'err';
  readonly process: string;
  /** null for the kernel (no pid). */
  readonly pid: number | null;
  readonly message: string;
}

const CLUSTER = CLUSTERS[0];
const VMSS_ID = '27461934';

/** AKS node name of a node number: arm64 pool first, then the default pool (scale-out nodes included). */
export function nodeName(node: number): string {
  const inArmPool = node < CLUSTER.armNodes;
  const index = inArmPool ? node : node >= 100 ? CLUSTER.nodes - CLUSTER.armNodes + (node - 100) : node - CLUSTER.armNodes;
  return `aks-${inArmPool ? 'armpool' : 'nodepool1'}-${VMSS_ID}-vmss${index.toString(36).padStart(6, '0')}`;
}

function nodeIp(node: number): string {
  return `10.224.${node >= 100 ? 1 : 0}.${4 + (node % 100)}`;
}

/** klog header: `I0501 13:02:11.456789    2917 file.go:123] `. */
function klog(severity: 'I' | 'W' | 'E', atMs: number, pid: number, file: string): string {
  const d = new Date(atMs);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${severity}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}${p((atMs * 7919) % 1000, 3)}    ${pid} ${file}] `;
}

function kubeletPid(node: number): number {
  return 2900 + ((node * 37) % 90);
}

type Routine = (rng: Random, atMs: number, node: number) => Omit<SyslogLine, 'atMs' | 'node'>;

const ROUTINE: readonly Routine[] = [
  (rng) => ({ facility: 'daemon', severity: 'info', process: 'systemd', pid: 1, message: rng.pick(['Started Cleanup of Temporary Directories.', 'Finished Daily apt download activities.', 'Started Run update-motd.', 'Starting Rotate log files...']) }),
  (rng) => ({ facility: 'cron', severity: 'info', process: 'CRON', pid: rng.intBetween(20_000, 60_000), message: '(root) CMD (test -x /usr/sbin/anacron || ( cd / && run-parts --report /etc/cron.daily ))' }),
  (rng, atMs, node) => ({
    facility: 'daemon', severity: 'info', process: 'kubelet', pid: kubeletPid(node),
    message: `${klog('I', atMs, kubeletPid(node), 'kubelet.go:2455')}"SyncLoop (PLEG): event for pod" pod="shop/${rng.pick(['web', 'cart', 'catalog', 'checkout'])}-${rng.hex(5).slice(0, 10)}" event="ContainerStarted"`,
  }),
  (rng, _atMs, node) => ({ facility: 'daemon', severity: 'info', process: 'containerd', pid: 1400 + node, message: `level=info msg="ImageCreate event name:\\"${LOGIN_SERVER}/shop/${rng.pick(['web', 'cart', 'catalog'])}@sha256:${rng.hex(32)}\\""` }),
];

const OCCASIONAL: readonly Routine[] = [
  (rng) => ({ facility: 'kern', severity: 'warning', process: 'kernel', pid: null, message: `[${rng.intBetween(10_000, 900_000)}.${rng.intBetween(100_000, 999_999)}] TCP: request_sock_TCP: Possible SYN flooding on port 10250. Sending cookies.  Check SNMP counters.` }),
  (rng, atMs, node) => ({ facility: 'daemon', severity: 'warning', process: 'kubelet', pid: kubeletPid(node), message: `${klog('W', atMs, kubeletPid(node), 'eviction_manager.go:366')}"Eviction manager: attempting to reclaim" resourceName="ephemeral-storage"` }),
  (rng) => ({ facility: 'kern', severity: 'err', process: 'kernel', pid: null, message: `[${rng.intBetween(10_000, 900_000)}.${rng.intBetween(100_000, 999_999)}] Memory cgroup out of memory: Killed process ${rng.intBetween(20_000, 90_000)} (dotnet) total-vm:${rng.intBetween(2_000_000, 9_000_000)}kB, anon-rss:${rng.intBetween(500_000, 900_000)}kB` }),
  (rng) => ({ facility: 'authpriv', severity: 'notice', process: 'sudo', pid: rng.intBetween(20_000, 60_000), message: 'azureuser : TTY=pts/0 ; PWD=/home/azureuser ; USER=root ; COMMAND=/usr/bin/crictl images' }),
];

const crashLoop: Routine = (_rng, atMs, node) => ({
  facility: 'daemon', severity: 'err', process: 'kubelet', pid: kubeletPid(node),
  message: `${klog('E', atMs, kubeletPid(node), 'pod_workers.go:1301')}"Error syncing pod, skipping" err="failed to \\"StartContainer\\" for \\"payments\\" with CrashLoopBackOff: \\"back-off 5m0s restarting failed container=payments\\"" pod="shop/payments-6d9f7b8c4-kq2zt"`,
});

function syslogLines(rng: Random, startMs: number, endMs: number, stories: StoryTimes): SyslogLine[] {
  const lines: SyslogLine[] = [];
  const add = (atMs: number, node: number, routine: Routine): void => {
    const t = Math.floor(atMs);
    if (t >= startMs && t <= endMs) lines.push({ atMs: t, node, ...routine(rng, t, node) });
  };
  for (let hour = startMs; hour < endMs; hour += HOUR_MS) {
    for (let i = rng.poisson(7); i > 0; i--) add(hour + rng.int(HOUR_MS), rng.int(CLUSTER.nodes), rng.pick(ROUTINE));
    if (rng.chance(0.2)) add(hour + rng.int(HOUR_MS), rng.int(CLUSTER.nodes), rng.pick(OCCASIONAL));
  }
  for (const pull of stories.missingTagPulls) {
    add(pull.atMs + 50 + rng.int(400), pull.node, (_r, atMs, node) => ({
      facility: 'daemon', severity: 'err', process: 'kubelet', pid: kubeletPid(node),
      message: `${klog('E', atMs, kubeletPid(node), 'remote_image.go:180')}"PullImage from image service failed" err="rpc error: code = NotFound desc = failed to pull and unpack image \\"${LOGIN_SERVER}/${pull.image}\\": ${LOGIN_SERVER}/${pull.image}: not found" image="${LOGIN_SERVER}/${pull.image}"`,
    }));
  }
  for (const pull of stories.throttledPulls) {
    add(pull.atMs + 20 + rng.int(200), pull.node, (_r, _atMs, node) => ({
      facility: 'daemon', severity: 'err', process: 'containerd', pid: 1400 + (node % 100),
      message: `level=error msg="PullImage \\"${LOGIN_SERVER}/${pull.image}\\" failed" error="failed to resolve reference \\"${LOGIN_SERVER}/${pull.image}\\": unexpected status from HEAD request: 429 Too Many Requests"`,
    }));
  }
  add(endMs - 3 * MINUTE_MS - rng.int(30 * MINUTE_MS), 4, crashLoop);
  return lines.sort((a, b) => a.atMs - b.atMs);
}

/** Builds the `Syslog` table over [startMs, endMs] (ascending TimeGenerated). */
export function generateSyslogTable(rng: Random, startMs: number, endMs: number, stories: StoryTimes): Table {
  const w = new TableWriter(SYSLOG);
  const c = {
    tenant: w.text('TenantId'), source: w.text('SourceSystem'), time: w.number('TimeGenerated'), computer: w.text('Computer'),
    eventTime: w.number('EventTime'), facility: w.text('Facility'), host: w.text('HostName'), severity: w.text('SeverityLevel'),
    message: w.text('SyslogMessage'), pid: w.number('ProcessID'), hostIp: w.text('HostIP'), process: w.text('ProcessName'),
    mg: w.text('MG'), type: w.text('Type'), resourceId: w.text('_ResourceId'),
  };
  const nodeResourceGroup = `mc_${RESOURCE_GROUP}_${CLUSTER.name}_${HOME_REGION}`;
  for (const line of syslogLines(rng, startMs, endMs, stories)) {
    const name = nodeName(line.node);
    const pool = name.slice(0, name.lastIndexOf('-vmss') + 5);
    // The agent stamps TimeGenerated when it reads the line, a moment after the line's own time.
    const eventTime = Math.max(startMs, line.atMs - rng.int(1500));
    c.tenant.append(WORKSPACE_ID); c.source.append('Linux'); c.time.append(ticksFromMs(line.atMs)); c.computer.append(name);
    c.eventTime.append(ticksFromMs(eventTime)); c.facility.append(line.facility); c.host.append(name); c.severity.append(line.severity);
    c.message.append(line.message); c.pid.append(line.pid); c.hostIp.append(nodeIp(line.node)); c.process.append(line.process);
    c.mg.append('00000000-0000-0000-0000-000000000002'); c.type.append(SYSLOG);
    c.resourceId.append(`/subscriptions/${SUBSCRIPTION_ID}/resourcegroups/${nodeResourceGroup}/providers/microsoft.compute/virtualmachinescalesets/${pool}`);
  }
  return w.finish();
}
