import { describe, expect, test } from 'vitest';
import { KNOWN_TABLES } from '../../ingest/knownTables';
import type { Operator, QueryPlan, Tabular } from '../plan';
import { tableFromRows } from '../table/builder';
import { catalogOf } from '../table/table';
import { lowerQuery, warmUpParser } from './index';

// Test-only import of ingest's schemas: engine code itself never imports ingest.
const catalog = catalogOf([...KNOWN_TABLES].map(([name, schema]) => tableFromRows(name, schema, [])));

function operatorsOf(body: Tabular): Operator[] {
  return body.kind === 'pipe' ? [...operatorsOf(body.input), body.operator] : [];
}

function sourceOf(body: Tabular): Tabular {
  return body.kind === 'pipe' ? sourceOf(body.input) : body;
}

function columnNames(plan: QueryPlan): string[] {
  return plan.body.schema.map((c) => c.name);
}

/** The documented ACR queries (Microsoft's "Monitor Azure Container Registry" samples). */
const QUERIES = {
  errors: `union Event, Syslog // Event table stores Windows event records, Syslog stores Linux records
| where TimeGenerated > ago(1h)
| where EventLevelName == "Error" // EventLevelName is used in the Event (Windows) records
	or SeverityLevel== "err" // SeverityLevel is used in Syslog (Linux) records`,
  latest100: `ContainerRegistryRepositoryEvents
| union ContainerRegistryLoginEvents
| top 100 by TimeGenerated
| project TimeGenerated, LoginServer, OperationName, Identity, Repository, DurationMs, Region , ResultType`,
  deletes: `ContainerRegistryRepositoryEvents
| where OperationName contains "Delete"
| project LoginServer, OperationName, Repository, Identity, CallerIpAddress`,
  untags: `ContainerRegistryRepositoryEvents
| where OperationName contains "Untag"
| project LoginServer, OperationName, Repository, Tag, Identity, CallerIpAddress`,
  failedRepository: `ContainerRegistryRepositoryEvents
| where ResultDescription contains "40"
| project TimeGenerated, OperationName, Repository, Tag, ResultDescription`,
  failedLogins: `ContainerRegistryLoginEvents
| where ResultDescription != "200"
| project TimeGenerated, Identity, CallerIpAddress, ResultDescription`,
};

describe('documented ACR queries', () => {
  test('union Event, Syslog errors in the last hour', () => {
    const plan = lowerQuery(QUERIES.errors, catalog);
    const source = sourceOf(plan.body);
    expect(source.kind).toBe('union');
    if (source.kind !== 'union') throw new Error();
    expect(source.inputs.map((i) => (i.kind === 'table' ? i.name : '?'))).toEqual(['Event', 'Syslog']);
    const ops = operatorsOf(plan.body);
    expect(ops.map((o) => o.op)).toEqual(['where', 'where']);
    expect(ops[0]).toMatchObject({ predicate: { op: '>', left: { name: 'TimeGenerated' }, right: { kind: 'call', name: 'ago' } } });
    expect(ops[1]).toMatchObject({
      predicate: { op: 'or', left: { op: '==', left: { name: 'EventLevelName' } }, right: { op: '==', left: { name: 'SeverityLevel' }, right: { value: 'err' } } },
    });
    // Both tables' columns, Event's first; shared names appear once.
    const names = columnNames(plan);
    expect(names.slice(0, 3)).toEqual(['TenantId', 'SourceSystem', 'TimeGenerated']);
    expect(names).toContain('EventLevelName');
    expect(names).toContain('SeverityLevel');
    expect(new Set(names).size).toBe(names.length);
  });

  test('latest 100 repository and login events', () => {
    const plan = lowerQuery(QUERIES.latest100, catalog);
    expect(operatorsOf(plan.body).map((o) => o.op)).toEqual(['union', 'top', 'project']);
    expect(operatorsOf(plan.body)[1]).toMatchObject({ count: { value: 100 }, by: [{ descending: true, expr: { name: 'TimeGenerated' } }] });
    expect(columnNames(plan)).toEqual(['TimeGenerated', 'LoginServer', 'OperationName', 'Identity', 'Repository', 'DurationMs', 'Region', 'ResultType']);
  });

  test.each([
    ['deletes', 'contains', 'Delete', ['LoginServer', 'OperationName', 'Repository', 'Identity', 'CallerIpAddress']],
    ['untags', 'contains', 'Untag', ['LoginServer', 'OperationName', 'Repository', 'Tag', 'Identity', 'CallerIpAddress']],
    ['failedRepository', 'contains', '40', ['TimeGenerated', 'OperationName', 'Repository', 'Tag', 'ResultDescription']],
    ['failedLogins', '!=', '200', ['TimeGenerated', 'Identity', 'CallerIpAddress', 'ResultDescription']],
  ] as const)('%s', (key, op, value, columns) => {
    const plan = lowerQuery(QUERIES[key], catalog);
    const ops = operatorsOf(plan.body);
    expect(ops.map((o) => o.op)).toEqual(['where', 'project']);
    expect(ops[0]).toMatchObject({ predicate: { kind: 'binary', op, right: { kind: 'literal', value } } });
    expect(columnNames(plan)).toEqual(columns);
  });

  test('timing (printed, not asserted)', () => {
    const started = performance.now();
    warmUpParser();
    const warmUpMs = performance.now() - started;
    const rounds = 20;
    const lines: string[] = [`warm-up ${warmUpMs.toFixed(1)} ms`];
    for (const [key, text] of Object.entries(QUERIES)) {
      const t0 = performance.now();
      for (let i = 0; i < rounds; i++) lowerQuery(text, catalog);
      lines.push(`${key}: ${((performance.now() - t0) / rounds).toFixed(2)} ms per parse+analyze+lower`);
    }
    console.log(lines.join('\n'));
    expect(lines.length).toBe(1 + Object.keys(QUERIES).length);
  });
});
