import { describe, expect, it } from 'vitest';
import { parseResourceId, unitOfMetric } from './acrMetrics';

describe('parseResourceId', () => {
  it('splits an upper-case ARM ID of a registry', () => {
    expect(parseResourceId('/SUBSCRIPTIONS/SUB-1/RESOURCEGROUPS/RG-APPS/PROVIDERS/MICROSOFT.CONTAINERREGISTRY/REGISTRIES/CONTOSOACR')).toEqual({
      subscriptionId: 'SUB-1',
      resourceGroup: 'RG-APPS',
      resourceProvider: 'MICROSOFT.CONTAINERREGISTRY',
      resource: 'CONTOSOACR',
    });
  });

  it('returns empty parts for text that is not a resource ID', () => {
    expect(parseResourceId('')).toEqual({ subscriptionId: '', resourceGroup: '', resourceProvider: '', resource: '' });
    expect(parseResourceId('/subscriptions/s1').resource).toBe('');
  });
});

describe('unitOfMetric', () => {
  it('knows the ACR metrics whatever their case, and nothing else', () => {
    expect(unitOfMetric('totalpullcount')).toBe('Count');
    expect(unitOfMetric('RunDuration')).toBe('MilliSeconds');
    expect(unitOfMetric('StorageUsed')).toBe('Bytes');
    expect(unitOfMetric('CpuPercent')).toBe('');
  });
});
