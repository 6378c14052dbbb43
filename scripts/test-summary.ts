// Prints one closing line for the whole `npm test` run ("Tests: N passed, N failed") from the JSON
// reports of the unit, Firefox, e2e and live-emulator runs, so a CI log states what was executed.
import { existsSync, readFileSync } from 'node:fs';

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

const reports = [
  'artifacts/test-results/unit.json',
  'artifacts/test-results/e2e.json',
  'artifacts/test-results/firefox.json',
  'artifacts/test-results/live-emulator.json',
];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of reports) {
  if (!existsSync(file)) {
    console.error(`missing test report ${file}`);
    process.exit(1);
  }
  const report = JSON.parse(readFileSync(file, 'utf8')) as VitestReport;
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
}
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
