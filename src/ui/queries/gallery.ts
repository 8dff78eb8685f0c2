/**
 * The query gallery: the six example queries of Log Analytics' Azure Container Registry
 * documentation, verbatim (comments, the tab before `or` and the trailing spaces included),
 * plus two of ours. Titles and descriptions live in the `app` message catalogue under
 * `gallery.items.<id>`; the query text is code and is not translated.
 */

/** Where a gallery query comes from. */
export type GallerySource = 'docs' | 'ours';

/** One gallery entry. */
export interface GalleryQuery {
  /** Stable id; also the message key of its title and description. */
  readonly id: GalleryQueryId;
  readonly source: GallerySource;
  readonly text: string;
}

/** Ids of the gallery entries, in display order. */
export type GalleryQueryId =
  | 'errorEventsLastHour'
  | 'recentRegistryEvents'
  | 'deletedRepository'
  | 'deletedTag'
  | 'repositoryFailures'
  | 'authenticationFailures'
  | 'pushPullMetrics'
  | 'pushPullPerHour';

/** The gallery, in display order. */
export const GALLERY_QUERIES: readonly GalleryQuery[] = [
  {
    id: 'errorEventsLastHour',
    source: 'docs',
    text: [
      'union Event, Syslog // Event table stores Windows event records, Syslog stores Linux records',
      '| where TimeGenerated > ago(1h)',
      '| where EventLevelName == "Error" // EventLevelName is used in the Event (Windows) records',
      '\tor SeverityLevel== "err" // SeverityLevel is used in Syslog (Linux) records',
    ].join('\n'),
  },
  {
    id: 'recentRegistryEvents',
    source: 'docs',
    text: [
      'ContainerRegistryRepositoryEvents',
      '| union ContainerRegistryLoginEvents',
      '| top 100 by TimeGenerated',
      '| project TimeGenerated, LoginServer, OperationName, Identity, Repository, DurationMs, Region , ResultType',
    ].join('\n'),
  },
  {
    id: 'deletedRepository',
    source: 'docs',
    text: [
      'ContainerRegistryRepositoryEvents',
      '| where OperationName contains "Delete"',
      '| project LoginServer, OperationName, Repository, Identity, CallerIpAddress',
    ].join('\n'),
  },
  {
    id: 'deletedTag',
    source: 'docs',
    text: [
      'ContainerRegistryRepositoryEvents',
      '| where OperationName contains "Untag"',
      '| project LoginServer, OperationName, Repository, Tag, Identity, CallerIpAddress',
    ].join('\n'),
  },
  {
    id: 'repositoryFailures',
    source: 'docs',
    text: [
      'ContainerRegistryRepositoryEvents ', // trailing space as in the docs
      '| where ResultDescription contains "40"',
      '| project TimeGenerated, OperationName, Repository, Tag, ResultDescription',
    ].join('\n'),
  },
  {
    id: 'authenticationFailures',
    source: 'docs',
    text: [
      'ContainerRegistryLoginEvents ', // trailing space as in the docs
      '| where ResultDescription != "200"',
      '| project TimeGenerated, Identity, CallerIpAddress, ResultDescription',
    ].join('\n'),
  },
  {
    id: 'pushPullMetrics',
    source: 'ours',
    text: [
      'AzureMetrics',
      '| where TimeGenerated > ago(7d)',
      '| where MetricName in ("TotalPullCount", "TotalPushCount")',
      '| summarize sum(Total) by bin(TimeGenerated, 1h), MetricName',
      '| render timechart',
    ].join('\n'),
  },
  {
    id: 'pushPullPerHour',
    source: 'ours',
    text: [
      'ContainerRegistryRepositoryEvents',
      '| where TimeGenerated > ago(7d)',
      '| where OperationName in ("Push", "Pull")',
      '| summarize count() by bin(TimeGenerated, 1h), OperationName',
      '| render timechart',
    ].join('\n'),
  },
];

/** The query the page opens with: "100 most recent registry events". */
export const INITIAL_QUERY: string = GALLERY_QUERIES[1].text;
