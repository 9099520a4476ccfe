#!/usr/bin/env node
/**
 * Adds up the JSON reports of the test suites into one line, `Tests: N passed, M failed`, and
 * exits non-zero when a test failed, a suite failed without a failing test (a file that did not
 * load, a crashed global setup), a report is missing, or no test ran at all.
 *
 *   node scripts/summarize-tests.mjs <vitest|playwright>[:label] <report.json> <exit status> [...]
 *
 * A label names one of several runs of the same runner (e.g. `vitest:postgres`).
 */
import { readFileSync } from 'node:fs';

/** @typedef {{ passed: number, failed: number, skipped: number, seconds: number | null }} Counts */

/** Vitest writes Jest's JSON shape. @returns {Counts} */
function vitestCounts(report) {
  const started = Number(report.startTime);
  const ended = Math.max(started, ...(report.testResults ?? []).map((file) => file.endTime ?? 0));
  // A test file that failed to load has no failing test of its own: count it as one failure.
  const brokenFiles = (report.testResults ?? []).filter(
    (file) =>
      file.status === 'failed' &&
      !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
  ).length;
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + brokenFiles,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    seconds: Number.isFinite(started) && ended > started ? (ended - started) / 1000 : null,
  };
}

/** Playwright's JSON reporter: `expected` passed, `flaky` passed on a retry. @returns {Counts} */
function playwrightCounts(report) {
  const stats = report.stats ?? {};
  return {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: stats.unexpected ?? 0,
    skipped: stats.skipped ?? 0,
    seconds: typeof stats.duration === 'number' ? stats.duration / 1000 : null,
  };
}

const readers = { vitest: vitestCounts, playwright: playwrightCounts };

const args = process.argv.slice(2);
if (args.length === 0 || args.length % 3 !== 0) {
  console.error('usage: summarize-tests.mjs <vitest|playwright> <report.json> <exit status> [...]');
  process.exit(2);
}

let passed = 0;
let failed = 0;
for (let i = 0; i < args.length; i += 3) {
  const [suite, file, statusText] = /** @type {[string, string, string]} */ (args.slice(i, i + 3));
  const kind = suite.split(':')[0];
  const read = readers[/** @type {keyof typeof readers} */ (kind)];
  if (!read) {
    console.error(`unknown suite kind "${kind}"`);
    process.exit(2);
  }
  const status = Number(statusText);

  /** @type {Counts} */
  let counts;
  try {
    counts = read(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    // A runner that wrote no report did not finish: count it as one failure.
    console.log(`${suite}: no report (${error instanceof Error ? error.message : error})`);
    counts = { passed: 0, failed: 1, skipped: 0, seconds: null };
  }
  if (status !== 0 && counts.failed === 0) {
    // The runner failed without naming a failing test: count the suite itself as one failure.
    console.log(`${suite}: exited with status ${status} without a failing test`);
    counts.failed = 1;
  }

  const time = counts.seconds === null ? '' : ` in ${counts.seconds.toFixed(1)} s`;
  console.log(
    `${suite}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped${time}`,
  );
  passed += counts.passed;
  failed += counts.failed;
}

if (passed + failed === 0) console.log('No tests ran.');
console.log(`Tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed + failed === 0 ? 1 : 0);
