import { beforeAll, describe, expect, test } from 'vitest';
import type { Table } from '../engine/table/table';
import { TICKS_PER_MILLISECOND, TICKS_PER_MINUTE } from '../engine/types/scalarType';
import { AZURE_METRICS, CONTAINER_REGISTRY_LOGIN_EVENTS, CONTAINER_REGISTRY_REPOSITORY_EVENTS } from '../ingest/knownTables';
import { generateSampleTables } from './index';
import { numbersOf, tableNamed, textsOf } from './testTables';

// A seed other than the default, so the stories are checked on a second week too.
const SEED = 777;
const ANCHOR_MS = Date.UTC(2025, 10, 3, 17, 5, 0, 0);
const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface RepoRows {
  time: number[]; op: string[]; identity: string[]; ip: string[]; repository: string[]; tag: string[]; digest: string[];
  mediaType: string[]; artifactType: string[]; status: string[]; resultType: string[]; duration: string[]; ua: string[]; size: (number | null)[];
}

let repo: Table;
let login: Table;
let metrics: Table;
let r: RepoRows;

beforeAll(() => {
  const tables = generateSampleTables({ seed: SEED, anchorMs: ANCHOR_MS });
  repo = tableNamed(tables, CONTAINER_REGISTRY_REPOSITORY_EVENTS);
  login = tableNamed(tables, CONTAINER_REGISTRY_LOGIN_EVENTS);
  metrics = tableNamed(tables, AZURE_METRICS);
  r = {
    time: numbersOf(repo, 'TimeGenerated') as number[], op: textsOf(repo, 'OperationName'), identity: textsOf(repo, 'Identity'),
    ip: textsOf(repo, 'CallerIpAddress'), repository: textsOf(repo, 'Repository'), tag: textsOf(repo, 'Tag'), digest: textsOf(repo, 'Digest'),
    mediaType: textsOf(repo, 'MediaType'), artifactType: textsOf(repo, 'ArtifactType'), status: textsOf(repo, 'ResultDescription'),
    resultType: textsOf(repo, 'ResultType'), duration: textsOf(repo, 'DurationMs'), ua: textsOf(repo, 'UserAgent'), size: numbersOf(repo, 'Size'),
  };
});

function indexesWhere(predicate: (i: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < r.op.length; i++) if (predicate(i)) out.push(i);
  return out;
}

/** The first value >= t of an ascending list (binary search), or undefined. */
function firstAtOrAfter(sorted: readonly number[], t: number): number | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

