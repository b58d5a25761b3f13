#!/usr/bin/env bash
# `npm start`: runs Red Mug with its embedded defaults — PGlite under data/, a local livekit-server on
# loopback (built into .tools/ the first time, which takes a few minutes), and the built client.
set -euo pipefail
cd "$(dirname "$0")/.."
INFRA_TAG=start
. infra/lib/common.sh
use_project_node

if [ -z "${LIVEKIT_URL:-}" ] && [ "${LIVEKIT_LOCAL:-auto}" != "off" ]; then
  if bin="$(livekit_bin)"; then
    export LIVEKIT_BIN="${LIVEKIT_BIN:-$bin}"
  else
    log "livekit-server is not available: Red Mug will run without audio/video."
  fi
fi

build_client
exec npx tsx server/src/index.ts
