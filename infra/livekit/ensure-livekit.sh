#!/usr/bin/env bash
# Usage: infra/livekit/ensure-livekit.sh
#
# Prints (last line of stdout) the absolute path of a livekit-server v1.13.5
# binary. Lookup order:
#   1. `livekit-server` on PATH
#   2. <repo>/.tools/server                (left by a previous run)
#   3. GOBIN=<repo>/.tools go install github.com/livekit/livekit-server/cmd/server@v1.13.5
#      (several minutes on a cold Go cache; needs Go >= the version livekit requires)
# Exits 1 with a message on stderr if go is missing or the build fails.
set -euo pipefail

LIVEKIT_VERSION="1.13.5"
LIVEKIT_PKG="github.com/livekit/livekit-server/cmd/server@v${LIVEKIT_VERSION}"

SCRIPT_DIR="$(cd "$(dirname "$0")" && pwd)"
REPO_ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
TOOLS_DIR="$REPO_ROOT/.tools"
TOOLS_BIN="$TOOLS_DIR/server"   # `go install .../cmd/server` names the binary "server"

INFRA_TAG=ensure-livekit
# shellcheck source=../lib/common.sh
. "$SCRIPT_DIR/../lib/common.sh"

# Warn (but still use it) if a binary reports a different version.
check_version() {
  local bin="$1" out
  out="$("$bin" --version 2>&1 || true)"
  case "$out" in
    *"$LIVEKIT_VERSION"*) ;;
    *) log "WARNING: $bin reports '${out:-nothing}', expected version $LIVEKIT_VERSION" ;;
  esac
}

# 1. On PATH
if bin="$(command -v livekit-server 2>/dev/null)" && [ -n "$bin" ]; then
  bin="$(readlink -f -- "$bin")"
  log "using livekit-server from PATH: $bin"
  check_version "$bin"
  printf '%s\n' "$bin"
  exit 0
fi

# 2. Previously built into .tools
if [ -x "$TOOLS_BIN" ]; then
  log "using previously built $TOOLS_BIN"
  check_version "$TOOLS_BIN"
  printf '%s\n' "$TOOLS_BIN"
  exit 0
fi

# 3. Build it with go install
GO="$(command -v go 2>/dev/null || true)"
if [ -z "$GO" ] && [ -x /usr/local/go/bin/go ]; then
  GO=/usr/local/go/bin/go
fi
[ -n "$GO" ] || die "livekit-server not found on PATH or at $TOOLS_BIN, and 'go' is not installed, so it cannot be built. Install Go (https://go.dev/dl/, a recent release; Debian's golang package is too old) or put livekit-server v$LIVEKIT_VERSION on PATH."

mkdir -p "$TOOLS_DIR"
# Serialise concurrent builds (e.g. two test runs starting at once).
exec 9>"$TOOLS_DIR/.livekit-install.lock"
if ! flock -n 9; then
  log "another ensure-livekit.sh is building livekit-server; waiting for it (may take several minutes)..."
  flock 9
fi
if [ -x "$TOOLS_BIN" ]; then
  log "livekit-server was built by a concurrent run: $TOOLS_BIN"
  printf '%s\n' "$TOOLS_BIN"
  exit 0
fi

log "building livekit-server v$LIVEKIT_VERSION with $("$GO" version 2>/dev/null || echo go)"
log "running: GOBIN=$TOOLS_DIR go install $LIVEKIT_PKG"
log "this downloads and compiles many modules and can take several minutes (5-15 on 2 cores)..."
start=$SECONDS
if ! GOBIN="$TOOLS_DIR" "$GO" install "$LIVEKIT_PKG" >&2; then
  die "go install $LIVEKIT_PKG failed (see output above). Check that the Go module proxy is reachable and that Go is new enough for livekit-server v$LIVEKIT_VERSION."
fi
[ -x "$TOOLS_BIN" ] || die "go install reported success but $TOOLS_BIN does not exist (is GOBIN overridden by 'go env -w'?)"
log "built $TOOLS_BIN in $((SECONDS - start))s"
check_version "$TOOLS_BIN"
printf '%s\n' "$TOOLS_BIN"
