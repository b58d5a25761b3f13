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
