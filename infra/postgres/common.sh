# shellcheck shell=bash
# Helpers shared by start-temp-postgres.sh / stop-temp-postgres.sh. Source it.

# Sets PG_BIN to a directory with initdb, postgres, pg_ctl, pg_isready, psql.
# Honours $PG_BIN if set; otherwise the newest one provisioning would find (pg_bin_dir in lib/common.sh).
find_pg_bin() {
  if [ -n "${PG_BIN:-}" ]; then
    [ -x "$PG_BIN/pg_ctl" ] || die "PG_BIN=$PG_BIN has no pg_ctl"
    return 0
  fi
  PG_BIN="$(pg_bin_dir)" ||
    die "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin; run infra/provision.sh (apt package 'postgresql')"
}

# Sets PG_RUN_AS: the OS user the server runs as (postgres refuses to run as root).
setup_pg_user() {
  if [ "$(id -u)" -ne 0 ]; then
    PG_RUN_AS=""
    return 0
  fi
  PG_RUN_AS=postgres
  if ! id -u postgres >/dev/null 2>&1; then
    log "creating system user 'postgres' (PostgreSQL refuses to run as root)"
    if getent group postgres >/dev/null 2>&1; then
      useradd --system --gid postgres --home-dir /var/lib/postgresql --no-create-home \
        --shell /bin/bash postgres || die "could not create OS user postgres"
    else
      useradd --system --user-group --home-dir /var/lib/postgresql --no-create-home \
        --shell /bin/bash postgres || die "could not create OS user postgres"
    fi
  fi
}

# Runs a command as the server's OS user (or as ourselves when not root).
as_pg() {
  if [ -n "${PG_RUN_AS:-}" ]; then
    # cd / so tools don't warn about an inaccessible cwd (e.g. /root).
    (cd / && runuser -u "$PG_RUN_AS" -- "$@")
  else
    "$@"
  fi
}

# Prints "running" / "stopped" for DATA dir (pg_ctl status exit 0 = running).
# A killed postmaster can linger as a zombie until reaped; count that as stopped.
pg_state() {
  local pid
  if [ -f "$1/PG_VERSION" ] && as_pg "$PG_BIN/pg_ctl" status -D "$1" >/dev/null 2>&1; then
    pid="$(sed -n 1p "$1/postmaster.pid" 2>/dev/null || true)"
    if [ -n "$pid" ] && grep -q '^State:[[:space:]]*Z' "/proc/$pid/status" 2>/dev/null; then
      echo stopped
    else
      echo running
    fi
  else
    echo stopped
  fi
}

# A postmaster that was killed (e.g. kill -9) stays a zombie until its parent
# (often PID 1) reaps it; while it exists, a new postmaster refuses to start
# ("lock file postmaster.pid already exists"). Wait (bounded) for it to go.
wait_stale_postmaster() { # wait_stale_postmaster DATA
  local pid i
  pid="$(sed -n 1p "$1/postmaster.pid" 2>/dev/null || true)"
  [ -n "$pid" ] || return 0
  for i in $(seq 1 100); do # up to ~20s
    grep -q '^State:[[:space:]]*Z' "/proc/$pid/status" 2>/dev/null || return 0
    [ "$i" -eq 1 ] && log "waiting for the previous (killed) postmaster PID $pid to be reaped..."
    sleep 0.2
  done
  die "old postmaster PID $pid in $1 is still a zombie after 20s; cannot start a new server"
}
