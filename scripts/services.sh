# Starts what the test suites talk to, a PostgreSQL and a Redis on loopback, each on a free port
# with its data in a fresh temporary directory, and exports where they are:
#
#   STANDPUNT_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:<port>/postgres
#   STANDPUNT_TEST_REDIS_URL=redis://127.0.0.1:<port>
#
# A variable already set to an address that accepts connections is kept, and that service is not
# started. The Debian packages postgresql and redis-server are installed when missing.
#
# Meant to be sourced by a bash script that runs under `set -euo pipefail`:
#
#   source scripts/services.sh
#
# stop_test_services stops what was started here and removes its directories; it can be called
# more than once and prints nothing to stdout. Sourcing sets `trap stop_test_services EXIT` unless
# the caller has an EXIT trap already: such a caller must call stop_test_services itself. `exec`
# skips the EXIT trap, so call stop_test_services before an exec.

_services_scripts="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# For as_root and apt_install.
# shellcheck source=ensure-tools.sh
source "$_services_scripts/ensure-tools.sh"

_services_pg_dir=""
_services_pg_bin=""
_services_redis_dir=""
_services_redis_pid=""

# PostgreSQL refuses to run as root, so root runs it as the postgres user the package creates.
_services_as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# The newest installed server's bin directory, or nothing.
_services_find_pg_bin() {
  local initdb
  initdb="$(printf '%s\n' /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)"
  if [ -x "$initdb" ]; then
    dirname "$initdb"
  fi
}

# Free now; another process could take it before the server binds, which is unlikely enough.
_services_free_port() {
  node -e '
    const server = require("node:net").createServer();
    server.listen(0, "127.0.0.1", () => {
      console.log(server.address().port);
      server.close();
    });
  '
}

# Whether something accepts TCP connections at the URL's host and port ($2 when it has none).
_services_reachable() {
  node -e '
    const url = new URL(process.argv[1]);
    const socket = require("node:net").connect({
      host: url.hostname.replace(/^\[(.*)\]$/, "$1") || "127.0.0.1",
      port: Number(url.port) || Number(process.argv[2]),
      timeout: 3000,
    });
    socket.on("connect", () => process.exit(0));
    socket.on("timeout", () => process.exit(1));
    socket.on("error", () => process.exit(1));
  ' "$1" "$2" 2>/dev/null
}

# Zombies count as gone: a daemon's exit is reaped by init, on some machines only much later.
_services_alive() {
  local state
  state="$(ps -o stat= -p "$1" 2>/dev/null || true)"
  [ -n "$state" ] && [ "${state#Z}" = "$state" ]
}

# Message, then the logs that say why.
_services_fail() {
  local message="$1" log
  shift
  echo "$message" >&2
  for log in "$@"; do
    if [ -s "$log" ]; then
      echo "--- last lines of $log:" >&2
      tail -n 30 "$log" >&2
    fi
  done
  return 1
}

_services_start_postgres() {
  local bin="$_services_pg_bin" dir port data log
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    _services_fail "Cannot start PostgreSQL: running as root and there is no postgres user"
    return 1
  fi
  dir="$(mktemp -d "${TMPDIR:-/tmp}/standpunt-postgres.XXXXXX")"
  _services_pg_dir="$dir"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$dir"
  fi
  data="$dir/data"
  log="$dir/postgres.log"
  port="$(_services_free_port)"
  # Run from the directory: the postgres user may not be allowed into the caller's.
  if ! (cd "$dir" && _services_as_postgres "$bin/initdb" -D "$data" -A trust -U postgres \
    --encoding=UTF8 --locale=C.UTF-8) >"$dir/initdb.log" 2>&1; then
    # Where the C.UTF-8 locale is not installed.
    rm -rf "$data"
    if ! (cd "$dir" && _services_as_postgres "$bin/initdb" -D "$data" -A trust -U postgres \
      --encoding=UTF8 --locale=C) >"$dir/initdb.log" 2>&1; then
      _services_fail "PostgreSQL: initdb failed" "$dir/initdb.log"
      return 1
    fi
  fi
  if ! (cd "$dir" && _services_as_postgres "$bin/pg_ctl" -D "$data" \
    -o "-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on" \
    -w -l "$log" start) >"$dir/pg_ctl.log" 2>&1; then
    _services_fail "PostgreSQL did not start on 127.0.0.1:$port" "$dir/pg_ctl.log" "$log"
    return 1
  fi
  export STANDPUNT_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
  echo "PostgreSQL $(basename "$(dirname "$bin")") for tests on 127.0.0.1:$port, data in $data" >&2
}

