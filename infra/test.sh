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
run_tests=(npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json "$@")
# The tests talk only to servers they start on 127.0.0.1. Where we may (root, with unshare and ip), they run in
# a fresh network namespace whose only link is loopback, so not one packet can reach another address.
if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null && command -v ip >/dev/null && unshare -n true 2>/dev/null; then
  echo "[test] running the suite in a loopback-only network namespace" >&2
  exec unshare -n bash -c 'ip link set lo up && exec "$@"' bash "${run_tests[@]}"
fi
exec "${run_tests[@]}"
