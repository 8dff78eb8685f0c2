/**
 * The golden suite: runs every case of every `tests/golden/*.kqltest` file through `runQuery`
 * against the golden catalog, one Vitest test per case, named `<file> › <case title>`.
 * The format is described in `README.md`; a malformed file fails as `<file> › (format error)`
 * with `file:line` in its message, and the other files still run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runQuery } from '../../src/engine';
import { goldenCatalog, GOLDEN_NOW_MS } from './catalog';
import { checkCase } from './compare';
import type { GoldenCase } from './format';
import { parseGoldenFile } from './format';

const folder = fileURLToPath(new URL('.', import.meta.url));
const files = readdirSync(folder).filter((f) => f.endsWith('.kqltest')).sort();
const catalog = goldenCatalog();

describe('golden', () => {
  it('finds .kqltest files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    let cases: GoldenCase[];
    try {
      cases = parseGoldenFile(file, readFileSync(join(folder, file), 'utf8'));
    } catch (e) {
      const error = e;
      it(`${file} › (format error)`, () => {
        throw error;
      });
      continue;
    }
    for (const c of cases) {
      it(`${file} › ${c.title}`, () => {
        const outcome = runQuery(c.query, catalog, { now: GOLDEN_NOW_MS });
        const failure = checkCase(c, outcome);
        // Why not expect(outcome).toEqual(...): the message must name the row and column.
        if (failure !== null) expect.fail(failure);
      });
    }
  }
});
