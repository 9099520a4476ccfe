/**
 * End-to-end tests: real Chromium (the operating system's, see scripts/ensure-tools.sh)
 * against the built server, which every test starts for itself on a free port with a fresh
 * data dir (support/fixtures.ts). Build first: `pnpm build`.
 */
import { defineConfig, type ReporterDescription } from '@playwright/test';

const jsonReport = process.env.E2E_JSON_REPORT;
const reporter: ReporterDescription[] = [['list']];
if (jsonReport) reporter.push(['json', { outputFile: jsonReport }]);

export default defineConfig({
  testDir: 'tests',
  outputDir: '../test-results/e2e',
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Two cores: each test runs its own server and up to two browser contexts.
  workers: process.env.CI ? 1 : 2,
  // Generous: typing goes key by key, and CI machines can be busy.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter,
  use: {
    browserName: 'chromium',
    locale: 'nl-NL',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
