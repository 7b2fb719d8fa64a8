#!/bin/bash
# Two Maven modules of one build share one seeded PostgreSQL container (seedkit.container.reuse=true): runs the
# consumer project examples/consumers/reuse against the *installed* artifacts with Testcontainers' reuse switched on
# the way its documentation says (TESTCONTAINERS_REUSE_ENABLE=true), then runs it again (a second build also finds
# the container and template), then removes what reuse leaves behind, as the README tells users to, and checks that
# nothing is left. Needs Docker (source .ci/docker/setup.sh first) and `mvn -B -q install -DskipTests`.
set -euo pipefail
cd "$(dirname "$0")/../examples/consumers/reuse"
export TESTCONTAINERS_REUSE_ENABLE=true
started=$SECONDS
containers() { docker ps -q --filter label=dev.seedkit.reuse; }
[[ -z "$(containers)" ]] || docker rm -f $(containers) > /dev/null
echo "[reuse] first build: module 'first' starts and seeds the container, module 'second' finds both"
mvn -B -q verify
[[ $(containers | wc -l) == 1 ]] || { echo "[reuse] expected one reusable container, found: $(containers)" >&2; exit 1; }
echo "[reuse] second build: both modules find the container and its template"
mvn -B -q verify
[[ $(containers | wc -l) == 1 ]] || { echo "[reuse] the second build started another container" >&2; exit 1; }
docker rm -f $(containers) > /dev/null
[[ -z "$(containers)" ]] || { echo "[reuse] could not remove the reusable container" >&2; exit 1; }
echo "[reuse] passed in $((SECONDS - started)) s; the reusable container was removed"
