#!/bin/bash
# Builds and tests the consumer project (examples/consumers/shop) against the *installed* Seedkit artifacts, once per
# stack a user may have: JUnit 5.10 / 5.12 / 5.14 / 6.x, Flyway 10 and 11, Liquibase, Spring Boot 3.5 and 4.0.
# Stacks that use a server by URL are followed by a count of what the run left on it: databases named seedkit*
# and client connections. Either must be zero.
#
#   mvn -B -q install -DskipTests      # first: the artifacts the consumer depends on
#   eval "$(bash .ci/postgres15.sh)"   # a server by URL (SEEDKIT_JDBC_URL, ...) for the leftover counts
#   bash .ci/consumers.sh
set -euo pipefail
cd "$(dirname "$0")/../examples/consumers/shop"
: "${SEEDKIT_JDBC_URL:?run eval \"\$(bash .ci/postgres15.sh)\" first}"

host_port=${SEEDKIT_JDBC_URL#jdbc:postgresql://}; host_port=${host_port%%/*}
psql_server() { PGPASSWORD="$SEEDKIT_JDBC_PASSWORD" psql -h "${host_port%%:*}" -p "${host_port##*:}" \
  -U "$SEEDKIT_JDBC_USER" -d postgres -Atc "$1"; }
# Databases that were there before a stack ran (another run's, or made by hand) are not that stack's leftovers.
seedkit_databases() { psql_server "select string_agg(quote_literal(datname), ',') from (select datname \
  from pg_database where datname like 'seedkit%' union all select '-') d"; }
leftovers() {
  local databases connections
  databases=$(psql_server "select count(*) from pg_database where datname like 'seedkit%' \
    and datname not in ($before)")
  connections=$(psql_server "select count(*) from pg_stat_activity where backend_type = 'client backend' \
    and pid <> pg_backend_pid()")
  echo "[consumers] $1: left behind $databases seedkit database(s), $connections client connection(s)"
  [[ "$databases" == 0 && "$connections" == 0 ]] || { echo "[consumers] $1 leaked" >&2; exit 1; }
}

# stack NAME SERVER(url|embedded) MAVEN-ARGS...
stack() {
  local name=$1 server=$2 started=$SECONDS; shift 2
  echo "[consumers] $name ($server): mvn -B verify $*"
  if [[ $server == embedded ]]; then
    env -u SEEDKIT_JDBC_URL -u SEEDKIT_JDBC_USER -u SEEDKIT_JDBC_PASSWORD mvn -B -q verify "$@"
  else
    before=$(seedkit_databases)
    mvn -B -q verify "$@"
    leftovers "$name"
  fi
  echo "[consumers] $name passed in $((SECONDS - started)) s"
}

started=$SECONDS
stack "JUnit 5.14, Flyway 11"        embedded
stack "JUnit 5.10"                   url -Djunit.version=5.10.5
stack "JUnit 5.12"                   url -Djunit.version=5.12.2
stack "JUnit 6.1"                    url -Djunit.version=6.1.3
stack "Flyway 10 (Jackson 2.15)"     url -Dflyway.version=10.22.0
stack "Liquibase 4.33"               url -Dmigrations=liquibase
stack "Spring Boot 3.5.7"            url -Dspring-boot=3.5
stack "Spring Boot 4.0.7"            url -Dspring-boot=4.0
echo "[consumers] every stack passed in $((SECONDS - started)) s"
