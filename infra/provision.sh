#!/usr/bin/env bash
# Usage: infra/provision.sh
#
# Makes sure this (Debian 12) machine has what the test suite needs, installing
# only what is missing:
#   - chromium            /usr/bin/chromium          (apt: chromium)  -- never a
#                                                     test tool's own browser download
#   - redis               redis-server, redis-cli    (apt: redis-server, redis-tools)
#   - PostgreSQL server   initdb/postgres/pg_ctl/pg_isready/psql under
#                         /usr/lib/postgresql/*/bin  (apt: postgresql)
#   - fonts               fonts-dejavu-core, fonts-noto-color-emoji (apt) -- text, and the reactions and hand
#                                                     icons in the end-to-end screenshots
#   - faketime            libfaketime                (apt: faketime) -- the unit tests also run at shifted dates
#   - nginx               /usr/sbin/nginx            (apt: nginx-light) -- tests run infra/deploy/nginx.conf
#   - current zone data   /usr/share/zoneinfo        (apt: tzdata >= 2026c) -- Alberta keeps UTC-6 all year from
#                                                     2026-11-01; PostgreSQL and Chromium read the system's data
#   - livekit-server      via infra/livekit/ensure-livekit.sh (go install, minutes)
# Runs `apt-get update` at most once, and only if something must be installed.
# Waits (up to $APT_LOCK_TIMEOUT s, default 600) for other apt/dpkg runs.
# Needs root (or passwordless sudo) only when something must be installed.
# Env: PROVISION_NO_RECOMMENDS=1  install with --no-install-recommends
#      PROVISION_SKIP_LIVEKIT=1   skip the livekit-server step
# Exits non-zero with a message if something cannot be installed.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "$0")" && pwd)"
INFRA_TAG=provision
# shellcheck source=lib/common.sh
. "$SCRIPT_DIR/lib/common.sh"

APT_LOCK_TIMEOUT="${APT_LOCK_TIMEOUT:-600}"
export DEBIAN_FRONTEND=noninteractive

# ---------------------------------------------------------------- checks ---
have_chromium() { [ -x /usr/bin/chromium ]; }
have_redis_server() { command -v redis-server >/dev/null 2>&1; }
have_redis_cli() { command -v redis-cli >/dev/null 2>&1; }
have_postgres() { [ -n "$(pg_bin_dir)" ]; }
have_faketime() { command -v faketime >/dev/null 2>&1; }
have_nginx() { [ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1; }
# A fact of current zone data (tz 2026c+): noon in Edmonton on 2027-01-04 is 18:00 UTC. Older data says 19:00.
have_current_tzdata() { [ "$(TZ=America/Edmonton date -d '2027-01-04 18:00 UTC' +%H%M 2>/dev/null)" = 1200 ]; }
have_package() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" = "install ok installed" ]; }
have_fonts() { have_package fonts-dejavu-core; }
have_emoji_font() { have_package fonts-noto-color-emoji; }

# ------------------------------------------------------------------- apt ---
SUDO=()
need_root() {
  if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n env DEBIAN_FRONTEND=noninteractive)
  else
    die "must install: $*; run this script as root (or with passwordless sudo)"
  fi
}

# apt-get with lock waiting. DPkg::Lock::Timeout only covers the dpkg lock;
# apt-get (2.6) fails at once on the lists/archives locks, so retry on those.
apt_get() {
  local deadline=$((SECONDS + APT_LOCK_TIMEOUT)) out rc
  out="$(mktemp)"
  while :; do
    rc=0
    "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout="$APT_LOCK_TIMEOUT" "$@" 2>&1 | tee "$out" >&2 || rc=$?
    if [ "$rc" -eq 0 ]; then
      rm -f "$out"
      return 0
    fi
    if grep -qE 'Could not get lock|Unable to lock|Unable to acquire the dpkg frontend lock' "$out" &&
      [ "$SECONDS" -lt "$deadline" ]; then
      log "another apt/dpkg process holds a lock; waiting 5s and retrying (up to ${APT_LOCK_TIMEOUT}s)..."
      sleep 5
      continue
    fi
    rm -f "$out"
    return "$rc"
  done
}

