#!/usr/bin/env bash
# Usage: infra/postgres/start-temp-postgres.sh DIR
#
# Starts a throwaway PostgreSQL server for tests (idempotent):
#   - cluster in DIR/data (initdb only if not yet initialised), superuser
#     "postgres", trust auth, fsync off
#   - listens on 127.0.0.1 on a free TCP port (the same one again when restarted); unix socket in DIR
#   - log in DIR/postgres.log, port in DIR/port
#   - creates database redmug_test
# Prints exactly one line on stdout:
#   postgres://postgres@127.0.0.1:PORT/redmug_test
# If the server in DIR is already running, just prints its URL.
# When run as root the server runs as OS user "postgres" (created if absent),
# and DIR is chown'ed to it; every parent of DIR must be traversable by it.
# Stop with infra/postgres/stop-temp-postgres.sh DIR.
# Env: PG_BIN=/path/to/bin to choose the PostgreSQL binaries.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "$0")" && pwd)"
INFRA_TAG=start-temp-postgres
# shellcheck source=../lib/common.sh
. "$SCRIPT_DIR/../lib/common.sh"
# shellcheck source=./common.sh
. "$SCRIPT_DIR/common.sh"

DB_NAME=redmug_test

[ $# -eq 1 ] || die "usage: $0 DIR"
DIR="$(abs_dir "$1")"
DATA="$DIR/data"

case "$DIR" in *\'* | *\\*) die "DIR must not contain quotes or backslashes: $DIR" ;; esac
# Unix socket paths are limited to 107 bytes: DIR/.s.PGSQL.NNNNN
if [ $(( ${#DIR} + 17 )) -gt 107 ]; then
  die "DIR path is too long for a unix socket (${#DIR} chars, max 90): $DIR"
fi

find_pg_bin
setup_pg_user
log "using PostgreSQL binaries in $PG_BIN"

# Hand DIR to the server user and make sure it can actually reach it.
if [ -n "$PG_RUN_AS" ]; then
  chown "$PG_RUN_AS:" "$DIR"
  chmod 700 "$DIR"
  if [ -d "$DATA" ]; then chown -R "$PG_RUN_AS:" "$DATA"; fi
  as_pg test -w "$DIR" -a -x "$DIR" ||
    die "OS user $PG_RUN_AS cannot access $DIR (a parent directory is not traversable, e.g. under /root); use a directory under /tmp"
fi

psql_q() { # psql_q PORT SQL -> prints result
  "$PG_BIN/psql" -X -q -At -h 127.0.0.1 -p "$1" -U postgres -d postgres -v ON_ERROR_STOP=1 -c "$2"
}

wait_ready() { # wait_ready PORT [TRIES] -> 0 when accepting connections
  local i
  for i in $(seq 1 "${2:-100}"); do # 0.2s apart: up to ~20s by default
    if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$1" -U postgres -d postgres; then
      return 0
    fi
    sleep 0.2
  done
  return 1
}

ensure_db_and_print() { # ensure_db_and_print PORT
  local port="$1"
  if [ "$(psql_q "$port" "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" != 1 ]; then
    log "creating database $DB_NAME"
    psql_q "$port" "CREATE DATABASE $DB_NAME" >&2 || die "could not create database $DB_NAME"
  fi
  printf 'postgres://postgres@127.0.0.1:%s/%s\n' "$port" "$DB_NAME"
}

# Already running? Reuse it.
if [ "$(pg_state "$DATA")" = running ]; then
  # Line 4 of postmaster.pid is the port.
  port="$(sed -n 4p "$DATA/postmaster.pid" 2>/dev/null || true)"
  [ -n "$port" ] || die "server in $DATA is running but its port is unknown"
  log "server in $DATA is already running on port $port"
  if wait_ready "$port" 50; then
    ensure_db_and_print "$port"
    exit 0
  fi
  log "it does not accept connections on 127.0.0.1:$port; stopping it (immediate) and starting afresh"
  as_pg "$PG_BIN/pg_ctl" stop -D "$DATA" -m immediate -w -t 30 >&2 || true
  [ "$(pg_state "$DATA")" = stopped ] || die "could not stop the unresponsive server in $DATA (see $DIR/postgres.log)"
fi

# Initialise (a leftover, half-initialised data dir is thrown away).
if [ ! -f "$DATA/PG_VERSION" ]; then
  if [ -e "$DATA" ]; then
    log "removing incomplete data directory $DATA"
    rm -rf -- "$DATA"
  fi
  log "initialising new cluster in $DATA"
  as_pg "$PG_BIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 --no-sync >"$DIR/initdb.log" 2>&1 ||
    { cat "$DIR/initdb.log" >&2; die "initdb failed"; }
  # Settings that do not change between starts (the port is given per start).
  cat >>"$DATA/postgresql.conf" <<EOF

# --- added by infra/postgres/start-temp-postgres.sh (throwaway test server) ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$DIR'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
EOF
  # Trust only loopback (initdb --auth=trust already does; keep it explicit).
  cat >"$DATA/pg_hba.conf" <<'EOF'
# TYPE  DATABASE  USER  ADDRESS        METHOD
local   all       all                  trust
host    all       all   127.0.0.1/32   trust
host    all       all   ::1/128        trust
local   replication all                trust
host    replication all 127.0.0.1/32   trust
EOF
  if [ -n "$PG_RUN_AS" ]; then chown "$PG_RUN_AS:" "$DATA/postgresql.conf" "$DATA/pg_hba.conf"; fi
fi

# Start on the port of the previous start when there was one (a restarted server keeps its URL, as fault tests
# need), else on a free port; retry with another port if someone grabbed it meanwhile.
started=""
previous_port="$(cat "$DIR/port" "$DIR/last-port" 2>/dev/null | head -n 1 || true)"
for attempt in 1 2 3; do
  wait_stale_postmaster "$DATA"
  if [ "$attempt" = 1 ] && [ -n "$previous_port" ]; then port="$previous_port"; else port="$(free_port)"; fi
  log "starting PostgreSQL on 127.0.0.1:$port (log: $DIR/postgres.log)"
  if as_pg "$PG_BIN/pg_ctl" start -D "$DATA" -w -t 60 -l "$DIR/postgres.log" \
    -o "-p $port" >&2; then
    started=1
    break
  fi
  log "start attempt $attempt failed; last log lines:"
  tail -n 5 "$DIR/postgres.log" >&2 || true
  sleep 1
  if [ "$(pg_state "$DATA")" = running ]; then
    as_pg "$PG_BIN/pg_ctl" stop -D "$DATA" -m immediate >&2 || true
  fi
done
[ -n "$started" ] || die "could not start PostgreSQL (see $DIR/postgres.log)"

wait_ready "$port" || die "PostgreSQL did not accept connections on 127.0.0.1:$port (see $DIR/postgres.log)"
printf '%s\n' "$port" >"$DIR/port"
ensure_db_and_print "$port"
