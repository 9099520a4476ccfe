#!/usr/bin/env bash
# Everything CI checks, in order: formatting, types and build, unit and integration tests
# (vitest; the server's integration tests a second time on PostgreSQL), end-to-end tests
# (Playwright against the built server in Chromium). The suites get a
# PostgreSQL and a Redis on loopback (scripts/services.sh), stopped when the run ends. Formatting
# and type errors stop the run at once; both test suites always run, and the last line printed is
#
#   Tests: N passed, M failed
#
# The exit status is non-zero when a check or a test failed, or when no test ran at all.
# JSON reports are kept in $TEST_RESULTS_DIR (default: test-results/ in the repo).
#
#   bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

export pnpm_config_manage_package_manager_versions=false

bash scripts/ensure-tools.sh --browser
if [ -z "${CHROMIUM_PATH:-}" ]; then
  CHROMIUM_PATH="$(command -v chromium)"
  export CHROMIUM_PATH
fi

pnpm install --frozen-lockfile
pnpm exec prettier --check .
pnpm build

# Exports STANDPUNT_TEST_DATABASE_URL and STANDPUNT_TEST_REDIS_URL.
source scripts/services.sh

results="${TEST_RESULTS_DIR:-$root/test-results}"
mkdir -p "$results"
results="$(cd "$results" && pwd)"
vitest_report="$results/vitest.json"
vitest_pg_report="$results/vitest-postgres.json"
playwright_report="$results/playwright.json"
rm -f "$vitest_report" "$vitest_pg_report" "$playwright_report"

vitest_status=0
pnpm exec vitest run --passWithNoTests \
  --reporter=default --reporter=json --outputFile.json="$vitest_report" ||
  vitest_status=$?

# The server's integration tests once more, on PostgreSQL. Left out: the tests of the data
# directory's own files (damaged files, backup and restore of DATA_DIR), which only the
# embedded backend has.
vitest_pg_status=0
STANDPUNT_TEST_BACKEND=postgres pnpm exec vitest run server/test \
  --exclude server/test/damagedStorage.test.ts --exclude server/test/backupRestore.test.ts --exclude server/test/multiProcess.test.ts --exclude server/test/multiProcessChaos.test.ts \
  --reporter=default --reporter=json --outputFile.json="$vitest_pg_report" ||
  vitest_pg_status=$?

playwright_status=0
# @playwright/test is a dependency of the e2e package, so its binary runs from there.
E2E_JSON_REPORT="$playwright_report" pnpm --filter @standpunt/e2e exec playwright test ||
  playwright_status=$?

# Not exec, which would skip stopping the services (and the EXIT trap).
summary_status=0
node scripts/summarize-tests.mjs \
  vitest "$vitest_report" "$vitest_status" \
  vitest:postgres "$vitest_pg_report" "$vitest_pg_status" \
  playwright "$playwright_report" "$playwright_status" ||
  summary_status=$?
stop_test_services
exit "$summary_status"
