#!/bin/bash
# Minimal stand-in for the official postgres image's docker-entrypoint.sh.
# Installed as /usr/local/bin/docker-entrypoint.sh in seedkit/postgres-local:15
# (see build-postgres-image.sh). Enough for Testcontainers' PostgreSQLContainer:
#   env:  POSTGRES_USER (default postgres), POSTGRES_PASSWORD, POSTGRES_DB (default = user),
#         POSTGRES_INITDB_ARGS, PGDATA (default /var/lib/postgresql/data)
#   args: `postgres [server args...]` (e.g. `postgres -c fsync=off`), or `-c ...` alone;
#         any other command is exec'd as is (e.g. `bash`).
# On first start it prints "database system is ready to accept connections" twice
# (temporary init server + final server), which is what Testcontainers waits for.
set -euo pipefail

PGBIN=/usr/lib/postgresql/15/bin
export PATH="$PGBIN:$PATH"
export PGDATA="${PGDATA:-/var/lib/postgresql/data}"
POSTGRES_USER="${POSTGRES_USER:-postgres}"
POSTGRES_DB="${POSTGRES_DB:-$POSTGRES_USER}"

# Like the official image: bare server flags get "postgres" prepended; foreign commands run as is.
if [[ $# -eq 0 || "${1:0:1}" == "-" ]]; then set -- postgres "$@"; fi
if [[ "$1" != "postgres" ]]; then exec "$@"; fi

# initdb/postgres refuse to run as root: prepare dirs, then re-exec ourselves as `postgres`.
if [[ "$(id -u)" == 0 ]]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  chown -R postgres:postgres "$PGDATA" /var/run/postgresql
  chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi
shift   # drop "postgres"; the rest are server args, passed through below

if [[ ! -s "$PGDATA/PG_VERSION" ]]; then
  # No password => trust (like POSTGRES_HOST_AUTH_METHOD=trust); otherwise SCRAM for TCP clients.
  auth=trust; pwopt=()
  if [[ -n "${POSTGRES_PASSWORD:-}" ]]; then
    auth=scram-sha-256
    pwfile="$(mktemp)"; printf '%s\n' "$POSTGRES_PASSWORD" > "$pwfile"
    pwopt=(--pwfile="$pwfile")
  fi
  # shellcheck disable=SC2086  # POSTGRES_INITDB_ARGS is intentionally word-split
  initdb --username="$POSTGRES_USER" "${pwopt[@]}" --encoding=UTF8 --locale=C.UTF-8 \
         --auth-local=trust --auth-host="$auth" ${POSTGRES_INITDB_ARGS:-} >/dev/null
  [[ -n "${pwfile:-}" ]] && rm -f "$pwfile"
  echo "host all all all $auth" >> "$PGDATA/pg_hba.conf"      # any IPv4/IPv6 client
  echo "listen_addresses = '*'" >> "$PGDATA/postgresql.conf"

  # Temporary server on the unix socket only (prints the ready line for the 1st time).
  pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start
  psql=(psql -v ON_ERROR_STOP=1 --no-password --no-psqlrc --username "$POSTGRES_USER")
  if [[ "$POSTGRES_DB" != "postgres" ]]; then
    "${psql[@]}" --dbname postgres --set db="$POSTGRES_DB" <<<'CREATE DATABASE :"db";' >/dev/null
  fi
  for f in /docker-entrypoint-initdb.d/*; do   # optional init scripts, like the official image
    case "$f" in
      *.sh)  echo "running $f"; . "$f" ;;
      *.sql) echo "running $f"; "${psql[@]}" --dbname "$POSTGRES_DB" -f "$f" ;;
    esac
  done
  pg_ctl -D "$PGDATA" -m fast -w stop
  echo "PostgreSQL init process complete; ready for start up."
fi

# Final server in the foreground as PID 1 (prints the ready line again).
exec postgres "$@"