APT_UPDATED=""
apt_install() { # apt_install PKG...
  need_root "$@"
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found; cannot install: $*"
  if [ -z "$APT_UPDATED" ]; then
    log "running apt-get update (may take a minute)..."
    apt_get update -q || die "apt-get update failed; cannot install: $*"
    APT_UPDATED=1
  fi
  local opts=(-y -q)
  if [ -n "${PROVISION_NO_RECOMMENDS:-}" ]; then opts+=(--no-install-recommends); fi
  log "installing: $* (may take several minutes)..."
  apt_get install "${opts[@]}" "$@" || die "apt-get install $* failed (see output above)"
}

# ------------------------------------------------------------------ main ---
missing=()
have_chromium || missing+=(chromium)
have_redis_server || missing+=(redis-server)
have_redis_cli || missing+=(redis-tools)
have_postgres || missing+=(postgresql)
have_fonts || missing+=(fonts-dejavu-core)
have_emoji_font || missing+=(fonts-noto-color-emoji)
have_faketime || missing+=(faketime)
have_nginx || missing+=(nginx-light)
have_current_tzdata || missing+=(tzdata)
# ip and unshare let the test command run the suite in a loopback-only network namespace.
command -v ip >/dev/null 2>&1 || missing+=(iproute2)
command -v unshare >/dev/null 2>&1 || missing+=(util-linux)

if [ "${#missing[@]}" -gt 0 ]; then
  log "missing packages: ${missing[*]}"
  apt_install "${missing[@]}"
else
  log "all apt packages already present; not running apt"
fi

# Verify (apt can succeed yet not give us what we need).
failed=()
have_chromium || failed+=("chromium (/usr/bin/chromium)")
have_redis_server || failed+=("redis-server")
have_redis_cli || failed+=("redis-cli")
have_postgres || failed+=("PostgreSQL server binaries (/usr/lib/postgresql/*/bin/{initdb,postgres,pg_ctl,pg_isready,psql})")
have_fonts || failed+=("fonts-dejavu-core")
have_emoji_font || failed+=("fonts-noto-color-emoji")
have_faketime || failed+=("faketime")
have_nginx || failed+=("nginx (/usr/sbin/nginx)")
have_current_tzdata || failed+=("tzdata with Alberta's 2026 rule (tz 2026c or later; Debian 12 has it in bookworm-security)")
if [ "${#failed[@]}" -gt 0 ]; then
  die "still missing after install: ${failed[*]}"
fi

log "chromium:       /usr/bin/chromium ($(/usr/bin/chromium --version 2>/dev/null | head -n1 || echo 'version unknown'))"
log "redis-server:   $(command -v redis-server) ($(redis-server --version 2>/dev/null | awk '{print $3}'))"
log "postgresql bin: $(pg_bin_dir)"
log "fonts:          fonts-dejavu-core, fonts-noto-color-emoji"
log "faketime:       $(command -v faketime)"
log "nginx:          $( (/usr/sbin/nginx -v || nginx -v) 2>&1 | head -n1)"
log "tzdata:         $(dpkg-query -W -f='${Version}' tzdata 2>/dev/null || echo unknown) (Edmonton noon = 18:00 UTC in winter)"

if [ -n "${PROVISION_SKIP_LIVEKIT:-}" ]; then
  log "PROVISION_SKIP_LIVEKIT set; skipping livekit-server"
else
  log "ensuring livekit-server (first build can take several minutes)..."
  lk_out="$("$SCRIPT_DIR/livekit/ensure-livekit.sh")" || die "could not provide livekit-server (see messages above)"
  lk="$(printf '%s\n' "$lk_out" | tail -n 1)"
  [ -x "$lk" ] || die "ensure-livekit.sh printed '$lk', which is not an executable"
  log "livekit-server: $lk"
fi

if ! command -v node >/dev/null 2>&1; then
  log "WARNING: node is not on PATH (npm ci installs the project's Node 24 into node_modules)"
fi
log "provisioning complete"
