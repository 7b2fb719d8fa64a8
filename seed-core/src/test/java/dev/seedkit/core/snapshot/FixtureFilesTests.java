package dev.seedkit.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.Seedkit;
import dev.seedkit.core.importer.ImportReport;
import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-written CSV, TSV and YAML fixtures load through the importer like a snapshot: typed by the catalog, NULL
 * apart from the empty string, parents before children, sequences moved past the ids they hold, and the import
 * recorded; bad input is refused naming the fixture file, line and column, with nothing written.
 */
@ExtendWith(TestPostgres.class)
class FixtureFilesTests {

    static final String DDL = """
            drop schema if exists shop cascade; drop schema if exists seedkit cascade;
            drop table if exists public.customers cascade;
            create table public.customers(id serial primary key, name text not null, note text);
            create schema shop;
            create table shop.orders(id serial primary key, customer_id int not null references public.customers,
                placed date not null, tags text[], details jsonb, status text not null default 'open');
            """;

    @TempDir
    Path dir;
    TestDatabase db;

    @BeforeEach
    void createSchema(TestDatabase database) throws Exception {
        db = database;
        db.execute(DDL);
    }

    @Test
    void csvFixturesLoadTypedByTheCatalogWithNullApartFromTheEmptyString() throws Exception {
        write("customers.csv", "id,name,note\n1,Ada,\n2,Grace,\"\"\n");
        write("shop.orders.csv", "id,customer_id,placed,tags,details\n"
                + "10,1,2024-05-01,\"{a,b}\",\"{\"\"k\"\": 1}\"\n11,2,2024-05-02,,\n");
        ImportReport report = importFixtures(SnapshotLocation.of(dir.toString()));
        assertThat(report.inserted()).isEqualTo(4);
        assertThat(db.query("select id, note is null, note from customers order by id"))
                .containsExactly(Arrays.asList("1", "t", null), List.of("2", "f", ""));
        assertThat(db.query("select placed, tags[2], details->>'k', status from shop.orders where id = 10"))
                .containsExactly(List.of("2024-05-01", "b", "1", "open"));
        db.execute("insert into shop.orders(customer_id, placed) values (1, '2024-06-01')");
        assertThat(db.queryValue("select max(id) from shop.orders")).isEqualTo("12");
    }

    @Test
    void aSnapshotWrittenAsCsvLoadsAsTheSameValues() throws Exception {
        write("customers.tsv", "id\tname\tnote\n1\tAda, \"the\" Countess\t\\N\n2\ttwo\\nlines\t\n"
                + "3\ttab\\there\tback\\\\slash\n");
        Fixtures.adopt(dir, "tricky-1");
        Path csv = dir.resolveSibling(dir.getFileName() + "-csv");
        try (Snapshot snapshot = SnapshotLocation.of(dir.toString()).open()) {
            assertThat(Fixtures.writeCsv(snapshot, csv)).isEqualTo(3);
        }

        importFixtures(SnapshotLocation.of(csv.toString()));

        assertThat(db.query("select name, note is null, note from customers order by id")).containsExactly(
                Arrays.asList("Ada, \"the\" Countess", "t", null), List.of("two\nlines", "f", ""),
                List.of("tab\there", "f", "back\\slash"));
    }

    @Test
    void tsvFixturesFollowCopyTextAndImportingThemAgainIsRecordedAsAlreadyApplied() throws Exception {
        write("customers.tsv", "id\tname\tnote\n1\tAda\t\\N\n2\tBob\t\n3\ttab\\there\tback\\\\slash\n");
        SnapshotLocation file = SnapshotLocation.of(dir.resolve("customers.tsv").toString());
        importFixtures(file);
        assertThat(db.query("select name, note is null, note from customers order by id")).containsExactly(
                Arrays.asList("Ada", "t", null), List.of("Bob", "f", ""), List.of("tab\there", "f", "back\\slash"));
        assertThat(importFixtures(file).alreadyApplied()).isTrue();
        assertThat(db.queryValue("select count(*) from customers")).isEqualTo("3");
    }

