#!/bin/bash
# Follows the README's getting-started path as a new user would, from a clean clone, and times each step:
#   1. install Seedkit from the clone (the README's `mvn -B -q install -DskipTests`);
#   2. a new Maven project with the README's dependency snippet, Flyway migrations and the README's first test;
#   3. "your first snapshot in three commands" against the user's own local database (here the machine's
#      PostgreSQL 15 with a `shop` database, migrated and filled);
#   4. the project's tests (`mvn -B verify`), on the embedded default.
# Not part of .ci/run (it repeats what the consumer project covers); run it by hand:
#   eval "$(bash .ci/postgres15.sh)" && bash .ci/getting-started.sh
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work=$(mktemp -d /tmp/seedkit-getting-started.XXXX)
: "${SEEDKIT_JDBC_URL:?run eval \"\$(bash .ci/postgres15.sh)\" first}"
host_port=${SEEDKIT_JDBC_URL#jdbc:postgresql://}; host_port=${host_port%%/*}
export PGHOST=${host_port%%:*} PGPORT=${host_port##*:} PGUSER=$SEEDKIT_JDBC_USER PGPASSWORD=$SEEDKIT_JDBC_PASSWORD
timed() { local name=$1 started=$SECONDS; shift; "$@"; echo "[getting-started] $name: $((SECONDS - started)) s"; }

# 1. Install from a clean clone, as the README says.
git clone -q "$repo" "$work/seedkit"
cd "$work/seedkit"
timed "1. mvn -B -q install -DskipTests" mvn -B -q install -DskipTests

# 2. The user's project: the README's coordinates, their migrations and code, the README's first test.
shop="$repo/examples/consumers/shop"
mkdir -p "$work/shop/src/test/java/com/example/shop" "$work/shop/src/main"
cp -r "$shop/src/main/java" "$shop/src/main/resources" "$work/shop/src/main/"
cat > "$work/shop/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example</groupId>
  <artifactId>shop</artifactId>
  <version>1.0</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>dev.seedkit</groupId>
        <artifactId>seedkit-bom</artifactId>
        <version>0.1.0-SNAPSHOT</version>
        <type>pom</type>
        <scope>import</scope>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <!-- the user's own: driver, Flyway, JUnit -->
    <dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId><version>42.7.8</version></dependency>
    <dependency><groupId>org.flywaydb</groupId><artifactId>flyway-core</artifactId><version>11.14.1</version></dependency>
    <dependency><groupId>org.flywaydb</groupId><artifactId>flyway-database-postgresql</artifactId><version>11.14.1</version></dependency>
    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><version>5.14.1</version><scope>test</scope></dependency>
    <!-- the README's snippet -->
    <dependency>
      <groupId>dev.seedkit</groupId>
      <artifactId>seed-junit</artifactId>
      <scope>test</scope>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.0</version></plugin>
      <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.4</version></plugin>
    </plugins>
  </build>
</project>
POM
# The README's first test, as the README prints it, with the imports an IDE adds.
{
  echo 'package com.example.shop;'
  echo 'import static org.junit.jupiter.api.Assertions.assertEquals;'
  echo 'import dev.seedkit.junit.FlywayMigrations;'
  echo 'import dev.seedkit.junit.SeedFromFixtures;'
  echo 'import java.math.BigDecimal;'
  echo 'import javax.sql.DataSource;'
  echo 'import org.junit.jupiter.api.Test;'
  sed -n '/^## A first test/,/^## /p' "$repo/README.md" | sed -n '/^```java$/,/^```$/p' | sed '1d;$d'
} > "$work/shop/src/test/java/com/example/shop/OrderTotalsTests.java"
grep -q "class OrderTotalsTests" "$work/shop/src/test/java/com/example/shop/OrderTotalsTests.java" \
  || { echo "the README's first test was not found" >&2; exit 1; }

# The user's local database: migrated and filled (here from the consumer project's committed snapshot).
psql -q -d postgres -c "DROP DATABASE IF EXISTS shop" -c "CREATE DATABASE shop"
cat "$shop"/src/main/resources/db/migration/V*.sql | psql -q -d shop
timed "2a. build the CLI (README command 1)" mvn -B -q -pl seed-export-cli -am package -DskipTests
./seedkit import --url "jdbc:postgresql://$host_port/shop" --user "$PGUSER" --snapshot "$shop/src/test/resources/fixtures/shop" >/dev/null

# 3. The README's commands 2 and 3 (the password comes from PGPASSWORD).
url="jdbc:postgresql://$host_port/shop"
timed "3a. seedkit export (README command 2)" ./seedkit export --url "$url" --user "$PGUSER" --rows-per-table 100 \
  --snapshot "$work/shop/src/test/resources/fixtures/shop"
timed "3b. seedkit verify (README command 3)" ./seedkit verify --snapshot "$work/shop/src/test/resources/fixtures/shop" \
  --url "$url" --user "$PGUSER"

# The README's test asserts what customer8 spent in the consumer project's snapshot; a user asserts what their own
# snapshot holds: load it into a scratch database and put that figure into the test.
psql -q -d postgres -c "DROP DATABASE IF EXISTS shop_check" -c "CREATE DATABASE shop_check"
cat "$shop"/src/main/resources/db/migration/V*.sql | psql -q -d shop_check
./seedkit import --url "jdbc:postgresql://$host_port/shop_check" --user "$PGUSER" \
  --snapshot "$work/shop/src/test/resources/fixtures/shop" >/dev/null
spent=$(psql -At -d shop_check -c "select coalesce(sum(p.price * l.quantity), 0) from customers c join orders o \
  on o.customer_id = c.id join order_lines l on l.order_id = o.id join products p on p.id = l.product_id \
  where c.email = 'customer8@shop.example'")
psql -q -d postgres -c "DROP DATABASE shop_check"
sed -i "s/new BigDecimal(\"1042.50\")/new BigDecimal(\"$spent\")/" "$work/shop/src/test/java/com/example/shop/OrderTotalsTests.java"

# 4. The first green test, on the embedded default (no URL in the environment).
cd "$work/shop"
timed "4. mvn -B verify in the user's project" env -u SEEDKIT_JDBC_URL -u SEEDKIT_JDBC_USER -u SEEDKIT_JDBC_PASSWORD \
  mvn -B -q verify
grep -h "Tests run" target/surefire-reports/*.txt
psql -q -d postgres -c "DROP DATABASE shop"
echo "[getting-started] passed; total $SECONDS s ($work)"
