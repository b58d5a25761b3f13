#!/usr/bin/env bash
# Usage: infra/redis/stop-temp-redis.sh DIR
#
# Stops the redis-server started by start-temp-redis.sh DIR (SIGTERM to the
# PID in DIR/redis.pid; nothing is saved). No-op if it is not running.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "$0")" && pwd)"
INFRA_TAG=stop-temp-redis
# shellcheck source=../lib/common.sh
. "$SCRIPT_DIR/../lib/common.sh"
# shellcheck source=./common.sh
. "$SCRIPT_DIR/common.sh"

stop_dir_or_exit "$@"

pid="$(redis_live_pid "$DIR")"
if [ -z "$pid" ]; then
  log "no running redis-server for $DIR; nothing to stop"
  remember_port "$DIR"
  rm -f "$DIR/redis.pid"
  exit 0
fi

log "stopping redis-server PID $pid"
kill -TERM "$pid" 2>/dev/null || true
for i in $(seq 1 50); do # up to ~10s
  [ -n "$(redis_live_pid "$DIR")" ] || break
  sleep 0.2
done
if [ -n "$(redis_live_pid "$DIR")" ]; then
  log "redis-server PID $pid did not exit after 10s; sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
fi
remember_port "$DIR"
rm -f "$DIR/redis.pid"
