# shellcheck shell=bash
# Helpers shared by start-temp-redis.sh / stop-temp-redis.sh. Source it.

# Prints the PID from DIR/redis.pid if that process is alive and is a
# redis-server (not a zombie, not a recycled PID); prints nothing otherwise.
redis_live_pid() { # redis_live_pid DIR
  local pid comm
  pid="$(cat "$1/redis.pid" 2>/dev/null || true)"
  case "$pid" in '' | *[!0-9]*) return 0 ;; esac
  comm="$(cat "/proc/$pid/comm" 2>/dev/null || true)"
  case "$comm" in redis-server*) ;; *) return 0 ;; esac
  grep -q '^State:[[:space:]]*Z' "/proc/$pid/status" 2>/dev/null && return 0
  printf '%s\n' "$pid"
}
