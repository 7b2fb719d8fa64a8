package dev.seedkit.core.importer;

import static dev.seedkit.core.importer.ImportScenario.databaseState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a failed import leaves behind: nothing, sequences included. */
@ExtendWith(TestPostgres.class)
class FailedImportTests {

    @TempDir
    static Path dir;
    static ImportScenario orphans;

    @BeforeAll
    static void writeSnapshotWithAnOrphan(PostgresServer server) throws Exception {
        orphans = ImportScenario.create(server, dir, SnapshotImporterTests.SHOP, SnapshotImporterTests.SHOP_DATA
                + "alter table shop.orders drop constraint orders_customer_id_fkey;"
                + "insert into shop.orders (id, customer_id) values (14, 999);"
                + "alter table shop.orders add constraint orders_customer_id_fkey foreign key (customer_id)"
                + " references shop.customers not valid;");
    }

    @ParameterizedTest(name = "foreign-key triggers off allowed: {0}")
    @ValueSource(booleans = {true, false})
    void anImportRefusedForAnOrphanLeavesEverySequenceWhereItWas(boolean triggersOffAllowed) throws Exception {
        String target = orphans.newDatabase(true);
        try (Snapshot snapshot = orphans.open(); Connection c = orphans.connect(target)) {
            String before = databaseState(c, "shop");
            assertThat(before).contains("customers_id_seq=1/false");
            assertThatThrownBy(() -> SnapshotImporter.builder().triggersOffAllowed(triggersOffAllowed).build()
                    .importInto(c, snapshot))
                    .isInstanceOf(SeedException.class)
                    .hasMessageContaining("orders_customer_id_fkey");
            assertThat(databaseState(c, "shop")).isEqualTo(before);
        }
    }
}
