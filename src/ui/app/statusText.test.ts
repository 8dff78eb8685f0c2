import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { en } from '../i18n/en';
import { statusText } from './statusText';

async function englishT() {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: 'en', resources: { en }, defaultNS: 'app', interpolation: { escapeValue: false } });
  return i18n.getFixedT('en', 'app');
}

describe('statusText', () => {
  it('uses the singular for counts of one', async () => {
    const t = await englishT();
    const text = statusText({ kind: 'loaded', source: 'sampleAndFiles', rows: 1, tableCount: 1, fileCount: 1 }, t);
    expect(text).toBe('Sample data and 1 file: 1 row in 1 table');
  });

  it('uses the plural for other counts, each on its own', async () => {
    const t = await englishT();
    expect(statusText({ kind: 'loaded', source: 'files', rows: 12345, tableCount: 1, fileCount: 3 }, t)).toBe('3 files: 12,345 rows in 1 table');
    expect(statusText({ kind: 'loaded', source: 'sample', rows: 2, tableCount: 7, fileCount: 0 }, t)).toBe('Sample data: 2 rows in 7 tables');
  });

  it('never leaves a "(s)" placeholder or an untranslated key', async () => {
    const t = await englishT();
    for (const source of ['sample', 'files', 'sampleAndFiles'] as const) {
      const text = statusText({ kind: 'loaded', source, rows: 2, tableCount: 2, fileCount: 2 }, t);
      expect(text).not.toMatch(/\(s\)|status\./);
    }
  });
});
