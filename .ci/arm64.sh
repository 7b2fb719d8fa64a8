#!/bin/bash
# Opt-in CI step: runs the Linux arm64 embedded PostgreSQL (zonky's linux-arm64v8 archive) for real on an x86-64
# machine under qemu-user, through the kernel's binfmt_misc, and runs LinuxArm64EmulatedTests against it.
# Needs root (apt-get, mounting binfmt_misc). Takes about a minute with the packages already installed.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

# 1. The emulator, and the aarch64 C and C++ runtime the archive does not bundle (glibc, libstdc++ for ICU).
#    The *-arm64-cross packages install into /usr/aarch64-linux-gnu without enabling a foreign dpkg architecture.
export DEBIAN_FRONTEND=noninteractive
if ! command -v qemu-aarch64-static >/dev/null || [ ! -e /usr/aarch64-linux-gnu/lib/libstdc++.so.6 ]; then
    apt-get update -qq
    apt-get install -y -qq qemu-user-static binfmt-support libc6-arm64-cross libstdc++6-arm64-cross >/dev/null
fi

# 2. Let the kernel start aarch64 programs through qemu: initdb and postgres start further aarch64 processes,
#    which only binfmt_misc (not a "qemu-aarch64 ./initdb" prefix) covers.
if [ ! -e /proc/sys/fs/binfmt_misc/status ]; then
    mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
fi
update-binfmts --enable qemu-aarch64 2>/dev/null || true
if ! grep -q '^enabled' /proc/sys/fs/binfmt_misc/qemu-aarch64 2>/dev/null; then
    echo "binfmt_misc has no enabled qemu-aarch64 entry: cannot run aarch64 programs here" >&2
    exit 1
fi
export QEMU_LD_PREFIX=/usr/aarch64-linux-gnu   # where qemu finds /lib/ld-linux-aarch64.so.1 and libc.so.6

# 3. Start the arm64 server from Java (LinuxArm64EmulatedTests) and query it.
export SEEDKIT_QEMU_ARM64=true
mvn -B verify -pl seed-postgres -Dtest=LinuxArm64EmulatedTests -Dsurefire.failIfNoSpecifiedTests=false -DskipITs

echo "arm64 emulation check finished in $((SECONDS - started)) s"
