#!/bin/bash
# Starts the PostgreSQL 15 server that this machine image has installed (stopped) and prints the
# environment that points Seedkit's tests at it. CI runs seed-core's tests a second time against it,
# so two PostgreSQL major versions are covered (embedded 18 and this 15).
#
#   eval "$(bash .ci/postgres15.sh)"
set -euo pipefail
log() { echo "[seedkit-pg15] $*" >&2; }
PASSWORD=seedkit-ci

# Only the export lines may reach stdout (the caller evals it): apt, pg_ctlcluster and psql chatter
# (e.g. pg_ctlcluster's "Removed stale pid file.") goes to stderr.
{
if ! command -v pg_ctlcluster >/dev/null || ! ls /etc/postgresql/15/main >/dev/null 2>&1; then
  log "installing postgresql-15 ..."
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15; } >/tmp/seedkit-apt-pg.log 2>&1 \
    || { tail -n 20 /tmp/seedkit-apt-pg.log >&2; exit 1; }
fi
port=$(pg_conftool -s 15 main show port 2>/dev/null || echo 5432)
# A machine image saved with the server running leaves a stale pid file (pg_ctlcluster removes it and
# says so); a server killed a moment ago may still hold its shared memory: keep trying for 30 s.
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$port" && break
  pg_ctlcluster 15 main status >/dev/null 2>&1 || pg_ctlcluster 15 main start || true
  sleep 1
done
# The tests connect over TCP with a password (scram), as they would to any shared server.
runuser -u postgres -- psql -q -p "$port" -c "ALTER ROLE postgres PASSWORD '$PASSWORD'" >/dev/null
log "PostgreSQL $(runuser -u postgres -- psql -At -p "$port" -c 'show server_version') running on 127.0.0.1:$port"
} >&2
cat <<ENV
export SEEDKIT_JDBC_URL=jdbc:postgresql://127.0.0.1:$port/postgres
export SEEDKIT_JDBC_USER=postgres
export SEEDKIT_JDBC_PASSWORD=$PASSWORD
ENV
