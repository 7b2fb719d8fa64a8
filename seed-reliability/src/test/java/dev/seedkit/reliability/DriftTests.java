package dev.seedkit.reliability;

import static dev.seedkit.reliability.Shop.args;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A database whose schema is no longer the snapshot's (a column gone, a type changed, a table gone) is refused by
 * {@code import} and reported by {@code verify} with exit code 4, naming the table and column, and left as it was.
 */
@ExtendWith(TestPostgres.class)
class DriftTests {

    @TempDir
    static Path dir;

    private static Shop shop;
    private static Path snapshot;

    /** A migration that drifts the schema away from the snapshot, and what the difference must say. */
    record Drift(String name, String migration, String difference) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void exportTheShop(PostgresServer server) throws Exception {
        shop = new Shop(server);
        snapshot = shop.export(shop.createDatabase(Shop.SCHEMA + Shop.DATA), dir.resolve("shop"));
    }

    @AfterAll
    static void dropDatabases() throws Exception {
        shop.dropAll();
    }

    static Stream<Drift> drifts() {
        return Stream.of(
                new Drift("a column gone", "alter table shop.orders drop column note",
                        "shop.orders.note"),
                new Drift("a column type changed", "alter table shop.products alter column price type numeric(12,3)",
                        "shop.products.price"),
                new Drift("a table gone", "drop table shop.notes", "shop.notes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drifts")
    void importRefusesItNamingTheDifferenceAndChangesNothing(Drift drift) throws Exception {
        String target = shop.createDatabase(Shop.SCHEMA + Shop.OTHER_ROWS + drift.migration());
        DatabaseFingerprint before = shop.fingerprint(target);

        Cli.Result result = Cli.run(args("import", shop.connection(target), "--snapshot", snapshot.toString()));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
        assertThat(result.err()).as(result.toString()).startsWith("error: ").contains(drift.difference());
        assertThat(shop.fingerprint(target)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drifts")
    void verifyReportsItNamingTheDifference(Drift drift) throws Exception {
        String target = shop.createDatabase(Shop.SCHEMA + drift.migration());

        Cli.Result result = Cli.run(args("verify", shop.connection(target), "--snapshot", snapshot.toString(),
                "--data"));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
        assertThat(result.out()).as(result.toString()).contains("FAILED  schema drift: ", drift.difference());
    }
}
