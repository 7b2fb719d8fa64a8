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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A snapshot row whose key is new to the target, but whose value of another unique key a different row of the
 * target holds already (the same person by e-mail under another id): it is refused naming the file line, both
 * rows and the way out, a natural key; in no mode is it silently skipped. With the natural key declared it is
 * that row.
 */
@ExtendWith(TestPostgres.class)
class UniqueConflictTests {

    static final String DDL = """
            create schema crm;
            create table crm.people (id serial primary key, email text not null unique, name text not null);
            create table crm.notes (id serial primary key, person_id int not null references crm.people,
                body text);
            """;

    static final String DATA = """
            insert into crm.people values (1, 'ada@example.com', 'Ada'), (2, 'grace@example.com', 'Grace'),
                (3, 'linus@example.com', 'Linus');
            insert into crm.notes values (1, 2, 'met Grace');
            select setval('crm.people_id_seq', 3), setval('crm.notes_id_seq', 1);
            """;

    /** The target knows Grace as person 10, and has another person 1. */
    static final String TARGET_ROWS = """
            insert into crm.people values (1, 'ada@example.com', 'Ada'), (10, 'grace@example.com', 'Grace');
            select setval('crm.people_id_seq', 10);
            """;

    @TempDir
    static Path dir;
    static ImportScenario crm;

    @BeforeAll
    static void writeSnapshot(PostgresServer server) throws Exception {
        crm = ImportScenario.create(server, dir, DDL, DATA);
    }

    @ParameterizedTest(name = "{0}, triggers off allowed: {1}")
    @CsvSource({"INSERT_MISSING, true", "INSERT_MISSING, false", "UPSERT, true", "UPSERT, false"})
    void aRowWhoseOtherUniqueValueTheTargetHoldsIsRefusedNamingBothRowsAndTheNaturalKey(ImportMode mode,
            boolean triggersOffAllowed) throws Exception {
        String target = crm.newDatabase(true);
        try (Connection c = crm.connect(target); Snapshot snapshot = crm.open()) {
            execute(c, TARGET_ROWS);
            String before = databaseState(c, "crm");

            assertThatThrownBy(() -> SnapshotImporter.builder().mode(mode).triggersOffAllowed(triggersOffAllowed)
                    .build().importInto(c, snapshot))
                    .isInstanceOf(SeedException.class)
                    .satisfies(e -> assertThat(((SeedException) e).code()).isEqualTo(SeedException.Code.DATA_INTEGRITY))
                    .hasMessageStartingWith("Import failed, nothing was imported: table crm.people (file "
                            + "crm.people.tsv, line 3, key (id)=(2)): its (email)=(grace@example.com) is held by "
                            + "the database's row (id)=(10), so unique key people_email_key refuses it.")
                    .hasMessageContaining("declare email as the natural key of crm.people, with "
                            + "naturalKey(\"crm.people\", \"email\"), and the row is matched to the database's row "
                            + "(id)=(10)");
            assertThat(databaseState(c, "crm")).isEqualTo(before);
        }
    }

    @Test
    void withEmailDeclaredAsTheNaturalKeyTheRowIsMatchedAndItsReferencesFollow() throws Exception {
        String target = crm.newDatabase(true);
        try (Connection c = crm.connect(target); Snapshot snapshot = crm.open()) {
            execute(c, TARGET_ROWS);

            ImportReport report = SnapshotImporter.builder().naturalKey("crm.people", "email").build()
                    .importInto(c, snapshot);

            assertThat(queryValue(c, "select string_agg(id || '=' || email, ',' order by id) from crm.people"))
                    .isEqualTo("1=ada@example.com,3=linus@example.com,10=grace@example.com");
            assertThat(queryValue(c, "select p.email from crm.notes n join crm.people p on p.id = n.person_id"))
                    .isEqualTo("grace@example.com");
            ImportReport.TableReport people = report.tables().get(0);
            assertThat(people.table()).isEqualTo("crm.people");
            assertThat(people.matched()).isEqualTo(2);
            assertThat(people.inserted()).isEqualTo(1);
            assertThat(people.remapped()).isEqualTo(1);
        }
    }
}
