package dev.seedkit.core.importer;

import static dev.seedkit.core.importer.ImportScenario.databaseState;
import static dev.seedkit.core.importer.ImportScenario.execute;
import static dev.seedkit.core.importer.ImportScenario.queryValue;
import static dev.seedkit.core.importer.TwoDatabases.byBusinessKey;
import static dev.seedkit.core.importer.TwoDatabases.withNaturalKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotLocation;
import dev.seedkit.core.snapshot.SnapshotManifest;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where natural keys come from and what they refuse: the manifest's declaration and the builder's, which wins;
 * fresh keys on request; table subsets; and each refusal naming the file line and what to do: an unknown column
 * (with the table's unique keys offered), a natural key twice in the file, one that matches two rows of the
 * database, a new row whose key is taken where no sequence can give another, a natural key that depends on its
 * own table, a reference the snapshot cannot rewrite.
 */
@ExtendWith(TestPostgres.class)
class NaturalKeyRulesTests {

    @TempDir
    Path dir;

    @Test
    void theManifestsNaturalKeysAreUsedAndTheBuilderCanSwitchOneOff(PostgresServer server) throws Exception {
        TwoDatabases databases = TwoDatabases.create(server);
        Path snapshot = dir.resolve("a");
        databases.exportA(snapshot).close();
        declareInManifest(snapshot, "teams", List.of("code"));
        declareInManifest(snapshot, "members", List.of("email"));
        declareInManifest(snapshot, "projects", List.of("slug"));
        declareInManifest(snapshot, "tags", List.of("team_id", "label"));
        try (Snapshot declared = SnapshotLocation.directory(snapshot).open(); Connection b = databases.b()) {
            assertThat(declared.manifest().table("biz", "members").orElseThrow().naturalKey()).containsExactly("email");
            String before = databaseState(b, "biz");

            assertThatThrownBy(() -> SnapshotImporter.builder().naturalKey("biz.teams").build().importInto(b, declared))
                    .hasMessageContaining("table biz.teams (file biz.teams.tsv, line 3, key (id)=(2)): its "
                            + "(code)=(web) is held by the database's row (id)=(7), so unique key teams_code_key "
                            + "refuses it.")
                    .hasMessageContaining("naturalKey(\"biz.teams\", \"code\")");
            assertThat(databaseState(b, "biz")).isEqualTo(before);

            ImportReport report = SnapshotImporter.builder().build().importInto(b, declared);

            assertThat(report.matched()).isEqualTo(6);
            assertThat(byBusinessKey(b)).contains("member bob@x Bob team core mentor ada@x");
        }
    }

    @Test
    void freshIdsGiveEveryNewRowAKeyAfterTheDatabasesOwn(PostgresServer server) throws Exception {
        TwoDatabases databases = TwoDatabases.create(server);
        try (Snapshot snapshot = databases.exportA(dir.resolve("a")); Connection b = databases.b()) {
            withNaturalKeys().freshIds(true).build().importInto(b, snapshot);

            assertThat(queryValue(b, "select string_agg(email || '=' || id, ' ' order by email) from biz.members"))
                    .isEqualTo("ada@x=22 bob@x=23 cy@x=21 di@x=24 ed@x=25 yan@x=2 zed@x=20");
            assertThat(byBusinessKey(b)).contains("member di@x Di team web mentor cy@x",
                    "assignment gamma ed@x lead");
        }
    }

    @Test
    void aSubsetLoadsItsAncestorsMatchedRowsOnlyWhereMissing(PostgresServer server) throws Exception {
        TwoDatabases databases = TwoDatabases.create(server);
        try (Snapshot snapshot = databases.exportA(dir.resolve("a")); Connection b = databases.b()) {
            ImportReport report = withNaturalKeys().mode(ImportMode.REPLACE).tables(List.of("biz.assignments"))
                    .build().importInto(b, snapshot);

            assertThat(queryValue(b, "select count(*) from biz.assignments")).isEqualTo("6");
            assertThat(byBusinessKey(b)).contains("assignment alpha bob@x dev", "assignment beta cy@x lead",
                    "member yan@x Yan team ops mentor zed@x", "project omega Omega owner zed@x");
            assertThat(report.tables().stream().filter(t -> t.table().equals("biz.tags")).toList()).isEmpty();
            assertThat(SnapshotVerifier.verify(b, snapshot, List.of()).problems()).as("no orphans; tags not loaded")
                    .containsExactly("table biz.tags has 2 rows, fewer than the snapshot's 4");
        }
    }

    @Test
    void anUnknownColumnIsRefusedOfferingTheTablesUniqueKeys(PostgresServer server) throws Exception {
        TwoDatabases databases = TwoDatabases.create(server);
        try (Snapshot snapshot = databases.exportA(dir.resolve("a")); Connection b = databases.b()) {
            assertThatThrownBy(() -> SnapshotImporter.builder().naturalKey("biz.tags", "name").build()
                    .importInto(b, snapshot))
                    .isInstanceOf(SeedException.class)
                    .satisfies(e -> assertThat(((SeedException) e).code()).isEqualTo(SeedException.Code.CONFIGURATION))
                    .hasMessage("The natural key [name] of biz.tags names column name, which biz.tags does not have "
                            + "in both the database and the snapshot file biz.tags.tsv. Its unique keys: "
                            + "naturalKey(\"biz.tags\", \"team_id\", \"label\") (tags_team_id_label_key).");
            assertThatThrownBy(() -> SnapshotImporter.builder().naturalKey("biz.nope", "x").build()
                    .importInto(b, snapshot))
                    .hasMessageStartingWith("Cannot match rows by the natural key declared with "
                            + "naturalKey(\"biz.nope\", \"x\"): Table 'biz.nope' is not in the snapshot.");
        }
    }

    @Test
    void aNaturalKeyTwiceInTheFileOrTwiceInTheDatabaseIsRefusedNamingTheRows(PostgresServer server)
            throws Exception {
        TwoDatabases databases = TwoDatabases.create(server);
        try (Snapshot snapshot = databases.exportA(dir.resolve("a")); Connection b = databases.b()) {
            String before = databaseState(b, "biz");
            assertThatThrownBy(() -> SnapshotImporter.builder().naturalKey("biz.members", "team_id").build()
                    .importInto(b, snapshot))
                    .satisfies(e -> assertThat(((SeedException) e).code()).isEqualTo(SeedException.Code.DATA_INTEGRITY))
                    .hasMessage("Import failed, nothing was imported: table biz.members (file biz.members.tsv, line 3, "
                            + "key (id)=(2)): line 2 of the file holds natural key (team_id)=(1) too, and a natural "
                            + "key identifies one row, so the two cannot both be matched. Fix one of the rows in the "
                            + "snapshot, or declare a natural key that is unique in it.");
            execute(b, "alter table biz.teams drop constraint teams_code_key; insert into biz.teams values (30, 'web', "
                    + "'Web again', null)");
            assertThatThrownBy(() -> withNaturalKeys().build().importInto(b, snapshot))
                    .hasMessageContaining("table biz.teams (file biz.teams.tsv, line 3, key (id)=(2)): its natural key "
                            + "(code)=(web) matches more than one row of the database, e.g. (id)=(30) and (id)=(7)");
            execute(b, "delete from biz.teams where id = 30; alter table biz.teams add unique (code)");
            assertThat(databaseState(b, "biz")).isEqualTo(before);
        }
    }

    @Test
    void aNewRowWhoseKeyIsTakenWithoutASequenceToGiveAnotherIsRefused(PostgresServer server) throws Exception {
        TwoDatabases databases = TwoDatabases.create(server);
        try (Connection b = databases.b()) {
            execute(b, "alter table biz.members alter column id drop default; drop sequence biz.members_id_seq");
        }
        try (Snapshot snapshot = databases.exportA(dir.resolve("a")); Connection b = databases.b()) {
            assertThatThrownBy(() -> withNaturalKeys().build().importInto(b, snapshot))
                    .hasMessage("Import failed, nothing was imported: table biz.members (file biz.members.tsv, line 3, "
                            + "key (id)=(2)): no row of the database has its natural key (email)=(bob@x), so it is "
                            + "new, but its key (id)=(2) is held by the database's row with natural key "
                            + "(email)=(yan@x). The key of biz.members is not one column fed by a sequence, so no "
                            + "fresh key can be given to it: change the row's key in the snapshot to one the database "
                            + "does not use, or declare a natural key under which the two rows are one.");
        }
    }

    @Test
    void aNaturalKeyThatHoldsAReferenceToItsOwnTableIsRefused(PostgresServer server) throws Exception {
        TwoDatabases databases = TwoDatabases.create(server);
        try (Snapshot snapshot = databases.exportA(dir.resolve("a")); Connection b = databases.b()) {
            assertThatThrownBy(() -> SnapshotImporter.builder().naturalKey("biz.members", "mentor_id", "name")
                    .build().importInto(b, snapshot))
                    .satisfies(e -> assertThat(((SeedException) e).code()).isEqualTo(SeedException.Code.CONFIGURATION))
                    .hasMessageStartingWith("The natural key [mentor_id, name] of biz.members holds [mentor_id], "
                            + "which references biz.members itself (foreign key members_mentor_id_fkey)");
        }
    }

    @Test
    void aReferenceToARowTheSnapshotLacksCannotBeRewrittenAndIsRefused(PostgresServer server) throws Exception {
        ImportScenario crm = ImportScenario.create(server, dir, UniqueConflictTests.DDL, UniqueConflictTests.DATA);
        crm.editTableFile("crm.notes.tsv", "1\t2\tmet Grace", "1\t7\tmet Grace");
        String target = crm.newDatabase(true);
        try (Connection c = crm.connect(target); Snapshot snapshot = crm.open()) {
            execute(c, UniqueConflictTests.TARGET_ROWS);
            assertThatThrownBy(() -> SnapshotImporter.builder().naturalKey("crm.people", "email").build()
                    .importInto(c, snapshot))
                    .hasMessage("Import failed, nothing was imported: table crm.notes (file crm.notes.tsv, line 2, key "
                            + "(id)=(1)): its (person_id)=(7) references no row of crm.people.tsv through foreign key "
                            + "notes_person_id_fkey, so it cannot be rewritten to the key the row has in the database "
                            + "by natural key [email] of crm.people. Re-export the snapshot so that it holds every "
                            + "row its rows reference.");
        }
    }

    /** Writes {@code columns} as the natural key of {@code biz.<table>} into the snapshot's manifest. */
    private static void declareInManifest(Path snapshot, String table, List<String> columns) throws Exception {
        SnapshotManifest manifest;
        try (InputStream in = Files.newInputStream(snapshot.resolve(SnapshotManifest.FILE_NAME))) {
            manifest = SnapshotManifest.read(in, "manifest.json");
        }
        new SnapshotManifest(manifest.fixtureVersion(), manifest.createdAt(), manifest.source(),
                manifest.schemaFingerprint(), manifest.loadPlan(), manifest.tables().stream()
                        .map(t -> t.name().equals(table) ? t.withNaturalKey(columns) : t).toList())
                .write(snapshot);
    }
}
