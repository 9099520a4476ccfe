#!/usr/bin/env bash
# Installs what building and testing Standpunt needs and is not in the repo: pnpm at the version
# pinned in package.json and, with --browser, Chromium for the end-to-end tests. Idempotent:
# does nothing when the tools are already there.
#
#   bash scripts/ensure-tools.sh [--browser]
#
# Sourced, it only defines as_root and apt_install (scripts/services.sh installs with them).

# Without sudo, the command runs as is and fails with its own permission error.
as_root() {
  if [ "$(id -u)" -eq 0 ] || ! command -v sudo >/dev/null 2>&1; then
    "$@"
  else
    sudo "$@"
  fi
}

# Installs Debian packages: takes apt-get install's arguments. The package lists of a fresh
# image are empty or stale, hence the update.
apt_install() {
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  return 0
fi

set -euo pipefail

PNPM_VERSION=12.4.2

want_browser=false
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=true ;;
    *)
      echo "usage: $0 [--browser]" >&2
      exit 2
      ;;
  esac
done

# A newer global pnpm would otherwise try to switch versions or refuse the lockfile.
export pnpm_config_manage_package_manager_versions=false
# Where pnpm comes through corepack: its bundled signing keys are older than the release.
export COREPACK_INTEGRITY_KEYS=0

current_pnpm="$(pnpm --version 2>/dev/null || true)"
if [ "$current_pnpm" != "$PNPM_VERSION" ]; then
  echo "Installing pnpm $PNPM_VERSION (found: ${current_pnpm:-none})"
  if [ -w "$(npm prefix -g)" ]; then
    npm install --global --no-fund --no-audit "pnpm@$PNPM_VERSION"
  else
    as_root npm install --global --no-fund --no-audit "pnpm@$PNPM_VERSION"
  fi
  hash -r
  installed="$(pnpm --version)"
  if [ "$installed" != "$PNPM_VERSION" ]; then
    echo "pnpm $PNPM_VERSION was installed, but 'pnpm' on PATH is $installed" >&2
    exit 1
  fi
fi

if [ "$want_browser" = true ]; then
  # The browser comes from the operating system's packages: the test runner's own browser
  # download is not used.
  if [ -n "${CHROMIUM_PATH:-}" ]; then
    if [ ! -x "$CHROMIUM_PATH" ]; then
      echo "CHROMIUM_PATH is set to $CHROMIUM_PATH, which is not an executable" >&2
      exit 1
    fi
  elif ! command -v chromium >/dev/null 2>&1; then
    echo "Installing Chromium"
    apt_install chromium
  fi
fi
