/**
 * ACR platform metrics as exported to `AzureMetrics` (shared/docs/acr-logs.md §4), and the
 * parts of an ARM resource ID that `AzureMetrics` spreads over its own columns.
 */

/** Unit of each ACR metric by its REST name (the `UnitName` column). */
export const ACR_METRIC_UNITS: ReadonlyMap<string, string> = new Map([
  ['TotalPullCount', 'Count'],
  ['SuccessfulPullCount', 'Count'],
  ['TotalPushCount', 'Count'],
  ['SuccessfulPushCount', 'Count'],
  ['RunDuration', 'MilliSeconds'],
  ['AgentPoolCPUTime', 'Seconds'],
  ['StorageUsed', 'Bytes'],
]);

const UNITS_BY_LOWER_NAME = new Map([...ACR_METRIC_UNITS].map(([name, unit]) => [name.toLowerCase(), unit]));

/** The unit of a metric (matched case-insensitively), or `''` for a metric ACR does not document. */
export function unitOfMetric(metricName: string): string {
  return UNITS_BY_LOWER_NAME.get(metricName.toLowerCase()) ?? '';
}

/** The parts of `/subscriptions/<sub>/resourceGroups/<rg>/providers/<namespace>/<type>/<name>`. */
export interface ResourceIdParts {
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  /** The provider namespace, e.g. `MICROSOFT.CONTAINERREGISTRY`. */
  readonly resourceProvider: string;
  /** The last name segment, e.g. the registry name. */
  readonly resource: string;
}

/**
 * Splits an ARM resource ID (segment names matched case-insensitively). Missing parts are `''`.
 * Text is returned as written; callers choose the case Log Analytics shows.
 */
export function parseResourceId(resourceId: string): ResourceIdParts {
  const segments = resourceId.split('/').filter((s) => s !== '');
  let subscriptionId = '';
  let resourceGroup = '';
  let resourceProvider = '';
  for (let i = 0; i + 1 < segments.length; i++) {
    const key = segments[i].toLowerCase();
    if (key === 'subscriptions' && subscriptionId === '') subscriptionId = segments[i + 1];
    else if (key === 'resourcegroups' && resourceGroup === '') resourceGroup = segments[i + 1];
    else if (key === 'providers' && resourceProvider === '') resourceProvider = segments[i + 1];
  }
  const providerIndex = segments.findIndex((s) => s.toLowerCase() === 'providers');
  // Type/name pairs follow the namespace; the resource is the last name.
  const resource = providerIndex >= 0 && segments.length >= providerIndex + 4 ? segments[segments.length - 1] : '';
  return { subscriptionId, resourceGroup, resourceProvider, resource };
}
