package dev.seedkit.core.exporter;

import dev.seedkit.core.importer.ImportReport;
import dev.seedkit.core.importer.SnapshotImporter;
import dev.seedkit.core.importer.SnapshotVerifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.core.schema.TableName;
import dev.seedkit.core.schema.VirtualForeignKey;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotLocation;
import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exporter on the example application's database ({@link DemoSchema}, 300 users, every data shape): the
 * snapshot loads into an empty copy of the schema without a single orphan, every table that has rows has rows in
 * the snapshot, and exporting again gives the same bytes.
 */
@ExtendWith(TestPostgres.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDatabaseExportTests {

    private static final VirtualForeignKey VIRTUAL = VirtualForeignKey.parse(DemoSchema.VIRTUAL_FOREIGN_KEY);

    private TestDatabase db;
    private String copy;

    @BeforeAll
    void buildDemoDatabaseAndAnEmptyCopy(TestDatabase database) throws Exception {
        this.db = database;
        this.copy = db.name() + "_copy";
        try (Connection c = db.connect()) {
            DemoSchema.find().build(c, 300, 1);
        }
        execute(db.server().defaultDatabase(), "create database " + copy + " template template0 encoding 'UTF8'"
                + " lc_collate 'C' lc_ctype 'C'");
        try (Connection c = db.server().connect(copy)) {
            DemoSchema.find().migrate(c);
        }
    }

    @AfterAll
    void dropCopy() throws Exception {
        execute(db.server().defaultDatabase(), "drop database if exists " + copy + " with (force)");
    }

    @Test
    void theSnapshotLoadsIntoAnEmptyCopyWithoutOrphansAndNoTableWithRowsIsEmpty(@TempDir Path dir) throws Exception {
        ExportReport report = export(dir, 20);
        try (Snapshot snapshot = SnapshotLocation.directory(dir).open(); Connection c = db.server().connect(copy)) {
            snapshot.verify();
            OrphanCheck.load(c, snapshot, DemoSchema.SCHEMAS, s -> s);
            assertThat(OrphanCheck.orphans(c, DemoSchema.SCHEMAS, List.of(VIRTUAL))).isEmpty();
        }
        assertThat(report.tables()).hasSize(22).allSatisfy(t -> assertThat(t.rows()).as(t.table().toString())
                .isPositive());
        assertThat(report.table(TableName.of("public", "users")).orElseThrow()
                .rowsPulledInAsParents()).as("creators, instructors, owners pulled in").isPositive();
        assertThat(report.queries()).isLessThan(100);
    }

    @Test
    void theImporterLoadsTheExportIntoAnEmptyCopyThroughItsCyclesAndVerifyFindsNothing(@TempDir Path dir)
            throws Exception {
        export(dir, 20);
        String target = db.name() + "_imported";
        execute(db.server().defaultDatabase(), "create database " + target + " template template0 encoding 'UTF8'"
                + " lc_collate 'C' lc_ctype 'C'");
        try (Snapshot snapshot = SnapshotLocation.directory(dir).open(); Connection c = db.server().connect(target)) {
            DemoSchema.find().migrate(c);
            ImportReport imported = SnapshotImporter.builder().triggersOffAllowed(false).build()
                    .importInto(c, snapshot);
            SnapshotVerifier.VerifyReport verified = SnapshotVerifier.verify(c, snapshot, List.of(VIRTUAL));
            assertThat(verified.problems()).isEmpty();
            assertThat(imported.inserted()).isEqualTo(snapshot.manifest().tables().stream()
                    .mapToLong(t -> t.rowCount()).sum());
        } finally {
            execute(db.server().defaultDatabase(), "drop database if exists " + target + " with (force)");
        }
    }

    @Test
    void exportingAgainGivesTheSameBytes(@TempDir Path dir) throws Exception {
        export(dir.resolve("a"), 10);
        export(dir.resolve("b"), 10);
        assertThat(files(dir.resolve("b"))).isEqualTo(files(dir.resolve("a")));
    }

    private ExportReport export(Path dir, int rows) throws Exception {
        try (Connection c = db.connect()) {
            return SnapshotExporter.builder().includeSchemas("public", "audit").rowsPerTable(rows)
                    .virtualForeignKeys(DemoSchema.VIRTUAL_FOREIGN_KEY).mask("public.users.email", Masking.EMAIL)
                    .clock(ExportFixture.CLOCK).build().export(c, dir);
        }
    }

    private void execute(String database, String sql) throws Exception {
        try (Connection c = db.server().connect(database); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Map<String, String> files(Path dir) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (var list = Files.list(dir)) {
            for (Path file : list.toList()) {
                files.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return files;
    }
}
