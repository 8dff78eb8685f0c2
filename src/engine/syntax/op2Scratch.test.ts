// Temporary scratch file of engineer operators2 (deleted before the report).
import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runQuery } from '../index';
import { rowsOf } from '../table/rows';
import { TEST_CATALOG, TEST_NOW } from '../functions/queryTestKit';

it('scratch', () => {
  const queries = readFileSync('/tmp/op2/q.kql', 'utf8').split('\n====\n');
  for (const q of queries) {
    const out = runQuery(q, TEST_CATALOG, { now: TEST_NOW });
    console.log('>>> ' + q);
    if (!out.ok) console.log('ERR', out.error.code, out.error.message);
    else for (const t of out.tables) console.log(t.columns.map((c) => `${c.name}:${c.type}`).join(', '), '\n' + rowsOf(t).map((r) => JSON.stringify(r)).join('\n'));
  }
});
