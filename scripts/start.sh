#!/usr/bin/env bash
# Builds Standpunt from a fresh clone and starts it: one process serves the app, the API and the
# collaboration websocket on PORT (default 3000), with its data in DATA_DIR (default ./data).
#
#   bash scripts/start.sh
set -euo pipefail
cd "$(dirname "$0")/.."

export pnpm_config_manage_package_manager_versions=false

bash scripts/ensure-tools.sh
pnpm install --frozen-lockfile
pnpm build
# What `pnpm start` runs, but exec'd directly: pnpm does not pass SIGTERM on to the server, so
# a supervisor stopping this script would leave the server running without a graceful save.
# server/node-flags: a young generation large enough that garbage collection interrupts the
# relaying of keystrokes far less often (see bench/RESULTS.md).
# shellcheck disable=SC2046
exec node $(cat server/node-flags) server/dist/main.js