    @Test
    void yamlDatasetsLoadParentsFirstWhateverTheirOrderInTheFile() throws Exception {
        write("orders.yml", """
                shop.orders:
                  - id: 7
                    customer_id: 3
                    placed: 2024-05-01
                    details: {k: [1, 2]}
                customers:
                  - {id: 3, name: Linus, note: ""}
                  - {id: 4, name: Ken, note: null}
                """);
        assertThat(importFixtures(SnapshotLocation.of(dir.resolve("orders.yml").toString())).inserted())
                .isEqualTo(3);
        assertThat(db.query("select id, note is null from customers order by id"))
                .containsExactly(List.of("3", "f"), List.of("4", "t"));
        assertThat(db.queryValue("select details::text from shop.orders")).isEqualTo("{\"k\": [1, 2]}");
    }

    @Test
    void aValueTheColumnRejectsNamesFileLineAndColumnAndWritesNothing() throws Exception {
        write("customers.csv", "id,name\n1,Ada\n");
        write("shop.orders.csv", "id,customer_id,placed\n10,1,2024-05-01\n\n11,1,soon\n");
        assertRefused(SnapshotLocation.of(dir.toString()), "Import failed, nothing was imported: table shop.orders "
                + "(file shop.orders.csv, line 4, column placed, key (id)=(11)): invalid input syntax for type date: "
                + "\"soon\". The value does not fit the column's type, so the snapshot is malformed: fix the value in "
                + "the file, or re-export the snapshot.");
    }

    @Test
    void anUnknownColumnNamesFileLineAndColumnAndTheTablesColumns() throws Exception {
        write("customers.csv", "id,nmae\n1,Ada\n");
        assertRefused(SnapshotLocation.of(dir.toString()), "Import failed, nothing was imported: the fixtures name "
                + "what the database does not have:\n  - file customers.csv, line 1, column nmae: table "
                + "public.customers has no column nmae; its columns are [id, name, note]\nFix the names in the "
                + "fixture files, or migrate the database.");
    }

    @Test
    void aReferenceToARowInNeitherTheFixturesNorTheDatabaseNamesFileAndLine() throws Exception {
        write("data.yaml", """
                customers:
                  - {id: 1, name: Ada}
                shop.orders:
                  - {id: 10, customer_id: 1, placed: 2024-05-01}
                  - id: 11
                    customer_id: 99
                    placed: 2024-05-01
                """);
        assertRefused(SnapshotLocation.of(dir.resolve("data.yaml").toString()), "The snapshot's rows break foreign "
                + "keys, so nothing was imported:\n  - file data.yaml, line 5, key (id)=(11): 1 row of shop.orders "
                + "references no row of public.customers through foreign key orders_customer_id_fkey: "
                + "(customer_id)=(99)\nRe-export the snapshot so that it includes the referenced rows, or load the "
                + "missing parent tables first.");
    }

    @Test
    void aYamlValueTheColumnRejectsNamesTheRowsLine() throws Exception {
        write("data.yml", "customers:\n  - id: 1\n    name: Ada\n  - id: two\n    name: Bob\n");
        assertRefused(SnapshotLocation.of(dir.resolve("data.yml").toString()), "Import failed, nothing was "
                + "imported: table public.customers (file data.yml, line 4, column id, key (id)=(two)): invalid input "
                + "syntax for type integer: \"two\". The value does not fit the column's type, so the snapshot is "
                + "malformed: fix the value in the file, or re-export the snapshot.");
    }

    @Test
    void aTsvValueTheColumnRejectsNamesTheLineAfterEscapedNewlines() throws Exception {
        write("customers.tsv", "id\tname\tnote\n1\tAda\tline\\nbreak\n2x\tBob\t\\N\n");
        assertRefused(SnapshotLocation.of(dir.resolve("customers.tsv").toString()), "Import failed, nothing was "
                + "imported: table public.customers (file customers.tsv, line 3, column id, key (id)=(2x)): invalid "
                + "input syntax for type integer: \"2x\". The value does not fit the column's type, so the snapshot "
                + "is malformed: fix the value in the file, or re-export the snapshot.");
    }

