#!/usr/bin/env bash
# `npm run bench`: provisions what the benchmark needs (PostgreSQL, Redis, Chromium, livekit-server) idempotently,
# builds the client (the first page's JavaScript is measured), then runs bench/run.ts with any options given,
# e.g. `npm run bench -- --configs A1,A2 --steps 1600`. The report goes to bench-results/<time>/.
set -euo pipefail
cd "$(dirname "$0")/.."
INFRA_TAG=bench
. infra/lib/common.sh
use_project_node

bash infra/provision.sh
LIVEKIT_BIN="$(livekit_bin)"
export LIVEKIT_BIN
build_client
exec npx tsx bench/run.ts "$@"
