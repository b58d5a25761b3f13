#!/usr/bin/env bash
# `npm run bench`: provisions what the benchmark needs (PostgreSQL, Redis, Chromium, livekit-server) idempotently,
# builds the client (the first page's JavaScript is measured), then runs bench/run.ts with any options given,
# e.g. `npm run bench -- --configs A1,A2 --steps 1600`. The report goes to bench-results/<time>/.
set -euo pipefail
cd "$(dirname "$0")/.."

bash infra/provision.sh
LIVEKIT_BIN="$(bash infra/livekit/ensure-livekit.sh | tail -n 1)"
export LIVEKIT_BIN
echo "[bench] building the client…" >&2
npx vite build --config client/vite.config.ts --logLevel warn
exec npx tsx bench/run.ts "$@"