describe('AzureMetrics agree with the repository events', () => {
  test('per-minute pull/push totals equal the counted Pull/Push rows, successful ones the 200/201 rows', () => {
    const expected = new Map<string, number>();
    const bump = (key: string): void => void expected.set(key, (expected.get(key) ?? 0) + 1);
    for (let i = 0; i < r.op.length; i++) {
      const minute = Math.floor(r.time[i] / TICKS_PER_MINUTE);
      if (r.op[i] === 'Pull') {
        bump(`TotalPullCount@${minute}`);
        if (r.status[i] === '200') bump(`SuccessfulPullCount@${minute}`);
      } else if (r.op[i] === 'Push') {
        bump(`TotalPushCount@${minute}`);
        if (r.status[i] === '201') bump(`SuccessfulPushCount@${minute}`);
      }
    }
    const names = textsOf(metrics, 'MetricName');
    const times = numbersOf(metrics, 'TimeGenerated') as number[];
    const totals = numbersOf(metrics, 'Total') as number[];
    const actual = new Map<string, number>();
    names.forEach((name, i) => {
      if (name === 'StorageUsed') return;
      const key = `${name}@${times[i] / TICKS_PER_MINUTE}`;
      if (times[i] % TICKS_PER_MINUTE !== 0 || actual.has(key)) throw new Error(`misaligned or duplicate metric row ${key}`);
      // A Successful row with Total 0 is written when every request of that active minute failed.
      if (totals[i] > 0) actual.set(key, totals[i]);
    });
    expect(actual).toEqual(expected);
    expect(actual.size).toBeGreaterThan(5000);
  });

  test('only minutes with activity have counter rows, and each Successful row pairs with a Total row', () => {
    const names = textsOf(metrics, 'MetricName');
    const times = numbersOf(metrics, 'TimeGenerated') as number[];
    const totals = numbersOf(metrics, 'Total') as number[];
    const keys = new Set(names.map((n, i) => `${n}@${times[i]}`));
    const bad = names.filter((name, i) =>
      ((name === 'TotalPullCount' || name === 'TotalPushCount') && !(totals[i] > 0)) ||
      (name === 'SuccessfulPullCount' && !keys.has(`TotalPullCount@${times[i]}`)) ||
      (name === 'SuccessfulPushCount' && !keys.has(`TotalPushCount@${times[i]}`)));
    expect(bad).toEqual([]);
  });

  test('aggregates are consistent: Count >= 1, Average = Total/Count, Minimum <= Average <= Maximum', () => {
    const [total, count, avg, min, max] = ['Total', 'Count', 'Average', 'Minimum', 'Maximum'].map((c) => numbersOf(metrics, c) as number[]);
    const bad: number[] = [];
    for (let i = 0; i < metrics.rowCount; i++) {
      const consistent = count[i] >= 1 && Math.abs(avg[i] - total[i] / count[i]) < 1e-9 && min[i] <= avg[i] && avg[i] <= max[i];
      if (!consistent) bad.push(i);
    }
    expect(bad).toEqual([]);
  });

  test('counters are PT1M Count, StorageUsed hourly Bytes growing with pushes; deprecated columns empty', () => {
    const names = textsOf(metrics, 'MetricName');
    const grains = textsOf(metrics, 'TimeGrain');
    const units = textsOf(metrics, 'UnitName');
    const times = numbersOf(metrics, 'TimeGenerated') as number[];
    const averages = numbersOf(metrics, 'Average') as number[];
    const storage: { t: number; bytes: number }[] = [];
    const wrongUnits = new Set<string>();
    names.forEach((name, i) => {
      const expected = name === 'StorageUsed' ? 'PT1H/Bytes' : 'PT1M/Count';
      if (`${grains[i]}/${units[i]}` !== expected) wrongUnits.add(`${name}: ${grains[i]}/${units[i]}`);
      if (name === 'StorageUsed') storage.push({ t: times[i], bytes: averages[i] });
    });
    expect([...wrongUnits]).toEqual([]);
    expect(storage.length).toBeGreaterThanOrEqual(7 * 24 - 1);
    for (let k = 1; k < storage.length; k++) expect(storage[k].t - storage[k - 1].t).toBe(60 * TICKS_PER_MINUTE);
    expect(storage[storage.length - 1].bytes).toBeGreaterThan(storage[0].bytes);
    for (const column of ['OperationName', 'Category', 'ResultType', 'CallerIpAddress', 'CorrelationId', 'MaliciousIP', 'IsActive']) {
      expect(new Set(textsOf(metrics, column)), column).toEqual(new Set(['']));
    }
    for (const column of ['DurationMs', 'RemoteIPLatitude', 'RemoteIPLongitude', 'Severity']) {
      expect(new Set(numbersOf(metrics, column)), column).toEqual(new Set([null]));
    }
    for (const column of ['Resource', 'ResourceGroup', 'ResourceProvider', 'SubscriptionId']) {
      expect(textsOf(metrics, column).every((v) => v !== ''), column).toBe(true);
    }
  });
});

