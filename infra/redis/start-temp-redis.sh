#!/usr/bin/env bash
# Usage: infra/redis/start-temp-redis.sh DIR
#
# Starts a throwaway redis-server for tests (idempotent): bound to 127.0.0.1 on
# a free TCP port (the same one again when restarted), no persistence unless
# REDIS_PERSIST=1 (then an append-only file fsynced on every write), daemonized with
# pidfile DIR/redis.pid, log DIR/redis.log, port recorded in DIR/port.
# Prints exactly one line on stdout:  redis://127.0.0.1:PORT
# If the server for DIR is already running, just prints its URL.
# Stop with infra/redis/stop-temp-redis.sh DIR.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "$0")" && pwd)"
INFRA_TAG=start-temp-redis
# shellcheck source=../lib/common.sh
. "$SCRIPT_DIR/../lib/common.sh"
# shellcheck source=./common.sh
. "$SCRIPT_DIR/common.sh"

[ $# -eq 1 ] || die "usage: $0 DIR"
DIR="$(abs_dir "$1")"

REDIS_SERVER="$(command -v redis-server 2>/dev/null || true)"
REDIS_CLI="$(command -v redis-cli 2>/dev/null || true)"
[ -n "$REDIS_SERVER" ] || die "redis-server not found; run infra/provision.sh (apt package redis-server)"
[ -n "$REDIS_CLI" ] || die "redis-cli not found; run infra/provision.sh (apt package redis-tools)"

ping_ok() { # ping_ok PORT
  [ "$("$REDIS_CLI" -h 127.0.0.1 -p "$1" ping 2>/dev/null)" = PONG ]
}

wait_pong() { # wait_pong PORT -> 0 once it answers PONG (~10s max)
  local i
  for i in $(seq 1 50); do
    ping_ok "$1" && return 0
    sleep 0.2
  done
  return 1
}

# Already running? Reuse it.
pid="$(redis_live_pid "$DIR")"
if [ -n "$pid" ]; then
  port="$(cat "$DIR/port" 2>/dev/null || true)"
  if [ -n "$port" ] && wait_pong "$port"; then
    log "redis-server for $DIR already running (PID $pid, port $port)"
    printf 'redis://127.0.0.1:%s\n' "$port"
    exit 0
  fi
  die "redis-server PID $pid (pidfile $DIR/redis.pid) is running but does not answer on port '${port:-?}'; stop it with $SCRIPT_DIR/stop-temp-redis.sh $DIR"
fi
previous_port="$(cat "$DIR/port" "$DIR/last-port" 2>/dev/null | head -n 1 || true)"
rm -f "$DIR/redis.pid" "$DIR/port"

# Persistence for fault tests: REDIS_PERSIST=1 writes an append-only file fsynced on every write, so a
# killed and restarted server comes back with its state. Off by default (throwaway test data).
persist=(--save "" --appendonly no)
# Snapshots (and an AOF's RDB preamble) are written uncompressed, so a test can search the files on disk for text
# that must never reach them (tests/e2e/confidentiality.test.ts); LZF would hide it from a plain search.
if [ "${REDIS_PERSIST:-0}" = 1 ]; then persist=(--save "" --appendonly yes --appendfsync always --rdbcompression no); fi

for attempt in 1 2 3; do
  # A restart keeps the previous port, so clients configured with its URL find it again.
  if [ "$attempt" = 1 ] && [ -n "$previous_port" ]; then port="$previous_port"; else port="$(free_port)"; fi
  log "starting redis-server on 127.0.0.1:$port (log: $DIR/redis.log)"
  "$REDIS_SERVER" \
    --bind 127.0.0.1 --port "$port" --protected-mode yes \
    --dir "$DIR" --daemonize yes --pidfile "$DIR/redis.pid" --logfile "$DIR/redis.log" \
    "${persist[@]}" >&2 || true
  if wait_pong "$port"; then
    printf '%s\n' "$port" >"$DIR/port"
    printf 'redis://127.0.0.1:%s\n' "$port"
    exit 0
  fi
  log "start attempt $attempt failed; last log lines:"
  tail -n 5 "$DIR/redis.log" >&2 2>/dev/null || true
  # Don't leave a half-started server behind.
  pid="$(redis_live_pid "$DIR")"
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; sleep 0.5; fi
  rm -f "$DIR/redis.pid"
done
die "could not start redis-server (see $DIR/redis.log)"
