package dev.seedkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.core.exporter.ExportReport;
import dev.seedkit.core.importer.ImportReport;
import dev.seedkit.core.importer.SnapshotVerifier.VerifyReport;
import dev.seedkit.core.schema.LoadPlan;
import dev.seedkit.core.schema.Schema;
import dev.seedkit.core.schema.TableName;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The facade leads to the whole round trip: read, plan, export, open, import, verify. */
@ExtendWith(TestPostgres.class)
class SeedkitTests {

    private static final String SCHEMA = "create schema facade;"
            + "create table facade.authors (id int primary key, name text not null);"
            + "create table facade.books (id int primary key, author_id int not null references facade.authors);";

    @Test
    void exportsImportsAndVerifiesASnapshotThroughTheFacade(TestDatabase source, @TempDir Path dir)
            throws Exception {
        source.execute(SCHEMA + "insert into facade.authors values (1, 'Le Guin'), (2, 'Lem');"
                + "insert into facade.books values (10, 1), (11, 2), (12, 2);");
        Path snapshotDir = dir.resolve("fixtures/facade");
        try (Connection c = source.connect()) {
            Schema schema = Seedkit.readSchema(c, "facade");
            LoadPlan plan = Seedkit.plan(schema);
            assertThat(plan.steps()).extracting(step -> step.table()).containsExactly(
                    TableName.of("facade", "authors"), TableName.of("facade", "books"));
            ExportReport exported = Seedkit.exporter().includeSchemas("facade").build().export(c, snapshotDir);
            assertThat(exported.rows()).isEqualTo(5);
        }
        source.execute("drop schema facade cascade;" + SCHEMA);
        try (Snapshot snapshot = Seedkit.open("file:" + snapshotDir); Connection c = source.connect()) {
            ImportReport imported = Seedkit.importer().build().importInto(c, snapshot);
            VerifyReport verified = Seedkit.verifier().compareRows(true).build().verify(c, snapshot);

            assertThat(imported.inserted()).isEqualTo(5);
            assertThat(verified.problems()).isEmpty();
            assertThat(verified.rowsCompared()).isEqualTo(5);
        }
    }
}
