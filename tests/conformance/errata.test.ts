import { describe, expect, it } from 'vitest';
import { ERRATA, erratumFor } from './errata';

describe('documentation errata', () => {
  it('lists each example once, with a one-line reason', () => {
    const keys = ERRATA.map((e) => `${e.page}:${e.line}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const e of ERRATA) {
      expect(e.page).toMatch(/\.md$/);
      expect(e.line).toBeGreaterThan(0);
      expect(e.reason.trim().length).toBeGreaterThan(10);
      expect(e.reason).not.toContain('\n');
    }
  });

  it('finds an entry by page and line only', () => {
    expect(erratumFor('join-rightanti.md', 41)?.reason).toContain('Value2');
    expect(erratumFor('join-rightanti.md', 42)).toBeUndefined();
  });
});
