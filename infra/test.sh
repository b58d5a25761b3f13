#!/usr/bin/env bash
# `npm test`: the whole suite. Provisions what it needs (Chromium, PostgreSQL, Redis, livekit-server) idempotently,
# type-checks, builds the client for the browser tests, then runs unit, integration and end-to-end tests.
# Services are started by the tests themselves on free loopback ports and stopped afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

bash infra/provision.sh
LIVEKIT_BIN="$(bash infra/livekit/ensure-livekit.sh | tail -n 1)"
export LIVEKIT_BIN

echo "[test] type-checking…" >&2
npx tsc --noEmit -p .
echo "[test] linting…" >&2
npx eslint .
echo "[test] building the client…" >&2
npx vite build --config client/vite.config.ts --logLevel warn

mkdir -p test-results
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json "$@"
