/**
 * The `Event` table: Windows event logs of the two Windows build agents. Mostly service
 * noise, DCOM errors every few hours, and a docker error whenever the legacy Jenkins job
 * fails to log in to the registry (the 401s of the ACR login log).
 */
import type { Table } from '../engine/table/table';
import { ticksFromMs } from '../engine/types/datetime';
import { EVENT } from '../ingest/knownTables';
import { LOGIN_SERVER, SUBSCRIPTION_ID, WORKSPACE_ID } from './cast';
import { HOUR_MS, MINUTE_MS } from './calendar';
import type { Random } from './random';
import type { StoryTimes } from './simulation';
import { TableWriter } from './tableWriter';

type Level = 'Error' | 'Warning' | 'Information';

interface WindowsEvent {
  readonly atMs: number;
  readonly computer: string;
  readonly source: string;
  readonly log: 'System' | 'Application';
  readonly level: Level;
  readonly id: number;
  readonly user: string;
  readonly params: readonly string[];
  readonly text: string;
}

const AGENTS = ['build-win-01', 'build-win-02'] as const;
const JENKINS_AGENT = AGENTS[1];
const HEALTH_SERVICE_ID = '8B2C4E1A-7D3F-4A6B-9E05-1C2D3E4F5A6B';

function levelNumber(level: Level): number {
  switch (level) {
    case 'Error': return 1;
    case 'Warning': return 2;
    case 'Information': return 4;
    default: {
      const never: never = level;
      throw new Error(`unknown level ${String(never)}`);
    }
  }
}

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

type Template = (rng: Random) => Omit<WindowsEvent, 'atMs' | 'computer'>;

const SERVICES = ['Windows Update', 'Windows Modules Installer', 'Background Intelligent Transfer Service', 'Docker Engine', 'Azure Pipelines Agent'];

const INFORMATION: readonly Template[] = [
  (rng) => {
    const params = [rng.pick(SERVICES), rng.pick(['running', 'stopped'])];
    return { source: 'Service Control Manager', log: 'System', level: 'Information', id: 7036, user: 'N/A', params, text: `The ${params[0]} service entered the ${params[1]} state.` };
  },
  () => ({ source: 'Microsoft-Windows-Security-SPP', log: 'Application', level: 'Information', id: 16384, user: 'N/A', params: [], text: 'Successfully scheduled Software Protection service for re-start. Reason: RulesEngine.' }),
  (rng) => {
    const params = [String(rng.intBetween(40, 400)), 'C:\\agent\\_work'];
    return { source: 'Azure Pipelines Agent', log: 'Application', level: 'Information', id: 100, user: 'NT AUTHORITY\\NETWORK SERVICE', params, text: `Job completed in ${params[0]} seconds in ${params[1]}.` };
  },
];

const WARNINGS: readonly Template[] = [
  (rng) => {
    const params = [rng.pick([LOGIN_SERVER, 'login.microsoftonline.com', 'dev.azure.com'])];
    return { source: 'Microsoft-Windows-DNS-Client', log: 'System', level: 'Warning', id: 1014, user: 'NT AUTHORITY\\NETWORK SERVICE', params, text: `Name resolution for the name ${params[0]} timed out after none of the configured DNS servers responded.` };
  },
  () => ({ source: 'Microsoft-Windows-Time-Service', log: 'System', level: 'Warning', id: 129, user: 'NT AUTHORITY\\LOCAL SERVICE', params: [], text: 'NtpClient was unable to set a domain peer to use as a time source because of discovery error. NtpClient will try again in 15 minutes.' }),
];

const dcomError: Template = () => {
  const params = ['{2593F8B9-4EAF-457C-B68A-50F6B8EA6B54}', '{15C20B67-12E7-4BB6-92BB-7AFF07997402}'];
  return {
    source: 'Microsoft-Windows-DistributedCOM', log: 'System', level: 'Error', id: 10016, user: 'NT AUTHORITY\\SYSTEM', params,
    text: `The application-specific permission settings do not grant Local Activation permission for the COM Server application with CLSID ${params[0]} and APPID ${params[1]} to the user NT AUTHORITY\\SYSTEM SID (S-1-5-18) from address LocalHost (Using LRPC).`,
  };
};

const dockerUnauthorized: Template = () => {
  const params = [`Get "https://${LOGIN_SERVER}/v2/": unauthorized: authentication required`];
  return { source: 'docker', log: 'Application', level: 'Error', id: 4, user: 'N/A', params, text: `Error response from daemon: ${params[0]}` };
};

