import { describe, expect, it } from 'vitest';
import { decodeQuery, encodeQuery, shareUrl, sharedQueryParam } from './shareLink';

describe('share links', () => {
  it('round-trips query text, unicode included', async () => {
    const texts = ['', 'T | take 10', 'T | where Name == "디렉터리 ✓ 🐳" // 注释\n\t| count', 'x'.repeat(50_000)];
    for (const text of texts) expect(await decodeQuery(await encodeQuery(text))).toBe(text);
  });

  it('uses only URL-safe characters and compresses repetitive text', async () => {
    const text = 'ContainerRegistryRepositoryEvents\n| where OperationName == "Pull"\n'.repeat(200);
    const encoded = await encodeQuery(text);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(encoded.length).toBeLessThan(text.length / 10);
  });

  it('rejects values that are not encoded queries', async () => {
    await expect(decodeQuery('***')).rejects.toThrow();
    await expect(decodeQuery('AAAA')).rejects.toThrow();
  });

  it('builds a link with the fragment and reads the parameter back from a hash', async () => {
    const url = await shareUrl({ origin: 'http://localhost:5173', pathname: '/', search: '?rows=2' }, 'T');
    const parsed = new URL(url);
    expect(parsed.search).toBe('?rows=2');
    expect(await decodeQuery(sharedQueryParam(parsed.hash)!)).toBe('T');
    expect(sharedQueryParam('#other=1')).toBeNull();
    expect(sharedQueryParam('')).toBeNull();
  });
});
