package dev.seedkit.core.importer;

import static dev.seedkit.core.importer.ImportScenario.execute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** One comparison of a snapshot with a database's schema, under the importer's policy and the verifier's. */
@ExtendWith(TestPostgres.class)
class SchemaDriftTests {

    @TempDir
    static Path dir;
    static ImportScenario shop;

    @BeforeAll
    static void writeShopSnapshot(PostgresServer server) throws Exception {
        shop = ImportScenario.create(server, dir, SnapshotImporterTests.SHOP, SnapshotImporterTests.SHOP_DATA);
    }

    @Test
    void theExportedSchemaFitsUnderBothPolicies() throws Exception {
        try (Snapshot snapshot = shop.open(); Connection c = shop.connect(shop.newDatabase(true))) {
            for (SchemaDrift.Policy policy : SchemaDrift.Policy.values()) {
                SchemaDrift drift = SchemaDrift.check(c, snapshot.manifest(), policy);
                assertThat(drift.none()).as(policy.name()).isTrue();
                assertThat(drift.databaseFingerprint()).isEqualTo(drift.snapshotFingerprint());
            }
        }
    }

    @Test
    void whatCanBeLeftOutIsLoadableButNotExact() throws Exception {
        try (Snapshot snapshot = shop.open(); Connection c = shop.connect(shop.newDatabase(true))) {
            execute(c, "alter table shop.tickets add column priority int; create table shop.extra (id int)");

            assertThat(SchemaDrift.check(c, snapshot.manifest(), SchemaDrift.Policy.LOADABLE).differences())
                    .isEmpty();
            assertThat(SchemaDrift.check(c, snapshot.manifest(), SchemaDrift.Policy.EXACT).differences())
                    .containsExactly("column shop.tickets.priority (integer) is in the database but not in the "
                            + "snapshot", "table shop.extra is in the database but not in the snapshot");
        }
    }

    @Test
    void whatCannotBeLoadedIsReportedInTheSameWordsByBothPolicies() throws Exception {
        try (Snapshot snapshot = shop.open(); Connection c = shop.connect(shop.newDatabase(true))) {
            execute(c, "alter table shop.customers drop column name;"
                    + "alter table shop.orders alter column note type varchar(20);"
                    + "alter table shop.notes drop column body;"
                    + "alter table shop.notes add column body text generated always as ('x') stored");
            String missing = "column shop.customers.name (text) is in the snapshot but not in the database";
            String type = "column shop.orders.note is text in the snapshot but character varying(20) in the database";
            String generated = "column shop.notes.body is generated in the database, so it cannot be loaded from "
                    + "the snapshot";

            for (SchemaDrift.Policy policy : SchemaDrift.Policy.values()) {
                assertThat(SchemaDrift.check(c, snapshot.manifest(), policy).differences()).as(policy.name())
                        .contains(missing, type, generated);
            }
        }
    }
}
