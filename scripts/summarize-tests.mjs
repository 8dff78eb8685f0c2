// Prints one line `N passed, M failed` from the unit (Vitest) and end-to-end (Playwright) JSON
// reports, so CI reports one count for both. A report that is missing counts as one failure
// (the step did not run or crashed before reporting).
import { existsSync, readFileSync } from 'node:fs';

function read(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];

const unit = read('reports/unit.json');
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += unit.numPendingTests + (unit.numTodoTests ?? 0);
  if (unit.success === false && unit.numFailedTests === 0) failed += 1; // e.g. a suite that failed to load
} else missing.push('unit');

const e2e = read('reports/e2e.json');
if (e2e) {
  passed += e2e.stats.expected + (e2e.stats.flaky ?? 0);
  failed += e2e.stats.unexpected;
  skipped += e2e.stats.skipped;
  if ((e2e.errors ?? []).length > 0 && e2e.stats.unexpected === 0) failed += 1; // global setup / web server failure
} else missing.push('e2e');

failed += missing.length;
if (missing.length > 0) console.log(`(no report from: ${missing.join(', ')})`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
