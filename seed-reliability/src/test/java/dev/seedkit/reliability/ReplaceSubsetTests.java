package dev.seedkit.reliability;

import static dev.seedkit.reliability.Shop.args;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import --replace --tables X} replaces the tables named and nothing else: the ancestors it pulls in for
 * their parent rows keep every row they had, and a table that other tables reference is refused, with the reason,
 * before anything changes.
 */
@ExtendWith(TestPostgres.class)
class ReplaceSubsetTests {

    @TempDir
    static Path dir;

    private static Shop shop;
    private static Path snapshot;

    @BeforeAll
    static void exportTheShop(PostgresServer server) throws Exception {
        shop = new Shop(server);
        snapshot = shop.export(shop.createDatabase(Shop.SCHEMA + Shop.DATA), dir.resolve("shop"));
    }

    @AfterAll
    static void dropDatabases() throws Exception {
        shop.dropAll();
    }

    @Test
    void theAncestorsPulledInKeepEveryRowTheyHad() throws Exception {
        String target = shop.createDatabase(Shop.SCHEMA + Shop.OTHER_ROWS);

        Cli.Result result = Cli.run(args("import", shop.connection(target), "--snapshot", snapshot.toString(),
                "--replace", "--tables", "shop.order_lines"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(value(target, "select count(*) from shop.order_lines")).isEqualTo("300");
        assertThat(value(target, "select string_agg(id::text, ',' order by id) from shop.customers where id > 1000"))
                .as("a customer only the target has").isEqualTo("1001");
        assertThat(value(target, "select name from shop.customers where id = 1")).isEqualTo("Renamed in the target");
        assertThat(value(target, "select count(*) from shop.orders where id = 1001")).isEqualTo("1");
        assertThat(value(target, "select count(*) from shop.products where id = 1001")).isEqualTo("1");
    }

    @Test
    void aTableOtherTablesReferenceIsRefusedBeforeAnythingChanges() throws Exception {
        String target = shop.createDatabase(Shop.SCHEMA + Shop.OTHER_ROWS);
        DatabaseFingerprint before = shop.fingerprint(target);

        Cli.Result result = Cli.run(args("import", shop.connection(target), "--snapshot", snapshot.toString(),
                "--replace", "--tables", "shop.customers"));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).as(result.toString()).startsWith("error: ").contains("shop.customers", "shop.orders");
        assertThat(shop.fingerprint(target)).isEqualTo(before);
    }

    private static String value(String database, String sql) throws Exception {
        try (Connection c = shop.connect(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
