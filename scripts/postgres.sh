#!/usr/bin/env bash
# A throwaway PostgreSQL 15 on loopback, for the persistence tests (tests/KubeCore.Api.Tests).
#
#   eval "$(bash scripts/postgres.sh start)"   # prints: export KUBECORE_TEST_POSTGRES=...; export KUBECORE_PG_DIR=...
#   eval "$(bash scripts/postgres.sh start --durable)"   # the same with PostgreSQL's default durability, for load budgets
#   bash scripts/postgres.sh stop "$KUBECORE_PG_DIR"
#
# Test mode (the default) turns durability off (fsync, synchronous_commit, full_page_writes): fast, and a crash may lose
# the data, which a throwaway test server does not mind. --durable keeps PostgreSQL's defaults (all three on, data and
# WAL flushed to disk on commit; initdb syncs too): what production runs, and what the load budgets in
# docs/PERFORMANCE.md are stated for.
#
# start: installs postgresql-15 with apt-get when its binaries are missing (needs root), runs initdb as the
# postgres user into a temp folder, starts the server on 127.0.0.1 at a free port with its socket in that
# folder (trust authentication: loopback only, throwaway data), and prints the environment for the tests.
# stop: stops the server (immediate) and deletes the folder. Diagnostics go to stderr.
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

ensure_binaries() {
  if [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ]; then
    return
  fi
  echo "postgres.sh: installing postgresql-15 (binaries not found under $PG_BIN)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y postgresql-15 >&2 || { apt-get update >&2 && apt-get install -y postgresql-15 >&2; }
}

start() {
  local durable=${1:-}
  case "$durable" in
    "" | --durable) ;;
    *) echo "usage: $0 start [--durable] | stop DIR" >&2; return 2 ;;
  esac
  local sync=--no-sync settings="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  if [ "$durable" = --durable ]; then
    sync="" settings=""
  fi
  ensure_binaries
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  local dir
  dir=$(mktemp -d /tmp/kubecore-pg.XXXXXX)
  chown postgres:postgres "$dir"
  chmod 700 "$dir"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 $sync >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; rm -rf "$dir"; return 1; }
  local port attempt
  for attempt in 1 2 3 4 5; do
    port=$(( 20000 + RANDOM % 40000 ))
    if runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-k $dir -p $port -h 127.0.0.1 $settings -c max_connections=200" start >&2; then
      echo "export KUBECORE_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres'"
      echo "export KUBECORE_PG_DIR='$dir'"
      echo "postgres.sh: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($dir), ${durable:-test mode (fsync=off)}" >&2
      return 0
    fi
    echo "postgres.sh: start on port $port failed (attempt $attempt)" >&2
    tail -5 "$dir/server.log" >&2 || true
  done
  rm -rf "$dir"
  return 1
}

stop() {
  local dir=${1:-}
  [ -n "$dir" ] && [ -d "$dir" ] || return 0
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start "${2:-}" ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start [--durable] | stop DIR" >&2; exit 2 ;;
esac
