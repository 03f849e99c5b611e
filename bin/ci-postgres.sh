#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers on 127.0.0.1:5432 for user postgres without a password, so the tests
# exercise the external-PostgreSQL path (they fall back to an embedded one when nothing answers).
# Uses the machine's PostgreSQL binaries; installs Debian's postgresql package when they are missing (root only).
set -euo pipefail
if (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
  echo "PostgreSQL already answers on 127.0.0.1:5432"
  exit 0
fi
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >/dev/null 2>&1 || true
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
fi
if [ -z "$bin" ]; then
  echo "No PostgreSQL binaries found; the tests will use the embedded PostgreSQL."
  exit 0
fi
D=${B24_CI_PG_DIR:-/tmp/b24-ci-pg}
run() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
mkdir -p "$D"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$D"
if [ ! -f "$D/data/PG_VERSION" ]; then
  run "$bin/initdb" -D "$D/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
fi
run "$bin/pg_ctl" -D "$D/data" -l "$D/log" -o "-c listen_addresses=127.0.0.1 -p 5432 -k $D -c max_connections=500 -c fsync=on" -w start >/dev/null
echo "Started PostgreSQL ($bin) on 127.0.0.1:5432, data in $D/data"