    @Test
    void aRowWithTooFewValuesIsRefusedBeforeTheDatabaseIsTouched() throws Exception {
        write("customers.csv", "id,name,note\n1,Ada,x\n2,Grace\n");
        SeedException e = catchThrowableOfType(SeedException.class, () -> SnapshotLocation.of(dir.toString()).open());
        assertThat(e).hasMessage(dir.toAbsolutePath() + "/customers.csv line 3: 2 values, but the header names 3 "
                + "columns [id, name, note]; give every row one value per column (in CSV an empty field is NULL, \"\" "
                + "the empty string; in TSV \\N is NULL).");
    }

    @Test
    void aYamlDocumentThatIsNotAMapOfTablesIsRefusedWithItsLine() throws Exception {
        write("data.yml", "customers:\n  id: 1\n");
        SeedException e = catchThrowableOfType(SeedException.class,
                () -> SnapshotLocation.of(dir.resolve("data.yml").toString()).open());
        assertThat(e.getMessage()).startsWith(dir.toAbsolutePath() + "/data.yml line 2: expected a list of rows "
                + "under public.customers");
    }

    @Test
    void aFolderOfTsvFilesAloneNeedsAManifestSinceItMayBeASnapshotThatLostItsOwn() throws Exception {
        write("customers.tsv", "id\tname\n1\tAda\n");
        SeedException e = catchThrowableOfType(SeedException.class, () -> SnapshotLocation.of(dir.toString()).open());
        assertThat(e.getMessage()).contains(": it has no manifest.json.", "a folder of .tsv fixtures does: run "
                + "seedkit adopt on it");
        Fixtures.adopt(dir, "tsv-1");
        assertThat(importFixtures(SnapshotLocation.of(dir.toString())).inserted()).isEqualTo(1);
    }

    @Test
    void aTableInTwoFilesOfOneFolderIsRefused() throws Exception {
        write("customers.csv", "id,name\n1,Ada\n");
        write("more.yml", "public.customers:\n  - {id: 2, name: Bob}\n");
        SeedException e = catchThrowableOfType(SeedException.class, () -> SnapshotLocation.of(dir.toString()).open());
        assertThat(e).hasMessageContaining("more.yml: table public.customers is in customers.csv too");
    }

    @Test
    void anAdoptedFolderIsPinnedAndAnEditAfterwardsIsNamed() throws Exception {
        write("customers.csv", "id,name\n1,Ada\n");
        SnapshotManifest manifest = Fixtures.adopt(dir, "demo-1");
        assertThat(manifest.fixtures()).isTrue();
        try (Snapshot snapshot = SnapshotLocation.of(dir.toString()).open()) {
            snapshot.verify();
            assertThat(snapshot.manifest().fixtureVersion()).isEqualTo("demo-1");
        }
        write("customers.csv", "id,name\n1,Ada Lovelace\n");
        SeedException e = catchThrowableOfType(SeedException.class, () -> SnapshotLocation.of(dir.toString()).open());
        assertThat(e).hasMessageContaining("customers.csv (table public.customers) changed since seedkit adopt "
                + "pinned it in manifest.json").hasMessageEndingWith("run seedkit adopt again to pin it.");
    }

    private void assertRefused(SnapshotLocation location, String expected) throws Exception {
        SeedException e = catchThrowableOfType(SeedException.class, () -> importFixtures(location));
        assertThat(e).hasMessage(expected);
        assertThat(db.queryValue("select (select count(*) from customers) + (select count(*) from shop.orders)"))
                .isEqualTo("0");
    }

    private ImportReport importFixtures(SnapshotLocation location) throws Exception {
        try (Snapshot snapshot = location.open(); Connection connection = db.connect()) {
            return Seedkit.importer().build().importInto(connection, snapshot);
        }
    }

    private void write(String name, String text) throws Exception {
        Files.writeString(dir.resolve(name), text);
    }
}
