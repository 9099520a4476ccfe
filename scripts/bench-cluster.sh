#!/usr/bin/env bash
# `pnpm bench:cluster [-- --only a,b] [--quick]`: the bench of our server on the file store, on
# PostgreSQL, and as two processes on one PostgreSQL and one Redis (bench/src/cluster/main.ts).
# Starts the PostgreSQL and Redis the tests use (scripts/services.sh; stopped again on exit);
# the bench makes a fresh database on it for every configuration and scenario.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=services.sh
source scripts/services.sh

# Not exec: the EXIT trap that stops the services must still run.
pnpm --filter @standpunt/bench cluster "$@"
