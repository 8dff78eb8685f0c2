/**
 * Turns rows of the generated ACR tables back into raw resource-log records, the
 * `PT1H.json` shape of shared/docs/acr-logs.md §2.3/§2.4: common fields at the top level,
 * ACR's own fields in `properties`. It is the inverse of `src/ingest/recordMapping.ts`
 * for every column but `TenantId` (a workspace ID that raw blobs do not carry).
 */
import type { Column, Table } from '../../src/engine/index';
import { formatDatetime } from '../../src/engine/types/datetime';

/** A raw record as written to one NDJSON line. */
export type RawRecord = Record<string, unknown>;

/** Reads cells of one table by column name. */
class RowReader {
  private readonly byName = new Map<string, Column>();
  constructor(table: Table) {
    table.schema.forEach((c, i) => this.byName.set(c.name, table.columns[i]));
  }

  /** The text of a string column at `row` ('' when the table lacks the column). */
  text(name: string, row: number): string {
    const column = this.byName.get(name);
    if (column === undefined || column.kind !== 'string') return '';
    const code = column.codes[row];
    return code < 0 ? '' : column.dict[code];
  }

  /** The number of a numeric column at `row`, or null. */
  number(name: string, row: number): number | null {
    const column = this.byName.get(name);
    if (column === undefined || column.kind !== 'number') return null;
    if (column.nulls !== null && column.nulls[row] === 1) return null;
    return column.data[row];
  }
}

/** Fields every ACR log record carries at the top level (acr-logs.md §2.2). */
function commonFields(reader: RowReader, row: number): RawRecord {
  const ticks = reader.number('TimeGenerated', row) ?? 0;
  const failed = reader.text('ResultType', row) === 'Failed';
  return {
    time: formatDatetime(ticks),
    // Why upper case: blobs carry the ARM path upper-cased; Log Analytics lower-cases `_ResourceId`.
    resourceId: reader.text('_ResourceId', row).toUpperCase(),
    operationName: reader.text('OperationName', row),
    category: reader.text('Category', row),
    resultType: reader.text('ResultType', row),
    resultDescription: reader.text('ResultDescription', row),
    durationMs: reader.text('DurationMs', row),
    callerIpAddress: reader.text('CallerIpAddress', row),
    correlationId: reader.text('CorrelationId', row),
    identity: reader.text('Identity', row),
    level: failed ? 'Error' : 'Informational',
    location: reader.text('Region', row),
  };
}

/** Makes a function that returns row `i` of a `ContainerRegistryRepositoryEvents` table as a raw record. */
export function repositoryRecords(table: Table): (row: number) => RawRecord {
  const reader = new RowReader(table);
  return (row) => {
    const size = reader.number('Size', row);
    const properties: RawRecord = {
      loginServer: reader.text('LoginServer', row),
      repository: reader.text('Repository', row),
      tag: reader.text('Tag', row),
      digest: reader.text('Digest', row),
      mediaType: reader.text('MediaType', row),
      ...(size === null ? {} : { size }),
      artifactType: reader.text('ArtifactType', row),
      userAgent: reader.text('UserAgent', row),
      userTenantId: reader.text('UserTenantId', row),
    };
    return { ...commonFields(reader, row), properties };
  };
}

/** Makes a function that returns row `i` of a `ContainerRegistryLoginEvents` table as a raw record. */
export function loginRecords(table: Table): (row: number) => RawRecord {
  const reader = new RowReader(table);
  return (row) => ({
    ...commonFields(reader, row),
    properties: {
      loginServer: reader.text('LoginServer', row),
      jwtId: reader.text('JwtId', row),
      userAgent: reader.text('UserAgent', row),
    },
  });
}
