#!/bin/bash
# Builds a PostgreSQL 15 image WITHOUT any container registry:
#   debootstrap a minimal Debian bookworm rootfs with postgresql-15, add our
#   entrypoint, and `docker import` it. Called by setup.sh; needs root, debootstrap
#   and a running docker daemon.
# Usage: build-postgres-image.sh [IMAGE]     (default seedkit/postgres-local:15)
# Env:   SEEDKIT_DEBIAN_MIRROR (default http://deb.debian.org/debian)
set -euo pipefail

IMAGE="${1:-seedkit/postgres-local:15}"
MIRROR="${SEEDKIT_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

WORK="$(mktemp -d /tmp/seedkit-pg-image.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
ROOT="$WORK/rootfs"

echo "[build-postgres-image] debootstrap bookworm + postgresql-15 into $ROOT ..." >&2
debootstrap --variant=minbase --include=postgresql-15 bookworm "$ROOT" "$MIRROR" \
  > "$WORK/debootstrap.log" 2>&1 || { tail -n 30 "$WORK/debootstrap.log" >&2; exit 1; }

# Shrink (632M -> ~200M): drop apt caches/lists, docs, man pages, message catalogs,
# locale sources, logs, the cluster Debian's postinst created (our entrypoint runs
# initdb itself), and the LLVM JIT (llvmjit.so + libLLVM/libz3, ~155M; without
# llvmjit.so PostgreSQL just runs with JIT unavailable).
rm -rf "$ROOT"/var/lib/apt/lists/* "$ROOT"/var/cache/apt/* "$ROOT"/var/cache/debconf/*-old \
       "$ROOT"/usr/share/{doc,man,info,locale,i18n}/* "$ROOT"/var/log/* \
       "$ROOT"/etc/postgresql/15/main "$ROOT"/var/lib/postgresql/15 \
       "$ROOT"/usr/lib/postgresql/15/lib/{llvmjit.so,llvmjit_types.bc,bitcode} \
       "$ROOT"/usr/lib/x86_64-linux-gnu/{libLLVM-14.so*,libz3.so*}
install -m 0755 "$HERE/postgres-entrypoint.sh" "$ROOT/usr/local/bin/docker-entrypoint.sh"
install -d -m 0700 "$ROOT/var/lib/postgresql/data"
# (/var/run is an absolute symlink to /run: never follow it from the host side)
install -d -m 2775 "$ROOT/run/postgresql"
chroot "$ROOT" chown postgres:postgres /var/lib/postgresql/data /run/postgresql

changes=(
  --change 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]'
  --change 'CMD ["postgres"]'
  --change 'EXPOSE 5432'
  --change 'ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
  --change 'ENV PGDATA=/var/lib/postgresql/data'
  --change 'ENV LANG=C.UTF-8'
)
echo "[build-postgres-image] docker import ($(du -sh "$ROOT" | cut -f1) rootfs) ..." >&2
id="$(tar -C "$ROOT" --numeric-owner -c . | docker import "${changes[@]}" -)"

# Daemon 20.10 rejects `--change STOPSIGNAL` on import, so add it with a one-line
# legacy build on top of the local image (no registry involved). SIGINT = postgres
# "fast shutdown", as in the official image. Best effort: otherwise tag the import.
if ! printf 'FROM %s\nSTOPSIGNAL SIGINT\n' "$id" \
     | DOCKER_BUILDKIT=0 docker build -q -t "$IMAGE" - > "$WORK/build.log" 2>&1; then
  echo "[build-postgres-image] WARN: STOPSIGNAL not set ($(tail -n 1 "$WORK/build.log"))" >&2
  docker tag "$id" "$IMAGE"
fi
echo "[build-postgres-image] done: $IMAGE ($(docker image inspect -f '{{.Size}}' "$IMAGE" | numfmt --to=si)B)" >&2
