package dev.seedkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fingerprint the suite compares databases with sees every change a failed command could make, so that "the
 * database is unchanged" means what it says.
 */
@ExtendWith(TestPostgres.class)
class DatabaseFingerprintTests {

    private static Shop shop;
    private static String database;

    @BeforeAll
    static void createTheShop(PostgresServer server) throws Exception {
        shop = new Shop(server);
        database = shop.createDatabase(Shop.SCHEMA + Shop.DATA);
    }

    @AfterAll
    static void dropDatabases() throws Exception {
        shop.dropAll();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "update shop.customers set name = 'Customer 1 ' where id = 1",
        "update shop.customers set referred_by = null where id = 2",
        "insert into shop.notes values ('same', 2)",
        "delete from shop.notes where body is null",
        "select nextval('shop.orders_id_seq')",
        "select setval('shop.customers_id_seq', 60, false)",
        "create table shop.empty (id int)",
        "create schema seedkit",
        "create sequence shop.fresh"})
    void changesWithEveryChange(String change) throws Exception {
        try (Connection c = shop.connect(database); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            DatabaseFingerprint before = DatabaseFingerprint.of(c);
            assertThat(DatabaseFingerprint.of(c)).as("nothing changed").isEqualTo(before);

            s.execute(change);

            assertThat(DatabaseFingerprint.of(c)).isNotEqualTo(before);
            c.rollback();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"vacuum full shop.customers", "cluster shop.orders using orders_pkey",
        "update shop.products set price = price"})
    void staysTheSameWhenOnlyThePhysicalOrderChanges(String change) throws Exception {
        DatabaseFingerprint before = shop.fingerprint(database);

        shop.execute(database, change);

        assertThat(shop.fingerprint(database)).isEqualTo(before);
        assertThat(before.tables()).containsKeys("shop.customers", "shop.notes").hasSize(5);
        assertThat(before.sequences()).hasSize(3);
        assertThat(before.schemas()).isEqualTo(List.of("public", "shop"));
    }
}
