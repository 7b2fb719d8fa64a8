package dev.seedkit.core.importer;

import static dev.seedkit.core.importer.ImportScenario.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.schema.VirtualForeignKey;
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

@ExtendWith(TestPostgres.class)
class SnapshotVerifierTests {

    @TempDir
    static Path dir;
    static ImportScenario shop;

    @BeforeAll
    static void writeShopSnapshot(PostgresServer server) throws Exception {
        shop = ImportScenario.create(server, dir, SnapshotImporterTests.SHOP
                + "create table shop.reviews (id int primary key, product_ref int);",
                SnapshotImporterTests.SHOP_DATA + "insert into shop.reviews values (1, 7), (2, 3);");
    }

    @Test
    void aFreshImportVerifiesWithRowCountsPerTable() throws Exception {
        try (Snapshot snapshot = shop.open(); Connection c = shop.connect(shop.newDatabase(true))) {
            SnapshotImporter.builder().verify(true).build().importInto(c, snapshot);
            SnapshotVerifier.VerifyReport report = SnapshotVerifier.verify(c, snapshot, List.of());
            assertThat(report.ok()).isTrue();
            assertThat(report.rowCounts()).containsEntry("shop.customers", 5L).containsEntry("shop.order_lines", 4L);
        }
    }

    @Test
    void missingRowsAndBrokenVirtualReferencesAreEachReported() throws Exception {
        try (Snapshot snapshot = shop.open(); Connection c = shop.connect(shop.newDatabase(true))) {
            SnapshotImporter.builder().build().importInto(c, snapshot);
            execute(c, "delete from shop.audit_log where at is null");
            List<VirtualForeignKey> virtual = List.of(VirtualForeignKey.parse(
                    "shop.reviews(product_ref) -> shop.products(id)"));
            SnapshotVerifier.VerifyReport report = SnapshotVerifier.verify(c, snapshot, virtual);
            assertThat(report.problems()).containsExactlyInAnyOrder(
                    "table shop.audit_log has 1 rows, fewer than the snapshot's 2",
                    "1 row(s) of shop.reviews reference no row of shop.products through virtual foreign key "
                            + "shop.reviews(product_ref) -> shop.products(id), e.g. (product_ref=3)");
            assertThatThrownBy(report::requireOk).isInstanceOf(SeedException.class)
                    .hasMessageContaining("does not match the snapshot").hasMessageContaining("shop.audit_log");
        }
    }

    @Test
    void comparesEveryRowsValuesWhenAsked() throws Exception {
        try (Snapshot snapshot = shop.open(); Connection c = shop.connect(shop.newDatabase(true))) {
            SnapshotImporter.builder().build().importInto(c, snapshot);
            execute(c, "update shop.customers set name = 'Grace Hopper' where id = 2");
            SnapshotVerifier values = SnapshotVerifier.builder().compareRows(true).build();

            assertThat(SnapshotVerifier.verify(c, snapshot, List.of()).ok()).as("counts alone").isTrue();
            SnapshotVerifier.VerifyReport report = values.verify(c, snapshot);
            assertThat(report.problems()).containsExactly("table shop.customers: 1 of the snapshot's 5 rows is not in "
                    + "the database with the snapshot's values: line 3 (id = 2): name differs");
            assertThat(report.tables()).extracting(SnapshotVerifier.TableCheck::table).contains("shop.customers",
                    "shop.reviews");
            assertThat(report.rowsCompared()).isEqualTo(snapshot.manifest().tables().stream()
                    .mapToLong(t -> t.rowCount()).sum());
        }
    }
}
