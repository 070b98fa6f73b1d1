#!/usr/bin/env node
// Runs the whole vitest suite and ends with the plain line `N passed, N failed` that CI reads
// (vitest's own summary is not a format it recognises). A run in which no test executed fails:
// a mis-wired project list would otherwise pass silently.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const resultsFile = `${root}.vitest-results.json`;
rmSync(resultsFile, { force: true });

const vitest = spawnSync(
  process.execPath,
  [`${root}node_modules/vitest/vitest.mjs`, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${resultsFile}`, ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : process.env.FORCE_COLOR } },
);

let results;
try {
  results = JSON.parse(readFileSync(resultsFile, 'utf8'));
} catch (error) {
  console.error(`run-tests: vitest wrote no readable JSON report at ${resultsFile} (${error.message}).`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const passed = results.numPassedTests ?? 0;
const failed = (results.numFailedTests ?? 0) + (results.numRuntimeErrorTests ?? 0);
const skipped = (results.numPendingTests ?? 0) + (results.numTodoTests ?? 0);
const suitesFailed = results.numFailedTestSuites ?? 0;

if (passed + failed === 0) {
  console.error('run-tests: no test executed; check vitest.workspace.ts.');
}
if (suitesFailed > 0) {
  console.error(`run-tests: ${suitesFailed} test file(s) failed to run.`);
}
if (skipped > 0) console.log(`run-tests: ${skipped} test(s) skipped.`);
// The last line is exactly the summary CI reads.
console.log(`${passed} passed, ${failed + (failed === 0 ? suitesFailed : 0)} failed`);
process.exit(vitest.status === 0 && failed === 0 && suitesFailed === 0 && passed > 0 ? 0 : 1);
