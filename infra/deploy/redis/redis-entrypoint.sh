#!/bin/sh
# Starts redis-server for Red Mug with a password and no anonymous access (docker-compose.yml runs it in the
# official redis image; tests/integration/redisAcl.test.ts runs it against Debian's redis-server).
#   REDIS_PASSWORD  required: the password of the one ACL user (letters and digits: it goes into a redis:// URL)
#   REDIS_USER      that user's name (default redmug): REDIS_URL=redis://redmug:PASSWORD@host:6379
#   REDIS_PORT      default 6379
#   REDIS_TLS_CERT, REDIS_TLS_KEY  optional: with both set Redis speaks TLS only (clients use rediss://; give the app
#                   the CA with NODE_EXTRA_CA_CERTS), and plain TCP is off
# Any further arguments go to redis-server (persistence options).
set -eu
: "${REDIS_PASSWORD:?REDIS_PASSWORD must be set}"
user="${REDIS_USER:-redmug}"
port="${REDIS_PORT:-6379}"
acl="${REDIS_ACL_FILE:-/tmp/redmug-users.acl}"

# The ACL file holds the password's SHA-256 only. The default user is off, so a connection without credentials can
# do nothing. The app needs data, scripts, streams and pub/sub, never to reconfigure or wipe the server: those
# commands are refused to it (CONFIG SET dir/dbfilename is the classic way from a Redis password to a shell).
umask 077
hash="$(printf '%s' "$REDIS_PASSWORD" | sha256sum | cut -d' ' -f1)"
printf 'user default off\nuser %s on #%s ~* &* +@all -config -debug -module -acl -shutdown -replicaof -slaveof -failover -monitor -save -bgsave -bgrewriteaof -migrate -restore -flushall -flushdb -keys -swapdb\n' \
  "$user" "$hash" >"$acl"

if [ -n "${REDIS_TLS_CERT:-}" ]; then
  : "${REDIS_TLS_KEY:?REDIS_TLS_KEY must be set with REDIS_TLS_CERT}"
  set -- --port 0 --tls-port "$port" --tls-cert-file "$REDIS_TLS_CERT" --tls-key-file "$REDIS_TLS_KEY" --tls-auth-clients no "$@"
else
  set -- --port "$port" "$@"
fi

# In the official image, its entrypoint drops root for the redis user, who must be able to read the ACL file.
if command -v docker-entrypoint.sh >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then chown redis "$acl"; fi
  exec docker-entrypoint.sh redis-server --aclfile "$acl" "$@"
fi
exec redis-server --aclfile "$acl" "$@"