const agentCrash: Template = (rng) => {
  const params = ['Jenkins Agent', String(rng.intBetween(1, 3))];
  return { source: 'Service Control Manager', log: 'System', level: 'Error', id: 7031, user: 'N/A', params, text: `The ${params[0]} service terminated unexpectedly. It has done this ${params[1]} time(s).` };
};

function windowsEvents(rng: Random, startMs: number, endMs: number, stories: StoryTimes): WindowsEvent[] {
  const events: WindowsEvent[] = [];
  const add = (atMs: number, computer: string, template: Template): void => {
    if (atMs >= startMs && atMs <= endMs) events.push({ atMs: Math.floor(atMs), computer: `${computer}.contoso.local`, ...template(rng) });
  };
  for (let hour = startMs; hour < endMs; hour += HOUR_MS) {
    for (const agent of AGENTS) {
      for (let i = rng.poisson(2.2); i > 0; i--) add(hour + rng.int(HOUR_MS), agent, rng.pick(INFORMATION));
      if (rng.chance(0.25)) add(hour + rng.int(HOUR_MS), agent, rng.pick(WARNINGS));
      if (rng.chance(0.2)) add(hour + rng.int(HOUR_MS), agent, dcomError);
    }
    if (rng.chance(0.02)) add(hour + rng.int(HOUR_MS), JENKINS_AGENT, agentCrash);
  }
  for (const atMs of stories.jenkinsFailures) {
    for (let attempt = 0; attempt < 3; attempt++) add(atMs + attempt * 30_000 + 400 + rng.int(1500), JENKINS_AGENT, dockerUnauthorized);
  }
  // Something went wrong recently: errors in the last hour whatever the seed.
  add(endMs - 5 * MINUTE_MS - rng.int(40 * MINUTE_MS), AGENTS[0], dcomError);
  add(endMs - 2 * MINUTE_MS - rng.int(20 * MINUTE_MS), JENKINS_AGENT, agentCrash);
  return events.sort((a, b) => a.atMs - b.atMs);
}

/** Builds the `Event` table over [startMs, endMs] (ascending TimeGenerated). */
export function generateEventTable(rng: Random, startMs: number, endMs: number, stories: StoryTimes): Table {
  const w = new TableWriter(EVENT);
  const c = {
    tenant: w.text('TenantId'), sourceSystem: w.text('SourceSystem'), time: w.number('TimeGenerated'), source: w.text('Source'),
    log: w.text('EventLog'), computer: w.text('Computer'), level: w.number('EventLevel'), levelName: w.text('EventLevelName'),
    parameterXml: w.text('ParameterXml'), eventData: w.text('EventData'), id: w.number('EventID'), rendered: w.text('RenderedDescription'),
    deployment: w.text('AzureDeploymentID'), role: w.text('Role'), category: w.number('EventCategory'), user: w.text('UserName'),
    message: w.text('Message'), mg: w.text('MG'), mgName: w.text('ManagementGroupName'), type: w.text('Type'), resourceId: w.text('_ResourceId'),
  };
  for (const e of windowsEvents(rng, startMs, endMs, stories)) {
    const host = e.computer.split('.')[0];
    const data = e.params.map((p, i) => `<Data Name="param${i + 1}">${xmlEscape(p)}</Data>`).join('');
    c.tenant.append(WORKSPACE_ID); c.sourceSystem.append('OpsManager'); c.time.append(ticksFromMs(e.atMs)); c.source.append(e.source);
    c.log.append(e.log); c.computer.append(e.computer); c.level.append(levelNumber(e.level)); c.levelName.append(e.level);
    c.parameterXml.append(e.params.map((p) => `<Param>${xmlEscape(p)}</Param>`).join(''));
    c.eventData.append(`<DataItem type="System.XmlData" time="${new Date(e.atMs).toISOString()}" sourceHealthServiceId="${HEALTH_SERVICE_ID}"><EventData xmlns="http://schemas.microsoft.com/win/2004/08/events/event">${data}</EventData></DataItem>`);
    c.id.append(e.id); c.rendered.append(e.text); c.deployment.append(''); c.role.append(''); c.category.append(0);
    c.user.append(e.user); c.message.append(''); c.mg.append('00000000-0000-0000-0000-000000000001');
    c.mgName.append(`AOI-${WORKSPACE_ID}`); c.type.append(EVENT);
    c.resourceId.append(`/subscriptions/${SUBSCRIPTION_ID}/resourcegroups/rg-contoso-ci/providers/microsoft.compute/virtualmachines/${host}`);
  }
  return w.finish();
}
