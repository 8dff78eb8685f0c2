/**
 * DuckDB (native, through `@duckdb/node-api`) on one thread: loads the same NDJSON files
 * with `read_json`, mapping raw fields to the Log Analytics columns as the engine's ingest does.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Answer, Cell } from '../answer';
import type { QuerySpec } from '../queries';
import type { BenchSystem, PreparedQuery, Preparation } from './outcome';
import { messageOf } from './outcome';

/** SQL string literal. */
function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

const COMMON_FIELDS = `time: 'VARCHAR', resourceId: 'VARCHAR', operationName: 'VARCHAR', category: 'VARCHAR', resultType: 'VARCHAR',
  resultDescription: 'VARCHAR', durationMs: 'VARCHAR', callerIpAddress: 'VARCHAR', correlationId: 'VARCHAR', identity: 'VARCHAR', location: 'VARCHAR'`;

function repositorySql(file: string): string {
  return `CREATE TABLE repo AS SELECT
      '' AS TenantId, 'Azure' AS SourceSystem, CAST(time AS TIMESTAMP) AS TimeGenerated, operationName AS OperationName,
      properties.loginServer AS LoginServer, identity AS Identity, properties.repository AS Repository, properties.tag AS Tag,
      properties.digest AS Digest, properties.mediaType AS MediaType, properties.size AS Size, properties.artifactType AS ArtifactType,
      correlationId AS CorrelationId, location AS Region, resultType AS ResultType, category AS Category,
      resultDescription AS ResultDescription, callerIpAddress AS CallerIpAddress, durationMs AS DurationMs,
      properties.userTenantId AS UserTenantId, properties.userAgent AS UserAgent, 'ContainerRegistryRepositoryEvents' AS Type,
      lower(resourceId) AS _ResourceId
    FROM read_json(${literal(file)}, format = 'newline_delimited', columns = {${COMMON_FIELDS},
      properties: 'STRUCT(loginServer VARCHAR, repository VARCHAR, tag VARCHAR, digest VARCHAR, mediaType VARCHAR, size INTEGER,
        artifactType VARCHAR, userAgent VARCHAR, userTenantId VARCHAR)'})`;
}

function loginSql(file: string): string {
  return `CREATE TABLE login AS SELECT
      '' AS TenantId, 'Azure' AS SourceSystem, CAST(time AS TIMESTAMP) AS TimeGenerated, operationName AS OperationName,
      properties.loginServer AS LoginServer, identity AS Identity, properties.jwtId AS JwtId, location AS Region,
      correlationId AS CorrelationId, resultType AS ResultType, resultDescription AS ResultDescription,
      callerIpAddress AS CallerIpAddress, durationMs AS DurationMs, properties.userAgent AS UserAgent, category AS Category,
      'ContainerRegistryLoginEvents' AS Type, lower(resourceId) AS _ResourceId
    FROM read_json(${literal(file)}, format = 'newline_delimited', columns = {${COMMON_FIELDS},
      properties: 'STRUCT(loginServer VARCHAR, jwtId VARCHAR, userAgent VARCHAR)'})`;
}

/** A DuckDB value as a normalized cell. */
function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'boolean') return value ? 1 : 0;
  return String(value);
}

/** What opening DuckDB gave. */
export interface DuckDbLoad {
  readonly system: BenchSystem;
  /** Seconds `read_json` took to load both files into tables. */
  readonly loadSeconds: number;
  close(): void;
}

/** Opens an in-memory DuckDB with `threads=1` and loads the two NDJSON files. */
export async function openDuckDb(repositoryFile: string, loginFile: string): Promise<DuckDbLoad> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection: DuckDBConnection = await instance.connect();
  await connection.run('SET threads = 1');
  const started = performance.now();
  await connection.run(repositorySql(repositoryFile));
  await connection.run(loginSql(loginFile));
  const loadSeconds = (performance.now() - started) / 1000;

  const system: BenchSystem = {
    name: 'DuckDB',
    async prepare(spec: QuerySpec): Promise<Preparation> {
      try {
        let latest = await connection.runAndReadAll(spec.sql);
        const query: PreparedQuery = {
          run: async () => {
            latest = await connection.runAndReadAll(spec.sql);
          },
          answer: (): Answer => ({ columns: latest.columnNames(), rows: latest.getRowsJS().map((row) => row.map(cellOf)) }),
        };
        return { kind: 'ready', query };
      } catch (e) {
        return { kind: 'error', message: messageOf(e) };
      }
    },
  };
  return {
    system,
    loadSeconds,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
