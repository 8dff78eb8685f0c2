import { describe, expect, it } from 'vitest';
import { cleanHeader, isZoneLabel, knownTableOfHeader, sanitizeTableName, tableNameOfFile } from './header';

describe('cleanHeader', () => {
  it('strips bracketed suffixes, names empty cells and makes names unique', () => {
    expect(cleanHeader(['TimeGenerated [UTC]', ' EventTime [Pacific Time (US and Canada) Tijuana] ', '', 'a', 'a', '[x]'])).toEqual([
      { name: 'TimeGenerated', zoneLabel: 'UTC' },
      { name: 'EventTime', zoneLabel: 'Pacific Time (US and Canada) Tijuana' },
      { name: 'Column3', zoneLabel: null },
      { name: 'a', zoneLabel: null },
      { name: 'a1', zoneLabel: null },
      { name: '[x]', zoneLabel: null },
    ]);
  });

  it('tells time zone labels from other suffixes', () => {
    expect(isZoneLabel('UTC')).toBe(true);
    expect(isZoneLabel('Pacific Time (US and Canada) Tijuana')).toBe(true);
    expect(isZoneLabel('USD')).toBe(false);
  });
});

describe('knownTableOfHeader', () => {
  it('matches subsets with a distinctive column', () => {
    expect(knownTableOfHeader(['Repository', 'OperationName', 'ResultDescription', 'TimeGenerated'])).toBe('ContainerRegistryRepositoryEvents');
    expect(knownTableOfHeader(['TimeGenerated', 'JwtId', 'Identity'])).toBe('ContainerRegistryLoginEvents');
    expect(knownTableOfHeader(['TimeGenerated', 'Facility', 'SyslogMessage'])).toBe('Syslog');
  });

  it('refuses short, common or foreign headers', () => {
    expect(knownTableOfHeader(['TimeGenerated', 'Count'])).toBeNull();
    expect(knownTableOfHeader(['TimeGenerated', 'OperationName', 'Type'])).toBeNull();
    expect(knownTableOfHeader(['TimeGenerated', 'Repository', 'Banana'])).toBeNull();
  });
});

describe('table names', () => {
  it('sanitizes to KQL identifiers', () => {
    expect(sanitizeTableName('AWSCloudTrail')).toBe('AWSCloudTrail');
    expect(sanitizeTableName(' my table-1 ')).toBe('my_table_1');
    expect(sanitizeTableName('9lives')).toBe('_9lives');
    expect(sanitizeTableName('***')).toBe('Table');
    expect(tableNameOfFile('exports/query_data (3).csv')).toBe('query_data_3');
    expect(tableNameOfFile('logs.tsv.gz')).toBe('logs');
  });
});