describe('stories', () => {
  test('an Untag and a Delete by a user (UPN), including a whole-repository delete', () => {
    const untags = indexesWhere((i) => r.op[i].includes('Untag'));
    const deletes = indexesWhere((i) => r.op[i].includes('Delete'));
    expect(untags.length).toBeGreaterThan(0);
    expect(deletes.length).toBeGreaterThan(0);
    for (const i of [...untags, ...deletes]) expect(r.identity[i]).toMatch(/^[a-z.]+@contoso\.com$/);
    expect(deletes.some((i) => r.tag[i] === '' && r.digest[i] === '')).toBe(true);
    const deletedRepository = r.repository[deletes.find((i) => r.digest[i] === '') as number];
    // After the repository is deleted, nobody pulls it successfully any more.
    const deletedAt = Math.min(...deletes.filter((i) => r.repository[i] === deletedRepository).map((i) => r.time[i]));
    expect(indexesWhere((i) => r.repository[i] === deletedRepository && r.time[i] > deletedAt && r.status[i] === '200')).toEqual([]);
  });

  test('failures 401, 403, 404 and 429 exist; ResultType follows the status; failures carry no digest', () => {
    for (const code of ['401', '403', '404', '429']) expect(r.status.includes(code), code).toBe(true);
    expect(r.status.filter((s) => s.includes('40')).length).toBeGreaterThan(50);
    const wrongResultType = indexesWhere((i) => r.resultType[i] !== (Number(r.status[i]) >= 400 ? 'Failed' : 'Succeeded'));
    expect(wrongResultType).toEqual([]);
    const failuresWithManifest = indexesWhere((i) => Number(r.status[i]) >= 400 && (r.digest[i] !== '' || r.size[i] !== null));
    expect(failuresWithManifest).toEqual([]);
    const loginStatus = textsOf(login, 'ResultDescription');
    for (const code of ['401', '403', '429']) expect(loginStatus.includes(code), `login ${code}`).toBe(true);
    expect(loginStatus.filter((s) => s !== '200').length).toBeGreaterThan(0);
  });

  test('failures come in bursts: the 404s of the bad deploy cluster within an hour', () => {
    const kubelet404 = indexesWhere((i) => r.status[i] === '404' && r.ua[i].startsWith('containerd/'));
    expect(kubelet404.length).toBeGreaterThan(20);
    const times = kubelet404.map((i) => r.time[i]);
    expect(Math.max(...times) - Math.min(...times)).toBeLessThan(60 * TICKS_PER_MINUTE);
  });

  test('clients: kubelets (object-id GUIDs, containerd), helm charts, oras artifacts, CI pushes with docker/buildkit', () => {
    const containerd = indexesWhere((i) => r.ua[i].startsWith('containerd/') && r.status[i] === '200');
    expect(containerd.length).toBeGreaterThan(10_000);
    expect(containerd.every((i) => GUID_RE.test(r.identity[i]))).toBe(true);
    const helm = indexesWhere((i) => /^Helm\/3\.\d+\.\d+$/.test(r.ua[i]));
    expect(helm.some((i) => r.op[i] === 'Push')).toBe(true);
    expect(helm.some((i) => r.op[i] === 'Pull')).toBe(true);
    expect(helm.every((i) => r.artifactType[i] === 'application/vnd.cncf.helm.config.v1+json')).toBe(true);
    const oras = indexesWhere((i) => /^oras\/1\./.test(r.ua[i]));
    expect(new Set(oras.map((i) => r.artifactType[i]))).toEqual(new Set(['application/vnd.cncf.notary.signature', 'application/spdx+json']));
    const ciPushes = indexesWhere((i) => r.op[i] === 'Push' && (r.ua[i].startsWith('buildkit/') || r.ua[i].startsWith('docker/')));
    expect(ciPushes.length).toBeGreaterThan(100);
    expect(r.tag.some((t) => /^\d+\.\d+\.\d+$/.test(t))).toBe(true);
    expect(r.tag.some((t) => /^sha-[0-9a-f]{7}$/.test(t))).toBe(true);
  });

  test('multi-arch pushes: platform manifests by digest (no tag) just before the tagged index', () => {
    const indexPushes = indexesWhere((i) => r.op[i] === 'Push' && r.mediaType[i] === 'application/vnd.oci.image.index.v1+json' && r.tag[i] !== '');
    expect(indexPushes.length).toBeGreaterThan(20);
    for (const i of indexPushes) {
      const platforms = indexesWhere((j) => j < i && r.op[j] === 'Push' && r.tag[j] === '' && r.ip[j] === r.ip[i]
        && r.mediaType[j] === 'application/vnd.oci.image.manifest.v1+json' && r.artifactType[j] === '' && r.repository[j] === r.repository[i]
        && r.time[i] - r.time[j] < 60_000 * TICKS_PER_MILLISECOND);
      expect(platforms.length).toBeGreaterThanOrEqual(2);
    }
  });

  test('DurationMs is integer text; pushes are slower than pulls', () => {
    expect(r.duration.every((d) => /^\d+$/.test(d))).toBe(true);
    const of = (op: string): number => median(indexesWhere((i) => r.op[i] === op && Number(r.status[i]) < 400).map((i) => Number(r.duration[i])));
    expect(of('Push')).toBeGreaterThan(4 * of('Pull'));
  });

  test('logins precede repository requests of the same identity and address, seconds apart', () => {
    const lt = numbersOf(login, 'TimeGenerated') as number[];
    const lid = textsOf(login, 'Identity');
    const lip = textsOf(login, 'CallerIpAddress');
    const lstatus = textsOf(login, 'ResultDescription');
    const jwt = textsOf(login, 'JwtId');
    expect(new Set(textsOf(login, 'OperationName'))).toEqual(new Set(['Login']));
    const requestsByCaller = new Map<string, number[]>();
    for (let i = 0; i < r.op.length; i++) {
      const key = `${r.identity[i]}|${r.ip[i]}`;
      const list = requestsByCaller.get(key) ?? [];
      list.push(r.time[i]);
      requestsByCaller.set(key, list);
    }
    const lastUsable = (ANCHOR_MS - 60_000) * TICKS_PER_MILLISECOND;
    let checked = 0;
    for (let k = 0; k < login.rowCount; k++) {
      if (lstatus[k] !== '200') {
        expect(jwt[k]).toBe('');
        continue;
      }
      expect(jwt[k]).toMatch(GUID_RE);
      if (lt[k] > lastUsable) continue;
      const after = firstAtOrAfter(requestsByCaller.get(`${lid[k]}|${lip[k]}`) ?? [], lt[k]);
      expect(after, `request after login ${k}`).toBeDefined();
      expect((after as number) - lt[k]).toBeLessThan(60 * 1000 * TICKS_PER_MILLISECOND);
      checked++;
    }
    expect(checked).toBeGreaterThan(500);
  });

  test('a geo-replica serves part of the traffic', () => {
    const regions = new Set(textsOf(repo, 'Region'));
    expect(regions).toEqual(new Set(['eastus', 'westeurope']));
  });
});
