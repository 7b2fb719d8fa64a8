package dev.seedkit.core.importer;

import static dev.seedkit.core.importer.ImportScenario.databaseState;
import static dev.seedkit.core.importer.ImportScenario.execute;
import static dev.seedkit.core.importer.ImportScenario.queryValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ImportMode#REPLACE} with a table subset replaces only the named tables. */
@ExtendWith(TestPostgres.class)
class ReplaceSubsetTests {

    @TempDir
    static Path dir;
    static ImportScenario shop;

    @BeforeAll
    static void writeShopSnapshot(PostgresServer server) throws Exception {
        shop = ImportScenario.create(server, dir, SnapshotImporterTests.SHOP, SnapshotImporterTests.SHOP_DATA);
    }

    @ParameterizedTest(name = "foreign-key triggers off allowed: {0}")
    @ValueSource(booleans = {true, false})
    void replacingASubsetKeepsEveryAncestorRowAndAddsOnlyTheMissingReferencedOnes(boolean triggersOffAllowed)
            throws Exception {
        String target = filledTarget();
        try (Connection c = shop.connect(target)) {
            execute(c, "insert into shop.customers (id, name) values (99, 'only in the database');"
                    + "insert into shop.orders (id, customer_id, note) values (15, 99, 'only in the database');"
                    + "delete from shop.order_lines where order_id = 13; delete from shop.orders where id = 13;"
                    + "delete from shop.order_lines where order_id = 10 and product_id = 2;"
                    + "insert into shop.order_lines values (12, 2, 9), (15, 1, 1)");
            ImportReport report = replace(c, triggersOffAllowed, "shop.order_lines");
            assertThat(ids(c, "shop.order_lines", "order_id || ':' || product_id")).isEqualTo("10:1,10:2,11:7,13:1");
            assertThat(ids(c, "shop.orders", "id")).as("order 12 and 15 stay, 13 comes back")
                    .isEqualTo("10,11,12,13,15");
            assertThat(ids(c, "shop.customers", "id")).isEqualTo("1,2,3,4,5,99");
            assertThat(queryValue(c, "select note from shop.orders where id = 15")).isEqualTo("only in the database");
            assertThat(report.tables()).filteredOn(t -> t.table().equals("shop.orders")).singleElement()
                    .satisfies(t -> assertThat(List.of(t.inserted(), t.skipped())).containsExactly(1L, 2L));
            assertThat(report.tables()).filteredOn(t -> t.table().equals("shop.order_lines")).singleElement()
                    .satisfies(t -> assertThat(t.inserted()).isEqualTo(4));
        }
    }

    @Test
    void replacingATableThatRowsOutsideTheSubsetReferenceIsRefusedBeforeAnythingChanges() throws Exception {
        String target = filledTarget();
        try (Connection c = shop.connect(target)) {
            execute(c, "update shop.customers set name = 'changed' where id = 2");
            String before = databaseState(c, "shop");
            assertThatThrownBy(() -> replace(c, true, "shop.customers"))
                    .isInstanceOf(SeedException.class)
                    .satisfies(e -> assertThat(((SeedException) e).code())
                            .isEqualTo(SeedException.Code.CONFIGURATION))
                    .hasMessageContaining("Cannot replace table shop.customers")
                    .hasMessageContaining("4 rows of shop.orders reference it through foreign key "
                            + "orders_customer_id_fkey")
                    .hasMessageContaining("tables(...)")
                    .hasMessageContaining("ImportMode.UPSERT");
            assertThat(databaseState(c, "shop")).isEqualTo(before);
        }
    }

    @ParameterizedTest(name = "foreign-key triggers off allowed: {0}")
    @ValueSource(booleans = {true, false})
    void aTableReferencedFromOutsideTheSubsetOnlyByRowsThatAreGoneCanBeReplaced(boolean triggersOffAllowed)
            throws Exception {
        String target = filledTarget();
        try (Connection c = shop.connect(target)) {
            execute(c, "delete from shop.order_lines; delete from shop.orders;"
                    + "insert into shop.orders (id, customer_id) values (20, 1);"
                    + "insert into shop.customers (id, name) values (99, 'not in the snapshot');"
                    + "update shop.customers set name = 'changed' where id = 2");
            assertThatThrownBy(() -> replace(c, triggersOffAllowed, "shop.customers"))
                    .hasMessageContaining("1 row of shop.orders references it");
            execute(c, "delete from shop.orders");
            replace(c, triggersOffAllowed, "shop.customers");
            assertThat(ids(c, "shop.customers", "id")).isEqualTo("1,2,3,4,5");
            assertThat(queryValue(c, "select name from shop.customers where id = 2")).isEqualTo("Grace");
            assertThat(queryValue(c, "select count(*) from shop.products")).isEqualTo("3");
        }
    }

    private String filledTarget() throws Exception {
        String target = shop.newDatabase(true);
        try (Snapshot snapshot = shop.open(); Connection c = shop.connect(target)) {
            SnapshotImporter.builder().build().importInto(c, snapshot);
        }
        return target;
    }

    private static ImportReport replace(Connection c, boolean triggersOffAllowed, String... tables) {
        try (Snapshot snapshot = shop.open()) {
            return SnapshotImporter.builder().mode(ImportMode.REPLACE).tables(List.of(tables))
                    .triggersOffAllowed(triggersOffAllowed).build().importInto(c, snapshot);
        }
    }

    private static String ids(Connection c, String table, String expression) throws Exception {
        return queryValue(c, "select string_agg((" + expression + ")::text, ',' order by " + expression + ") from "
                + table);
    }
}
