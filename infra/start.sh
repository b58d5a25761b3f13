#!/usr/bin/env bash
# `npm start`: runs Red Mug with its embedded defaults — PGlite under data/, a local livekit-server on
# loopback (built into .tools/ the first time, which takes a few minutes), and the built client.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${LIVEKIT_URL:-}" ] && [ "${LIVEKIT_LOCAL:-auto}" != "off" ]; then
  if bin="$(bash infra/livekit/ensure-livekit.sh | tail -n 1)"; then
    export LIVEKIT_BIN="${LIVEKIT_BIN:-$bin}"
  else
    echo "[start] livekit-server is not available: Red Mug will run without audio/video." >&2
  fi
fi

echo "[start] building the client…" >&2
npx vite build --config client/vite.config.ts --logLevel warn
exec npx tsx server/src/index.ts