_services_start_redis() {
  local dir port i pid
  dir="$(mktemp -d "${TMPDIR:-/tmp}/standpunt-redis.XXXXXX")"
  _services_redis_dir="$dir"
  port="$(_services_free_port)"
  if ! redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
    --pidfile "$dir/redis.pid" --dir "$dir" --logfile "$dir/redis.log" >"$dir/start.log" 2>&1; then
    _services_fail "Redis did not start on 127.0.0.1:$port" "$dir/start.log" "$dir/redis.log"
    return 1
  fi
  # The PONG must come from this Redis, not from another server that had the port already (and
  # that stop_test_services would then stop). redis-cli waits forever on a server that accepts
  # and never answers, hence the timeouts.
  for i in $(seq 50); do
    pid="$(cat "$dir/redis.pid" 2>/dev/null || true)"
    if [ -n "$pid" ] && [ -z "$_services_redis_pid" ]; then
      # Kept: Redis deletes its pidfile when it stops.
      _services_redis_pid="$pid"
    fi
    if [ -n "$pid" ] &&
      [ "$(timeout 2 redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" = PONG ] &&
      timeout 2 redis-cli -h 127.0.0.1 -p "$port" info server 2>/dev/null | tr -d '\r' |
      grep -qx "process_id:$pid"; then
      export STANDPUNT_TEST_REDIS_URL="redis://127.0.0.1:$port"
      echo "Redis for tests on 127.0.0.1:$port, data in $dir" >&2
      return 0
    fi
    sleep 0.2
  done
  _services_fail "Redis did not come up on 127.0.0.1:$port within 10 s" "$dir/redis.log"
  return 1
}

stop_test_services() {
  local i pid
  if [ -n "$_services_redis_dir" ]; then
    pid="$_services_redis_pid"
    if [ -n "$pid" ]; then
      # By pid, not through the port: only this Redis. With nothing to save, SIGTERM stops it at
      # once. Removing the directory under a Redis still writing its log would race.
      kill -TERM "$pid" 2>/dev/null || true
      for i in $(seq 50); do
        _services_alive "$pid" || break
        sleep 0.1
      done
      if _services_alive "$pid"; then
        kill -KILL "$pid" 2>/dev/null || true
      fi
    fi
    rm -rf "$_services_redis_dir"
    _services_redis_dir=""
    _services_redis_pid=""
  fi
  if [ -n "$_services_pg_dir" ]; then
    if [ -f "$_services_pg_dir/data/postmaster.pid" ]; then
      (cd "$_services_pg_dir" &&
        _services_as_postgres "$_services_pg_bin/pg_ctl" -D "$_services_pg_dir/data" -m fast -w \
          stop) >/dev/null 2>&1 || true
    fi
    # Still there when pg_ctl failed: stop the postmaster without a clean shutdown.
    if [ -f "$_services_pg_dir/data/postmaster.pid" ]; then
      pid="$(head -n 1 "$_services_pg_dir/data/postmaster.pid" 2>/dev/null || true)"
      if [ -n "$pid" ]; then
        kill -QUIT "$pid" 2>/dev/null || true
        for i in $(seq 50); do
          _services_alive "$pid" || break
          sleep 0.1
        done
      fi
    fi
    rm -rf "$_services_pg_dir"
    _services_pg_dir=""
  fi
}

_services_start() {
  local want_pg=true want_redis=true packages=()
  if [ -n "${STANDPUNT_TEST_DATABASE_URL:-}" ]; then
    if _services_reachable "$STANDPUNT_TEST_DATABASE_URL" 5432; then
      want_pg=false
      echo "PostgreSQL for tests: the one at STANDPUNT_TEST_DATABASE_URL" >&2
    else
      echo "STANDPUNT_TEST_DATABASE_URL is set, but nothing answers there: starting a PostgreSQL" >&2
    fi
  fi
  if [ -n "${STANDPUNT_TEST_REDIS_URL:-}" ]; then
    if _services_reachable "$STANDPUNT_TEST_REDIS_URL" 6379; then
      want_redis=false
      echo "Redis for tests: the one at STANDPUNT_TEST_REDIS_URL" >&2
    else
      echo "STANDPUNT_TEST_REDIS_URL is set, but nothing answers there: starting a Redis" >&2
    fi
  fi

  if [ "$want_pg" = true ] && [ -z "$(_services_find_pg_bin)" ]; then
    packages+=(postgresql)
  fi
  if [ "$want_redis" = true ] &&
    ! { command -v redis-server && command -v redis-cli; } >/dev/null 2>&1; then
    # redis-cli is in redis-tools, which redis-server depends on.
    packages+=(redis-server)
  fi
  if [ "${#packages[@]}" -gt 0 ]; then
    echo "Installing ${packages[*]}" >&2
    apt_install --no-install-recommends "${packages[@]}"
  fi

  if [ -z "$(trap -p EXIT)" ]; then
    trap stop_test_services EXIT
  fi
  # The starters are not called as conditions (`|| ...`), which would turn errexit off in them.
  if [ "$want_pg" = true ]; then
    _services_pg_bin="$(_services_find_pg_bin)"
    if [ -z "$_services_pg_bin" ]; then
      _services_fail "PostgreSQL is not in /usr/lib/postgresql/*/bin after installing it"
      return 1
    fi
    _services_start_postgres
  fi
  if [ "$want_redis" = true ]; then
    _services_start_redis
  fi
}

_services_start
