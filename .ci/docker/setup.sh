#!/bin/bash
# Makes Docker + a local PostgreSQL image available for Testcontainers on a machine
# without registry access (Debian 12, root). Idempotent; the image build is cached.
#
#   source .ci/docker/setup.sh     # prepare, then export the Testcontainers env vars
#                                  # into the current shell; returns non-zero on failure
#   bash .ci/docker/setup.sh       # prepare, then print `export ...` lines on stdout
#                                  # (progress goes to stderr), e.g.
#                                  # eval "$(bash .ci/docker/setup.sh)"
#
# Steps: apt-get install docker.io + debootstrap (if missing) -> start dockerd (log:
# /tmp/seedkit-dockerd.log) -> build seedkit/postgres-local:15 (build-postgres-image.sh)
# unless `docker image inspect` already finds it.

# ---- sourced: run the real work in a child bash (caller's shell options untouched) ----
if [[ "${BASH_SOURCE[0]}" != "$0" ]]; then
  if _seedkit_env="$(bash "${BASH_SOURCE[0]}")"; then
    eval "$_seedkit_env"; unset _seedkit_env
    echo "[seedkit-docker] exported DOCKER_HOST, DOCKER_API_VERSION, TESTCONTAINERS_*, SEEDKIT_CONTAINER_IMAGE" >&2
    return 0
  else
    unset _seedkit_env
    echo "[seedkit-docker] Docker could NOT be set up; Testcontainers tests cannot run (see above)" >&2
    return 1
  fi
fi

# ---- executed ----
set -euo pipefail
IMAGE=seedkit/postgres-local:15
DOCKERD_LOG=/tmp/seedkit-dockerd.log
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
START=$SECONDS
# Debian's docker.io daemon is 20.10 (API 1.41). A newer CLI (e.g. /usr/local/bin/docker
# 28.x) negotiates down by itself; pinning the version just makes that explicit.
export DOCKER_API_VERSION=1.41 DOCKER_HOST=unix:///var/run/docker.sock
log()  { echo "[seedkit-docker] $*" >&2; }
fail() { log "ERROR: $*"; exit 1; }
SUDO=""; [[ "$(id -u)" == 0 ]] || SUDO="sudo -E"   # CI runs as root; sudo is a fallback

# 1. Packages (apt-get update only when something is missing).
missing=()
command -v dockerd     >/dev/null || missing+=(docker.io)
command -v debootstrap >/dev/null || missing+=(debootstrap)
if (( ${#missing[@]} )); then
  log "installing ${missing[*]} ..."
  export DEBIAN_FRONTEND=noninteractive
  { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"; } \
    >/tmp/seedkit-apt.log 2>&1 || { tail -n 20 /tmp/seedkit-apt.log >&2; fail "apt-get install ${missing[*]} failed"; }
fi

# 2. Daemon.
if docker info >/dev/null 2>&1; then
  log "dockerd already running"
else
  log "starting dockerd (log: $DOCKERD_LOG) ..."
  $SUDO setsid nohup dockerd >"$DOCKERD_LOG" 2>&1 </dev/null &   # detached; outlives us
  pid=$!
  for _ in $(seq 60); do
    docker info >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || break   # dockerd died: no point in waiting
    sleep 1
  done
  docker info >/dev/null 2>&1 \
    || { tail -n 20 "$DOCKERD_LOG" >&2 || true; fail "dockerd not reachable after start (exited or >60s; log: $DOCKERD_LOG)"; }
  log "dockerd is up"
fi

# 3. Image (cached in the daemon).
if docker image inspect "$IMAGE" >/dev/null 2>&1; then
  log "image $IMAGE already present (cached)"
else
  log "building $IMAGE (debootstrap, ~1-2 min) ..."
  $SUDO "$HERE/build-postgres-image.sh" "$IMAGE" || fail "building $IMAGE failed"
fi
log "ready in $((SECONDS - START))s"

cat <<EOF
export TESTCONTAINERS_RYUK_DISABLED=true
export TESTCONTAINERS_HOST_OVERRIDE=localhost
export TESTCONTAINERS_CHECKS_DISABLE=true
export DOCKER_API_VERSION=1.41
export DOCKER_HOST=unix:///var/run/docker.sock
export SEEDKIT_CONTAINER_IMAGE=$IMAGE
EOF
