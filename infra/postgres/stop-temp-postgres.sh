#!/usr/bin/env bash
# Usage: infra/postgres/stop-temp-postgres.sh DIR
#
# Stops the throwaway server started by start-temp-postgres.sh DIR
# (pg_ctl stop -m fast). No-op if DIR does not exist or nothing is running.
# Leaves DIR in place (rm -rf it yourself to discard the data).
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "$0")" && pwd)"
INFRA_TAG=stop-temp-postgres
# shellcheck source=../lib/common.sh
. "$SCRIPT_DIR/../lib/common.sh"
# shellcheck source=./common.sh
. "$SCRIPT_DIR/common.sh"

stop_dir_or_exit "$@"
DATA="$DIR/data"

if [ ! -f "$DATA/PG_VERSION" ]; then
  log "no cluster in $DATA; nothing to stop"
  exit 0
fi

find_pg_bin
if [ "$(id -u)" -eq 0 ]; then
  # Run pg_ctl as whoever owns the data directory (root cannot run pg_ctl).
  PG_RUN_AS="$(stat -c %U "$DATA")"
  [ "$PG_RUN_AS" != root ] || die "$DATA is owned by root; cannot run pg_ctl as root"
else
  PG_RUN_AS=""
fi

if [ "$(pg_state "$DATA")" != running ]; then
  log "PostgreSQL in $DATA is not running; nothing to stop"
  exit 0
fi

log "stopping PostgreSQL in $DATA"
as_pg "$PG_BIN/pg_ctl" stop -D "$DATA" -m fast -w -t 60 >&2 ||
  die "pg_ctl stop failed (see $DIR/postgres.log)"
remember_port "$DIR"
