# shellcheck shell=bash
# Shared helpers for infra/ scripts. Source it; do not execute it.
# All messages go to stderr so that stdout stays machine-readable.

_infra_tag="${INFRA_TAG:-$(basename "${BASH_SOURCE[1]:-$0}" .sh)}"

log() { printf '[%s] %s\n' "$_infra_tag" "$*" >&2; }
die() { printf '[%s] ERROR: %s\n' "$_infra_tag" "$*" >&2; exit 1; }

# Turns DIR into an absolute path, creating it if needed.
abs_dir() {
  local d="$1"
  [ -n "$d" ] || die "directory argument is empty"
  mkdir -p -- "$d" || die "cannot create directory $d"
  (cd -- "$d" && pwd -P)
}

# The newest /usr/lib/postgresql/*/bin that has every tool the project runs (initdb, postgres, pg_ctl, pg_isready,
# psql); prints nothing when there is none. Provisioning and the temporary servers use this one finder.
pg_bin_dir() {
  local d best="" t ok
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do
    ok=1
    for t in initdb postgres pg_ctl pg_isready psql; do [ -x "$d/$t" ] || ok=""; done
    if [ -n "$ok" ]; then best="$d"; fi
  done
  [ -n "$best" ] && printf '%s\n' "$best"
}

# For the stop-temp-* scripts: sets DIR to the absolute path of their one argument, or exits 0 when that folder does
# not exist (nothing was ever started there).
stop_dir_or_exit() {
  [ $# -eq 1 ] || die "usage: $0 DIR"
  if [ ! -d "$1" ]; then
    log "$1 does not exist; nothing to stop"
    exit 0
  fi
  DIR="$(cd -- "$1" && pwd -P)"
}

# Keeps the port a stopped temporary server had (DIR/port becomes DIR/last-port), so a restart takes it again.
remember_port() {
  if [ -f "$1/port" ]; then mv -f "$1/port" "$1/last-port"; fi
}

# Prints a TCP port on 127.0.0.1 that was free a moment ago.
# (Small race window: callers retry with a new port if binding fails.)
free_port() {
  local p=""
  if command -v node >/dev/null 2>&1; then
    # --input-type=commonjs: immune to a "type": "module" package.json in cwd.
    p="$(node --input-type=commonjs -e '
      const s = require("net").createServer();
      s.listen(0, "127.0.0.1", () => { process.stdout.write(String(s.address().port)); s.close(); });
    ' 2>/dev/null)" || p=""
  fi
  if [ -z "$p" ] && command -v python3 >/dev/null 2>&1; then
    p="$(python3 -c '
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
' 2>/dev/null)" || p=""
  fi
  case "$p" in
    '' | *[!0-9]*) die "could not find a free TCP port (need node or python3)" ;;
  esac
  printf '%s\n' "$p"
}

# The project runs on Node 24 LTS, which `npm ci` installs into node_modules (the `node` package): put it first on
# PATH, so that this script and everything it starts (npx, tsx, vitest) use it, and refuse an older one. Node 24's
# ICU carries the time zone data the schedule depends on (tz 2026c: Alberta keeps UTC-6 all year).
use_project_node() {
  local root major
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
  if [ -x "$root/node_modules/.bin/node" ]; then PATH="$root/node_modules/.bin:$PATH"; export PATH; fi
  command -v node >/dev/null 2>&1 || die "node is not on PATH; run 'npm ci' first (it installs Node 24 into node_modules)"
  major="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$major" -ge 24 ] || die "Node $(node --version) would run Red Mug; it needs Node 24 LTS. Run 'npm ci' (it installs Node 24 into node_modules) and try again."
}

# Prints the path of a livekit-server binary, building it into .tools/ the first time (minutes); fails if it can't.
livekit_bin() {
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
  bash "$root/infra/livekit/ensure-livekit.sh" | tail -n 1
}

# Builds the client that the server serves (and the browser tests load).
build_client() {
  log "building the client…"
  npx vite build --config client/vite.config.ts --logLevel warn
}

# The path of libfaketime's shared library (Debian's faketime package), for LD_PRELOAD.
faketime_lib() {
  local lib
  for lib in /usr/lib/*/faketime/libfaketime.so.1 /usr/lib/faketime/libfaketime.so.1; do
    [ -f "$lib" ] && { printf '%s\n' "$lib"; return 0; }
  done
  die "libfaketime is missing; infra/provision.sh installs it (apt: faketime)"
}
