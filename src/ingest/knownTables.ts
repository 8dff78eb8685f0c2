/**
 * Schemas of the Log Analytics tables the explorer knows, in their natural (schema) order
 * with Log Analytics' types. Source: shared/docs/acr-logs.md §1.
 */
import type { ColumnSchema, ScalarType } from '../engine';

function cols(spec: string): ColumnSchema[] {
  // "Name:type Name2 Name3:int" — a bare name is a string column.
  return spec.trim().split(/\s+/).map((part) => {
    const [name, type = 'string'] = part.split(':');
    return { name, type: type as ScalarType };
  });
}

export const CONTAINER_REGISTRY_REPOSITORY_EVENTS = 'ContainerRegistryRepositoryEvents';
export const CONTAINER_REGISTRY_LOGIN_EVENTS = 'ContainerRegistryLoginEvents';
export const AZURE_METRICS = 'AzureMetrics';
export const EVENT = 'Event';
export const SYSLOG = 'Syslog';
export const AZURE_ACTIVITY = 'AzureActivity';

/** The known tables' schemas by table name. */
export const KNOWN_TABLES: ReadonlyMap<string, readonly ColumnSchema[]> = new Map([
  [CONTAINER_REGISTRY_REPOSITORY_EVENTS, cols(`
    TenantId SourceSystem TimeGenerated:datetime OperationName LoginServer Identity Repository Tag Digest
    MediaType Size:int ArtifactType CorrelationId Region ResultType Category ResultDescription CallerIpAddress
    DurationMs UserTenantId UserAgent Type _ResourceId`)],
  [CONTAINER_REGISTRY_LOGIN_EVENTS, cols(`
    TenantId SourceSystem TimeGenerated:datetime OperationName LoginServer Identity JwtId Region CorrelationId
    ResultType ResultDescription CallerIpAddress DurationMs UserAgent Category Type _ResourceId`)],
  [AZURE_METRICS, cols(`
    TenantId SourceSystem TimeGenerated:datetime ResourceId OperationName OperationVersion Category ResultType
    ResultSignature ResultDescription DurationMs:long CallerIpAddress CorrelationId Resource ResourceGroup
    ResourceProvider SubscriptionId MetricName Total:real Count:real Maximum:real Minimum:real Average:real
    TimeGrain UnitName RemoteIPCountry RemoteIPLatitude:real RemoteIPLongitude:real MaliciousIP
    IndicatorThreatType Description TLPLevel Confidence Severity:int FirstReportedDateTime LastReportedDateTime
    IsActive Type _ResourceId`)],
  [EVENT, cols(`
    TenantId SourceSystem TimeGenerated:datetime Source EventLog Computer EventLevel:int EventLevelName
    ParameterXml EventData EventID:int RenderedDescription AzureDeploymentID Role EventCategory:int UserName
    Message MG ManagementGroupName Type _ResourceId`)],
  [SYSLOG, cols(`
    TenantId SourceSystem TimeGenerated:datetime Computer EventTime:datetime Facility HostName SeverityLevel
    SyslogMessage ProcessID:int HostIP ProcessName MG Type _ResourceId`)],
  // Columns and order of the AzureActivity reference page (MicrosoftDocs/azure-reference-other
  // azure-monitor-ref/tables/azureactivity.md, 2021), which lists them alphabetically.
  [AZURE_ACTIVITY, cols(`
    ActivityStatus ActivityStatusValue ActivitySubstatus ActivitySubstatusValue Authorization Authorization_d:dynamic
    Caller CallerIpAddress Category CategoryValue Claims Claims_d:dynamic CorrelationId EventDataId
    EventSubmissionTimestamp:datetime Hierarchy HTTPRequest Level OperationId OperationName OperationNameValue
    Properties Properties_d:dynamic Resource ResourceGroup _ResourceId ResourceId ResourceProvider
    ResourceProviderValue SourceSystem SubscriptionId _SubscriptionId TenantId TimeGenerated:datetime Type`)],
]);

/** Resource-log `category` values and the table each lands in. */
export const CATEGORY_TO_TABLE: ReadonlyMap<string, string> = new Map([
  ['containerregistryrepositoryevents', CONTAINER_REGISTRY_REPOSITORY_EVENTS],
  ['containerregistryloginevents', CONTAINER_REGISTRY_LOGIN_EVENTS],
]);
