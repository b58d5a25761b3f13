#!/usr/bin/env bash
# `npm test`: the whole suite. Provisions what it needs (Chromium, PostgreSQL, Redis, livekit-server) idempotently,
# type-checks, builds the client for the browser tests, then runs unit, integration and end-to-end tests, and the
# unit tests again at three shifted dates. With arguments, only `vitest run ARGS` (no shifted runs).
# Services are started by the tests themselves on free loopback ports and stopped afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
INFRA_TAG=test
. infra/lib/common.sh
use_project_node

bash infra/provision.sh
LIVEKIT_BIN="$(livekit_bin)"
export LIVEKIT_BIN

echo "[test] type-checking…" >&2
npx tsc --noEmit -p .
echo "[test] linting…" >&2
npx eslint .
build_client

rm -rf test-results && mkdir -p test-results
# The tests talk only to servers they start on 127.0.0.1. Where we may (root, with unshare and ip), they run in
# a fresh network namespace with no link out of it, so not one packet can reach another address. Besides loopback
# it holds one veth pair whose both ends are inside (192.0.2.1, a documentation address): libwebrtc (LiveKit's Node
# SDK in the media benchmark) gathers no ICE candidate on loopback alone, and with it connects to 127.0.0.1 as on a host.
ns=()
if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null && command -v ip >/dev/null && unshare -n true 2>/dev/null; then
  log "running the suite in a network namespace with no way out"
  ns=(unshare -n bash -c 'ip link set lo up && ip link add rm0 type veth peer name rm1 && ip addr add 192.0.2.1/32 dev rm0 &&
    ip link set rm0 up && ip link set rm1 up && exec "$@"' bash)
fi
run_vitest() { # vitest NAME [ARGS...]: one run, its results in test-results/NAME.json (.ci/run adds them all up)
  local name="$1"
  shift
  "${ns[@]}" npx vitest run --reporter=default --reporter=json --outputFile.json="test-results/$name.json" "$@"
}

status=0
run_vitest vitest "$@" || status=$?

# The same unit tests (they start nothing outside this Node process) with the whole process's clock moved by
# libfaketime, so a test that quietly depends on today's date fails here rather than on some later day.
if [ "$#" -eq 0 ]; then
  lib="$(faketime_lib)"
  for at in '2027-03-14 08:55:00|the morning Edmonton sprang forward under the old rule' \
    '2027-12-31 23:55:00|five minutes before the year turns in UTC' \
    '2028-02-29 12:00:00|a leap day'; do
    when="${at%%|*}"
    log "unit tests again with the clock at ${when} UTC: ${at#*|}"
    TZ=UTC FAKETIME="@${when}" FAKETIME_DONT_FAKE_MONOTONIC=1 LD_PRELOAD="$lib" \
      run_vitest "unit-at-${when%% *}" --project unit || status=$?
  done
fi
exit "$status"
