package dev.seedkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.core.Seedkit;
import dev.seedkit.core.exporter.ExportReport;
import dev.seedkit.core.exporter.Masking;
import dev.seedkit.core.exporter.SnapshotExporter;
import dev.seedkit.core.importer.ImportMode;
import dev.seedkit.core.importer.ImportReport;
import dev.seedkit.core.importer.SnapshotImporter;
import dev.seedkit.core.schema.LoadPlan;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotLocation;
import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seedkit without JUnit's help: export a snapshot from a demo database and import it into another, with the plain
 * Java API. The README quotes these snippets.
 */
@ExtendWith(TestPostgres.class)
class PlainJavaTests {

    @Test
    void exportsASnapshotFromTheDemoDatabaseAndImportsItIntoAnEmptyCopy(TestDatabase demoDb, @TempDir Path dir)
            throws Exception {
        try (Connection c = demoDb.connect()) {
            DemoDatabase.ofScale(200).build(c);
        }
        Path snapshotDir = dir.resolve("fixtures/demo");
        ExportReport exported = export(demoDb.jdbcUrl(), demoDb.username(), demoDb.password(), snapshotDir);

        try (ScratchDatabase test = ScratchDatabase.create(demoDb.server()); Connection connection = test.connect()) {
            DemoDatabase.migrate(connection);
            ImportReport report = importInto(connection, snapshotDir);
            assertThat(report.inserted()).isEqualTo(exported.rows());
            assertThat(report.tables()).hasSize(22);
        }
    }

    @Test
    void theOneEntryPointLeadsFromExportToVerifiedImport(TestDatabase server, @TempDir Path dir) throws Exception {
        try (ScratchDatabase demo = ScratchDatabase.create(server.server());
                ScratchDatabase test = ScratchDatabase.create(server.server()); Connection source = demo.connect();
                Connection target = test.connect()) {
            DemoDatabase.ofScale(200).build(source);
            DemoDatabase.migrate(target);
            // README: plain Java
            ExportReport exported = Seedkit.exporter().includeSchemas("public", "audit").rowsPerTable(100).build()
                    .export(source, dir.resolve("fixtures/demo"));
            try (Snapshot snapshot = Seedkit.open(dir.resolve("fixtures/demo").toString())) {
                ImportReport imported = Seedkit.importer().build().importInto(target, snapshot);
                Seedkit.verifier().compareRows(true).build().verify(target, snapshot).requireOk();
                assertThat(imported.inserted()).isEqualTo(exported.rows());
            }
            LoadPlan plan = Seedkit.plan(Seedkit.readSchema(target, "public", "audit"));
            // README: end
            assertThat(plan.tables()).hasSize(22);
        }
    }

    private static ExportReport export(String demoUrl, String user, String password, Path target) throws Exception {
        // README: exporting
        try (Connection demo = DriverManager.getConnection(demoUrl, user, password)) {   // auto-commit connection
            ExportReport report = SnapshotExporter.builder()
                    .includeSchemas("public", "audit")
                    .rowsPerTable(100)                                   // default 100
                    .rowsPerTable("public.users", 150)                   // per-table limit
                    .where("public.purchases", "amount > 0")             // per-table filter choosing the first rows
                    .virtualForeignKeys("public.platform_events(correlation_purchase_id) -> public.purchases(id)")
                    .mask("public.users.email", Masking.EMAIL)           // deterministic, unique-preserving
                    .fixtureVersion("2026-11-demo-1")
                    .build()
                    .export(demo, target);
            return report;
        }
    }

    private static ImportReport importInto(Connection connection, Path snapshotDir) {
        // README: importing
        try (Snapshot snapshot = SnapshotLocation.of(snapshotDir.toString()).open()) {
            ImportReport report = SnapshotImporter.builder()
                    .mode(ImportMode.INSERT_MISSING)          // default; or UPSERT, REPLACE
                    .tables(List.of())                        // optional: these tables + the parent rows they need
                    .build()
                    .importInto(connection, snapshot);
            System.out.print(report.render());                // per table: inserted, skipped, updated, ms
            return report;
        }
    }
}
